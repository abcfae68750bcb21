// Query 4: the tasks of agency $id with its role and the deadline.
MATCH (a:Agency {id: $id})-[r:LEADS|COORDINATES|IMPLEMENTS_TASK|SUPERVISES]->(t:Task)
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.id AS task_id, t.local_id AS local_id, t.text AS text, d.id AS document_id,
       d.title AS document_title,
       CASE label(r) WHEN 'LEADS' THEN 'leads' WHEN 'COORDINATES' THEN 'coordinates'
                     WHEN 'IMPLEMENTS_TASK' THEN 'implements' ELSE 'supervises' END AS role,
       t.deadline_kind AS deadline_kind, t.deadline_value AS deadline_value,
       t.deadline_date AS deadline_date
ORDER BY deadline_date, task_id, role
