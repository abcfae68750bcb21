"""Matching a numbered mention to a document entry: the bucket index picks what a scan would.

The reference is the rule written out as a scan over every entry with the number, in creation
order (strict: same place id and year; else loose: years compatible and ``_same_place``). Random
sequences of mentions and files — several places sharing a name across two provinces, missing
years and places, files that replace a mention as the entry's main description — must match the
same entry either way.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.graph.places import ResolvedPlace
from dirgraph.graph.resolve import Resolver, _Desc, _DocEntry, _same_place, number_key

PLACES = [
    None,
    ResolvedPlace("xa-tien-phong-hb", "Tiền Phong", "commune", "Hòa Bình"),
    ResolvedPlace("xa-tien-phong-pt", "Tiền Phong", "commune", "Phú Thọ"),
    ResolvedPlace("phuong-tien-phong-hb", "Tiền Phong", "ward", "Hoà Bình"),  # other map, other tone style
    ResolvedPlace("huyen-da-bac", "Đà Bắc", "district", "Hòa Bình"),
    ResolvedPlace("tinh-hoa-binh", "Hòa Bình", "province", None),
    # a province and the city under it that bears its name: never one place
    ResolvedPlace("loc-hoa-binh", "Hòa Bình", "province", "Hòa Bình", "legacy"),
    ResolvedPlace("loc-hoa-binh-2025", "Hòa Bình", "province", "Hòa Bình", "current"),
    ResolvedPlace("tp-hoa-binh", "Hoà Bình", "district", "Hòa Bình", "legacy"),
    # a district, its township and today's ward of one name: the ward may be either on the other map
    ResolvedPlace("huyen-ky-son", "Kỳ Sơn", "district", "Hòa Bình", "legacy"),
    ResolvedPlace("tt-ky-son", "Kỳ Sơn", "commune", "Hòa Bình", "legacy"),
    ResolvedPlace("phuong-ky-son", "Kỳ Sơn", "commune", "Hòa Bình", "current"),
]
NUMBERS = ["10/KH-UBND", "10/kh-ubnd", "25/KH-UBND"]
DATES = [None, "2023-03-05", "2024-01-10"]


def _scan(entries: list[_DocEntry], desc: _Desc) -> _DocEntry | None:
    assert desc.number
    candidates = [e for e in entries if e.main.number and number_key(e.main.number) == number_key(desc.number)]
    loc = desc.loc.id if desc.loc else None
    for entry in candidates:
        if entry.loc_id == loc and entry.year == desc.year:
            return entry
    for entry in candidates:
        if (desc.year is None or entry.year is None or entry.year == desc.year) and _same_place(entry.loc, desc.loc):
            return entry
    return None


descs = st.builds(
    lambda number, date, place, is_self, n: _Desc(kind="plan", number=number, date=date, issuer=None, title=None,
                                                  loc=place, is_self=is_self, source=f"f{n}.txt"),
    st.sampled_from(NUMBERS), st.sampled_from(DATES), st.sampled_from(PLACES), st.booleans(), st.integers(0, 9))


@settings(max_examples=300, deadline=None)
@given(st.lists(descs, min_size=1, max_size=25))
def test_bucket_match_equals_the_scan(sequence: list[_Desc]) -> None:
    resolver = Resolver()
    for desc in sequence:
        expected = _scan(resolver.entries, desc)
        entry = resolver.add_desc(desc)
        if expected is not None:
            assert entry is expected
        else:
            assert entry is resolver.entries[-1] and entry.descs == [desc]


def test_a_file_replacing_a_mention_moves_the_entry_to_its_own_place_and_year() -> None:
    resolver = Resolver()
    mention = _Desc("plan", "10/KH-UBND", None, None, None, None, False, "a.txt")
    own = _Desc("plan", "10/KH-UBND", "2024-01-10", None, None, PLACES[1], True, "b.txt")
    entry = resolver.add_desc(mention)
    assert resolver.add_desc(own) is entry and (entry.loc_id, entry.year) == ("xa-tien-phong-hb", 2024)
    other = _Desc("plan", "10/KH-UBND", "2024-02-01", None, None, PLACES[2], True, "c.txt")
    assert resolver.add_desc(other) is not entry  # same name, other province: another document
