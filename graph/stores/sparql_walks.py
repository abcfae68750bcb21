"""Several small SPARQL queries instead of one big one, for chain_up, cascade and coverage.

Why: in Oxigraph every triple look-up costs ~10-40 µs (RocksDB seeks over the union of the named
graphs), and the single-query versions (``graph/queries/*.rq``) pay look-ups they do not need:
coverage walked ``schema:containedInPlace*`` and joined ``dg:level`` from every document
(1.45 s at 10^5 documents), chain_up joined each hop's statement through
``dg:qualifiedRelation`` to read its quote. Here:

- the documents below a root are found breadth-first, one query per level with the frontier as
  ``VALUES`` (:func:`walk_down`);
- the locality hierarchy (``schema:containedInPlace``, the 2025 ``org:ChangeEvent`` merges, each
  locality's level, era and name: a few thousand units) is read once and kept in ``memo``, a dict
  the caller ties to one store generation (the Oxigraph store drops it when it reopens on a new
  load); without a memo it is read on every call;
- a statement's IRI is computed (:func:`dirgraph.graph.rdf.statement_iri`) and its quote read
  directly.

Every function returns the very rows the ``.rq`` of the same name returns (same variables, same
values), so :func:`dirgraph.graph.stores.sparql_named.finish` shapes both alike and the ``.rq``
files stay the readable, standalone definition (tests/graph/test_sparql_walks.py compares both).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from dirgraph.graph import rdf

Select = Callable[[str], list[dict[str, Any]]]
Row = dict[str, Any]

CHAIN_PREDICATES: dict[str, str] = {
    rdf.ELI + "ensures_implementation_of": "IMPLEMENTS",
    rdf.DG + "continues": "CONTINUES",
    rdf.DG + "basedOn": "BASED_ON",
}
_CHUNK = 400  # terms per VALUES block: keeps each query text bounded on wide frontiers
_PATH = "(eli:ensures_implementation_of|dg:continues|dg:basedOn)"
_DOWN = ("{ ?id eli:ensures_implementation_of ?parent BIND(eli:ensures_implementation_of AS ?p) } "
         "UNION { ?id dg:continues ?parent BIND(dg:continues AS ?p) } "
         "UNION { ?id dg:basedOn ?parent BIND(dg:basedOn AS ?p) }")


def _ref(node: str) -> str:
    return f"<{rdf.iri(node)}>"


def _chunks(items: list[str]) -> Iterator[str]:
    for start in range(0, len(items), _CHUNK):
        yield " ".join(_ref(x) for x in items[start:start + _CHUNK])


def _select(select: Select, body: str) -> list[Row]:
    return select(rdf.SPARQL_PROLOGUE + body)


def walk_down(select: Select, root: str) -> list[Row]:
    """Every IMPLEMENTS/CONTINUES/BASED_ON edge into ``root`` or a document below it, once.

    Rows ``{id, p, parent}`` (``p`` the predicate IRI), the edges with ``id == root`` left out:
    what ``?parent (…)* $node . ?id ?p ?parent`` gives, one breadth-first level per query.
    """
    seen = {root}
    frontier = [root]
    edges: dict[tuple[str, str, str], Row] = {}
    while frontier:
        found: set[str] = set()
        for values in _chunks(frontier):
            query = f"SELECT DISTINCT ?id ?p ?parent WHERE {{ VALUES ?parent {{ {values} }} {_DOWN} }}"
            for row in _select(select, query):
                if row["id"] == root:
                    continue
                edges.setdefault((row["id"], row["p"], row["parent"]), row)
                found.add(row["id"])
        frontier = sorted(found - seen)
        seen.update(frontier)
    return list(edges.values())


def _kind(kind_iri: Any) -> Any:
    """``STRAFTER(STR(?kind_iri), "#Kind")``: unbound stays unbound, no match gives ""."""
    if kind_iri is None:
        return None
    text = str(kind_iri)
    return text.split("#Kind", 1)[1] if "#Kind" in text else ""


def _values(facts: Mapping[str, list[Any]], key: str) -> list[Any]:
    """An OPTIONAL's bindings: every value, or one unbound row when there is none."""
    return facts.get(key) or [None]


def _facts(select: Select, subjects: Iterable[str], predicates: Mapping[str, str]) -> dict[str, dict[str, list[Any]]]:
    """``{subject: {name: [distinct values]}}`` for predicates given as ``{name: prefixed predicate}``.

    One single-pattern OPTIONAL per predicate, driven by ``VALUES``: a seek each (scanning every
    triple of each subject with ``?s ?p ?o`` was 3x slower, as was a ``VALUES ?p`` cross product).
    """
    names = list(predicates)
    columns = " ".join(f"?v{i}" for i in range(len(names)))
    optionals = " ".join(f"OPTIONAL {{ ?s {predicates[n]} ?v{i} }}" for i, n in enumerate(names))
    out: dict[str, dict[str, list[Any]]] = {}
    for values in _chunks(sorted(set(subjects))):
        query = f"SELECT DISTINCT ?s {columns} WHERE {{ VALUES ?s {{ {values} }} {optionals} }}"
        for row in _select(select, query):
            facts = out.setdefault(row["s"], {n: [] for n in names})
            for i, name in enumerate(names):
                value = row[f"v{i}"]
                if value is not None and value not in facts[name]:
                    facts[name].append(value)
    return out


def _expand(prefixed: str) -> str:
    prefix, _, local = prefixed.partition(":")
    return rdf.PREFIXES[prefix] + local


# ---------------------------------------------------------------------------- cascade
_CASCADE_FACTS = {
    "kind_iri": "eli:type_document", "placeholder": "dg:placeholder", "number": "eli:number",
    "title": "dcterms:title", "d": "eli:date_document", "level": "dg:level",
    "locality_id": "eli:relevant_for", "issuer_name": "dg:issuerName",
}


def cascade(select: Select, params: Mapping[str, Any], memo: dict[str, Any] | None = None) -> list[Row]:
    """The rows of cascade.rq: one per edge below the root, with the implementing document's facts."""
    root = str(params.get("id", ""))
    edges = walk_down(select, root)
    facts = _facts(select, (e["id"] for e in edges), _CASCADE_FACTS)
    names = _place_names(select, {p for f in facts.values() for p in f.get("locality_id", [])}, memo)
    rows: list[Row] = []
    for edge in edges:
        doc = facts.get(edge["id"], {})
        place_names = [n for p in doc.get("locality_id", []) for n in names.get(p, [])]
        base = {"id": edge["id"], "parent": edge["parent"], "relation": CHAIN_PREDICATES[edge["p"]]}
        for combo in _product(doc, ("kind_iri", "placeholder", "number", "title", "d", "level",
                                    "locality_id", "issuer_name")):
            for locality_name in place_names or [None]:
                rows.append({**base, **combo, "kind": _kind(combo["kind_iri"]), "date": combo["d"],
                             "locality_name": locality_name})
    return rows


def _place_names(select: Select, places: set[str], memo: dict[str, Any] | None) -> dict[str, list[Any]]:
    """``schema:name`` of each place; kept in ``memo`` (places are shared, their names static)."""
    known: dict[str, list[Any]] = memo.setdefault("place_names", {}) if memo is not None else {}
    missing = places - known.keys()
    if missing:
        found = _facts(select, missing, {"name": "schema:name"})
        for place in missing:
            known[place] = found.get(place, {}).get("name", [])
    return known


def _product(facts: Mapping[str, list[Any]], keys: tuple[str, ...]) -> list[Row]:
    """The cross product of the OPTIONAL bindings (one row when each is single-valued)."""
    combos: list[Row] = [{}]
    for key in keys:
        values = facts.get(key) or [None]
        if len(values) == 1:
            for combo in combos:
                combo[key] = values[0]
        else:
            combos = [{**c, key: v} for c in combos for v in values]
    return combos


# ---------------------------------------------------------------------------- chain up
def chain_up(select: Select, params: Mapping[str, Any], memo: dict[str, Any] | None = None) -> list[Row]:
    """The rows of chain_up.rq; the quote read from the computed rank-0 statement IRI."""
    node = _ref(str(params.get("id", "")))
    hops = _select(select, f"""SELECT DISTINCT ?source ?source_number ?p ?target ?target_number ?target_title
       ?kind_iri ?target_level WHERE {{
  {node} {_PATH}* ?source .
  ?source ?p ?target .
  FILTER(?p IN (eli:ensures_implementation_of, dg:continues, dg:basedOn))
  ?target eli:type_document ?kind_iri .
  OPTIONAL {{ ?source eli:number ?source_number }}
  OPTIONAL {{ ?target eli:number ?target_number }}
  OPTIONAL {{ ?target dcterms:title ?target_title }}
  OPTIONAL {{ ?target dg:level ?target_level }} }}""")
    statement = {}
    for hop in hops:
        relation = CHAIN_PREDICATES[hop["p"]]
        statement[id(hop)] = rdf.node_id(rdf.statement_iri(relation, hop["source"], hop["target"], 0))
    quotes = _facts(select, statement.values(), {"quote": "dg:quote"}) if hops else {}
    rows: list[Row] = []
    for hop in hops:
        for quote in _values(quotes.get(statement[id(hop)], {}), "quote"):
            rows.append({**hop, "relation": CHAIN_PREDICATES[hop["p"]], "target_kind": _kind(hop["kind_iri"]),
                         "quote": quote})
    return rows


# ---------------------------------------------------------------------------- coverage
class Places:
    """The locality hierarchy of one store generation, read in three queries."""

    def __init__(self, select: Select) -> None:
        self.parents: dict[str, list[str]] = defaultdict(list)
        for row in _select(select, "SELECT DISTINCT ?a ?b WHERE { ?a schema:containedInPlace ?b }"):
            self.parents[row["a"]].append(row["b"])
        self.merged: dict[str, list[str]] = defaultdict(list)
        query = ("SELECT DISTINCT ?a ?b WHERE { ?e org:originalOrganization ?a . "
                 "?e org:resultingOrganization ?b }")
        for row in _select(select, query):
            self.merged[row["a"]].append(row["b"])
        self.units: dict[str, list[tuple[Any, Any, Any]]] = defaultdict(list)
        query = ("SELECT DISTINCT ?l ?level ?era ?name WHERE { ?l dg:era ?era . ?l dg:level ?level . "
                 "?l schema:name ?name }")
        for row in _select(select, query):
            self.units[row["l"]].append((row["level"], row["era"], row["name"]))
        self._up: dict[str, list[str]] = {}

    def up(self, place: str) -> list[str]:
        """``place schema:containedInPlace* ?x``: the place itself and every unit above it."""
        known = self._up.get(place)
        if known is None:
            seen = {place}
            order = [place]
            for node in order:
                for parent in self.parents.get(node, ()):
                    if parent not in seen:
                        seen.add(parent)
                        order.append(parent)
            known = self._up[place] = order
        return known

    def localities(self, place: str, level: str, era: str) -> list[tuple[str, Any]]:
        """(locality, name) pairs a document at ``place`` counts for (coverage.rq's path part)."""
        out: list[tuple[str, Any]] = []
        seen: set[tuple[str, Any]] = set()
        for unit in self.up(place):
            todays = [unit] + (self.merged.get(unit, []) if era == "post2025" else [])
            for today in todays:
                for locality in self.up(today):
                    for unit_level, unit_era, name in self.units.get(locality, ()):
                        if unit_level == level and unit_era in (era, "both") and (locality, name) not in seen:
                            seen.add((locality, name))
                            out.append((locality, name))
        return out


def places(select: Select, memo: dict[str, Any] | None) -> Places:
    """The cached hierarchy of ``memo``'s generation (read now when there is no memo)."""
    if memo is None:
        return Places(select)
    cached = memo.get("places")
    if not isinstance(cached, Places):
        cached = memo["places"] = Places(select)
    return cached


def coverage(select: Select, params: Mapping[str, Any], memo: dict[str, Any] | None = None) -> list[Row]:
    """The rows of coverage.rq; ``params`` carry validated ``level`` and ``era`` strings."""
    root = str(params.get("id", ""))
    level, era = str(params["level"]), str(params["era"])
    docs = sorted({e["id"] for e in walk_down(select, root)})
    facts = _facts(select, docs, {"place": "eli:relevant_for", "number": "eli:number",
                                  "title": "dcterms:title", "date": "eli:date_document"})
    hierarchy = places(select, memo)
    rows: list[Row] = []
    for doc in docs:
        found = facts.get(doc, {})
        for place in found.get("place", []):
            for locality, name in hierarchy.localities(place, level, era):
                for combo in _product(found, ("number", "title", "date")):
                    rows.append({"locality_id": locality, "locality_name": name, "document_id": doc,
                                 "document_number": combo["number"], "document_title": combo["title"],
                                 "document_date": combo["date"]})
    return rows
