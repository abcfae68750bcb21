"""Which items are tasks when a guidance numbers its sections 1., 2. (blind set 5)."""

from __future__ import annotations

from collections.abc import Callable

from dirgraph.ingest.body import extract_body
from dirgraph.ingest.context import DocContext

GUIDANCE = """hướng dẫn như sau:
1. MỤC ĐÍCH, YÊU CẦU
1.1. Giúp cán bộ, đảng viên nhận thức đầy đủ nội dung Kết luận.
2. NỘI DUNG NGHIÊN CỨU, HỌC TẬP
2.1. Kết quả sau 6 năm thực hiện Nghị quyết
2.2. Nhiệm vụ, giải pháp trọng tâm thời gian tới
3. HÌNH THỨC, THỜI GIAN
3.1. Tổ chức học tập, quán triệt
a) Đối với cán bộ chủ chốt cấp tỉnh: hội nghị trực tuyến, hoàn thành trong tháng 8/2020.
4. TỔ CHỨC THỰC HIỆN
4.1. Ban Tuyên giáo Tỉnh ủy chủ trì theo dõi, đôn đốc việc thực hiện Hướng dẫn này.
"""

DIRECTIVE = """chỉ thị:
1. Sở Nông nghiệp và Phát triển nông thôn chủ trì kiểm tra phương án phòng cháy.
2. Công an tỉnh điều tra, xử lý nghiêm các vi phạm.
"""


def test_arabic_section_headings_are_sections_not_tasks(make_ctx: Callable[..., DocContext]) -> None:
    """"2. NỘI DUNG …" in capitals stands for a Roman section: its items are tasks, it is not; the
    "HÌNH THỨC, THỜI GIAN" of a guidance holds tasks (section_kinds.tsv)."""
    ids = [t.id for t in extract_body(make_ctx(GUIDANCE)).tasks]
    assert ids == ["2.1", "2.2", "3.1", "3.1.a", "4.1"]


def test_a_directives_numbered_items_stay_tasks(make_ctx: Callable[..., DocContext]) -> None:
    assert [t.id for t in extract_body(make_ctx(DIRECTIVE)).tasks] == ["1", "2"]
