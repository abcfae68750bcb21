"""Tasks: one task with its responsible agencies; tasks due in a date window."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from dirgraph.api.deps import ServiceDep
from dirgraph.api.errors import COMMON_PROBLEMS, problem_responses
from dirgraph.api.json_body import answer, json_body
from dirgraph.api.schemas import DeadlineRowPublic, IsoDate, TaskDetailPublic
from dirgraph.graph.service_models import DeadlineRow

router = APIRouter(tags=["tasks"])


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
    date_from: Annotated[IsoDate | None, Query(description="Due on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Due on or before (YYYY-MM-DD).")] = None,
) -> list[DeadlineRow]:
    """Tasks with a dated deadline inside the window, with their lead agencies."""
    return service.deadlines(
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )
