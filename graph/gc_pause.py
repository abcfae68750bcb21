"""Pause Python's cyclic garbage collector while a bulk step allocates millions of objects.

Why: resolving 10^4 records allocates ~5 M small objects (pydantic models, dicts, lists) that all
stay alive. Each full collection the allocations trigger walks every object built so far, so the
collector's share grows with the graph: measured at 10^4 documents it was ~60 % of loading the
records and ~40 % of resolving them. These steps make no reference cycles worth collecting
mid-way (keep it so: a step that does, such as pydantic's ``model_construct`` with a
``default_factory``, would pile up garbage while paused), so the collector is switched off for
the step and back on after it. Plain reference counting still frees everything as usual.
Pausing the collector during the store loads gained nothing (measured), so they run as usual.

Re-enabling is not free either: everything the step allocated is still in the youngest
generation, so the first collection after it walks the whole result (~5 M objects, ~4.5 s of a
16.7 s build at 10^4 documents, measured). A step whose result is long-lived data with no
reference cycles (the resolved graph, the service's view) therefore asks for its survivors to be
frozen (``gc.freeze``): the collector never walks them again, and reference counting still frees
them when they are dropped. The price: cyclic garbage that is unreachable at that moment (from
any thread) is kept for good, so tests check that these steps leave none behind.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(freeze_survivors: bool = False) -> Iterator[None]:
    """Run the block without cyclic collections; the previous setting is restored after it.

    ``freeze_survivors``: on a normal exit, move every object alive into the permanent generation
    first, so re-enabling does not cost a walk over the block's result (see the module docstring).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze_survivors:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
