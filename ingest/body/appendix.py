"""Appendix task tables (PHỤ LỤC, "biểu kèm theo", "Danh mục nhiệm vụ") → rows ``PL.n.m``.

Tables arrive two ways. Readers render docx/pdf/html tables as Markdown pipe rows, whose header
row names the columns (TT, nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian, sản phẩm).
Text pulled from a PDF without its table structure flattens each row into broken lines
("1.1 Tổ chức học tập … \\nCác sở ngành địa \\nphương \\nHoàn thành \\ntrong Quý \\nIV/2024");
there a row starts with its number at a line start and its cells are told apart by what opens
them: an agency head opens the lead, then the partner cell, a time cue the time cell.
Every row is a task (group rows too); chủ trì → ``leads``, phối hợp → ``coordinates``, and each
lead ``coordinates_with`` each partner of the row.
"""

from __future__ import annotations

import re

from dirgraph.ingest.body.appendix_flat import appendix_start, flat_rows
from dirgraph.ingest.body.appendix_pipe import pipe_rows
from dirgraph.ingest.body.appendix_table import Row

__all__ = ["Row", "appendix_rows", "appendix_start"]


_ROMAN_NO = re.compile(r"[IVX]+")


def appendix_rows(text: str, start: int) -> list[Row]:
    """Rows of every task table in ``text[start:]`` (pipe tables and flattened appendix tables)."""
    rows = pipe_rows(text, start)
    if not rows:
        rows = _nest_groups(flat_rows(text, start))
    return rows


def _nest_groups(rows: list[Row]) -> list[Row]:
    """Rows numbered 1, 2 … under Roman group rows I, II get the group in their number (I.1)."""
    group: str | None = None
    for row in rows:
        if _ROMAN_NO.fullmatch(row.number):
            group = row.number
        elif group and not row.number.startswith(group + "."):
            row.number = f"{group}.{row.number}"
    return rows
