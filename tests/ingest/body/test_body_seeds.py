"""The body groups on the five seed documents, scored by the shared scorer (skipped without seeds).

The DocContext is built as the frame stage does (body after "như sau:", before "Nơi nhận"; the
document's place taken from the gold issuer), so this measures the body extractors alone; the
Nơi nhận (b/c, t/h) facts belong to the pipeline and are not expected here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from dirgraph.ingest.body import extract_body
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef

SHARED = (Path(__file__).resolve().parents[3].parent / "shared")
SEEDS, GOLD, SCORER = SHARED / "seeds", SHARED / "gold" / "seeds", SHARED / "eval" / "score.py"
GROUPS = ("tasks", "assignments", "agency_relations", "targets")

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.is_dir() and SCORER.is_file()), reason="no seeds")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dirgraph_seed_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(path: Path) -> str:
    try:
        from dirgraph.ingest.readers import read_file

        return read_file(path).text
    except (ImportError, AttributeError):
        return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _prediction(gold: dict[str, object]) -> dict[str, object]:
    path = SEEDS / str(gold["source"])
    text = _text(path)
    issuer = gold["document"]["issuer"]  # type: ignore[index]
    start_at = re.search(r"như sau\s*:", text)
    start = start_at.end() if start_at else 0
    end_at = re.search(r"Nơi nhận", text[start:])
    ctx = DocContext(source=path.name, text=text, locality=issuer["locality"], issuer=AgencyRef(**issuer),
                     kind="plan", body_start=start, body_end=start + end_at.start() if end_at else len(text))
    facts = extract_body(ctx)
    return {group: [fact.model_dump(mode="json") for fact in getattr(facts, group)] for group in GROUPS}


def test_body_groups_reach_090_on_the_seeds() -> None:
    scorer = _scorer()
    totals = {group: scorer.Tally() for group in GROUPS}
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        tallies = scorer.score_document(gold, _prediction(gold))
        for group in GROUPS:
            totals[group].merge(tallies[group])
    f1 = {group: round(totals[group].prf()[2], 3) for group in GROUPS}
    assert all(value >= 0.90 for value in f1.values()), f1
