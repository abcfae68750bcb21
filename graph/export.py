"""``dirgraph export``: the resolved graph as GraphML, neo4j-admin CSV, or RDF (Turtle, JSON-LD …).

GraphML and CSV are written here from the graph model; RDF formats delegate to
:mod:`dirgraph.graph.rdf` (the RDF engineer's projection) so there is one RDF mapping.
CSV follows ``neo4j-admin database import`` conventions: one ``nodes_<Label>.csv`` with
``id:ID,…,:LABEL`` and one ``rels_<TYPE>.csv`` with ``:START_ID,:END_ID,:TYPE,…`` per type.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from dirgraph.core.errors import DirgraphError
from dirgraph.graph.model import EdgeType, Graph, NodeType
from dirgraph.graph.stores.ladybug_store import node_columns

FORMATS = ("ttl", "jsonld", "nquads", "trig", "graphml", "csv")


def _scalar(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "value"):
        return value.value
    return json.dumps(value, ensure_ascii=False)


def to_graphml(graph: Graph, out: Path) -> None:
    """GraphML with scalar attributes only (GraphML has no list type); provenance as JSON text."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for node in graph.nodes.values():
        g.add_node(node.id, **{k: _scalar(v) for k, v in node.as_dict().items()})
    for edge in graph.edges.values():
        provs = [p.as_dict() for p in edge.provenances]
        g.add_edge(edge.source, edge.target, key=edge.type.value, type=edge.type.value,
                   quote=next((p["quote"] for p in provs if p["quote"]), ""),
                   provenance=json.dumps(provs, ensure_ascii=False), weight=max(1, len(provs)))
    nx.write_graphml(g, out, encoding="utf-8")


def to_csv(graph: Graph, out: Path) -> list[Path]:
    """neo4j-admin import files in folder ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for label in NodeType:
        nodes = sorted((n for n in graph.nodes.values() if n.type == label), key=lambda n: n.id)
        if not nodes:
            continue
        cols = [name for name, _ in node_columns(label)]
        header = ["id:ID" if c == "id" else c + _neo_type(t) for c, t in node_columns(label)] + [":LABEL"]
        path = out / f"nodes_{label.value}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for n in nodes:
                data = n.as_dict()
                writer.writerow([_scalar(data.get(c)) for c in cols] + [label.value])
        written.append(path)
    for etype in EdgeType:
        edges = sorted(graph.edges_of(etype), key=lambda e: (e.source, e.target))
        if not edges:
            continue
        path = out / f"rels_{etype.value}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([":START_ID", ":END_ID", ":TYPE", "quote", "provenance", "weight:int"])
            for e in edges:
                provs = [p.as_dict() for p in e.provenances]
                writer.writerow([e.source, e.target, etype.value, next((p["quote"] for p in provs if p["quote"]), ""),
                                 json.dumps(provs, ensure_ascii=False), max(1, len(provs))])
        written.append(path)
    return written


def _neo_type(ladybug_type: str) -> str:
    return {"INT64": ":long", "BOOLEAN": ":boolean"}.get(ladybug_type, "")


def export(graph: Graph, fmt: str, out: Path) -> list[Path]:
    """Write ``graph`` in ``fmt`` to ``out`` (a file; a folder for csv); returns the paths written."""
    if fmt not in FORMATS:
        raise DirgraphError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    try:
        if fmt == "csv":
            return to_csv(graph, out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            to_graphml(graph, out)
        else:
            from dirgraph.graph import rdf

            out.write_bytes(rdf.serialize(graph, fmt))
    except OSError as exc:
        raise DirgraphError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    return [out]
