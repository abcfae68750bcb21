"""Query plans for the two one-hop look-ups on Ladybug, written as a walk of primary-key seeks.

Why not the ``.cypher`` text as is: Ladybug's planner answers ``chain_up.cypher`` by scanning the
whole Document table for the hop after the recursive part (``WHERE t.id <> $id`` becomes a table
scan joined backwards over every IMPLEMENTS edge) and ``task_agencies.cypher`` by hash-joining
every PART_OF edge for the optional parent. Both grow with the corpus (chain_up p50 7.7 ms at
10^4 documents, 53 ms at 10^5). One small query per visited node, each starting from a primary-key
look-up and one adjacency list, costs the same at any size. The answers are those of the
``.cypher`` files (which stay the documented, standalone form of each query; the conformance
suite compares both stores' rows with the networkx reference).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dirgraph.graph.queries import CHAIN_RELATIONS as CHAIN_TYPES
from dirgraph.graph.queries import MAX_DEPTH, ROLE_NAMES

Rows = list[list[Any]]
Run = Callable[[str, Mapping[str, Any]], Rows]

CHAIN_RELATIONS = "|".join(CHAIN_TYPES)
ROLE_RELATIONS = "|".join(ROLE_NAMES)

HOPS_UP = (f"MATCH (s:Document {{id: $id}})-[r:{CHAIN_RELATIONS}]->(t:Document) "
           "RETURN s.id, s.number, label(r), t.id, t.number, t.title, t.kind, t.level, r.quote")
TASK_ROLES = (f"MATCH (t:Task {{id: $id}})<-[r:{ROLE_RELATIONS}]-(a:Agency) "
              "RETURN a.id, a.name, label(r), a.locality_name, r.quote")
PARENTS = "MATCH (a:Agency {id: $id})-[:PART_OF]->(p:Agency) RETURN p.id, p.name"


def chain_up(run: Run, root: str) -> Rows:
    """Query 1: every chain hop above ``root`` with depth = shortest distance to its source + 1.

    Breadth-first over documents, sources at most MAX_DEPTH hops from the root (as the
    ``SHORTEST 1..8`` of chain_up.cypher); hops back into the root are left out; each
    (source, relation, target) hop once, ordered by depth, source, target.
    """
    dist = {root: 0}
    frontier = [root]
    rows: Rows = []
    while frontier:
        next_frontier: list[str] = []
        for source in frontier:
            depth = dist[source]
            for hop in run(HOPS_UP, {"id": source}):
                target = hop[3]
                if target == root and source != root:
                    continue
                rows.append([*hop, depth + 1])
                if target not in dist and depth + 1 <= MAX_DEPTH:
                    dist[target] = depth + 1
                    next_frontier.append(target)
        frontier = sorted(next_frontier)
    best: dict[tuple[Any, Any, Any], list[Any]] = {}
    for row in rows:
        key = (row[0], row[2], row[3])
        if key not in best or row[-1] < best[key][-1]:
            best[key] = row
    return sorted(best.values(), key=lambda r: (r[-1], r[0], r[3]))


def task_agencies(run: Run, task: str) -> Rows:
    """Query 3: agencies responsible for ``task`` by role, one row per parent body (or none)."""
    rows: Rows = []
    parents_of: dict[str, Rows] = {}
    for agency_id, name, relation, locality, quote in run(TASK_ROLES, {"id": task}):
        if agency_id not in parents_of:
            parents_of[agency_id] = run(PARENTS, {"id": agency_id}) or [[None, None]]
        for parent_id, parent_name in parents_of[agency_id]:
            rows.append([agency_id, name, ROLE_NAMES[relation], parent_id, parent_name, locality, quote])
    return sorted(rows, key=lambda r: (r[2], r[1] or "", r[0], r[3] or ""))
