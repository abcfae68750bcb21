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


COUNCIL_RESOLUTION = """như sau:
Điều 1. Phạm vi, đối tượng và mục tiêu
1. Phạm vi điều chỉnh: Nghị quyết này quy định chính sách hỗ trợ trồng rừng gỗ lớn.
2. Nội dung và mức hỗ trợ:
a) Hỗ trợ 10 triệu đồng/ha đối với diện tích trồng mới;
b) Hỗ trợ một lần 300.000 đồng/ha chi phí cấp chứng chỉ.
Điều 2. Kinh phí thực hiện
1. Ngân sách tỉnh bố trí hằng năm trong dự toán chi sự nghiệp kinh tế.
Điều 3. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện.
2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.
Điều 4. Hiệu lực thi hành
1. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2025.
2. Nghị quyết này thay thế Nghị quyết số 112/2018/NQ-HĐND.
"""

DECISION = """như sau:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
"""


def test_a_resolutions_titled_articles_are_its_sections(make_ctx: Callable[..., DocContext]) -> None:
    """A People's Council resolution's articles stand where a plan has Roman sections: only the
    clauses of "Điều 3. Tổ chức thực hiện" are tasks, numbered under the article (blind set 6);
    the support rates of Điều 1 and the legal form of Điều 4 are not duties."""
    facts = extract_body(make_ctx(COUNCIL_RESOLUTION))
    assert [t.id for t in facts.tasks] == ["3.1", "3.2"]
    roles = {(a.agency.name, a.role, a.task) for a in facts.assignments}
    assert ("Ủy ban nhân dân tỉnh", "implements", "3.1") in roles
    assert ("Thường trực Hội đồng nhân dân tỉnh", "supervises", "3.2") in roles
    assert ("các Ban của Hội đồng nhân dân tỉnh", "supervises", "3.2") in roles


def test_a_decisions_sentence_articles_open_no_sections(make_ctx: Callable[..., DocContext]) -> None:
    """A decision's articles are sentences, not titles: nothing in them is a task."""
    assert extract_body(make_ctx(DECISION)).tasks == []


def test_a_reporting_sections_items_are_tasks(make_ctx) -> None:  # type: ignore[no-untyped-def]
    """"V. CHẾ ĐỘ BÁO CÁO" numbers who reports what and when: its items are tasks with their
    rhythm (blind sets 11, 13)."""
    from dirgraph.ingest.body import extract_body

    text = ("Kế hoạch như sau:\nIV. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo biên soạn tài liệu.\nV. CHẾ ĐỘ BÁO CÁO\n"
            "1. Định kỳ hằng quý, Hội cơ sở báo cáo kết quả về Ban Thường vụ.\n"
            "2. Văn phòng tổng hợp, báo cáo Tỉnh ủy trước ngày 15/12 hằng năm.\n")
    tasks = {t.id: t.deadline.value if t.deadline else None for t in extract_body(make_ctx(text)).tasks}
    assert tasks == {"IV.1": None, "V.1": "quarterly", "V.2": "annually"}
