"""Agencies: search by name (with or without diacritics) and one agency's tasks and relations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from dirgraph.api.deps import ServiceDep
from dirgraph.api.errors import COMMON_PROBLEMS, problem_responses
from dirgraph.api.json_body import answer, json_body
from dirgraph.api.schemas import AgencyDetailPublic, AgencySummaryPublic
from dirgraph.graph.service_models import AgencySummary

router = APIRouter(prefix="/agencies", tags=["agencies"])


@router.get("", response_model=list[AgencySummaryPublic], responses=problem_responses(*COMMON_PROBLEMS),
            summary="Search agencies")
def search_agencies(
    service: ServiceDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name and place, diacritics optional.",
                            examples=["so giao duc hai phong"])],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[AgencySummary]:
    """Agencies whose name and locality match ``q``: "so giao duc hai phong" finds Sở Giáo dục và Đào tạo, Hải Phòng."""
    return service.search_agencies(q, limit=limit)


@router.get("/{agency_id}", response_model=AgencyDetailPublic,
            responses=problem_responses(*COMMON_PROBLEMS, 404), summary="One agency")
async def get_agency(
    service: ServiceDep,
    agency_id: Annotated[str, Path(min_length=1, max_length=300,
                                   examples=["agency-so-giao-duc-va-dao-tao--hai-phong"])],
) -> Response:
    """Tasks it leads or coordinates (with deadlines), whom it reports to, coordinates with, is part of."""
    return await answer(service, lambda: json_body(service.get_agency(agency_id)))
