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
