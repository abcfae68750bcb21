"""The API in a real uvicorn process on 127.0.0.1: look-ups, SPARQLWrapper, runaway queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dirgraph.api.loadtest import run_load
from dirgraph.api.server_process import running_server
from dirgraph.graph.stores import store_names

pytestmark = pytest.mark.slow
ROOT = "doc-57-nq-tw-2024"
needs_sparql = pytest.mark.skipif("oxigraph" not in store_names(), reason="no SPARQL store registered yet")


@pytest.fixture(scope="module")
def server(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("uvicorn") / "server.log"
    env = {"DIRGRAPH_QUERY_TIMEOUT_S": "3", "DIRGRAPH_ROW_CAP": "100", "DIRGRAPH_API_TOKEN": ""}
    with running_server(demo_home, env=env, log_path=log) as base:
        if "oxigraph" in store_names():
            _warm_sparql(base)
        yield base


def _warm_sparql(base: str) -> None:
    """The first SPARQL query starts the worker pool (a forkserver); on a busy machine that alone
    can take longer than the short deadline these tests use, so start it before measuring."""
    for _ in range(5):
        if httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200:
            return


def test_lookups_over_http(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as client:
        assert client.get("/health").json()["status"] == "ok"
        doc = client.get(f"/documents/{ROOT}")
        assert doc.status_code == 200 and doc.json()["number"] == "57-NQ/TW"
        found = client.get("/agencies", params={"q": "so giao duc hai phong"}).json()
        assert found[0]["name"] == "Sở Giáo dục và Đào tạo"
        missing = client.get("/documents/doc-khong-ton-tai")
        assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
        upload = client.post("/documents", files={"file": ("x.txt", b"x", "text/plain")})
        assert upload.status_code == 403  # no token configured: uploads are off


def test_runaway_cypher_stops_at_the_deadline_and_health_answers(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as client:
        response = client.post("/query/cypher", json={"query": "MATCH (a)-[*]-(b) RETURN count(*)"})
        assert response.status_code == 504, response.text
        assert "stopped" in response.json()["detail"]
        assert client.get("/health", timeout=5).status_code == 200
        assert client.get(f"/documents/{ROOT}", timeout=5).status_code == 200


def test_load_helper_counts_requests(server: str) -> None:
    result = run_load(server, [f"/documents/{ROOT}", "/documents/doc-khong-ton-tai"], clients=2, seconds=0.5)
    assert result.requests > 0 and result.errors == 0
    assert set(result.statuses) == {"200", "404"}


def test_load_helper_refuses_other_hosts() -> None:
    with pytest.raises(ValueError, match="loopback"):
        run_load("http://10.0.0.1:8000", ["/health"], clients=1, seconds=0.1)


@needs_sparql
def test_sparqlwrapper_select_ask_construct(server: str) -> None:
    from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

    endpoint = SPARQLWrapper(f"{server}/sparql")
    endpoint.setQuery(f"SELECT ?p ?o WHERE {{ <https://dirgraph.org/id/{ROOT}> ?p ?o }}")
    endpoint.setReturnFormat(JSON)
    bindings = endpoint.query().convert()["results"]["bindings"]  # type: ignore[index, call-overload]
    assert any(b["o"]["value"] == "57-NQ/TW" for b in bindings)

    endpoint.setMethod(POST)
    endpoint.setReturnFormat(CSV)
    csv_text = endpoint.query().convert().decode("utf-8")  # type: ignore[union-attr]
    assert csv_text.splitlines()[0] == "p,o" and "57-NQ/TW" in csv_text

    endpoint.setQuery(f"ASK {{ <https://dirgraph.org/id/{ROOT}> ?p ?o }}")
    endpoint.setReturnFormat(JSON)
    assert endpoint.query().convert()["boolean"] is True  # type: ignore[index, call-overload]

    endpoint.setQuery(f"CONSTRUCT {{ <https://dirgraph.org/id/{ROOT}> ?p ?o }} "
                      f"WHERE {{ <https://dirgraph.org/id/{ROOT}> ?p ?o }}")
    endpoint.setReturnFormat(TURTLE)
    turtle = endpoint.query().convert()
    assert b"57-NQ/TW" in turtle  # type: ignore[operator]


@needs_sparql
def test_sparql_update_refused_and_cross_product_stopped(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as client:
        update = client.post("/sparql", data={"update": "DELETE WHERE { ?s ?p ?o }"})
        assert update.status_code == 400
        sneaky = client.post("/sparql", content="DROP ALL", headers={"content-type": "application/sparql-query"})
        assert sneaky.status_code == 400
        service = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        assert service.status_code == 400
        cross = client.get("/sparql", params={
            "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"})
        assert cross.status_code == 504, cross.text
        assert client.get("/health", timeout=5).status_code == 200
        still = client.get("/sparql", params={"query": f"ASK {{ <https://dirgraph.org/id/{ROOT}> ?p ?o }}"})
        assert still.json()["boolean"] is True


def test_several_workers_answer_the_same_lookups(demo_home: Path, tmp_path: Path) -> None:
    """``dirgraph serve --workers 2``: each worker opens the workspace itself and answers alike."""
    with running_server(demo_home, workers=2, log_path=tmp_path / "server.log") as base:
        result = run_load(base, [f"/documents/{ROOT}", f"/documents/{ROOT}/chain", "/search?q=so+giao+duc"],
                          clients=4, seconds=0.5)
        with httpx.Client(base_url=base, timeout=30) as client:
            answers = {client.get(f"/documents/{ROOT}").content for _ in range(6)}
    assert result.errors == 0 and set(result.statuses) == {"200"}
    assert len(answers) == 1
