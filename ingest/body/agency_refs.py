"""Agency names as an analyst files them, through the agencies engineer's ``canonical_agency``.

Kept behind one function so the body extractors do not depend on how naming is done; a tiny
fallback (abbreviations spelled out, the document's locality) serves while that module is absent.
"""

from __future__ import annotations

import re

from dirgraph.ingest.body.textform import match_form
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
    if not ref.name.strip():
        return None
    return ctx.issuer if ctx.issuer is not None and _names_issuer(ref.name, ctx.issuer.name) else ref


_LEADERSHIP = "lãnh đạo "
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "thành", "phố"})


def _names_issuer(name: str, issuer: str) -> bool:
    """Whether ``name`` is the issuer by a short form: its leadership named by the head word
    ("tham mưu Lãnh đạo Phòng báo cáo Sở …" in a Phòng's plan) or the first words of its name,
    with more than a level left ("Ban Thường vụ Đảng ủy Khối" for "… Khối các cơ quan tỉnh").
    Compared on the matching form (case and tone placement folded)."""
    short, full = match_form(name), match_form(issuer)
    if short == full:
        return False
    if short.startswith(_LEADERSHIP):
        head = short[len(_LEADERSHIP):]
        return bool(head) and (full == head or full.startswith(head + " "))
    if len(short.split()) < 2 or not full.startswith(short + " "):
        return False
    rest = full[len(short) + 1 :].split()
    return len(rest) >= 2 and not all(word in _LEVEL_WORDS for word in rest)


def _fallback(raw: str, ctx: DocContext) -> AgencyRef:
    name = re.sub(r"\b(" + "|".join(_FALLBACK_ABBR) + r")\b", lambda m: _FALLBACK_ABBR[m.group(1)], raw)
    return AgencyRef(name=name, locality=ctx.locality)
