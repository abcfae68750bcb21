"""Render a synthetic document, written in a tiny line markup, as txt, Markdown or docx bytes.

The markup (shared by the templates under ``bench/data``): ``@header`` … ``@end`` rows
``left || right`` (the two-column header or signature grid), ``@table`` … ``@end`` pipe rows
(first row = column headings), ``^`` centred bold heading lines, anything else a paragraph.

Why a hand-rolled docx writer: python-docx takes ~10 ms per file, which is minutes at 10^5
documents; the four parts a WordprocessingML package needs, written directly, take about 1 ms and
python-docx (our reader) opens the result like any Word file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

ZIP_TIME = (2025, 7, 1, 0, 0, 0)


@dataclass
class Block:
    kind: str  # "para" | "heading" | "header" | "table"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def parse(source: str) -> list[Block]:
    """Split markup into blocks; blank lines are ignored."""
    blocks: list[Block] = []
    grid: Block | None = None
    for raw in source.splitlines():
        line = raw.rstrip()
        if line in ("@header", "@table"):
            grid = Block(kind=line[1:])
        elif line == "@end":
            if grid is not None and grid.rows:
                blocks.append(grid)
            grid = None
        elif grid is not None:
            if line.strip():
                sep = "||" if grid.kind == "header" else "|"
                grid.rows.append([cell.strip() for cell in line.split(sep)])
        elif not line.strip():
            continue
        elif line.startswith("^"):
            blocks.append(Block(kind="heading", text=line[1:].strip()))
        else:
            blocks.append(Block(kind="para", text=line.strip()))
    return blocks


def _pipe(row: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"


def to_txt(blocks: list[Block]) -> str:
    """Plain text the way a converted document looks: header columns side by side, tables as pipe rows."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "header":
            lefts = [row[0] if row else "" for row in block.rows]
            rights = [row[1] if len(row) > 1 else "" for row in block.rows]
            if max(len(text) for text in lefts) > 42:
                # a long Nơi nhận list: converters put the signature column first, then the list
                out.extend(f"{'':<44}{text}".rstrip() for text in rights)
                out.append("")
                out.extend(text for text in lefts if text)
            else:
                out.extend(f"{left:<44}{right}".rstrip() for left, right in zip(lefts, rights, strict=True))
            out.append("")
        elif block.kind == "table":
            out.extend(_pipe(row) for row in block.rows)
            out.append("")
        else:
            out.append(block.text)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_md(blocks: list[Block]) -> str:
    """Markdown: first heading as ``#``, Roman-numbered sections as ``##``, tables with a rule row."""
    out: list[str] = []
    seen_title = False
    for block in blocks:
        if block.kind == "header":
            lefts = [row[0] for row in block.rows if row and row[0]]
            rights = [row[1] for row in block.rows if len(row) > 1 and row[1]]
            out.extend(f"**{text}**" if text.isupper() else text for text in lefts)
            out.append("")
            out.extend(f"**{text}**" if text.isupper() else f"*{text}*" for text in rights)
            out.append("")
        elif block.kind == "table":
            width = max(len(row) for row in block.rows)
            rows = [row + [""] * (width - len(row)) for row in block.rows]
            out.append(_pipe(rows[0]))
            out.append("|" + "---|" * width)
            out.extend(_pipe(row) for row in rows[1:])
            out.append("")
        elif block.kind == "heading":
            out.append(f"# {block.text}" if not seen_title else f"**{block.text}**")
            seen_title = True
            out.append("")
        else:
            head = block.text.split(" ", 1)[0]
            is_section = head.endswith(".") and head[:-1] and set(head[:-1]) <= set("IVX")
            out.append(f"## {block.text}" if is_section else block.text)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, bold: bool = False, center: bool = False) -> str:
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return f"<w:p>{props}{_run(text, bold) if text else ''}</w:p>"


def _table(rows: list[list[str]], grid: bool) -> str:
    width = max(len(row) for row in rows)
    style = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    parts = [f'<w:tbl><w:tblPr>{style}<w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    parts.append('<w:gridCol w:w="2000"/>' * width)
    parts.append("</w:tblGrid>")
    for row in rows:
        parts.append("<w:tr>")
        for i in range(width):
            cell = row[i] if i < len(row) else ""
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{_para(cell)}</w:tc>')
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator>dirgraph generate</dc:creator>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2025-07-01T00:00:00Z</dcterms:created>'
    "</cp:coreProperties>"
)


def to_docx(blocks: list[Block]) -> bytes:
    """A Word file: paragraphs, a borderless header grid and ruled tables; deterministic bytes."""
    body: list[str] = []
    for block in blocks:
        if block.kind == "para":
            body.append(_para(block.text))
        elif block.kind == "heading":
            body.append(_para(block.text, bold=True, center=True))
        else:
            body.append(_table(block.rows, grid=block.kind == "table"))
            body.append(_para(""))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("docProps/core.xml", _CORE),
            ("word/document.xml", document),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
