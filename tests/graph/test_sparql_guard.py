"""The SPARQL guard refuses writes, federation and remote graphs before any store sees a query."""

from __future__ import annotations

import pytest

from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph.sparql_guard import check_query


@pytest.mark.parametrize(("text", "kind"), [
    ("SELECT ?d WHERE { ?d a <https://dirgraph.org/ns#Document> } LIMIT 5", "SELECT"),
    ("ASK { ?s ?p ?o }", "ASK"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "CONSTRUCT"),
    ("DESCRIBE <https://dirgraph.org/id/doc-91-kl-tw-2024>", "DESCRIBE"),
    ('SELECT * WHERE { ?s <https://schema.org/name> "SERVICE và LOAD" }', "SELECT"),
    ("SELECT ?service WHERE { ?service ?p ?o } # SERVICE in a comment", "SELECT"),
    ("SELECT * FROM <https://dirgraph.org/graph/entities> WHERE { ?s ?p ?o }", "SELECT"),
])
def test_read_queries_pass(text: str, kind: str) -> None:
    assert check_query(text).kind == kind


@pytest.mark.parametrize(("text", "reason"), [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "UPDATE"),
    ("DELETE WHERE { ?s ?p ?o }", "UPDATE"),
    ("LOAD <http://example.org/data.ttl>", "UPDATE"),
    ("CLEAR ALL", "UPDATE"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE SILENT ?ep { ?s ?p ?o } } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM"),
    ("PREFIX e: <http://evil.example/> SELECT * FROM NAMED e:g WHERE { ?s ?p ?o }", "FROM"),
    ("SELEC ?x WHERE { }", "syntax"),
    ("", "empty"),
])
def test_dangerous_or_broken_queries_are_rejected(text: str, reason: str) -> None:
    with pytest.raises(QueryRejectedError) as info:
        check_query(text)
    message = str(info.value)
    assert reason.lower() in message.lower()
    assert "\n" not in message
