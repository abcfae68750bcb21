"""Matching forms and cue patterns: the fast forms give exactly what the plain forms give.

``match_form`` swaps oa/oe/uy tones only in the words that hold such a spot, and ``words_pattern``
writes its alternation grouped by first character; both must match the straightforward versions
character for character, or every span downstream moves.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.ingest.body.cues import words_pattern
from dirgraph.ingest.body.textform import _OLD_TONE, _swap, match_form


def _plain_match_form(text: str) -> str:
    """The reference: the whole text through NFD, the swap and NFC."""
    lowered = unicodedata.normalize("NFC", text).lower()
    fixed = unicodedata.normalize("NFC", _OLD_TONE.sub(_swap, unicodedata.normalize("NFD", lowered)))
    return fixed if len(fixed) == len(text) else lowered if len(lowered) == len(text) else text


@pytest.mark.parametrize("text", [
    "Thành Uỷ CỤ THỂ HOÁ",
    "Sở Y tế chủ trì hoặc phối hợp",  # "hoặc": a + dot below + breve, left as the plain form leaves it
    "kết quả thực hiện; quản lý",  # "qu" is not a "uy/ua" pair
    "Hoà nhập, hoàn thành, khoẻ mạnh, tuỳ theo, thuỷ lợi",
    "Hoá\tchất\u00a0toà án  xoá  ",  # tabs, no-break and double spaces inside the text
    unicodedata.normalize("NFD", "Uỷ ban nhân dân huyện Hoà Vang"),  # NFD input
    "",
    "BÁO CÁO KẾT QUẢ 2025",
    "hoạch toàn quả quý hoặc HOẶC: no spot; hoá, hoà1 khoẻ_ thuỷ: spots",  # the spot's look-ahead
])
def test_match_form_equals_the_plain_form(text: str) -> None:
    match_form.cache_clear()
    assert match_form(text) == _plain_match_form(text)


_VIETNAMESE = st.text(alphabet="oOuUaAeEyYqQ hnt\t\u00a0,.1_àáảãạặậệỵýỳÁÀĐđơưôâăêÔƠẶỆỴ"
                      "\u0300\u0301\u0303\u0309\u0323\u0306\u0302",
                      max_size=24)


@settings(max_examples=300, deadline=None)
@given(_VIETNAMESE)
def test_match_form_equals_the_plain_form_on_any_text(text: str) -> None:
    assert match_form(text) == _plain_match_form(text)


def _plain_words_pattern(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


_PHRASES = ["chủ trì", "chủ trì phối hợp", "phối hợp", "chỉ đạo", "chịu trách nhiệm", "giao", "giám sát", "việc"]


@pytest.mark.parametrize("text", [
    "sở y tế chủ trì, phối hợp với các sở triển khai",
    "giao sở nội vụ chủ trì phối hợp thực hiện; giám sát việc thực hiện",
    "bàn giao xchủ trì chủ  trì, chủ trìx, (giao) giao-chỉ đạo",
    "chịu trách nhiệm\nchủ trì",
])
def test_grouped_words_pattern_matches_like_the_plain_alternation(text: str) -> None:
    grouped, plain = words_pattern(_PHRASES), _plain_words_pattern(_PHRASES)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text)):  # match at a position sees the character before it, as the plain form does
        got, want = grouped.match(text, pos), plain.match(text, pos)
        assert (got.span() if got else None) == (want.span() if want else None)


@pytest.mark.parametrize(("text", "expected"), [
    ("hoặc", "hoặc"),  # o + ă: the tone belongs to ă in every style (NFD: a, dot below, breve)
    ("Chủ trì HOẶC phối hợp", "chủ trì hoặc phối hợp"),
    ("hoà hoặc khoẻ", "hòa hoặc khỏe"),
])
def test_the_tone_of_a_marked_vowel_never_moves(text: str, expected: str) -> None:
    match_form.cache_clear()
    assert match_form(text) == expected
