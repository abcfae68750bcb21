"""Suite-wide hygiene."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _collector_unfrozen_after_each_test() -> Iterator[None]:
    """Building a graph freezes what is alive (``gc_paused(freeze_survivors=True)``); in a test
    process that includes pytest's own cyclic garbage, so each test hands it back to the collector."""
    yield
    gc.unfreeze()
