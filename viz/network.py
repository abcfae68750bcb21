"""Turn a networkx projection of the graph into vis-network data through pyvis.

Every string from a document is untrusted. Labels are drawn on the canvas, never parsed as
HTML, so they keep their text. Titles (tooltips) are HTML-escaped, because a vis-network
tooltip may be rendered as HTML. Pages render details with ``textContent`` only, and the data
reaches the page as JSON with ``<`` escaped, so no string can close its script element.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pyvis.network import Network

from dirgraph.viz.style import edge_color, level_row, node_style

MAX_DRAWN_NODES = 1500


def escape_text(value: object, limit: int = 400) -> str:
    """HTML-escape a document string and cut it to ``limit`` characters."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class VisData:
    """What a page needs to draw a graph: vis-network nodes, edges and options."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    aggregated: bool = False


def aggregate_by_locality(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Collapse nodes into one group node per locality: big graphs stay readable and fast."""
    groups: dict[Any, str] = {}
    counts: Counter[str] = Counter()
    for node, data in graph.nodes(data=True):
        key = str(data.get("locality") or "Trung ương")
        groups[node] = key
        counts[key] += 1
    out = nx.MultiDiGraph()
    for key, count in counts.items():
        out.add_node(f"group:{key}", label=f"{key} ({count})", type="Group", title=f"{count} nút tại {key}")
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    for source, target, data in graph.edges(data=True):
        a, b = groups[source], groups[target]
        if a != b:
            weights[(a, b, str(data.get("type", "")))] += 1
    for (a, b, edge_type), weight in weights.items():
        out.add_edge(f"group:{a}", f"group:{b}", type=edge_type, quote=f"{weight} × {edge_type}", weight=weight)
    return out


def build_network(
    graph: nx.MultiDiGraph,
    *,
    hierarchical: bool = True,
    max_nodes: int = MAX_DRAWN_NODES,
    height: str = "640px",
) -> tuple[Network, bool]:
    """A pyvis Network for ``graph`` (aggregated when it has more than ``max_nodes`` nodes)."""
    aggregated = graph.number_of_nodes() > max_nodes
    if aggregated:
        graph = aggregate_by_locality(graph)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        node_type = str(data.get("type") or "Other")
        color, shape = node_style(node_type)
        kwargs: dict[str, Any] = {
            "label": _truncate(data.get("label") or node, 60),
            "title": escape_text(data.get("title") or data.get("label") or node),
            "color": color,
            "shape": shape,
            "group": node_type,
        }
        row = level_row(data.get("level"))
        if hierarchical:
            kwargs["level"] = row if row is not None else _fallback_row(node_type)
        if data.get("ghost"):
            kwargs["color"] = {"background": "#ffffff", "border": "#9e9e9e"}
            kwargs["borderDashes"] = True
            kwargs["font"] = {"color": "#9e9e9e"}
        net.add_node(str(node), **kwargs)
        net.nodes[-1]["color"] = kwargs["color"]  # pyvis drops a colour given with other options
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        edge_type = str(data.get("type") or "")
        net.add_edge(
            str(source),
            str(target),
            id=f"e{index}",
            label=_truncate(edge_type.lower(), 40),
            title=escape_text(data.get("quote") or edge_type),
            color=edge_color(edge_type),
            value=data.get("weight", 1),
        )
    net.set_options(_options_json(hierarchical))
    return net, aggregated


def _truncate(value: object, limit: int) -> str:
    """Canvas labels are drawn, never parsed as HTML: keep the text, only shorten it."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fallback_row(node_type: str) -> int:
    return {"Agency": 5, "Task": 6, "Locality": 7, "Target": 7, "Person": 7}.get(node_type, 3)


def _options_json(hierarchical: bool) -> str:
    import json

    options: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 150},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "font": {"size": 10}, "smooth": False},
        "nodes": {"font": {"size": 13}},
    }
    if hierarchical:
        options["layout"] = {
            "hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed", "levelSeparation": 120,
                             "nodeSpacing": 170}
        }
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {"enabled": True, "stabilization": {"iterations": 150}, "solver": "forceAtlas2Based"}
    return json.dumps(options)


def vis_data(graph: nx.MultiDiGraph, *, hierarchical: bool = True, max_nodes: int = MAX_DRAWN_NODES) -> VisData:
    """Nodes, edges and options ready to be embedded as JSON in a page."""
    net, aggregated = build_network(graph, hierarchical=hierarchical, max_nodes=max_nodes)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    import json

    return VisData(nodes=list(nodes), edges=list(edges), options=json.loads(options) if isinstance(options, str)
                   else dict(options), aggregated=aggregated)
