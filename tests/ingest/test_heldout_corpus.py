"""The held-out style corpus (tests/fixtures/heldout): eight documents of other issuers, levels,
topics and formats than the seeds, each with a gold file annotated by /work/shared/gold/SCHEMA.md.

Why: the seeds are what the extractor was built on, so scoring them says little; these documents
stand in for the held-out set.  Every document must read without an exception or a warning, and
the corpus F1 of each field group must not fall below the floor recorded in ``F1_FLOORS``.

The floors are the figures measured when the corpus was written (docs/EVAL.md), rounded down a
little so that unrelated noise does not fail the suite but a regression does.  TIGHTEN: when an
extraction fix lands, re-run the scorer (command in docs/EVAL.md) and raise the floors.
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

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"
GOLD_FILES = sorted((HELDOUT / "gold").glob("*.json"))
SCORER = Path(os.environ.get("DIRGRAPH_SCORER", str((Path(__file__).resolve().parents[2].parent / "shared") / "eval" / "score.py")))

# Corpus F1 per field group, measured 2026-11-24 01:07 UTC (see docs/EVAL.md), minus a small margin.
# TIGHTEN these as the failures listed in docs/EVAL.md are fixed.
F1_FLOORS: dict[str, float] = {
    "document": 0.95,  # measured 1.00
    "documents": 0.95,  # 1.00
    "relations": 0.95,  # 1.00
    "tasks": 0.95,  # 1.00
    "assignments": 0.93,  # 0.97
    "agency_relations": 0.95,  # 1.00
    "targets": 0.95,  # 1.00
}


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _extraction(source: str) -> dict[str, Any]:
    record = extract_file(HELDOUT / "docs" / source)
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
    """Eight gold files, each naming an existing document, of at least five formats."""
    assert len(GOLD_FILES) == 8
    sources = [_gold(g)["source"] for g in GOLD_FILES]
    for source in sources:
        assert (HELDOUT / "docs" / source).is_file(), source
    assert len({Path(s).suffix for s in sources}) >= 5


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
