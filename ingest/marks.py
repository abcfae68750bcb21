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
where 6% of the files are damaged, ingest costs ~17% more CPU.
"""

from __future__ import annotations

from dataclasses import dataclass

from dirgraph.ingest.mark_words import (
    MAX_WORDS,
    Run,
    bare,
    canonical_of,
    is_open,
    is_weaker,
    looks_damaged,
    read_runs,
    surely_damaged,
    table_vocabulary,
    tone_key,
    windows,
    word_table,
)

#: Longest stretch the document's own spellings are counted for: three words tell its readings
#: apart; four cost ~7% more work for no gain measured on the damaged seeds.
OWN_MAX_WORDS = 3



@dataclass(frozen=True)
class Restoration:
    """The text with marks restored and how many words gained marks."""

    text: str
    words: int


#: A document's spellings of one bare stretch: comparison key (:func:`move_tones`, then "|" and
#: which words were capitalised: "10") -> the spelling as first written and how often it occurs.
Spellings = dict[str, tuple[str, int]]


def document_vocabulary(text: str | list[Run]) -> dict[str, Spellings]:
    """Bare stretch -> the document's spellings of it (stretches holding at least one mark)."""
    seen: dict[str, Spellings] = {}
    for run in read_runs(text) if isinstance(text, str) else text:
        if len(run.words) < 2:
            continue
        marked = [w != k for w, k in zip(run.lower, run.keys, strict=True)]
        if not any(marked):
            continue
        keys, tone_keys, caps, lower = run.keys, run.tone_keys, run.caps, run.lower
        for start, end in windows(len(keys), OWN_MAX_WORDS):
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


def with_case(original: str, intact: str) -> str:
    """``intact`` with the capitals of ``original`` (the same word, letter for letter)."""
    return "".join(b.upper() if a.isupper() else b for a, b in zip(original, intact, strict=True))


def _fits(words: list[str], spelled: str, *, toneless_too: bool) -> bool:
    """Whether ``spelled`` only adds marks to the bare words of ``words`` (and, ``toneless_too``,
    to those with a mark but no tone: :func:`is_open`); the rest read as written, in any tone
    placement."""
    intact = spelled.split(" ")
    if len(intact) != len(words):
        return False
    return all(is_weaker(w, s) if (w.isascii() or (toneless_too and is_open(w)))
               else tone_key(w.lower()) == tone_key(s) for w, s in zip(words, intact, strict=True))


#: Share of a bare word's marked occurrences one spelling must have to restore the word alone.
DOMINANT_SHARE = 0.8
#: Most bare occurrences (against the marked ones) a word may have and still be read as damaged:
#: damage loses a share of the marks, while a whole bare word ("quy" in "quy định") is the rule.
BARE_SHARE = 1.0


def document_words(runs: list[Run]) -> dict[str, str]:
    """Bare word -> the document's spelling of it, where one spelling (with its copies that lost
    marks) has :data:`DOMINANT_SHARE` of its marked occurrences ("nganh" -> "ngành") and, unless the bare
    form :func:`surely_damaged`, the bare form itself is rare beside it (":data:`BARE_SHARE`): "quy"
    in "quy định" is written bare throughout, so one "quỹ đất" does not make it "quỹ")."""
    seen: dict[str, dict[str, int]] = {}
    bare_count: dict[str, int] = {}
    for word in (w for run in runs for w in run.lower):
        if word.isascii():
            bare_count[word] = bare_count.get(word, 0) + 1
        else:
            spellings = seen.setdefault(bare(word), {})
            spellings[word] = spellings.get(word, 0) + 1
    words: dict[str, str] = {}
    for key, spellings in seen.items():
        # a spelling is backed by its own occurrences and by those that only lost marks from it
        # ("Tuôi thọ" twice beside "tuổi" twice: "tuổi" has all four)
        backing = {w: sum(n for x, n in spellings.items() if x == w or is_weaker(x, w)) for w in spellings}
        top = max(spellings, key=lambda w: (backing[w], spellings[w], w))
        marked = sum(spellings.values())
        if backing[top] < DOMINANT_SHARE * marked:
            continue
        if surely_damaged(key) or bare_count.get(key, 0) <= BARE_SHARE * marked:
            words[key] = top
    return words


class _Restorer:
    """One document's restoration: its own vocabulary beside the shared tables."""

    def __init__(self, runs: list[Run]) -> None:
        self.own = document_vocabulary(runs)
        self.own_words = document_words(runs)
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
            # a pair whose other word kept its tone is one reading too: "Đê nghị" is "Đề nghị"
            anchored = long or any(not is_open(w) for w in words)
            candidates.append((self.tables.phrases.get(key), anchored))
            first = self.tables.capital_from.get(key, 0)
            if all(w[:1].isupper() for w in words[first:]):
                candidates.append((self.tables.places.get(key), long))
        # confirming a word that cannot be written so ("kế hoach") says nothing
        return next((c for c, toneless_too in candidates
                     if c is not None and not (damaged and canonical_of(c) == have[: have.index("|")])
                     and _fits(words, c, toneless_too=toneless_too)), None)

    def restore_run(self, run: Run, out: list[str]) -> int:
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
                    out[start : start + len(intact)] = with_case(words[j], intact)
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
    runs = read_runs(text)
    restorer = _Restorer(runs)
    out = list(text)
    changed = sum(restorer.restore_run(run, out) for run in runs)
    return Restoration("".join(out), changed) if changed else Restoration(text, 0)
