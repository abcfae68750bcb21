"""Targets from an indicator table rendered as pipe rows (Chỉ tiêu | Đơn vị tính | 2025 | 2030).

State plans often state their goals as a table: one indicator per row, its unit in a "Đơn vị"
column and its level in one column per year ("Năm 2025", "Đến năm 2030"). Each numeric cell is a
target with that unit and year; a table without a year column or a unit column is not one.
"""

from __future__ import annotations

import re

from dirgraph.ingest.body.appendix_table import text_lines
from dirgraph.ingest.body.cues import target_units
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import Target

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_VALUE = re.compile(r"^\D{0,12}?(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)\s*%?\D{0,6}$")


def _cells(line: str) -> list[str]:
    body = line.strip().strip("|")
    return [cell.strip() for cell in body.split("|")]


def table_targets(ctx: DocContext, start: int) -> list[Target]:
    """Targets of every indicator table in ``ctx.text[start:]``."""
    out: list[Target] = []
    name_col: int | None = None
    unit_col: int | None = None
    years: dict[int, int] = {}
    if ctx.text.find("|", start) < 0:  # no pipe row at all: most documents; skips the line walk
        return out
    for begin, _end, raw in text_lines(ctx.text, start):
        if not raw.lstrip().startswith("|"):
            name_col, unit_col, years = None, None, {}
            continue
        cells = _cells(raw)
        # a header needs a year cell, and a cell's year is a year of its line (a cell is a stripped
        # piece between pipes, so no digit sits next to it): most rows skip the per-cell reading
        header = _header(cells) if ("19" in raw or "20" in raw) and _YEAR.search(raw) else None
        if header is not None:
            name_col, unit_col, years = header
            continue
        if name_col is None and unit_col is None:
            # the first of a two-row header: "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch các năm | | |"
            # over "| | | | Năm 2026 | Năm 2027 | Năm 2028 |"
            name_col, unit_col = _name_and_unit(cells)
            continue
        if not years:
            years = _year_columns(cells) if name_col is not None and unit_col is not None else {}
            if years:
                continue
        if name_col is None or unit_col is None or not years:
            continue
        name = cells[name_col] if name_col < len(cells) else ""
        unit = _unit(cells[unit_col] if unit_col < len(cells) else "")
        if not name or unit is None:
            continue
        for col, year in years.items():
            match = _VALUE.match(cells[col]) if col < len(cells) else None
            if match:
                out.append(Target(text=" ".join(name.split()), value=_number(match.group(1)), unit=unit, year=year,
                                  provenance=ctx.provenance(begin, begin + len(raw))))
    return out


_NAME_HEAD = re.compile(r"chỉ\s+tiêu|nội\s+dung|tiêu\s+chí")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _header(cells: list[str]) -> tuple[int, int, dict[int, int]] | None:
    name_col, unit_col = _name_and_unit(cells)
    if name_col is None or unit_col is None:
        return None
    years: dict[int, int] = {}
    for i, cell in enumerate(cells):
        form = match_form(cell)
        if i not in (name_col, unit_col) and (year := _YEAR.search(form)) and len(form) <= 25:
            years[i] = int(year.group(1))
    return (name_col, unit_col, years) if years else None


def _name_and_unit(cells: list[str]) -> tuple[int | None, int | None]:
    """The indicator and unit columns of a header row that has no year cells."""
    name_col = unit_col = None
    for i, cell in enumerate(cells):
        form = match_form(cell)
        if ("đơn vị" in form and "tính" in form) or form in ("đvt", "đơn vị"):
            unit_col = i
        elif name_col is None and _NAME_HEAD.search(form):
            name_col = i
    return (name_col, unit_col) if name_col is not None and unit_col is not None else (None, None)


def _year_columns(cells: list[str]) -> dict[int, int]:
    """The year columns of a header's second row: every filled cell a short year label ("Năm 2026")."""
    years: dict[int, int] = {}
    for i, cell in enumerate(cells):
        form = match_form(cell)
        if not form:
            continue
        year = _YEAR.search(form)
        if year is None or len(form) > 25:
            return {}
        years[i] = int(year.group(1))
    return years


def _unit(cell: str) -> str | None:
    form = match_form(" ".join(cell.split()))
    if not form:
        return None
    for unit in target_units():
        if form == unit.written:
            return unit.filed
    return form if len(form) <= 20 else None


def _number(raw: str) -> int | float:
    if _THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", "")
    value = float(raw.replace(",", "."))
    return int(value) if value.is_integer() else value
