"""The ASGI fast path answers the four detail look-ups with the bytes FastAPI's routes give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fakes import CENTRAL, PLAN, SO_GD, TASK, FakeService
from fastapi.testclient import TestClient

from dirgraph.api.lookup_fast import LookupFastPath, _route
from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings

PATHS = [f"/documents/{PLAN.id}", f"/documents/{CENTRAL.id}/chain", f"/documents/{PLAN.id}/chain",
         f"/agencies/{SO_GD.id}", f"/tasks/{TASK.id}"]


class CurrentFake(FakeService):
    """The fake with an in-memory view that is always current, counting the look-ups it answers."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def view_is_current(self) -> bool:
        return True

    def get_document(self, doc_id: str):  # type: ignore[no-untyped-def]
        self.calls += 1
        return super().get_document(doc_id)


@pytest.fixture
def fast(tmp_path: Path) -> Iterator[tuple[TestClient, CurrentFake]]:
    fake = CurrentFake()
    with TestClient(create_app(Settings(home=tmp_path / "home"), service=fake)) as client:
        yield client, fake


@pytest.mark.parametrize("path", PATHS)
def test_fast_answers_equal_the_route_answers(fast: tuple[TestClient, CurrentFake], client: TestClient,
                                              path: str) -> None:
    fast_client, _ = fast
    got, routed = fast_client.get(path), client.get(path)  # ``client``'s fake has no current view
    assert got.status_code == routed.status_code == 200
    assert got.content == routed.content
    assert got.headers["content-type"] == routed.headers["content-type"] == "application/json"


def test_an_unknown_id_falls_through_to_the_problem_answer(fast: tuple[TestClient, CurrentFake]) -> None:
    client, fake = fast
    response = client.get("/documents/doc-khong-co")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert fake.calls == 2  # tried once on the fast path, answered by the route


def test_a_held_graph_falls_through(fast: tuple[TestClient, CurrentFake]) -> None:
    client, fake = fast
    holder = client.app.state.services  # type: ignore[attr-defined]
    fast_path = LookupFastPath(client.app, holder)  # type: ignore[arg-type]
    assert fast_path._answer(f"/documents/{PLAN.id}") is not None
    holder.lock._writers_waiting += 1  # an upload waiting: the fast path must not take a read share
    try:
        assert fast_path._answer(f"/documents/{PLAN.id}") is None
    finally:
        holder.lock._writers_waiting -= 1
    assert fake.calls == 1 and holder.lock._readers == 0


@pytest.mark.parametrize(("path", "route"), [
    ("/documents/doc-1", ("get_document", "doc-1")),
    ("/documents/doc-1/chain", ("chain_up", "doc-1")),
    ("/agencies/agency-a", ("get_agency", "agency-a")),
    ("/tasks/task-t", ("get_task", "task-t")),
    ("/documents/doc-1/cascade", None),
    ("/documents", None),
    ("/documents/" + "d" * 301, None),
    ("/tasks/" + "t" * 400, ("get_task", "t" * 400)),
    ("/view/documents/doc-1", None),
])
def test_only_the_four_lookups_within_their_bounds_take_the_fast_path(path: str, route: tuple[str, str] | None) -> None:
    found = _route(path)
    assert (None if found is None else (found[0], found[2])) == route
