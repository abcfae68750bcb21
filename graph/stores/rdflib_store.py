"""rdflib in-memory SPARQL engine: the baseline the benchmarks compare Oxigraph with.

Same projection (:mod:`dirgraph.graph.rdf`) and the same ``.rq`` files as the Oxigraph store,
so answers are identical. To compare with rdflib at its best (STACK.md: re-parsing the query
text each time is ~29× slower than pyoxigraph; prepared queries only ~1.8×), the seven queries
are parsed once (``prepareQuery``) and the validated id travels as an initial binding of the
``$node`` variable; queries with other parameters (dates, level, era) are prepared per distinct
filled text and cached.

Not persistent (``path`` is ignored) and memory-hungry (~1.4 KB per triple): fine up to ~10^4
documents, not 10^5.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from dirgraph.core.errors import QueryRejectedError, StoreError
from dirgraph.graph import rdf
from dirgraph.graph.model import Graph
from dirgraph.graph.queries import QueryName, safe_id, sparql
from dirgraph.graph.service_models import QueryResult
from dirgraph.graph.sparql_guard import check_query
from dirgraph.graph.stores import sparql_named
from dirgraph.graph.stores.protocol import Capability, StoreCounts

# Queries whose only parameter is $id: prepared once, id bound at run time.
_ID_ONLY = frozenset({QueryName.CHAIN_UP, QueryName.CASCADE, QueryName.TASK_AGENCIES,
                      QueryName.AGENCY_TASKS, QueryName.COORDINATION})


@lru_cache(maxsize=256)
def _prepared(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _id_template(name: QueryName) -> str:
    """The ``.rq`` text with the prologue and ``$node`` left as a variable, for ``initBindings``."""
    body = "\n".join(line for line in sparql(name).splitlines() if not line.lstrip().startswith("#"))
    return rdf.SPARQL_PROLOGUE + body


class RdflibStore:
    """GraphStore on an rdflib ``Graph`` held in memory: the named graphs merged into one.

    The analyst queries never name a graph, and rdflib 7.6's ``Dataset`` raises deprecation
    warnings from inside its own query path, so the baseline queries the merged graph.
    """

    name = "rdflib"
    capabilities = frozenset({Capability.SPARQL, Capability.NAMED})

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        import rdflib
        from rdflib.plugins import sparql as rdflib_sparql

        rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM <remote> never fetches (STYLE.md)
        self.read_only = read_only
        self.dataset = rdflib.Graph()

    def load(self, graph: Graph) -> None:
        if self.read_only:
            raise StoreError("the rdflib store is open read-only")
        try:
            self.dataset = rdf.to_rdflib_graph(graph)
        except Exception as exc:
            raise StoreError(f"rdflib load failed: {exc}") from exc

    def _select(self, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self.dataset.query(_prepared(text), initBindings=dict(bindings or {}))
            names = [str(v) for v in result.vars or []]
            rows: list[Any] = list(result)
            return [{n: sparql_named.py_value(row[i]) for i, n in enumerate(names)} for row in rows]
        except Exception as exc:
            raise StoreError(f"rdflib query failed: {str(exc).splitlines()[0] if str(exc) else exc}") from exc

    def select(self, text: str) -> list[dict[str, Any]]:
        """Run a trusted SELECT (rows of Python values)."""
        return self._select(text)

    def counts(self) -> StoreCounts:
        return sparql_named.counts(self.select)

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        import rdflib

        name = QueryName(name)
        if name in _ID_ONLY:
            node = rdflib.URIRef(rdf.iri(safe_id(str(params.get("id", "")))))
            rows = self._select(_id_template(name), {"node": node})
        else:
            rows = self._select(sparql_named.fill(sparql(name), params))
        return sparql_named.finish(name, rows, params)

    def query(self, text: str, parameters: Mapping[str, Any] | None = None, timeout_s: float = 10.0,
              row_cap: int = 10_000) -> QueryResult:
        """A guarded SELECT/ASK (no deadline: rdflib runs in-process; a baseline, not a server)."""
        checked = check_query(text)
        if parameters:
            raise QueryRejectedError("SPARQL queries take no parameters: write values into the query")
        if checked.kind in ("CONSTRUCT", "DESCRIBE"):
            raise QueryRejectedError("CONSTRUCT/DESCRIBE answer a graph: use the SPARQL endpoint")
        try:
            result = self.dataset.query(checked.text)
        except Exception as exc:
            raise QueryRejectedError(f"SPARQL query failed: {str(exc).splitlines()[0]}") from exc
        if checked.kind == "ASK":
            return QueryResult(columns=["boolean"], rows=[[bool(result.askAnswer)]])
        names = [str(v) for v in result.vars or []]
        raw: list[Any] = list(result)
        rows = [[None if v is None else str(v) for v in row] for row in raw]
        return QueryResult(columns=names, rows=rows[:row_cap], truncated=len(rows) > row_cap)

    def close(self) -> None:
        return None
