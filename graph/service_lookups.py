"""The three one-hop analyst queries the API's look-ups use, answered from the in-memory view.

``chain_up``, ``task_agencies`` and ``agency_tasks`` touch a handful of edges around one node; the
view already holds those edges, so a round-trip through Ladybug (3-8 ms of CPU per call at 10^4
documents, most of an uncached API request) only re-derives what is in memory. Rows have the
columns of :data:`dirgraph.graph.queries.COLUMNS` and the order the Cypher's ``ORDER BY`` gives
(ties broken by id); the store conformance suite and ``tests/graph/test_service_lookups.py`` keep
them equal to the stores' answers.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from dirgraph.graph.model import AgencyNode, DocumentNode, EdgeType, TaskNode
from dirgraph.graph.queries import MAX_DEPTH
from dirgraph.graph.service_views import ROLE_OF_EDGE, EdgeRef, GraphView

CHAIN = (EdgeType.IMPLEMENTS, EdgeType.CONTINUES, EdgeType.BASED_ON)
Row = dict[str, Any]


def _first_quote(edge: EdgeRef) -> str | None:
    return next((p.quote for p in edge.provenances if p.quote), None)


def chain_up(view: GraphView, doc_id: str) -> list[Row]:
    """Every chain hop above ``doc_id``, at the depth its source is first reached (+1)."""
    nodes = view.nodes
    if not isinstance(nodes.get(doc_id), DocumentNode):
        return []
    depth = {doc_id: 0}
    queue = deque([doc_id])
    while queue:
        node = queue.popleft()
        if depth[node] >= MAX_DEPTH:
            continue
        for e in view.out_of(node, *CHAIN):
            if e.target not in depth and isinstance(nodes.get(e.target), DocumentNode):
                depth[e.target] = depth[node] + 1
                queue.append(e.target)
    rows = []
    for source, dist in depth.items():
        src = nodes[source]
        assert isinstance(src, DocumentNode)
        for e in view.out_of(source, *CHAIN):
            target = nodes.get(e.target)
            if not isinstance(target, DocumentNode) or (e.target == doc_id and source != doc_id):
                continue
            rows.append({"source": source, "source_number": src.number,
                         "relation": e.type.value, "target": e.target, "target_number": target.number,
                         "target_title": target.title, "target_kind": target.kind.value,
                         "target_level": target.level.value if target.level else None,
                         "quote": _first_quote(e), "depth": dist + 1})
    return sorted(rows, key=lambda r: (r["depth"], r["source"], r["target"]))


def task_agencies(view: GraphView, task_id: str) -> list[Row]:
    """Agencies with a role on ``task_id``, once per body they are part of."""
    nodes = view.nodes
    rows = []
    for e in view.into_of(task_id, *ROLE_OF_EDGE):
        agency = nodes.get(e.source)
        if not isinstance(agency, AgencyNode):
            continue
        parents = [nodes.get(p.target) for p in view.out_of(agency.id, EdgeType.PART_OF)] or [None]
        for parent in parents:
            rows.append({"agency_id": agency.id, "agency_name": agency.name, "role": ROLE_OF_EDGE[e.type],
                         "parent_agency_id": getattr(parent, "id", None),
                         "parent_agency_name": getattr(parent, "name", None),
                         "locality_name": agency.locality_name, "quote": _first_quote(e)})
    return sorted(rows, key=lambda r: (r["role"], r["agency_name"], r["agency_id"], r["parent_agency_id"] or ""))


def agency_tasks(view: GraphView, agency_id: str) -> list[Row]:
    """The tasks ``agency_id`` holds a role in, by deadline (undated last), task and role."""
    nodes = view.nodes
    rows = []
    for e in view.out_of(agency_id, *ROLE_OF_EDGE):
        task = nodes.get(e.target)
        if not isinstance(task, TaskNode):
            continue
        for h in view.into_of(task.id, EdgeType.HAS_TASK):
            doc = nodes.get(h.source)
            if isinstance(doc, DocumentNode):
                rows.append({"task_id": task.id, "local_id": task.local_id, "text": task.text,
                             "document_id": doc.id, "document_title": doc.title, "role": ROLE_OF_EDGE[e.type],
                             "deadline_kind": task.deadline_kind, "deadline_value": task.deadline_value,
                             "deadline_date": task.deadline_date})
    return sorted(rows, key=lambda r: (r["deadline_date"] or "\uffff", r["task_id"], r["role"]))
