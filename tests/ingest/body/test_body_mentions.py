"""Agency mentions in running text: where they start, where they end, how lists split."""

from __future__ import annotations

import pytest

from dirgraph.ingest.body.mentions import mention_end, split_mentions
from dirgraph.ingest.tables import load_table


def _mention(text: str) -> str | None:
    end = mention_end(text, 0)
    return None if end is None else text[:end]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Ban Tuyên giáo Thành ủy chủ trì, phối hợp với các cơ quan", "Ban Tuyên giáo Thành ủy"),
        ("Các quận ủy, huyện ủy, đảng đoàn và đảng ủy trực thuộc Thành ủy theo chức năng, nhiệm vụ",
         "Các quận ủy, huyện ủy, đảng đoàn và đảng ủy trực thuộc Thành ủy"),
        ("Sở Xây dựng, UBND các huyện tổ chức thực hiện", "Sở Xây dựng, UBND các huyện"),
        ("thủ trưởng các đơn vị căn cứ chức năng, nhiệm vụ", "thủ trưởng các đơn vị"),
        ("Ban Thường vụ Đảng ủy và tỉnh theo quy định", "Ban Thường vụ Đảng ủy"),
        ("Các chi bộ; MTTQ, các đoàn thể huyện tổ chức quán triệt; cụ thể hóa", "Các chi bộ; MTTQ, các đoàn thể huyện"),
        ("Sở Y tế trước ngày 15/12 hằng năm", "Sở Y tế"),
        ("Trường hợp cần thiết", None),
        ("Báo cáo kết quả", None),
        ("Công an phường làm việc với các hộ gia đình", "Công an phường"),
        ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh điều tra, xử lý các vụ việc", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        ("Ủy ban nhân dân các xã vùng cao rà soát", "Ủy ban nhân dân các xã vùng cao"),
        ("Ban Thường vụ tỉnh ủy chỉ đạo", "Ban Thường vụ tỉnh ủy"),
        ("Công an tỉnh Đắk Lắk và Ủy ban nhân dân huyện Ứng Hòa", "Công an tỉnh Đắk Lắk và Ủy ban nhân dân huyện Ứng Hòa"),
        ("Sở Công Thương đưa nội dung vào chương trình", "Sở Công Thương"),
        # a plural group keeps "trên địa bàn" (blind sets 3 and 4; see test_a_plural_group_keeps_where_it_is)
        ("các trường trung học phổ thông trên địa bàn tỉnh tổ chức", "các trường trung học phổ thông trên địa bàn tỉnh"),
        # a school's people and boards, then what they do (blind set 13)
        ("giáo viên chủ nhiệm nắm bắt tâm lý học sinh", "giáo viên chủ nhiệm"),
        ("Ban đại diện cha mẹ học sinh phát hiện, báo tin", "Ban đại diện cha mẹ học sinh"),
        ("Vụ Dầu khí và Than cập nhật dự báo cung cầu điện", "Vụ Dầu khí và Than"),
        ("Bộ Tài chính đánh giá tác động của chính sách", "Bộ Tài chính"),
        ("các tổ chức tín dụng đơn giản hóa hồ sơ vay vốn", "các tổ chức tín dụng"),
        ("Báo và Phát thanh, Truyền hình Vĩnh Long đăng tải tin, bài", "Báo và Phát thanh, Truyền hình Vĩnh Long"),
        # a plural group, then its verb (blind set 8)
        ("Công an các huyện, thị xã, thành phố đấu tranh, triệt phá các đường dây", "Công an các huyện, thị xã, thành phố"),
        ("các Chi cục Thuế khu vực kiểm soát chặt chẽ sản lượng khai thác", "các Chi cục Thuế khu vực"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì", "Trung tâm Kiểm soát bệnh tật tỉnh"),
        # a board named with a capital after "Ban" (blind set 13); "ban hành" is no agency
        ("Ban Gia đình - Xã hội Hội LHPN tỉnh chủ trì, phối hợp", "Ban Gia đình - Xã hội Hội LHPN tỉnh"),
        ("Ban hành Kế hoạch thực hiện", None),
        # an urgent dispatch's adverbs and verbs (blind set 11)
        ("các cơ quan, đơn vị, địa phương tuyệt đối không lơ là", "các cơ quan, đơn vị, địa phương"),
        ("Các tổ dân phố thành lập Tổ liên gia an toàn", "Các tổ dân phố"),
        ("các cơ quan báo chí của tỉnh định hướng công tác tuyên truyền", "các cơ quan báo chí của tỉnh"),
        ("các cấp ủy, tổ chức đảng trong tỉnh tập trung lãnh đạo", "các cấp ủy, tổ chức đảng trong tỉnh"),
        ("Chủ tịch Ủy ban nhân dân đặc khu Vân Đồn, đặc khu Cô Tô hoàn thành việc đưa khách",
         "Chủ tịch Ủy ban nhân dân đặc khu Vân Đồn, đặc khu Cô Tô"),
        # "quản lý" is no cue: names hold it ("Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp")
        ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"),
    ],
)
def test_mention_bounds(text: str, mention: str | None) -> None:
    assert _mention(text) == mention


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Sở Giáo dục và Đào tạo, Sở Lao động, Thương binh và Xã hội",
         ["Sở Giáo dục và Đào tạo", "Sở Lao động, Thương binh và Xã hội"]),
        ("Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội",
         ["Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"]),
        ("Sở Kế hoạch và Đầu tư; các sở, ngành, địa phương liên quan",
         ["Sở Kế hoạch và Đầu tư", "các sở, ngành, địa phương liên quan"]),
        ("Trung tâm Văn hóa, Thông tin và Thể thao", ["Trung tâm Văn hóa, Thông tin và Thể thao"]),
        ("Các quận ủy, huyện ủy, ban cán sự đảng", ["Các quận ủy, huyện ủy, ban cán sự đảng"]),
        # the joint office of the council and the committee is one body
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Công an huyện",
         ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Công an huyện"]),
        ("Văn phòng HĐND và UBND phường", ["Văn phòng HĐND và UBND phường"]),
        ("các trường học, Trưởng các khu phố", ["các trường học", "Trưởng các khu phố"]),
    ],
)
def test_lists_split_where_an_agency_starts(text: str, parts: list[str]) -> None:
    assert split_mentions(text) == parts


@pytest.mark.parametrize("text", ["Thanh tra, kiểm tra việc thực hiện", "Hội nghị sơ kết được tổ chức", "Ban hành quy chế"])
def test_verbs_and_events_are_not_agencies(text: str) -> None:
    assert _mention(text) is None


def test_inspectorate_is_an_agency() -> None:
    assert _mention("Thanh tra tỉnh chủ trì kiểm tra") == "Thanh tra tỉnh"


def test_a_dash_sets_off_the_duty() -> None:
    assert _mention("Sở Y tế - Chủ trì, phối hợp với các sở") == "Sở Y tế"
    assert _mention("Sở Xây dựng chủ trì") == "Sở Xây dựng"


def _group_rows(kind: str) -> list[str]:
    from importlib import resources

    text = resources.files("dirgraph.ingest.data").joinpath("agency_groups.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row[0].strip() for row in rows if row[1].strip() == kind]


@pytest.mark.parametrize("group", _group_rows("group"))
def test_every_plural_group_starts_a_mention(group: str) -> None:
    text = f"các {group} liên quan chủ trì thực hiện"
    assert _mention(text) == f"các {group} liên quan"


@pytest.mark.parametrize("head", _group_rows("head"))
def test_every_head_starts_a_mention(head: str) -> None:
    text = f"{head} Quảng Ninh chủ trì thực hiện"
    assert _mention(text) == f"{head} Quảng Ninh"


@pytest.mark.parametrize(
    ("text", "mention"),
    [("Sở Nội vụ Chủ trì, phối hợp với Sở Tài chính", "Sở Nội vụ"), ("Ban Chỉ đạo tỉnh chủ trì", "Ban Chỉ đạo tỉnh"),
     ("Phòng Tư pháp, Sở Xây dựng tổ chức thực hiện", "Phòng Tư pháp, Sở Xây dựng")],
)
def test_capitalised_cues_inside_names(text: str, mention: str) -> None:
    assert _mention(text) == mention


@pytest.mark.parametrize(("text", "name"), [
    ("Tổ chuyên môn Phòng Chủ trì, phối hợp với Công an huyện tổ chức tập huấn", "Tổ chuyên môn Phòng"),
    ("Tổ công tác liên ngành chủ trì kiểm tra", "Tổ công tác liên ngành"),
    ("Tổ chức hội nghị quán triệt", None),  # the verb "tổ chức", not a team
])
def test_a_team_is_an_agency(text: str, name: str | None) -> None:
    """A school office's or a district's team ("Tổ chuyên môn", blind set 6) carries duties."""
    end = mention_end(text, 0)
    assert (text[:end] if end else None) == name


def test_council_deputies_are_a_group_of_their_own() -> None:
    """A resolution's supervisors: the deputies after "và" are a written group (blind set 6)."""
    text = "các Tổ đại biểu Hội đồng nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh"
    assert split_mentions(text) == ["các Tổ đại biểu Hội đồng nhân dân tỉnh", "đại biểu Hội đồng nhân dân tỉnh"]


@pytest.mark.parametrize("office", _group_rows("joint"))
def test_every_joint_office_stays_one_agency(office: str) -> None:
    text = f"{office} và Ủy ban nhân dân xã, Công an xã"
    assert split_mentions(text) == [f"{office} và Ủy ban nhân dân xã", "Công an xã"]


@pytest.mark.parametrize("compound", [row[0] for row in load_table("noun_compounds.tsv")])
def test_a_cue_inside_a_noun_compound_does_not_end_the_name(compound: str) -> None:
    """"Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện" is one body: "thường xuyên"
    (an adverb cue elsewhere) is part of its name."""
    text = f"Trung tâm Đào tạo {compound} huyện chủ trì thực hiện."
    assert text[: mention_end(text, 0)] == f"Trung tâm Đào tạo {compound} huyện"


@pytest.mark.parametrize(("text", "name"), [
    ("Sở Y tế trong việc bố trí kinh phí", "Sở Y tế"),
    ("Sở Y tế trong quá trình thực hiện", "Sở Y tế"),
    ("Sở Nội vụ trong công tác cán bộ", "Sở Nội vụ"),
    ("các đơn vị trong khối giáo dục chủ trì", "các đơn vị trong khối giáo dục"),  # the seed gold's name
])
def test_trong_viec_ends_a_name_but_trong_khoi_does_not(text: str, name: str) -> None:
    assert text[: mention_end(text, 0)] == name


@pytest.mark.parametrize("name", [row[0] for row in load_table("whole_agencies.tsv")])
def test_every_whole_name_stays_one_agency_in_a_list(name: str) -> None:
    """"Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" (a post-2025 Party committee) is one body, though
    its "các đoàn thể" would start another agency after a comma (blind set 3)."""
    text = f"Ban Tuyên giáo và Dân vận Tỉnh ủy, {name} tỉnh và Ủy ban Kiểm tra Tỉnh ủy"
    assert split_mentions(text) == ["Ban Tuyên giáo và Dân vận Tỉnh ủy", f"{name} tỉnh", "Ủy ban Kiểm tra Tỉnh ủy"]


def test_a_front_and_the_mass_organisations_are_still_two_agencies() -> None:
    assert split_mentions("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể tỉnh") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các đoàn thể tỉnh"]


@pytest.mark.parametrize(("text", "name"), [
    ("Ban Tổ chức Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết", "Ban Tổ chức Tỉnh ủy"),  # blind set 4
    ("Sở Nội vụ tổ chức hội thi tìm hiểu pháp luật", "Sở Nội vụ"),
    ("các tổ chức hội thành viên tham gia", "các tổ chức hội thành viên"),
])
def test_holding_a_conference_is_a_verb_an_association_is_a_noun(text: str, name: str) -> None:
    assert text[: mention_end(text, 0)] == name


def test_a_school_level_abbreviation_does_not_start_an_agency() -> None:
    """"Hiệu trưởng các trường mầm non, tiểu học, THCS": THCS is a school level, not a body (blind set 6);
    "UBND" still starts one."""
    assert split_mentions("Hiệu trưởng các trường mầm non, tiểu học, THCS") == [
        "Hiệu trưởng các trường mầm non, tiểu học, THCS"]
    assert split_mentions("Sở Nội vụ, UBND các huyện") == ["Sở Nội vụ", "UBND các huyện"]


@pytest.mark.parametrize(("text", "name"), [
    ("các tổ chức tín dụng trên địa bàn tỉnh triển khai thanh toán", "các tổ chức tín dụng trên địa bàn tỉnh"),
    ("các doanh nghiệp trên địa bàn phối hợp", "các doanh nghiệp trên địa bàn"),
    ("Sở Y tế trên địa bàn tỉnh", "Sở Y tế"),  # a singular body: the phrase is the clause's, not its name
])
def test_a_plural_group_keeps_where_it_is(text: str, name: str) -> None:
    """"các tổ chức tín dụng trên địa bàn": which ones (blind sets 3 and 4, and the held-out set's
    "Các tổ chức tín dụng trên địa bàn"); the name ends right after it."""
    assert text[: mention_end(text, 0)] == name


@pytest.mark.parametrize(("text", "name"), [
    ("Vụ Pháp chế là đầu mối, chủ trì", "Vụ Pháp chế"),  # a ministry's department (blind set 9)
    ("Khoa Dinh dưỡng chủ trì", "Khoa Dinh dưỡng"),  # a hospital's department
    ("Khoa học công nghệ là động lực", None),
    ("vụ việc phát sinh", None),
    ("Vụ việc phát sinh được xử lý", None),
])
def test_proper_heads_only_with_a_capital(text: str, name: str | None) -> None:
    end = mention_end(text, 0)
    assert (text[:end] if end else None) == name
