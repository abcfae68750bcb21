"""``dirgraph serve``: option checking before anything starts (a live server is tested in tests/api)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dirgraph.cli.main import app


def test_serve_is_registered_with_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--home", "--host", "--port", "--backend", "--timeout"):
        assert option in result.output


def test_unknown_backend_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--home", str(tmp_path), "--backend", "sqlite"])
    assert result.exit_code == 2
    assert "sqlite" in result.output and "Traceback" not in result.output
