"""Answers serialized once, straight from the service's typed models.

A route that returns a model lets FastAPI dump it to a dict, validate that dict against the
``response_model`` and dump it again: three passes, most of an uncached look-up's CPU once the
look-up itself is answered from memory. The service's models are already closed and typed, and
each ``…Public`` response model subclasses the one it publishes (same fields, same order), so
``model_dump_json`` gives the same JSON in one pass. Routes keep ``response_model=`` for the
OpenAPI schema; FastAPI passes a :class:`Response` through untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import anyio.to_thread
from fastapi import Response
from pydantic import BaseModel, TypeAdapter

MEDIA_TYPE = "application/json"


@lru_cache(maxsize=64)
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


async def answer(service: Any, lookup: Callable[[], Response]) -> Response:
    """Run a look-up answered from memory on the event loop (a worker-thread hop cost more than the
    look-up); when the service would first have to (re)load its graph, in a worker thread."""
    current = getattr(service, "view_is_current", None)
    if current is not None and current():
        return lookup()
    return await anyio.to_thread.run_sync(lookup)


def encode(value: BaseModel | Sequence[BaseModel], model: type[BaseModel] | None = None) -> bytes:
    """``value`` as JSON bytes; ``model`` names the item type of a list (needed when it is empty)."""
    if isinstance(value, BaseModel):
        return value.model_dump_json().encode("utf-8")
    item = model or (type(value[0]) if value else BaseModel)
    return _list_adapter(item).dump_json(list(value))


def json_body(value: BaseModel | Sequence[BaseModel], model: type[BaseModel] | None = None) -> Response:
    """``value`` as a JSON response (see :func:`encode`)."""
    return Response(encode(value, model), media_type=MEDIA_TYPE)
