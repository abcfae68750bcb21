"""Word .docx: paragraphs and tables in reading order, tables as Markdown pipe rows.

python-docx's ``document.paragraphs`` and ``document.tables`` lose the order between them; the
body XML is walked instead, so an appendix table lands after the heading that announces it.
Horizontally merged cells are one ``w:tc`` and come out once; a vertically merged cell keeps
its text in its first row only. Header layouts (quốc hiệu beside the issuer) are tables too.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from dirgraph.core.errors import IngestError
from dirgraph.ingest.readers.base import Loaded, pipe_row


def warm_up() -> None:
    """Import python-docx ahead of the first file (``readers.warm_up_loaders``)."""
    import docx  # noqa: F401
    from docx.opc.exceptions import PackageNotFoundError  # noqa: F401
    from docx.oxml.ns import qn  # noqa: F401

    from dirgraph.ingest.readers.docx_numbering import Numbering  # noqa: F401


def load(path: Path, data: bytes, *, ocr: bool = False) -> Loaded:
    import docx  # heavy import kept inside the loader
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    from dirgraph.ingest.readers.docx_numbering import Numbering

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(str(path), "not a valid .docx (not a zip package; old Word .doc saved as .docx?)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise IngestError(str(path), f"corrupt .docx: {_one_line(exc)}") from exc
    except Exception as exc:  # lxml and python-docx raise many shapes on damaged XML
        raise IngestError(str(path), f"corrupt .docx: {type(exc).__name__}") from exc
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
    walker = _Walker(Numbering.from_document(document), styles, qn)
    walker.any_fallback = document.element.body.find(".//" + _FALLBACK) is not None
    walker.block(document.element.body)
    return Loaded("\n".join(walker.lines), paragraphs=True)


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _Walker:
    """Collects output lines while walking block-level XML (paragraphs, tables, content controls)."""

    def __init__(self, numbering: Any, styles: dict[str, Any], qn: Any) -> None:
        self.numbering = numbering
        self.styles = styles
        self.qn = qn
        self.lines: list[str] = []
        # tag names resolved once per document, not once per paragraph
        self.p_tag, self.tbl_tag, self.sdt_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt")
        self.sdt_content = qn("w:sdtContent")
        self.wanted: dict[str, str | None] = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
        self.tc_pr_tag, self.v_merge_tag, self.val_attr = qn("w:tcPr"), qn("w:vMerge"), qn("w:val")
        #: whether any paragraph may hold a text box's fallback copy: most documents have none at all
        self.any_fallback = True

    def block(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == self.p_tag:
                self.lines.append(self.paragraph(child))
            elif child.tag == self.tbl_tag:
                self.lines.append("")
                self.lines.extend(self.table(child))
                self.lines.append("")
            elif child.tag == self.sdt_tag:
                content = child.find(self.sdt_content)
                if content is not None:
                    self.block(content)

    def paragraph(self, p: Any) -> str:
        from dirgraph.ingest.readers.docx_numbering import paragraph_num

        text = self.run_text(p)
        num = paragraph_num(p, self.styles)
        if num is not None:
            label = self.numbering.label(*num)
            if label and text.strip():
                text = f"{label} {text.lstrip()}"
        return text

    def run_text(self, p: Any) -> str:
        """Visible text of a paragraph: runs, hyperlinks, tracked insertions, text boxes.

        Deleted text (``w:delText``) and field codes (``w:instrText``) are not ``w:t`` and stay
        out; a text box's fallback copy for old Word versions is skipped so it is read once.
        """
        wanted = self.wanted
        fallback = _FALLBACK
        has_fallback = self.any_fallback and p.find(".//" + fallback) is not None
        parts: list[str] = []
        for el in p.iter(*wanted):
            if has_fallback and any(a.tag == fallback for a in el.iterancestors()):
                continue
            fixed = wanted[el.tag]
            parts.append(el.text or "" if fixed is None else fixed)
        return "".join(parts)

    def cell_text(self, tc: Any) -> str:
        parts: list[str] = []
        for child in tc.iterchildren():
            if child.tag == self.p_tag:
                parts.append(self.paragraph(child))
            elif child.tag == self.tbl_tag:  # nested table: its text, flattened
                parts.extend(" ".join(self.cell_text(c) for c in tr.tc_lst) for tr in child.tr_lst)
        return " ".join(" ".join(parts).split())

    def continues_merge(self, tc: Any) -> bool:
        """``tc.vMerge == "continue"``, read with lxml: python-docx's property chain costs ~10% of a file.

        A ``w:vMerge`` with no ``w:val`` continues the merge (the schema's default).
        """
        tc_pr = tc.find(self.tc_pr_tag)
        if tc_pr is None:
            return False
        v_merge = tc_pr.find(self.v_merge_tag)
        if v_merge is None:
            return False
        val = v_merge.get(self.val_attr)
        return val is None or val == "continue"

    def table(self, tbl: Any) -> list[str]:
        rows = []
        for tr in tbl.tr_lst:
            cells = []
            for tc in tr.tc_lst:
                cells.append("" if self.continues_merge(tc) else self.cell_text(tc))
            if any(cells):
                rows.append(pipe_row(cells))
        return rows


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__
