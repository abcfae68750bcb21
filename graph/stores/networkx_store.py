"""networkx projection (MultiDiGraph): analytics, the viz layer, and a Python answer to the seven queries.

Nodes keep their model fields as attributes plus ``label`` (display) and ``type``; edges keep
``type``, ``quote``, ``provenance`` (list of dicts), ``source_file`` and ``weight``. The seven
analyst queries are implemented here in plain Python so the conformance suite can check the
Cypher and SPARQL answers against an independent one.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import networkx as nx

from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph.model import Graph, Node
from dirgraph.graph.queries import COLUMNS, QueryName
from dirgraph.graph.service_models import QueryResult
from dirgraph.graph.stores import nx_queries
from dirgraph.graph.stores.protocol import Capability, StoreCounts


def node_label(node: Node) -> str:
    """Short display label of a node."""
    if node.type == "Document":
        return node.number or node.title or node.id  # type: ignore[union-attr]
    if node.type == "Task":
        return f"{node.local_id} {node.text[:60]}"  # type: ignore[union-attr]
    if node.type == "Target":
        return node.text[:60]  # type: ignore[union-attr]
    name: str = getattr(node, "name", node.id)
    locality = getattr(node, "locality_name", None)
    return f"{name}, {locality}" if locality else name


def node_title(node: Node) -> str:
    if node.type == "Document":
        return node.title or node.number or node.id  # type: ignore[union-attr]
    if node.type == "Task":
        return node.text  # type: ignore[union-attr]
    return node_label(node)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for node in graph.nodes.values():
        attrs = node.as_dict()
        attrs["label"] = node_label(node)
        attrs["doc_title"] = attrs.get("title")  # the model's title; "title" is the viz tooltip
        attrs["title"] = node_title(node)
        g.add_node(node.id, **attrs)
    for edge in graph.edges.values():
        provs = [p.as_dict() for p in edge.provenances]
        g.add_edge(edge.source, edge.target, key=edge.type.value, type=edge.type.value,
                   quote=next((p["quote"] for p in provs if p["quote"]), ""),
                   source_file=provs[0]["file"] if provs else "", provenance=provs,
                   weight=max(1, len(provs)))
    return g


class NetworkxStore:
    name: ClassVar[str] = "networkx"
    capabilities: ClassVar[frozenset[Capability]] = frozenset({Capability.NAMED, Capability.ANALYTICS})

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()

    def load(self, graph: Graph) -> None:
        self.graph = to_networkx(graph)

    def counts(self) -> StoreCounts:
        nodes: dict[str, int] = {}
        for _, data in self.graph.nodes(data=True):
            nodes[data["type"]] = nodes.get(data["type"], 0) + 1
        edges: dict[str, int] = {}
        for _, _, data in self.graph.edges(data=True):
            edges[data["type"]] = edges.get(data["type"], 0) + 1
        return StoreCounts(nodes=nodes, edges=edges)

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        name = QueryName(name)
        rows = nx_queries.run(self.graph, name, params)
        return QueryResult(columns=list(COLUMNS[name]), rows=rows)

    def query(self, text: str, parameters: Mapping[str, Any] | None = None, timeout_s: float = 10.0,
              row_cap: int = 10_000) -> QueryResult:
        raise QueryRejectedError("the networkx store has no query language; use ladybug or oxigraph")

    def close(self) -> None:
        return None
