"""Agencies as an analyst files them: expanded name without place words, plus a locality.

Documents write the same body many ways ("UBND tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh",
"Uỷ ban nhân dân Tỉnh Lâm Đồng"); the graph needs one. :func:`canonical_agency` expands the
abbreviations, moves the proper place name to ``locality``, and, when no place is written, files
the body under the document's place of the body's level (a "Thành ủy" named in a commune plan is
the district-level city above the commune). The rules follow gold/SCHEMA.md "Agency names".
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.agency_lists import AgencyMention, find_agency_mentions, split_agency_list
from dirgraph.ingest.agency_places import (
    LEVEL_WORDS,
    agency_level,
    infer_locality,
    is_group,
    place_chain,
    strip_places,
)
from dirgraph.ingest.agency_tables import central_keys
from dirgraph.ingest.agency_text import expand_abbreviations, fix_tone_placement, match_key, recase, tidy
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef

__all__ = [
    "AgencyMention", "agency_level", "canonical_agency", "find_agency_mentions", "is_central",
    "split_agency_list",
]

# A trailing level word stays after these ("Ủy ban nhân dân huyện", "Công an tỉnh").
_KEEPS_LEVEL = ("nhân dân", "đảng bộ", "công an", "quân sự", "đảng ủy")
_CENTRAL_PATTERNS = (
    re.compile(r"^(bộ trưởng |thứ trưởng )?bộ (?!chỉ huy|đội|phận|môn|tư lệnh)\w"),
    re.compile(r"^(trung ương|tổng cục) \w"),
    re.compile(r"^đại hội (đại biểu toàn quốc|đảng toàn quốc|[ivxlc]+ của đảng|toàn quốc)"),
)
_CENTRAL_SUFFIX = re.compile(r"\btrung ương( đảng)?( khóa [ivxlc]+)?$")


_FRONT = re.compile(r"\bMặt trận Tổ quốc(?! Việt Nam)(?!,? (?:và )?các đoàn thể)")


@lru_cache(maxsize=4096)
def _prepare(raw: str) -> str:
    """Surface form: tidy, one tone placement, abbreviations spelled out, casing of all-caps fixed.

    Cached: a document's issuer is asked for by ``is_central`` and by ``canonical_agency``.
    """
    text = expand_abbreviations(recase(fix_tone_placement(tidy(raw))))
    # the Front's full name, except in "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" (whole_agencies.tsv)
    text = _FRONT.sub("Mặt trận Tổ quốc Việt Nam", text)
    text = re.sub(r"\b(Việt Nam)(?: Việt Nam)+\b", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _central_prefixes() -> tuple[str, ...]:
    """Each central body followed by a space: "bộ y tế …" starts with one (one C-level startswith)."""
    return tuple(key + " " for key in central_keys())


def is_central(name: str) -> bool:
    """True for national bodies: central_bodies.tsv, every "Bộ <field>", "… Trung ương", congresses."""
    key = match_key(_prepare(name)) if name else ""
    if not key:
        return False
    if key in central_keys() or key.startswith(_central_prefixes()):
        return True
    if any(p.match(key) for p in _CENTRAL_PATTERNS):
        return True
    return bool(_CENTRAL_SUFFIX.search(key))


def _keeps_level(before: str) -> bool:
    return match_key(before).endswith(_KEEPS_LEVEL)


def _trailing_level(text: str) -> tuple[str, str | None]:
    """(name without a trailing level word, level named by that word) — for "các sở, ngành tỉnh".

    A level word closing an enumeration ("các xã, thị trấn", "các huyện, thành phố") is kept: it
    is part of the group, not the group's place.
    """
    if text.lower().endswith(_NOUNS_ENDING_IN_LEVEL):
        return text, None  # "các thôn, hợp tác xã": a noun, not the place "xã"
    for word in sorted(LEVEL_WORDS, key=len, reverse=True):
        if not text.lower().endswith(" " + word):
            continue
        head = text[: -len(word)].rstrip()
        previous = head.split()[-1].lower().rstrip(",") if head.split() else ""
        if previous == "cấp" or _keeps_level(head):
            # "các cơ quan cấp tỉnh": a qualifier; "các Ban của Hội đồng nhân dân tỉnh": the body
            # the group belongs to, whose name needs its level. Kept, and it gives the level.
            return text, LEVEL_WORDS[word]
        if head.endswith(",") or previous in LEVEL_WORDS or previous in {"và", "các"}:
            return text, None
        # "các sở, ngành thuộc tỉnh", "các cơ quan báo chí của tỉnh": the place phrase goes whole
        head = re.sub(r"\s+(?:trực thuộc|thuộc|của|ở|tại)$", "", head, flags=re.IGNORECASE)
        if any(head.lower().endswith(" " + w) for w in LEVEL_WORDS if " " in w):
            return text, None
        return head.rstrip(" ,"), LEVEL_WORDS[word]
    return text, None


_NOUNS_ENDING_IN_LEVEL = ("hợp tác xã",)
_CLOSING_COMMITTEE = re.compile(r"(?<!\w)(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)$")


_OF_MINISTRY = re.compile(r"^((?:Cục|Vụ|Viện|Tổng cục|Thanh tra)\s.+?)\s+[-–]\s+Bộ\s+\S.*$")


def _closing_committee_level(text: str) -> str | None:
    match = _CLOSING_COMMITTEE.search(text)
    return agency_level(match.group(0)) if match else None


@lru_cache(maxsize=8192)
def _canonical(raw: str) -> tuple[str, str | None, str | None]:
    """(name, written locality, level of the body) for a raw agency string."""
    text = _prepare(raw)
    if not text:
        return "", None, None
    of_ministry = _OF_MINISTRY.match(text)
    if of_ministry:  # "Cục Y tế dự phòng - Bộ Y tế": a ministry's department, named without its ministry
        return of_ministry.group(1), None, "central"
    if is_central(text):
        return text, None, "central"
    text, locality = strip_places(text, _keeps_level)
    level = agency_level(text)
    if is_group(text):
        # A group is filed under the document's place, unless it names whose units it is:
        # "các sở, ngành tỉnh" (the province), "Các Ban đảng Tỉnh ủy" (the province).
        text, trailing = _trailing_level(text)
        level = trailing or _closing_committee_level(text)
    else:
        shorter, _ = _trailing_level(text)
        if shorter != text and not _keeps_level(shorter):
            text = shorter
    return text, locality, level


def canonical_agency(raw: str, ctx: DocContext | None = None) -> AgencyRef:
    """The agency as an analyst files it (see the module docstring); never raises on text."""
    raw_text = raw if isinstance(raw, str) else str(raw)
    # A document names the same few bodies over and over, and the documents of one place name the
    # same ones: the answer depends on the raw string, the document's locality and its place chain
    # (what infer_locality reads), nothing else.
    key = (raw_text, ctx.locality, _chain_key(ctx)) if ctx else (raw_text,)
    # The same AgencyRef is handed out again, to the facts of a record and to the records of one
    # place (no stage writes to an AgencyRef): validating a new model per mention was a visible cost.
    filed = _FILED.get(key)
    if filed is None:
        try:
            name, written, level = _canonical(raw_text)
        except Exception:  # a malformed string must not stop an extraction
            return AgencyRef(name=tidy(raw_text), locality=ctx.locality if ctx else None)
        locality = None if level == "central" else written or infer_locality(level, ctx)
        filed = AgencyRef(name=name, locality=locality)
        if len(_FILED) >= _FILED_MAX:  # bounded: one entry per agency and place
            _FILED.clear()
        _FILED[key] = filed
    return filed


_FILED: dict[tuple[object, ...], AgencyRef] = {}
_FILED_MAX = 4096


def _chain_key(ctx: DocContext) -> object:
    """The document's place chain as :func:`infer_locality` will read it (None without a locality,
    a marker when the gazetteer fails: infer_locality then answers with the locality alone)."""
    if not ctx.locality:
        return None
    try:
        return place_chain(ctx)
    except Exception:  # the gazetteer is an aid; infer_locality falls back the same way
        return "no chain"
