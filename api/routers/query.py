"""``POST /query/cypher``: read-only Cypher on the configured backend, with a deadline and a row cap."""

from __future__ import annotations

from fastapi import APIRouter

from dirgraph.api.bounded import jsonable, run_bounded
from dirgraph.api.cypher_guard import check_cypher
from dirgraph.api.deps import ServiceDep, SettingsDep
from dirgraph.api.errors import problem_responses
from dirgraph.api.schemas import CypherQuery, CypherResultPublic

router = APIRouter(prefix="/query", tags=["query"])


@router.post(
    "/cypher",
    response_model=CypherResultPublic,
    responses=problem_responses(400, 422, 503, 504),
    summary="Run a read-only Cypher query",
)
async def cypher(body: CypherQuery, service: ServiceDep, settings: SettingsDep) -> CypherResultPublic:
    """Writes, file access and non-allow-listed ``CALL`` are refused (400); a query past the deadline
    is stopped (504); at most the configured row cap of rows come back (``truncated`` says so)."""
    check_cypher(body.query)
    timeout_s, row_cap = settings.query_timeout_s, settings.row_cap
    result = await run_bounded(
        lambda: service.cypher(body.query, body.parameters or None, timeout_s=timeout_s, row_cap=row_cap),
        timeout_s,
        "Cypher query",
    )
    rows = result.rows[:row_cap]
    return CypherResultPublic(
        columns=list(result.columns),
        rows=[[jsonable(v) for v in row] for row in rows],
        truncated=result.truncated or len(result.rows) > row_cap,
    )
