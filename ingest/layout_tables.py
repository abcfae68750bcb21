"""Task tables as ``pdftotext -layout`` prints them → Markdown pipe rows.

A landscape appendix saved with ``pdftotext -layout`` keeps its columns side by side, padded
with spaces, and a wrapped cell goes on in the same column on the next lines::

      TT        Nhiệm vụ           Đơn vị chủ trì      Đơn vị phối hợp     Thời gian
                                                                           thực hiện
      1    Rà soát mạng lưới     Phòng Tổ chức      Phòng Kế hoạch -    Quý I/2026
           trạm y tế             cán bộ             Tài chính

Normalization joins wrapped lines into paragraphs and folds spaces, which would run every column
of a row into one sentence; so such a table is turned into the pipe rows the other readers give
(``| 1 | Rà soát … | Phòng Tổ chức cán bộ | … |``) before that, and the appendix reader reads it
like a Word table. Columns are found from the data lines: a column gap is a run of at least two
positions that is blank on every line of the table (the header is centred, so it is only mapped
onto the columns its words overlap). A row is everything from its number to the next number;
a lone page number and a form feed between rows are no part of it.
"""

from __future__ import annotations

import re

# The header line of a task table: a number column, then words of the other columns, set apart by
# wide gaps ("  TT      Nhiệm vụ      Đơn vị chủ trì …").
_HEADER = re.compile(
    r"^\s*(?:S?TT|Số\s+TT)\s{2,}\S.*\s{2,}\S", re.IGNORECASE | re.MULTILINE)
_ROLE_WORDS = re.compile(r"chủ\s+trì|phối\s+hợp|thực\s+hiện|thời\s+gian|nhiệm\s+vụ|nội\s+dung", re.IGNORECASE)
_HEADER_WORD = re.compile(
    r"(?:s?tt|số|nhiệm|vụ|nội|dung|cơ|quan|đơn|vị|chủ|trì|phối|hợp|thời|gian|hạn|thực|hiện|hoàn|thành|"
    r"sản|phẩm|ghi|chú|tiến|độ|kết|quả|dự|kiến|tên|công|việc|và|/|\(|\))+", re.IGNORECASE)
_CHUNK = re.compile(r"\S+(?: \S+)*")
_ROW_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})\.?")
_PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*")


def layout_tables_to_pipes(text: str) -> str:
    """``text`` with each ``pdftotext -layout`` task table rewritten as pipe rows (``text`` itself,
    the same object, when it holds none: the usual case, one regex search)."""
    if "   " not in text or _HEADER.search(text) is None:
        return text
    lines = text.replace("\f", "\n").split("\n")
    out: list[str] = []
    i = 0
    changed = False
    while i < len(lines):
        if _is_header(lines[i]):
            table, end = _table(lines, i)
            if table:
                out.extend(table)
                i = end
                changed = True
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out) if changed else text


def _chunks(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the runs of ``line`` set apart by two spaces or more."""
    return [(m.start(), m.end(), m.group()) for m in _CHUNK.finditer(line.replace("\t", "    "))]


def _is_header(line: str) -> bool:
    chunks = _chunks(line)
    if len(chunks) < 3 or not _HEADER.match(line):
        return False
    return _ROLE_WORDS.search(line) is not None and all(_header_words(c[2]) for c in chunks[:2])


def _is_page_number(line: str, number_end: int) -> bool:
    """A page number printed alone, right of the number column."""
    return bool(_PAGE_NUMBER.fullmatch(line)) and len(line) - len(line.lstrip()) > number_end


def _table(lines: list[str], head: int) -> tuple[list[str], int]:
    """Pipe rows of the table whose header is ``lines[head]``, and the index after its last line."""
    header = [lines[head]]
    i = head + 1
    while i < len(lines) and (not lines[i].strip() or _header_only(lines[i])):
        if lines[i].strip():
            header.append(lines[i])
        i += 1
    number_end = _chunks(lines[head])[0][1] + 1
    body: list[str] = []
    while i < len(lines):
        line = lines[i].replace("\t", "    ")
        chunks = _chunks(line)
        if chunks and chunks[0][0] <= number_end and not _ROW_NUMBER.fullmatch(chunks[0][2].split(" ")[0]):
            break  # text from the left margin that is no row number: the table has ended
        body.append("" if _is_page_number(line, number_end) else line)
        i += 1
    while body and not body[-1].strip():
        body.pop()
    data = [line for line in body if line.strip()]
    if len(data) < 2:
        return [], head
    columns = _columns(data)
    if len(columns) < 3:
        return [], head
    names = _header_names(header, columns)
    rows = _rows(body, columns, number_end)
    if not rows:
        return [], head
    out = ["| " + " | ".join(names) + " |"]
    out += ["| " + " | ".join(cells) + " |" for cells in rows]
    return ["", *out, ""], i


def _header_only(line: str) -> bool:
    """A header line's second line ("thực hiện" under "Thời gian")."""
    chunks = _chunks(line)
    return bool(chunks) and all(_header_words(c[2]) for c in chunks)


def _header_words(run: str) -> bool:
    """A run made only of a header's words ("Đơn vị chủ trì", "thực hiện")."""
    return _HEADER_WORD.fullmatch(run.replace(" ", "")) is not None


def _columns(data: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each column: the spans between runs of ≥ 2 positions blank on every line."""
    width = max(len(line) for line in data)
    filled = [False] * width
    for line in data:
        for k, ch in enumerate(line):
            if not ch.isspace():
                filled[k] = True
    columns: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if not filled[k]:
            k += 1
            continue
        start = k
        while k < width and (filled[k] or (k + 1 < width and filled[k + 1] and k > start)):
            k += 1  # a single blank position inside a column is a space between words
        columns.append((start, k))
    return columns


def _column_of(start: int, end: int, columns: list[tuple[int, int]]) -> int:
    """The column a run overlaps most (the nearest one when it overlaps none)."""
    best, best_overlap = 0, -1
    for n, (a, b) in enumerate(columns):
        overlap = min(end, b) - max(start, a)
        if overlap > best_overlap:
            best, best_overlap = n, overlap
    if best_overlap <= 0:
        centre = (start + end) / 2
        best = min(range(len(columns)), key=lambda n: abs((columns[n][0] + columns[n][1]) / 2 - centre))
    return best


def _header_names(header: list[str], columns: list[tuple[int, int]]) -> list[str]:
    names: list[list[str]] = [[] for _ in columns]
    for line in header:
        for start, end, text in _chunks(line):
            names[_column_of(start, end, columns)].append(text)
    return [" ".join(parts) for parts in names]


def _rows(body: list[str], columns: list[tuple[int, int]], number_end: int) -> list[list[str]]:
    rows: list[list[list[str]]] = []
    for line in body:
        chunks = _chunks(line)
        if not chunks:
            continue
        first = chunks[0]
        number = first[2].split(" ")[0]
        if first[0] <= number_end and _ROW_NUMBER.fullmatch(number):
            rows.append([[] for _ in columns])
            if number != first[2]:  # "1 Rà soát …": one space after the number, two cells in one run
                rest = first[0] + len(number) + 1
                chunks = [(first[0], first[0] + len(number), number), (rest, first[1], first[2][len(number) + 1:]),
                          *chunks[1:]]
        if not rows:
            continue
        for start, end, text in chunks:
            rows[-1][_column_of(start, end, columns)].append(text)
    return [[" ".join(" ".join(parts).split()) for parts in row] for row in rows]
