"""Where an agency belongs: place names written in its name, its level, the document's places.

"Sở Giáo dục và Đào tạo tỉnh Lâm Đồng" carries its place; "Ban Thường vụ Tỉnh ủy" in a commune
plan does not, and belongs to the province above the commune. This module finds written places
(through the gazetteer), reads the level a name designates (agency_heads.tsv plus level words)
and walks the document's locality chain to the place of that level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from dirgraph.ingest.agency_tables import heads
from dirgraph.ingest.agency_text import fix_tone_placement, match_key
from dirgraph.ingest.context import DocContext

# Level words of administrative units; value = the level they name ("city": a Thành phố, which
# may be province-level or a provincial city, resolved against the document's places).
LEVEL_WORDS: dict[str, str] = {
    "thành phố": "city", "thị xã": "district", "thị trấn": "commune", "đặc khu": "commune",
    "tỉnh": "province", "huyện": "district", "quận": "district", "xã": "commune",
    "phường": "commune",
}
_RANK = {"central": 0, "province": 1, "city": 2, "district": 3, "commune": 4}
_PLACE_RANK = {"province": 1, "district": 3, "commune": 4}
# Committees followed directly by their place ("Tỉnh ủy Lâm Đồng", "Đảng ủy Hưng Đông").
_COMMITTEE = re.compile(
    r"(?<!\w)(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Tỉnh đoàn|Thành đoàn|Huyện đoàn)"
    r"[ ]+(?P<run>[^\s,;:.()]+(?:[ ]+[^\s,;:.()]+){0,3})",
    re.IGNORECASE,
)
# Bodies whose name may hold a place as a proper name (Báo Đồng Tháp, Trường Đại học Hải Phòng).
_PROPER_HEADS = ("báo ", "trường ", "đài ", "bệnh viện ", "đại học ", "học viện ", "nhà xuất bản ")
_GROUP = re.compile(r"(?<!\w)(các|những|mọi|toàn thể)(?!\w)", re.IGNORECASE)


def is_proper_named(name: str) -> bool:
    """A body whose name may hold a place as a proper name (Báo Đồng Tháp, Trường THCS Long Hưng)."""
    return match_key(name).startswith(_PROPER_HEADS)


def is_group(name: str) -> bool:
    """An unnamed plural group ("các sở, ngành", "Ủy ban nhân dân các huyện") rather than one body."""
    return bool(_GROUP.search(name))


def committee_places(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, place name, level) for places written right after a party committee word."""
    from dirgraph.ingest.gazetteer import lookup_place

    out = []
    for m in _COMMITTEE.finditer(text):
        words = []
        for word in m.group("run").split():
            if not word[:1].isupper():
                break
            words.append(word)
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            found = lookup_place(candidate)
            if found and match_key(found[0].name) == match_key(candidate):
                start = m.start("run")
                out.append((start, start + len(candidate), found[0].name, found[0].level))
                break
    return out


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    from dirgraph.ingest.gazetteer import provinces

    return {match_key(p.name): p.name for era in ("current", "legacy") for p in provinces(era)}


def strip_places(text: str, keeps_level: Callable[[str], bool]) -> tuple[str, str | None]:
    """Remove written place names from an agency name; returns (name, most specific place).

    A level word stays when ``keeps_level`` says the words before it need it ("Ủy ban nhân dân
    huyện"). A place that is part of a proper name (Báo Đồng Tháp) stays and is the locality.
    """
    from dirgraph.ingest.gazetteer import find_places, split_level_word

    proper = is_proper_named(text)
    cuts: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []
    for mention in find_places(text):
        level = mention.level or mention.places[0].level
        found.append((_PLACE_RANK.get(level, 0), mention.name))
        levels, bare = split_level_word(mention.raw)
        if proper and mention.raw[:1].isupper():
            continue  # "Trường Đại học Thành phố Hồ Chí Minh": the place is part of the name
        if levels and bare != mention.raw and keeps_level(text[: mention.start]):
            cuts.append((mention.end - len(bare), mention.end))
        else:
            cuts.append((mention.start, mention.end))
    if not proper:
        for start, end, name, level in committee_places(text):
            if not any(s <= start < e for s, e in cuts):
                cuts.append((start, end))
                found.append((_PLACE_RANK.get(level, 0), name))
    names = _province_names()
    if proper:
        for key, name in names.items():
            if match_key(text).endswith(" " + key):
                found.append((_PLACE_RANK["province"], name))
    elif not cuts:  # "Sở Giáo dục và Đào tạo Hải Phòng": a province written without its level word
        words = text.split()
        for size in (4, 3, 2, 1):
            tail = " ".join(words[-size:]) if len(words) > size else ""
            if tail[:1].isupper() and match_key(tail) in names:
                cuts.append((len(text) - len(tail), len(text)))
                found.append((_PLACE_RANK["province"], names[match_key(tail)]))
                break
    if not proper:
        for start, end, name, level in _unknown_places(text, cuts):
            keep = keeps_level(text[:start])
            cuts.append((end - len(name), end) if keep else (start, end))
            found.append((_RANK.get(level, 0), name))
    locality = max(found, key=lambda f: f[0])[1] if found else None
    if not cuts:
        return text, locality
    pieces, cursor = [], 0
    for start, end in sorted(cuts):
        pieces.append(text[cursor:start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    name = re.sub(r"\s+", " ", "".join(pieces))
    name = re.sub(r"\s*,(\s*,)+", ",", name)
    name = re.sub(r"\s+,", ",", name).strip(" ,;-–")
    return (name or text), locality


_LOWER_LEVEL = re.compile(r"(?<!\w)(thành phố|thị xã|thị trấn|đặc khu|tỉnh|huyện|quận|xã|phường)[ ]+")
_NOT_PLACE_START = frozenset({"ban", "sở", "phòng", "ủy", "hội", "đảng", "công", "trung", "văn", "trường",
                              "các", "và", "thường", "chi", "đoàn", "mặt", "liên", "bộ", "cục"})


def _unknown_places(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """A lower-case level word + capitalised name the gazetteer does not know (a misprint, a unit
    newer than the package): still a place, so it still leaves the name for ``locality``."""
    out = []
    for m in _LOWER_LEVEL.finditer(text):
        if any(s <= m.start() < e for s, e in cuts):
            continue
        words = []
        for word in text[m.end() :].split()[:4]:
            bare = word.rstrip(",;.")
            if not bare or not (bare[:1].isupper() or bare[:1].isdigit()):
                break
            words.append(bare)
            if bare != word:
                break
        if not words or match_key(words[0]) in _NOT_PLACE_START:
            continue
        name = " ".join(words)
        if text.find(name, m.end()) != m.end():
            continue
        out.append((m.start(), m.end() + len(name), name, LEVEL_WORDS[m.group(1)]))
    return out


@lru_cache(maxsize=1)
def _level_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Heads with a fixed level, then level words. One-word heads ("Sở", "Phòng") only count
    capitalised (as heads), so "Bộ đội Biên phòng" is not a "Phòng"."""
    out = []
    for head in heads():
        if head.level == "any":
            continue
        flags = re.IGNORECASE if " " in head.words else 0
        out.append((re.compile(rf"(?<!\w){re.escape(head.words)}(?!\w)", flags), head.level))
    for word, level in LEVEL_WORDS.items():
        # "Xã hội" (society: "Sở Lao động - Thương binh và Xã hội", "chính trị - xã hội") is no commune
        not_society = r"(?!\s+(?-i:hội)(?!\w))" if word == "xã" else ""  # "xã Hội Sơn" is one
        out.append((re.compile(rf"(?<!\w){re.escape(word)}(?!\w){not_society}", re.IGNORECASE), level))
    return tuple(out)


@lru_cache(maxsize=4096)  # a name without its place ("Ủy ban nhân dân") recurs in every document
def agency_level(name: str) -> str | None:
    """Level of the body a name designates: the last level-bearing word wins.

    "Ban Tuyên giáo Tỉnh ủy" -> province, "Ủy ban nhân dân huyện" -> district, "Sở Nội vụ" ->
    province, "Thành ủy" -> city (resolved against the document's places); None when unknown.
    A match inside a longer one ("Phòng" in "Bộ đội Biên phòng") does not count.
    """
    text = fix_tone_placement(name)
    spans = [(m.start(), m.end(), level) for pattern, level in _level_patterns()
             for m in pattern.finditer(text)]
    spans = [s for s in spans
             if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    if not spans:
        return None
    return max(spans, key=lambda s: (s[0], s[1]))[2]


def place_chain(ctx: DocContext) -> tuple[tuple[str, str | None, bool], ...]:
    """The document's places, most specific first: (name, level, is a Thành phố)."""
    assert ctx.locality is not None
    return _chain_of(ctx.locality, ctx.locality_level, ctx.parent_localities, ctx.text)


@lru_cache(maxsize=64)
def _chain_of(locality: str, locality_level: str | None, parent_localities: tuple[str, ...],
              text: str) -> tuple[tuple[str, str | None, bool], ...]:
    names = [locality, *parent_localities]
    chains, districts = _chain_options(locality, locality_level, parent_localities)
    if not parent_localities:  # fill the chain from the gazetteer when it is unambiguous
        parents = _best_chain(set(chains), text)
        if parents:
            names += list(parents)
    else:
        named = next((d for d in districts if _district_named(d).search(text)), None)
        if named is not None:
            names.append(named)
    return _chain_levels(tuple(names), locality_level)


@lru_cache(maxsize=1024)
def _chain_options(locality: str, locality_level: str | None, parent_localities: tuple[str, ...]
                   ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The gazetteer's part of :func:`_chain_of`, which needs no text, so every document of the
    same place shares it: the parent chains of an unchained locality (the text picks one), and
    the districts a commune under one province may sit in (the text must name one)."""
    from dirgraph.ingest.gazetteer import lookup_place

    if not parent_localities:
        found = lookup_place(locality, level=_gaz_level(locality_level))
        return tuple(dict.fromkeys(p.parents for p in found)), ()
    if locality_level == "commune" and len(parent_localities) == 1:
        return (), _district_candidates(locality, parent_localities[0])
    return (), ()


@lru_cache(maxsize=1024)
def _chain_levels(names: tuple[str, ...], locality_level: str | None) -> tuple[tuple[str, str | None, bool], ...]:
    """Level and city flag of each place of a chain: the gazetteer's answer for these names alone
    (no text), so every document of the same place shares it."""
    from dirgraph.ingest.gazetteer import lookup_place

    chain: list[tuple[str, str | None, bool]] = []
    for i, name in enumerate(names):
        within = names[i + 1] if i + 1 < len(names) else None
        found = lookup_place(name, within=within) or lookup_place(name)
        level = locality_level if i == 0 and locality_level else None
        if level is None and found:
            level = min(found, key=lambda p: _PLACE_RANK[p.level]).level
        chain.append((name, level, any(p.is_city for p in found)))
    return tuple(chain)


def _district_candidates(commune: str, province: str) -> tuple[str, ...]:
    """A commune's possible districts when the chain given skips it (the current units have none):
    a pre-2025 document names its district with the level word ("ĐẢNG BỘ HUYỆN TÂN KỲ" over "ĐẢNG
    ỦY XÃ NGHĨA ĐỒNG"), and then its "Huyện ủy" is that district's. The first one named wins."""
    from dirgraph.ingest.gazetteer import lookup_place

    out: list[str] = []
    for place in lookup_place(commune, level="commune"):
        if len(place.parents) != 2 or place.parents[1] != province or place.parents[0] == commune:
            continue
        out.append(place.parents[0])
    return tuple(out)


@lru_cache(maxsize=1024)
def _district_named(district: str) -> re.Pattern[str]:
    """"huyện Tân Kỳ", "thị xã …" written before the district's name (compiled once per name)."""
    return re.compile(rf"(?i)(?<!\w)(?:huyện|quận|thị xã|thành phố)\s+{re.escape(district)}(?!\w)")


def _best_chain(chains: set[tuple[str, ...]], text: str) -> tuple[str, ...] | None:
    """The one parent chain of the document's place; several (a name shared by units of two
    provinces): the one whose names the document mentions most, if that is unique."""
    if len(chains) <= 1:
        return next(iter(chains), None)
    scored = sorted(((sum(text.count(name) for name in chain), chain) for chain in chains), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def _gaz_level(level: str | None) -> str | None:
    return level if level in _PLACE_RANK else None


def infer_locality(level: str | None, ctx: DocContext | None) -> str | None:
    """Locality of a body of ``level`` named without a place, from the document's places.

    Bodies of the document's level or below belong to the document's own place; a body of a
    higher level belongs to the ancestor of that level ("Ban Thường vụ Tỉnh ủy" in a commune plan
    → the province); when the chain does not reach that level, the document's place is the best
    the text supports.
    """
    if ctx is None or not ctx.locality:
        return None
    if level is None or level not in _RANK:
        return ctx.locality
    try:
        chain = place_chain(ctx)
    except Exception:  # the gazetteer is an aid; never let it break agency naming
        return ctx.locality
    doc_level = chain[0][1]
    if doc_level is None or _RANK[level] >= _RANK.get(doc_level, 9):
        if level == "city" and doc_level == "commune":
            return _city_above(chain) or ctx.locality
        return ctx.locality
    if level == "city":
        return _city_above(chain) or ctx.locality
    for name, place_level, _ in chain[1:]:
        if place_level == level:
            return name
    return ctx.locality


def _city_above(chain: tuple[tuple[str, str | None, bool], ...]) -> str | None:
    """The Thành phố a "Thành ủy" of this document means: itself or the nearest city above."""
    for name, _, is_city in chain:
        if is_city:
            return name
    for name, level, _ in chain[1:]:
        if level == "district":
            return name
    return None
