"""Look-ups answered with pre-serialized JSON give exactly the bytes the response_model path gave."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_fakes import CENTRAL, PLAN, SO_GD, TASK, UBND, FakeService
from fastapi import Response
from fastapi.testclient import TestClient
from pydantic import BaseModel, TypeAdapter

from dirgraph.api.json_body import json_body
from dirgraph.api.schemas import AgencyDetailPublic, ChainHopPublic, DocumentDetailPublic, TaskDetailPublic
from dirgraph.graph.service_models import ChainHop


def _validated(model: Any, value: Any) -> bytes:
    """What FastAPI sends for ``response_model=model``: dump, validate, dump as JSON, compact UTF-8."""
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    plain = [v.model_dump() for v in value] if isinstance(value, list) else value.model_dump()
    body = adapter.dump_python(adapter.validate_python(plain), mode="json")
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


CASES = [
    (f"/documents/{PLAN.id}", DocumentDetailPublic, lambda f: f.get_document(PLAN.id)),
    (f"/documents/{CENTRAL.id}", DocumentDetailPublic, lambda f: f.get_document(CENTRAL.id)),
    (f"/documents/{PLAN.id}/chain", list[ChainHopPublic], lambda f: f.chain_up(PLAN.id)),
    (f"/documents/{CENTRAL.id}/chain", list[ChainHopPublic], lambda f: f.chain_up(CENTRAL.id)),
    (f"/agencies/{SO_GD.id}", AgencyDetailPublic, lambda f: f.get_agency(SO_GD.id)),
    (f"/agencies/{UBND.id}", AgencyDetailPublic, lambda f: f.get_agency(UBND.id)),
    (f"/tasks/{TASK.id}", TaskDetailPublic, lambda f: f.get_task(TASK.id)),
]


@pytest.mark.parametrize(("path", "model", "answer"), CASES, ids=[c[0] for c in CASES])
def test_answer_bytes_equal_the_response_model_path(client: TestClient, fake: FakeService, path: str,
                                                    model: Any, answer: Any) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == _validated(model, answer(fake))


def test_a_missing_id_is_still_a_problem_answer(client: TestClient) -> None:
    response = client.get("/tasks/task-khong-co")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_empty_list_is_an_empty_json_array() -> None:
    assert json_body([], ChainHop).body == b"[]"


def test_a_model_is_dumped_once_as_is() -> None:
    class Hop(BaseModel):
        name: str

    assert json_body(Hop(name="Sở Tư pháp")).body == '{"name":"Sở Tư pháp"}'.encode()


class _Service:
    def __init__(self, current: bool) -> None:
        self.current = current

    def view_is_current(self) -> bool:
        return self.current


@pytest.mark.parametrize("current", [True, False])
def test_a_current_view_answers_on_the_event_loop_a_stale_one_in_a_thread(current: bool) -> None:
    import threading

    import anyio

    from dirgraph.api.json_body import answer

    async def main() -> tuple[int, int]:
        seen: list[int] = []

        def lookup() -> Response:
            seen.append(threading.get_ident())
            return json_body([], ChainHop)

        await answer(_Service(current), lookup)
        return threading.get_ident(), seen[0]

    loop_thread, lookup_thread = anyio.run(main)
    assert (loop_thread == lookup_thread) is current
