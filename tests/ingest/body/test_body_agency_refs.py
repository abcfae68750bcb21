"""The issuer named by a short form or by its leadership is the issuer (blind set 6)."""

from __future__ import annotations

import pytest

from dirgraph.ingest.body.agency_refs import agency_ref
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef


def _ctx(issuer: str, locality: str = "Hải Hậu", level: str = "district") -> DocContext:
    return DocContext(source="x.txt", text="", locality=locality, locality_level=level, parent_localities=("Nam Định",),
                      issuer=AgencyRef(name=issuer, locality=locality), kind="plan", body_start=0, body_end=0)


@pytest.mark.parametrize(("raw", "issuer"), [
    ("Lãnh đạo Phòng", "Phòng Giáo dục và Đào tạo"),  # "tham mưu Lãnh đạo Phòng báo cáo Sở …"
    ("Lãnh đạo Sở", "Sở Y tế"),
    ("Ban Thường vụ Đảng ủy Khối", "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"),
    ("Ban Thường vụ", "Ban Thường vụ Đảng ủy xã"),
])
def test_a_short_form_of_the_issuer_is_the_issuer(raw: str, issuer: str) -> None:
    ctx = _ctx(issuer)
    assert agency_ref(raw, ctx) == ctx.issuer


@pytest.mark.parametrize(("raw", "issuer"), [
    ("Lãnh đạo Sở Tài chính", "Sở Y tế"),  # another body's leadership
    ("Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"),
    ("Ủy ban nhân dân", "Ủy ban nhân dân huyện"),
])
def test_other_bodies_stay_themselves(raw: str, issuer: str) -> None:
    ctx = _ctx(issuer)
    ref = agency_ref(raw, ctx)
    assert ref is not None and ref != ctx.issuer
