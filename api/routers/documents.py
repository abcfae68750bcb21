"""Documents: list with filters, detail, chain up, cascade down, tasks, responsibility matrix, coverage."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from dirgraph.api.deps import ServiceDep
from dirgraph.api.errors import COMMON_PROBLEMS, problem_responses
from dirgraph.api.json_body import answer, json_body
from dirgraph.api.schemas import (
    CascadeRowPublic,
    ChainHopPublic,
    CoveragePublic,
    DocumentDetailPublic,
    DocumentPagePublic,
    IsoDate,
    ResponsibilityRowPublic,
    TaskSummaryPublic,
)
from dirgraph.graph.service_models import (
    CascadeRow,
    ChainHop,
    Coverage,
    DocumentSummary,
    Page,
    ResponsibilityRow,
    TaskSummary,
)

router = APIRouter(prefix="/documents", tags=["documents"])

DocId = Annotated[
    str,
    Path(min_length=1, max_length=300, description="Document id (a slug).", examples=["doc-91-kl-tw-2024"]),
]
_ONE = problem_responses(*COMMON_PROBLEMS, 404)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@router.get("", response_model=DocumentPagePublic, responses=problem_responses(*COMMON_PROBLEMS),
            summary="List documents")
def list_documents(
    service: ServiceDep,
    kind: Annotated[str | None, Query(max_length=40, description="Document kind (plan, conclusion, …).",
                                      examples=["plan"])] = None,
    locality: Annotated[str | None, Query(max_length=200, description="Locality id or name.",
                                          examples=["Hải Phòng"])] = None,
    level: Annotated[str | None, Query(max_length=40, description="central, province, district, commune.",
                                       examples=["province"])] = None,
    date_from: Annotated[IsoDate | None, Query(description="Issued on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Issued on or before (YYYY-MM-DD).")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in number or title; diacritics optional.",
                                   examples=["chuyen doi so"])] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[DocumentSummary]:
    """Documents matching every given filter, newest first, one page at a time."""
    return service.list_documents(
        kind=kind, locality=locality, level=level, date_from=_iso(date_from), date_to=_iso(date_to),
        q=q or None, offset=offset, limit=limit,
    )


@router.get("/{doc_id}", response_model=DocumentDetailPublic, responses=_ONE, summary="One document")
async def get_document(service: ServiceDep, doc_id: DocId) -> Response:
    """Metadata, issuer, signer, locality and relations in/out with the sentences that state them."""
    return await answer(service, lambda: json_body(service.get_document(doc_id)))


@router.get("/{doc_id}/chain", response_model=list[ChainHopPublic], responses=_ONE,
            summary="Chain up to the directives it implements")
async def chain_up(service: ServiceDep, doc_id: DocId) -> Response:
    """Each hop from this document up to the central directive, with the quoted basis."""
    return await answer(service, lambda: json_body(service.chain_up(doc_id), ChainHop))


@router.get("/{doc_id}/cascade", response_model=list[CascadeRowPublic], responses=_ONE,
            summary="Documents that implement it, transitively")
def cascade(service: ServiceDep, doc_id: DocId) -> list[CascadeRow]:
    """Every document below this one in the implementation cascade, with depth, level and locality."""
    return service.cascade(doc_id)


@router.get("/{doc_id}/tasks", response_model=list[TaskSummaryPublic], responses=_ONE,
            summary="Tasks the document assigns")
def document_tasks(service: ServiceDep, doc_id: DocId) -> list[TaskSummary]:
    """Tasks with responsible agencies and deadlines, in document order."""
    return service.document_tasks(doc_id)


@router.get("/{doc_id}/matrix", response_model=list[ResponsibilityRowPublic], responses=_ONE,
            summary="Responsibility matrix (tasks × agencies)")
def responsibility_matrix(service: ServiceDep, doc_id: DocId) -> list[ResponsibilityRow]:
    """One row per task and agency: role, deadline and the quoted assignment."""
    return service.responsibility_matrix(doc_id)


@router.get("/{doc_id}/coverage", response_model=CoveragePublic, responses=_ONE,
            summary="Which localities implemented it")
def coverage(
    service: ServiceDep,
    doc_id: DocId,
    level: Annotated[Literal["province", "district", "commune"], Query()] = "province",
    map: Annotated[Literal["post2025", "pre2025"], Query(description="Administrative map to count against.")] = "post2025",
) -> Coverage:
    """Covered localities with their documents and lag in days; missing localities of the level."""
    return service.coverage(doc_id, level=level, map=map)
