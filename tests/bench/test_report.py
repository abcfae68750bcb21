"""BENCHMARKS.md rendering: goals are judged against fixed targets, missing stages say why."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dirgraph.bench.measure import Latency, QueryTimeout, forked_latency, percentile
from dirgraph.bench.report import render, write_report
from dirgraph.bench.runner import BenchConfig, BenchResults, SizeResult, StageResult


def _results() -> BenchResults:
    size = SizeResult(1000)
    size.stages["ingest_one_core"] = StageResult("ok", metrics={"docs": 100, "seconds": 1.0, "docs_per_s": 150.0,
                                                                "mb_per_s": 0.5, "failed": 0})
    size.stages["ingest_all_cores"] = StageResult("not run", "not landed yet (ImportError: pipeline)")
    size.latency["ladybug"] = {"chain_up": Latency(2.0, 3.0, 10, 4), "cascade": Latency(250.0, 300.0, 10, 90)}
    size.latency["oxigraph"] = {"chain_up": Latency(0.5, 0.7, 10, 4)}
    size.timeouts["rdflib"] = {"chain_up": 20_000.0}
    size.stages["api_load"] = StageResult("ok", metrics={"clients": 50, "seconds": 10.0, "requests": 20_000,
                                                         "rps": 2000.0, "errors": 0, "p50_ms": 20.0, "p99_ms": 80.0,
                                                         "paths": 8, "workload": "hot set, cache on",
                                                         "server_peak_mb": 812.5})
    size.stages["api_load_uncached"] = StageResult("ok", metrics={
        "clients": 50, "seconds": 10.0, "requests": 2_500, "rps": 250.0, "errors": 3, "p50_ms": 150.0, "p99_ms": 900.0,
        "paths": 220, "workload": "wide set, cache off"})
    return BenchResults(config=BenchConfig(sizes=[1000]), machine={"cpu": "test"}, sizes=[size])


def test_goal_verdicts_use_fixed_targets() -> None:
    report = render(_results())
    assert "| ingest ≥ 300 docs/s per core (one process) | 150 docs/s (1,000 docs) | missed: 2.0× short |" in report
    assert "chain_up p50 < 5 ms at 10^5 (ladybug) | 2 ms (1,000 docs) | met (at a smaller size" in report
    assert "cascade p50 < 100 ms at 10^5 (ladybug) | 250 ms (1,000 docs) | missed: 2.5× over" in report
    assert ("| API ≥ 1,000 req/s, 50 clients (hot look-ups, response cache on) | 2,000 req/s (1,000 docs, 8 distinct "
            "paths, 0 errors) | met |") in report
    # the uncached workload is judged on its own: a cache must not hide the cost of a first visit
    assert ("| API ≥ 1,000 req/s, 50 clients (wide look-ups, response cache off) | 250 req/s (1,000 docs, 220 distinct "
            "paths, 3 errors) | missed: 4.0× short, 3 errors |") in report
    assert "| 1,000 | wide set, cache off | 220 | 50 | 2,500 | 250 | 3 |" in report


def test_the_api_table_shows_the_server_process_peak_memory() -> None:
    report = render(_results())
    assert "| p50 ms | p99 ms | server peak MB | answers |" in report
    assert "| 20.0 | 80.0 | 812 |" in report
    assert "| 150 | 900 | — |" in report  # not measured: a dash, never a zero


def test_missing_stages_and_timeouts_are_explained() -> None:
    report = render(_results())
    assert "ingest_all_cores: not run: not landed yet (ImportError: pipeline)" in report
    assert "> 20,000 (timeout)" in report
    assert "rdflib chain_up: stopped at the 20 s deadline" in report
    assert "Oxigraph ≥ 10× rdflib (p50, worst of 7 queries) | 40,000 ×" in report
    assert "10^5 docs into all stores < 5 min | not run at 10^5" in report


def test_percentile_nearest_rank() -> None:
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([1.0, 2.0], 95) == 2.0
    assert percentile([], 50) == 0.0


def test_forked_latency_kills_a_call_past_its_deadline() -> None:
    with pytest.raises(QueryTimeout):
        forked_latency(lambda: time.sleep(30), repeat=1, budget_s=1.0, deadline_s=0.5)
    fast = forked_latency(lambda: [1, 2, 3], repeat=3, budget_s=1.0, deadline_s=10.0)
    assert fast.runs == 3 and fast.rows == 3


def test_hand_written_analysis_survives_a_rewrite(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n\n## Goals\n\nold\n\n## Analysis\n\nIngest misses because of X.\n\n## Ingest\n\nold\n",
                   encoding="utf-8")
    write_report(_results(), out)
    text = out.read_text(encoding="utf-8")
    assert text.count("## Analysis") == 1
    assert text.index("## Goals") < text.index("Ingest misses because of X.") < text.index("## Corpus generation")
    assert "\nold\n" not in text
