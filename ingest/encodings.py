"""Bytes -> Unicode for Vietnamese text files, legacy font encodings included.

Government files still arrive as UTF-16, Windows-1258 (decomposed tone marks) or typed in the
legacy VNI / TCVN3 (ABC) fonts, whose letters survive a copy as Latin-1 look-alikes
("Nghò quyeát" is VNI for "Nghị quyết"), or as VIQR ("Nghi. quye^'t"). No byte signature tells
these apart, so every plausible decoding is tried and the one that yields the most valid
Vietnamese syllables wins. The conversion tables live in ``ingest/data/legacy_fonts.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter, mul

from dirgraph.core.errors import IngestError

UNKNOWN = "unknown text encoding"

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIALS = (
    "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
)
_NUCLEI = (
    "iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|uơ|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_FINALS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{_NUCLEI})(?:{_FINALS})?")
_FRONT_ONLY = re.compile(r"(?:ngh|gh|k(?!h))[^ieêy]")
_WORD = re.compile(r"[^\W\d_]+")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters but tab, newlines, form feed
_SAMPLE_CHARS = 8000


@dataclass(frozen=True)
class Decoded:
    """Decoded text (NFC) and the name of the encoding that was recognised."""

    text: str
    encoding: str


@lru_cache(maxsize=1)
def legacy_tables() -> dict[str, tuple[tuple[str, str], ...]]:
    """encoding -> ((legacy sequence, unicode), ...), longest sequence first."""
    raw = resources.files("dirgraph.ingest.data").joinpath("legacy_fonts.tsv").read_text(encoding="utf-8")
    tables: dict[str, list[tuple[str, str]]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        enc, hexbytes, _shown, uni = line.split("\t")
        codec = "latin-1" if enc == "tcvn3" else "cp1252"
        tables.setdefault(enc, []).append((bytes.fromhex(hexbytes).decode(codec), uni))
    return {enc: tuple(sorted(rows, key=lambda r: -len(r[0]))) for enc, rows in tables.items()}


@lru_cache(maxsize=8)
def _converter(encoding: str) -> tuple[re.Pattern[str], dict[str, str]]:
    rows = legacy_tables()[encoding]
    mapping = dict(rows)
    parts = []
    for seq, _uni in rows:
        pat = re.escape(seq)
        if encoding == "viqr" and seq[-1] in ".?" and len(seq) == 2:
            # After a bare vowel, "." and "?" are tone marks only inside a sentence: followed by
            # a letter or by a space and a lower-case word ("Nghi. quye^'t"), not before a
            # capital or at a line end. After a modifier ("o+?", "e^.") they are always marks.
            pat += r"(?=[^\W\d_]|[ \t]+(?![A-ZĐ])[^\W\d_])"
        parts.append(pat)
    if encoding == "viqr":
        return re.compile(r"\\([.?'`~^(+])|" + "|".join(parts)), mapping
    return re.compile("|".join(parts)), mapping


def convert_legacy(text: str, encoding: str) -> str:
    """Convert text typed in a legacy font encoding ("vni", "tcvn3", "viqr") to Unicode NFC."""
    pattern, mapping = _converter(encoding)

    def sub(m: re.Match[str]) -> str:
        if encoding == "viqr" and m.group(1):
            return m.group(1)  # "\." is VIQR's escape for a literal mark
        return mapping[m.group(0)]

    return unicodedata.normalize("NFC", pattern.sub(sub, text))


def is_syllable(word: str) -> bool:
    """True when ``word`` is shaped like one Vietnamese syllable (at most one tone mark)."""
    return _is_syllable_as_written(word)


@lru_cache(maxsize=65536)
def _is_syllable_as_written(word: str) -> bool:
    # cached on the word as written, so scoring a page is one C-level cache hit per word
    return _is_syllable(word.casefold())


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None and _FRONT_ONLY.match(bare) is None


def syllable_score(text: str) -> tuple[int, int]:
    """(valid minus invalid syllables, words) over the letter runs of ``text``.

    Invalid words count against a decoding, so a VIQR text read as ASCII ("quye^'t" splits into
    "quye" and "t") loses to its conversion even though many fragments look like syllables.
    """
    counts = Counter(text.split())  # a word never spans white space: tally each distinct token once
    tallies = list(map(_token_tally, counts))
    score = sum(map(mul, counts.values(), map(itemgetter(0), tallies)))
    words = sum(map(mul, counts.values(), map(itemgetter(1), tallies)))
    return score, words


@lru_cache(maxsize=65536)
def _token_tally(token: str) -> tuple[int, int]:
    """(valid minus invalid syllables, words) of one space-free token; most tokens are one word."""
    words = [token] if token.isalpha() else _WORD.findall(token)
    valid = sum(map(_is_syllable_as_written, words))
    return 2 * valid - len(words), len(words)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    # every _BAD_CONTROL character is unprintable: a printable text (newlines aside) has none, found
    # by one C-level pass instead of the regex scan (the common case: a text with no tab or odd space)
    if text.replace("\n", " ").isprintable():
        return 0.0
    return len(_BAD_CONTROL.findall(text)) / len(text)


#: Vietnamese letters no legacy font can surface: VNI (cp1252) and TCVN3 (Latin-1) only give
#: characters up to U+00FF (and cp1252's few extras, none of them these), VIQR only ASCII.
_VIETNAMESE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
#: VIQR marks that ordinary Unicode typing does not use (circumflex, grave, tilde written as ASCII).
_VIQR_MARKS = "^`~"


@lru_cache(maxsize=1)
def _legacy_marks() -> re.Pattern[str]:
    """Characters that only a legacy encoding puts in a text: the VNI and TCVN3 sequences' characters
    that are no Vietnamese letter (VNI's "ø" for the grave tone, TCVN3's "¸" for "á" …), and VIQR's marks."""
    tables = legacy_tables()
    letters = {ch for rows in tables.values() for _seq, uni in rows for ch in uni}
    marks = {ch for enc in ("vni", "tcvn3") for seq, _uni in tables[enc] for ch in seq
             if not ch.isascii() and ch not in letters}
    return re.compile("[" + re.escape("".join(sorted(marks)) + _VIQR_MARKS) + "]")


def typed_in_unicode(sample: str) -> bool:
    """True when ``sample`` is plainly Vietnamese typed in Unicode, so no legacy decoding reads better.

    A legacy font's text (VNI, TCVN3, VIQR) has none of the Vietnamese-only letters (ơ, ư, đ, ạ …)
    and is full of its own marks (VNI's tone bytes "ø û ï", TCVN3's "¸ µ ¶", VIQR's "^ ` ~"); a
    Unicode text has those letters and none of those marks. A text with both (a Unicode header
    over a legacy body) or with no Vietnamese-only letter goes to the scoring.
    """
    return _legacy_marks().search(sample) is None and _VIETNAMESE_ONLY.search(sample) is not None


def repair_legacy(text: str) -> Decoded:
    """Undo a legacy font encoding in already-decoded text when doing so clearly reads better.

    Word files typed in VNI-Times or .VnTime keep their letters as Latin-1 look-alikes even
    after a Unicode save; the same test serves .txt, .docx, .pdf and .html. Scoring every
    candidate decoding is most of a reader's cost, so a text plainly typed in Unicode
    (:func:`typed_in_unicode`) skips it; tests check both give the same answer.
    """
    text = unicodedata.normalize("NFC", text)
    sample = text[:_SAMPLE_CHARS]  # a few pages decide; the whole text is converted once
    if typed_in_unicode(sample):
        return Decoded(text, "unicode")
    return repair_by_score(text)


def repair_by_score(text: str) -> Decoded:
    """:func:`repair_legacy` by scoring alone: every candidate decoding of an NFC ``text`` is tried."""
    sample = text[:_SAMPLE_CHARS]
    best_valid, words = syllable_score(sample)
    if words == 0 or best_valid >= 0.7 * words:  # 85% of the words already read as Vietnamese
        return Decoded(text, "unicode")
    best_enc = "unicode"
    margin = max(0.5, 0.1 * words)
    for enc in ("vni", "tcvn3", "viqr"):
        candidate = convert_legacy(sample, enc)
        if candidate == sample:
            continue
        cand_valid, _ = syllable_score(candidate)
        if cand_valid > best_valid + margin:
            best_enc, best_valid = enc, cand_valid
    if best_enc == "unicode":
        return Decoded(text, best_enc)
    return Decoded(convert_legacy(text, best_enc), best_enc)


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs in one byte column (the high byte of ASCII letters)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(path, UNKNOWN) from exc


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode a text file's bytes, converting legacy encodings; raise IngestError when hopeless."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = _decode_utf16(data, "utf-16", path), "utf-16"
    elif (guess := _utf16_guess(data)) is not None:
        text, enc = _decode_utf16(data, guess, path), guess
    elif b"\x00" in data:
        raise IngestError(path, UNKNOWN)
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _decode_8bit(data, path)
    if _control_ratio(text) > 0.01 or text.count("\ufffd") > 0.01 * len(text):
        raise IngestError(path, UNKNOWN)
    fixed = repair_legacy(text)
    return Decoded(fixed.text, enc if fixed.encoding == "unicode" else fixed.encoding)


def _decode_8bit(data: bytes, path: str) -> Decoded:
    """Not UTF-8: Windows-1258 or a Latin-1-surfaced legacy font; the better-scoring one wins."""
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    latin = data.decode("cp1252", errors="replace")
    if "\ufffd" in latin:  # five bytes cp1252 leaves undefined: fall back to Latin-1 for them
        latin = "".join(
            data[i : i + 1].decode("cp1252", errors="ignore") or data[i : i + 1].decode("latin-1")
            for i in range(len(data))
        )
    if _control_ratio(latin) > 0.01:
        raise IngestError(path, UNKNOWN)
    legacy = repair_legacy(latin)
    v1258, words = syllable_score(cp1258)
    vleg, _ = syllable_score(legacy.text)
    if legacy.encoding == "unicode" and v1258 >= vleg:
        best = Decoded(cp1258, "cp1258")
    elif vleg >= v1258:
        best = Decoded(legacy.text, legacy.encoding if legacy.encoding != "unicode" else "cp1252")
    else:
        best = Decoded(cp1258, "cp1258")
    score, words = syllable_score(best.text)
    if words >= 5 and score < -0.2 * words:  # fewer than 40% of the words read as Vietnamese
        raise IngestError(path, UNKNOWN)
    return best
