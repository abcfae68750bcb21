"""``POST /query/cypher`` over the fake service: guard first, then deadline, cap and JSON rows."""

from __future__ import annotations

from api_fakes import FakeService
from fastapi.testclient import TestClient

from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings


def test_read_query_returns_columns_and_rows(client: TestClient, fake: FakeService) -> None:
    response = client.post("/query/cypher", json={"query": "MATCH (d:Document) RETURN d.id, d.number",
                                                  "parameters": {"kind": "plan"}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["d.id", "d.number"] and ["doc-57-nq-tw-2024", "57-NQ/TW"] in body["rows"]
    _query, params, timeout_s, row_cap = fake.cypher_calls[-1]
    assert params == {"kind": "plan"} and timeout_s == 0.5 and row_cap == 100


def test_write_is_refused_before_the_store_sees_it(client: TestClient, fake: FakeService) -> None:
    response = client.post("/query/cypher", json={"query": "MATCH (d) DETACH DELETE d"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "DETACH" in response.json()["detail"]
    assert fake.cypher_calls == []


def test_store_syntax_error_is_a_400_problem(client: TestClient) -> None:
    response = client.post("/query/cypher", json={"query": "MATCH syntax RETURN"})
    assert response.status_code == 400 and "syntax" in response.json()["detail"]


def test_row_cap_truncates(tmp_path, fake: FakeService) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(home=tmp_path, row_cap=1)
    with TestClient(create_app(settings, service=fake)) as client:
        body = client.post("/query/cypher", json={"query": "MATCH (d) RETURN d.id, d.number"}).json()
    assert len(body["rows"]) == 1 and body["truncated"] is True


def test_store_timeout_is_a_504_problem_and_health_still_answers(client: TestClient) -> None:
    response = client.post("/query/cypher", json={"query": "MATCH (a)-[*]-(b) RETURN count(*)"})
    assert response.status_code == 504
    assert response.json()["type"] == "urn:dirgraph:problem:query-timeout"
    assert client.get("/health").json()["status"] == "ok"


def test_a_store_that_ignores_its_deadline_is_abandoned(client: TestClient) -> None:
    response = client.post("/query/cypher", json={"query": "MATCH (n) WHERE n.id = 'HANG' RETURN n"})
    assert response.status_code == 504 and "deadline" in response.json()["detail"]
    assert client.get("/health").status_code == 200


def test_bad_bodies_are_problems(client: TestClient) -> None:
    assert client.post("/query/cypher", json={"query": ""}).status_code == 422
    assert client.post("/query/cypher", json={"parameters": {}}).status_code == 422
    assert client.post("/query/cypher", json={"query": "RETURN 1", "extra": 1}).status_code == 422
    broken = client.post("/query/cypher", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.headers["content-type"].startswith("application/problem+json")
