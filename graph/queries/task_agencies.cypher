// Query 3: agencies responsible for task $id, by role, with the body they belong to.
MATCH (a:Agency)-[r:LEADS|COORDINATES|IMPLEMENTS_TASK|SUPERVISES]->(t:Task {id: $id})
OPTIONAL MATCH (a)-[:PART_OF]->(p:Agency)
RETURN a.id AS agency_id, a.name AS agency_name,
       CASE label(r) WHEN 'LEADS' THEN 'leads' WHEN 'COORDINATES' THEN 'coordinates'
                     WHEN 'IMPLEMENTS_TASK' THEN 'implements' ELSE 'supervises' END AS role,
       p.id AS parent_agency_id, p.name AS parent_agency_name, a.locality_name AS locality_name,
       r.quote AS quote
ORDER BY role, agency_name
