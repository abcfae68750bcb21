// Query 1, chain up: every IMPLEMENTS/CONTINUES/BASED_ON hop above $id, with the depth at which
// the hop's source is first reached (+1). Shortest-path semantics keep it fast on deep graphs.
MATCH (a:Document {id: $id})-[r:IMPLEMENTS|CONTINUES|BASED_ON]->(t:Document)
RETURN a.id AS source, a.number AS source_number, label(r) AS relation, t.id AS target,
       t.number AS target_number, t.title AS target_title, t.kind AS target_kind,
       t.level AS target_level, r.quote AS quote, 1 AS depth
UNION ALL
MATCH p = (a:Document {id: $id})-[:IMPLEMENTS|CONTINUES|BASED_ON* SHORTEST 1..8]->(s:Document)
MATCH (s)-[r:IMPLEMENTS|CONTINUES|BASED_ON]->(t:Document)
WHERE t.id <> $id
RETURN s.id AS source, s.number AS source_number, label(r) AS relation, t.id AS target,
       t.number AS target_number, t.title AS target_title, t.kind AS target_kind,
       t.level AS target_level, r.quote AS quote, length(p) + 1 AS depth
