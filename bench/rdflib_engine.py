"""rdflib's in-memory Dataset as a query engine for the seven analyst queries (the speed baseline).

Used when the store registry has no "rdflib" store of its own. It loads the same N-Quads
projection Oxigraph loads and runs the same SPARQL text, prepared once per query text, so the
comparison is with rdflib at its best (STACK.md: parse cost dominates an unprepared rdflib query).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dirgraph.graph.model import Graph
from dirgraph.graph.queries import QueryName
from dirgraph.graph.service_models import QueryResult

BYTES_PER_TRIPLE = 1400  # STACK.md: rdflib's memory store needs ~1.4 KB per triple


class RdflibMemoryEngine:
    """A minimal store: ``load`` and ``named`` only (no persistence, no native query endpoint)."""

    name = "rdflib"

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        import rdflib

        self._dataset = rdflib.Dataset(default_union=True)
        self._prepared: dict[str, Any] = {}

    def load(self, graph: Graph) -> None:
        from dirgraph.graph import rdf

        self.load_nquads(rdf.to_nquads(graph))

    def load_nquads(self, data: bytes) -> None:
        self._dataset.parse(data=data, format="nquads")

    def select(self, text: str) -> list[dict[str, Any]]:
        from rdflib.plugins.sparql import prepareQuery

        from dirgraph.graph.stores.sparql_named import py_value

        prepared = self._prepared.get(text)
        if prepared is None:
            prepared = self._prepared[text] = prepareQuery(text)
        result = self._dataset.query(prepared)
        names = [str(v) for v in result.vars or []]
        rows: list[Any] = list(result)
        return [{n: py_value(row[n]) for n in names} for row in rows]

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        from dirgraph.graph.stores.sparql_named import run_named

        return run_named(self.select, QueryName(name), params)

    def close(self) -> None:
        self._dataset = None  # type: ignore[assignment]
        self._prepared.clear()
