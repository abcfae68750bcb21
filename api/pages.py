"""Browser pages: home, search, document, agency, task, coverage and the graph explorer.

Server-rendered with Jinja2 (autoescape on: all document text is untrusted); graphs come from
:mod:`dirgraph.viz` in ``served`` mode, so every asset is served by this app and no page makes a
request elsewhere. Vietnamese by default, English with ``?lang=en``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dirgraph.api.deps import ServiceDep
from dirgraph.api.i18n import ROLES, kind_label, translator
from dirgraph.core.errors import NotFoundError
from dirgraph.graph.model import EdgeType, NodeType
from dirgraph.graph.service import GraphService
from dirgraph.graph.service_models import ResponsibilityRow
from dirgraph.viz.render import VIS_DIR, render_graph_html
from dirgraph.viz.views import agency_ego_view, chain_cascade_graph, coverage_view, link_nodes

HERE = Path(__file__).parent
_ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
LangQuery = Annotated[str, Query(pattern="^(vi|en)$")]

router = APIRouter(include_in_schema=False)


def mount_static(app: Any) -> None:
    """Serve our CSS/JS and pyvis's vis-network files from this app (no CDN)."""
    app.mount("/static/vis", StaticFiles(directory=VIS_DIR), name="vis")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def html_errors(route: Callable[..., HTMLResponse]) -> Callable[..., HTMLResponse]:
    """Unknown ids on a page answer an HTML 404 page, not a JSON problem."""

    @functools.wraps(route)
    def wrapper(*args: Any, **kwargs: Any) -> HTMLResponse:
        try:
            return route(*args, **kwargs)
        except NotFoundError as exc:
            request = kwargs["request"]
            lang = kwargs.get("lang", "vi")
            response = _render(request, "error.html", lang if lang in ("vi", "en") else "vi", message=str(exc), q="")
            response.status_code = 404
            return response

    return wrapper


def _render(request: Request, template: str, lang: str, **context: Any) -> HTMLResponse:
    params = dict(request.query_params)
    if lang == "en":
        params.pop("lang", None)
    else:
        params["lang"] = "en"
    page = _ENV.get_template(template).render(
        kind_label=lambda kind: kind_label(kind, lang),
        lang=lang, t=translator(lang), q_lang="?lang=en" if lang == "en" else "",
        other_lang_query=urlencode(params), **context,
    )
    return HTMLResponse(page)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    stats = service.stats()
    t = translator(lang)
    counts = [(t["documents"], sum(stats.documents_by_kind.values()))]
    counts += [(label, stats.nodes.get(node, 0)) for label, node in
               ((t["agencies"], NodeType.AGENCY), (t["tasks"], NodeType.TASK), (t["locality"], NodeType.LOCALITY))]
    counts += [(kind_label(kind, lang), n) for kind, n in sorted(stats.documents_by_kind.items())]
    recent = service.list_documents(limit=200).items
    recent = sorted((d for d in recent if not d.placeholder), key=lambda d: d.date or "", reverse=True)[:12]
    return _render(request, "home.html", lang, counts=counts, recent=recent, q="")


@router.get("/find", response_class=HTMLResponse)
def find(request: Request, service: ServiceDep, q: Annotated[str, Query(max_length=200)] = "",
         lang: LangQuery = "vi") -> HTMLResponse:
    results = service.search(q, limit=30) if q.strip() else None
    return _render(request, "search.html", lang, q=q, results=results or _EmptyResults())


@dataclass
class _EmptyResults:
    documents: list[Any] = field(default_factory=list)
    agencies: list[Any] = field(default_factory=list)
    tasks: list[Any] = field(default_factory=list)


@router.get("/view/documents/{doc_id}", response_class=HTMLResponse)
@html_errors
def document_page(request: Request, doc_id: str, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    doc = service.get_document(doc_id)
    relations = doc.relations_out + doc.relations_in
    matrix = _matrix(service.responsibility_matrix(doc_id))
    return _render(request, "document.html", lang, doc=doc, relations=relations, matrix=matrix, q="")


@router.get("/view/agencies/{agency_id}", response_class=HTMLResponse)
@html_errors
def agency_page(request: Request, agency_id: str, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    return _render(request, "agency.html", lang, agency=service.get_agency(agency_id), q="")


@router.get("/view/tasks/{task_id}", response_class=HTMLResponse)
@html_errors
def task_page(request: Request, task_id: str, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    return _render(request, "task.html", lang, task=service.get_task(task_id), q="")


@router.get("/view/coverage/{doc_id}", response_class=HTMLResponse)
@html_errors
def coverage_page(request: Request, doc_id: str, service: ServiceDep, lang: LangQuery = "vi",
                  level: Annotated[str, Query(pattern="^(province|district|commune)$")] = "province",
                  map: Annotated[str, Query(pattern="^(pre2025|post2025)$")] = "post2025") -> HTMLResponse:
    doc = service.get_document(doc_id)
    coverage = service.coverage(doc_id, level=level, map=map)
    return _render(request, "coverage.html", lang, doc=doc, coverage=coverage, level=level, map=map, q="")


@router.get("/view/explore", response_class=HTMLResponse)
def explore_page(request: Request, service: ServiceDep, lang: LangQuery = "vi",
                 center: Annotated[str | None, Query(max_length=300)] = None,
                 depth: Annotated[int, Query(ge=1, le=6)] = 2,
                 locality: Annotated[str | None, Query(max_length=100)] = None,
                 node_types: Annotated[list[str] | None, Query()] = None,
                 edge_types: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
    center = center or _default_center(service)
    params: list[tuple[str, str]] = [("center", center or ""), ("depth", str(depth)), ("lang", lang)]
    params += [("node_types", n) for n in node_types or []] + [("edge_types", e) for e in edge_types or []]
    if locality:
        params.append(("locality", locality))
    return _render(request, "explore.html", lang, center=center, depth=depth, locality=locality,
                   node_types=node_types or [], edge_types=edge_types or [],
                   all_node_types=[n.value for n in NodeType], all_edge_types=[e.value for e in EdgeType],
                   graph_query=urlencode(params), q="")


def _default_center(service: GraphService) -> str | None:
    central = service.list_documents(level="central", limit=50).items
    return central[0].id if central else None


# ---- graph frames -----------------------------------------------------------------------------

@router.get("/graph/documents/{doc_id}", response_class=HTMLResponse)
def document_graph(doc_id: str, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    doc = service.get_document(doc_id)
    return HTMLResponse(render_graph_html(chain_cascade_graph(service, doc), title=doc.number or doc.id,
                                          mode="served", lang=lang))


@router.get("/graph/agencies/{agency_id}", response_class=HTMLResponse)
def agency_graph(agency_id: str, service: ServiceDep, lang: LangQuery = "vi") -> HTMLResponse:
    agency = service.get_agency(agency_id)
    g = agency_ego_view(agency)
    return HTMLResponse(render_graph_html(g, title=agency.name, mode="served", hierarchical=False, lang=lang))


@router.get("/graph/coverage/{doc_id}", response_class=HTMLResponse)
def coverage_graph(doc_id: str, service: ServiceDep, lang: LangQuery = "vi",
                   level: Annotated[str, Query(pattern="^(province|district|commune)$")] = "province",
                   map: Annotated[str, Query(pattern="^(pre2025|post2025)$")] = "post2025") -> HTMLResponse:
    doc = service.get_document(doc_id)
    graph = coverage_view(doc, service.coverage(doc_id, level=level, map=map))
    return HTMLResponse(render_graph_html(graph, title=doc.number or doc.id, mode="served", hierarchical=False,
                                          lang=lang))


@router.get("/graph/explore", response_class=HTMLResponse)
def explore_graph(service: ServiceDep, center: Annotated[str, Query(max_length=300)],
                  lang: LangQuery = "vi", depth: Annotated[int, Query(ge=1, le=6)] = 2,
                  locality: Annotated[str | None, Query(max_length=100)] = None,
                  node_types: Annotated[list[str] | None, Query()] = None,
                  edge_types: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
    graph = service.subgraph(center, depth=depth, node_types=node_types or None, edge_types=edge_types or None,
                             locality=locality)
    link_nodes(graph)
    return HTMLResponse(render_graph_html(graph, title=center, mode="served", hierarchical=False, lang=lang))


@dataclass
class _Matrix:
    agencies: list[dict[str, Any]]
    rows: list[dict[str, Any]]


def _matrix(cells: list[ResponsibilityRow]) -> _Matrix:
    """Pivot the responsibility rows into tasks × agencies (roles in a fixed order)."""
    agencies: dict[str, dict[str, Any]] = {}
    rows: dict[str, dict[str, Any]] = {}
    for cell in cells:
        agencies.setdefault(cell.agency_id, {"id": cell.agency_id, "name": cell.agency_name,
                                             "locality": cell.locality_name, "count": 0})["count"] += 1
        row = rows.setdefault(cell.task_id, {"task_id": None if cell.task_local_id == "SELF" else cell.task_id,
                                             "local_id": cell.task_local_id, "text": cell.task_text,
                                             "deadline": cell.deadline_value, "cells": {}})
        row["cells"].setdefault(cell.agency_id, []).append({"role": cell.role, "quote": cell.quote})
    for row in rows.values():
        for items in row["cells"].values():
            items.sort(key=lambda c: ROLES.index(c["role"]) if c["role"] in ROLES else len(ROLES))
    ordered_agencies = sorted(agencies.values(), key=lambda a: -a["count"])[:40]
    return _Matrix(agencies=ordered_agencies, rows=list(rows.values()))
