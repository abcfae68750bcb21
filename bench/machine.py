"""Describe the machine a benchmark ran on: CPU, cores, RAM, OS, Python and library versions, date."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from importlib import metadata

LIBRARIES = ("ladybug", "pyoxigraph", "rdflib", "oxrdflib", "networkx", "pydantic", "fastapi", "uvicorn",
             "httpx", "python-docx", "pdfplumber", "vietnamadminunits", "neo4j")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _os_name() -> str:
    try:
        info = platform.freedesktop_os_release()
        return f"{info.get('PRETTY_NAME', info.get('NAME', 'Linux'))}, kernel {platform.release()}"
    except OSError:
        return f"{platform.system()} {platform.release()}"


def _python() -> str:
    """Version and the interpreter behind the venv: builds differ in speed (PGO/LTO or not) by ~13%."""
    base = getattr(sys, "_base_executable", "") or sys.executable
    return f"{platform.python_version()} ({os.path.realpath(base)}, {platform.python_compiler()})"


def describe() -> dict[str, str]:
    """Ordered facts about this machine and its software."""
    facts = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count() or 1),
        "ram": _ram_gib(),
        "os": _os_name(),
        "python": _python(),
    }
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    facts["libraries"] = ", ".join(versions)
    return facts
