"""Tasks: one task with its responsible agencies; tasks due in a date window."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from dirgraph.api.deps import ServiceDep
from dirgraph.api.errors import COMMON_PROBLEMS, problem_responses
from dirgraph.api.json_body import answer, json_body
from dirgraph.api.schemas import DeadlineRowPublic, IsoDate, TaskDetailPublic
from dirgraph.graph.service_models import DeadlineRow

router = APIRouter(tags=["tasks"])

DEFAULT_DEADLINE_ROWS = 1000
MAX_DEADLINE_ROWS = 10_000


@router.get("/tasks/{task_id}", response_model=TaskDetailPublic,
            responses=problem_responses(*COMMON_PROBLEMS, 404), summary="One task")
async def get_task(
    service: ServiceDep,
    task_id: Annotated[str, Path(min_length=1, max_length=400,
                                 examples=["task-doc-kh-12-kh-ubnd-2024-ii-2-1-a"])],
) -> Response:
    """Responsible agencies by role (with parent agency and locality), deadline and quoted sentences."""
    return await answer(service, lambda: json_body(service.get_task(task_id)))


@router.get("/deadlines", response_model=list[DeadlineRowPublic],
            responses=problem_responses(*COMMON_PROBLEMS), summary="Tasks due in a window")
def deadlines(
    service: ServiceDep,
    request: Request,
    response: Response,
    date_from: Annotated[IsoDate | None, Query(description="Due on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Due on or before (YYYY-MM-DD).")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_DEADLINE_ROWS, description="Rows per page.")] = DEFAULT_DEADLINE_ROWS,
) -> list[DeadlineRow]:
    """Tasks with a dated deadline inside the window, with their lead agencies, by date.

    Paged: a wide window holds ~10^5 tasks at 10^5 documents. ``X-Total-Count`` gives the
    window's size and ``Link: <…>; rel="next"`` the next page while there is one.
    """
    page = service.deadline_page(
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        offset=offset, limit=limit,
    )
    response.headers["X-Total-Count"] = str(page.total)
    if offset + limit < page.total:
        following = request.url.include_query_params(offset=offset + limit, limit=limit)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return page.items
