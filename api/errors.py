"""RFC 9457 problem responses for the whole ``dirgraph.core.errors`` tree.

Every error leaves the API as ``application/problem+json`` with a one-line ``detail`` — never a
traceback — so clients (and schemathesis) see one documented error shape on every route.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from dirgraph.core.errors import (
    DirgraphError,
    IngestError,
    NotFoundError,
    QueryRejectedError,
    QueryTimeoutError,
    StoreError,
    UnresolvedReferenceError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
_log = logging.getLogger("dirgraph.api")

# Exception class -> (status, problem type slug, title). Most specific classes first.
_MAPPING: list[tuple[type[DirgraphError], int, str, str]] = [
    (NotFoundError, 404, "not-found", "Not found"),
    (QueryRejectedError, 400, "query-rejected", "Query rejected"),
    (QueryTimeoutError, 504, "query-timeout", "Query timed out"),
    (IngestError, 422, "ingest-failed", "File could not be ingested"),
    (UnresolvedReferenceError, 422, "unresolved-reference", "Unresolved reference"),
    (StoreError, 503, "store-unavailable", "Graph store unavailable"),
]

_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    408: "Request timeout",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Invalid parameters",
    500: "Internal server error",
    503: "Service unavailable",
    504: "Query timed out",
}


class Problem(BaseModel):
    """An RFC 9457 problem detail."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "urn:dirgraph:problem:not-found",
                    "title": "Not found",
                    "status": 404,
                    "detail": "no document with id 'doc-unknown'",
                    "instance": "/documents/doc-unknown",
                }
            ]
        },
    )

    type: str = Field(default="about:blank", description="URI naming the kind of problem.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


def problem_type(slug: str) -> str:
    return f"urn:dirgraph:problem:{slug}"


def problem_response(
    status: int,
    detail: str | None,
    *,
    slug: str | None = None,
    title: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """Build one problem response; ``extra`` members (e.g. validation ``errors``) are allowed by RFC 9457."""
    body: dict[str, Any] = {
        "type": problem_type(slug) if slug else "about:blank",
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:1000]


def status_for(exc: DirgraphError) -> tuple[int, str, str]:
    """The HTTP status, problem slug and title for one of our exceptions."""
    for cls, status, slug, title in _MAPPING:
        if isinstance(exc, cls):
            return status, slug, title
    return 500, "internal", "Internal server error"


async def _dirgraph_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DirgraphError)
    status, slug, title = status_for(exc)
    if status >= 500:
        _log.warning("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    return problem_response(status, _one_line(str(exc)), slug=slug, title=title, instance=request.url.path)


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]
    first = errors[0] if errors else None
    detail = f"{'.'.join(first['loc'])}: {first['msg']}" if first else "invalid request"
    return problem_response(
        422, _one_line(detail), slug="validation", instance=request.url.path, errors=errors
    )


def _allowed_methods(request: Request) -> str:
    """Every documented method at this path (Starlette's 405 lists only the first matching route's)."""
    table: list[tuple[re.Pattern[str], set[str]]] | None = getattr(request.app.state, "allow_table", None)
    if table is None:
        paths = request.app.openapi().get("paths", {})
        table = [(compile_path(path)[0], {m.upper() for m in item}) for path, item in paths.items()]
        request.app.state.allow_table = table
    methods: set[str] = set()
    for regex, verbs in table:
        if regex.match(request.url.path):
            methods |= verbs
    return ", ".join(sorted(methods))


async def _http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    slug = "http-" + str(exc.status_code)
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
    return problem_response(
        exc.status_code,
        _one_line(str(exc.detail)) if exc.detail else None,
        slug=slug,
        instance=request.url.path,
        headers=headers or None,
    )


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    _log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return problem_response(
        500, "unexpected server error; see the server log", slug="internal", instance=request.url.path
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every error to a problem response (called once by ``create_app``)."""
    app.add_exception_handler(DirgraphError, _dirgraph_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting problem bodies for the given statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        out[status] = {
            "model": Problem,
            "description": _TITLES.get(status, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return out


# The statuses every read route can answer: bad syntax, validation, store failure.
COMMON_PROBLEMS = (400, 422, 503)
