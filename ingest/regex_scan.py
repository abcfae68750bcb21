"""Finding matches of a pattern that opens with a look-behind, fast.

Python's regex engine skips quickly to the possible first characters of a pattern only when the
pattern opens with a literal or a character set; a leading look-behind such as ``(?<!\\w)`` (a
place or level word must start a word) makes it try the whole pattern at every character of a
document. :func:`finditer_from` asks a cheap pattern of the opening words for the candidate
positions and tries the full pattern only there, giving exactly the full pattern's matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache


def search_from(full: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """``full.search(text, pos)``, trying ``full`` only where ``starts`` matches.

    ``starts`` must match at every position where a match of ``full`` can begin (its opening
    literals); look-behinds of ``full`` still see the text before each candidate position.
    """
    while (cand := starts.search(text, pos)) is not None:
        m = full.match(text, cand.start())
        if m is not None:
            return m
        pos = cand.start() + 1
    return None


def finditer_from(full: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``full.finditer(text)`` for a pattern whose matches are never empty, via :func:`search_from`."""
    pos = 0
    while (m := search_from(full, starts, text, pos)) is not None:
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


_Trie = dict[str, "_Trie"]


def trie_alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words`` (literal strings), written as a trie: "t(?:ỉnh|hị xã)".

    A flat alternation of many words makes the engine try every word at every position that
    opens one; the trie tries each first letter once, then only the words that share it. It
    matches at the same positions as the flat alternation, though not always the same length
    (use it where only the start of a match matters, as for the ``starts`` of :func:`search_from`).
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(tree)


# Vietnamese letters by their bare letter: "e" -> "eèéẻẽẹêềếểễệ" (lower case; patterns using
# :func:`tolerant` are compiled with re.IGNORECASE).
_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"


def _bare(ch: str) -> str:
    return "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0]


_SAME_BARE: dict[str, str] = {}
for _ch in _VOWELS + "dđ":
    _SAME_BARE[_bare(_ch)] = _SAME_BARE.get(_bare(_ch), "") + _ch


@lru_cache(maxsize=1024)
def tolerant(word: str) -> str:
    """A pattern for ``word`` that accepts every letter with its marks lost or misread: "ngày" ->
    "ng[aàáảãạ…]y". For words whose context already pins them down (a kind word right before a
    document number, "ngày … tháng … năm" around digits) in text from OCR or a PDF, where "Nghị
    quyết" comes out as "Nghi quyết" or "ngay". Spaces match any run of white space.
    """
    out: list[str] = []
    for ch in word.lower():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif (group := _SAME_BARE.get(_bare(ch))) is not None and ch in group:
            out.append(f"[{group}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)
