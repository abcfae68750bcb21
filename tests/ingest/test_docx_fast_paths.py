"""The .docx reader's lxml shortcuts give exactly what python-docx's own properties give.

A text box's fallback copy is looked for once per document (most have none), and a cell's
vertical merge is read from its ``w:tcPr`` directly instead of through python-docx's properties.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from dirgraph.ingest.readers import docx_loader, read_file
from dirgraph.ingest.readers.docx_numbering import Numbering

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _with_text_box(document: docx.document.Document) -> None:
    """A paragraph holding a text box written both ways (a drawing and its VML fallback copy)."""
    p = document.add_paragraph("Nơi nhận: ")
    box = parse_xml(
        f'<mc:AlternateContent {nsdecls("w")} xmlns:mc="{_MC}">'
        "<mc:Choice Requires=\"wps\"><w:r><w:t>Sở Y tế</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>Sở Y tế</w:t></w:r></mc:Fallback></mc:AlternateContent>"
    )
    p._p.append(box)


def _document(text_box: bool) -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    if text_box:
        _with_text_box(document)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Rà soát", ""], ["2", "Báo cáo", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Sở Nội vụ"
    # a w:vMerge with no w:val (the schema's default: continue) and one with val="restart"
    table.cell(0, 0)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
    table.cell(1, 0)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))
    return document


def _walker(document: docx.document.Document) -> docx_loader._Walker:
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
    return docx_loader._Walker(Numbering.from_document(document), styles, qn)


def test_cell_merge_reading_matches_python_docx() -> None:
    document = _document(text_box=False)
    walker = _walker(document)
    cells = list(document.element.body.iter(qn("w:tc")))
    assert [walker.continues_merge(tc) for tc in cells] == [tc.vMerge == "continue" for tc in cells]
    assert sum(walker.continues_merge(tc) for tc in cells) == 2  # the merged cell and the bare w:vMerge


def test_fallback_looked_for_once_reads_every_paragraph_the_same() -> None:
    for text_box in (False, True):
        document = _document(text_box)
        body = document.element.body
        assert (body.find(".//" + docx_loader._FALLBACK) is not None) is text_box
        walker = _walker(document)
        paragraphs = list(body.iter(qn("w:p")))
        walker.any_fallback = True  # the plain computation: every paragraph searched
        plain = [walker.run_text(p) for p in paragraphs]
        walker.any_fallback = text_box
        assert [walker.run_text(p) for p in paragraphs] == plain


def test_text_box_is_read_once(tmp_path: Path) -> None:
    document = _document(text_box=True)
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "hop.docx").write_bytes(buffer.getvalue())
    text = read_file(tmp_path / "hop.docx").text
    assert text.count("Sở Y tế") == 1
    assert "| 2 | Báo cáo | |" in text
