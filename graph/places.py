"""Localities in the graph: gazetteer units → Locality nodes with WITHIN and the 2025 MERGED_INTO map.

Records name a place by its short name only ("Hưng Đông", "Tam Đường"), which is often ambiguous
(Tam Đường is a district and a township; many communes share a name). :class:`PlaceResolver`
picks the unit whose parents are named elsewhere in the same record, whose level matches the
agency's level words (Huyện ủy → district) and whose map matches the document's date. Each unit
becomes a node with its parents (WITHIN) and, for a pre-2025 unit, the unit it went into
(MERGED_INTO), so a question about today's province also finds plans of units merged into it.

Province ids are ``loc-<name>`` and shared by both maps when the name persisted (era ``both``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.core.text import norm_key
from dirgraph.graph.agency_keys import LEVEL_WORDS
from dirgraph.graph.model import EdgeType, Era, Graph, LocalityLevel, LocalityNode, slug
from dirgraph.ingest import gazetteer
from dirgraph.ingest.gazetteer import Place

# Level words inside an agency name → the level(s) of its locality (checked on norm_key words).
_LEVEL_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tỉnh", ("province",)), ("thành ủy", ("province", "district")),
    ("thành phố", ("province", "district")), ("sở", ("province",)),
    ("huyện", ("district",)), ("quận", ("district",)), ("thị xã", ("district",)),
    ("thị ủy", ("district",)), ("phòng", ("district",)),
    ("xã", ("commune",)), ("phường", ("commune",)), ("thị trấn", ("commune",)),
    ("đảng ủy", ("commune",)), ("đặc khu", ("commune",)),
)
POST_2025 = "2025-07-01"  # the two-level local government took effect on this date
_norm = lru_cache(maxsize=100_000)(norm_key)  # the same few hundred names recur in every record


@lru_cache(maxsize=100_000)
def level_hints(agency_name: str | None) -> tuple[str, ...]:
    """Levels an agency name points at: "Ban Thường vụ Huyện ủy" → ("district",)."""
    key = f" {norm_key(agency_name)} "
    if f" {norm_key('các')} " in key:  # a plural group carries the document's locality, not its own level
        return ()
    for word, levels in _LEVEL_HINTS:
        if f" {norm_key(word)} " in key:
            return levels
    return ()


@lru_cache(maxsize=100_000)
def level_word(agency_name: str | None) -> str | None:
    """The level word an agency name ends its body with, as the start of a unit's full name:
    "Ủy ban nhân dân thị xã" → "thị xã ". Two units of one name and level (huyện and thị xã Kỳ Anh)
    are told apart by it."""
    key = f" {norm_key(agency_name)} "
    for word in _LEVEL_WORDS_LONGEST_FIRST:
        if f" {word} " in key:
            return word + " "
    return None


_LEVEL_WORDS_LONGEST_FIRST = tuple(sorted((norm_key(w) for w in LEVEL_WORDS), key=len, reverse=True))


@dataclass(frozen=True)
class ResolvedPlace:
    id: str
    name: str
    level: str | None
    province: str | None
    era: str | None = None  # the gazetteer's map: "legacy" (before 1 July 2025) or "current"


def _era(place: Place, same_name_current_province: bool) -> Era:
    if place.era == "current":
        return Era.BOTH if place.level == "province" else Era.POST2025
    if place.level == "province" and same_name_current_province:
        return Era.BOTH
    return Era.PRE2025


@lru_cache(maxsize=1)
def _current_province_names() -> frozenset[str]:
    return frozenset(norm_key(p.name) for p in gazetteer.provinces("current"))


@lru_cache(maxsize=1 << 16)
def place_id(place: Place) -> str:
    """Stable id of a gazetteer unit (see module docstring); cached: the same units recur in every record."""
    if place.level == "province":
        return f"loc-{slug(place.name)}"
    return "loc-" + "--".join(slug(part) for part in (place.full_name, *place.parents))


def province_of(place: Place) -> str:
    return place.name if place.level == "province" else place.parents[-1]


@lru_cache(maxsize=1 << 16)
def _parent_keys(place: Place) -> frozenset[str]:
    """Normalized names that place ``place``: its parents and its post-2025 province, not its own name
    (a township named after its district proves nothing). Cached per unit: scoring asks for it on
    every candidate of every mention."""
    parents = {_norm(p) for p in place.parents}
    if place.current_province:
        parents.add(_norm(place.current_province))
    parents.discard(_norm(place.name))
    return frozenset(parents)


class PlaceResolver:
    """Resolves place names of one record and adds their nodes and edges to the graph."""

    def __init__(self, graph: Graph, context: Iterable[str | None] = (), date: str | None = None) -> None:
        self.graph = graph
        self.context = {_norm(n) for n in context if n}
        self.prefer_current = bool(date and date >= POST_2025)
        self._cache: dict[str, ResolvedPlace] = {}
        # Agency node ids already resolved within this record, by (name, locality) as written:
        # a record names the same few agencies dozens of times (see Resolver.agency).
        self.agency_ids: dict[tuple[str, str | None], str] = {}

    def resolve(self, name: str | None, hint_agency: str | None = None) -> ResolvedPlace | None:
        """Locality node for ``name`` (created with its parents), or None for no name.

        The first resolution of a name in a record wins (the record resolves its own document's
        place first), unless a later agency's level words contradict it ("Huyện ủy Tam Đường"
        after "thị trấn Tam Đường").
        """
        if not name or not name.strip():
            return None
        hints = level_hints(hint_agency)
        key = _norm(name)
        cached = self._cache.get(key)
        if cached is not None and (not hints or cached.level in hints or cached.level is None):
            return cached
        found = self._resolve(name, hints, level_word(hint_agency))
        if cached is None:
            self._cache[key] = found
        return found

    def _score(self, place: Place, hints: tuple[str, ...], word: str | None = None) -> tuple[int, int]:
        score = 2 * len(_parent_keys(place) & self.context)
        if hints and place.level in hints:
            score += 3
            if word and _norm(place.full_name).startswith(word):
                score += 1
        if (place.era == "current") == self.prefer_current:
            score += 1
        rank = {"province": 0, "district": 1, "commune": 2}[place.level]
        return (-score, rank)

    def _resolve(self, name: str, hints: tuple[str, ...], word: str | None = None) -> ResolvedPlace:
        try:
            found = gazetteer.lookup_place(name)
        except Exception:  # a gazetteer failure must not lose the fact: keep the bare name
            found = []
        if not found:
            node_id = f"loc-{slug(name)}"
            self.graph.add_node(LocalityNode(id=node_id, name=name.strip()))
            return ResolvedPlace(node_id, name.strip(), None, None)
        best = min(found, key=lambda p: self._score(p, hints, word))
        self.add_place(best)
        return ResolvedPlace(place_id(best), best.name, best.level, province_of(best), best.era)

    def add_place(self, place: Place) -> str:
        """Add ``place``, its parents (WITHIN) and its post-2025 successor (MERGED_INTO)."""
        node_id = place_id(place)
        if node_id in self.graph.nodes:
            return node_id
        persisted = norm_key(place.name) in _current_province_names()
        self.graph.add_node(LocalityNode(
            id=node_id, name=place.name, level=LocalityLevel(place.level), era=_era(place, persisted),
            code=place.code, province=province_of(place),
        ))
        parent = self._parent(place)
        if parent is not None:
            self.graph.add_edge(EdgeType.WITHIN, node_id, self.add_place(parent))
        successor = self._successor(place, persisted)
        if successor is not None:
            self.graph.add_edge(EdgeType.MERGED_INTO, node_id, self.add_place(successor))
        return node_id

    @staticmethod
    def _first(found: list[Place]) -> Place | None:
        return found[0] if found else None

    def _parent(self, place: Place) -> Place | None:
        if not place.parents:
            return None
        era = place.era
        if place.level == "commune" and era == "legacy":
            return self._first(gazetteer.lookup_place(place.parents[0], level="district",
                                                      within=place.parents[1], era=era))
        return self._first(gazetteer.lookup_place(place.parents[-1], level="province", era=era))

    def _successor(self, place: Place, persisted: bool) -> Place | None:
        if place.era != "legacy":
            return None
        if place.level == "province" and not persisted and place.current_province:
            return self._first(gazetteer.lookup_place(place.current_province, level="province",
                                                      era="current"))
        if place.level == "commune" and place.current_commune and place.current_province:
            return self._first(gazetteer.lookup_place(place.current_commune, level="commune",
                                                      within=place.current_province, era="current"))
        return None


def localities_of_level(level: str, era: str, within_province: set[str] | None = None) -> list[tuple[str, str]]:
    """(id, name) of every gazetteer unit of ``level`` on map ``era`` (pre2025 | post2025).

    District and commune lists are limited to ``within_province`` (province names) when given,
    since a national list of 10,000 communes answers no analyst's question.
    """
    gaz_era = "current" if era == Era.POST2025 else "legacy"
    if level == "province":
        units = gazetteer.provinces(gaz_era)
    elif level == "district":
        units = [] if gaz_era == "current" else [
            d for p in gazetteer.provinces("legacy") for d in gazetteer.districts(p.name)]
    else:
        units = gazetteer.communes(era=gaz_era)
    if within_province is not None and level != "province":
        keys = {norm_key(p) for p in within_province}
        units = [u for u in units if norm_key(u.parents[-1]) in keys]
    return sorted({(place_id(u), u.name) for u in units}, key=lambda t: (norm_key(t[1]), t[0]))
