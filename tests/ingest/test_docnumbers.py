"""Document numbers: every printed form parses to one canonical number; kinds come from the table."""

from __future__ import annotations

import doctest

import pytest

from dirgraph.ingest import docnumbers
from dirgraph.ingest.docnumbers import canonical_number, kind_from_code, kind_from_word, parse_number
from dirgraph.ingest.tables import alternatives, load_table


def test_module_doctests() -> None:
    result = doctest.testmod(docnumbers)
    assert result.attempted >= 5 and result.failed == 0


@pytest.mark.parametrize(
    ("printed", "canonical", "kind"),
    [
        ("91-KL/TW", "91-KL/TW", "conclusion"),
        ("281-KH/ThU", "281-KH/ThU", "plan"),
        ("203-HD/BTGTU", "203-HD/BTGTU", "guidance"),
        ("16-NQ/TU", "16-NQ/TU", "resolution"),
        ("298/KH-UBND", "298/KH-UBND", "plan"),
        ("09/2024/TT-BGDĐT", "09/2024/TT-BGDĐT", "circular"),
        ("1585/QĐ-TTg", "1585/QĐ-TTg", "decision"),
        ("15/CT-TTg", "15/CT-TTg", "directive"),
        ("24/2014/NĐ-CP", "24/2014/NĐ-CP", "decree"),
        ("43/2019/QH14", "43/2019/QH14", "law"),
        ("123/UBND-VX", "123/UBND-VX", "dispatch"),
        ("05/2023/TTLT-BGDĐT-BTC", "05/2023/TTLT-BGDĐT-BTC", "circular"),
        ("91-\nKL/TW", "91-KL/TW", "conclusion"),
        ("29- NQ/TW", "29-NQ/TW", "resolution"),
        ("Số: 298 / KH - UBND", "298/KH-UBND", "plan"),
        ("29/NQ-TW", "29-NQ/TW", "resolution"),  # Party suffix printed State-style
        ("12/KH-HU", "12-KH/HU", "plan"),
        ("45/CTr-TU", "45-CTr/TU", "program"),
    ],
)
def test_printed_forms(printed: str, canonical: str, kind: str) -> None:
    parsed = parse_number(printed)
    assert parsed is not None
    assert str(parsed) == canonical
    assert parsed.kind == kind


@pytest.mark.parametrize("printed", ["Số:      /KH-UBND", "Số: /QĐ-UBND", "ngày 12/8/2024", "năm 2024", ""])
def test_placeholders_and_non_numbers_give_none(printed: str) -> None:
    assert canonical_number(printed) is None


ROWS = [(row[0], code, word) for row in load_table("doc_kinds.tsv")
        for code in alternatives(row[1]) for word in alternatives(row[2])[:1]]


@pytest.mark.parametrize(("kind", "code", "word"), ROWS)
def test_every_kind_table_entry(kind: str, code: str, word: str) -> None:
    assert kind_from_code(code) == kind
    assert kind_from_word(word) == kind
    assert kind_from_word(word.upper()) == kind


@pytest.mark.parametrize("text", [
    "Kết luận số 91-KL/TW, 29- NQ/TW và 298/KH-UBND; 09 / 2024 / TT-BGDĐT ngày 12/8/2024",
    "x91-KL/TW a/12/KH-UBND -3/QĐ-TTg 123456/KH-UBND 1585/QĐ-TTg1 45/2019/QH14 91-\nKL/TW 7/UBND-VX",
    "12/8/2024 1-KL/TW/ 2/KH-UBND/ 3-KL/TWx ٣/KH-UBND 12-KL/TU-BTG",
])
def test_number_scan_finds_the_matches_of_either_form(text: str) -> None:
    """NUMBER_SCAN_RE (look-behind after the first digit, for a fast scan) = PARTY_RE | STATE_RE."""
    import re

    from dirgraph.ingest.docnumbers import NUMBER_SCAN_RE, PARTY_RE, STATE_RE

    either = re.compile(f"(?:{PARTY_RE.pattern}|{STATE_RE.pattern})")
    assert [m.span() for m in NUMBER_SCAN_RE.finditer(text)] == [m.span() for m in either.finditer(text)]
    assert list(NUMBER_SCAN_RE.finditer(text))


def test_kind_words_stay_apart_without_their_marks() -> None:
    # kind_from_word falls back on the bare form ("Nghi quyet"): no two kinds may share one
    from collections import defaultdict

    from dirgraph.core.text import fold_key
    from dirgraph.ingest.docnumbers import alternatives, kind_from_word
    from dirgraph.ingest.tables import load_table

    kinds: dict[str, set[str]] = defaultdict(set)
    for row in load_table("doc_kinds.tsv"):
        for word in alternatives(row[2]) if len(row) > 2 else ():
            kinds[fold_key(word)].add(row[0])
            assert kind_from_word(fold_key(word)) == row[0]
    assert {k: v for k, v in kinds.items() if len(v) > 1} == {}
    assert (kind_from_word("Nghi quyết"), kind_from_word("Kê hoạch")) == ("resolution", "plan")


@pytest.mark.parametrize(("printed", "canonical"), [
    ("1585/QD-TTg", "1585/QĐ-TTg"),  # a "Đ" that lost its bar (OCR, a PDF's text layer)
    ("12/ND-CP", "12/NĐ-CP"),
    ("3-QD/TW", "3-QĐ/TW"),
    ("2/CTHD-UBND", "2/CTHĐ-UBND"),
    ("5/HD-UBND", "5/HD-UBND"),  # HD is a code of its own (guidance): never barred
    ("45/KH-UBND", "45/KH-UBND"),
])
def test_a_kind_code_that_lost_the_bar_of_its_d_is_read_barred(printed: str, canonical: str) -> None:
    assert canonical_number(printed) == canonical
