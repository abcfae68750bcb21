"""``POST /documents``: upload one file and ingest it (the only route that writes).

Guarded by a bearer token (``DIRGRAPH_API_TOKEN``); with no token configured uploads are off.
The file is kept under ``<home>/uploads/`` so the graph's provenance points at a file that still
exists; a file the reader cannot use comes back as a 422 problem with the one-line reason.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dirgraph.api.bounded import run_bounded
from dirgraph.api.deps import HolderDep, SettingsDep
from dirgraph.api.errors import problem_responses
from dirgraph.api.schemas import IngestReportPublic
from dirgraph.api.settings import Settings
from dirgraph.core.errors import IngestError
from dirgraph.graph.service_models import IngestReport

router = APIRouter(tags=["documents"])
_bearer = HTTPBearer(auto_error=False, description="DIRGRAPH_API_TOKEN")
_UNSAFE = re.compile(r"[^\w.\-]+")
_CHUNK = 1 << 16
_INGEST_TIMEOUT_S = 300.0


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """401 without a bearer token, 403 with a wrong one or when uploads are disabled."""
    if not settings.uploads_enabled:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "uploads are disabled (no DIRGRAPH_API_TOKEN configured)")
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "a bearer token is required to upload",
            headers={"WWW-Authenticate": "Bearer"},
        )
    assert settings.api_token is not None
    expected = settings.api_token.get_secret_value().encode("utf-8")
    if not secrets.compare_digest(credentials.credentials.encode("utf-8"), expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the bearer token is not valid")


def safe_filename(name: str | None) -> str:
    """A plain file name from a client-supplied one: no folders, no odd characters, never empty."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = _UNSAFE.sub("_", base).strip("._")[:150]
    return cleaned or "upload"


def _target(settings: Settings, filename: str) -> Path:
    folder = settings.home / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    if path.exists():
        stem, suffix = path.stem, path.suffix
        path = folder / f"{stem}-{secrets.token_hex(4)}{suffix}"
    return path


@router.post(
    "/documents",
    response_model=IngestReportPublic,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 413, 422, 503, 504),
    dependencies=[Depends(require_token)],
    summary="Upload and ingest a document",
)
async def upload_document(
    file: Annotated[UploadFile, File(description="A .docx, .pdf, .html, .txt or .md directive document.")],
    settings: SettingsDep,
    holder: HolderDep,
) -> IngestReport:
    """Store the file under the workspace and ingest it; the report lists what was read."""
    filename = safe_filename(file.filename)
    path = _target(settings, filename)
    size = 0
    with path.open("wb") as out:
        while chunk := await file.read(_CHUNK):
            size += len(chunk)
            if size > settings.max_upload_bytes:
                out.close()
                path.unlink(missing_ok=True)
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                                    f"{filename}: larger than {settings.max_upload_bytes} bytes")
            out.write(chunk)
    if size == 0:
        path.unlink(missing_ok=True)
        raise IngestError(filename, "empty file")

    def ingest() -> IngestReport:
        with holder.lock.writing():
            return holder.get().ingest_paths([path])

    report = await run_bounded(ingest, _INGEST_TIMEOUT_S, "ingest")
    if report.failed and not report.read and not report.unchanged:
        path.unlink(missing_ok=True)
        raise IngestError(filename, report.failed[0].reason)
    return report
