"""``POST /documents``: bearer token required, file kept in the workspace, bad files are 422 problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_fakes import TOKEN, FakeService
from fastapi.testclient import TestClient

from dirgraph.api.main import create_app
from dirgraph.api.routers.upload import safe_filename
from dirgraph.api.settings import Settings

PLAN_TEXT = (
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 45/KH-UBND\nHải Phòng, ngày 10 tháng 02 năm 2025\n\n"
    "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
).encode()
AUTH = {"authorization": f"Bearer {TOKEN}"}


def _upload(client: TestClient, content: bytes, name: str = "45-kh-ubnd.txt", headers: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post("/documents", files={"file": (name, content, "text/plain")}, headers=headers or {})


def test_upload_with_token_ingests_the_stored_file(client: TestClient, fake: FakeService, settings: Settings) -> None:
    response = _upload(client, PLAN_TEXT, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["read"] == [str(settings.home / "uploads" / "45-kh-ubnd.txt")]
    assert fake.ingested[0].read_bytes() == PLAN_TEXT
    again = _upload(client, PLAN_TEXT, headers=AUTH)
    assert again.status_code == 201 and fake.ingested[1] != fake.ingested[0]


def test_upload_without_token_is_401_and_wrong_token_403(client: TestClient, fake: FakeService) -> None:
    missing = _upload(client, PLAN_TEXT)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.headers["content-type"].startswith("application/problem+json")
    wrong = _upload(client, PLAN_TEXT, headers={"authorization": "Bearer sai-roi"})
    assert wrong.status_code == 403
    assert fake.ingested == []


def test_uploads_disabled_without_configured_token(tmp_path: Path, fake: FakeService) -> None:
    with TestClient(create_app(Settings(home=tmp_path, api_token=None), service=fake)) as client:
        response = _upload(client, PLAN_TEXT, headers=AUTH)
    assert response.status_code == 403 and "disabled" in response.json()["detail"]
    assert fake.ingested == []


def test_bad_files_are_problems_with_the_reason(client: TestClient, settings: Settings) -> None:
    binary = _upload(client, b"PK\x03\x04\x00\x00garbage", name="hong.docx", headers=AUTH)
    assert binary.status_code == 422
    body = binary.json()
    assert body["detail"] == "hong.docx: binary file, not a document"
    assert not (settings.home / "uploads" / "hong.docx").exists()
    empty = _upload(client, b"", name="rong.txt", headers=AUTH)
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    assert client.post("/documents", headers=AUTH).status_code == 422


def test_too_large_upload_is_413(tmp_path: Path, fake: FakeService) -> None:
    settings = Settings(home=tmp_path, api_token=TOKEN, max_upload_bytes=10)  # type: ignore[arg-type]
    with TestClient(create_app(settings, service=fake)) as client:
        assert _upload(client, PLAN_TEXT, headers=AUTH).status_code == 413
    assert fake.ingested == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("../../etc/passwd", "passwd"), ("C:\\Users\\x\\Kế hoạch 45.docx", "Kế_hoạch_45.docx"), ("", "upload"),
     ("...", "upload"), ("a/b/.hidden", "hidden")],
)
def test_safe_filename(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected
