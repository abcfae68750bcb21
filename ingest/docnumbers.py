"""Document numbers: parse every printed form into fields and format one canonical number.

Party documents are numbered ``91-KL/TW`` (serial-code/issuer), State documents ``298/KH-UBND``
or ``09/2024/TT-BGDĐT`` (serial[/year]/code-issuer); dispatches carry only the issuer
(``123/UBND-VX``). Printed numbers break across lines (``91-\\nKL/TW``), gain stray spaces
(``29- NQ/TW``) and are misprinted State-style (``29/NQ-TW``); unsigned drafts leave the serial
blank (``Số:      /KH-UBND``). :func:`parse_number` turns all of them into one
:class:`DocNumber` whose ``str`` is the canonical number, so two mentions of one document meet.

>>> str(parse_number("91-\\nKL/TW"))
'91-KL/TW'
>>> str(parse_number("29/NQ-TW"))
'29-NQ/TW'
>>> str(parse_number("09 / 2024 / TT-BGDĐT"))
'09/2024/TT-BGDĐT'
>>> parse_number("Số:      /KH-UBND") is None
True
>>> kind_from_code("KL"), kind_from_code("QĐ"), kind_from_code("UBND")
('conclusion', 'decision', 'dispatch')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.core.text import fold_key, nfc, norm_key
from dirgraph.ingest.tables import alternatives, load_table

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,9}"
_SERIAL = r"(?<![\w/-])(\d{1,5})"  # a serial starts a word (not "ABC12", "1/2", "a-3")
_PARTY_REST = rf"\s*-\s*({_CODE})\s*/\s*({_CODE}(?:\s*-\s*{_CODE})*)(?![\w/])"
_STATE_REST = (
    rf"\s*/\s*(?:(\d{{4}})\s*/\s*)?({_CODE}(?:\d{{1,2}}(?![\w]))?)((?:\s*-\s*[A-ZĐ][A-Za-zĐđ0-9]{{0,9}})*)(?![\w/])"
)
#: Party form: serial - code / issuer code ("91-KL/TW", "281-KH/ThU", "203-HD/BTGTU").
PARTY_RE = re.compile(_SERIAL + _PARTY_REST)
#: State form: serial [/ year] / code - issuer ("298/KH-UBND", "09/2024/TT-BGDĐT", "123/UBND-VX").
STATE_RE = re.compile(_SERIAL + _STATE_REST)
#: Every number of either form in a text: the same matches as ``(?:PARTY_RE|STATE_RE)``, scanned fast.
#: Python's regex engine skips to a pattern's possible first characters only when the pattern
#: opens with a character set; the serial's look-behind is therefore checked after its first
#: digit (``(?<![\w/-]\d)``: the character before that digit), and its other digits follow.
NUMBER_SCAN_RE = re.compile(rf"\d(?<![\w/-]\d)(?:\d{{0,4}}{_PARTY_REST}|\d{{0,4}}{_STATE_REST})")
#: A number whose serial was left blank in an unsigned draft ("Số:      /KH-UBND").
PLACEHOLDER_RE = re.compile(rf"(?<![\w/])/\s*({_CODE})\s*[-/]\s*({_CODE})")


# Immutable by convention (never assigned after construction): a frozen dataclass costs ~3x to
# construct, and numbers are built for every number in a text;
# ``unsafe_hash`` keeps the frozen form's hash and equality.
@dataclass(unsafe_hash=True)
class DocNumber:
    """A parsed document number; ``str()`` gives the canonical printed form."""

    serial: str
    code: str  # kind code (KL, KH, TT …) or, for a dispatch, the issuer's first code
    issuer_code: str  # "TW", "UBND", "BGDĐT", "UBND-VX"
    year: str | None = None
    party: bool = False

    def __str__(self) -> str:
        if self.party:
            return f"{self.serial}-{self.code}/{self.issuer_code}"
        year = f"{self.year}/" if self.year else ""
        tail = f"-{self.issuer_code}" if self.issuer_code else ""
        return f"{self.serial}/{year}{self.code}{tail}"

    @property
    def kind(self) -> str:
        """Kind read from the code (``dispatch`` for a bare State number such as 123/UBND-VX)."""
        return kind_from_code(self.code)


def _is_party_issuer(code: str) -> bool:
    """Party issuer codes: TW (Central Committee) and the committees ending in "U" (TU, HU, ĐU, ThU)."""
    return code == "TW" or (code.endswith("U") and len(code) <= 6 and "-" not in code)


def _squash(text: str) -> str:
    return "".join(text.split())  # every white-space run removed (str.split and \s agree on white space)


@lru_cache(maxsize=4096)
def parse_number(printed: str) -> DocNumber | None:
    """Parse one printed number (see the module doctests); ``None`` for a placeholder or no number.

    Cached (bounded): a text prints the same numbers again and again, and a corpus cites the same
    central documents; the result is shared, which is why a :class:`DocNumber` is never modified.
    """
    text = nfc(printed)
    party = PARTY_RE.search(text)
    state = STATE_RE.search(text)
    if party and (not state or party.start() <= state.start()):
        serial, code, issuer = party.group(1), _lost_d(party.group(2)), _squash(party.group(3))
        return DocNumber(serial=serial, code=code, issuer_code=issuer, party=True)
    if state:
        serial, year, code, tail = state.group(1), state.group(2), _lost_d(state.group(3)), _squash(state.group(4))
        issuer = tail[1:] if tail.startswith("-") else tail
        if not year and issuer and _is_party_issuer(issuer) and code in kind_codes():
            return DocNumber(serial=serial, code=code, issuer_code=issuer, party=True)
        return DocNumber(serial=serial, code=code, issuer_code=issuer, year=year)
    return None


def _lost_d(code: str) -> str:
    """A kind code whose "Đ" lost its bar (OCR, a PDF's text layer): "QD" -> "QĐ", "ND" -> "NĐ".

    Only where the printed code is no code of the table and its barred form is one ("HD", a
    guidance, stays).
    """
    if "D" not in code:
        return code
    codes = _kind_tables()[0]
    if _TRAILING_DIGITS.sub("", code) in codes:
        return code
    barred = code.replace("D", "Đ")
    return barred if _TRAILING_DIGITS.sub("", barred) in codes else code


def canonical_number(printed: str) -> str | None:
    """The canonical number string, or ``None``.

    >>> canonical_number("Số: 1585/QĐ-TTg")
    '1585/QĐ-TTg'
    """
    parsed = parse_number(printed)
    return str(parsed) if parsed else None


@lru_cache(maxsize=1)
def _kind_tables() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    words: dict[str, str] = {}
    for row in load_table("doc_kinds.tsv"):
        kind = row[0]
        for code in alternatives(row[1]) if len(row) > 1 else ():
            codes[code] = kind
        for word in alternatives(row[2]) if len(row) > 2 else ():
            words[norm_key(word)] = kind
    return codes, words


def kind_codes() -> frozenset[str]:
    """Every kind code of the table (NQ, KL, KH …)."""
    return frozenset(_kind_tables()[0])


@lru_cache(maxsize=1)
def kind_words() -> tuple[str, ...]:
    """Every kind word of the table as written ("Kết luận"), longest first (for building patterns)."""
    words = [w for row in load_table("doc_kinds.tsv") if len(row) > 2 for w in alternatives(row[2])]
    return tuple(sorted(words, key=len, reverse=True))


_TRAILING_DIGITS = re.compile(r"\d+$")


def kind_from_code(code: str) -> str:
    """Kind named by a number's code; a State number without a kind code is a dispatch."""
    codes = _kind_tables()[0]
    code = _TRAILING_DIGITS.sub("", code)  # "QH14": a law of the 14th National Assembly
    if code in codes:
        return codes[code]
    upper = {k.upper(): v for k, v in codes.items()}
    return upper.get(code.upper(), "dispatch")


def kind_from_word(word: str) -> str | None:
    """Kind named by the word before a number ("Kết luận" -> conclusion), or ``None``.

    A word whose marks were lost or misread ("Nghi quyết", "Ke hoach": OCR, PDF) is looked up
    without marks, where no two kind words of the table collide (a test checks that).
    """
    kind = _kind_tables()[1].get(norm_key(word))
    return kind if kind is not None else _bare_kind_words().get(fold_key(word))


@lru_cache(maxsize=1)
def _bare_kind_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in load_table("doc_kinds.tsv"):
        for word in alternatives(row[2]) if len(row) > 2 else ():
            out.setdefault(fold_key(word), row[0])
    return out
