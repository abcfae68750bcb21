"""``dirgraph bench --quick`` runs end to end and writes a report with every section (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dirgraph.bench.report import SECTIONS
from dirgraph.cli.main import app


@pytest.mark.slow
def test_quick_bench_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    # a small corpus keeps the smoke run inside the suite's time budget; `make bench` runs the real sizes
    result = CliRunner().invoke(app, ["bench", "--quick", "--sizes", "40", "--out", str(out),
                                      "--workdir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f"## {section}" in report, section
    assert "| goal | measured | verdict |" in report
    assert "ingest ≥ 300 docs/s per core" in report
    assert "**cores**" in report and "**python**" in report
    assert "Traceback" not in report
    # the stores an ingest loads are built the way it builds them: concurrently, timed as one step
    assert "| projected stores, one thread each (ladybug + oxigraph + graph.json) |" in report
    assert "loaded concurrently with the other projected stores" in report
    # graph.json is written beside those loads, then only renamed into place (as GraphService.rebuild does)
    assert "beside the store loads, then renamed into place" in report


def test_generate_command_writes_files_and_manifest(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["generate", "--documents", "25", "--out", str(tmp_path / "c"),
                                      "--seed", "3", "--manifest", str(tmp_path / "m.jsonl")])
    assert result.exit_code == 0, result.output
    assert len([p for p in (tmp_path / "c").rglob("*") if p.is_file()]) == 25
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()
    assert '"level": "central"' in lines[0]
    assert any('"missing_provinces"' in line for line in lines)


def test_bench_rejects_bad_sizes(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--sizes", "ten", "--out", str(tmp_path / "b.md")])
    assert result.exit_code == 2
    assert "not a list of integers" in result.output


def test_an_unusable_workdir_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "--quick", "--sizes", "5", "--out", str(tmp_path / "B.md"),
                                      "--workdir", str(blocker / "scratch")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and "scratch folder" in result.output
    assert "Traceback" not in result.output
