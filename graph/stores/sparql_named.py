"""The seven analyst queries on a SPARQL engine: fill a ``.rq`` template, run it, shape the rows.

Shared by the Oxigraph and the rdflib stores, so both answer exactly like the Cypher backends
(column names and order from :data:`dirgraph.graph.queries.COLUMNS`). The ``.rq`` files are
plain SPARQL whose parameters are ``$name`` variables (``$node`` for the ``id`` parameter, so it
never clashes with an ``?id`` result column); :func:`fill` replaces them with inlined
terms — an IRI built from a validated id (:func:`dirgraph.graph.queries.safe_id`), an
``xsd:date`` from a checked ISO date, a string from a closed set — never raw user text.
Inlining matters for speed: Oxigraph does not push substituted values into property paths
(STACK.md: 2 s instead of 0.9 ms for a chain-up at 10^5 documents).

chain_up, cascade and coverage do not run their ``.rq`` here: :func:`run_named` hands them to
:mod:`dirgraph.graph.stores.sparql_walks`, which gets the same rows from several small queries
(breadth-first, one query per level; the locality hierarchy read once per store generation):
coverage at 10^5 documents went from 1.45 s to tens of milliseconds. The ``.rq`` files remain
the standalone definition the query page shows and the rdflib store runs.

A SPARQL engine returns RDF terms; :func:`py_value` turns them into the Python values the
Cypher stores return (ids without the IRI prefix, ints, bools, ISO date strings), and list
columns travel as ``GROUP_CONCAT`` with a unit-separator and are split here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from dirgraph.core.errors import QueryRejectedError
from dirgraph.graph import rdf
from dirgraph.graph.model import EdgeType, NodeType
from dirgraph.graph.queries import COLUMNS, MAX_DEPTH, QueryName, safe_id, sparql
from dirgraph.graph.service_models import QueryResult
from dirgraph.graph.stores.protocol import StoreCounts

Select = Callable[[str], list[dict[str, Any]]]
SEP = "\u001f"  # GROUP_CONCAT separator of list columns (never in extracted text)
LIST_COLUMNS = frozenset({"lead_agencies", "quotes"})
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARAM = re.compile(r"\$([a-z_]+)\b")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_LEVELS = frozenset({"province", "district", "commune"})
_ERAS = frozenset({"pre2025", "post2025"})


def py_value(term: Any) -> Any:
    """pyoxigraph or rdflib term -> Python value (None for an unbound variable).

    Node IRIs lose the ``https://dirgraph.org/id/`` prefix (ids, as the Cypher stores return
    them); xsd:integer -> int, xsd:boolean -> bool, every other literal (dates too) -> str.
    """
    if term is None:
        return None
    kind = type(term).__name__
    if kind in ("NamedNode", "URIRef"):
        return rdf.node_id(str(getattr(term, "value", term)))
    if kind in ("BlankNode", "BNode"):
        return "_:" + str(getattr(term, "value", term))
    value = str(getattr(term, "value", term)) if kind == "Literal" and not hasattr(term, "toPython") else str(term)
    datatype = getattr(term, "datatype", None)
    dt = str(getattr(datatype, "value", datatype)) if datatype is not None else ""
    if dt in (_XSD + "integer", _XSD + "int", _XSD + "long"):
        return int(value)
    if dt == _XSD + "boolean":
        return value in ("true", "1")
    return value


def _date(value: Any, default: str) -> str:
    if value is None or value == "":
        value = default
    if not isinstance(value, str) or not _ISO.match(value):
        raise QueryRejectedError(f"not an ISO date (YYYY-MM-DD): {str(value)[:40]!r}")
    return f'"{value}"^^<{_XSD}date>'


def _choice(value: Any, allowed: frozenset[str], what: str) -> str:
    if value not in allowed:
        raise QueryRejectedError(f"{what} must be one of {', '.join(sorted(allowed))}")
    return f'"{value}"'


def inline(name: str, params: Mapping[str, Any]) -> str:
    """The SPARQL term that replaces ``$name`` (validated; unknown names are refused)."""
    if name == "node":
        return f"<{rdf.iri(safe_id(str(params.get('id', ''))))}>"
    if name == "date_from":
        return _date(params.get("date_from"), "0001-01-01")
    if name == "date_to":
        return _date(params.get("date_to"), "9999-12-31")
    if name == "level":
        return _choice(params.get("level", "province"), _LEVELS, "level")
    if name == "era":
        return _choice(params.get("era", params.get("map", "post2025")), _ERAS, "era")
    raise QueryRejectedError(f"unknown query parameter ${name}")


def fill(template: str, params: Mapping[str, Any]) -> str:
    """Replace every ``$name`` outside comments with its inlined term; prepend the prefixes."""
    body = "\n".join(line for line in template.splitlines() if not line.lstrip().startswith("#"))
    cache: dict[str, str] = {}

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in cache:
            cache[key] = inline(key, params)
        return cache[key]

    return rdf.SPARQL_PROLOGUE + _PARAM.sub(sub, body)


def shape_rows(name: QueryName, rows: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows in the shared column order; list columns split and sorted; duplicates dropped."""
    columns = COLUMNS[name]
    out: list[list[Any]] = []
    seen: set[str] = set()
    for row in rows:
        shaped: list[Any] = []
        for col in columns:
            value = row.get(col)
            if col in LIST_COLUMNS:
                value = sorted(v for v in (value or "").split(SEP) if v) if isinstance(value, str) else []
            shaped.append(value)
        key = repr(shaped)
        if key not in seen:
            seen.add(key)
            out.append(shaped)
    return out


def _bfs(adjacency: Mapping[str, set[str]], root: str) -> dict[str, int]:
    """Hop distance from ``root`` along ``adjacency`` (at most MAX_DEPTH hops)."""
    dist = {root: 0}
    frontier = [root]
    while frontier and dist[frontier[0]] < MAX_DEPTH:
        nxt: list[str] = []
        for node in frontier:
            for other in sorted(adjacency.get(node, ())):
                if other not in dist:
                    dist[other] = dist[node] + 1
                    nxt.append(other)
        frontier = nxt
    return dist


def chain_depths(rows: list[dict[str, Any]], root: str) -> list[dict[str, Any]]:
    """Query 1's depth: 1 for the root's own hops, else shortest distance to the source + 1.

    Hops back into the root from above are dropped and each hop is kept once (as the Cypher
    backends do); sources further than MAX_DEPTH hops are dropped.
    """
    adjacency: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        adjacency[row["source"]].add(row["target"])
    dist = _bfs(adjacency, root)
    out = []
    for row in rows:
        if row["source"] == root:
            out.append({**row, "depth": 1})
        elif row["source"] in dist and row["target"] != root:
            out.append({**row, "depth": dist[row["source"]] + 1})
    return sorted(out, key=lambda r: (r["depth"], r["source"], r["target"]))


def cascade_rows(rows: list[dict[str, Any]], root: str) -> list[dict[str, Any]]:
    """Query 2: one row per document at its shortest depth, parent on a shortest path (smallest id)."""
    below: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        below[row["parent"]].add(row["id"])
    dist = _bfs(below, root)
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        doc, parent = row["id"], row["parent"]
        if doc == root or doc not in dist or dist.get(parent) != dist[doc] - 1:
            continue
        if doc not in best or parent < best[doc]["parent"]:
            best[doc] = {**row, "depth": dist[doc]}
    return sorted(best.values(), key=lambda r: (r["depth"], r["id"]))


_POST: dict[QueryName, Callable[[list[dict[str, Any]], str], list[dict[str, Any]]]] = {
    QueryName.CHAIN_UP: chain_depths,
    QueryName.CASCADE: cascade_rows,
}


def finish(name: QueryName, rows: list[dict[str, Any]], params: Mapping[str, Any]) -> QueryResult:
    """Post-process (depths for queries 1 and 2) and shape rows into the shared columns."""
    post = _POST.get(name)
    if post is not None:
        rows = post(rows, str(params.get("id", "")))
    return QueryResult(columns=list(COLUMNS[name]), rows=shape_rows(name, rows))


Walk = Callable[[Select, Mapping[str, Any], "dict[str, Any] | None"], list[dict[str, Any]]]


def _walks() -> dict[QueryName, Walk]:
    from dirgraph.graph.stores import sparql_walks

    return {QueryName.CHAIN_UP: sparql_walks.chain_up, QueryName.CASCADE: sparql_walks.cascade,
            QueryName.COVERAGE: sparql_walks.coverage}


def checked_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters a walk reads, validated as :func:`inline` validates them for a template."""
    return {"id": safe_id(str(params.get("id", ""))),
            "level": _choice(params.get("level", "province"), _LEVELS, "level").strip('"'),
            "era": _choice(params.get("era", params.get("map", "post2025")), _ERAS, "era").strip('"')}


def run_named(select: Select, name: QueryName, params: Mapping[str, Any],
              memo: dict[str, Any] | None = None) -> QueryResult:
    """Run analyst query ``name`` on an engine given as a ``select`` function, shape the rows.

    chain_up, cascade and coverage run as several small queries (:mod:`sparql_walks`: same rows
    as their ``.rq``, a fraction of the triple look-ups); the others fill and run the ``.rq``.
    ``memo`` (a dict the caller empties whenever the data changes) keeps the locality hierarchy
    between calls; without it nothing is kept.
    """
    walk = _walks().get(name)
    if walk is not None:
        return finish(name, walk(select, checked_params(params), memo), params)
    return finish(name, select(fill(sparql(name), params)), params)


_CLASS_LABELS = {
    rdf.DG + "Document": NodeType.DOCUMENT, rdf.DG + "Agency": NodeType.AGENCY,
    rdf.DG + "Locality": NodeType.LOCALITY, rdf.DG + "Task": NodeType.TASK,
    rdf.DG + "Target": NodeType.TARGET, rdf.SCHEMA + "Person": NodeType.PERSON,
}


def _edge_predicates() -> dict[str, EdgeType]:
    preds = {iri: t for t, iri in rdf.RELATION_PREDICATES.items()}
    preds.update({shortcut: t for t, (shortcut, _) in rdf.ROLE_PREDICATES.items()})
    preds.update({iri: t for t, (iri, _) in rdf.PLAIN_PREDICATES.items()})
    preds[rdf.LOCATED_IN_DOCUMENT] = EdgeType.LOCATED_IN
    preds[rdf.LOCATED_IN_AGENCY] = EdgeType.LOCATED_IN
    return preds


def counts(select: Select) -> StoreCounts:
    """Nodes by label (rdf:type) and edges by type (distinct subject/object pairs per predicate)."""
    nodes: dict[str, int] = {}
    for row in select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
        label = _CLASS_LABELS.get(str(row["c"]))
        if label is not None:
            nodes[label.value] = int(row["n"])
    preds = _edge_predicates()
    values = " ".join(f"<{p}>" for p in preds)
    edges: dict[str, int] = {}
    query = ("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
             f"VALUES ?p {{ {values} }} ?s ?p ?o }} }} GROUP BY ?p")
    for row in select(query):
        edge_type = preds[str(row["p"])]
        edges[edge_type.value] = edges.get(edge_type.value, 0) + int(row["n"])
    merged = select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{rdf.ORG}ChangeEvent> }}")
    if merged and int(merged[0]["n"]):
        edges[EdgeType.MERGED_INTO.value] = int(merged[0]["n"])
    return StoreCounts(nodes=nodes, edges=edges)

