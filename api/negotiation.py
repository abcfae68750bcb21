"""Content negotiation for the SPARQL 1.1 Protocol: pick a result media type from ``Accept``.

The query form decides the family (solutions/boolean vs. graph); ``Accept`` picks within it by
q-value, the server's order breaking ties. ``*/*`` or no header gives the family's default.
"""

from __future__ import annotations

from dataclasses import dataclass

# Result media types for SELECT/ASK, default first; aliases map to the canonical type.
SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
# Result media types for CONSTRUCT/DESCRIBE, default first.
GRAPH_TYPES = (
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
)
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/tsv": "text/tab-separated-values",
    "application/x-turtle": "text/turtle",
    "text/n-triples": "application/n-triples",
}


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        return (self.type in ("*", main)) and (self.subtype in ("*", sub))

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an ``Accept`` header; malformed entries are skipped, not fatal."""
    ranges: list[MediaRange] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        media = ALIASES.get(media, media)
        main, _, sub = media.partition("/")
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        if main and sub:
            ranges.append(MediaRange(main, sub, q))
    return ranges


def negotiate(accept: str | None, offered: tuple[str, ...]) -> str | None:
    """Best of ``offered`` for ``accept`` (first offered when absent); None when nothing is acceptable."""
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best: tuple[float, int] | None = None
    chosen: str | None = None
    for position, media_type in enumerate(offered):
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        top = max(matching, key=lambda r: r.specificity)
        if top.q <= 0:
            continue
        score = (top.q, -position)
        if best is None or score > best:
            best, chosen = score, media_type
    return chosen
