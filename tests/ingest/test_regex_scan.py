"""finditer_from / search_from must give exactly the full pattern's own matches."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dirgraph.ingest.regex_scan import finditer_from, search_from, trie_alternation

FULL = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh|xã|Xã hội|thị xã)\s+(?P<name>[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)?)")
STARTS = re.compile(r"tỉnh|Tỉnh|xã|Xã hội|thị xã")


def test_a_word_glued_to_the_level_word_is_not_a_match() -> None:
    text = "Ủy ban nhân dân tỉnh Nghệ An và thị xã Cửa Lò, không phải thịxã Hoàng Mai"
    assert [m.group("name") for m in finditer_from(FULL, STARTS, text)] == ["Nghệ An", "Cửa Lò"]


@given(st.lists(st.sampled_from(["tỉnh", "Tỉnh", "xã", "Xã hội", "thị", " ", "Nghệ", "An", "a", ",", "Đ"])).map("".join))
def test_scan_equals_the_full_pattern(text: str) -> None:
    assert [m.span() for m in finditer_from(FULL, STARTS, text)] == [m.span() for m in FULL.finditer(text)]
    for pos in range(0, len(text) + 1, 3):
        a, b = search_from(FULL, STARTS, text, pos), FULL.search(text, pos)
        assert (a.span() if a else None) == (b.span() if b else None)


_PIECES = ["t", "tp", "tp.", "tỉnh", "Tỉnh", "thị xã", "thị", "xã", "Xã hội", "quận", "quan", "Q", "(", "\\", " "]


@given(st.sets(st.sampled_from(_PIECES[:-1]), min_size=1), st.lists(st.sampled_from(_PIECES)).map("".join))
def test_trie_alternation_matches_where_the_flat_alternation_does(words: set[str], text: str) -> None:
    """Same language, same match positions: a trie is a valid ``starts`` wherever the flat alternation was."""
    trie = re.compile(trie_alternation(words))
    flat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    assert all(trie.fullmatch(w) for w in words)
    assert all(bool(trie.fullmatch(p)) == (p in words) for p in _PIECES)
    assert [trie.search(text, i) is not None and trie.search(text, i).start() for i in range(len(text) + 1)] == [  # type: ignore[union-attr]
        flat.search(text, i) is not None and flat.search(text, i).start() for i in range(len(text) + 1)]  # type: ignore[union-attr]


def test_tolerant_accepts_lost_or_misread_marks_only() -> None:
    import re

    from dirgraph.ingest.regex_scan import tolerant

    pattern = re.compile(rf"^{tolerant('Nghị quyết')}$", re.IGNORECASE)
    for text in ("Nghị quyết", "NGHỊ QUYẾT", "Nghi quyet", "Nghi  quyết", "Nghị quyêt", "nghì quyết"):
        assert pattern.match(text), text
    for text in ("Nghị quyến", "Nghị", "Nghiêm quyết"):
        assert not pattern.match(text), text
    assert re.fullmatch(tolerant("đồng"), "dong", re.IGNORECASE)
