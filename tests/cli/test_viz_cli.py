"""``dirgraph viz NUMBER --out file.html`` writes a standalone view that needs nothing from outside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dirgraph.cli.main import app
from dirgraph.graph.service import GraphService

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("viz") / ".dirgraph"
    members = sorted(p for p in DEMO.iterdir() if p.is_file() and p.suffix in {".txt", ".md", ".docx", ".pdf"}
                     and p.stem != "README")
    with GraphService.open(home) as service:
        service.ingest_paths(members, workers=1)
    return home


@pytest.mark.parametrize("view", ["chain", "coverage"])
def test_viz_writes_a_standalone_offline_page(home: Path, tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.html"
    result = CliRunner().invoke(app, ["viz", "146-KL/TW", "--out", str(out), "--home", str(home), "--view", view])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "vis.Network" in page and "146-KL/TW" in page
    urls = re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", page)
    assert not [u for u in urls if u.startswith(("http:", "https:", "//"))]


def test_viz_unknown_number_is_one_line_error(home: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["viz", "999-KL/TW", "--out", str(tmp_path / "x.html"), "--home", str(home)])
    assert result.exit_code == 1
    assert "999-KL/TW" in result.output and "Traceback" not in result.output
