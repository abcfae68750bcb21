"""How the document relates to the documents it names, and how they relate to each other.

The document speaks of itself in its title ("KẾ HOẠCH thực hiện Kết luận …"), its preamble
("Thực hiện …", "Căn cứ …") and its purpose section: there the verb before a mention gives the
SELF relation (implements, based_on; retrospective or replaced documents are cites). Anywhere
else a mention is a citation. A mention that follows another document's description
("Kết luận X … về tiếp tục thực hiện Nghị quyết Y") belongs to that document: it gives X -> Y
and no SELF edge. One relation per ordered pair, the strongest kept. Cue phrases live in
``data/relation_cues.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from dirgraph.core.text import clean_spaces, norm_key
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.frame import Frame
from dirgraph.ingest.record import DocumentRef, Relation
from dirgraph.ingest.references import Mention
from dirgraph.ingest.tables import alternatives, load_table

STRENGTH = {"implements": 4, "continues": 3, "based_on": 2, "cites": 1}
#: Kinds whose "tiếp tục thực hiện X" is the successor-directive link (continues), not a plan's implements.
SUCCESSOR_KINDS = frozenset({"resolution", "conclusion", "directive"})
_CLAUSE_BREAK = re.compile(r";|\.(?=\s|$)")
_DESCRIBED_AND = re.compile(r"\s+về\s+[^;:()]{1,300}?\s+và\s+(?:các\s+)?")
# a clause break, or "gắn với" (the document's own link: "Triển khai X và Y, gắn với thực hiện Z")
_NESTED_BREAK = re.compile(r"[;:]|\.(?=\s|$)|" + re.escape(norm_key("gắn với")))
_COORDINATORS = tuple(norm_key(w) + " " for w in ("và", "đồng thời", "cùng", "đồng thời,"))
_AND = " " + norm_key("và") + " "
_ABOUT = norm_key("về") + " "
_SEPARATORS = frozenset(norm_key(w) for w in (",", "và", "cùng", "các", "và các", ";", "cũng như", "với", "hoặc"))


@dataclass(frozen=True)
class Cue:
    category: str
    phrase: str  # norm_key form
    value: str


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    """Every cue of ``relation_cues.tsv`` (phrases in norm_key form), longest first."""
    out = [Cue(row[0], norm_key(p), row[2]) for row in load_table("relation_cues.tsv") for p in alternatives(row[1])]
    return tuple(sorted(out, key=lambda c: -len(c.phrase)))


@lru_cache(maxsize=16)
def _of(*categories: str) -> tuple[Cue, ...]:
    return tuple(c for c in cues() if c.category in categories)


@lru_cache(maxsize=512)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _find_all(hay: str, phrase: str) -> list[int]:
    if phrase not in hay:  # a plain substring test rules most cues out before any regex runs
        return []
    return [m.end() for m in _phrase_re(phrase).finditer(hay)]


_OPENING = re.compile(r"^[\W\d]*(?:[a-zđ]\)\s*)?")
_CONTINUE_KEY = norm_key("tiếp tục")


@lru_cache(maxsize=1)
def _last_cue_table() -> tuple[tuple[bool, str, int, str], ...]:
    """The cues :func:`last_cue` reads, in their order, as plain tuples (is self-start, phrase, length, value)."""
    return tuple((c.category == "self-start", c.phrase, len(c.phrase), c.value) for c in _of("self", "retro", "self-start"))


def last_cue(segment: str, at_start_only: bool = False) -> tuple[str | None, int, str]:
    """Type of the cue nearest the end of ``segment`` (self, retro and clause-opening cues).

    >>> last_cue("Thực hiện")[0]
    'implements'
    >>> last_cue("khắc phục hạn chế trong việc thực hiện")[0]
    'cites'
    >>> last_cue("Căn cứ")[0]
    'based_on'
    """
    key = norm_key(segment)
    best: tuple[int, int, str, str] | None = None  # (end, length, type, phrase)
    opened = _OPENING.sub("", key, count=1)  # the key without its list marker, for the self-start cues
    for at_start, phrase, size, value in _last_cue_table():
        if at_start:
            if opened.startswith(phrase) and (len(opened) == size or not opened[size].isalnum()):
                end = len(key) - len(opened) + size
                cand = (end, size, value, phrase)
                best = cand if best is None or cand[:2] > best[:2] else best
            continue
        if at_start_only or phrase not in key:  # the substring test first: most cues are absent
            continue
        for end in _find_all(key, phrase):
            cand = (end, size, value, phrase)
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None:
        return None, -1, ""
    rtype = "continues" if best[2] == "implements" and best[3].startswith(_CONTINUE_KEY) else best[2]
    return rtype, best[0], best[3]


@lru_cache(maxsize=4096)
def nested_cue(gap: str) -> str | None:
    """The X -> Y type when the words between two mentions end with a nested cue ("về thực hiện").

    Cached: the words between two mentions are few and recur (", ", " và ", " về việc thực hiện ").

    >>> nested_cue(" về tiếp tục thực hiện ")
    'continues'
    >>> nested_cue(" quán triệt và triển khai thực hiện có hiệu quả ")
    'implements'
    >>> nested_cue(", đồng thời thực hiện ") is None
    True
    """
    if gap.lstrip().startswith(","):  # ", đến nay …": a new clause, not the description of the mention
        return None
    key = norm_key(gap).strip(" ,")
    if not key or key.startswith(_COORDINATORS) or _NESTED_BREAK.search(key):
        return None
    changed = True
    while changed:
        changed = False
        for filler in _of("filler"):
            if key.endswith(" " + filler.phrase) or key == filler.phrase:
                key = key[: len(key) - len(filler.phrase)].rstrip(" ,")
                changed = True
    for cue in _of("nested", "retro"):
        if cue.value == "continues" and key.endswith(_AND + cue.phrase) and key.startswith(_ABOUT):
            # "X về <its subject> và tiếp tục thực hiện Y": the clause after "và" is the document's own
            # ("X về nghiên cứu, quán triệt và triển khai thực hiện Y" stays X's subject)
            return None
        if key == cue.phrase or key.endswith(" " + cue.phrase):
            # "về việc tổng kết việc thực hiện Y": reviewing how Y was carried out cites Y
            if cue.value != "cites" and any(_find_all(key, r.phrase) for r in _of("retro")):
                return "cites"
            return cue.value
    return None


_PARENS = re.compile(r"\([^()]*\)")
_GAP_SPLIT = re.compile(r"\s*([,;])\s*|\s+")


@lru_cache(maxsize=4096)
def _is_separator_gap(gap: str) -> bool:
    key = norm_key(gap).strip()
    parts = [p for p in _GAP_SPLIT.split(key) if p]
    return all(p in _SEPARATORS for p in parts)


@dataclass
class _State:
    root: Mention | None = None
    root_type: str | None = None
    prev: Mention | None = None
    # top-level mentions joined by bare separators ("Kế hoạch số A … và Kế hoạch số B …"): a nested
    # cue after the last ("… về thực hiện Nghị quyết Z") describes every one of them
    siblings: list[Mention] = field(default_factory=list)


def _zones(frame: Frame) -> list[tuple[int, int]]:
    spans = [frame.preamble_span, *frame.purpose_spans, *frame.attached_zones]
    if frame.title_span:
        spans.append(frame.title_span)
    if frame.closing_span:
        spans.append(frame.closing_span)
    return [s for s in spans if s[1] > s[0]]


def _units(text: str, frame: Frame, last: int | None = None) -> list[tuple[int, int]]:
    """Paragraphs to read mention by mention; the title block counts as one paragraph.

    ``last``: the last position a mention starts at; the paragraphs after it are not needed.
    """
    units: list[tuple[int, int]] = []
    pos = 0
    title = frame.title_span
    limit = len(text) if last is None else min(len(text), last + 1)
    while pos < limit:
        if title and pos == title[0]:
            units.append(title)
            pos = title[1] + 1
            continue
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if title and pos < title[0] < end:
            end = title[0]
        units.append((pos, end))
        pos = end + 1 if end < len(text) and text[end] == "\n" else end
    return units


def _by_unit(mentions: list[Mention], units: list[tuple[int, int]]) -> Iterator[tuple[int, list[Mention]]]:
    """(unit start, the mentions starting in the unit in their order) for the units that hold any.

    Mentions come sorted and units in order without overlap, so each unit's mentions are one slice
    found by bisection (filtering every mention for every paragraph was quadratic); any other
    input is filtered unit by unit.
    """
    starts = [m.start for m in mentions]
    ordered = all(a <= b for a, b in pairwise(starts)) and all(a[1] <= b[0] for a, b in pairwise(units))
    for u_start, u_end in units:
        if ordered:
            in_unit = mentions[bisect_left(starts, u_start) : bisect_left(starts, u_end)]
        else:
            in_unit = [m for m in mentions if u_start <= m.start < u_end]
        if in_unit:
            yield u_start, in_unit


def extract_relations(
    text: str, frame: Frame, mentions: list[Mention], documents: list[DocumentRef],
    self_kind: str, ctx: DocContext | None = None,
) -> list[Relation]:
    """SELF and document-to-document relations, one per ordered pair (strongest type kept)."""
    known = {d.key: d for d in documents}
    zones = _zones(frame)
    best: dict[tuple[str, str], Relation] = {}

    def add(source: str, rtype: str, target: str, start: int, end: int) -> None:
        if source == target or target not in known or (source != "SELF" and source not in known):
            return
        if source != "SELF":
            sd, td = known[source].date, known[target].date
            if sd and td and sd < td:
                return  # a document cannot act on one issued after it
        pair = (source, target)
        old = best.get(pair)
        if old is None or STRENGTH[rtype] > STRENGTH[old.type]:
            quote = clean_spaces(text[start:end])[:400]
            prov = ctx.provenance(start, end, quote) if ctx else None
            best[pair] = Relation(source=source, type=rtype, target=target, provenance=prov)  # type: ignore[arg-type]

    usable = [m for m in mentions if not m.alias and m.key in known]
    nested_type: dict[int, str] = {}  # id(mention) -> type of the edge from its parent
    last = max((m.start for m in usable), default=-1)
    for u_start, in_unit in _by_unit(usable, _units(text, frame, last)):
        state = _State()
        parent: dict[int, Mention | None] = {}
        for m in in_unit:
            self_zone = any(a <= m.start < b for a, b in zones)
            prev = state.prev
            rtype: str | None = None
            nested_to: Mention | None = None
            joined = False  # a bare separator after a top-level mention: one more sibling
            if prev is not None:
                gap = text[prev.end : m.start]
                gap = _PARENS.sub(" ", gap)  # alias parentheses
                tail = _CLAUSE_BREAK.split(gap)[-1]
                broke = len(tail) != len(gap)
                ntype = None if broke else nested_cue(gap)
                if gap.rstrip().endswith("("):
                    pass  # "… Nghị quyết số 59-NQ/TW (Tờ trình số 45-TTr/…)": a source in brackets, cited
                elif ntype:
                    nested_to = prev
                    add(prev.key, _doc_type(ntype, known[prev.key].kind), m.key, prev.start, m.end)
                    if parent.get(id(prev)) is None:
                        for sib in state.siblings[:-1]:
                            add(sib.key, _doc_type(ntype, known[sib.key].kind), m.key, sib.start, m.end)
                elif _is_separator_gap(tail) and not (broke and tail.strip()):
                    sib_parent = None if broke else parent.get(id(prev))
                    if sib_parent is not None:
                        nested_to = sib_parent
                        ptype = nested_type.get(id(prev), "implements")
                        add(sib_parent.key, ptype, m.key, sib_parent.start, m.end)
                    else:
                        rtype = state.root_type
                        joined = not broke
                else:
                    found = last_cue(tail)[0]
                    # no verb of its own: a short "…, và các nội dung của" shares the list's verb; a whole
                    # clause in between ("…, đến nay … theo yêu cầu tại") leaves the mention a citation
                    # "Chỉ thị A về <its subject> và Chỉ thị B": the list goes on after A's description
                    listed = not broke and (len(tail.strip()) <= 60 or bool(_DESCRIBED_AND.fullmatch(tail)))
                    rtype = found or (state.root_type if listed else None)
            else:
                seg = text[u_start : m.start]
                clause = _CLAUSE_BREAK.split(seg)[-1]
                rtype = last_cue(clause)[0] or last_cue(seg)[0]
            parent[id(m)] = nested_to
            if nested_to is not None:
                edge = best.get((nested_to.key, m.key))
                nested_type[id(m)] = edge.type if edge else "implements"
            else:
                state.root, state.root_type = m, rtype
                state.siblings = [*state.siblings, m] if joined else [m]
                stype = _self_type(rtype, self_zone, self_kind)
                add("SELF", stype, m.key, u_start if self_zone else m.start, m.end)
            state.prev = m
    return list(best.values())


def _doc_type(ntype: str, source_kind: str) -> str:
    if ntype == "continues" and source_kind not in SUCCESSOR_KINDS:
        return "implements"
    return ntype


def _self_type(rtype: str | None, self_zone: bool, self_kind: str) -> str:
    """SELF's relation: cites outside the title/preamble/purpose; "tiếp tục thực hiện" is continues
    only for a successor directive (a resolution, conclusion or directive), implements for a plan."""
    if not self_zone or rtype is None:
        return "cites"
    if rtype == "continues" and self_kind not in SUCCESSOR_KINDS:
        return "implements"
    return rtype
