from __future__ import annotations

import doctest
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dirgraph.core import text
from dirgraph.core.text import fold_key, norm_key


def test_doctests() -> None:
    assert doctest.testmod(text).failed == 0


def test_tone_placements_meet() -> None:
    assert norm_key("Thành uỷ") == norm_key("Thành ủy")
    assert norm_key("công nghiệp hoá") == norm_key("công nghiệp hóa")
    assert norm_key(unicodedata.normalize("NFD", "Hải Phòng")) == norm_key("Hải Phòng")


def test_search_without_diacritics() -> None:
    assert fold_key("Sở Giáo dục và Đào tạo") == "so giao duc va dao tao"


@given(st.text())
def test_keys_never_crash_and_are_idempotent(value: str) -> None:
    assert norm_key(norm_key(value)) == norm_key(value)
    assert fold_key(fold_key(value)) == fold_key(value)


def _reference_move_tones(text: str) -> str:
    """The scorer's algorithm, character by character (shared/eval/score.py ``norm``)."""
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    word: list[str] = []
    tone = ""
    for ch in decomposed + " ":
        if ch in text_module.TONE_MARKS:
            tone = ch
        elif ch.isalnum() or unicodedata.category(ch) == "Mn":
            word.append(ch)
        else:
            if word:
                out.append("".join(word) + tone)
            word, tone = [], ""
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out[:-1]))


text_module = text


@given(st.text(alphabet=st.sampled_from([*list("aăâeêioôơuưyAĐđ _-/,.12"), "̀", "́", "̃", "̉", "̣"])))
def test_fast_move_tones_agrees_with_the_scorer(value: str) -> None:
    composed = unicodedata.normalize("NFC", value)
    if any(unicodedata.category(ch) == "Mn" and not unicodedata.combining(ch) for ch in composed):
        return
    words = unicodedata.normalize("NFD", composed).split()
    if any(w[0] in text.TONE_MARKS for w in words):  # a tone with no letter before it: scorer drops it
        return
    assert text.move_tones(composed) == _reference_move_tones(composed)


def _reference_norm_key(value: str) -> str:
    """norm_key's definition: tones moved over the whole text, then white space collapsed."""
    return " ".join(text._move_tones_reference(value.casefold()).split())


@given(st.text(alphabet=st.sampled_from([*"aăâeêioôơuưyAĐđ _-/,.12\n\t\u00a0\u2000=<", "̀", "́", "̃", "̉", "̣", "\u0338"]))
       | st.text())
def test_word_by_word_keys_equal_the_definition(value: str) -> None:
    for form in (value, unicodedata.normalize("NFD", value)):
        assert text.move_tones(form) == text._move_tones_reference(form)
        assert norm_key(form) == _reference_norm_key(form)


def test_a_lone_tone_mark_between_spaces_vanishes_from_the_key() -> None:
    assert norm_key("1 \u0300 Hà") == "1 hà"


@given(st.text(alphabet=st.sampled_from([*"aăâeêioôơuưyAĐđ _-/,.12\n\u00a0\u2000=<", "̀", "́", "̣", "\u0338", "ǅ"])) | st.text())
def test_word_by_word_strip_equals_the_definition(value: str) -> None:
    for form in (value, unicodedata.normalize("NFD", value)):
        assert text.strip_diacritics(form) == text._strip_diacritics_reference(form)
