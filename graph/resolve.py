"""Entity resolution: extraction records → one :class:`~dirgraph.graph.model.Graph`.

Two phases, so ids never depend on the order of mentions:

1. every document description (each record's own document and every document it names) is
   matched to a :class:`_DocEntry` — by number (central Party ``…/TW`` numbers alone; other
   numbers with the issuer's locality and the year, since State numbers restart per issuer and
   year), else by kind + issuer + date — and ids are assigned from the merged descriptions;
2. each record's facts are written with those ids: relations, tasks, assignments, agency
   relations, targets, issuer/signer, localities, with provenance on every edge.

A document named but not ingested is a placeholder node; when its file arrives it merges into
the same entry (placeholder flag off). Resolution is a pure function of the record set, so the
workspace can rebuild every store from the records at any time.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from dirgraph.core.provenance import Provenance
from dirgraph.core.text import fold_key, norm_key
from dirgraph.graph.agency_keys import agency_key, parent_rule
from dirgraph.graph.deadlines import deadline_date
from dirgraph.graph.model import (
    DOC_RELATIONS,
    ROLE_EDGES,
    AgencyNode,
    DocKind,
    DocumentNode,
    EdgeProvenance,
    EdgeType,
    Graph,
    Level,
    PersonNode,
    TargetNode,
    TaskNode,
    slug,
)
from dirgraph.graph.places import PlaceResolver, ResolvedPlace
from dirgraph.ingest.docnumbers import canonical_number as _canonical_number
from dirgraph.ingest.record import AgencyRef, DocumentMeta, DocumentRef, ExtractionRecord

_REL_EDGE = {"implements": EdgeType.IMPLEMENTS, "continues": EdgeType.CONTINUES,
             "based_on": EdgeType.BASED_ON, "cites": EdgeType.CITES}


def canonical_number(number: str | None) -> str | None:
    if not number or not number.strip():
        return None
    try:
        found = _canonical_number(number)
    except Exception:  # the parser must never lose a reference: a plain fold keeps it
        found = None
    return found or "".join(number.split())


def number_key(number: str) -> str:
    return norm_key(number).replace(" ", "")


def is_central_party(number: str) -> bool:
    """``91-KL/TW``: a number of the Party Centre, unique on its own within our horizon."""
    return number_key(number).endswith("/tw")


@dataclass
class _Desc:
    """A document as one record describes it."""

    kind: str
    number: str | None
    date: str | None
    issuer: AgencyRef | None
    title: str | None
    loc: ResolvedPlace | None  # the issuer's (or document's) locality
    is_self: bool
    source: str
    sha256: str | None = None
    aliases: tuple[str, ...] = ()
    label: str = ""  # the record's key for a reference ("Nghị quyết Đại hội XIII", "Luật Đầu tư")

    @property
    def year(self) -> int | None:
        if self.date and self.date[:4].isdigit():
            return int(self.date[:4])
        if self.number:
            for part in self.number.split("/"):
                if len(part) == 4 and part.isdigit():
                    return int(part)
        return None


@dataclass
class _DocEntry:
    descs: list[_Desc] = field(default_factory=list)
    id: str = ""
    main_desc: _Desc | None = None
    # The main description's place and year, kept with it: ``Resolver._match`` compares them for
    # every entry sharing a number ("10/KH-UBND" is filed by thousands of communes at 10^5 documents).
    loc: ResolvedPlace | None = None
    year: int | None = None
    seq: int = 0  # creation order: the first matching entry wins
    index_keys: tuple[tuple[Any, ...], ...] = ()  # the Resolver buckets it is filed under

    @property
    def loc_id(self) -> str | None:
        return self.loc.id if self.loc else None

    @property
    def main(self) -> _Desc:
        """The self description when there is one (an ingested file), else the first mention."""
        assert self.main_desc is not None
        return self.main_desc

    def add(self, desc: _Desc) -> None:
        self.descs.append(desc)
        if self.main_desc is None or (desc.is_self and not self.main_desc.is_self):
            self.main_desc = desc
            self.loc, self.year = desc.loc, desc.year

    def first(self, attr: str) -> object:
        for d in sorted(self.descs, key=lambda d: not d.is_self):
            value = getattr(d, attr)
            if value:
                return value
        return None


def _same_place(a: ResolvedPlace | None, b: ResolvedPlace | None) -> bool:
    if a is None or b is None or a.id == b.id:
        return True
    # Same name in the same province: one place filed on two maps (quận Ngô Quyền, now a ward). A
    # district's and its province's "…/KH-UBND" of the same year are different documents, so a
    # differing name never matches, nor a province with a unit under it that bears its name
    # (thành phố Cà Mau, a district-level city in tỉnh Cà Mau), nor two units of one map
    # (huyện Tam Đường and its thị trấn; huyện and thị xã Long Mỹ).
    if not (norm_key(a.name) == norm_key(b.name) and a.province is not None
            and norm_key(a.province) == norm_key(b.province)):
        return False
    if "province" in (a.level, b.level):
        return a.level == b.level
    return a.era is None or a.era != b.era


_ERAS = ("legacy", "current", None)


def _issuer_key(desc: _Desc) -> str:
    if desc.issuer is None:
        return ""
    return agency_key(desc.issuer.name) + "@" + (desc.loc.id if desc.loc else "")


class Resolver:
    """Holds the document index while resolving a set of records."""

    def __init__(self) -> None:
        self.graph = Graph()
        self.entries: list[_DocEntry] = []
        self._by_number: dict[str, list[_DocEntry]] = {}
        self._by_identity: dict[tuple[str, ...], _DocEntry] = {}
        # Numbered entries by (number key, year, place key), each list in creation order: a match
        # is a few dict look-ups instead of a scan of every entry sharing the number.
        self._buckets: dict[tuple[Any, ...], list[_DocEntry]] = {}
        self._agencies: dict[tuple[str, str], str] = {}

    # -- phase 1: documents ------------------------------------------------------------------
    def _match(self, desc: _Desc) -> _DocEntry | None:
        if desc.number:
            nkey = number_key(desc.number)
            candidates = self._by_number.get(nkey, [])
            if is_central_party(desc.number):
                return candidates[0] if candidates else None
            loc, year = (desc.loc.id if desc.loc else None), desc.year
            strict = self._buckets.get((nkey, year, ("id", loc) if loc is not None else ("none",)))
            if strict:  # same place and year
                return strict[0]
            if desc.loc is not None and year is not None:
                firsts = [bucket[0] for key in self._loose_keys(nkey, desc.loc, year)
                          if (bucket := self._buckets.get(key))]
                return min(firsts, key=lambda e: e.seq) if firsts else None
            for entry in candidates:
                # Loose: a mention without year or place, or the same place name on another map
                # (one record may file "Ngô Quyền" as the district, another as today's ward).
                if (year is None or entry.year is None or entry.year == year) and _same_place(entry.loc, desc.loc):
                    return entry
            return None
        return self._by_identity.get(self._identity(desc))

    @staticmethod
    def _identity(desc: _Desc) -> tuple[str, ...]:
        own = desc.sha256 or desc.source if desc.is_self and not desc.date else ""
        if not own and desc.issuer is None:  # without an issuer only the name tells two laws apart
            own = fold_key(desc.label or desc.title or "")
        # an undated unnumbered file is only itself
        return ("u", desc.kind, _issuer_key(desc), desc.date or "", own)

    @staticmethod
    def _place_keys(loc: ResolvedPlace | None) -> list[tuple[Any, ...]]:
        """What ``_same_place`` compares: none, the unit's id, its name, level and map within a named province."""
        if loc is None:
            return [("none",)]
        keys: list[tuple[Any, ...]] = [("id", loc.id)]
        if loc.province is not None:
            name, province = norm_key(loc.name), norm_key(loc.province)
            # a province by its name; a unit under it by its name and map (found from the other map)
            keys.append(("pk", name, province) if loc.level == "province" else ("pkx", name, province, loc.era))
        return keys

    @staticmethod
    def _loose_keys(nkey: str, loc: ResolvedPlace, year: int) -> list[tuple[Any, ...]]:
        """Buckets of the entries a dated, placed mention matches loosely (see ``_same_place``)."""
        name, province = norm_key(loc.name), norm_key(loc.province)
        places: list[tuple[Any, ...]] = [("none",), ("id", loc.id)]
        if loc.level == "province":
            places.append(("pk", name, province))
        else:
            places += [("pkx", name, province, era) for era in _ERAS if loc.era is None or era != loc.era]
        return [(nkey, y, place) for y in (None, year) for place in places]

    def _refile(self, entry: _DocEntry, nkey: str) -> None:
        """File ``entry`` under the buckets of its current main place and year."""
        keys = tuple((nkey, entry.year, place) for place in self._place_keys(entry.loc))
        if keys == entry.index_keys:
            return
        for key in entry.index_keys:
            self._buckets[key].remove(entry)
        for key in keys:
            bucket = self._buckets.setdefault(key, [])
            bisect.insort(bucket, entry, key=lambda e: e.seq)
        entry.index_keys = keys

    def add_desc(self, desc: _Desc) -> _DocEntry:
        entry = self._match(desc)
        if entry is None:
            entry = _DocEntry(seq=len(self.entries))
            self.entries.append(entry)
            if desc.number:
                self._by_number.setdefault(number_key(desc.number), []).append(entry)
            else:
                self._by_identity[self._identity(desc)] = entry
        entry.add(desc)
        if entry.main.number:
            self._refile(entry, number_key(entry.main.number))
        return entry

    def assign_ids(self) -> None:
        taken: set[str] = set()
        for entry in self.entries:
            main = entry.main
            years = sorted({d.year for d in entry.descs if d.year})
            year = f"-{years[0]}" if years else ""
            loc = f"--{main.loc.id.removeprefix('loc-')}" if main.loc else ""
            if main.number:
                base = f"doc-{slug(main.number)}"
                base += year if is_central_party(main.number) else f"{loc}{year}"
            else:
                issuer = slug(agency_key(main.issuer.name)) if main.issuer else (
                    slug(main.label or main.title or "")[:60].strip("-") or "unknown")
                tail = f"-{main.date}" if main.date else (
                    f"-{slug(PurePath(main.source).stem)[:40]}" if main.is_self else "")  # stable across edits
                base = f"doc-{main.kind}-{issuer}{loc}{tail}"
            candidate, n = base, 2
            while candidate in taken:
                candidate, n = f"{base}-{n}", n + 1
            entry.id = candidate
            taken.add(candidate)

    # -- phase 2: facts ----------------------------------------------------------------------
    def agency(self, ref: AgencyRef, places: PlaceResolver) -> str:
        """Agency node id for ``ref`` (created with LOCATED_IN on first sight).

        Memoized per record (``places`` is the record's resolver): the same name and locality in
        one record always resolve to the same node, and the first sighting already did its work.
        """
        memo_key = (ref.name, ref.locality)
        known = places.agency_ids.get(memo_key)
        if known is not None:
            return known
        agency_id = places.agency_ids[memo_key] = self._agency(ref, places)
        return agency_id

    def _agency(self, ref: AgencyRef, places: PlaceResolver) -> str:
        loc = places.resolve(ref.locality, hint_agency=ref.name) if ref.locality else None
        key = (agency_key(ref.name), loc.id if loc else "")
        agency_id = self._agencies.get(key)
        if agency_id is not None:
            node = self.graph.nodes[agency_id]
            if isinstance(node, AgencyNode) and len(ref.name.strip()) > len(node.name):
                node.name = ref.name.strip()  # prefer the form with its level word
            return agency_id
        agency_id = "agency-" + slug(key[0]) + (f"--{key[1].removeprefix('loc-')}" if key[1] else "")
        self._agencies[key] = agency_id
        level = _agency_level(ref.name, loc)
        self.graph.add_node(AgencyNode(id=agency_id, name=ref.name.strip(),
                                       locality_name=loc.name if loc else None,
                                       locality_id=loc.id if loc else None, level=level))
        if loc is not None:
            self.graph.add_edge(EdgeType.LOCATED_IN, agency_id, loc.id)
            rule = parent_rule(ref.name)
            if rule is not None:
                parent = self.agency(AgencyRef(name=rule.parent, locality=ref.locality), places)
                if parent != agency_id:
                    self.graph.add_edge(EdgeType.PART_OF, agency_id, parent)
        return agency_id

    def emit_documents(self) -> None:
        for entry in self.entries:
            main = entry.main
            issuer_level = _agency_level(main.issuer.name, main.loc) if main.issuer else None
            self.graph.add_node(DocumentNode(
                id=entry.id, kind=DocKind.from_record(main.kind),
                number=canonical_number(str(entry.first("number") or "")),
                date=str(entry.first("date") or "") or None,
                year=min((d.year for d in entry.descs if d.year), default=None),
                title=str(entry.first("title") or "") or (main.label if not main.number else None) or None,
                issuer_name=main.issuer.name if main.issuer else None,
                locality_id=main.loc.id if main.loc else None,
                locality_name=main.loc.name if main.loc else None,
                level=issuer_level if main.issuer else (Level(main.loc.level) if main.loc and main.loc.level
                                                        else None),
                placeholder=not any(d.is_self for d in entry.descs),
                source=next((d.source for d in entry.descs if d.is_self), None),
                sha256=next((d.sha256 for d in entry.descs if d.is_self), None),
                aliases=sorted({a for d in entry.descs for a in d.aliases}),
            ))


def _agency_level(name: str, loc: ResolvedPlace | None) -> Level:
    if loc is None:
        return Level.CENTRAL
    if loc.level == "province":
        rule = parent_rule(name)
        return Level.DEPARTMENT if rule is not None and rule.department else Level.PROVINCE
    if loc.level in ("district", "commune"):
        return Level(loc.level)
    return Level.PROVINCE


def _prov(doc_id: str, record: ExtractionRecord, p: Provenance | None) -> EdgeProvenance:
    if p is None:
        return EdgeProvenance(document=doc_id, file=record.source)
    return EdgeProvenance(document=doc_id, file=p.file or record.source, start=p.start, end=p.end,
                          quote=p.quote)


def _record_places(record: ExtractionRecord) -> list[str | None]:
    doc = record.document
    names: list[str | None] = [doc.locality, doc.place, doc.issuer.locality if doc.issuer else None]
    names += [d.issuer.locality for d in record.documents if d.issuer]
    names += [a.agency.locality for a in record.assignments]
    names += [r.source.locality for r in record.agency_relations]
    names += [r.target.locality for r in record.agency_relations]
    return names


def _self_desc(record: ExtractionRecord, places: PlaceResolver) -> _Desc:
    doc: DocumentMeta = record.document
    issuer = doc.issuer
    loc = places.resolve(issuer.locality, hint_agency=issuer.name) if issuer and issuer.locality else None
    if issuer is None and doc.locality:  # a central issuer's place of signing is not its locality
        loc = places.resolve(doc.locality)
    return _Desc(kind=doc.kind, number=canonical_number(doc.number), date=doc.date, issuer=issuer,
                 title=doc.title, loc=loc, is_self=True, source=record.source, sha256=record.sha256)


def _ref_desc(ref: DocumentRef, record: ExtractionRecord, places: PlaceResolver) -> _Desc:
    issuer = ref.issuer
    loc = places.resolve(issuer.locality, hint_agency=issuer.name) if issuer and issuer.locality else None
    return _Desc(kind=ref.kind, number=canonical_number(ref.number), date=ref.date, issuer=issuer,
                 title=ref.title, loc=loc, is_self=False, source=record.source,
                 aliases=tuple(ref.aliases), label=ref.key)


def resolve(records: Iterable[ExtractionRecord]) -> Graph:
    """Merge ``records`` into one graph (deterministic: records are taken in source order)."""
    ordered = sorted(records, key=lambda r: (r.source, r.sha256 or ""))
    res = Resolver()
    per_record: deque[tuple[ExtractionRecord, PlaceResolver, _DocEntry, dict[str, _DocEntry]]] = deque()
    for record in ordered:  # own documents first: a placeholder then merges into the real file
        places = PlaceResolver(res.graph, _record_places(record), record.document.date)
        per_record.append((record, places, res.add_desc(_self_desc(record, places)), {}))
    del ordered
    for record, places, _, refs in per_record:
        for ref in record.documents:
            refs[ref.key] = res.add_desc(_ref_desc(ref, record, places))
    res.assign_ids()
    res.emit_documents()
    # Each record is dropped once its facts are in the graph: given a generator of records (as
    # Workspace.build_graph passes), the peak is the larger of records and graph, not their sum.
    while per_record:
        record, places, self_entry, refs = per_record.popleft()
        _emit_record(res, record, places, self_entry, refs)
    _keep_strongest_relation(res.graph)
    return res.graph


def _emit_record(res: Resolver, record: ExtractionRecord, places: PlaceResolver, self_entry: _DocEntry,
                 refs: dict[str, _DocEntry]) -> None:
    g = res.graph
    me = self_entry.id
    doc = record.document
    doc_prov = _prov(me, record, doc.provenance)
    if doc.issuer is not None:
        g.add_edge(EdgeType.ISSUED_BY, me, res.agency(doc.issuer, places), doc_prov)
    node = g.nodes[me]
    if isinstance(node, DocumentNode):
        if doc.issuer is not None and node.issuer_id is None:
            node.issuer_id = res.agency(doc.issuer, places)
        if node.locality_id:
            g.add_edge(EdgeType.LOCATED_IN, me, node.locality_id)
    if doc.signer is not None and doc.signer.name:
        person = f"person-{slug(doc.signer.name)}"
        g.add_node(PersonNode(id=person, name=doc.signer.name, position=doc.signer.position))
        g.add_edge(EdgeType.SIGNED_BY, me, person, doc_prov)
    for ref in record.documents:
        ref_node = g.nodes[refs[ref.key].id]
        if ref.issuer is not None and isinstance(ref_node, DocumentNode):
            agency = res.agency(ref.issuer, places)
            g.add_edge(EdgeType.ISSUED_BY, ref_node.id, agency, _prov(me, record, ref.provenance))
            if ref_node.issuer_id is None:
                ref_node.issuer_id = agency
            if ref_node.locality_id:
                g.add_edge(EdgeType.LOCATED_IN, ref_node.id, ref_node.locality_id)

    def doc_id(key: str) -> str | None:
        if key == "SELF":
            return me
        entry = refs.get(key)
        return entry.id if entry else None

    for rel in record.relations:
        src, tgt = doc_id(rel.source), doc_id(rel.target)
        if src and tgt and src != tgt:
            g.add_edge(_REL_EDGE[rel.type], src, tgt, _prov(me, record, rel.provenance))
    tasks = _emit_tasks(res, record, me)
    for a in record.assignments:
        target = tasks.get(a.task, me) if a.task != "SELF" else me
        g.add_edge(ROLE_EDGES[a.role], res.agency(a.agency, places), target, _prov(me, record, a.provenance))
    for ar in record.agency_relations:
        etype = EdgeType.REPORTS_TO if ar.type == "reports_to" else EdgeType.COORDINATES_WITH
        src, tgt = res.agency(ar.source, places), res.agency(ar.target, places)
        if src != tgt:
            g.add_edge(etype, src, tgt, _prov(me, record, ar.provenance))
    for i, t in enumerate(record.targets, start=1):
        target_id = f"target-{me.removeprefix('doc-')}-{i}"
        g.add_node(TargetNode(id=target_id, text=t.text, value=None if t.value is None else str(t.value),
                              unit=t.unit, year=t.year, document_id=me))
        owner = tasks.get(t.task, me) if t.task else me
        g.add_edge(EdgeType.HAS_TARGET, owner, target_id, _prov(me, record, t.provenance))


def _emit_tasks(res: Resolver, record: ExtractionRecord, me: str) -> dict[str, str]:
    """Task nodes with HAS_TASK and SUBTASK_OF (explicit parent, else the nearest dotted prefix)."""
    g = res.graph
    ids: dict[str, str] = {}
    prefix = f"task-{me.removeprefix('doc-')}-"
    for t in record.tasks:
        task_id = prefix + slug(t.id)
        ids[t.id] = task_id
        kind = t.deadline.kind if t.deadline else None
        value = t.deadline.value if t.deadline else None
        g.add_node(TaskNode(id=task_id, document_id=me, local_id=t.id, text=t.text, deadline_kind=kind,
                            deadline_value=value, deadline_date=deadline_date(kind, value),
                            parent_local_id=t.parent, section=t.section))
        g.add_edge(EdgeType.HAS_TASK, me, task_id, _prov(me, record, t.provenance))
    for t in record.tasks:
        parent = t.parent if t.parent in ids else None
        parts = t.id.split(".")
        while parent is None and len(parts) > 1:
            parts = parts[:-1]
            candidate = ".".join(parts)
            parent = candidate if candidate in ids and candidate != "PL" else None
        if parent is not None and parent != t.id:
            g.add_edge(EdgeType.SUBTASK_OF, ids[t.id], ids[parent])
    return ids


def _keep_strongest_relation(graph: Graph) -> None:
    """One relation per ordered pair of documents: implements > continues > based_on > cites."""
    best: dict[tuple[str, str], EdgeType] = {}
    for edge in list(graph.edges.values()):
        if edge.type in DOC_RELATIONS:
            pair = (edge.source, edge.target)
            current = best.get(pair)
            if current is None or DOC_RELATIONS.index(edge.type) < DOC_RELATIONS.index(current):
                best[pair] = edge.type
    for edge in list(graph.edges.values()):
        if edge.type in DOC_RELATIONS and best[(edge.source, edge.target)] != edge.type:
            graph.remove_edge(edge.type, edge.source, edge.target)
