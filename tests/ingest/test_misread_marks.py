"""Marks OCR read wrongly ("huyên", "Huyển ủy", "Xã họi"), repaired from the document's own spelling."""

from __future__ import annotations

from pathlib import Path

from dirgraph.ingest.misread_marks import repair_misread
from dirgraph.ingest.readers import read_file

DAMAGED = (
    "Ban Thường vụ Huyện ủy giao Ủy ban nhân dân huyện chủ trì; Huyện ủy chỉ đạo. Văn phòng Huyện ủy theo dõi.\n"
    "Phòng Lao động - Thương binh và Xã hội phối hợp với Ủy ban nhân dân huyện, Phòng Lao động - Thương binh và"
    " Xã hội.\n3. Ủy ban nhân dân huyên xây dựng kế hoạch; giao Phòng Lao động - Thương binh và Xã họi chủ trì.\n"
    "6. Văn phòng Huyện ủy tổng hợp, báo cáo Ban Thường vụ Huyển ủy.\n"
    "Ủy ban nhân dân huyện triển khai; Ủy ban nhân dân huyện báo cáo.\n"
)


def test_a_misread_word_takes_the_spelling_its_pair_has_elsewhere() -> None:
    out = repair_misread(DAMAGED)
    assert "Ủy ban nhân dân huyện xây dựng" in out.text and "Thương binh và Xã hội chủ trì" in out.text
    assert "Ban Thường vụ Huyện ủy.\n" in out.text and out.words == 3
    assert len(out.text) == len(DAMAGED)  # every fact's span still indexes the text


def test_names_in_capitals_and_spellings_seen_twice_are_left_alone() -> None:
    """"xã Tân Thạnh" beside "xã Tân Thành" are two communes; a pair written twice one way is a word."""
    text = ("xã Tân Thành; xã Tân Thành; xã Tân Thành; xã Tân Thạnh. vùng sâu, vùng xa; vùng xa; "
            "các xã, các xã, các xã, các xã. Sở Công Thương, Sở Công Thương; tỷ lệ hồ sơ công việc.\n")
    assert repair_misread(text).text == text


def test_only_a_damaged_document_is_read_for_misreadings(tmp_path: Path) -> None:
    """A clean text may hold a rare spelling on purpose; a scan that also lost marks is repaired."""
    clean = tmp_path / "clean.txt"
    clean.write_text("Ban Thường vụ Huyện ủy; Huyện ủy; Huyện ủy. Ban Thường vụ Huyển ủy.\n", encoding="utf-8")
    assert "Huyển ủy" in read_file(clean).text
    damaged = tmp_path / "scan.txt"
    damaged.write_text(DAMAGED + "Cac phong, ban tham muu thuc hien ke hoach; bao cao ket qua ve Huyện ủy.\n",
                       encoding="utf-8")
    document = read_file(damaged)
    assert "Ban Thường vụ Huyện ủy." in document.text and "Ủy ban nhân dân huyện xây dựng" in document.text
    assert any("misread ones" in w for w in document.warnings)
