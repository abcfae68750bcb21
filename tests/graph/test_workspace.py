"""The workspace: incremental, idempotent ingest; a changed or removed file replaces or drops its facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_fixtures import central_conclusion, province_plan

from dirgraph.core.errors import NotFoundError
from dirgraph.graph.model import DocumentNode
from dirgraph.graph.workspace import Workspace, expand_paths
from dirgraph.ingest.record import ExtractionRecord


def _write(folder: Path, name: str, rec: ExtractionRecord) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(rec.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def _fingerprint(ws: Workspace) -> tuple[dict[str, int], dict[str, int], list[str]]:
    g = ws.build_graph()
    return g.node_counts(), g.edge_counts(), sorted(g.nodes)


def test_same_files_twice_change_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "kl91.json", central_conclusion())
    _write(docs, "hp.json", province_plan())
    ws = Workspace(tmp_path / "home")
    first = ws.ingest([docs])
    assert len(first.read) == 2 and not first.failed
    before = _fingerprint(ws)
    second = ws.ingest([docs])
    assert second.read == [] and len(second.unchanged) == 2
    assert _fingerprint(ws) == before
    assert len(list(ws.records_dir.glob("*.json"))) == 2


def test_changed_file_replaces_only_its_facts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "kl91.json", central_conclusion())
    plan = _write(docs, "hp.json", province_plan())
    ws = Workspace(tmp_path / "home")
    ws.ingest([docs])
    g1 = ws.build_graph()
    changed = province_plan()
    changed.tasks = changed.tasks[:1]
    changed.assignments = [a for a in changed.assignments if a.task in ("II.1", "SELF")]
    _write(docs, plan.name, changed)
    report = ws.ingest([docs])
    assert len(report.read) == 1 and len(report.unchanged) == 1
    g2 = ws.build_graph()
    assert g1.node_counts()["Task"] - g2.node_counts()["Task"] == 2
    docs = lambda g: sorted(n.id for n in g.nodes.values() if isinstance(n, DocumentNode))  # noqa: E731
    assert docs(g1) == docs(g2)  # ids survive an edit of the file
    untouched = {k: v for k, v in g1.edges.items() if v.source == "doc-91-kl-tw-2024"}
    assert untouched == {k: v for k, v in g2.edges.items() if v.source == "doc-91-kl-tw-2024"}
    assert len(list(ws.records_dir.glob("*.json"))) == 2


def test_removing_a_document_drops_its_facts_and_orphan_placeholders(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "kl91.json", central_conclusion())
    _write(docs, "hp.json", province_plan())
    ws = Workspace(tmp_path / "home")
    ws.ingest([docs])
    assert "doc-29-nq-tw-2013" in ws.build_graph().nodes
    ws.remove(str(docs / "kl91.json"))
    g = ws.build_graph()
    kl = g.nodes["doc-91-kl-tw-2024"]
    assert isinstance(kl, DocumentNode) and kl.placeholder  # still named by the province plan
    assert "doc-29-nq-tw-2013" not in g.nodes  # only the removed conclusion named it
    with pytest.raises(NotFoundError):
        ws.remove("never-ingested.txt")


def test_bad_record_fails_alone_with_a_reason_naming_the_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs, "ok.json", central_conclusion())
    (docs / "broken.json").write_text("{not json", encoding="utf-8")
    report = Workspace(tmp_path / "home").ingest([docs], workers=1)
    assert len(report.read) == 1
    (failure,) = report.failed
    assert "broken.json" in failure.reason and "\n" not in failure.reason


def test_folders_skip_readmes_hidden_files_and_unknown_suffixes(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "README.md", ".hidden.txt", "build.py", "sub/c.pdf", "sub/d.tpl"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    names = sorted(p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path]))
    assert names == ["a.txt", "b.docx", "sub/c.pdf"]


def test_pool_and_serial_ingest_give_the_same_graph(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for i, province in enumerate(("Hải Phòng", "Cần Thơ", "Lâm Đồng")):
        _write(docs, f"p{i}.json", province_plan(f"p{i}.txt", province))
    serial, pooled = Workspace(tmp_path / "serial"), Workspace(tmp_path / "pooled")
    serial.ingest([docs], workers=1)
    pooled.ingest([docs], workers=2)
    assert serial.build_graph().model_dump() == pooled.build_graph().model_dump()


def test_pool_workers_warm_up_in_the_worker_never_in_the_parent(tmp_path: Path) -> None:
    """The pool initializer freezes the workers' tables; a parent (an API server holding a graph)
    must keep its own collector as it was."""
    import gc

    docs = tmp_path / "docs"
    for i, province in enumerate(("Hải Phòng", "Cần Thơ")):
        (docs / f"p{i}.txt").parent.mkdir(parents=True, exist_ok=True)
        (docs / f"p{i}.txt").write_text(f"ỦY BAN NHÂN DÂN TỈNH {province.upper()}\nKẾ HOẠCH\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    report = Workspace(tmp_path / "home").ingest([docs], workers=2)
    assert len(report.read) + len(report.failed) == 2
    assert gc.get_freeze_count() == frozen


def test_a_stored_record_holds_the_extraction_with_its_sha_and_counts_its_facts(tmp_path: Path) -> None:
    seeds = sorted((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("*"))
    if not seeds:
        pytest.skip("the shared seeds are not next to the repository")
    from dirgraph.graph.workspace import file_sha256
    from dirgraph.ingest.pipeline import extract_file

    ws = Workspace(tmp_path / "home")
    report = ws.ingest(seeds[:2], workers=1)
    assert len(report.read) == 2
    for source in seeds[:2]:
        sha = file_sha256(source)
        stored = json.loads(ws._record_path(sha).read_text(encoding="utf-8"))
        expected = extract_file(source).model_copy(update={"sha256": sha}).to_json_dict()
        assert stored == expected
    assert report.facts["assignments"] == sum(len(extract_file(s).assignments) for s in seeds[:2]) > 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_missing_file_fails_alone_under_the_name_it_was_given(tmp_path: Path, workers: int) -> None:
    docs = tmp_path / "docs"
    good = _write(docs, "ok.json", central_conclusion())
    missing = docs / "nope.txt"
    report = Workspace(tmp_path / "home").ingest([missing, good], workers=workers)
    assert report.read == [str(good.resolve())]
    (failure,) = report.failed
    assert failure.source == str(missing)
    assert failure.reason.startswith(f"{missing}: ") and "\n" not in failure.reason


def test_new_files_are_hashed_by_the_workers_that_extract_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent only hashes files its manifest already names (to skip the unchanged ones without
    starting a pool); a fresh file is hashed in the pool, in parallel, by the worker that extracts it."""
    import dirgraph.graph.workspace as workspace_module

    docs = tmp_path / "docs"
    files = [_write(docs, f"p{i}.json", province_plan(f"p{i}.txt", place))
             for i, place in enumerate(("Hải Phòng", "Cần Thơ", "Nghệ An"))]
    hashed_here: list[Path] = []
    real_sha = workspace_module.file_sha256

    def counting_sha(path: Path) -> str:
        hashed_here.append(path)  # a forked worker appends to its own copy, not to this list
        return real_sha(path)

    monkeypatch.setattr(workspace_module, "file_sha256", counting_sha)
    ws = Workspace(tmp_path / "home")
    report = ws.ingest([docs], workers=2)
    assert len(report.read) == 3 and not report.failed
    assert hashed_here == []
    for path in files:
        stored = ExtractionRecord.model_validate_json(ws._record_path(real_sha(path)).read_bytes())
        assert stored.sha256 == real_sha(path)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("an ingest of unchanged files started a process pool")

    monkeypatch.setattr(workspace_module, "ProcessPoolExecutor", no_pool)
    again = ws.ingest([docs], workers=2)
    assert sorted(again.unchanged) == sorted(str(p.resolve()) for p in files) and not again.read
    assert sorted(hashed_here) == sorted(p.resolve() for p in files)


def test_paths_are_resolved_once_with_the_answer_of_path_resolve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dirgraph.graph.workspace import expand_resolved

    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x", encoding="utf-8")
    (real / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "link-dir").symlink_to(real, target_is_directory=True)
    (real / "c.txt").symlink_to(real / "a.txt")  # a second name for a.txt: kept once
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.txt").symlink_to(real / "b.md")
    monkeypatch.chdir(tmp_path)
    given = [Path("link-dir/a.txt"), Path("real/../real/b.md"), Path("docs"), Path("real"), Path("gone.txt")]
    pairs = expand_resolved(given)
    assert [r for r, _ in pairs] == [p.resolve() for _, p in pairs]
    assert [p for _, p in pairs] == [Path("link-dir/a.txt"), Path("real/../real/b.md"), Path("gone.txt")]
    assert expand_paths(given) == [p for _, p in pairs]


def test_a_record_that_cannot_be_written_fails_its_file_alone(tmp_path: Path) -> None:
    from dirgraph.graph.workspace import file_sha256

    docs = tmp_path / "docs"
    blocked = _write(docs, "hp.json", province_plan())
    fine = _write(docs, "kl91.json", central_conclusion())
    ws = Workspace(tmp_path / "home")
    ws.ensure()
    ws._record_path(file_sha256(blocked)).mkdir()  # a folder where the record file should go
    report = ws.ingest([docs], workers=1)
    (failure,) = report.failed
    assert failure.source == str(blocked.resolve())
    assert failure.reason.startswith(f"{blocked.resolve()}: cannot write its record: ") and "\n" not in failure.reason
    assert report.read == [str(fine.resolve())]
    assert ws.manifest() == {str(fine.resolve()): file_sha256(fine)}
