"""Tone marks that OCR or a PDF's text layer dropped, put back: "Uy ban nhan dan" -> "Ủy ban nhân dân".

Why: every extractor downstream reads Vietnamese words with their marks (kind words, cue phrases,
agency heads, place names), and names are compared with their marks (NFC, one tone placement).
A scanned plan where one word in twenty lost its marks otherwise loses most of its assignments:
"Sở Tài chinh" is not "Sở Tài chính", and "chu tri" is no cue at all.

How: a stretch of words holding an open word (one without a tone mark: bare "dan", toneless
"đươc", and whole words such as "dân") is given the marks of the spelling a vocabulary knows for
it, longest stretch first (up to :data:`MAX_WORDS`):

1. the document's own text: the spelling its other occurrences of the stretch use (a word
   damaged in one sentence is nearly always intact in another). A bare word takes the spelling
   with the most marks, since damage only removes them; a common bare word ("trong") or a whole
   toneless one ("dân") in a pair of words takes the most frequent, so "trong các" stays beside
   "tôn trọng các". Occurrences only repeating the words as written confirm nothing;
2. the phrases of the data tables under ``ingest/data`` (cue phrases, agency heads, document
   kinds, department fields, ``genre_phrases.tsv``) and the gazetteer's place names, which only
   match capitalised words. A toneless word takes a tone from a table's stretch of three words or
   more only ("hội đông nhân dân"; "phương" alone could be "phường");
3. a lone word: where ``restore_words.tsv`` says its bare form stands for one word ("cua": "của"),
   or where the document spells it one way and rarely writes it bare ("nganh": "ngành"); only in
   lower case (a capitalised one may be a name: "Sơn La").

A word only ever gains marks. A syllable ending in p, t, c or ch is never whole without a tone
(:func:`surely_damaged`). A stretch spelled two ways by the tables ("tan thanh": Tân Thành, Tân
Thạnh) is left as it is. A text that lost most of its marks is read twice (see
:func:`restore_marks`).

Restoring keeps every character where it was (an NFC Vietnamese letter is one code point with or
without its marks), so the spans of the facts index the restored text as they would the damaged
one. Only a text that :func:`looks_damaged` is read this way: clean documents pay one split. A
damaged one costs ~10 ms per 3 KB (three times its extraction); measured on the bench corpus,
where 6% of the files are damaged, ingest costs ~15% more CPU.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dirgraph.core.text import move_tones, strip_diacritics
from dirgraph.ingest.tables import alternatives, load_table

#: Longest stretch of words looked up at once: a few words of context tell "tan thanh" apart, a
#: five-word name is learnt whole ("Bộ Chỉ huy Quân sự": every piece of it is cut at a common
#: word), and a longer one is restored stretch by stretch ("uy ban nhan dan" + "thanh pho hai phong").
MAX_WORDS = 5
#: Longest stretch the document's own spellings are counted for: three words tell its readings
#: apart; four cost ~7% more work for no gain measured on the damaged seeds.
OWN_MAX_WORDS = 3
#: Evidence words (``restore_words.tsv``) a text must hold before it is read as damaged.
MIN_EVIDENCE = 2

_WORD = re.compile(r"[^\W\d_]+")
#: What may stand between two words of one stretch: spaces only (a comma or a hyphen ends it).
_RUN_GAP = re.compile(r"[ \t]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Tables whose cells are not phrases of the genre (byte maps; the admin units are read as places).
_NOT_PHRASES = frozenset({"legacy_fonts.tsv", "admin_units_current.tsv", "admin_units_legacy.tsv"})


@dataclass(frozen=True)
class Restoration:
    """The text with marks restored and how many words gained marks."""

    text: str
    words: int


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
    parts = unicodedata.normalize("NFD", letter)
    toneless = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return frozenset({letter, toneless, bare(letter)})


@lru_cache(maxsize=1 << 15)
def toneless(word: str) -> str:
    """``word`` without its tone mark, other marks kept ("được" -> "đươc")."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in _TONES))


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
    for match in _WORD.finditer(line):
        if run and not _RUN_GAP.fullmatch(line, run[-1].end(), match.start()):
            yield run
            run = []
        run.append(match)
    if run:
        yield run


@dataclass(frozen=True, slots=True)
class _Run:
    """One stretch of a text, read once for both the document's vocabulary and its restoration."""

    words: list[str]  # as written
    lower: list[str]
    keys: list[str]  # bare
    tone_keys: list[str]  # one tone placement
    caps: str  # "1" where a word is capitalised
    starts: list[int]  # offsets in the text
    open: list[bool]  # :func:`is_open`
    surely: list[bool]  # :func:`surely_damaged`


def _read_runs(text: str) -> list[_Run]:
    runs: list[_Run] = []
    offset = 0
    for line in text.split("\n"):
        for run in _runs(line):
            words = [m.group() for m in run]
            lower = [w.lower() for w in words]
            runs.append(_Run(
                words, lower, [bare(w) for w in lower], [_tone_key(w) for w in lower],
                "".join("1" if w[:1].isupper() else "0" for w in words), [offset + m.start() for m in run],
                [is_open(w) for w in lower], [surely_damaged(w) for w in words]))
        offset += len(line) + 1
    return runs


def _windows(size_of: int, longest: int = MAX_WORDS) -> Iterator[tuple[int, int]]:
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
    names = sorted(e.name for e in folder.iterdir() if e.name.endswith(".tsv") and e.name not in _NOT_PHRASES)
    for name in sorted(names, key=lambda n: n != PREFERRED_TABLE):
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
    for run in _runs(phrase):
        words = [m.group().lower() for m in run]
        for start, end in _windows(len(words)):
            spelled = " ".join(words[start:end])
            key = bare(spelled)
            if key == spelled:
                continue
            cut = (start > 0 and bare(words[start]) in common) or (end < len(words) and bare(words[end - 1]) in common)
            if cut:  # a common bare word at the cut edge of a piece: "nhiệm vụ trọng" (tâm)
                continue
            if final is None:
                final = set()
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
    """Whether ``text`` holds at least :data:`MIN_EVIDENCE` words that only lost marks could give."""
    evidence = word_table()[1]
    found = 0
    for word in text.split():
        if word in evidence or word.rstrip(",.;:)") in evidence:
            found += 1
            if found >= MIN_EVIDENCE:
                return True
    return False


#: A document's spellings of one bare stretch: comparison key (:func:`move_tones`, then "|" and
#: which words were capitalised: "10") -> the spelling as first written and how often it occurs.
Spellings = dict[str, tuple[str, int]]


@lru_cache(maxsize=1 << 16)
def _tone_key(word: str) -> str:
    """One lower-case word's comparison key: one tone placement ("uỷ" and "ủy" meet)."""
    return move_tones(word)


def _canonical(words: Iterable[str]) -> str:
    """The comparison key of a lower-case stretch: one tone placement, so "thành ủy" and
    "thành uỷ" are one spelling of a document that mixes the two styles."""
    return " ".join([_tone_key(w) for w in words])


@lru_cache(maxsize=1 << 14)
def _canonical_of(spelled: str) -> str:
    return _canonical(spelled.split(" "))


def document_vocabulary(text: str | list[_Run]) -> dict[str, Spellings]:
    """Bare stretch -> the document's spellings of it (stretches holding at least one mark)."""
    seen: dict[str, Spellings] = {}
    for run in _read_runs(text) if isinstance(text, str) else text:
        if len(run.words) < 2:
            continue
        marked = [w != k for w, k in zip(run.lower, run.keys, strict=True)]
        if not any(marked):
            continue
        keys, tone_keys, caps, lower = run.keys, run.tone_keys, run.caps, run.lower
        for start, end in _windows(len(keys), OWN_MAX_WORDS):
            if any(marked[start:end]):
                forms = seen.setdefault(" ".join(keys[start:end]), {})
                canonical = " ".join(tone_keys[start:end]) + "|" + caps[start:end]
                written, count = forms.get(canonical, (" ".join(lower[start:end]), 0))
                forms[canonical] = (written, count + 1)
    return seen


def _marks(spelled: str) -> int:
    return sum(1 for a, b in zip(spelled, bare(spelled), strict=True) if a != b)


def _own_spelling(forms: Spellings, have: str, common: frozenset[str]) -> str | None:
    """The document's spelling of a stretch, word by word, the occurrence being read (key
    ``have``) not counted.

    Each bare word takes its spelling with the most marks among the other occurrences: losing
    marks is what damage does, never gaining them, so "giáo dục" is right even where a repeated
    table row left "giáo duc" the commoner form. A common bare word ("trong" in "trong các", next
    to "tôn trọng các"), and a word with a mark but no tone ("dân", or "đươc" with its tone lost),
    take their most frequent spelling instead in a stretch of two words, and stay as written on a
    tie: three words or more have one reading ("bô chính trị" is "Bộ Chính trị").

    A lower-case word only takes the spelling of lower-case occurrences: "Hải Phòng" does not make
    "hai phong" (two rooms) a name; a capitalised one (a name, or a sentence's first word) takes any. ``None`` when the other occurrences only repeat the open words
    as written: they are no
    evidence (they may be as damaged: "Lam Đồng" twice), so the tables decide.
    """
    others = [(written.split(" "), key[key.index("|") + 1 :], n - (key == have))
              for key, (written, n) in forms.items()]
    others = [(words, caps, n) for words, caps, n in others if n > 0]
    if not others:
        return None
    spelled: list[str] = []
    stretch, have_caps = have.split("|")
    short = stretch.count(" ") < 2
    heard = False  # whether any open word had a spelling other than as written to weigh
    for i, word in enumerate(stretch.split(" ")):
        if not is_open(word):
            spelled.append(others[0][0][i])  # read as written; any spelling shows its marks
            continue
        votes: dict[str, int] = {}
        for words, caps, n in others:
            if have_caps[i] == "1" or caps[i] == "0":  # a name's spelling is no lower-case word's
                votes[words[i]] = votes.get(words[i], 0) + n
        if not votes:
            spelled.append(word)
            continue
        heard = heard or any(w != word for w in votes)
        if short and (word in common or not word.isascii()):
            # "trong", or a whole word such as "dân", beside one other word: "trong các" is
            # written so, next to "tôn trọng các"; a longer stretch has one reading
            ranked = sorted(votes.items(), key=lambda v: v[1], reverse=True)
            tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
            spelled.append(word if tie else ranked[0][0])
        else:
            spelled.append(max(votes, key=lambda w: (_marks(w), votes[w], w)))
    return " ".join(spelled) if heard else None


def _with_case(original: str, intact: str) -> str:
    return "".join(b.upper() if a.isupper() else b for a, b in zip(original, intact, strict=True))


def _fits(words: list[str], spelled: str, *, toneless_too: bool) -> bool:
    """Whether ``spelled`` only adds marks to the bare words of ``words`` (and, ``toneless_too``,
    to those with a mark but no tone: :func:`is_open`); the rest read as written, in any tone
    placement."""
    intact = spelled.split(" ")
    if len(intact) != len(words):
        return False
    return all(is_weaker(w, s) if (w.isascii() or (toneless_too and is_open(w)))
               else _tone_key(w.lower()) == _tone_key(s) for w, s in zip(words, intact, strict=True))


#: Share of a bare word's marked occurrences one spelling must have to restore the word alone.
DOMINANT_SHARE = 0.8
#: Most bare occurrences (against the marked ones) a word may have and still be read as damaged:
#: damage loses a share of the marks, while a whole bare word ("quy" in "quy định") is the rule.
BARE_SHARE = 1.0


def document_words(text: str) -> dict[str, str]:
    """Bare word -> the document's spelling of it, where one spelling has
    :data:`DOMINANT_SHARE` of its marked occurrences ("nganh" -> "ngành") and, unless the bare
    form :func:`surely_damaged`, the bare form itself is rare beside it (":data:`BARE_SHARE`): "quy"
    in "quy định" is written bare throughout, so one "quỹ đất" does not make it "quỹ")."""
    seen: dict[str, dict[str, int]] = {}
    bare_count: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        if word.isascii():
            bare_count[word] = bare_count.get(word, 0) + 1
        else:
            spellings = seen.setdefault(bare(word), {})
            spellings[word] = spellings.get(word, 0) + 1
    words: dict[str, str] = {}
    for key, spellings in seen.items():
        top = max(spellings, key=lambda w: spellings[w])
        marked = sum(spellings.values())
        if spellings[top] < DOMINANT_SHARE * marked:
            continue
        if surely_damaged(key) or bare_count.get(key, 0) <= BARE_SHARE * marked:
            words[key] = top
    return words


class _Restorer:
    """One document's restoration: its own vocabulary beside the shared tables."""

    def __init__(self, text: str, runs: list[_Run]) -> None:
        self.own = document_vocabulary(runs)
        self.own_words = document_words(text)
        self.memo: dict[tuple[str, ...], str | None] = {}  # a stretch repeated reads the same
        self.tables = table_vocabulary()
        self.single, _, self.common = word_table()

    def spelling(self, words: list[str], key: str, have: str, damaged: bool) -> str | None:
        """The spelling of ``words`` (bare key ``key``, comparison key ``have``): the document's
        own, else the tables'; it may be ``words`` as written, which confirms them. A word that
        has other marks but no tone ("dân" may be whole, "đươc" damaged) gains one from the
        document's own spelling, or from a table's stretch of three words or more."""
        candidates: list[tuple[str | None, bool]] = []
        if len(words) == 1:  # a capitalised word may be a name ("Sơn La"): never alone
            word = words[0]
            listed = word.isascii() or word in self.single  # "đươc" is listed; "nhưng" is a word
            if word[:1].islower():
                if listed:
                    candidates.append((self.single.get(key if word.isascii() else word), True))
                if word.isascii() and len(word) > 1 and key not in self.common:  # "sở, nganh": "ngành"
                    candidates.append((self.own_words.get(key), False))
        else:
            forms = self.own.get(key)
            if forms is not None and not (len(forms) == 1 and have in forms):  # else: itself alone
                candidates.append((_own_spelling(forms, have, self.common), True))
            long = len(words) >= 3  # "hội đông nhân dân" has one reading; "phương" alone two
            candidates.append((self.tables.phrases.get(key), long))
            first = self.tables.capital_from.get(key, 0)
            if all(w[:1].isupper() for w in words[first:]):
                candidates.append((self.tables.places.get(key), long))
        # confirming a word that cannot be written so ("kế hoach") says nothing
        return next((c for c, toneless_too in candidates
                     if c is not None and not (damaged and _canonical_of(c) == have[: have.index("|")])
                     and _fits(words, c, toneless_too=toneless_too)), None)

    def restore_run(self, run: _Run, out: list[str]) -> int:
        """Restore one stretch into ``out`` (the text's characters). Every stretch holding an open
        word is looked up, longest first; an open word takes the spelling of the longest stretch
        that knows it, so "dao tao" in "giao duc va dao tao" is restored although the four-word
        stretch before it ends at "dao"."""
        settled = [not o for o in run.open]  # a word with its tone is read as written
        if all(settled):
            return 0
        words, keys, tone_keys, caps, surely = run.words, run.keys, run.tone_keys, run.caps, run.surely
        changed = 0
        for size in range(min(MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                end = i + size
                if all(settled[i:end]):
                    continue
                stretch = tuple(words[i:end])
                if stretch in self.memo:
                    spelled = self.memo[stretch]
                else:
                    spelled = self.memo[stretch] = self.spelling(
                        words[i:end], " ".join(keys[i:end]), " ".join(tone_keys[i:end]) + "|" + caps[i:end],
                        any(surely[i:end]))
                if spelled is None:
                    continue
                for j, intact in enumerate(spelled.split(" "), start=i):
                    if settled[j]:
                        continue
                    if run.lower[j] == intact:
                        # confirmed as written, unless it cannot be ("hoach" in a stretch
                        # whose other occurrences are as damaged: a table may still know it)
                        settled[j] = not surely[j]
                        continue
                    settled[j] = True
                    start = run.starts[j]
                    out[start : start + len(intact)] = _with_case(words[j], intact)
                    changed += 1
        return changed


def restore_marks(text: str) -> Restoration:
    """``text`` with lost marks put back where a vocabulary knows the words (see the module doc).

    A text that lost most of its marks is read twice: what the tables restored in one sentence
    ("Sở Giáo dục và Đào tạo") becomes the document's own spelling for the next reading.
    """
    first = _restore_once(text)
    if first.words < SECOND_PASS_SHARE * len(text) / 5:  # ~5 characters a word
        return first
    second = _restore_once(first.text, checked=False)
    return Restoration(second.text, first.words + second.words)


#: Share of the words the first reading must restore before a second one is worth its cost.
SECOND_PASS_SHARE = 0.05


def _restore_once(text: str, checked: bool = True) -> Restoration:
    if checked and not looks_damaged(text):
        return Restoration(text, 0)
    runs = _read_runs(text)
    restorer = _Restorer(text, runs)
    out = list(text)
    changed = sum(restorer.restore_run(run, out) for run in runs)
    return Restoration("".join(out), changed) if changed else Restoration(text, 0)
