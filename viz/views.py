"""Graph views built from GraphService answers: pure functions, service results in, networkx out.

The browser pages and ``dirgraph viz`` draw the same views, so they live here, not in the API.
"""

from __future__ import annotations

from typing import Protocol

import networkx as nx

from dirgraph.graph.model import DocKind
from dirgraph.graph.service_models import AgencyDetail, CascadeRow, ChainHop, Coverage, DocumentDetail

MAX_GHOSTS = 400


class ChainSource(Protocol):
    def chain_up(self, doc_id: str) -> list[ChainHop]: ...

    def cascade(self, doc_id: str) -> list[CascadeRow]: ...


def _doc_node(g: nx.MultiDiGraph, doc_id: str, number: str | None, title: str | None, kind: str | None,
              level: str | None, locality: str | None = None) -> None:
    label = number or (title or doc_id)[:48]
    g.add_node(doc_id, label=label, type=DocKind.from_record(kind).value if kind and kind.islower() else (kind or "Other"),
               level=level, title=title or label, detail=title or "", locality=locality,
               href=f"/view/documents/{doc_id}")


def chain_cascade_graph(service: ChainSource, doc: DocumentDetail) -> nx.MultiDiGraph:
    """The document, the chain up to its roots and the cascade of documents implementing it."""
    g = nx.MultiDiGraph()
    _doc_node(g, doc.id, doc.number, doc.title, doc.kind, doc.level, doc.locality_name)
    for hop in service.chain_up(doc.id):
        if hop.target not in g:
            _doc_node(g, hop.target, hop.target_number, hop.target_title, hop.target_kind, hop.target_level)
        if hop.source not in g:
            _doc_node(g, hop.source, hop.source_number, None, None, None)
        g.add_edge(hop.source, hop.target, type=hop.relation.upper(), quote=hop.quote)
    for row in service.cascade(doc.id):
        if row.id not in g:
            _doc_node(g, row.id, row.number, row.title, row.kind, row.level, row.locality_name)
        if row.parent not in g:
            _doc_node(g, row.parent, None, None, None, None)
        g.add_edge(row.id, row.parent, type=row.relation.upper())
    return g


def coverage_view(doc: DocumentDetail, coverage: Coverage) -> nx.MultiDiGraph:
    """Directive → covered localities (with their plans); missing localities as ghost nodes."""
    g = nx.MultiDiGraph()
    _doc_node(g, doc.id, doc.number, doc.title, doc.kind, "central")
    for covered in coverage.covered:
        g.add_node(covered.locality_id, label=covered.name, type="Locality", title=covered.name)
        for d in covered.documents:
            _doc_node(g, d.id, d.number, d.title, "Plan", None, covered.name)
            lag = f" — {d.lag_days} ngày" if d.lag_days is not None else ""
            g.add_edge(d.id, doc.id, type="IMPLEMENTS", quote=f"{d.number or d.title or d.id}{lag}")
            g.add_edge(d.id, covered.locality_id, type="LOCATED_IN")
    for missing in coverage.missing[:MAX_GHOSTS]:
        g.add_node(missing.locality_id, label=missing.name, type="Missing", ghost=True, title=missing.name)
    return g


def link_nodes(graph: nx.MultiDiGraph) -> None:
    for node, data in graph.nodes(data=True):
        kind = str(data.get("type") or "")
        if kind == "Agency":
            data.setdefault("href", f"/view/agencies/{node}")
        elif kind == "Task":
            data.setdefault("href", f"/view/tasks/{node}")
        elif kind in {k.value for k in DocKind} or kind == "Document":
            data.setdefault("href", f"/view/documents/{node}")




def agency_ego_view(agency: AgencyDetail) -> nx.MultiDiGraph:
    """An agency with the agencies it reports to, coordinates with, belongs to and contains."""
    g = nx.MultiDiGraph()
    g.add_node(agency.id, label=agency.name, type="Agency", title=f"{agency.name} — {agency.locality_name or ''}",
               href=f"/view/agencies/{agency.id}", locality=agency.locality_name)
    for edge_type, others, outward in (("REPORTS_TO", agency.reports_to, True),
                                       ("COORDINATES_WITH", agency.coordinates_with, True),
                                       ("PART_OF", agency.part_of, True), ("PART_OF", agency.parts, False)):
        for other in others:
            g.add_node(other.id, label=other.name, type="Agency", title=f"{other.name} — {other.locality_name or ''}",
                       href=f"/view/agencies/{other.id}", locality=other.locality_name)
            a, b = (agency.id, other.id) if outward else (other.id, agency.id)
            g.add_edge(a, b, type=edge_type)
    return g
