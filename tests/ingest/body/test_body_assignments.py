"""Assignments and agency relations by the SCHEMA's conventions, on small realistic snippets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dirgraph.ingest.body import BodyFacts, extract_body
from dirgraph.ingest.body.cues import role_cues, role_labels
from dirgraph.ingest.body.mentions import mention_end
from dirgraph.ingest.body.textform import match_form as norm_key
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef

Ctx = Callable[..., DocContext]


def _roles(facts: BodyFacts) -> set[tuple[str, str, str]]:
    return {(norm_key(a.agency.name), a.role, a.task) for a in facts.assignments}


def _edges(facts: BodyFacts) -> set[tuple[str, str, str]]:
    return {(norm_key(r.source.name), r.type, norm_key(r.target.name)) for r in facts.agency_relations}


STATE_PLAN = """Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Sở Y tế chủ trì, phối hợp với các đơn vị bảo đảm tiến độ.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện thể chế
Rà soát các văn bản. Giao Sở Tư pháp chủ trì, phối hợp với Sở Y tế, Sở Tài chính thực hiện.
2. Phát triển hạ tầng số
Mặt trận Tổ quốc và các đoàn thể tích cực phối hợp tuyên truyền.
III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
- Chủ trì, phối hợp với Sở Thông tin và Truyền thông, UBND các huyện triển khai Kế hoạch.
- Định kỳ hằng quý báo cáo UBND tỉnh kết quả thực hiện.
2. Sở Tài chính: Tham mưu bố trí kinh phí; kiểm tra, giám sát việc sử dụng kinh phí.
3. Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân các huyện chỉ đạo các xã tổ chức triển khai thực hiện.
4. Công an tỉnh: Chỉ đạo, hướng dẫn các đơn vị chủ động phối hợp chặt chẽ với Sở Y tế để tham mưu.
Các sở, ban, ngành căn cứ chức năng, nhiệm vụ chủ động triển khai thực hiện Kế hoạch này.
Nơi nhận:
- Như trên;
"""


@pytest.fixture
def plan_facts(make_ctx: Ctx) -> BodyFacts:
    return extract_body(make_ctx(STATE_PLAN))


def test_giao_chu_tri_in_a_task_item(plan_facts: BodyFacts) -> None:
    roles = _roles(plan_facts)
    assert ("sở tư pháp", "leads", "II.1") in roles
    assert ("sở y tế", "coordinates", "II.1") in roles
    assert ("sở tư pháp", "coordinates_with", "sở tài chính") in _edges(plan_facts)


def test_narrative_and_purpose_items_give_nothing(plan_facts: BodyFacts) -> None:
    tasks = {a.task for a in plan_facts.assignments}
    assert "II.2" not in tasks and "I.1" not in tasks


def test_heading_agency_with_bullets(plan_facts: BodyFacts) -> None:
    roles = _roles(plan_facts)
    assert ("sở y tế", "leads", "III.1") in roles
    assert ("sở thông tin và truyền thông", "coordinates", "III.1") in roles
    assert ("ủy ban nhân dân các huyện", "coordinates", "III.1") in roles
    assert ("sở y tế", "implements", "III.1") not in roles  # a lead gets no extra implements


def test_periodic_report_makes_reports_to(plan_facts: BodyFacts) -> None:
    assert ("sở y tế", "reports_to", norm_key("Ủy ban nhân dân tỉnh")) in _edges(plan_facts)


def test_colon_heading_roles_skip_the_object_of_viec(plan_facts: BodyFacts) -> None:
    roles = {r for r in _roles(plan_facts) if r[2] == "III.2"}
    assert roles == {("sở tài chính", "supervises", "III.2")}


def test_direction_chain_hands_the_duty_down(plan_facts: BodyFacts) -> None:
    roles = {r for r in _roles(plan_facts) if r[2] == "III.3"}
    assert ("ủy ban nhân dân các huyện", "implements", "III.3") in roles
    assert ("các xã", "implements", "III.3") in roles


def test_directed_coordination(plan_facts: BodyFacts) -> None:
    roles = {r for r in _roles(plan_facts) if r[2] == "III.4"}
    assert roles == {("các đơn vị", "coordinates", "III.4")}
    assert ("các đơn vị", "coordinates_with", "sở y tế") in _edges(plan_facts)


def test_trailing_paragraph_is_document_wide(plan_facts: BodyFacts) -> None:
    assert ("các sở, ban, ngành", "implements", "SELF") in _roles(plan_facts)


def test_closing_paragraph_attaches_to_self(make_ctx: Ctx) -> None:
    text = ("như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Tổ chức thực hiện.\n"
            "Trên đây là Kế hoạch thực hiện Kết luận số 91-KL/TW; yêu cầu thủ trưởng các đơn vị căn cứ chức năng, "
            "nhiệm vụ chủ động triển khai thực hiện.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert ("thủ trưởng các đơn vị", "implements", "SELF") in roles
    assert ("sở nội vụ", "implements", "III.1") in roles


def test_directive_items_carry_assignments(make_ctx: Ctx) -> None:
    text = ("Chủ tịch Ủy ban nhân dân tỉnh chỉ thị như sau:\n"
            "1. Sở Y tế: Chủ trì, phối hợp với các sở, ngành liên quan tổ chức giám sát dịch bệnh; "
            "định kỳ hằng tháng báo cáo Ủy ban nhân dân tỉnh.\n"
            "2. Sở Giáo dục và Đào tạo chỉ đạo các trường học thực hiện vệ sinh trường lớp.\n"
            "3. Ủy ban nhân dân các huyện chịu trách nhiệm tổ chức thực hiện Chỉ thị này.\n")
    facts = extract_body(make_ctx(text))
    assert [t.id for t in facts.tasks] == ["1", "2", "3"]
    roles = _roles(facts)
    assert {("sở y tế", "leads", "1"), ("sở y tế", "supervises", "1"), ("các sở, ngành liên quan", "coordinates", "1"),
            ("các trường học", "implements", "2"), ("sở giáo dục và đào tạo", "implements", "2"),
            ("ủy ban nhân dân các huyện", "implements", "3")} <= roles
    assert ("sở y tế", "coordinates_with", "các sở, ngành liên quan") in _edges(facts)


def test_nested_items_inherit_the_heading_agency(make_ctx: Ctx) -> None:
    text = ("như sau:\nIV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Sở Y tế\n"
            "a) Chủ trì, phối hợp với Sở Tài chính xây dựng dự toán.\n"
            "b) Theo dõi, kiểm tra việc thực hiện; định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.\n")
    facts = extract_body(make_ctx(text))
    assert {("sở y tế", "leads", "IV.1.a"), ("sở tài chính", "coordinates", "IV.1.a"),
            ("sở y tế", "supervises", "IV.1.b")} <= _roles(facts)
    assert ("sở y tế", "reports_to", norm_key("Ủy ban nhân dân tỉnh")) in _edges(facts)


def test_provenance_quotes_the_clause(plan_facts: BodyFacts) -> None:
    lead = next(a for a in plan_facts.assignments if a.task == "III.1" and a.role == "leads")
    assert lead.provenance is not None
    assert "Chủ trì, phối hợp với Sở Thông tin" in lead.provenance.quote
    assert STATE_PLAN[lead.provenance.start : lead.provenance.end].strip().startswith("Chủ trì")


_DUTY = [(cue, role) for cue, role in role_cues() if role in ("leads", "coordinates", "implements", "supervises")]
_STOP = [cue for cue, role in role_cues() if role == "none"]
_DIRECT = [cue for cue, role in role_cues() if role in ("directs", "assigns")]


@pytest.mark.parametrize(("cue", "role"), _DUTY)
def test_every_duty_cue_gives_its_role(make_ctx: Ctx, cue: str, role: str) -> None:
    text = f"như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: {cue} công tác cải cách hành chính.\n"
    assert ("sở nội vụ", role, "III.1") in _roles(extract_body(make_ctx(text)))


@pytest.mark.parametrize("cue", _STOP)
def test_every_stop_cue_ends_an_agency_mention(cue: str) -> None:
    text = f"Sở Nội vụ {cue} công tác cải cách"
    assert mention_end(text, 0) == len("Sở Nội vụ")


@pytest.mark.parametrize("cue", _DIRECT)
def test_every_direction_cue_hands_the_duty_to_its_object(make_ctx: Ctx, cue: str) -> None:
    text = f"như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ {cue} các đơn vị trực thuộc triển khai thực hiện.\n"
    assert ("các đơn vị trực thuộc", "implements", "III.1") in _roles(extract_body(make_ctx(text)))


def test_task_item_headed_by_an_agency_is_an_assignment(make_ctx: Ctx) -> None:
    text = ("như sau:\nII. NHIỆM VỤ CỦA CÁC CẤP, CÁC NGÀNH\n1. Đối với Sở Y tế: Tổ chức tiêm chủng mở rộng.\n"
            "2. Tăng cường truyền thông\nCác cơ sở y tế tiếp tục tổ chức truyền thông.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert roles == {("sở y tế", "implements", "II.1")}


def test_reports_hold_outside_assignment_clauses(make_ctx: Ctx) -> None:
    text = ("như sau:\nIV. CHẾ ĐỘ BÁO CÁO\nCác sở, ngành định kỳ hằng quý báo cáo kết quả thực hiện về "
            "Ủy ban nhân dân tỉnh (qua Sở Kế hoạch và Đầu tư).\n")
    facts = extract_body(make_ctx(text))
    assert _edges(facts) == {("các sở, ngành", "reports_to", norm_key("Ủy ban nhân dân tỉnh"))}
    assert facts.assignments == []


def test_dispatch_requests(make_ctx: Ctx) -> None:
    text = ("Chủ tịch UBND tỉnh có ý kiến như sau:\n"
            "1. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành liên quan tham mưu ban hành Kế hoạch; "
            "hoàn thành trước ngày 30/11/2024.\n"
            "2. Sở Nội vụ theo dõi, đôn đốc việc thực hiện; tổng hợp, báo cáo Chủ tịch UBND tỉnh kết quả thực hiện.\n"
            "Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.\n")
    facts = extract_body(make_ctx(text))
    assert [(t.id, t.deadline.value if t.deadline else None) for t in facts.tasks] == [("1", "2024-11-30"), ("2", None)]
    assert _roles(facts) == {("sở giáo dục và đào tạo", "leads", "1"), ("các sở, ngành liên quan", "coordinates", "1"),
                             ("sở nội vụ", "supervises", "2"), ("các cơ quan, đơn vị", "implements", "SELF")}


def test_coordination_variants(make_ctx: Ctx) -> None:
    text = ("như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì và phối hợp với Sở Tài chính thực hiện.\n"
            "2. Sở Nội vụ chủ trì, phối hợp các sở, ngành liên quan tổ chức thực hiện.\n"
            "3. Công an tỉnh phối hợp thực hiện.\n")
    facts = extract_body(make_ctx(text))
    assert _roles(facts) == {("sở y tế", "leads", "III.1"), ("sở tài chính", "coordinates", "III.1"),
                             ("sở nội vụ", "leads", "III.2"), ("các sở, ngành liên quan", "coordinates", "III.2"),
                             ("công an tỉnh", "coordinates", "III.3")}
    assert _edges(facts) == {("sở y tế", "coordinates_with", "sở tài chính"),
                             ("sở nội vụ", "coordinates_with", "các sở, ngành liên quan")}


def _after_lead_in(text: str, kind: str) -> DocContext:
    """The frame starts the body at the first numbered item, after the lead-in sentence."""
    start = text.index("\n1.") + 1
    return DocContext(source="snippet.txt", text=text, locality="Nghệ An", locality_level="province",
                      issuer=AgencyRef(name="Sở Y tế", locality="Nghệ An"), kind=kind,
                      body_start=start, body_end=len(text))


DISPATCH = """Kính gửi: Trung tâm Y tế các huyện, thành phố, thị xã.
Thực hiện Công văn số 88/UBND-VX của Ủy ban nhân dân tỉnh, Sở Y tế đề nghị Trung tâm Y tế các huyện, thành phố, thị xã triển khai một số nội dung sau:
1. Hướng dẫn các trạm y tế xã rà soát danh sách trẻ chưa tiêm chủng đầy đủ.
2. Tổng hợp kết quả theo biểu mẫu, báo cáo về Sở Y tế trước ngày 30/6/2025.
3. Phòng Nghiệp vụ Y chủ trì theo dõi, tổng hợp.
"""


def test_dispatch_addressee_carries_out_the_requests() -> None:
    facts = extract_body(_after_lead_in(DISPATCH, "dispatch"))
    roles = _roles(facts)
    centre = "trung tâm y tế các huyện, thành phố, thị xã"
    assert {(centre, "implements", "SELF"), (centre, "implements", "1"), (centre, "implements", "2"),
            ("các trạm y tế", "implements", "1"), ("phòng nghiệp vụ y", "leads", "3")} <= roles
    assert (centre, "implements", "3") not in roles
    assert (centre, "reports_to", "sở y tế") in _edges(facts)


DIRECTIVE_LEAD_IN = """Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, chính quyền các cấp, các cơ quan, đơn vị thực hiện tốt các nhiệm vụ sau:
1. Nâng cao nhận thức của cán bộ, đảng viên về phòng cháy, chữa cháy.
2. Công an huyện chủ trì, phối hợp với các xã kiểm tra an toàn phòng cháy.
"""


def test_directive_lead_in_asks_everyone_for_the_whole_document() -> None:
    roles = _roles(extract_body(_after_lead_in(DIRECTIVE_LEAD_IN, "directive")))
    assert {("các cấp ủy", "implements", "SELF"), ("các cơ quan, đơn vị", "implements", "SELF"),
            ("chính quyền các cấp", "implements", "SELF")} <= roles
    assert not {r for r in roles if r[2] == "1"}


def test_work_after_the_partners_of_a_coordinator_is_not_its_own_duty(make_ctx: Ctx) -> None:
    text = ("Kế hoạch như sau:\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Giao Phòng Tư pháp phối hợp với Phòng Nội vụ theo dõi, kiểm tra việc thực hiện Kế hoạch.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert ("phòng tư pháp", "coordinates", "III.1") in roles
    assert ("phòng tư pháp", "supervises", "III.1") not in roles


def test_a_request_to_a_higher_level_assigns_nothing(make_ctx: Ctx) -> None:
    text = ("Kế hoạch như sau:\nIII. TỔ CHỨC THỰC HIỆN\nĐề nghị Ủy ban nhân dân tỉnh Ninh Bình, Bộ Xây dựng quan tâm "
            "hỗ trợ kinh phí cải tạo đường giao thông nông thôn.\nĐề nghị Phòng Kinh tế huyện rà soát danh mục công "
            "trình.\n")
    facts = extract_body(make_ctx(text, locality="Gia Viễn", level="district", parents=("Ninh Bình",)))
    roles = _roles(facts)
    assert ("phòng kinh tế", "implements", "SELF") in roles or ("phòng kinh tế huyện", "implements", "SELF") in roles
    assert not {r for r in roles if r[0] in ("ủy ban nhân dân tỉnh", "bộ xây dựng")}


def test_a_reports_proposals_assign_nothing(make_ctx: Ctx) -> None:
    """A report's "KIẾN NGHỊ, ĐỀ XUẤT" asks; it assigns no one (blind set 5)."""
    text = ("Báo cáo như sau:\nIV. KIẾN NGHỊ, ĐỀ XUẤT\n1. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Tài chính cân đối, bố "
            "trí kinh phí năm 2025.\n2. Đề nghị Phòng Kinh tế huyện rà soát danh mục công trình.\n")
    facts = extract_body(make_ctx(text, locality="Gia Viễn", level="district", parents=("Ninh Bình",)))
    assert _roles(facts) == set() and facts.tasks == []


def test_the_advised_body_reports_not_its_adviser() -> None:
    text = ("Kính gửi các đơn vị.\nSở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:\n"
            "1. Phòng Kế hoạch - Tài chính chủ trì tổng hợp số liệu, tham mưu Sở báo cáo Ủy ban nhân dân tỉnh "
            "trước ngày 10/7/2025.\n")
    edges = _edges(extract_body(_after_lead_in(text, "dispatch")))
    assert ("sở y tế", "reports_to", "ủy ban nhân dân tỉnh") in edges
    assert not {e for e in edges if e[0] == "phòng kế hoạch - tài chính"}


def test_the_issuers_head_advised_to_report_is_the_issuer_and_asks_without_a_role() -> None:
    """"tham mưu Giám đốc Sở báo cáo …" in the Sở's own plan: the Sở reports; and the closing
    "Giám đốc Sở yêu cầu … thực hiện" gives the issuer no role in its own document (blind set 10)."""
    text = ("Kính gửi các đơn vị.\nSở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:\n"
            "1. Phòng Nghiệp vụ Y chủ trì tổng hợp, tham mưu Giám đốc Sở báo cáo Ủy ban nhân dân tỉnh "
            "trước ngày 10/7/2025.\n"
            "Giám đốc Sở yêu cầu Trưởng các phòng thuộc Sở triển khai thực hiện./.\n")
    facts = extract_body(_after_lead_in(text, "dispatch"))
    edges = _edges(facts)
    assert ("sở y tế", "reports_to", "ủy ban nhân dân tỉnh") in edges
    assert not {e for e in edges if e[0].startswith("giám đốc")}
    assert not {r for r in _roles(facts) if r[0] in ("sở y tế", "giám đốc sở") and r[2] == "SELF"}



def test_an_organization_item_whose_verb_gives_no_role_is_implemented_by_its_agency(make_ctx: Ctx) -> None:
    text = ("Kế hoạch như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Kế hoạch và Đầu tư tham mưu cân đối nguồn vốn đầu tư.\n"
            "2. Sở Nội vụ: Phối hợp với Sở Y tế rà soát biên chế.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert ("sở kế hoạch và đầu tư", "implements", "III.1") in roles
    assert ("sở nội vụ", "coordinates", "III.2") in roles and ("sở nội vụ", "implements", "III.2") not in roles


def test_a_directive_item_whose_verb_gives_no_role_is_implemented_by_its_agency() -> None:
    text = ("Ban Thường vụ Huyện ủy yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau:\n"
            "1. Ban Tổ chức Huyện ủy tham mưu kiện toàn tổ chức bộ máy.\n")
    roles = _roles(extract_body(_after_lead_in(text, "directive")))
    assert ("ban tổ chức huyện ủy", "implements", "1") in roles


def test_villages_are_directed_groups(make_ctx: Ctx) -> None:
    text = ("Kế hoạch như sau:\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Ủy ban nhân dân xã: Chỉ đạo các thôn, tổ dân phố rà soát hộ nghèo.\n")
    roles = _roles(extract_body(make_ctx(text, locality="Nghĩa Đồng", level="commune")))
    assert ("các thôn, tổ dân phố", "implements", "III.1") in roles


def test_work_after_a_given_lead_belongs_to_the_lead_not_the_heading(make_ctx: Ctx) -> None:
    text = ("Kế hoạch như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Ban Thường vụ Huyện đoàn: Giao Văn phòng Huyện đoàn chủ trì, "
            "phối hợp với Ban Phong trào theo dõi, đôn đốc các cơ sở.\n")
    roles = _roles(extract_body(make_ctx(text, locality="Krông Pắc", level="district")))
    assert {("văn phòng huyện đoàn", "leads", "III.1"), ("văn phòng huyện đoàn", "supervises", "III.1"),
            ("ban phong trào", "coordinates", "III.1")} <= roles
    assert not {r for r in roles if r[0] == "ban thường vụ huyện đoàn"}


def test_who_proposed_the_document_is_not_asked_to_carry_it_out() -> None:
    text = ("Xét đề nghị Sở Nội vụ tại Tờ trình số 15/TTr-SNV, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
            "1. Rà soát vị trí việc làm.\n")
    assert not {r for r in _roles(extract_body(_after_lead_in(text, "plan"))) if r[2] == "SELF"}


def test_a_lead_in_wrapped_over_lines_as_in_pdf_text() -> None:
    text = ("Để thực hiện tốt Chỉ thị, Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, chính quyền các\n"
            "cấp, các cơ quan, đơn vị thực hiện tốt các nhiệm vụ sau:\n1. Nâng cao nhận thức.\n")
    roles = _roles(extract_body(_after_lead_in(text, "directive")))
    assert {("các cấp ủy", "implements", "SELF"), ("chính quyền các cấp", "implements", "SELF")} <= roles


def test_responsibility_takes_the_role_of_the_duty_verb_after_it(make_ctx: Ctx) -> None:
    """"chịu trách nhiệm kiểm tra" is a supervising duty; "chịu trách nhiệm" alone is the work itself."""
    text = ("như sau:\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Nội vụ các huyện chịu trách nhiệm kiểm tra tính chính xác của số liệu trước khi gửi.\n"
            "2. Phòng Tài chính các huyện chịu trách nhiệm về số liệu báo cáo.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert (norm_key("Phòng Nội vụ các huyện"), "supervises", "III.1") in roles
    assert (norm_key("Phòng Nội vụ các huyện"), "implements", "III.1") not in roles
    assert (norm_key("Phòng Tài chính các huyện"), "implements", "III.2") in roles


def test_a_report_addressed_late_in_its_clause(make_ctx: Ctx) -> None:
    """"báo cáo kết quả … (theo đề cương gửi kèm) và kết quả thực hiện Công văn này về Sở …": the
    addressee comes 120 characters after the verb (blind set 4), but never from the next clause."""
    text = ("như sau:\n5. Ủy ban nhân dân các xã, phường ven biển báo cáo kết quả 18 tháng thực hiện Chỉ thị số "
            "32-CT/TW (theo đề cương gửi kèm) và kết quả thực hiện Công văn này về Sở Nông nghiệp và Môi trường "
            "(qua Chi cục Thủy sản) trước ngày 25/10/2025.\n"
            "6. Các trường học báo cáo kết quả thực hiện; Sở Tài chính bố trí kinh phí.\n")
    edges = _edges(extract_body(make_ctx(text)))
    assert (norm_key("Ủy ban nhân dân các xã, phường ven biển"), "reports_to",
            norm_key("Sở Nông nghiệp và Môi trường")) in edges
    assert not any(src == norm_key("các trường học") for src, _, _ in edges)


def test_a_duty_given_before_the_agency_leads_stays(make_ctx: Ctx) -> None:
    """"X xây dựng kế hoạch …, hoàn thành …; chủ trì, phối hợp … giám sát": the plan is X's own task
    (blind sets 4 and 5); "X chủ trì, phối hợp … tổ chức …" and what follows give no implements (seeds)."""
    text = ("như sau:\nIV. TỔ CHỨC THỰC HIỆN\n4. Hội Liên hiệp Phụ nữ huyện xây dựng kế hoạch thực hiện, hoàn thành "
            "trước ngày 30/6/2023; chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam huyện giám sát việc "
            "thực hiện chính sách.\n5. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Ban Dân vận Huyện ủy tổ chức "
            "hướng dẫn học tập. Đồng thời, phối hợp chỉ đạo, định hướng thông tin, tuyên truyền.\n")
    roles = _roles(extract_body(make_ctx(text)))
    women = norm_key("Hội Liên hiệp Phụ nữ")
    assert {(women, "implements", "IV.4"), (women, "leads", "IV.4"), (women, "supervises", "IV.4")} <= roles
    assert (norm_key("Ban Tuyên giáo Huyện ủy"), "leads", "IV.5") in roles
    assert not any(t == "IV.5" and r == "implements" for _, r, t in roles)


def test_a_broadcaster_after_a_newspaper_is_a_second_recipient() -> None:
    """"Báo Ninh Thuận, Đài Phát thanh và Truyền hình Ninh Thuận": two agencies (blind set 5)."""
    from dirgraph.ingest.agency_lists import split_agency_list

    assert split_agency_list("Báo Ninh Thuận, Đài Phát thanh và Truyền hình Ninh Thuận") == [
        "Báo Ninh Thuận", "Đài Phát thanh và Truyền hình Ninh Thuận"]


@pytest.mark.parametrize("closing", [
    "Ban Thường vụ Thành ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.",
    "Văn phòng Tỉnh ủy truyền đạt ý kiến chỉ đạo của Thường trực Tỉnh ủy để các cơ quan, đơn vị liên quan biết, "
    "thực hiện.",
])
def test_the_know_and_carry_out_closing(make_ctx: Ctx, closing: str) -> None:
    """"… để X biết, thực hiện." closes the document: X implements it, the writer takes no role
    (blind sets 5 and 6)."""
    text = f"như sau:\n1. Giao Văn phòng Thành ủy theo dõi việc thực hiện.\n{closing}\n"
    roles = _roles(extract_body(make_ctx(text)))
    assert (norm_key("các cơ quan, đơn vị liên quan"), "implements", "SELF") in roles
    assert not any(task == "SELF" and agency != norm_key("các cơ quan, đơn vị liên quan") for agency, _, task in roles)


LABELLED = """như sau:
I. NHIỆM VỤ CỤ THỂ
1. Rà soát, hệ thống hóa văn bản quy phạm pháp luật
Lập danh mục văn bản cần sửa đổi, bổ sung.
- Đơn vị chủ trì: Vụ Pháp chế.
- Đơn vị phối hợp: các Cục quản lý chuyên ngành.
- Thời hạn hoàn thành: tháng 9/2025.
2. Xây dựng văn bản quy định chi tiết các luật có hiệu lực trong năm 2025
- Cơ quan chủ trì: Văn phòng Bộ.
- Cơ quan phối hợp: Vụ Pháp chế; Báo Nông nghiệp và Môi trường.
- Thời hạn hoàn thành: Quý IV/2025.
"""


def test_labelled_lead_and_partner_lines(make_ctx: Ctx) -> None:
    """A ministry plan gives each task "Đơn vị chủ trì: X", "Đơn vị phối hợp: Y; Z" and "Thời hạn hoàn
    thành: …" lines (blind sets 8 and 9): read like a task table's columns, and the labelled time
    wins over a year the task's own words mention."""
    facts = extract_body(make_ctx(LABELLED))
    assert _roles(facts) == {
        (norm_key("Vụ Pháp chế"), "leads", "I.1"), (norm_key("các Cục quản lý chuyên ngành"), "coordinates", "I.1"),
        (norm_key("Văn phòng Bộ"), "leads", "I.2"), (norm_key("Vụ Pháp chế"), "coordinates", "I.2"),
        (norm_key("Báo Nông nghiệp và Môi trường"), "coordinates", "I.2"),
    }
    assert _edges(facts) == {
        (norm_key("Vụ Pháp chế"), "coordinates_with", norm_key("các Cục quản lý chuyên ngành")),
        (norm_key("Văn phòng Bộ"), "coordinates_with", norm_key("Vụ Pháp chế")),
        (norm_key("Văn phòng Bộ"), "coordinates_with", norm_key("Báo Nông nghiệp và Môi trường")),
    }
    deadlines = {t.id: t.deadline.value if t.deadline else None for t in facts.tasks}
    assert deadlines == {"I.1": "2025-09", "I.2": "2025-Q4"}


@pytest.mark.parametrize(("label", "role"), role_labels())
def test_every_role_label(label: str, role: str) -> None:
    from dirgraph.ingest.body.lines import Line
    from dirgraph.ingest.body.role_labels import labelled_duties

    text = f"- Đơn vị {label}: Sở Tư pháp; Công an tỉnh."
    duties = labelled_duties(Line(0, len(text), text, ((0, 0),)))
    assert duties is not None and [(d.agency, d.role) for d in duties] == [("Sở Tư pháp", role), ("Công an tỉnh", role)]


@pytest.mark.parametrize("verb", ["yêu cầu", "đề nghị", "giao"])
def test_the_issuer_turning_to_everyone_after_the_last_item(make_ctx: Ctx, verb: str) -> None:
    """"Ủy ban nhân dân tỉnh yêu cầu thủ trưởng các sở, ngành … triển khai thực hiện." after the last item
    speaks for the document, not for that item (blind set 9)."""
    text = ("như sau:\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
            f"Ủy ban nhân dân tỉnh {verb} thủ trưởng các sở, ngành nghiêm túc triển khai thực hiện.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert (norm_key("thủ trưởng các sở, ngành"), "implements", "SELF") in roles
    assert not any(task == "III.1" and name.startswith("thủ trưởng") for name, _, task in roles)


def test_a_clause_naming_its_own_agencies_and_the_document_speaking_of_itself(make_ctx: Ctx) -> None:
    """Blind set 9: "Đề nghị X giám sát …; Y, Z thực hiện tốt …" gives Y and Z the second duty, and a
    paragraph after the last item opening "Kế hoạch này thay thế …. Yêu cầu …" is the document's."""
    text = ("như sau:\nV. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện giám sát việc thực hiện "
            "chính sách; Hội Nông dân huyện, Huyện đoàn thực hiện tốt các nội dung nhận ủy thác.\n"
            "Kế hoạch này thay thế Kế hoạch số 87/KH-UBND ngày 15/9/2021. Yêu cầu Thủ trưởng các cơ quan, đơn vị "
            "triển khai thực hiện.\n")
    roles = _roles(extract_body(make_ctx(text)))
    assert {(norm_key("Hội Nông dân"), "implements", "V.1"), (norm_key("Huyện đoàn"), "implements", "V.1"),
            (norm_key("Thủ trưởng các cơ quan, đơn vị"), "implements", "SELF")} <= roles
    assert (norm_key("Ủy ban Mặt trận Tổ quốc Việt Nam"), "implements", "V.1") not in roles


NOTICE = """như sau:
1. Đánh giá chung
Đồng chí ghi nhận sự cố gắng của Sở Nông nghiệp và Phát triển nông thôn.
2. Nhiệm vụ trọng tâm thời gian tới
Đề nghị Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Sở Nông nghiệp và Phát triển nông thôn và các cơ quan liên quan tập trung thực hiện tốt các nội dung sau:
a) Rà soát các chỉ tiêu của Chương trình hành động.
3. Về các đề xuất, kiến nghị của Sở Nông nghiệp và Phát triển nông thôn
a) Về đề xuất bổ sung biên chế cho Chi cục Kiểm lâm: giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ nghiên cứu.
b) Về đề xuất sửa đổi Nghị quyết: giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tư pháp hoàn thiện hồ sơ.
4. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo này.
"""


def test_a_conclusions_notice(make_ctx: Ctx) -> None:
    """A Thông báo kết luận (blind set 8): after "1. Đánh giá chung" and "2. Nhiệm vụ …", the items
    "3. Về các đề xuất …" and "4. Giao …" are directions; a topic before the colon ("Về đề xuất …:")
    does not hide the duty after it; "lãnh đạo, chỉ đạo X và Y … thực hiện" hands the duty down."""
    facts = extract_body(make_ctx(NOTICE))
    assert [t.id for t in facts.tasks] == ["2", "2.a", "3", "3.a", "3.b", "4"]
    roles = _roles(facts)
    assert {(norm_key("Sở Nông nghiệp và Phát triển nông thôn"), "implements", "2"),
            (norm_key("các cơ quan liên quan"), "implements", "2"),
            (norm_key("Ban Tổ chức Tỉnh ủy"), "leads", "3.a"), (norm_key("Sở Nội vụ"), "coordinates", "3.a"),
            (norm_key("Sở Tư pháp"), "coordinates", "3.b"),
            (norm_key("Văn phòng Tỉnh ủy"), "supervises", "4")} <= roles


def test_state_groups_and_corporations_are_agencies() -> None:
    """"Tập đoàn Điện lực Việt Nam, Tập đoàn … và Tổng công ty …" in a Government programme: each
    corporation is an agency of its own (blind set 12)."""
    text = ("Chính phủ yêu cầu các bộ, ngành thực hiện các nhiệm vụ sau:\n"
            "1. Tập đoàn Điện lực Việt Nam, Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam và Tổng công ty "
            "Đường sắt Việt Nam xây dựng kế hoạch của doanh nghiệp; báo cáo kết quả về Bộ Công Thương.\n")
    facts = extract_body(_after_lead_in(text, "directive"))
    assert {r[0] for r in _roles(facts)} >= {"tập đoàn điện lực việt nam",
                                            "tập đoàn công nghiệp - năng lượng quốc gia việt nam",
                                            "tổng công ty đường sắt việt nam"}


def test_a_ministry_whose_name_holds_a_cue_word_leads() -> None:
    """"Bộ Ngoại giao chủ trì …": "giao" (assigns) is part of the ministry's name (blind set 12)."""
    text = ("Chính phủ yêu cầu các bộ, ngành thực hiện các nhiệm vụ sau:\n1. Mở rộng hợp tác quốc tế\n"
            "Bộ Ngoại giao chủ trì, phối hợp với Bộ Công Thương vận động các đối tác; hoàn thành trong năm 2026.\n")
    facts = extract_body(_after_lead_in(text, "directive"))
    assert ("bộ ngoại giao", "leads", "1") in _roles(facts)


def test_a_regulations_articles_without_clauses_are_tasks_of_their_own() -> None:
    """"Điều 6. Phối hợp giải quyết khiếu nại, tố cáo" then one paragraph: task 6, with the roles its
    paragraph gives, the last article too (blind set 11)."""
    from dirgraph.ingest.body import extract_body

    text = ("Chương II\nNỘI DUNG VÀ TRÁCH NHIỆM PHỐI HỢP\nĐiều 5. Trách nhiệm của Ủy ban nhân dân tỉnh\n"
            "1. Chỉ đạo các sở tạo điều kiện cho Mặt trận giám sát.\n"
            "Điều 6. Phối hợp giải quyết khiếu nại, tố cáo\nBan Tiếp công dân tỉnh chủ trì, phối hợp với Thanh tra "
            "tỉnh theo dõi việc giải quyết đơn thư.\nChương III\nTỔ CHỨC THỰC HIỆN\nĐiều 7. Sửa đổi, bổ sung Quy chế\n"
            "Trường hợp cần sửa đổi, Văn phòng Ủy ban nhân dân tỉnh chủ trì tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n")
    ctx = DocContext(source="q.txt", text=text, locality="Thái Nguyên", locality_level="province",
                     issuer=AgencyRef(name="Ủy ban nhân dân tỉnh", locality="Thái Nguyên"), kind="regulation",
                     body_start=0, body_end=len(text))
    facts = extract_body(ctx)
    assert {"5.1", "6", "7"} <= {t.id for t in facts.tasks}
    roles = _roles(facts)
    assert ("ban tiếp công dân", "leads", "6") in roles and ("thanh tra", "coordinates", "6") in roles
    assert ("văn phòng ủy ban nhân dân tỉnh", "leads", "7") in roles


def test_the_closing_charge_after_the_last_direction_is_the_documents() -> None:
    """A Prime Minister's directive closes "Bộ trưởng, Thủ trưởng …, Chủ tịch … chịu trách nhiệm thi
    hành Chỉ thị này": they carry out the directive, not its last item; and "Hiệp hội X và các hiệp hội
    ngành hàng" are two agencies (blind set 12)."""
    text = ("Thủ tướng Chính phủ yêu cầu các bộ, ngành thực hiện các nhiệm vụ sau:\n"
            "1. Đề nghị Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam và các hiệp hội ngành hàng phối hợp với Bộ Tài "
            "chính tuyên truyền cho hộ kinh doanh.\n"
            "2. Giao Bộ Tài chính theo dõi, tổng hợp tình hình thực hiện Chỉ thị này.\n"
            "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung "
            "ương chịu trách nhiệm thi hành Chỉ thị này./.\n")
    roles = _roles(extract_body(_after_lead_in(text, "directive")))
    assert ("thủ trưởng cơ quan ngang bộ", "implements", "SELF") in roles
    assert not {r for r in roles if r[2] == "2" and r[0] != "bộ tài chính"}
    assert {("hiệp hội doanh nghiệp nhỏ và vừa việt nam", "coordinates", "1"),
            ("các hiệp hội ngành hàng", "coordinates", "1")} <= roles
