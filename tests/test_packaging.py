"""The folders install under one import root; a folder missing from pyproject's packages fails here."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_source_folder_is_a_dirgraph_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["setuptools"]["package-dir"]
    packages = set(config["tool"]["setuptools"]["packages"])
    for folder in ("core", "graph", "ingest", "api", "viz", "cli", "bench"):
        assert mapping[f"dirgraph.{folder}"] == folder
        assert f"dirgraph.{folder}" in packages
        for init in (ROOT / folder).rglob("__init__.py"):
            sub = init.parent.relative_to(ROOT).as_posix().replace("/", ".")
            assert f"dirgraph.{sub}" in packages, f"dirgraph.{sub} missing from [tool.setuptools] packages"
        importlib.import_module(f"dirgraph.{folder}")


def test_no_generic_top_level_packages() -> None:
    for generic in ("api", "graph", "ingest", "viz"):
        spec = importlib.util.find_spec(generic)
        assert spec is None or "dirgraph" not in (spec.origin or ""), generic
