"""Every read route over the fake service: happy path, 404 and 422 problem responses."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def _problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"]
    assert "Traceback" not in response.text
    return body  # type: ignore[no-any-return]


def test_health_answers_without_opening_the_graph(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["backend"] == "ladybug"


def test_list_documents_filters_and_paginates(client: TestClient) -> None:
    everything = client.get("/documents").json()
    assert everything["total"] == 2 and len(everything["items"]) == 2
    plans = client.get("/documents", params={"kind": "plan"}).json()
    assert [d["number"] for d in plans["items"]] == ["45/KH-UBND"]
    folded = client.get("/documents", params={"q": "nghi quyet"}).json()
    assert {d["id"] for d in folded["items"]} == {"doc-57-nq-tw-2024", "doc-45-kh-ubnd-2025"}
    dated = client.get("/documents", params={"date_from": "2025-01-01", "date_to": "2025-12-31"}).json()
    assert [d["id"] for d in dated["items"]] == ["doc-45-kh-ubnd-2025"]
    page = client.get("/documents", params={"offset": 1, "limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["offset"] == 1


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"date_from": "12/8/2024"}, {"date_to": "2024-13-01"}],
)
def test_list_documents_bad_parameters_are_422_problems(client: TestClient, params: dict) -> None:
    body = _problem(client.get("/documents", params=params), 422)
    assert body["errors"] and body["detail"]


def test_document_detail_and_its_views(client: TestClient) -> None:
    detail = client.get("/documents/doc-45-kh-ubnd-2025").json()
    assert detail["issuer_name"] == "Ủy ban nhân dân" and detail["relations_out"][0]["other"]["number"] == "57-NQ/TW"
    chain = client.get("/documents/doc-45-kh-ubnd-2025/chain").json()
    assert chain[0]["target"] == "doc-57-nq-tw-2024" and chain[0]["depth"] == 1
    cascade = client.get("/documents/doc-57-nq-tw-2024/cascade").json()
    assert cascade[0]["locality_name"] == "Hải Phòng"
    tasks = client.get("/documents/doc-45-kh-ubnd-2025/tasks").json()
    assert tasks[0]["agencies"][0]["role"] == "leads"
    matrix = client.get("/documents/doc-45-kh-ubnd-2025/matrix").json()
    assert matrix[0]["agency_name"] == "Sở Giáo dục và Đào tạo"
    coverage = client.get("/documents/doc-57-nq-tw-2024/coverage", params={"level": "province", "map": "post2025"})
    assert coverage.json()["missing"][0]["name"] == "Nghệ An"


@pytest.mark.parametrize(
    "path", ["/documents/doc-khong-co", "/documents/doc-khong-co/chain", "/documents/doc-khong-co/cascade",
             "/documents/doc-khong-co/tasks", "/documents/doc-khong-co/matrix", "/documents/doc-khong-co/coverage",
             "/agencies/agency-khong-co", "/tasks/task-khong-co"],
)
def test_unknown_ids_are_404_problems(client: TestClient, path: str) -> None:
    body = _problem(client.get(path), 404)
    assert "khong-co" in body["detail"] and body["instance"] == path
    assert body["type"] == "urn:dirgraph:problem:not-found"


def test_coverage_rejects_an_unknown_level(client: TestClient) -> None:
    _problem(client.get("/documents/doc-57-nq-tw-2024/coverage", params={"level": "hamlet"}), 422)


def test_agency_search_with_and_without_diacritics(client: TestClient) -> None:
    for q in ("so giao duc hai phong", "Sở Giáo dục Hải Phòng"):
        found = client.get("/agencies", params={"q": q}).json()
        assert [a["id"] for a in found] == ["agency-so-giao-duc-va-dao-tao--hai-phong"]
    _problem(client.get("/agencies"), 422)
    _problem(client.get("/agencies", params={"q": ""}), 422)


def test_agency_detail(client: TestClient) -> None:
    detail = client.get("/agencies/agency-so-giao-duc-va-dao-tao--hai-phong").json()
    assert detail["tasks"][0]["deadline_value"] == "Quý IV/2025"
    assert detail["reports_to"][0]["name"] == "Ủy ban nhân dân"


def test_task_detail(client: TestClient) -> None:
    task = client.get("/tasks/task-doc-45-kh-ubnd-2025-ii-1-a").json()
    assert task["responsible"][0]["parent_agency_name"] == "Ủy ban nhân dân"
    assert task["quotes"][0]["quote"].startswith("Sở Giáo dục")


def test_deadlines_window(client: TestClient) -> None:
    assert len(client.get("/deadlines", params={"date_from": "2025-01-01"}).json()) == 1
    assert client.get("/deadlines", params={"date_from": "2026-01-01"}).json() == []
    _problem(client.get("/deadlines", params={"date_to": "quý IV"}), 422)


def test_search_everything(client: TestClient) -> None:
    found = client.get("/search", params={"q": "hoc tap so"}).json()
    assert found["tasks"][0]["id"] == "task-doc-45-kh-ubnd-2025-ii-1-a"
    _problem(client.get("/search"), 422)


def test_stats(client: TestClient) -> None:
    assert client.get("/stats").json()["nodes"]["Document"] == 2


def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    _problem(client.get("/khong-co"), 404)
    _problem(client.delete("/documents/doc-57-nq-tw-2024"), 405)


def test_openapi_documents_problems_and_examples(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    op = schema["paths"]["/documents/{doc_id}"]["get"]
    assert "application/problem+json" in op["responses"]["404"]["content"]
    assert "application/problem+json" in op["responses"]["422"]["content"]
    assert schema["components"]["schemas"]["DocumentDetailPublic"]["examples"]
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert "200" in operation["responses"] or "201" in operation["responses"], (path, method)


def test_store_failures_and_bugs_are_problems_without_tracebacks(settings, fake) -> None:  # type: ignore[no-untyped-def]
    from dirgraph.api.main import create_app

    with TestClient(create_app(settings, service=fake), raise_server_exceptions=False) as client:
        locked = _problem(client.get("/documents/doc-store-locked"), 503)
        assert "locked" in locked["detail"]
        bug = _problem(client.get("/documents/doc-driver-bug"), 500)
        assert bug["detail"] == "unexpected server error; see the server log"
