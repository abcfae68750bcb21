"""Building at scale: streamed graph.json, streamed store loads, the paused collector — same output as before."""

from __future__ import annotations

import gc
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from graph_fixtures import central_conclusion, gold_records, province_plan
from ladybug_reference import edge_row as _edge_row
from ladybug_reference import portable_cell as _cell

import dirgraph.graph.workspace as workspace_module
from dirgraph.core.errors import StoreError
from dirgraph.graph import rdf
from dirgraph.graph.gc_pause import gc_paused
from dirgraph.graph.model import EdgeType, Graph, Level
from dirgraph.graph.resolve import resolve
from dirgraph.graph.service import GraphService
from dirgraph.graph.service_load import load_view
from dirgraph.graph.stores.oxigraph_store import OxigraphStore
from dirgraph.graph.workspace import Workspace, write_graph_json


@pytest.fixture(scope="module")
def graph() -> Graph:
    return resolve([*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")])


@pytest.mark.parametrize("slice_size", [1, 3, 20_000])
def test_graph_json_is_written_in_slices_with_the_bytes_of_model_dump_json(
        graph: Graph, slice_size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace_module, "_SLICE", slice_size)
    out = io.BytesIO()
    write_graph_json(graph, out)
    assert out.getvalue() == graph.model_dump_json().encode("utf-8")


def test_an_empty_graph_round_trips(tmp_path: Path) -> None:
    out = io.BytesIO()
    write_graph_json(Graph(), out)
    assert json.loads(out.getvalue()) == {"nodes": {}, "edges": {}}
    ws = Workspace(tmp_path)
    ws.ensure()
    ws.save_graph(Graph())
    assert ws.load_graph().nodes == {}


def test_saved_graph_loads_back_equal(graph: Graph, tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.ensure()
    ws.save_graph(graph)
    loaded = ws.load_graph()
    assert loaded.nodes == graph.nodes and loaded.edges == graph.edges
    assert not ws.graph_path.with_suffix(".tmp").exists()


@pytest.mark.parametrize(("value", "cell"), [
    (None, ""),
    ("Sở Giáo dục  và\nĐào tạo", '"Sở Giáo dục và Đào tạo"'),
    ('Kế hoạch "Chuyển đổi số"', '"Kế hoạch ""Chuyển đổi số"""'),
    ("", '""'),
    (True, "true"),
    (False, "false"),
    (2025, "2025"),
    (Level.COMMUNE, '"commune"'),
    (["Nghị quyết 57", "NQ 57"], '"[""Nghị quyết 57"", ""NQ 57""]"'),
])
def test_csv_cells_as_ladybug_reads_them(value: object, cell: str) -> None:
    assert _cell(value) == cell


def test_edge_rows_carry_the_provenance_json_of_the_model(graph: Graph) -> None:
    edges = [e for e in graph.edges.values() if e.type is EdgeType.LEADS and e.provenances]
    assert edges
    for edge in edges:
        row = _edge_row(edge)
        expected = json.dumps([p.as_dict() for p in edge.provenances], ensure_ascii=False)
        assert row[3] == expected
        assert row[4] == len(edge.provenances)
        assert row[2] == next((p.quote for p in edge.provenances if p.quote), None)


def _count(store: OxigraphStore) -> int:
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(rows[0]["n"])


def test_streamed_oxigraph_load_holds_the_same_quads_as_an_nquads_load(graph: Graph, tmp_path: Path) -> None:
    data = rdf.to_nquads(graph)
    streamed, from_bytes, from_file = (OxigraphStore(tmp_path / name) for name in ("a", "b", "c"))
    streamed.load(graph)
    from_bytes.load_nquads(data)
    (tmp_path / "all.nq").write_bytes(data)
    from_file.load_nquads(tmp_path / "all.nq")
    distinct = len(set(data.splitlines()))
    assert _count(streamed) == _count(from_bytes) == _count(from_file) == distinct > 0


def test_gc_is_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_freezing_pause_keeps_what_the_block_built_out_of_later_collections() -> None:
    gc.unfreeze()
    with gc_paused(freeze_survivors=True):
        kept = [[i] for i in range(1_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() > len(kept)
    gc.unfreeze()
    with pytest.raises(ValueError), gc_paused(freeze_survivors=True):
        raise ValueError("boom")  # a failed step's half-built result is not kept from the collector
    assert gc.isenabled() and gc.get_freeze_count() == 0


def _json_records(folder: Path) -> Path:
    docs = folder / "docs"
    docs.mkdir()
    records = [*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")]
    for i, rec in enumerate(records):
        (docs / f"r{i}.json").write_text(json.dumps(rec.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    return docs


def test_build_graph_freezes_the_graph_and_leaves_no_cyclic_garbage_behind(tmp_path: Path) -> None:
    """The frozen graph must still be freed by reference counting alone: once it is dropped,
    nothing it built may wait in a reference cycle (a frozen cycle would never be collected)."""
    ws = Workspace(tmp_path / "home")
    ws.ingest([_json_records(tmp_path)], workers=1)
    ws.build_graph(save=True)  # warm-up: first use builds schemas and caches
    gc.unfreeze()
    gc.collect()
    graph = ws.build_graph(save=False)
    assert len(graph.edges) > 100
    assert gc.get_freeze_count() > len(graph.nodes) + len(graph.edges)
    del graph
    gc.unfreeze()
    assert gc.collect() < 50
    view = load_view(ws.graph_path)
    assert gc.get_freeze_count() > len(view.nodes)
    del view
    gc.unfreeze()
    assert gc.collect() < 50


def test_rebuild_keeps_the_graph_it_built_as_the_view(graph: Graph, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, rec in (("kl91.json", central_conclusion()), ("hp.json", province_plan())):
        (docs / name).write_text(json.dumps(rec.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    with GraphService.open(tmp_path / "home", backend="networkx") as service:
        report = service.ingest_paths([docs], workers=1)
        kept = service.view.graph
        saved = service.ws.load_graph()
        assert report.nodes == len(saved.nodes) > 0
        assert kept.nodes == saved.nodes and kept.edges == saved.edges


def test_resolving_a_stream_of_records_gives_the_graph_of_the_list(graph: Graph) -> None:
    records = [*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")]
    streamed = resolve(iter(records[::-1]))
    assert list(streamed.nodes) == list(graph.nodes) and list(streamed.edges) == list(graph.edges)
    assert streamed.nodes == graph.nodes and streamed.edges == graph.edges


def test_resolve_leaves_no_cyclic_garbage_so_pausing_the_collector_is_safe() -> None:
    records = [*gold_records(), central_conclusion(), province_plan("hd.txt", "Hải Dương")]
    resolve(records)  # warm-up: first use builds schemas and caches
    gc.collect()
    with gc_paused():
        graph = resolve(records)
        found = gc.collect()
    assert len(graph.edges) > 100
    assert found < 50, f"{found} objects in reference cycles per resolve"


def test_a_streamed_oxigraph_load_lets_go_of_its_database(graph: Graph, tmp_path: Path) -> None:
    import pyoxigraph as ox

    from dirgraph.graph.stores.oxigraph_store import current_db

    store = OxigraphStore(tmp_path / "ox")
    store.load(graph)
    db = current_db(tmp_path / "ox")
    assert db is not None
    ox.Store(str(db)).flush()  # opening it read-write fails while any handle of the load is still alive


def _not_nquads(_graph: Graph) -> Iterator[bytes]:
    yield b"<https://dirgraph.org/id/a> <https://dirgraph.org/ns#b> this is not n-quads .\n"
    for _ in range(2000):  # far more than a pipe buffers: the writer must not block forever
        yield b"<https://dirgraph.org/id/a> <https://dirgraph.org/ns#b> \"x\" .\n" * 16


def _failing_projection(_graph: Graph) -> Iterator[bytes]:
    yield b"<https://dirgraph.org/id/a> <https://dirgraph.org/ns#b> \"x\" .\n"
    raise StoreError("projection failed")


@pytest.mark.parametrize(("chunks", "message"), [
    (_not_nquads, "SPARQL store load failed"),  # the loader stops mid-stream on a parse error
    (_failing_projection, "projection failed"),  # the text's producer fails: its own error is raised
])
def test_a_failed_streamed_load_raises_and_keeps_the_live_data(
        graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        chunks: Callable[[Graph], Iterator[bytes]], message: str) -> None:
    import dirgraph.graph.stores.oxigraph_store as oxigraph_module

    store = OxigraphStore(tmp_path / "ox")
    store.load(graph)
    before = _count(store)
    monkeypatch.setattr(oxigraph_module, "nquad_chunks", chunks)
    with pytest.raises(StoreError, match=message):
        store.load(graph)
    assert _count(store) == before


def _records_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, rec in (("kl91.json", central_conclusion()), ("hp.json", province_plan())):
        (docs / name).write_text(json.dumps(rec.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    return docs


def test_rebuild_writes_graph_json_beside_the_store_loads_and_publishes_it_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dirgraph.graph.service as service_module

    seen: list[tuple[list[str], bool]] = []
    real = service_module.load_concurrently

    def spy(graph: Graph, jobs: list) -> object:  # type: ignore[type-arg]
        times = real(graph, jobs)
        seen.append(([job.name for job in jobs], (tmp_path / "home" / "graph.json").exists()))
        return times

    monkeypatch.setattr(service_module, "load_concurrently", spy)
    with GraphService.open(tmp_path / "home", backend="networkx") as service:
        service.ingest_paths([_records_folder(tmp_path)], workers=1)
        assert seen and seen[-1][0][-1] == "graph.json"  # one of the concurrent jobs, after the stores
        assert seen[-1][1] is False  # not published while the stores were loading
        assert service.ws.graph_path.exists()
        assert not service.ws.graph_path.with_suffix(".tmp").exists()


def test_a_failed_store_load_leaves_the_published_graph_json_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dirgraph.graph.stores.networkx_store import NetworkxStore

    with GraphService.open(tmp_path / "home", backend="networkx") as service:
        service.ingest_paths([_records_folder(tmp_path)], workers=1)
        before = service.ws.graph_path.read_bytes()

        def broken(self: NetworkxStore, graph: Graph) -> None:
            raise StoreError("disk full")

        monkeypatch.setattr(NetworkxStore, "load", broken)
        (tmp_path / "docs" / "hd.json").write_text(
            json.dumps(province_plan("hd.txt", "Hải Dương").to_json_dict(), ensure_ascii=False), encoding="utf-8")
        with pytest.raises(StoreError, match="disk full"):
            service.ingest_paths([tmp_path / "docs"], workers=1)
        assert service.ws.graph_path.read_bytes() == before
        assert not service.ws.graph_path.with_suffix(".tmp").exists()


def test_a_staged_graph_file_that_cannot_be_written_is_one_store_error(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "home")
    staged = ws.stage_graph_file()
    staged.tmp.mkdir()  # a folder where the file should go
    with pytest.raises(StoreError, match="cannot write the graph"):
        staged.load(Graph())
    assert not ws.graph_path.exists()
