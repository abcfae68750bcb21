"""``dirgraph sync neo4j`` fails in one line without a workspace or a server address."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dirgraph.cli.main import app
from dirgraph.graph.workspace import Workspace


def test_sync_needs_a_workspace(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["sync", "neo4j", "--home", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no dirgraph workspace" in result.output and "Traceback" not in result.output


def test_sync_needs_a_server_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    ws = Workspace(tmp_path)
    ws.ensure()
    ws.manifest_path.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["sync", "neo4j", "--home", str(tmp_path)])
    assert result.exit_code == 1
    assert "NEO4J_URI" in result.output and len(result.output.strip().splitlines()) == 1
