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


def _hold_memory(megabytes: int, seconds: float) -> None:
    block = bytearray(megabytes * 2**20)  # bytearray() writes zeros: every page is resident
    time.sleep(seconds)
    del block


def test_children_peak_sees_only_the_children_of_its_block() -> None:
    """``ru_maxrss`` of RUSAGE_CHILDREN is the largest child since the process began: a big child of
    an earlier stage (the 10^4 API server) was reported as the 10^5 ingest workers' peak."""
    import multiprocessing

    from dirgraph.bench.measure import children_peak

    ctx = multiprocessing.get_context("fork")  # a forked child also counts the parent's pages it maps
    with children_peak(interval_s=0.01) as first:
        big = ctx.Process(target=_hold_memory, args=(300, 0.6))
        big.start()
        big.join()
    with children_peak(interval_s=0.01) as second:
        small = ctx.Process(target=_hold_memory, args=(60, 0.6))
        small.start()
        small.join()
    assert second.children == 1 and second.bytes >= 60 * 2**20, second
    assert second.bytes < first.bytes - 200 * 2**20, (first, second)


def test_a_forked_child_is_charged_with_its_own_memory_not_its_parents() -> None:
    """A pool worker forked from a process holding a big graph maps those pages too: its ``VmHWM``
    counts them (the 10^5 bench row showed 1,741 MB), its private memory does not."""
    import multiprocessing

    from dirgraph.bench.measure import children_peak

    held = bytearray(300 * 2**20)  # the parent's memory, resident before the fork
    ctx = multiprocessing.get_context("fork")
    with children_peak(interval_s=0.01) as peak:
        child = ctx.Process(target=_hold_memory, args=(40, 0.6))
        child.start()
        child.join()
    assert peak.bytes >= 300 * 2**20  # VmHWM: the parent's pages included
    assert 40 * 2**20 <= peak.private_bytes < 150 * 2**20, peak
    del held
