"""``/sparql`` per the SPARQL 1.1 Protocol, over the fake service's in-memory Oxigraph store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

SELECT = "SELECT ?doc ?title WHERE { ?doc <http://data.europa.eu/eli/ontology#title> ?title } ORDER BY ?doc"
ASK = "ASK { ?d <http://data.europa.eu/eli/ontology#ensures_implementation_of> ?r }"
CONSTRUCT = ("CONSTRUCT { ?d <http://data.europa.eu/eli/ontology#title> ?t } "
             "WHERE { ?d <http://data.europa.eu/eli/ontology#title> ?t }")
JSON = "application/sparql-results+json"


def _titles(body: dict) -> list[str]:
    return [b["title"]["value"] for b in body["results"]["bindings"]]


def test_get_with_url_parameter_defaults_to_results_json(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": SELECT})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(JSON)
    assert any("Hải Phòng" in t for t in _titles(response.json()))


def test_post_form_and_direct_body(client: TestClient) -> None:
    form = client.post("/sparql", data={"query": SELECT})
    direct = client.post("/sparql", content=SELECT.encode("utf-8"),
                         headers={"content-type": "application/sparql-query; charset=utf-8"})
    assert form.status_code == direct.status_code == 200
    assert _titles(form.json()) == _titles(direct.json())


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", JSON),
        ("text/html,application/xhtml+xml,*/*;q=0.8", JSON),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_content_negotiation(client: TestClient, accept: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": SELECT}, headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(expected)
    assert "Accept" in response.headers["vary"]


def test_csv_rows_are_real_rows(client: TestClient) -> None:
    text = client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/csv"}).text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["doc", "title"] and len(rows) == 3


def test_ask(client: TestClient) -> None:
    assert client.get("/sparql", params={"query": ASK}).json()["boolean"] is True
    xml = client.get("/sparql", params={"query": ASK}, headers={"accept": "application/sparql-results+xml"})
    assert "<boolean>true</boolean>" in xml.text


@pytest.mark.parametrize(("accept", "expected"), [(None, "text/turtle"), ("application/ld+json", "application/ld+json"),
                                                  ("application/n-triples", "application/n-triples")])
def test_construct_as_turtle_or_json_ld(client: TestClient, accept: str | None, expected: str) -> None:
    headers = {"accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].startswith(expected)
    assert "Hải Phòng" in response.text
    if expected == "application/ld+json":
        assert isinstance(json.loads(response.text), list)


def test_unacceptable_type_is_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": SELECT}, headers={"accept": "image/png"})
    assert response.status_code == 406 and "sparql-results+json" in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <https://dirgraph.org/a> <https://dirgraph.org/b> 'c' }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP GRAPH <https://dirgraph.org/g>",
        "CREATE GRAPH <https://dirgraph.org/new>",
        "INSERT { ?s <https://dirgraph.org/p> 1 } WHERE { ?s ?p ?o }",
        "WITH <https://dirgraph.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "ADD DEFAULT TO <https://dirgraph.org/g>",
        "MOVE <https://dirgraph.org/a> TO <https://dirgraph.org/b>",
        "COPY DEFAULT TO <https://dirgraph.org/g>",
        "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <https://dirgraph.org/a> <https://dirgraph.org/b> 1 }",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
        "SELECT WHERE {",
    ],
)
def test_updates_service_and_remote_from_are_400(client: TestClient, query: str) -> None:
    for response in (client.get("/sparql", params={"query": query}), client.post("/sparql", data={"query": query})):
        assert response.status_code == 400, response.text
        assert response.headers["content-type"].startswith("application/problem+json")


def test_update_operation_is_refused_in_every_form(client: TestClient) -> None:
    update = "INSERT DATA { <https://dirgraph.org/a> <https://dirgraph.org/b> 'c' }"
    assert client.get("/sparql", params={"update": update}).status_code == 400
    assert client.post("/sparql", data={"update": update}).status_code == 400
    body = client.post("/sparql", content=update, headers={"content-type": "application/sparql-update"})
    assert body.status_code == 400 and "UPDATE" in body.json()["detail"]
    # nothing was written
    assert client.get("/sparql", params={"query": "ASK { <https://dirgraph.org/a> ?p ?o }"}).json()["boolean"] is False


def test_protocol_errors(client: TestClient) -> None:
    assert client.get("/sparql").status_code == 400
    assert client.post("/sparql", data={"other": "x"}).status_code == 400
    assert client.post("/sparql", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
    graphs = client.get("/sparql", params={"query": SELECT, "default-graph-uri": "http://example.org/g"})
    assert graphs.status_code == 400
    bad_utf8 = client.post("/sparql", content=b"\xff\xfe", headers={"content-type": "application/sparql-query"})
    assert bad_utf8.status_code == 400


def test_row_cap_cuts_solutions(tmp_path, fake) -> None:  # type: ignore[no-untyped-def]
    from dirgraph.api.main import create_app
    from dirgraph.api.settings import Settings

    with TestClient(create_app(Settings(home=tmp_path, row_cap=1), service=fake)) as capped:
        response = capped.get("/sparql", params={"query": SELECT})
        assert len(response.json()["results"]["bindings"]) == 1
        assert response.headers["x-dirgraph-truncated"] == "row cap 1"
        tsv = capped.get("/sparql", params={"query": SELECT}, headers={"accept": "text/tab-separated-values"})
        assert len(tsv.text.strip().splitlines()) == 2
