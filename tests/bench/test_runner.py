"""The one-core sample: random (seeded), not every n-th file, so a periodic corpus cannot alias it."""

from __future__ import annotations

from dirgraph.bench.runner import one_core_sample


def test_a_periodic_corpus_does_not_alias_the_sample() -> None:
    # one province plan then 199 commune plans, over and over: every 200th path is a province plan
    paths = [f"{i:06d}-{'province' if i % 200 == 0 else 'commune'}.txt" for i in range(100_000)]
    sample = one_core_sample(paths, 500)
    provinces = sum("province" in p for p in sample)
    assert len(sample) == len(set(sample)) == 500
    assert provinces < 15  # 0.5% of the corpus; a stride of 200 would pick 500 of them
    assert sample == sorted(sample)  # corpus order


def test_the_sample_is_the_same_each_run_and_small_corpora_are_taken_whole() -> None:
    paths = [f"{i}.md" for i in range(5_000)]
    assert one_core_sample(paths, 50) == one_core_sample(paths, 50)
    assert one_core_sample(paths[:30], 50) == paths[:30]
