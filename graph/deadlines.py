"""Deadlines as dates: a "by" deadline ends on the last day of its year, quarter, month or day.

The record keeps the printed granularity (``2025``, ``2025-Q3``, ``2025-06``, ``2025-06-30``);
the timeline query needs one comparable ISO date, the end of that period.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

_Q = re.compile(r"^(\d{4})-Q([1-4])$")
_M = re.compile(r"^(\d{4})-(\d{2})$")
_D = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=4096)
def deadline_date(kind: str | None, value: str | None) -> str | None:
    """ISO end date of a "by" deadline; None for recurring or unparsable ones.

    Cached: resolve asks for every task (~14 per document) and the printed values repeat
    ("2025", "2025-Q3", "annually").

    >>> deadline_date("by", "2025"), deadline_date("by", "2025-Q1"), deadline_date("by", "2024-02")
    ('2025-12-31', '2025-03-31', '2024-02-29')
    >>> deadline_date("recurring", "annually") is None
    True
    """
    if kind != "by" or not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) == 4:
        return f"{value}-12-31"
    if m := _Q.match(value):
        year, month = int(m.group(1)), int(m.group(2)) * 3
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if m := _M.match(value):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
        return None
    if _D.match(value):
        return value
    return None
