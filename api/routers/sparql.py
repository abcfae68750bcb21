"""``GET|POST /sparql``: the SPARQL 1.1 Protocol (query operation only) over the Oxigraph store.

``query`` comes as a URL parameter, a form field, or an ``application/sparql-query`` body; the
answer's media type is negotiated from ``Accept``. Updates (the ``update`` parameter, a
``application/sparql-update`` body, or update syntax), ``SERVICE`` and remote ``FROM`` are refused
by ``graph/sparql_guard.py`` before the store sees anything; every query has a deadline and a
row cap.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response

from dirgraph.api.bounded import run_bounded
from dirgraph.api.deps import ServiceDep, SettingsDep
from dirgraph.api.errors import problem_response, problem_responses
from dirgraph.api.negotiation import GRAPH_TYPES, SOLUTION_TYPES, negotiate
from dirgraph.api.sparql_render import render
from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph.service import GraphService
from dirgraph.graph.sparql_guard import check_query

router = APIRouter(tags=["sparql"])

_EXAMPLE = (
    "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    "SELECT ?doc ?title WHERE { ?doc eli:title ?title } LIMIT 10"
)
_OK_CONTENT: dict[str, Any] = {
    media: {"schema": {"type": "string"}} for media in (*SOLUTION_TYPES, *GRAPH_TYPES)
}
_OK_CONTENT["application/sparql-results+json"] = {
    "schema": {"type": "object", "properties": {"head": {"type": "object"}}, "required": ["head"]}
}
_OK_CONTENT["application/ld+json"] = {"schema": {}}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Query results in the negotiated media type.", "content": _OK_CONTENT},
    **problem_responses(400, 406, 415, 422, 503, 504),
}
_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string", "example": _EXAMPLE}},
                    "required": ["query"],
                }
            },
            "application/sparql-query": {"schema": {"type": "string", "example": _EXAMPLE}},
        },
    }
}
_MAX_BODY = 200_000


def _refuse_dataset_and_update(update: list[str] | str | None, graphs: list[str]) -> None:
    if update:
        raise QueryRejectedError("SPARQL UPDATE is not allowed: the endpoint is read-only")
    if graphs:
        raise QueryRejectedError(
            "default-graph-uri / named-graph-uri are not supported: name the store's graphs with FROM"
        )


async def _answer(query: str | None, request: Request, service: GraphService, timeout_s: float,
                  row_cap: int) -> Response:
    if not query:
        raise QueryRejectedError("missing SPARQL 'query' parameter")
    checked = check_query(query)
    family = GRAPH_TYPES if checked.kind in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
    media_type = negotiate(request.headers.get("accept"), family)
    if media_type is None:
        return problem_response(
            406,
            f"a {checked.kind} answer is available as: {', '.join(family)}",
            slug="not-acceptable",
            instance=request.url.path,
        )
    # Ask the store for a lossless format (CSV/TSV cannot be parsed back) and convert here, cutting
    # at the row cap on the way.
    lossless = "application/n-triples" if family is GRAPH_TYPES else "application/sparql-results+json"
    result = await run_bounded(
        lambda: service.sparql(checked.text, timeout_s=timeout_s, accept=lossless), timeout_s, "SPARQL query"
    )
    body, truncated = render(result, media_type, row_cap)
    headers = {"Vary": "Accept"}
    if truncated:
        headers["X-Dirgraph-Truncated"] = f"row cap {row_cap}"
    return Response(content=body, media_type=media_type, headers=headers)


@router.get("/sparql", response_class=Response, responses=_RESPONSES, summary="SPARQL query (GET)")
async def sparql_get(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(max_length=100_000, examples=[_EXAMPLE])] = None,
    update: Annotated[str | None, Query(include_in_schema=False)] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri", include_in_schema=False)] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri", include_in_schema=False)] = None,
) -> Response:
    """SELECT/ASK answer as SPARQL results JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE as
    Turtle (default), JSON-LD, N-Triples or RDF/XML — chosen by ``Accept``."""
    _refuse_dataset_and_update(update, [*(default_graph_uri or []), *(named_graph_uri or [])])
    return await _answer(query, request, service, settings.query_timeout_s, settings.row_cap)


@router.post("/sparql", response_class=Response, responses=_RESPONSES, openapi_extra=_POST_BODY,
             summary="SPARQL query (POST)")
async def sparql_post(request: Request, service: ServiceDep, settings: SettingsDep) -> Response:
    """The query as a form field (``application/x-www-form-urlencoded``) or as the whole body
    (``application/sparql-query``); results negotiated as for GET."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if len(raw) > _MAX_BODY:
        return problem_response(413, f"SPARQL request body over {_MAX_BODY} bytes", instance=request.url.path)
    text = _decode(raw)
    if content_type == "application/sparql-query":
        _refuse_dataset_and_update(request.query_params.getlist("update"), _graph_params(request.query_params))
        query: str | None = text
    elif content_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        _refuse_dataset_and_update(form.get("update"), [*form.get("default-graph-uri", []),
                                                       *form.get("named-graph-uri", [])])
        queries = form.get("query") or []
        query = queries[0] if queries else None
    elif content_type == "application/sparql-update":
        raise QueryRejectedError("SPARQL UPDATE is not allowed: the endpoint is read-only")
    else:
        return problem_response(
            415,
            "send the query as application/x-www-form-urlencoded or application/sparql-query",
            instance=request.url.path,
        )
    return await _answer(query, request, service, settings.query_timeout_s, settings.row_cap)


def _graph_params(params: Any) -> list[str]:
    return [*params.getlist("default-graph-uri"), *params.getlist("named-graph-uri")]


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryRejectedError("SPARQL request body is not UTF-8") from exc
