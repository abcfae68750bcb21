"""Appendix tables rendered as Markdown pipe rows (docx, html and pdfplumber tables).

The header row names the columns (TT, nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian);
a two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") and rows continued after a
page break (no number) are folded in; rows numbered 1, 2 under Roman group rows become I.1, I.2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dirgraph.ingest.body.appendix_table import Row, agencies, text_lines
from dirgraph.ingest.body.role_labels import cell_roles
from dirgraph.ingest.body.textform import match_form


@dataclass
class _Columns:
    tt: int | None = None
    task: int | None = None
    lead: int | None = None
    partner: int | None = None
    time: int | None = None
    doers: int | None = None  # one "Cơ quan thực hiện" column, its roles written in the cells


_TT = re.compile(r"s?tt|số\s+tt|số\s+thứ\s+tự")
_TIME_HEAD = re.compile(r"thời\s+(?:gian|hạn|điểm)|tiến\s+độ|hoàn\s+thành|^(?:tháng|quý)$")
_TASK_HEAD = re.compile(r"nhiệm\s+vụ|nội\s+dung|tên|hoạt\s+động|công\s+việc")
_DOERS_HEAD = re.compile(r"(?:cơ\s+quan|đơn\s+vị|bộ\s+phận|người)\s+(?:thực\s+hiện|phụ\s+trách)|phân\s+công")
# a second header row's cell: the bare label of a column under "Cơ quan thực hiện"
_ROLE_HEAD = re.compile(r"(?:(?:cơ\s+quan|đơn\s+vị)\s+)?(?:chủ\s+trì|phối\s+hợp)(?:\s+thực\s+hiện)?")
_RULE = re.compile(r":?-{2,}:?|")
_ROMAN_NO = re.compile(r"[IVX]+")
_ROW_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}")


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in body.split("|")]


def _header(cells: list[str]) -> _Columns | None:
    cols = _Columns()
    for i, cell in enumerate(cells):
        form = match_form(cell)
        if _TT.fullmatch(form):
            cols.tt = i
        elif "chủ trì" in form:
            cols.lead = i
        elif "phối hợp" in form:
            cols.partner = i
        elif _TIME_HEAD.search(form):
            cols.time = i
        elif cols.task is None and _TASK_HEAD.search(form):
            cols.task = i
        elif cols.doers is None and _DOERS_HEAD.search(form):
            cols.doers = i
    if cols.task is None or (cols.lead is None and cols.time is None):
        return None
    return cols


def pipe_rows(text: str, start: int) -> list[Row]:
    rows: list[Row] = []
    if text.find("|", start) < 0:  # no pipe row at all: most documents; skips the line walk
        return rows
    cols: _Columns | None = None
    group: str | None = None
    header_width = 0
    for begin, end, raw in text_lines(text, start):
        if not raw.lstrip().startswith("|"):
            cols = None if raw.strip() else cols
            continue
        cells = _cells(raw)
        if all(_RULE.fullmatch(c) for c in cells):
            continue
        header = _header(cells)
        if header is not None:
            cols, group, header_width = header, None, len(cells)
            continue
        if cols is None:
            continue
        if cols.lead is None and any(_ROLE_HEAD.fullmatch(match_form(c)) for c in cells):
            _second_header(cols, cells, header_width)
            continue
        row = _pipe_row(cells, cols, begin, end)
        if row is None:
            if rows and _continuation(cells, cols):
                _extend(rows[-1], cells, cols, end)
            continue
        if _ROMAN_NO.fullmatch(row.number):
            group = row.number
        elif group and "." not in row.number:
            row.number = f"{group}.{row.number}"
        rows.append(row)
    return rows


def _second_header(cols: _Columns, cells: list[str], header_width: int) -> None:
    """A two-row header: "Cơ quan thực hiện" spans "Chủ trì | Phối hợp" below it. Word keeps a
    spanning cell once, so the first row is shorter and its columns right of the span shift."""
    for i, cell in enumerate(cells):
        form = match_form(cell)
        if "chủ trì" in form:
            cols.lead = i
        elif "phối hợp" in form:
            cols.partner = i
    shift = len(cells) - header_width
    if shift > 0 and cols.lead is not None and cols.time is not None and cols.time >= cols.lead:
        cols.time += shift


def _continuation(cells: list[str], cols: _Columns) -> bool:
    """A row without a number that carries on the row above (a page break inside a table)."""
    return not _cell(cells, cols.tt if cols.tt is not None else 0).strip() and any(c.strip() for c in cells)


def _extend(row: Row, cells: list[str], cols: _Columns, end: int) -> None:
    row.text = " ".join(f"{row.text} {_cell(cells, cols.task)}".split())
    row.leads.extend(agencies(_cell(cells, cols.lead)))
    row.partners.extend(agencies(_cell(cells, cols.partner)))
    row.time = " ".join(f"{row.time} {_cell(cells, cols.time)}".split())
    row.end = end


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


_SPANNING_GROUP = re.compile(r"(?P<no>[IVX]{1,5}|\d{1,2})\s*[.)\-–]\s+(?P<text>\S.*)")


def _pipe_row(cells: list[str], cols: _Columns, begin: int, end: int) -> Row | None:
    # "**1**": a group row set in bold where Markdown was not rendered
    number = _cell(cells, cols.tt if cols.tt is not None else 0).strip().strip("*_").strip().rstrip(".")
    task = _cell(cells, cols.task).strip()
    if not _ROW_NUMBER.fullmatch(number):
        # a group row printed as one cell across the table: "| I. HOÀN THIỆN QUY ĐỊNH … |"
        filled = [c.strip() for c in cells if c.strip()]
        spanning = _SPANNING_GROUP.fullmatch(filled[0].strip("*_ ")) if len(filled) == 1 else None
        if spanning is None:
            return None
        number, task = spanning.group("no"), spanning.group("text")
        return Row(number=number, text=" ".join(task.strip("*_ ").split()), leads=[], partners=[], time="",
                   start=begin, end=end)
    if task.startswith("**") and task.endswith("**"):
        task = task[2:-2]
    row = Row(
        number=number,
        text=" ".join(task.split()),
        leads=agencies(_cell(cells, cols.lead)),
        partners=agencies(_cell(cells, cols.partner)),
        time=_cell(cells, cols.time),
        start=begin,
        end=end,
    )
    if cols.lead is None and cols.doers is not None:
        for agency, role in cell_roles(_cell(cells, cols.doers)):
            if role == "leads":
                row.leads.append(agency)
            elif role == "coordinates":
                row.partners.append(agency)
            else:
                row.others.append((agency, role))
    return row
