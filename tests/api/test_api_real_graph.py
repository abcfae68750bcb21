"""The API over a real workspace (the demo corpus ingested by the real pipeline and GraphService)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

ROOT = "doc-57-nq-tw-2024"


def _documents(client: TestClient, **params: object) -> list[dict]:
    response = client.get("/documents", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def test_documents_list_filter_and_fold(real_client: TestClient) -> None:
    everything = _documents(real_client)
    assert ROOT in {d["id"] for d in everything}
    plans = _documents(real_client, kind="plan")
    assert plans and all(d["kind"].lower() == "plan" for d in plans)
    hai_phong = _documents(real_client, locality="Hải Phòng")
    assert hai_phong and {d["id"] for d in hai_phong} == {d["id"] for d in _documents(real_client, locality="hai phong")}
    assert all(d["locality_name"] for d in hai_phong)


def test_cascade_chain_and_coverage_agree(real_client: TestClient) -> None:
    cascade = real_client.get(f"/documents/{ROOT}/cascade").json()
    below = {row["id"] for row in cascade}
    assert below, "the demo plans implement the resolution"
    some_plan = max(cascade, key=lambda row: row["depth"])
    chain = real_client.get(f"/documents/{some_plan['id']}/chain").json()
    assert ROOT in {hop["target"] for hop in chain}
    coverage = real_client.get(f"/documents/{ROOT}/coverage", params={"level": "province", "map": "post2025"}).json()
    covered = {c["name"] for c in coverage["covered"]}
    assert "Hải Phòng" in covered and coverage["total"] == len(coverage["covered"]) + len(coverage["missing"])


def test_document_tasks_lead_to_task_and_agency(real_client: TestClient) -> None:
    with_tasks = [d for d in _documents(real_client) if
                  real_client.get(f"/documents/{d['id']}").json()["task_count"]]
    assert with_tasks
    tasks = real_client.get(f"/documents/{with_tasks[0]['id']}/tasks").json()
    task = real_client.get(f"/tasks/{tasks[0]['id']}").json()
    assert task["document"]["id"] == with_tasks[0]["id"] and task["text"]
    agencies = [r["agency_id"] for r in task["responsible"]]
    if agencies:
        agency = real_client.get(f"/agencies/{agencies[0]}").json()
        assert any(t["task_id"] == task["id"] for t in agency["tasks"])


def test_agency_search_without_diacritics(real_client: TestClient) -> None:
    found = real_client.get("/agencies", params={"q": "so giao duc hai phong"}).json()
    assert found[0]["name"] == "Sở Giáo dục và Đào tạo" and found[0]["locality_name"] == "Hải Phòng"
    detail = real_client.get(f"/agencies/{found[0]['id']}").json()
    assert detail["tasks"]


def test_search_and_stats(real_client: TestClient) -> None:
    results = real_client.get("/search", params={"q": "chuyen doi so"}).json()
    assert results["documents"] or results["tasks"]
    stats = real_client.get("/stats").json()
    assert stats["nodes"]["Document"] >= 10


def test_unknown_ids_are_404(real_client: TestClient) -> None:
    for path in ("/documents/doc-khong-ton-tai", "/agencies/agency-khong-ton-tai", "/tasks/task-khong-ton-tai",
                 "/documents/doc-khong-ton-tai/cascade"):
        response = real_client.get(path)
        assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")


def test_cypher_reads_with_parameters(real_client: TestClient) -> None:
    response = real_client.post("/query/cypher", json={
        "query": "MATCH (d:Document {id: $id}) RETURN d.id, d.number, d", "parameters": {"id": ROOT}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rows"][0][:2] == [ROOT, "57-NQ/TW"] and body["rows"][0][2]["id"] == ROOT


def test_cypher_row_cap(real_client: TestClient) -> None:
    body = real_client.post("/query/cypher", json={"query": "MATCH (t:Task) RETURN t.id"}).json()
    assert len(body["rows"]) == 50 and body["truncated"] is True


@pytest.mark.parametrize("query", [
    "MATCH (d:Document) DETACH DELETE d",
    "CREATE (d:Document {id: 'x'})",
    "MATCH (d:Document) SET d.title = 'x'",
    "COPY Document FROM '/etc/passwd'",
    "CALL timeout=100000",
])
def test_cypher_writes_rejected_and_graph_intact(real_client: TestClient, query: str) -> None:
    response = real_client.post("/query/cypher", json={"query": query})
    assert response.status_code == 400
    count = real_client.post("/query/cypher", json={"query": "MATCH (d:Document) RETURN count(d)"}).json()
    assert count["rows"][0][0] >= 10


def test_cypher_syntax_error_is_400(real_client: TestClient) -> None:
    response = real_client.post("/query/cypher", json={"query": "MATCH (d:Document RETURN d"})
    assert response.status_code == 400 and response.json()["detail"]


def test_runaway_cypher_is_stopped_and_server_answers(real_client: TestClient) -> None:
    response = real_client.post("/query/cypher", json={"query": "MATCH (a)-[*]-(b) RETURN count(*)"})
    assert response.status_code == 504, response.text
    assert response.json()["type"] == "urn:dirgraph:problem:query-timeout"
    assert real_client.get("/health").json()["status"] == "ok"
    assert real_client.get(f"/documents/{ROOT}").status_code == 200


def test_upload_ingests_into_a_real_workspace(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from api_fakes import DEMO

    from dirgraph.api.main import create_app
    from dirgraph.api.settings import Settings

    settings = Settings(home=tmp_path / "home", api_token="bi-mat", query_timeout_s=5.0)  # type: ignore[arg-type]
    auth = {"authorization": "Bearer bi-mat"}
    plan = DEMO / "06-ke-hoach-ubnd-phuong-lach-tray.txt"
    with TestClient(create_app(settings)) as client:
        assert client.get("/documents").json()["total"] == 0
        created = client.post("/documents", files={"file": (plan.name, plan.read_bytes(), "text/plain")},
                              headers=auth)
        assert created.status_code == 201, created.text
        assert created.json()["read"] and created.json()["nodes"] > 0
        listed = client.get("/documents", params={"q": "31/KH-UBND"}).json()["items"]
        assert any(d["number"] == "31/KH-UBND" for d in listed)
        bad = client.post("/documents", files={"file": ("hong.pdf", b"%PDF-1.4 truncated", "application/pdf")},
                          headers=auth)
        assert bad.status_code == 422, bad.text
        detail = bad.json()["detail"]
        assert detail.startswith("hong.pdf: ") and "\n" not in detail and "Traceback" not in detail


def test_deadlines_are_paged_with_the_total_and_a_link_to_the_next_page(real_client: TestClient) -> None:
    everything = real_client.get("/deadlines", params={"limit": 10_000})
    total = int(everything.headers["X-Total-Count"])
    rows = everything.json()
    assert total == len(rows) >= 3 and "Link" not in everything.headers
    first = real_client.get("/deadlines", params={"limit": 2})
    assert first.json() == rows[:2] and first.headers["X-Total-Count"] == str(total)
    following = first.headers["Link"]
    assert following.endswith('>; rel="next"') and "offset=2" in following and "limit=2" in following
    pages: list[dict] = []  # type: ignore[type-arg]
    url: str | None = following[1:following.index(">")]
    pages += first.json()
    while url:
        page = real_client.get(url)
        pages += page.json()
        link = page.headers.get("Link")
        url = link[1:link.index(">")] if link else None
    assert pages == rows  # walking the links gives every row once, in order
    assert real_client.get("/deadlines", params={"limit": 0}).status_code == 422
    assert real_client.get("/deadlines", params={"offset": total}).json() == []
