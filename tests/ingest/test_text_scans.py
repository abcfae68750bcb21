"""Whole-text scans done with substring tests give exactly what the regex scans they replace give.

Each shortcut lists the characters a regex class matches: the lists are checked against the
regex over every code point, and the answers on texts sitting on each edge of the class.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.core.text import spaced_once
from dirgraph.ingest import normalize as nz
from dirgraph.ingest.frame_lines import (
    _ODD_SPACES,
    _plain_lines,
    any_needs_cleaning,
    split_lines,
)

#: What any_needs_cleaning stands for: markup, a double space, or white space other than space and newline.
_ANY_NEEDS_CLEANING = re.compile(r"[*#>\\]|__|  |[^\S \n]")
_EVERY_CHAR = "".join(map(chr, range(sys.maxunicode + 1)))


def test_odd_spaces_are_exactly_the_class_of_the_regex() -> None:
    assert set(_ODD_SPACES) == set(re.findall(r"[^\S \n]", _EVERY_CHAR))
    assert len(set(_ODD_SPACES)) == len(_ODD_SPACES)


_PLAIN = "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n1. Mục đích"


@pytest.mark.parametrize("text", [
    _PLAIN,
    "",
    "\n\n",
    _PLAIN + " *",
    _PLAIN.replace("KẾ HOẠCH", "# KẾ HOẠCH"),
    _PLAIN.replace("1.", "> 1."),
    _PLAIN.replace("57-NQ", "57\\-NQ"),
    _PLAIN + "\n__Nơi nhận:__",
    _PLAIN + "\n_Nơi nhận:_",
    _PLAIN.replace("Mục đích", "Mục  đích"),
    _PLAIN.replace("Mục đích", "Mục\tđích"),
    _PLAIN.replace("Mục đích", "Mục\u00a0đích"),
    _PLAIN.replace("Mục đích", "Mục\u3000đích"),
    _PLAIN.replace("\n", "\r\n"),
    _PLAIN.replace("\n", "\u2028"),
    _PLAIN + "\u200b",  # a zero-width space is no white space
    "| Sở Y tế | chủ trì |",
])
def test_any_needs_cleaning_matches_the_regex(text: str) -> None:
    assert any_needs_cleaning(text) == (_ANY_NEEDS_CLEANING.search(text) is not None)


def test_any_needs_cleaning_matches_the_regex_for_each_character() -> None:
    chars = [*_ODD_SPACES, *map(chr, range(0x250)), "\u200b", "\u2060", "\ufeff", "Ạ"]
    texts = ["Sở" + c + "Y tế" for c in chars]
    assert [any_needs_cleaning(t) for t in texts] == [_ANY_NEEDS_CLEANING.search(t) is not None for t in texts]


def test_split_lines_cleans_a_line_with_a_wide_space() -> None:
    lines = split_lines("KẾ HOẠCH\nSở Y\u2003tế chủ trì")
    assert [x.clean for x in lines] == ["KẾ HOẠCH", "Sở Y tế chủ trì"]


def test_normalize_char_lists_are_exactly_the_regex_classes() -> None:
    assert set(nz._MD_ANY_CHARS) == set(nz._MD_ANY.findall(_EVERY_CHAR))
    assert set(nz._FORMAT_CHAR_LIST) == set(nz._FORMAT_CHARS.findall(_EVERY_CHAR))


@pytest.mark.parametrize("text", [
    _PLAIN,
    "**KẾ HOẠCH**\nTriển khai",
    "Sở\u00adY tế",
    "Sở Y tế\ufeff chủ trì",
    "Sở Y tế<br>chủ trì",
    "[Nghị quyết 57](https://example.vn/57)",
])
def test_normalize_text_is_unchanged_by_the_char_lists(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = nz.normalize_text(text)
    # the plain computation: the regex classes themselves, fed through the same test
    monkeypatch.setattr(nz, "_MD_ANY_CHARS", "".join(set(nz._MD_ANY.findall(text))))
    monkeypatch.setattr(nz, "_FORMAT_CHAR_LIST", "".join(set(nz._FORMAT_CHARS.findall(text))))
    assert nz.normalize_text(text) == fast


@pytest.mark.parametrize("text", [
    _PLAIN,
    "",
    "\n",
    "  KẾ HOẠCH  \n\n\n   \nSở Y tế chủ trì\n",
    "ỦY BAN NHÂN DÂN\r\nTỈNH LÀO CAI\n\u3000",
    _PLAIN.replace("\n", "\n \n"),
])
def test_plain_lines_match_the_general_reading(text: str) -> None:
    # a pipe row sends the text down the general path; its cell comes last, after the text's lines
    general = split_lines(text + "\n| Nơi nhận: |")
    assert general[-1].clean == "Nơi nhận:"
    assert split_lines(text) == general[:-1]
    if not any_needs_cleaning(text):
        assert split_lines(text) == _plain_lines(text)


def test_glued_label_first_characters_are_exactly_where_the_regex_can_start() -> None:
    # the pattern's letters are all in the BMP: beyond it only decimal digits (\d) can start a match
    chars = {*_EVERY_CHAR[:0x10000], *(c for c in _EVERY_CHAR[0x10000:] if c.isdecimal())}
    starts = {c for c in chars if nz._NUMBER_GLUED.match(c + "1.A") or nz._NUMBER_GLUED.match(c + ")A")
              or nz._NUMBER_GLUED.match(c + ".A") or nz._NUMBER_GLUED.match(c + "-A")}
    assert starts == {c for c in chars if c in nz._GLUED_FIRST or c.isdecimal()}
    assert nz._NUMBER_GLUED.match("\U0001d7ce.A")  # a decimal digit beyond the BMP is \d too


@pytest.mark.parametrize("line", ["2.Tiếp tục", "II.NHIỆM VỤ", "IV-GIẢI PHÁP", "a)Sở Y tế", "đ)Các huyện",
                                  "١.Sở", "12/8/2024", "4.0", "- Sở Y tế", "Ủy ban nhân dân", "", "b) Sở"])
def test_glued_label_gate_keeps_the_plain_result(line: str) -> None:
    assert nz.normalize_text(line) == nz.normalize_text(line + "\u200b").replace("\u200b", "")  # the general path
    assert nz.normalize_text(line) == nz.fix_list_spacing(line).strip()


def test_every_white_space_but_the_space_is_unprintable() -> None:
    """What core.text.spaced_once stands on: str.split() breaks only on characters isprintable() refuses, but ' '."""
    assert [c for c in _EVERY_CHAR if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize("line", [
    "", " ", "Sở Y tế", " Sở Y tế", "Sở Y tế ", "Sở  Y tế", "Sở\u00a0Y tế", "Sở\u3000Y tế", "Sở\tY", "Sở\x1cY",
    "Sở\u2028Y", "Sở\u200bY tế", "a", "1. Tiếp tục", "| Sở | Y tế |", "Sở Y tế\x85", "  ",
])
def test_spaced_once_is_the_split_and_join_test(line: str) -> None:
    # a sufficient test: True only when split and join change nothing (an unprintable non-space such as
    # U+200B sends the line to the split and join, which keeps it as it is)
    if spaced_once(line):
        assert " ".join(line.split()) == line
    else:
        assert " ".join(line.split()) != line or not line.isprintable()


@pytest.mark.parametrize("line", [
    "Sở Y tế", "**Sở Y tế**", "# KẾ HOẠCH", "Sở_Y", "a\\-b", "[Nghị quyết](x)", "a<br>b", "Sở Y tế*", "x#",
    "![ảnh](a.png) Sở", "__Nơi nhận:__", "",
])
def test_strip_markdown_gate_keeps_the_plain_result(line: str) -> None:
    # the substring gate answers as _MD_ANY's class; behind it, the substitutions are unchanged
    gate_open = "*" in line or "#" in line or "_" in line or "\\" in line or "[" in line or "<" in line
    assert gate_open == (nz._MD_ANY.search(line) is not None)
    if not gate_open:
        assert nz.strip_markdown(line) == line


_START_LINES = [
    "II. NHIỆM VỤ", "IV-GIẢI PHÁP", "IVX", "1. Mục đích", "1.2. Tăng cường", "1.2 Tăng", "12 Sở", "2024 là năm",
    "a) Sở Y tế", "đ. Các huyện", "b)Sở", "- Sở Y tế", "-Sở Y tế", "-sở", "• Mục", "* Ghi chú", "Tam Đường, ngày 5 tháng 3 năm 2024",
    "Hà Nội, ngày 5/3/2024.", "Điều 1. Phạm vi", "Chương II", "Mục 3", "Phần I", "Sở Y tế chủ trì", "triển khai", "", "١. Sở",
    "Nơi nhận:", "Căn cứ Luật", "| 1 | Sở |", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Điều", "V/v triển khai",
]


@pytest.mark.parametrize("line", _START_LINES)
def test_one_start_alternation_answers_as_the_six_patterns(line: str) -> None:
    six = (nz._ROMAN, nz._ARABIC, nz._LETTER, nz._BULLET, nz._DATELINE, nz._ARTICLE)
    assert (nz._ANY_START.match(line) is not None) == any(p.match(line) for p in six)
    assert nz.is_start.__wrapped__(line) == bool(
        not line or nz.stands_alone(line) or any(p.match(line) for p in six) or line.startswith(nz.line_starts()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="IVXLCĐiđab019١.-–)(:/ \tSsTàỸ•*nhuyệtágềĐiều", max_size=14))
def test_one_start_alternation_answers_as_the_six_patterns_on_any_line(line: str) -> None:
    six = (nz._ROMAN, nz._ARABIC, nz._LETTER, nz._BULLET, nz._DATELINE, nz._ARTICLE)
    assert (nz._ANY_START.match(line) is not None) == any(p.match(line) for p in six)
