"""Render the demo corpus members that are not plain text (docx, pdf, BOM and NFD txt) from demo/sources.

Why a build script: binary members must stay reproducible (anyone can re-render them after fixing
a source line) and deterministic (same bytes every run, so git shows no noise). The plain .txt/.md
members are their own sources and are not touched here.

Source markup (``sources/*.tpl``), one paragraph per line:

- ``@header`` … ``@end``: rows ``left || right`` rendered as a borderless two-column table
  (the issuing-body / quốc hiệu header, or the Nơi nhận / signature block);
- ``@table`` … ``@end``: pipe rows, the first one the column headings, rendered as a real table;
- a line starting with ``^``: a centred bold heading line;
- anything else: a paragraph (blank lines are ignored).

Run: ``.venv/bin/python demo/build.py`` (``--check`` exits 1 when a committed member differs).
"""

from __future__ import annotations

import argparse
import io
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from dirgraph.bench.markup import Block, parse  # one parser for the demo and the synthetic corpus

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = datetime(2025, 7, 15, 8, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 7, 15, 8, 0, 0)


def render_docx(blocks: list[Block]) -> bytes:
    """A Word file: header and signature as two-column tables, the appendix as a real grid table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    props = doc.core_properties
    props.author = "dirgraph demo"
    props.last_modified_by = "dirgraph demo"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    for block in blocks:
        if block.kind == "para":
            doc.add_paragraph(block.text)
        elif block.kind == "heading":
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(block.text).bold = True
        else:
            width = max(len(row) for row in block.rows)
            table = doc.add_table(rows=0, cols=width)
            if block.kind == "table":
                table.style = "Table Grid"
            for row in block.rows:
                cells = table.add_row().cells
                for i in range(width):
                    cells[i].text = row[i] if i < len(row) else ""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _normalize_zip(buffer.getvalue())


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so the same source gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_pdf(blocks: list[Block]) -> bytes:
    """A PDF in DejaVu Sans: header grid without borders, tables with ruled borders (pdfplumber finds them)."""
    from fpdf import FPDF
    from fpdf.enums import TableBordersLayout

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author("dirgraph demo")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 15, 15)
    pdf.add_page()
    for block in blocks:
        if block.kind == "para":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.5, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.kind == "heading":
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 9)
            width = max(len(row) for row in block.rows)
            layout = TableBordersLayout.NONE if block.kind == "header" else TableBordersLayout.ALL
            widths = (1, 1) if width == 2 else (8, 40, 22, 22, 18)[:width] if width == 5 else None
            pdf.ln(2)
            with pdf.table(
                borders_layout=layout,
                first_row_as_headings=block.kind == "table",
                col_widths=widths,
                text_align="LEFT",
                line_height=5,
            ) as table:
                for row in block.rows:
                    cells = table.row()
                    for i in range(width):
                        cells.cell(row[i] if i < len(row) else "")
            pdf.ln(3)
    return bytes(pdf.output())


def render_txt_bom(source: str) -> bytes:
    """UTF-8 with a byte-order mark, as some Windows editors save."""
    return b"\xef\xbb\xbf" + source.encode("utf-8")


def render_txt_nfd(source: str) -> bytes:
    """Decomposed (NFD) Unicode, as files saved from some macOS tools arrive."""
    return unicodedata.normalize("NFD", source).encode("utf-8")


Renderer = Callable[[str], bytes]

# member file name -> (source name, renderer)
MANIFEST: dict[str, tuple[str, Renderer]] = {
    "02-ke-hoach-thanh-uy-hai-phong.txt": ("02-ke-hoach-thanh-uy-hai-phong.tpl", render_txt_bom),
    "03-ke-hoach-ubnd-hai-phong.docx": ("03-ke-hoach-ubnd-hai-phong.tpl", lambda s: render_docx(parse(s))),
    "04-ke-hoach-so-giao-duc-hai-phong.pdf": (
        "04-ke-hoach-so-giao-duc-hai-phong.tpl",
        lambda s: render_pdf(parse(s)),
    ),
    "05-ke-hoach-ubnd-quan-ngo-quyen.txt": ("05-ke-hoach-ubnd-quan-ngo-quyen.tpl", render_txt_nfd),
    "07-ke-hoach-tinh-uy-nghe-an.docx": ("07-ke-hoach-tinh-uy-nghe-an.tpl", lambda s: render_docx(parse(s))),
    "09-bao-cao-so-khcn-hai-phong.pdf": ("09-bao-cao-so-khcn-hai-phong.tpl", lambda s: render_pdf(parse(s))),
}


def build(out_dir: Path = HERE) -> dict[str, bytes]:
    """Render every manifest member; returns name -> bytes (written to ``out_dir`` too)."""
    rendered: dict[str, bytes] = {}
    for name, (source_name, render) in MANIFEST.items():
        data = render((SOURCES / source_name).read_text(encoding="utf-8"))
        (out_dir / name).write_bytes(data)
        rendered[name] = data
    return rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare with the committed members")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the members into")
    args = parser.parse_args(argv)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            fresh = build(Path(tmp))
        stale = [name for name, data in fresh.items() if (HERE / name).read_bytes() != data]
        for name in stale:
            print(f"{name}: differs from its source; run demo/build.py", file=sys.stderr)
        return 1 if stale else 0
    for name in build(args.out):
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
