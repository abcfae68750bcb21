"""The folders install under one import root; a folder missing from pyproject's packages fails here."""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
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
    # Asked of a fresh interpreter started outside the checkout: in this process the checkout itself
    # is importable (``python -m pytest`` puts the working directory on sys.path), which says
    # nothing about what the install put in site-packages.
    probe = ("import importlib.util\n"
             "for name in ('api', 'graph', 'ingest', 'viz', 'core', 'cli', 'bench'):\n"
             "    spec = importlib.util.find_spec(name)\n"
             "    print(name, spec.origin if spec else None)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tempfile.gettempdir(), capture_output=True, text=True,
                          check=True, timeout=60)
    for line in done.stdout.splitlines():
        name, origin = line.split(" ", 1)
        assert origin == "None" or not Path(origin).resolve().is_relative_to(ROOT), f"{name} importable from {origin}"
