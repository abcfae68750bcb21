"""The pipeline's fast dedupe key must group facts exactly as the definition does: norm_key of the
fact's JSON without provenance ("Các đơn vị" in Nơi nhận = "các đơn vị" in the body)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.core.provenance import Provenance
from dirgraph.ingest.pipeline import _dedupe, _json_key
from dirgraph.ingest.record import AgencyRef, AgencyRelation, Assignment

_PROV = Provenance(file="kh.txt", start=0, end=5, quote="Sở Y tế")
# letters in both tone placements and cases, white space of several kinds, characters JSON escapes,
# a bare combining mark
_CHARS = st.sampled_from(list("aSở ủỦuỷỶyhoáóa  \t\n\"\\\u0301\u00a0,.đĐ"))
_TEXT = st.text(_CHARS, min_size=0, max_size=8)


def _reference(items: list[Assignment]) -> list[Assignment]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = _json_key(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _assignment(name: str, locality: str | None, task: str) -> Assignment:
    return Assignment(agency=AgencyRef(name=name, locality=locality), role="leads", task=task, provenance=_PROV)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.none() | _TEXT, st.sampled_from(["1", "SELF", "1.2"])), max_size=6))
def test_dedupe_groups_like_the_json_key(rows: list[tuple[str, str | None, str]]) -> None:
    items = [_assignment(*row) for row in rows]
    assert _dedupe(items) == _reference(items)


def test_case_and_tone_spellings_are_one_fact() -> None:
    items = [_assignment("Sở Y tế", "Nghệ An", "1"), _assignment("sở y tế", "NGHỆ AN", "1"),
             _assignment("Ủy ban nhân dân", None, "1"), _assignment("Uỷ ban nhân dân", None, "1")]
    assert _dedupe(items) == [items[0], items[2]]


def test_untidy_spelling_still_meets_its_tidy_twin() -> None:
    # a doubled space collapses in the JSON key: the tidy and the untidy fact are one
    items = [_assignment("Sở Y tế", None, "1"), _assignment("Sở  Y tế", None, "1")]
    assert _dedupe(items) == [items[0]]


def test_relations_keep_their_direction() -> None:
    a, b = AgencyRef(name="Sở Y tế"), AgencyRef(name="Sở Tài chính")
    forth = AgencyRelation(source=a, type="coordinates_with", target=b, provenance=_PROV)
    back = AgencyRelation(source=b, type="coordinates_with", target=a, provenance=_PROV)
    assert _dedupe([forth, back, forth]) == [forth, back]


def test_provenance_never_separates_facts() -> None:
    with_prov = _assignment("Sở Y tế", None, "1")
    without = Assignment(agency=AgencyRef(name="Sở Y tế"), role="leads", task="1")
    assert _dedupe([without, with_prov]) == [without]
