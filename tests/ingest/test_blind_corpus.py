"""The blind corpus (tests/fixtures/blind): six documents written without reading the extractor,
each of another issuer level, topic and format than the seeds, gold annotated by
/work/shared/gold/SCHEMA.md (docs/EVAL_BLIND.md).

Why: errors found there (district under a provincial Party header, recurring deadlines in a task
sentence, agency spans, HTML table footers, a dispatch's closing request, non-% targets) were
fixed by rules of the genre; these floors keep them fixed.  Every document must read without an
exception or a warning, and the corpus F1 of each field group must not fall below ``F1_FLOORS``
(measured after the fixes, rounded down a little).  TIGHTEN: raise the floors after a fix.
"""
from __future__ import annotations

import importlib.util
import json
import os
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dirgraph.ingest.pipeline import extract_file

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
GOLD_FILES = sorted((BLIND / "gold").glob("*.json"))
SCORER = Path(os.environ.get("DIRGRAPH_SCORER", str((Path(__file__).resolve().parents[2].parent / "shared") / "eval" / "score.py")))

# Corpus F1 per field group, measured 2026-11-24 01:32 UTC (before the fixes: docs/EVAL_BLIND.md).
F1_FLOORS: dict[str, float] = {
    "document": 0.95,  # measured 1.00 (before 0.96)
    "documents": 0.95,  # 1.00
    "relations": 0.95,  # 1.00
    "tasks": 0.95,  # 1.00 (0.92)
    "assignments": 0.93,  # 0.96 (0.72)
    "agency_relations": 0.93,  # 0.97 (0.72)
    "targets": 0.95,  # 1.00 (0.86)
}


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _extraction(source: str) -> dict[str, Any]:
    record = extract_file(BLIND / "docs" / source)
    return record.to_json_dict()


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER}")
    spec = importlib.util.spec_from_file_location("dirgraph_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_is_complete() -> None:
    """Six gold files, each naming an existing document, of at least four formats."""
    assert len(GOLD_FILES) == 6
    sources = [_gold(g)["source"] for g in GOLD_FILES]
    for source in sources:
        assert (BLIND / "docs" / source).is_file(), source
    assert len({Path(s).suffix for s in sources}) >= 4


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_reads_without_warnings(gold_file: Path) -> None:
    source = _gold(gold_file)["source"]
    extraction = _extraction(source)
    assert extraction["warnings"] == [], extraction["warnings"]
    assert extraction["document"]["kind"] == _gold(gold_file)["document"]["kind"]


def test_corpus_f1_not_below_floor() -> None:
    sc = _scorer()
    corpus = {group: sc.Tally() for group in sc.GROUPS}
    for gold_file in GOLD_FILES:
        gold = _gold(gold_file)
        for group, tally in sc.score_document(gold, _extraction(gold["source"])).items():
            corpus[group].merge(tally)
    measured = {group: round(corpus[group].prf()[2], 3) for group in sc.GROUPS}
    below = {g: (measured[g], floor) for g, floor in F1_FLOORS.items() if measured[g] < floor}
    assert not below, f"corpus F1 below floor (measured, floor): {below}; all: {measured}"
