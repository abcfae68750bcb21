// Query 7: agency-to-agency edges whose source agency sits in locality $id or below it.
MATCH (a:Agency)-[:LOCATED_IN]->(:Locality)-[:WITHIN*0..3]->(:Locality {id: $id})
MATCH (a)-[r:COORDINATES_WITH|REPORTS_TO|PART_OF]->(b:Agency)
RETURN DISTINCT a.id AS source_id, a.name AS source_name, b.id AS target_id, b.name AS target_name,
       label(r) AS type, r.weight AS weight, r.provenance AS quotes
ORDER BY type, source_name, target_name
