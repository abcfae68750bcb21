"""Markdown's lazy ordered lists: "1." typed before every item renders as 1, 2, 3.

CommonMark numbers an ordered list from its first item's number on, whatever the later items
say, and many writers type "1." for every item so the list renumbers itself when edited. A reader
of the rendered page sees 1–5; the plain text says 1, 1, 1. Only lists whose every item carries
the same number are renumbered: a list typed 1, 2, 3 is left alone, and so is anything that is not
a run of list items (a heading or an unindented paragraph ends the run).
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(?P<indent>[ ]{0,3})(?P<no>\d{1,2})\.(?P<gap>[ \t]+)(?=\S)")


def renumber_lazy_lists(text: str) -> str:
    """``text`` with each run of same-numbered Markdown list items numbered in sequence."""
    if "\n1. " not in text and not text.startswith("1. "):
        return text
    lines = text.split("\n")
    run: list[int] = []  # indices of the items of the current run
    runs: list[list[int]] = []
    indent = ""
    for i, line in enumerate(lines):
        m = _ITEM.match(line)
        if m is not None and (not run or m.group("indent") == indent):
            run.append(i)
            indent = m.group("indent")
            continue
        if not line.strip() or (run and line.startswith((" ", "\t"))):
            continue  # a blank line or an item's indented continuation: the list goes on
        if len(run) > 1:
            runs.append(run)
        run = []
        if m is not None:  # an item at another indent starts a run of its own
            run, indent = [i], m.group("indent")
    if len(run) > 1:
        runs.append(run)
    for items in runs:
        numbers = {_ITEM.match(lines[i]).group("no") for i in items}  # type: ignore[union-attr]
        if len(numbers) != 1:
            continue
        first = int(numbers.pop())
        for offset, i in enumerate(items):
            m = _ITEM.match(lines[i])
            assert m is not None
            lines[i] = f"{m.group('indent')}{first + offset}.{m.group('gap')}{lines[i][m.end():]}"
    return "\n".join(lines)
