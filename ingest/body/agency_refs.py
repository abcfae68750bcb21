"""Agency names as an analyst files them, through the agencies engineer's ``canonical_agency``.

Kept behind one function so the body extractors do not depend on how naming is done; a tiny
fallback (abbreviations spelled out, the document's locality) serves while that module is absent.
"""

from __future__ import annotations

import re

from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef

try:
    from dirgraph.ingest.agencies import canonical_agency
except ImportError:  # pragma: no cover - the agencies module ships with the package
    canonical_agency = None  # type: ignore[assignment]

_FALLBACK_ABBR = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc Việt Nam"}


def agency_ref(raw: str, ctx: DocContext) -> AgencyRef | None:
    """The canonical agency for ``raw``; None when nothing name-like is left."""
    raw = " ".join(raw.split()).strip(" ,;:.-")
    if len(raw) < 2:
        return None
    if canonical_agency is None:  # pragma: no cover - the agencies module ships with the package
        return _fallback(raw, ctx)
    ref = canonical_agency(raw, ctx)
    return ref if ref.name.strip() else None


def _fallback(raw: str, ctx: DocContext) -> AgencyRef:
    name = re.sub(r"\b(" + "|".join(_FALLBACK_ABBR) + r")\b", lambda m: _FALLBACK_ABBR[m.group(1)], raw)
    return AgencyRef(name=name, locality=ctx.locality)
