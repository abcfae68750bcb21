"""Latency sampling: repeat after a warm-up, stop at the budget, one run for a call slower than it."""

from __future__ import annotations

import time

from dirgraph.bench.measure import time_calls


def test_time_calls_samples_repeat_runs_after_the_warm_up() -> None:
    calls: list[int] = []
    latency = time_calls(lambda: calls.append(1) or [1, 2, 3], repeat=5, warmup=1, budget_s=30.0)
    assert len(calls) == 6 and latency.runs == 5 and latency.rows == 3


def test_a_warm_up_slower_than_the_budget_is_the_only_sample() -> None:
    calls: list[int] = []

    def slow() -> list[int]:
        calls.append(1)
        time.sleep(0.05)
        return [1]

    latency = time_calls(slow, repeat=50, warmup=1, budget_s=0.01)
    assert len(calls) == 1 and latency.runs == 1 and latency.p50_ms >= 50
