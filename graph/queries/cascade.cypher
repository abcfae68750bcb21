// Query 2, cascade down: documents that transitively implement $id, each at its shortest depth,
// with the document one hop up on that path and the relation to it.
MATCH p = (root:Document {id: $id})<-[:IMPLEMENTS|CONTINUES|BASED_ON* SHORTEST 1..8]-(d:Document)
RETURN d.id AS id, d.number AS number, d.title AS title, d.kind AS kind, d.date AS date,
       length(p) AS depth, d.level AS level, d.locality_id AS locality_id,
       d.locality_name AS locality_name, d.issuer_name AS issuer_name,
       list_extract(nodes(p), length(p)).id AS parent,
       label(list_extract(rels(p), length(p))) AS relation, d.placeholder AS placeholder
ORDER BY depth, level, locality_name, id
