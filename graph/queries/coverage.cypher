// Query 5: documents implementing $id (transitively) per locality of level $level on map $era.
// A pre-2025 unit reaches today's units through MERGED_INTO, followed on the post-2025 map only.
MATCH (root:Document {id: $id})<-[:IMPLEMENTS|CONTINUES|BASED_ON* SHORTEST 1..8]-(d:Document)
MATCH (d)-[:LOCATED_IN]->(l:Locality)
MATCH q = (l)-[:WITHIN|MERGED_INTO*0..5]->(u:Locality)
WHERE u.level = $level AND (u.era = $era OR u.era = 'both')
  AND ($era = 'post2025' OR NOT list_contains(list_transform(rels(q), x -> label(x)), 'MERGED_INTO'))
RETURN DISTINCT u.id AS locality_id, u.name AS locality_name, d.id AS document_id,
       d.number AS document_number, d.title AS document_title, d.date AS document_date
ORDER BY locality_name, document_date, document_id
