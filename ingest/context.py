"""What the body extractors know about the document they read (filled by the frame/metadata stage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dirgraph.core.provenance import Provenance
from dirgraph.core.text import spaced_once
from dirgraph.ingest.record import AgencyRef


@dataclass(frozen=True)
class DocContext:
    """The document as seen by the body extractors.

    ``text`` is the reader's normalized text; every span in every fact indexes it.
    ``locality`` is the document's own most specific place ("Hưng Đông"), ``parent_localities``
    the chain above it ("Vinh", "Nghệ An"), so an agency written "Ủy ban nhân dân xã" is filed
    under the right place.
    """

    source: str
    text: str
    locality: str | None = None
    locality_level: str | None = None  # "province" | "district" | "commune" | None
    parent_localities: tuple[str, ...] = ()
    issuer: AgencyRef | None = None
    kind: str = "other"
    body_start: int = 0
    body_end: int | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # alias text -> document key

    def provenance(self, start: int, end: int, quote: str | None = None) -> Provenance:
        """Provenance for a span of ``text``; the quote defaults to the span's text, spaces folded."""
        if quote is None:
            quote = self.text[start:end]
            if not spaced_once(quote):  # most spans are one tidy line: no split and join
                quote = " ".join(quote.split())
        return Provenance(file=self.source, start=start, end=end, quote=quote)
