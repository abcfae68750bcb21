"""Loading the projected stores at once: every store loaded, the first failure raised after all ran."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from rdf_fixtures import quoted_graph

from dirgraph.core.errors import StoreError
from dirgraph.graph.model import Graph
from dirgraph.graph.stores import open_store
from dirgraph.graph.stores.concurrent_load import load_concurrently


class _Recording:
    def __init__(self, name: str, fail: bool = False, barrier: threading.Barrier | None = None) -> None:
        self.name, self.fail, self.barrier = name, fail, barrier
        self.loaded: Graph | None = None
        self.thread = ""

    def load(self, graph: Graph) -> None:
        self.thread = threading.current_thread().name
        if self.barrier is not None:
            self.barrier.wait(timeout=10)  # both loads must be running at the same time
        if self.fail:
            raise StoreError(f"{self.name}: load failed")
        self.loaded = graph


def test_every_store_is_loaded_in_its_own_thread_at_the_same_time() -> None:
    barrier = threading.Barrier(2)
    stores = [_Recording("a", barrier=barrier), _Recording("b", barrier=barrier)]
    graph = quoted_graph()
    times = load_concurrently(graph, stores)  # type: ignore[arg-type]
    assert all(s.loaded is graph for s in stores)
    assert {s.thread for s in stores} == {"dirgraph-load-a", "dirgraph-load-b"}
    assert set(times.seconds) == {"a", "b"} and times.wall >= max(times.seconds.values()) >= 0


def test_the_first_failure_in_order_is_raised_after_every_load_ran() -> None:
    stores: list[Any] = [_Recording("a"), _Recording("b", fail=True), _Recording("c", fail=True)]
    with pytest.raises(StoreError, match=r"^b: load failed"):
        load_concurrently(quoted_graph(), stores)
    assert stores[0].loaded is not None


def test_a_single_store_loads_in_the_calling_thread() -> None:
    store = _Recording("only")
    load_concurrently(quoted_graph(), [store])  # type: ignore[list-item]
    assert store.thread == threading.current_thread().name and store.loaded is not None


def test_ladybug_and_oxigraph_loaded_together_answer_like_one_at_a_time(tmp_path: Path) -> None:
    graph = quoted_graph()
    together = [open_store(n, tmp_path / "together" / n) for n in ("ladybug", "oxigraph")]
    alone = [open_store(n, tmp_path / "alone" / n) for n in ("ladybug", "oxigraph")]
    load_concurrently(graph, together)
    for store in alone:
        store.load(graph)
    try:
        for a, b in zip(together, alone, strict=True):
            assert a.counts() == b.counts()
            assert a.counts().edges
    finally:
        for store in (*together, *alone):
            store.close()
