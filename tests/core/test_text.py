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
