"""Bytes -> Unicode: BOMs, UTF-16 without BOM, Windows-1258, VNI, TCVN3, VIQR, junk."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dirgraph.core.errors import IngestError
from dirgraph.ingest.encodings import (
    _utf16_guess,
    convert_legacy,
    decode_bytes,
    is_syllable,
    legacy_tables,
    repair_by_score,
    repair_legacy,
    syllable_score,
    typed_in_unicode,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"

PLAN = (
    "Ủy ban nhân dân tỉnh Nghệ An\n"
    "KẾ HOẠCH\n"
    "Triển khai thực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI\n"
    "1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện.\n"
    "2. Định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh.\n"
)


def _cp1258_bytes(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed and writes tone marks as combining bytes."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in parts if c not in "\u0300\u0301\u0303\u0309\u0323")
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("utf-16"), "utf-16"),
        (PLAN.encode("utf-16-le"), "utf-16-le"),
        (PLAN.encode("utf-16-be"), "utf-16-be"),
        (_cp1258_bytes(PLAN), "cp1258"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "cp1258"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "plan.txt")
    assert decoded.text == PLAN
    assert decoded.encoding == encoding


def test_nfd_input_comes_out_nfc() -> None:
    decoded = decode_bytes(unicodedata.normalize("NFD", PLAN).encode("utf-8"), "plan.txt")
    assert decoded.text == PLAN


@pytest.mark.parametrize(
    ("fixture", "encoding", "expected"),
    [
        ("vni_cp1252.txt", "vni", ["ỦY BAN NHÂN DÂN TỈNH", "Cộng hòa xã hội chủ nghĩa Việt Nam",
                                   "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                                   "Triển khai thực hiện Nghị quyết số 29-NQ/TW",
                                   "1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan."]),
        ("tcvn3_abc.txt", "tcvn3", ["Uỷ ban nhân dân tỉnh", "Cộng hoà xã hội chủ nghĩa Việt Nam",
                                    "Độc lập - Tự do - Hạnh phúc", "Kế hoạch",
                                    "Triển khai thực hiện Nghị quyết số 29-NQ/TW",
                                    "1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan."]),
        ("viqr.txt", "viqr", ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
                              "Triển khai thực hiện Nghị quyết số 29-NQ/TW",
                              "1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan"]),
    ],
)
def test_legacy_font_files_are_detected_and_converted(fixture: str, encoding: str, expected: list[str]) -> None:
    decoded = decode_bytes((FIXTURES / fixture).read_bytes(), fixture)
    assert decoded.encoding == encoding
    assert decoded.text.splitlines() == expected


def test_legacy_text_inside_unicode_is_repaired() -> None:
    """A Word file typed in VNI-Times keeps its look-alike letters after a Unicode save."""
    repaired = repair_legacy("Keá hoaïch thöïc hieän Nghò quyeát soá 29-NQ/TW")
    assert repaired.encoding == "vni"
    assert repaired.text == "Kế hoạch thực hiện Nghị quyết số 29-NQ/TW"


def test_real_unicode_is_left_alone() -> None:
    assert repair_legacy(PLAN).encoding == "unicode"
    assert repair_legacy("Ông Nguyễn Văn An, Giám đốc Sở Tài chính; ổn định, ưu tiên").encoding == "unicode"


def test_viqr_sentence_end_dot_is_punctuation() -> None:
    assert convert_legacy("Ha` No^.i.", "viqr") == "Hà Nội."
    assert convert_legacy("ddi. Nam", "viqr") == "đi. Nam"  # a capital after the dot: a full stop
    assert convert_legacy("Nghi. quye^'t", "viqr") == "Nghị quyết"
    assert convert_legacy(r"co\. roi", "viqr") == "co. roi"


@pytest.mark.parametrize("encoding", ["vni", "tcvn3", "viqr"])
def test_every_table_entry_converts_inside_a_word(encoding: str) -> None:
    """Each legacy sequence converts to its letter when written between two plain letters."""
    for seq, uni in legacy_tables()[encoding]:
        if encoding == "viqr" and seq[-1] in ".?" and len(seq) == 2:
            word = "ng" + seq + "n"  # a tone mark must be followed by a letter
        else:
            word = "ng" + seq
        assert convert_legacy(word, encoding) == unicodedata.normalize("NFC", "ng" + uni + word[len("ng") + len(seq):]), (seq, uni)


@pytest.mark.parametrize("word", ["nghị", "quyết", "khuyến", "thưởng", "người", "Ủy", "hoá", "gì", "kế"])
def test_valid_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["quyeát", "Nghò", "NghÞ", "hoaït", "cña", "nghòa", "strength", "ka", "ghà"])
def test_invalid_syllables(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03PK\x03\x04" + bytes(range(256)) * 4,
        bytes(range(0, 32)) * 20,
        b"\xff\xfe" + b"\x00\xd8" * 50,  # UTF-16 with a BOM and lone surrogates
    ],
    ids=["binary", "control-bytes", "broken-utf16"],
)
def test_junk_is_an_unknown_encoding(data: bytes) -> None:
    with pytest.raises(IngestError, match="unknown text encoding"):
        decode_bytes(data, "junk.txt")


def test_error_names_the_file() -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(bytes(range(32)) * 10, "/data/ke-hoach.txt")
    assert str(info.value) == "/data/ke-hoach.txt: unknown text encoding"


@given(st.text(alphabet=st.sampled_from([*"aăâeêioôơuưyngđhtĐK _-/,.12²\n\t\u00a0", "̀", "́", "̣"])) | st.text())
def test_syllable_score_counts_token_by_token_as_over_the_whole_text(value: str) -> None:
    """The score is tallied per white-space token (cached); it must equal the per-word definition."""
    words = re.findall(r"[^\W\d_]+", value)
    valid = sum(1 for w in words if is_syllable(w))
    assert syllable_score(value) == (2 * valid - len(words), len(words))


@pytest.mark.parametrize(("data", "expected"), [
    ("Kế hoạch số 12".encode("utf-16-le"), "utf-16-le"),
    ("Kế hoạch số 12".encode("utf-16-be"), "utf-16-be"),
    ("Kế hoạch số 12".encode(), None),
    (b"a", None),
])
def test_utf16_guess_reads_the_nul_column(data: bytes, expected: str | None) -> None:
    assert _utf16_guess(data) == expected


def _legacy_inputs() -> list[tuple[str, str]]:
    """Legacy-encoded texts as the readers see them: fixture files surfaced through cp1252/Latin-1/ASCII,
    VNI inside a Unicode save, and a Unicode header over a legacy body."""
    out = [(name, (FIXTURES / name).read_bytes().decode(codec)) for name, codec in
           (("vni_cp1252.txt", "cp1252"), ("tcvn3_abc.txt", "latin-1"), ("viqr.txt", "ascii"))]
    out.append(("vni-in-unicode", "Keá hoaïch thöïc hieän Nghò quyeát soá 29-NQ/TW"))
    for name, body in list(out[:3]):
        out.append((f"unicode-header+{name}", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCộng hòa xã hội chủ nghĩa Việt Nam\n" + body))
    return out


@pytest.mark.parametrize(("name", "text"), _legacy_inputs(), ids=lambda v: v if len(v) < 40 else "")
def test_fast_path_never_takes_legacy_text(name: str, text: str) -> None:
    """The Unicode fast path stays out of the way of legacy input: the scoring decides, as before."""
    nfc = unicodedata.normalize("NFC", text)
    assert not typed_in_unicode(nfc)
    assert repair_legacy(text) == repair_by_score(nfc)
    if not name.startswith("unicode-header"):
        assert repair_legacy(text).encoding != "unicode"


@pytest.mark.parametrize("text", [PLAN, "Ông Nguyễn Văn An, Giám đốc Sở Tài chính; ổn định, ưu tiên",
                                  "Số: 12/KH-UBND\nNghệ An, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nThực hiện Kết luận"])
def test_fast_path_gives_the_scoring_answer_on_unicode(text: str) -> None:
    assert typed_in_unicode(text)
    assert repair_legacy(text) == repair_by_score(text)


def test_fast_path_needs_vietnamese_letters() -> None:
    """ASCII (VIQR, English) and Latin-1 text carry no Vietnamese-only letter: always scored."""
    assert not typed_in_unicode("Nghi. quyet so 29 cua Ban Chap hanh")
    assert not typed_in_unicode("")
    assert not typed_in_unicode("Ông Nguyễn ~ 50%")  # a VIQR mark: scored


_WORDS = ("Kế hoạch thực hiện Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng; Sở Giáo dục và Đào "
          "tạo chủ trì, phối hợp UBND các huyện (TP. Vinh) báo cáo kết quả? chưa. đã 'xong' a.b dd - 2025").split()


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), st.sampled_from([" ", "\n", ". ", "? "]))
def test_fast_path_agrees_with_the_scoring(words: list[str], sep: str) -> None:
    """Unicode text of any mix of words, abbreviations, codes and punctuation: the same answer either way."""
    text = sep.join(words)
    if typed_in_unicode(text):
        assert repair_legacy(text) == repair_by_score(text)


def test_control_ratio_printable_shortcut_answers_as_the_regex() -> None:
    """Every character the regex counts is unprintable, so the printable shortcut never hides one."""
    import sys

    from dirgraph.ingest.encodings import _BAD_CONTROL, _control_ratio

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert all(not c.isprintable() for c in _BAD_CONTROL.findall(every))
    for c in [*map(chr, range(0x00, 0xA1)), "\u200b", "\u2028", "\ufeff", "Ạ"]:
        text = f"Kế hoạch\nSở Y tế{c}chủ trì\n"
        assert _control_ratio(text) == len(_BAD_CONTROL.findall(text)) / len(text)
