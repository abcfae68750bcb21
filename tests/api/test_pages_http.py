"""Pages over HTTP: unknown ids get an HTML 404 page; /docs and every page reference only this app."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings
from dirgraph.core.errors import NotFoundError


class _NothingHere:
    def get_document(self, doc_id: str) -> None:
        raise NotFoundError(f"unknown document {doc_id}")

    def get_agency(self, agency_id: str) -> None:
        raise NotFoundError(f"unknown agency {agency_id}")

    def close(self) -> None:
        return None


def _client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(Settings(home=tmp_path), service=_NothingHere()))  # type: ignore[call-arg]


def test_unknown_document_page_is_an_html_404(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        response = client.get("/view/documents/doc-none?lang=en")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text and "doc-none" in response.text


def test_hostile_id_is_escaped_on_the_404_page(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        response = client.get("/view/agencies/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert response.status_code == 404
    assert "<img src=x" not in response.text and "&lt;img" in response.text


def test_openapi_docs_need_no_cdn(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        for path in ("/docs", "/redoc"):
            page = client.get(path).text
            urls = re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", page)
            assert urls and not [u for u in urls if u.startswith(("http:", "https:", "//"))], (path, urls)
            for url in urls:
                if url.startswith("/"):
                    assert client.get(url).status_code == 200, url


def test_every_document_kind_has_both_labels() -> None:
    from dirgraph.api.i18n import KIND_LABELS, kind_label
    from dirgraph.graph.model import DocKind

    for kind in DocKind:
        assert kind.value.lower() in KIND_LABELS, kind
        assert kind_label(kind.value, "vi") != kind_label(kind.value, "en") or kind is DocKind.OTHER
    assert kind_label("Plan", "vi") == "Kế hoạch"
    assert kind_label("conclusion", "en") == "Conclusion"
    assert kind_label("unknown-kind", "vi") == "unknown-kind"
