"""The Cypher guard: every write or outside-reaching form is refused, reads pass untouched."""

from __future__ import annotations

import pytest

from dirgraph.api.cypher_guard import check_cypher
from dirgraph.core.errors import QueryRejectedError

READS = [
    "MATCH (d:Document) RETURN d.id LIMIT 5",
    "MATCH (n) /* CREATE (x) */ RETURN n",
    "MATCH (n) // DELETE n\nRETURN n",
    "RETURN 'DELETE'",
    'RETURN "MERGE (a)-[:R]->(b)", \'it\\\'s SET\'',
    "MATCH (d:Document) WHERE d.set = 1 OR d.delete IS NULL RETURN d",
    "MATCH (n:`CREATE`) RETURN n {create: 1, .remove}",
    "MATCH p=(a:Document {id: $id})-[:IMPLEMENTS*1..6]->(b) RETURN b.id, length(p)",
    "MATCH (a:Agency) WHERE a.name STARTS WITH 'Sở' RETURN a.name ORDER BY a.name",
    "CALL show_tables() RETURN *",
    "CALL table_info('Document') RETURN *",
    "CALL db.labels()",
    "MATCH (n) RETURN count(n);",
    "UNWIND [1, 2] AS x WITH x CALL { MATCH (d:Document) RETURN d LIMIT 1 } RETURN x",
]

WRITES = [
    ("CREATE (d:Document {id: 'x'})", "CREATE"),
    ("create (d)", "CREATE"),
    ("MERGE (a:Agency {id: 'x'})", "MERGE"),
    ("MATCH (d:Document) SET d.title = 'x'", "SET"),
    ("MATCH (d) DELETE d", "DELETE"),
    ("MATCH (d) DETACH DELETE d", "DETACH"),
    ("MATCH (d) REMOVE d.title", "REMOVE"),
    ("DROP TABLE Document", "DROP"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD"),
    ("LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("COPY Document FROM '/tmp/x.csv'", "COPY"),
    ("COPY (MATCH (d) RETURN d) TO '/tmp/out.csv'", "COPY"),
    ("ALTER TABLE Document ADD x STRING", "ALTER"),
    ("INSTALL httpfs", "INSTALL"),
    ("LOAD EXTENSION httpfs", "LOAD"),
    ("ATTACH '/tmp/other' AS o (dbtype lbug)", "ATTACH"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("CALL timeout=1", "timeout"),
    ("CALL threads=64", "threads"),
    ("CALL db.clearQueryCaches()", "db.clearquerycaches"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "apoc"),
    ("RETURN apoc.util.sleep(1000)", "apoc"),
    ("RETURN nextval('doc_seq')", "nextval"),
    ("MATCH (n) RETURN n; MATCH (m) DELETE m", ";"),
    ("MATCH (n) RETURN n; CREATE (x)", ";"),
    ("/* comment */ CrEaTe (n)", "CREATE"),
    ("MATCH (n) RETURN n /* unterminated", "unterminated"),
    ("RETURN 'unterminated", "unterminated"),
    ("", "empty"),
    ("   // only a comment", "no statement"),
    ("BEGIN TRANSACTION", "BEGIN"),
    ("EXPORT DATABASE '/tmp/dump'", "EXPORT"),
    ("IMPORT DATABASE '/tmp/dump'", "IMPORT"),
]


@pytest.mark.parametrize("query", READS)
def test_read_queries_pass(query: str) -> None:
    check_cypher(query)


@pytest.mark.parametrize(("query", "named"), WRITES)
def test_write_and_outside_forms_are_rejected_with_a_reason(query: str, named: str) -> None:
    with pytest.raises(QueryRejectedError) as info:
        check_cypher(query)
    message = str(info.value)
    assert named.lower() in message.lower()
    assert "\n" not in message
