"""The store protocol: one small interface every backend (ladybug, networkx, oxigraph, neo4j) implements.

A store is a *projection* of the resolved :class:`~dirgraph.graph.model.Graph`: ``load`` rebuilds it
from scratch (the workspace's records are the truth), ``named`` answers the seven analyst queries
of :mod:`dirgraph.graph.queries` with the shared column names, ``query`` runs the store's native
language when it has one (capability flags say which), ``counts`` lets one conformance suite check
every store the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from dirgraph.graph.model import Graph
from dirgraph.graph.queries import QueryName
from dirgraph.graph.service_models import QueryResult


class Capability(StrEnum):
    CYPHER = "cypher"  # query() takes openCypher
    SPARQL = "sparql"  # query() takes SPARQL
    NAMED = "named"  # named() answers the seven analyst queries
    ANALYTICS = "analytics"  # exposes a networkx graph
    PERSISTENT = "persistent"  # survives close(); may be opened read-only


class StoreCounts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nodes: dict[str, int] = Field(default_factory=dict)  # by NodeType value
    edges: dict[str, int] = Field(default_factory=dict)  # by EdgeType value


@runtime_checkable
class GraphStore(Protocol):
    """What the service and the conformance suite need from a store.

    Constructed as ``Store(path, read_only=False)`` (``path`` a folder the store owns; stores
    without persistence ignore it).
    """

    name: str
    capabilities: frozenset[Capability]

    def load(self, graph: Graph) -> None:
        """Replace everything in the store with ``graph`` (bulk load)."""
        ...

    def counts(self) -> StoreCounts:
        """Node counts by label and edge counts by type, as stored."""
        ...

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        """Run analyst query ``name``; columns as in :data:`dirgraph.graph.queries.COLUMNS`."""
        ...

    def query(self, text: str, parameters: Mapping[str, Any] | None = None, timeout_s: float = 10.0,
              row_cap: int = 10_000) -> QueryResult:
        """Run a read-only query in the store's native language; QueryRejectedError if it has none."""
        ...

    def close(self) -> None:
        ...
