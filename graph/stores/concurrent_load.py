"""Load several stores from one graph at the same time, one thread per store.

Why threads help on a 2-core machine: each load is a Python producer (CSV rows for Ladybug,
N-Quads text for Oxigraph) feeding native code that releases the GIL (Ladybug's COPY, Oxigraph's
parser and index builder). Run one after the other, the native half of one load leaves a core
idle; run together, one store's native work overlaps the other's Python work. The graph is only
read, never changed, by the loads.

Every load runs to its end even when another fails; then the first failure (in the order the
stores were given) is raised, so a caller that names its main store first reports that one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from dirgraph.graph.model import Graph


class Loadable(Protocol):
    """What a concurrent load needs of a job: a name for its time and a ``load(graph)``.

    Every :class:`~dirgraph.graph.stores.protocol.GraphStore` is one; so is the workspace's
    staged ``graph.json`` (:class:`~dirgraph.graph.workspace.StagedGraphFile`).
    """

    @property
    def name(self) -> str: ...

    def load(self, graph: Graph) -> None: ...


@dataclass
class LoadTimes:
    """Wall seconds of each store's load (name -> s) and of the whole concurrent load."""

    seconds: dict[str, float] = field(default_factory=dict)
    wall: float = 0.0


def load_concurrently(graph: Graph, stores: Sequence[Loadable]) -> LoadTimes:
    """``store.load(graph)`` for every store, each in its own thread; their times."""
    times = LoadTimes()
    if len(stores) <= 1:  # nothing to overlap: no thread
        started = time.perf_counter()
        for store in stores:
            store.load(graph)
            times.seconds[store.name] = time.perf_counter() - started
        times.wall = time.perf_counter() - started
        return times
    failures: list[BaseException | None] = [None] * len(stores)

    def run(index: int, store: Loadable) -> None:
        begun = time.perf_counter()
        try:
            store.load(graph)
        except BaseException as exc:  # handed to the calling thread, raised there
            failures[index] = exc
        times.seconds[store.name] = time.perf_counter() - begun

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i, s), name=f"dirgraph-load-{s.name}", daemon=True)
               for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times.wall = time.perf_counter() - started
    for failure in failures:
        if failure is not None:
            raise failure
    return times
