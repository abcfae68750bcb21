"""The words of a text that lost its marks, and the vocabulary of the data tables that restores them.

What a word may be when OCR or a PDF's text layer dropped its marks (:func:`bare`,
:func:`toneless`, :func:`is_open`, :func:`is_weaker`, :func:`surely_damaged`), a text read as
stretches of words (:class:`Run`), and the spellings the data tables under ``ingest/data`` and the
gazetteer teach (:func:`table_vocabulary`, :func:`word_table`). :mod:`dirgraph.ingest.marks`
restores a document with them and with the document's own spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dirgraph.core.text import TONE_MARKS, move_tones, strip_diacritics
from dirgraph.ingest.tables import alternatives, load_table

#: Longest stretch of words looked up at once: a few words of context tell "tan thanh" apart, a
#: five-word name is learnt whole ("Bộ Chỉ huy Quân sự": every piece of it is cut at a common
#: word), and a longer one is restored stretch by stretch ("uy ban nhan dan" + "thanh pho hai phong").
MAX_WORDS = 5
#: Evidence words (``restore_words.tsv``) a text must hold before it is read as damaged.
MIN_EVIDENCE = 2

WORD = re.compile(r"[^\W\d_]+")
#: What may stand between two words of one stretch: spaces only (a comma or a hyphen ends it).
_RUN_GAP = re.compile(r"[ \t]+")
#: Tables whose cells are not phrases of the genre (byte maps; the admin units are read as places).
_NOT_PHRASES = frozenset({"legacy_fonts.tsv", "admin_units_current.tsv", "admin_units_legacy.tsv"})


@dataclass(frozen=True)
class Vocabulary:
    """Bare stretch -> its one spelling (``None``: spelled two ways).

    ``phrases`` come from the data tables and apply to any text; ``places`` from the gazetteer
    apply only where the text capitalises the name (``capital_from[key]``: index of the first
    word that must be capitalised; the level words before it need not be).
    """

    phrases: dict[str, str | None]
    places: dict[str, str | None]
    capital_from: dict[str, int]


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """``word`` lower-cased without any mark ("Ủy" -> "uy", "Đảng" -> "dang")."""
    return strip_diacritics(word).lower()


@lru_cache(maxsize=1 << 12)
def _weaker_forms(letter: str) -> frozenset[str]:
    """What ``letter`` may read as when marks are lost: itself, without its tone, or bare."""
    return frozenset({letter, toneless(letter), bare(letter)})


@lru_cache(maxsize=1 << 15)
def toneless(word: str) -> str:
    """``word`` without its tone mark, other marks kept ("được" -> "đươc")."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in TONE_MARKS))


def is_open(word: str) -> bool:
    """Whether ``word`` carries no tone mark, so it may have lost one ("dan", "đươc", and also
    "dân", which is whole): only such a word is ever given marks."""
    return word.isascii() or toneless(word) == word


_CHECKED_ENDINGS = ("p", "t", "c", "ch")


def surely_damaged(word: str) -> bool:
    """Whether a bare ``word`` cannot be written so: a syllable ending in p, t, c or ch always
    carries a sắc or nặng tone ("hoach", "quyet", "duoc" lost theirs); "quy", "thao" may be whole."""
    return word.isascii() and word.lower().endswith(_CHECKED_ENDINGS)


def is_weaker(word: str, intact: str) -> bool:
    """Whether ``word`` is ``intact`` (lower case) with some marks lost and nothing else changed."""
    if len(word) != len(intact):
        return False
    return all(a == b or a in _weaker_forms(b) for a, b in zip(word.lower(), intact, strict=True))


def _runs(line: str) -> Iterator[list[re.Match[str]]]:
    """The words of ``line`` grouped into stretches separated by spaces only."""
    run: list[re.Match[str]] = []
    for match in WORD.finditer(line):
        if run and not _RUN_GAP.fullmatch(line, run[-1].end(), match.start()):
            yield run
            run = []
        run.append(match)
    if run:
        yield run


@dataclass(frozen=True, slots=True)
class Run:
    """One stretch of a text, read once for both the document's vocabulary and its restoration."""

    words: list[str]  # as written
    lower: list[str]
    keys: list[str]  # bare
    tone_keys: list[str]  # one tone placement
    caps: str  # "1" where a word is capitalised
    starts: list[int]  # offsets in the text
    open: list[bool]  # :func:`is_open`
    surely: list[bool]  # :func:`surely_damaged`


def read_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    offset = 0
    for line in text.split("\n"):
        for run in _runs(line):
            words = [m.group() for m in run]
            lower = [w.lower() for w in words]
            runs.append(Run(
                words, lower, [bare(w) for w in lower], [tone_key(w) for w in lower],
                "".join("1" if w[:1].isupper() else "0" for w in words), [offset + m.start() for m in run],
                [is_open(w) for w in lower], [surely_damaged(w) for w in words]))
        offset += len(line) + 1
    return runs


def windows(size_of: int, longest: int = MAX_WORDS) -> Iterator[tuple[int, int]]:
    """(start, end) of every stretch of 2 to ``longest`` words in ``size_of`` words."""
    for size in range(2, min(longest, size_of) + 1):
        for start in range(size_of - size + 1):
            yield start, start + size


#: The heads a field of ``department_fields.tsv`` follows ("Sở Tài chính", "Phòng Nội vụ").
DEPARTMENT_HEADS = ("Sở", "Phòng", "Bộ")
#: The table read first: its spelling of a stretch wins over another table's ("hằng năm" over
#: "hàng năm", "Quận ủy" over "Quân ủy"); other disagreements leave the stretch unknown.
PREFERRED_TABLE = "genre_phrases.tsv"


def _table_phrases() -> Iterator[tuple[str, bool]]:
    """Every Vietnamese cell of the tables, and whether it comes from :data:`PREFERRED_TABLE`."""
    folder = resources.files("dirgraph.ingest.data")
    names = [e.name for e in folder.iterdir() if e.name.endswith(".tsv") and e.name not in _NOT_PHRASES]
    for name in sorted(names, key=lambda n: (n != PREFERRED_TABLE, n)):
        for row in load_table(name):
            for cell in row:
                if not cell.isascii():
                    for phrase in alternatives(cell):
                        yield phrase, name == PREFERRED_TABLE


def _learn(into: dict[str, str | None], phrase: str, *, final: set[str] | None = None, preferred: bool = False,
           capital_from: int | None = None, capitals: dict[str, int] | None = None) -> None:
    """Learn every stretch of ``phrase``. A ``preferred`` spelling is added to ``final``, and a
    stretch in ``final`` is never contradicted later."""
    common = word_table()[2]
    final = set() if final is None else final
    for run in _runs(phrase):
        words = [m.group().lower() for m in run]
        for start, end in windows(len(words)):
            spelled = " ".join(words[start:end])
            key = bare(spelled)
            if key == spelled:
                continue
            cut = (start > 0 and bare(words[start]) in common) or (end < len(words) and bare(words[end - 1]) in common)
            if cut:  # a common bare word at the cut edge of a piece: "nhiệm vụ trọng" (tâm)
                continue
            if preferred:
                into[key] = spelled
                final.add(key)
            elif key not in final:
                known = into.get(key, spelled)
                into[key] = spelled if known == spelled else None
            if capitals is not None and capital_from is not None:
                first = max(0, capital_from - start)
                capitals[key] = min(first, capitals.get(key, first))


@lru_cache(maxsize=1)
def table_vocabulary() -> Vocabulary:
    """The tables' phrases and the gazetteer's names, learnt once (~0.4 s, only when needed)."""
    from dirgraph.ingest.gazetteer import all_places

    vocabulary = Vocabulary({}, {}, {})
    final: set[str] = set()
    for phrase, preferred in _table_phrases():
        _learn(vocabulary.phrases, phrase, final=final, preferred=preferred)
    for (field,) in load_table("department_fields.tsv"):  # as the table says they are written
        for head in DEPARTMENT_HEADS:
            _learn(vocabulary.phrases, f"{head} {field}", final=final)
    for place in all_places():
        _learn(vocabulary.places, place.name, capital_from=0, capitals=vocabulary.capital_from)
        level_words = len(place.full_name.split()) - len(place.name.split())
        if level_words > 0 and place.full_name.endswith(place.name):
            _learn(vocabulary.places, place.full_name, capital_from=level_words, capitals=vocabulary.capital_from)
    return vocabulary


@lru_cache(maxsize=1)
def word_table() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """``restore_words.tsv`` read: words restored alone (bare or toneless form -> intact), the
    evidence words (lower case, bare and listed toneless forms), and the bare forms that are
    common words themselves."""
    restore: dict[str, str] = {}
    evidence: set[str] = set()
    common: set[str] = set()
    for row in load_table("restore_words.tsv"):
        intact, use = row[0], row[1]
        key = bare(intact)
        if use == "word":
            common.add(key)
            continue
        forms = {key, toneless(intact)} if row[2:] == ("toneless",) else {key}
        evidence.update(forms)  # lower case only: "La", "LA" begin names ("La Pán Tẩn")
        if use == "restore":
            restore.update(dict.fromkeys(forms, intact))
    return restore, frozenset(evidence), frozenset(common)


def looks_damaged(text: str) -> bool:
    """Whether ``text`` holds at least :data:`MIN_EVIDENCE` words that only lost marks could give.

    A bare syllable that cannot be written so (:func:`surely_damaged`) and that the tables' phrases
    hold ("Giáo duc": "dục") is proof alone: a PDF's text layer may damage only a few words of a
    page, and "internet", "chip" or "startup" are no such syllables.
    """
    evidence = word_table()[1]
    found = 0
    for word in text.split():
        bare_word = word.rstrip(",.;:)")
        if word in evidence or bare_word in evidence:
            found += 1
        elif bare_word[-1:] in "cpht" and bare_word.isascii() and _checked_syllable(bare_word):
            found += MIN_EVIDENCE
        else:
            continue
        if found >= MIN_EVIDENCE:
            return True
    return False


def _checked_syllable(word: str) -> bool:
    return word.islower() and surely_damaged(word) and word in _phrase_words()


@lru_cache(maxsize=1)
def _phrase_words() -> frozenset[str]:
    """The bare words of the tables' phrases ("giao", "duc", "hoach" …)."""
    return frozenset(w for key in table_vocabulary().phrases for w in key.split())


@lru_cache(maxsize=1 << 16)
def tone_key(word: str) -> str:
    """One lower-case word's comparison key: one tone placement ("uỷ" and "ủy" meet)."""
    return move_tones(word)


def canonical(words: Iterable[str]) -> str:
    """The comparison key of a lower-case stretch: one tone placement, so "thành ủy" and
    "thành uỷ" are one spelling of a document that mixes the two styles."""
    return " ".join([tone_key(w) for w in words])


@lru_cache(maxsize=1 << 14)
def canonical_of(spelled: str) -> str:
    return canonical(spelled.split(" "))
