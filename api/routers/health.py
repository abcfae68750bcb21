"""Liveness: never touches the graph, so it answers while a long query runs."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from dirgraph.api.deps import HolderDep, SettingsDep
from dirgraph.api.schemas import HealthPublic

router = APIRouter(tags=["health"])


@lru_cache(maxsize=1)  # reading package metadata costs ~ms: once per process, not per probe
def _version() -> str:
    try:
        return version("dirgraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"


@router.get("/health", response_model=HealthPublic, summary="Liveness")
async def health(settings: SettingsDep, holder: HolderDep) -> HealthPublic:
    """``ok`` while the server can answer; ``graph_open`` says whether the graph was opened yet."""
    return HealthPublic(status="ok", version=_version(), backend=settings.backend, graph_open=holder.is_open)
