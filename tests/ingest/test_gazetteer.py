"""The gazetteer: units of both eras with levels and parents, the 2025 old -> new mapping,
exact-before-diacritic-free lookups, places found in running text, and the generated tables."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.ingest import gazetteer_build
from dirgraph.ingest.gazetteer import (
    communes,
    current_province_of,
    districts,
    find_places,
    lookup_place,
    place_level,
    provinces,
)


def test_province_counts_in_both_eras():
    assert len(provinces("current")) == 34
    assert len(provinces("legacy")) == 63


def test_every_legacy_province_maps_to_a_current_one():
    current = {p.name for p in provinces("current")}
    for old in provinces("legacy"):
        assert old.current_province in current, old


@pytest.mark.parametrize(
    ("name", "level", "era", "parents"),
    [
        ("Lâm Đồng", "province", "current", ()),
        ("Nghệ An", "province", "legacy", ()),
        ("Tam Đường", "district", "legacy", ("Lai Châu",)),
        ("Vinh", "district", "legacy", ("Nghệ An",)),
        ("Hưng Đông", "commune", "legacy", ("Vinh", "Nghệ An")),
        ("Vinh Hưng", "commune", "current", ("Nghệ An",)),
    ],
)
def test_lookup_each_level_in_each_era(name, level, era, parents):
    found = lookup_place(name, level=level, era=era)
    assert found, name
    assert found[0].parents == parents


def test_level_word_restricts_the_level():
    assert {p.level for p in lookup_place("huyện Tam Đường")} == {"district"}
    assert {p.level for p in lookup_place("thị trấn Tam Đường")} == {"commune"}
    assert all(p.is_city for p in lookup_place("thành phố Vinh"))


def test_a_name_that_starts_like_a_level_word_is_not_split():
    # "Phương Đông" is a ward's name, not "phường Đông" (found by the bench's fidelity check); a
    # level word written without diacritics still counts before a name without them
    assert {p.name for p in lookup_place("Phương Đông")} == {"Phương Đông"}
    assert {p.full_name for p in lookup_place("phuong Phuong Dong")} >= {"Phường Phương Đông"}
    assert {p.level for p in lookup_place("xa Tan Thanh")} == {"commune"}


def test_two_units_of_one_name_are_found_by_the_name_alone():
    # the gazetteer files "Duyên Hải (Thị xã)" and "Duyên Hải (Huyện)"; a document prints "thị xã Duyên Hải"
    assert {p.full_name for p in lookup_place("Duyên Hải", level="district")} == {
        "Huyện Duyên Hải", "Thị xã Duyên Hải"}
    assert {p.full_name for p in lookup_place("thị xã Kỳ Anh")} == {"Thị xã Kỳ Anh"}
    assert {p.full_name for p in lookup_place("huyện Kỳ Anh")} == {"Huyện Kỳ Anh"}

def test_exact_match_beats_diacritic_free():
    assert {p.name for p in lookup_place("Tam Đường")} == {"Tam Đường"}
    assert {p.name for p in lookup_place("Tam Dương")} == {"Tam Dương"}


def test_diacritic_free_lookup_returns_every_candidate():
    assert {p.name for p in lookup_place("Tam Duong")} == {"Tam Đường", "Tam Dương"}
    assert {p.name for p in lookup_place("lam dong")} == {"Lâm Đồng"}


def test_within_narrows_to_an_ancestor():
    found = lookup_place("Hưng Đông", within="Vinh")
    assert found and all("Vinh" in p.parents for p in found)
    assert lookup_place("Hưng Đông", within="Lai Châu") == []


def test_place_level():
    assert place_level("Nghệ An") == "province"
    assert place_level("Vinh") == "district"
    assert place_level("Hưng Đông") == "commune"
    assert place_level("Không Có Nơi Này") is None


def test_districts_and_communes():
    names = {d.name for d in districts("Nghệ An")}
    assert "Vinh" in names and len(names) > 15
    vinh = communes("Nghệ An", "Vinh", era="legacy")
    assert any(c.name == "Hưng Đông" for c in vinh)
    assert all(c.parents[-1] == "Nghệ An" for c in communes("Nghệ An"))


def test_current_province_of_legacy_units():
    assert current_province_of("Hà Giang") == "Tuyên Quang"
    assert current_province_of("Tam Đường") == "Lai Châu"
    assert current_province_of("Hưng Đông", within="Vinh") == "Nghệ An"
    assert current_province_of("Nowhere") is None


def test_unsplit_legacy_commune_has_its_current_commune():
    hung_dong = lookup_place("Hưng Đông", within="Vinh", era="legacy")[0]
    assert hung_dong.current_commune == "Vinh Hưng"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân tỉnh Lâm Đồng ban hành", [("tỉnh Lâm Đồng", "Lâm Đồng", "province")]),
        ("Huyện ủy huyện Tam Đường, tỉnh Lai Châu",
         [("huyện Tam Đường", "Tam Đường", "district"), ("tỉnh Lai Châu", "Lai Châu", "province")]),
        ("Đảng ủy xã Hưng Đông", [("xã Hưng Đông", "Hưng Đông", "commune")]),
        ("các trường học trên địa bàn Cần Thơ", [("Cần Thơ", "Cần Thơ", "province")]),
        ("Ủy ban nhân dân Quận 3", [("Quận 3", "Quận 3", "district")]),
        ("UBND TỈNH NGHỆ AN", [("TỈNH NGHỆ AN", "Nghệ An", "province")]),
        ("thong tin tu tinh Lam Dong", [("tinh Lam Dong", "Lâm Đồng", "province")]),
        ("huyen Tam Duong", []),  # ambiguous without diacritics
        ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", [("tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "province")]),
        ("các cơ quan Tài chính cấp huyện", []),
        ("trên địa bàn tỉnh", []),
    ],
)
def test_find_places(text, expected):
    found = [(m.raw, m.name, m.level) for m in find_places(text)]
    assert found == expected
    for m in find_places(text):
        assert text[m.start : m.end] == m.raw


def _committed(filename: str) -> list[str]:
    return (gazetteer_build.DATA_DIR / filename).read_text(encoding="utf-8").splitlines()


def test_tables_were_generated_from_the_installed_package():
    version = metadata.version("vietnamadminunits")
    for filename in (gazetteer_build.CURRENT_FILE, gazetteer_build.LEGACY_FILE):
        assert _committed(filename)[0].endswith(f"vietnamadminunits {version}; do not edit"), filename


def test_current_table_regenerates_identically():
    assert gazetteer_build.build_current() == _committed(gazetteer_build.CURRENT_FILE)


def test_legacy_table_regenerates_identically_for_a_sample_of_provinces():
    """Lai Châu, Nghệ An, Huế: the whole table takes ~20 s to convert, a sample ~2 s."""
    generated = gazetteer_build.build_legacy(frozenset({"12", "40", "46"}))
    committed = set(_committed(gazetteer_build.LEGACY_FILE))
    body = generated[2:]
    assert len(body) > 600
    assert all(line in committed for line in body), [line for line in body if line not in committed][:3]


def test_build_writes_both_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(gazetteer_build, "build_legacy", lambda: ["# header", "level"])
    written = gazetteer_build.write(tmp_path)
    assert [p.name for p in written] == [gazetteer_build.CURRENT_FILE, gazetteer_build.LEGACY_FILE]
    assert (tmp_path / gazetteer_build.LEGACY_FILE).read_text(encoding="utf-8") == "# header\nlevel\n"


def test_city_abbreviations_name_cities():
    assert [(m.raw, m.name) for m in find_places("UBND TP. Vinh và TP Hải Phòng, Tp. Huế")] == [
        ("TP. Vinh", "Vinh"), ("TP Hải Phòng", "Hải Phòng"), ("Tp. Huế", "Huế")]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_lookups_never_raise_on_arbitrary_text(text):
    lookup_place(text)
    for m in find_places(text):
        assert text[m.start : m.end] == m.raw
