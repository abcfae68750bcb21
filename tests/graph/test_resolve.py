"""Entity resolution: documents, agencies, localities, tasks merged from several records."""

from __future__ import annotations

from graph_fixtures import KL91, agency, central_conclusion, province_plan, record

from dirgraph.graph.model import AgencyNode, DocumentNode, EdgeType, Graph, Level, LocalityNode
from dirgraph.graph.resolve import resolve


def _docs(g: Graph) -> dict[str, DocumentNode]:
    return {n.id: n for n in g.nodes.values() if isinstance(n, DocumentNode)}


def _edge(g: Graph, etype: EdgeType, source: str, target: str) -> bool:
    return f"{etype.value}|{source}|{target}" in g.edges


def test_placeholder_merges_when_its_file_arrives() -> None:
    before = resolve([province_plan()])
    assert _docs(before)["doc-91-kl-tw-2024"].placeholder
    after = resolve([province_plan(), central_conclusion()])
    kl = _docs(after)["doc-91-kl-tw-2024"]
    assert not kl.placeholder and kl.source == "kl-91.txt"
    assert len([d for d in _docs(after).values() if d.number == "91-KL/TW"]) == 1
    assert _edge(after, EdgeType.CONTINUES, "doc-91-kl-tw-2024", "doc-29-nq-tw-2013")


def test_central_party_number_alone_identifies_a_document() -> None:
    undated = {**KL91, "date": None, "issuer": None}
    g = resolve([province_plan(), record("other.txt", documents=[undated],
                                         relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])])
    assert [d.id for d in _docs(g).values() if d.number == "91-KL/TW"] == ["doc-91-kl-tw-2024"]


def test_same_state_number_of_two_issuers_stays_two_documents() -> None:
    g = resolve([province_plan("a.txt", "Hải Phòng"), province_plan("b.txt", "Cần Thơ")])
    numbered = sorted(d.id for d in _docs(g).values() if d.number == "298/KH-UBND")
    assert numbered == ["doc-298-kh-ubnd--can-tho-2024", "doc-298-kh-ubnd--hai-phong-2024"]


def test_same_state_number_in_another_year_stays_two_documents() -> None:
    g = resolve([province_plan("a.txt", date="2024-12-30"), province_plan("b.txt", date="2025-03-01")])
    assert len([d for d in _docs(g).values() if d.number == "298/KH-UBND"]) == 2


def test_reference_without_year_merges_with_the_ingested_document() -> None:
    ref = {"key": "298/KH-UBND", "kind": "plan", "number": "298/KH-UBND", "date": None,
           "issuer": agency("Ủy ban nhân dân thành phố", "Hải Phòng")}
    dept = record("sgd.txt", issuer=agency("Sở Giáo dục và Đào tạo", "Hải Phòng"), date="2025-01-10",
                  documents=[ref], relations=[{"source": "SELF", "type": "implements", "target": "298/KH-UBND"}])
    g = resolve([province_plan(), dept])
    plan = _docs(g)["doc-298-kh-ubnd--hai-phong-2024"]
    assert not plan.placeholder
    sgd = next(d for d in _docs(g).values() if d.source == "sgd.txt")
    assert _edge(g, EdgeType.IMPLEMENTS, sgd.id, plan.id)
    assert sgd.level is Level.DEPARTMENT and plan.level is Level.PROVINCE


def test_unnumbered_congress_resolution_merges_across_records() -> None:
    congress = {"key": "Nghị quyết Đại hội XIII", "kind": "resolution", "number": None, "date": None,
                "issuer": agency("Đại hội XIII của Đảng")}
    rel = [{"source": "SELF", "type": "implements", "target": "Nghị quyết Đại hội XIII"}]
    g = resolve([record("a.txt", documents=[congress], relations=rel, issuer=agency("Tỉnh ủy", "Nghệ An")),
                 record("b.txt", documents=[congress], relations=rel, issuer=agency("Tỉnh ủy", "Lai Châu"))])
    congresses = [d for d in _docs(g).values() if d.kind.value == "Resolution"]
    assert len(congresses) == 1 and congresses[0].placeholder


def test_agencies_of_two_provinces_stay_two() -> None:
    g = resolve([province_plan("a.txt", "Hải Phòng"), province_plan("b.txt", "Cần Thơ")])
    depts = sorted(n.id for n in g.nodes.values() if isinstance(n, AgencyNode) and n.name == "Sở Giáo dục và Đào tạo")
    assert depts == ["agency-so-giao-duc-va-dao-tao--can-tho", "agency-so-giao-duc-va-dao-tao--hai-phong"]


def test_department_is_part_of_the_peoples_committee_of_its_province() -> None:
    g = resolve([province_plan()])
    assert _edge(g, EdgeType.PART_OF, "agency-so-giao-duc-va-dao-tao--hai-phong", "agency-uy-ban-nhan-dan--hai-phong")
    assert _edge(g, EdgeType.LOCATED_IN, "agency-so-giao-duc-va-dao-tao--hai-phong", "loc-hai-phong")
    committee = g.nodes["agency-uy-ban-nhan-dan--hai-phong"]
    assert isinstance(committee, AgencyNode) and committee.name == "Ủy ban nhân dân thành phố"


def test_tasks_subtasks_roles_and_targets() -> None:
    g = resolve([province_plan()])
    doc = "doc-298-kh-ubnd--hai-phong-2024"
    task, sub = f"task-{doc[4:]}-ii-1", f"task-{doc[4:]}-ii-1-a"
    assert _edge(g, EdgeType.HAS_TASK, doc, task)
    assert _edge(g, EdgeType.SUBTASK_OF, sub, task)
    assert _edge(g, EdgeType.LEADS, "agency-so-giao-duc-va-dao-tao--hai-phong", task)
    assert _edge(g, EdgeType.COORDINATES, "agency-so-tai-chinh--hai-phong", task)
    assert _edge(g, EdgeType.IMPLEMENTS_TASK, "agency-so-giao-duc-va-dao-tao--hai-phong", doc)
    assert _edge(g, EdgeType.HAS_TARGET, task, f"target-{doc[4:]}-1")
    assert g.nodes[task].deadline_date == "2025-06-30"  # type: ignore[union-attr]


def test_one_relation_per_pair_keeps_the_strongest() -> None:
    weak = record("c.txt", issuer=agency("Tỉnh ủy", "Nghệ An"), date="2025-02-01",
                  documents=[{"key": "298/KH-UBND", "kind": "plan", "number": "298/KH-UBND", "date": "2024-12-30",
                              "issuer": agency("Ủy ban nhân dân thành phố", "Hải Phòng")}, KL91],
                  relations=[{"source": "298/KH-UBND", "type": "cites", "target": "91-KL/TW"}])
    g = resolve([province_plan(), weak])
    types = {e.type for e in g.edges.values()
             if (e.source, e.target) == ("doc-298-kh-ubnd--hai-phong-2024", "doc-91-kl-tw-2024")}
    assert types == {EdgeType.IMPLEMENTS}


def test_localities_hierarchy_and_2025_merger(seed_graph: Graph) -> None:
    commune = seed_graph.nodes["loc-phuong-hung-dong--vinh--nghe-an"]
    assert isinstance(commune, LocalityNode) and commune.level is not None and commune.level.value == "commune"
    assert _edge(seed_graph, EdgeType.WITHIN, "loc-phuong-hung-dong--vinh--nghe-an", "loc-thanh-pho-vinh--nghe-an")
    assert _edge(seed_graph, EdgeType.WITHIN, "loc-thanh-pho-vinh--nghe-an", "loc-nghe-an")
    assert _edge(seed_graph, EdgeType.MERGED_INTO, "loc-phuong-hung-dong--vinh--nghe-an",
                 "loc-phuong-vinh-hung--nghe-an")


def test_pre_2025_province_merges_into_todays_province() -> None:
    g = resolve([province_plan("hd.txt", "Hải Dương")])
    assert _edge(g, EdgeType.MERGED_INTO, "loc-hai-duong", "loc-hai-phong")


def test_same_place_name_resolved_by_the_record_context(seed_graph: Graph) -> None:
    # "Tam Đường" is a district and a township; the Huyện ủy's plan is the district's.
    doc = next(n for n in seed_graph.nodes.values()
               if isinstance(n, DocumentNode) and not n.placeholder and n.locality_name == "Tam Đường")
    assert doc.locality_id == "loc-huyen-tam-duong--lai-chau" and doc.level is Level.DISTRICT


def test_seed_resolution_is_deterministic(seed_records: list) -> None:  # type: ignore[type-arg]
    a, b = resolve(seed_records), resolve(list(reversed(seed_records)))
    assert a.model_dump() == b.model_dump()


def test_same_board_name_in_two_provinces_stays_two(seed_graph: Graph) -> None:
    boards = sorted(n.id for n in seed_graph.nodes.values()
                    if isinstance(n, AgencyNode) and n.name == "Ban Tuyên giáo Thành ủy")
    assert "agency-ban-tuyen-giao-thanh-uy--can-tho" in boards
    assert "agency-ban-tuyen-giao-thanh-uy--lam-dong" in boards
    assert _edge(seed_graph, EdgeType.PART_OF, "agency-ban-tuyen-giao-thanh-uy--can-tho", "agency-thanh-uy--can-tho")


def test_province_and_district_plans_with_the_same_number_stay_apart() -> None:
    district = record("nq.txt", number="298/KH-UBND", date="2024-12-02",
                      issuer=agency("Ủy ban nhân dân quận", "Ngô Quyền"), documents=[KL91],
                      relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])
    g = resolve([province_plan(), district])
    ids = sorted(d.id for d in _docs(g).values() if d.number == "298/KH-UBND")
    assert ids == ["doc-298-kh-ubnd--hai-phong-2024", "doc-298-kh-ubnd--quan-ngo-quyen--hai-phong-2024"]



def test_a_city_and_its_province_of_one_name_keep_their_plans_of_one_number_apart() -> None:
    # thành phố Cà Mau (a district-level city) and tỉnh Cà Mau both issued a 99/KH-UBND in 2022: one
    # name in one province, but two levels (fidelity check: the city's plan vanished into the province's)
    province = record("tinh.txt", number="99/KH-UBND", date="2022-05-08",
                      issuer=agency("Ủy ban nhân dân tỉnh", "Cà Mau"), documents=[KL91],
                      relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])
    city = record("thanhpho.txt", number="99/KH-UBND", date="2022-06-01",
                  issuer=agency("Ủy ban nhân dân thành phố", "Cà Mau"), documents=[KL91],
                  relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])
    docs = [d for d in _docs(resolve([province, city])).values() if d.number == "99/KH-UBND"]
    assert sorted((d.source, d.level) for d in docs) == [("thanhpho.txt", Level.DISTRICT),
                                                         ("tinh.txt", Level.PROVINCE)]


def test_a_district_and_its_township_of_one_name_keep_their_plans_of_one_number_apart() -> None:
    # huyện Tam Đường and thị trấn Tam Đường, one map, two levels (fidelity check at 10^5)
    def plan(source: str, issuer: str) -> object:
        return record(source, number="12/KH-UBND", date="2024-03-01", issuer=agency(issuer, "Tam Đường"),
                      documents=[KL91], relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])

    g = resolve([plan("huyen.txt", "Ủy ban nhân dân huyện"), plan("thitran.txt", "Ủy ban nhân dân thị trấn")])
    docs = [d for d in _docs(g).values() if d.number == "12/KH-UBND"]
    assert sorted((d.source, d.level) for d in docs) == [("huyen.txt", Level.DISTRICT), ("thitran.txt", Level.COMMUNE)]
    # and two districts of one name and map: huyện and thị xã Long Mỹ (Hậu Giang)
    def long_my(source: str, issuer: str) -> object:
        return record(source, number="36/KH-UBND", date="2023-03-01", issuer=agency(issuer, "Long Mỹ"),
                      documents=[KL91], relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}])

    g = resolve([long_my("huyen.txt", "Ủy ban nhân dân huyện"), long_my("thixa.txt", "Ủy ban nhân dân thị xã")])
    assert sorted(d.source or "" for d in _docs(g).values() if d.number == "36/KH-UBND") == ["huyen.txt", "thixa.txt"]

def test_unnumbered_laws_without_issuer_are_told_apart_by_name() -> None:
    laws = [{"key": name, "kind": "law", "number": None, "date": None, "issuer": None} for name in
            ("Luật Giáo dục", "Luật Đầu tư công")]
    rel = [{"source": "SELF", "type": "based_on", "target": d["key"]} for d in laws]
    g = resolve([record("a.txt", documents=laws, relations=rel, issuer=agency("Tỉnh ủy", "Nghệ An"))])
    assert sorted(d.id for d in _docs(g).values() if d.kind.value == "Law") == [
        "doc-law-luat-dau-tu-cong", "doc-law-luat-giao-duc"]


def test_agency_ids_memoized_per_record_give_the_graph_of_resolving_every_mention(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The per-record memo of Resolver.agency changes nothing: same nodes, edges and provenance."""
    from graph_fixtures import gold_records

    import dirgraph.graph.resolve as resolve_module

    records = [*gold_records(), central_conclusion(), province_plan(), province_plan("hd.txt", "Hải Dương")]
    memoized = resolve(records)
    calls = {"n": 0}
    original = resolve_module.Resolver._agency

    def every_time(self, ref, places):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return original(self, ref, places)

    monkeypatch.setattr(resolve_module.Resolver, "agency", every_time)  # the memo bypassed
    plain = resolve(records)
    assert calls["n"] > 0
    assert list(plain.nodes) == list(memoized.nodes) and list(plain.edges) == list(memoized.edges)
    assert plain.nodes == memoized.nodes and plain.edges == memoized.edges


def test_the_agencys_level_word_picks_between_two_units_of_one_name() -> None:
    # Hà Tĩnh had a huyện and a thị xã Kỳ Anh until 2025 (fidelity check: "thị xã Duyên Hải" became
    # a ward of the same name)
    from dirgraph.graph.places import PlaceResolver

    town = PlaceResolver(Graph(), context=["Hà Tĩnh"], date="2022-05-01").resolve(
        "Kỳ Anh", hint_agency="Ủy ban nhân dân thị xã")
    district = PlaceResolver(Graph(), context=["Hà Tĩnh"], date="2022-05-01").resolve(
        "Kỳ Anh", hint_agency="Ủy ban nhân dân huyện")
    assert town is not None and district is not None
    assert (town.level, district.level) == ("district", "district")
    assert town.id.startswith("loc-thi-xa-ky-anh") and district.id.startswith("loc-huyen-ky-anh")
