"""The primary-key walks answer query 1 and 3 like the .cypher text: depths, cycles, depth cap, parents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dirgraph.graph.queries import MAX_DEPTH
from dirgraph.graph.stores import ladybug_walks as walks


def _chain_runner(edges: list[tuple[str, str, str]]) -> walks.Run:
    """A fake engine answering HOPS_UP from (source, relation, target) triples."""

    def run(text: str, params: Mapping[str, Any]) -> list[list[Any]]:
        assert text == walks.HOPS_UP
        return [[s, f"n-{s}", rel, t, f"n-{t}", f"title {t}", "plan", "province", f"quote {s}->{t}"]
                for s, rel, t in edges if s == params["id"]]

    return run


def _hops(rows: list[list[Any]]) -> list[tuple[str, str, str, int]]:
    return [(r[0], r[2], r[3], r[-1]) for r in rows]


def test_chain_up_depth_is_shortest_distance_plus_one() -> None:
    edges = [("commune", "IMPLEMENTS", "district"), ("district", "IMPLEMENTS", "province"),
             ("commune", "BASED_ON", "province"), ("province", "IMPLEMENTS", "central"),
             ("province", "CONTINUES", "old-plan")]
    rows = walks.chain_up(_chain_runner(edges), "commune")
    assert _hops(rows) == [
        ("commune", "IMPLEMENTS", "district", 1), ("commune", "BASED_ON", "province", 1),
        ("district", "IMPLEMENTS", "province", 2),
        ("province", "IMPLEMENTS", "central", 2), ("province", "CONTINUES", "old-plan", 2),
    ]
    assert rows[1][8] == "quote commune->province"


def test_chain_up_drops_hops_back_into_the_root_and_stops_on_cycles() -> None:
    edges = [("a", "IMPLEMENTS", "b"), ("b", "CONTINUES", "a"), ("b", "IMPLEMENTS", "c"), ("c", "BASED_ON", "b")]
    assert _hops(walks.chain_up(_chain_runner(edges), "a")) == [
        ("a", "IMPLEMENTS", "b", 1), ("b", "IMPLEMENTS", "c", 2), ("c", "BASED_ON", "b", 3)]


def test_chain_up_sources_stop_at_the_depth_cap() -> None:
    chain = [(f"d{i}", "IMPLEMENTS", f"d{i + 1}") for i in range(MAX_DEPTH + 3)]
    rows = walks.chain_up(_chain_runner(chain), "d0")
    assert [r[-1] for r in rows] == list(range(1, MAX_DEPTH + 2))  # sources d0..d8, hop depths 1..9
    assert rows[-1][0] == f"d{MAX_DEPTH}"


def test_chain_up_of_an_unknown_document_is_empty() -> None:
    assert walks.chain_up(_chain_runner([]), "nothing") == []


def test_task_agencies_one_row_per_parent_sorted_by_role_and_name() -> None:
    roles = [["ag-so-tt", "Sở Thông tin và Truyền thông", "LEADS", "Hải Phòng", "Sở TT&TT chủ trì"],
             ["ag-ca", "Công an thành phố", "COORDINATES", "Hải Phòng", None],
             ["ag-bch", "Bộ Chỉ huy quân sự", "COORDINATES", None, "phối hợp"]]
    parents = {"ag-so-tt": [["ag-ubnd", "UBND thành phố"], ["ag-tu", "Thành ủy"]]}
    calls: list[str] = []

    def run(text: str, params: Mapping[str, Any]) -> list[list[Any]]:
        calls.append(text)
        if text == walks.TASK_ROLES:
            assert params == {"id": "task-1"}
            return roles
        assert text == walks.PARENTS
        return parents.get(params["id"], [])

    rows = walks.task_agencies(run, "task-1")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("ag-bch", "coordinates", None), ("ag-ca", "coordinates", None),
        ("ag-so-tt", "leads", "ag-tu"), ("ag-so-tt", "leads", "ag-ubnd")]
    assert rows[2][4] == "Thành ủy" and rows[2][6] == "Sở TT&TT chủ trì"
    assert calls.count(walks.PARENTS) == 3
