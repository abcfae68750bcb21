"""The look-up response cache: hits skip the app, a new graph or any write forgets every answer."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dirgraph.api.main import create_app
from dirgraph.api.response_cache import ResponseCache, ResponseCacheMiddleware
from dirgraph.api.settings import Settings

ROOT = "doc-57-nq-tw-2024"


class CountingApp:
    """A stand-in app: answers JSON (or what ``status``/``ctype`` say) and counts its calls."""

    def __init__(self, status: int = 200, ctype: bytes = b"application/json") -> None:
        self.calls = 0
        self.status, self.ctype = status, ctype

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        body = f'{{"n": {self.calls}, "path": "{scope["path"]}"}}'.encode()
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", self.ctype), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _get(app: Any, path: str, query: bytes = b"", method: str = "GET") -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _replace(path: Path, text: str) -> None:
    """Write the graph the way the workspace does: a new file moved over the old one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.json"
    path.write_text("{}", encoding="utf-8")
    return path


def test_second_lookup_is_replayed_without_the_app(graph_file: Path) -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, lambda: graph_file)
    first = _get(app, "/documents/doc-1")
    assert _get(app, "/documents/doc-1") == first
    assert inner.calls == 1 and app.cache.hits == 1
    _get(app, "/documents/doc-1", query=b"limit=5")  # another query string is another answer
    assert inner.calls == 2


def test_new_graph_file_forgets_answers(graph_file: Path) -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, lambda: graph_file)
    _get(app, "/tasks/t-1")
    _replace(graph_file, '{"nodes": {}}')
    _, body = _get(app, "/tasks/t-1")
    assert inner.calls == 2 and b'"n": 2' in body


def test_a_write_empties_the_cache(graph_file: Path) -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, lambda: graph_file)
    _get(app, "/search", query=b"q=so+giao+duc")
    _get(app, "/documents", method="POST")
    assert len(app.cache) == 0
    _get(app, "/search", query=b"q=so+giao+duc")
    assert inner.calls == 3
    _get(app, "/sparql", method="POST")  # a read-only POST keeps what is cached
    _get(app, "/search", query=b"q=so+giao+duc")
    assert inner.calls == 4 and len(app.cache) == 1


@pytest.mark.parametrize(("status", "ctype", "path"), [
    (404, b"application/problem+json", "/documents/doc-khong-ton-tai"),
    (200, b"text/html; charset=utf-8", "/documents/doc-1"),
    (200, b"application/json", "/health"),
    (200, b"application/sparql-results+json", "/sparql"),
])
def test_only_json_lookups_that_succeeded_are_kept(graph_file: Path, status: int, ctype: bytes, path: str) -> None:
    inner = CountingApp(status, ctype)
    app = ResponseCacheMiddleware(inner, lambda: graph_file)
    _get(app, path)
    _get(app, path)
    assert inner.calls == 2 and len(app.cache) == 0


def test_no_graph_file_means_no_cache(tmp_path: Path) -> None:
    inner = CountingApp()
    app = ResponseCacheMiddleware(inner, lambda: tmp_path / "graph.json")
    _get(app, "/stats")
    _get(app, "/stats")
    assert inner.calls == 2


def test_cache_is_bounded_least_recently_used_first() -> None:
    cache = ResponseCache(max_entries=2, max_bytes=10)
    cache.put(("a",), 200, [], b"1234")
    cache.put(("b",), 200, [], b"1234")
    assert cache.get(("a",)) is not None
    cache.put(("c",), 200, [], b"1234")  # over two entries: "b" was used least recently
    assert cache.get(("b",)) is None and cache.get(("a",)) is not None
    cache.put(("d",), 200, [], b"123456789")  # over ten bytes: only "d" fits
    assert len(cache) == 1 and cache.get(("d",)) is not None


def test_cached_answers_equal_uncached_ones_on_the_demo_graph(demo_home: Path) -> None:
    paths = [f"/documents/{ROOT}", f"/documents/{ROOT}/chain", f"/documents/{ROOT}/cascade",
             "/search?q=chuyen+doi+so", "/agencies?q=so+giao+duc", "/stats", "/documents?limit=5"]
    answers: dict[bool, list[tuple[int, str, bytes]]] = {}
    for cached in (False, True):
        settings = Settings(home=demo_home, response_cache=cached)
        with TestClient(create_app(settings)) as client:
            rounds = [[client.get(p) for p in paths] for _ in range(2)]
        assert [r.content for r in rounds[0]] == [r.content for r in rounds[1]]
        answers[cached] = [(r.status_code, r.headers["content-type"], r.content) for r in rounds[1]]
    assert answers[True] == answers[False]
    assert all(status == 200 for status, _, _ in answers[True])


def test_graph_stamp_follows_the_workspace_file(graph_file: Path) -> None:
    before = os.stat(graph_file)
    _replace(graph_file, "{}")
    assert os.stat(graph_file).st_ino != before.st_ino  # what the stamp relies on


NEW_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 318/KH-UBND\nNghệ An, ngày 14 tháng 3 năm 2025\n\n"
    "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\n"
    "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành xây dựng cơ sở dữ liệu "
    "về chuyển đổi số, hoàn thành trong năm 2025.\n"
)


def test_an_upload_is_visible_on_the_next_cached_read(demo_home: Path, tmp_path: Path) -> None:
    import shutil

    home = tmp_path / "home"
    shutil.copytree(demo_home, home)
    settings = Settings(home=home, api_token="bi-mat-kiem-thu")  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as client:
        before = [client.get("/search", params={"q": "318/KH-UBND"}).json() for _ in range(2)]
        stats = client.get("/stats").json()
        assert before[0] == before[1] and before[0]["documents"] == []
        upload = client.post("/documents", files={"file": ("318-kh-ubnd.txt", NEW_PLAN.encode(), "text/plain")},
                             headers={"authorization": "Bearer bi-mat-kiem-thu"})
        assert upload.status_code == 201, upload.text
        after = client.get("/search", params={"q": "318/KH-UBND"}).json()
        assert [d["number"] for d in after["documents"]] == ["318/KH-UBND"]
        assert client.get("/stats").json() != stats
