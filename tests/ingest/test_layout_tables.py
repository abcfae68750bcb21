"""Tables as ``pdftotext -layout`` prints them: columns side by side, wrapped cells below."""

from __future__ import annotations

from dirgraph.ingest.layout_tables import layout_tables_to_pipes
from dirgraph.ingest.normalize import normalize_text

LAYOUT = """Nơi nhận:
- Lưu: VT.
                                   PHỤ LỤC
                     (Kèm theo Kế hoạch số 18/KH-SYT ngày 03/11/2025)

  TT              Nhiệm vụ                Đơn vị chủ trì           Đơn vị phối hợp        Thời gian       Ghi chú
                                                                                          thực hiện

  1    Rà soát mạng lưới trạm y tế    Phòng Tổ chức cán bộ   Phòng Kế hoạch - Tài     Quý I/2026      Đề án trình
       sau sắp xếp đơn vị hành chính                         chính; Sở Nội vụ                         UBND tỉnh

  2    Xây dựng danh mục kỹ thuật     Phòng Nghiệp vụ Y      Trung tâm Kiểm soát
       chuyên môn cho trạm y tế xã    dược                   bệnh tật tỉnh            Quý II/2026     Danh mục
       và phường

                                                                                                         1
\f
  3    Đào tạo nhân viên y tế thôn    Các trung tâm y tế     UBND các xã, phường      Năm 2026        Ít nhất 500
                                                                                                      người

Bài viết khác
"""


def test_a_layout_table_becomes_pipe_rows() -> None:
    """Each column's text is joined across a row's lines (a vertically centred cell sits on the
    row's second line), the two-line header is one header, the page number and form feed between
    rows are no rows, and the text after the table stays as it was (blind set 10)."""
    out = layout_tables_to_pipes(LAYOUT)
    rows = [line for line in out.split("\n") if line.startswith("|")]
    assert rows == [
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Ghi chú |",
        "| 1 | Rà soát mạng lưới trạm y tế sau sắp xếp đơn vị hành chính | Phòng Tổ chức cán bộ"
        " | Phòng Kế hoạch - Tài chính; Sở Nội vụ | Quý I/2026 | Đề án trình UBND tỉnh |",
        "| 2 | Xây dựng danh mục kỹ thuật chuyên môn cho trạm y tế xã và phường | Phòng Nghiệp vụ Y dược"
        " | Trung tâm Kiểm soát bệnh tật tỉnh | Quý II/2026 | Danh mục |",
        "| 3 | Đào tạo nhân viên y tế thôn | Các trung tâm y tế | UBND các xã, phường | Năm 2026 | Ít nhất 500 người |",
    ]
    assert out.startswith("Nơi nhận:\n- Lưu: VT.\n") and out.rstrip().endswith("Bài viết khác")


def test_text_without_a_layout_table_is_unchanged() -> None:
    text = ("I. NHIỆM VỤ\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính    rà soát.\n"
            "  TT   nội dung ghi chép\n")
    assert layout_tables_to_pipes(text) is text


def test_the_reader_keeps_the_layout_tables_rows() -> None:
    assert "| 3 | Đào tạo nhân viên y tế thôn | Các trung tâm y tế |" in normalize_text(LAYOUT)
