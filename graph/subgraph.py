"""The neighbourhood of a node in the networkx projection, filtered for the viz layer."""

from __future__ import annotations

from typing import Any

import networkx as nx


def neighbourhood(g: nx.MultiDiGraph, center_id: str, depth: int = 2, node_types: list[str] | None = None,
                  edge_types: list[str] | None = None, places: set[str] | None = None) -> nx.MultiDiGraph:
    """Nodes within ``depth`` hops of ``center_id`` (edges followed both ways), as a new graph.

    ``node_types``/``edge_types`` restrict what is followed; ``places`` (locality ids) drops nodes
    located elsewhere (nodes without a locality, such as central bodies and tasks, stay). Node
    attributes are scalars only and edges lose their provenance list: what a view can display.
    """

    def keep_node(n: str) -> bool:
        data = g.nodes[n]
        if n == center_id:
            return True
        if node_types and data["type"] not in node_types:
            return False
        place = data.get("locality_id") if data["type"] != "Locality" else n
        return places is None or place is None or place in places

    def keep_edge(data: dict[str, Any]) -> bool:
        return not edge_types or data["type"] in edge_types

    seen, frontier = {center_id}, [center_id]
    for _ in range(max(0, depth)):
        nxt = []
        for n in frontier:
            steps = [(m, d) for _, m, d in g.out_edges(n, data=True)] + [(m, d) for m, _, d in g.in_edges(n, data=True)]
            for m, data in steps:
                if m not in seen and keep_edge(data) and keep_node(m):
                    seen.add(m)
                    nxt.append(m)
        frontier = nxt
    out: nx.MultiDiGraph = nx.MultiDiGraph()
    for n in seen:
        out.add_node(n, **{k: v for k, v in g.nodes[n].items() if v is None or isinstance(v, str | int | float | bool)})
    for s, t, key, data in g.edges(seen, keys=True, data=True):
        if t in seen and keep_edge(data):
            out.add_edge(s, t, key=key, **{k: v for k, v in data.items() if k != "provenance"})
    return out
