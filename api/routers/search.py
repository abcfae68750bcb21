"""One search box over documents, agencies and tasks (diacritics optional)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from dirgraph.api.deps import ServiceDep
from dirgraph.api.errors import COMMON_PROBLEMS, problem_responses
from dirgraph.api.schemas import GraphStatsPublic, SearchResultsPublic
from dirgraph.graph.service_models import GraphStats, SearchResults

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResultsPublic, responses=problem_responses(*COMMON_PROBLEMS),
            summary="Search everything")
def search(
    service: ServiceDep,
    q: Annotated[str, Query(min_length=1, max_length=200, examples=["chuyển đổi số", "chuyen doi so"])],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchResults:
    """Documents, agencies and tasks matching ``q``, with or without diacritics."""
    return service.search(q, limit=limit)


@router.get("/stats", response_model=GraphStatsPublic, responses=problem_responses(503), summary="Graph size")
def stats(service: ServiceDep) -> GraphStats:
    """Node counts by label, edge counts by type, documents by kind and level."""
    return service.stats()
