"""PDF: the text layer page by page, tables through pdfplumber rendered as pipe rows in place.

Text outside the tables is taken line by line with its vertical position, tables are placed at
the top of their bounding box, and the two are merged in reading order. A PDF without a text
layer is a scan: it needs ``--ocr`` (Debian's tesseract), or a clear error says so.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from dirgraph.core.errors import IngestError
from dirgraph.ingest.readers.base import Loaded, pipe_row

SCANNED = "PDF has no text layer (scanned); re-run with --ocr"
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$|^\s*(?:Trang|Page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*$")
_MIN_TEXT_CHARS = 20


def warm_up() -> None:
    """Import pdfplumber ahead of the first file (``readers.warm_up_loaders``)."""
    import pdfplumber  # noqa: F401


def load(path: Path, data: bytes, *, ocr: bool = False) -> Loaded:
    import pdfplumber  # heavy import kept inside the loader

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(str(path), "not a PDF file (no %PDF header)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    warnings: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if getattr(pdf.doc, "encryption", None) and not pdf.pages:
                raise IngestError(str(path), "PDF is encrypted")
            pages = [_page_lines(page) for page in pdf.pages]
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many exception types on damaged files
        raise IngestError(str(path), f"corrupt PDF: {type(exc).__name__}") from exc
    chars = sum(len("".join(line.split())) for lines in pages for line in lines)
    if chars < _MIN_TEXT_CHARS:
        if not ocr:
            raise IngestError(str(path), SCANNED)
        from dirgraph.ingest.readers.ocr import ocr_pdf

        return Loaded(ocr_pdf(path, data), ["text recognised by OCR (tesseract); check spellings"])
    text = "\n\f\n".join("\n".join(_drop_page_numbers(lines)) for lines in pages)
    if text.count("(cid:") > 10:
        warnings.append("PDF font has no Unicode map: some characters came out as (cid:N)")
    return Loaded(text, warnings)


def _page_lines(page: Any) -> list[str]:
    """Lines of one page in reading order, each table replaced by its pipe rows."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, int, list[str]]] = []
    for order, table in enumerate(tables):
        rows = [pipe_row([c or "" for c in _dedupe(row)]) for row in table.extract() if any(row)]
        items.append((table.bbox[1], order, ["", *rows, ""]))

    def outside(obj: dict[str, Any]) -> bool:
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    rest = page.filter(outside) if boxes else page
    for line in rest.extract_text_lines(layout=False, strip=True, return_chars=False):
        items.append((line["top"], len(tables), [line["text"]]))
    items.sort(key=lambda it: (it[0], it[1]))
    return [text for _top, _order, texts in items for text in texts]


def _dedupe(row: list[str | None]) -> list[str | None]:
    """pdfplumber gives a merged cell as text then None; keep one cell per visible cell."""
    return [cell for cell in row if cell is not None]


def _drop_page_numbers(lines: list[str]) -> list[str]:
    """Drop a page number printed as the first or last line of a page."""
    out = list(lines)
    while out and not out[-1].strip():
        out.pop()
    if out and _PAGE_NUMBER.match(out[-1]):
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    if out and _PAGE_NUMBER.match(out[0]):
        out.pop(0)
    return out
