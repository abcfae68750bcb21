"""The seven analyst queries in plain Python over the networkx projection (same columns as the Cypher).

An independent implementation: the conformance suite compares every store's answers with these.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from dirgraph.graph.queries import CHAIN_RELATIONS, MAX_DEPTH, ROLE_NAMES, QueryName

Row = list[Any]


def _out(g: nx.MultiDiGraph, node: str, types: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    return [(t, d) for _, t, d in g.out_edges(node, data=True) if d["type"] in types]


def _in(g: nx.MultiDiGraph, node: str, types: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    return [(s, d) for s, _, d in g.in_edges(node, data=True) if d["type"] in types]


def _bfs(g: nx.MultiDiGraph, start: str, up: bool) -> dict[str, int]:
    """Shortest depth of every Document reachable over the chain relations (start excluded)."""
    depth = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if depth[node] >= MAX_DEPTH:
            continue
        step = _out(g, node, CHAIN_RELATIONS) if up else _in(g, node, CHAIN_RELATIONS)
        for other, _ in sorted(step, key=lambda x: x[0]):
            if other not in depth and g.nodes[other].get("type") == "Document":
                depth[other] = depth[node] + 1
                queue.append(other)
    del depth[start]
    return depth


def chain_up(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    start = p["id"]
    if start not in g:
        return []
    reach = {start: 0, **_bfs(g, start, up=True)}
    rows = []
    for s, dist in reach.items():
        for t, d in _out(g, s, CHAIN_RELATIONS):
            if t == start and s != start:
                continue
            tn, sn = g.nodes[t], g.nodes[s]
            rows.append([s, sn.get("number"), d["type"], t, tn.get("number"), tn.get("doc_title"),
                         tn.get("kind"), tn.get("level"), d["quote"] or None, dist + 1])
    return sorted(rows, key=lambda r: (r[-1], r[0], r[3]))


def cascade(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    root = p["id"]
    if root not in g:
        return []
    depth = _bfs(g, root, up=False)
    depth_root = {root: 0, **depth}
    rows = []
    for doc, dist in depth.items():
        parents = sorted((t, d["type"]) for t, d in _out(g, doc, CHAIN_RELATIONS)
                         if depth_root.get(t) == dist - 1)
        parent, relation = parents[0]
        n = g.nodes[doc]
        rows.append([doc, n.get("number"), n.get("doc_title"), n.get("kind"), n.get("date"), dist, n.get("level"),
                     n.get("locality_id"), n.get("locality_name"), n.get("issuer_name"), parent, relation,
                     bool(n.get("placeholder"))])
    return sorted(rows, key=lambda r: (r[5], r[6] or "", r[8] or "", r[0]))


def task_agencies(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    task = p["id"]
    if task not in g:
        return []
    rows = []
    for a, d in _in(g, task, tuple(ROLE_NAMES)):
        an = g.nodes[a]
        parents: list[str | None] = [b for b, _ in _out(g, a, ("PART_OF",))] or [None]
        for parent in parents:
            rows.append([a, an["name"], ROLE_NAMES[d["type"]], parent,
                         g.nodes[parent]["name"] if parent else None, an.get("locality_name"),
                         d["quote"] or None])
    return sorted(rows, key=lambda r: (r[2], r[1]))


def agency_tasks(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    agency = p["id"]
    if agency not in g:
        return []
    rows = []
    for t, d in _out(g, agency, tuple(ROLE_NAMES)):
        tn = g.nodes[t]
        if tn["type"] != "Task":
            continue
        for doc, _ in _in(g, t, ("HAS_TASK",)):
            rows.append([t, tn["local_id"], tn["text"], doc, g.nodes[doc].get("doc_title"), ROLE_NAMES[d["type"]],
                         tn.get("deadline_kind"), tn.get("deadline_value"), tn.get("deadline_date")])
    return sorted(rows, key=lambda r: (r[8] or "\uffff", r[0], r[5]))


def coverage(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    root, level, era = p["id"], p["level"], p["era"]
    if root not in g:
        return []
    follow = ("WITHIN", "MERGED_INTO") if era == "post2025" else ("WITHIN",)
    rows = set()
    for doc in _bfs(g, root, up=False):
        dn = g.nodes[doc]
        for loc, _ in _out(g, doc, ("LOCATED_IN",)):
            seen, frontier = {loc}, [loc]
            for _ in range(5):
                frontier = [t for f in frontier for t, _ in _out(g, f, follow) if t not in seen]
                seen.update(frontier)
            for unit in seen:
                un = g.nodes[unit]
                if un.get("level") == level and un.get("era") in (era, "both"):
                    rows.add((unit, un["name"], doc, dn.get("number"), dn.get("doc_title"), dn.get("date")))
    return [list(r) for r in sorted(rows, key=lambda r: (r[1], r[5] or "", r[2]))]


def deadlines(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    lo, hi = p["date_from"], p["date_to"]
    rows = []
    for t, tn in g.nodes(data=True):
        date = tn.get("deadline_date")
        if tn["type"] != "Task" or not date or not (lo <= date <= hi):
            continue
        leads = sorted(g.nodes[a]["name"] for a, _ in _in(g, t, ("LEADS",)))
        for doc, _ in _in(g, t, ("HAS_TASK",)):
            dn = g.nodes[doc]
            rows.append([t, tn["local_id"], tn["text"], doc, dn.get("doc_title"), tn.get("deadline_kind"),
                         tn.get("deadline_value"), date, dn.get("locality_name"), leads])
    return sorted(rows, key=lambda r: (r[7], r[0]))


def coordination(g: nx.MultiDiGraph, p: Mapping[str, Any]) -> list[Row]:
    target = p["id"]
    if target not in g:
        return []
    inside = {target}
    frontier = [target]
    for _ in range(3):
        frontier = [s for f in frontier for s, _ in _in(g, f, ("WITHIN",)) if s not in inside]
        inside.update(frontier)
    rows = []
    for a, an in g.nodes(data=True):
        if an["type"] != "Agency" or not any(loc in inside for loc, _ in _out(g, a, ("LOCATED_IN",))):
            continue
        for b, d in _out(g, a, ("COORDINATES_WITH", "REPORTS_TO", "PART_OF")):
            quotes = [pr["quote"] for pr in d["provenance"] if pr["quote"]]
            rows.append([a, an["name"], b, g.nodes[b]["name"], d["type"], d["weight"], quotes])
    return sorted(rows, key=lambda r: (r[4], r[1], r[3]))


QUERIES: dict[QueryName, Callable[[nx.MultiDiGraph, Mapping[str, Any]], list[Row]]] = {
    QueryName.CHAIN_UP: chain_up, QueryName.CASCADE: cascade, QueryName.TASK_AGENCIES: task_agencies,
    QueryName.AGENCY_TASKS: agency_tasks, QueryName.COVERAGE: coverage, QueryName.DEADLINES: deadlines,
    QueryName.COORDINATION: coordination,
}


def run(g: nx.MultiDiGraph, name: QueryName, params: Mapping[str, Any]) -> list[Row]:
    return QUERIES[name](g, params)
