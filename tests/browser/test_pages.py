"""The pages in a real Chromium: load, click, search without diacritics, follow a chain, stay offline, stay inert."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from live_app import live_server
from playwright.sync_api import Frame, Page, expect

pytestmark = pytest.mark.browser
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("home")
    with live_server(home / ".dirgraph", tmp_path_factory.mktemp("extra")) as url:
        yield url


@pytest.fixture(scope="module", autouse=True)
def _write_timings(artifacts: Path) -> Iterator[None]:
    yield
    (artifacts / "settle-times.json").write_text(json.dumps(TIMINGS, indent=2), encoding="utf-8")


@pytest.fixture
def requests_seen(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.on("dialog", lambda dialog: (_ for _ in ()).throw(AssertionError(f"dialog opened: {dialog.message}")))
    return seen


def _api(page: Page, app_url: str, path: str) -> object:
    response = page.request.get(app_url + path)
    assert response.ok, (path, response.status)
    return response.json()


def _root_document(page: Page, app_url: str) -> str:
    items = _api(page, app_url, "/documents?level=central&limit=50")["items"]  # type: ignore[index]
    numbered = [d for d in items if d.get("number")]
    assert numbered, "the demo corpus has a central document"
    cascades = {d["id"]: len(_api(page, app_url, f"/documents/{d['id']}/cascade")) for d in numbered}  # type: ignore[arg-type]
    return max(cascades, key=lambda k: cascades[k])


def _open(page: Page, url: str, name: str, artifacts: Path) -> None:
    started = time.monotonic()
    page.goto(url)
    page.wait_for_load_state("load")
    if page.locator("#graph-frame").count():
        frame = _graph_frame(page)
        frame.wait_for_selector("body[data-settled='1']", state="attached", timeout=20_000)
    TIMINGS[name] = round(time.monotonic() - started, 3)
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def _graph_frame(page: Page) -> Frame:
    handle = page.wait_for_selector("#graph-frame")
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    return frame


def _assert_same_origin(seen: list[str], app_url: str) -> None:
    origin = urlparse(app_url)
    for url in seen:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            continue
        assert (parsed.scheme, parsed.netloc) == (origin.scheme, origin.netloc), f"request left the app: {url}"


def test_home_counts_and_recent(page: Page, app_url: str, artifacts: Path, requests_seen: list[str]) -> None:
    _open(page, app_url + "/", "home", artifacts)
    expect(page.locator("#counts .card").first).to_be_visible()
    assert page.locator("#recent tbody tr").count() >= 5
    _assert_same_origin(requests_seen, app_url)


def test_english_labels(page: Page, app_url: str) -> None:
    page.goto(app_url + "/?lang=en")
    expect(page.locator("#search-box")).to_have_attribute("placeholder", "documents, agencies, tasks (with or without diacritics)")


def test_document_page_click_node_shows_details(page: Page, app_url: str, artifacts: Path,
                                               requests_seen: list[str]) -> None:
    root = _root_document(page, app_url)
    _open(page, f"{app_url}/view/documents/{root}", "document", artifacts)
    frame = _graph_frame(page)
    point = frame.evaluate(
        """(id) => { dgNetwork.focus(id, {scale: 1.0}); const p = dgNetwork.canvasToDOM(dgNetwork.getPositions([id])[id]);
                    const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
                    return {x: r.left + p.x, y: r.top + p.y}; }""", root)
    box = page.locator("#graph-frame").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(frame.locator("#dg-details")).to_be_visible()
    expect(frame.locator("#dg-label")).not_to_be_empty()
    page.screenshot(path=str(artifacts / "document-node-clicked.png"))
    _assert_same_origin(requests_seen, app_url)


def test_matrix_cell_shows_its_quote(page: Page, app_url: str, artifacts: Path) -> None:
    docs = _api(page, app_url, "/documents?limit=100")["items"]  # type: ignore[index]
    for doc in docs:
        page.goto(f"{app_url}/view/documents/{doc['id']}")
        cells = page.locator("#matrix button.role")
        if cells.count():
            cells.first.click()
            expect(page.locator("#quote-panel")).to_be_visible()
            expect(page.locator("#qp-quote")).not_to_be_empty()
            page.screenshot(path=str(artifacts / "matrix-quote.png"))
            return
    pytest.fail("no document of the demo corpus has a responsibility matrix")


def test_search_without_diacritics(page: Page, app_url: str, artifacts: Path) -> None:
    page.goto(app_url + "/")
    page.fill("#search-box", "so giao duc")
    page.press("#search-box", "Enter")
    page.wait_for_load_state("load")
    expect(page.locator("#found-agencies a").first).to_contain_text("Sở Giáo dục")
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)


def test_follow_a_chain_upwards(page: Page, app_url: str) -> None:
    root = _root_document(page, app_url)
    cascade = _api(page, app_url, f"/documents/{root}/cascade")
    deepest = max(cascade, key=lambda row: row["depth"])  # type: ignore[arg-type, index]
    page.goto(f"{app_url}/view/documents/{deepest['id']}")
    seen = {deepest["id"]}
    for _ in range(int(deepest["depth"])):
        link = page.locator("#relations tr", has_text="implements →").locator("a.chain-link").first
        link.click()
        page.wait_for_load_state("load")
        seen.add(page.url.rsplit("/", 1)[-1])
    assert root in seen


def test_agency_coverage_and_explorer_pages(page: Page, app_url: str, artifacts: Path,
                                            requests_seen: list[str]) -> None:
    root = _root_document(page, app_url)
    _open(page, f"{app_url}/view/coverage/{root}?level=province", "coverage", artifacts)
    assert page.locator("#covered tbody tr").count() >= 1
    assert page.locator("#missing li").count() >= 20
    agencies = _api(page, app_url, "/agencies?q=so%20giao%20duc")
    agency_id = agencies[0]["id"] if isinstance(agencies, list) else agencies["items"][0]["id"]  # type: ignore[index]
    _open(page, f"{app_url}/view/agencies/{agency_id}", "agency", artifacts)
    _open(page, f"{app_url}/view/explore?center={root}&depth=2", "explorer", artifacts)
    _assert_same_origin(requests_seen, app_url)


def test_hostile_document_text_never_executes(page: Page, app_url: str, artifacts: Path) -> None:
    found = _api(page, app_url, "/search?q=chuyen%20doi%20so%20img")
    docs = found["documents"]  # type: ignore[index]
    hostile = [d for d in _api(page, app_url, "/documents?limit=200")["items"]  # type: ignore[index]
               if "onerror" in (d.get("title") or "")]
    assert hostile or docs, "the hostile document was ingested"
    targets = [f"/view/documents/{d['id']}" for d in hostile] + [f"/graph/documents/{d['id']}" for d in hostile]
    targets += ["/find?q=onerror", "/find?q=%3Cscript%3E"]
    agencies = _api(page, app_url, "/agencies?q=Ban%20Tuyen%20giao")
    items = agencies if isinstance(agencies, list) else agencies["items"]  # type: ignore[index]
    targets += [f"/view/agencies/{a['id']}" for a in items[:3]]  # type: ignore[index]
    for path in targets:
        page.goto(app_url + path)
        page.wait_for_load_state("load")
        page.mouse.move(200, 200)
        time.sleep(0.2)
        assert page.evaluate("window.__xss") is None, path
        for frame in page.frames:
            assert frame.evaluate("window.__xss") is None, path
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
