// Query 6: tasks whose deadline date lies in [$date_from, $date_to], with their lead agencies.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.deadline_date IS NOT NULL AND t.deadline_date >= $date_from AND t.deadline_date <= $date_to
OPTIONAL MATCH (a:Agency)-[:LEADS]->(t)
RETURN t.id AS task_id, t.local_id AS local_id, t.text AS text, d.id AS document_id,
       d.title AS document_title, t.deadline_kind AS deadline_kind,
       t.deadline_value AS deadline_value, t.deadline_date AS deadline_date,
       d.locality_name AS locality_name, collect(a.name) AS lead_agencies
ORDER BY deadline_date, task_id
