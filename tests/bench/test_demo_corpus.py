"""The bundled demo corpus: rendered members are up to date, every file reads and extracts."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo"
MEMBERS = sorted(p for p in DEMO.iterdir() if p.suffix in {".txt", ".md", ".docx", ".pdf"} and p.name != "README.md")


def test_demo_has_ten_documents_in_every_format() -> None:
    assert len(MEMBERS) == 10
    assert {p.suffix for p in MEMBERS} == {".txt", ".md", ".docx", ".pdf"}


def test_rendered_members_match_their_sources() -> None:
    """build.py --check re-renders docx/pdf/BOM/NFD members and compares bytes (determinism + freshness)."""
    result = subprocess.run([sys.executable, str(DEMO / "build.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_encoding_variants_are_really_there() -> None:
    bom = (DEMO / "02-ke-hoach-thanh-uy-hai-phong.txt").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf")
    nfd = (DEMO / "05-ke-hoach-ubnd-quan-ngo-quyen.txt").read_text(encoding="utf-8")
    assert nfd == unicodedata.normalize("NFD", nfd) != unicodedata.normalize("NFC", nfd)


def test_docx_appendix_is_a_real_table() -> None:
    from docx import Document

    doc = Document(str(DEMO / "03-ke-hoach-ubnd-hai-phong.docx"))
    header = [cell.text for cell in doc.tables[-1].rows[0].cells]
    assert header == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert "Số: 124/KH-UBND" in doc.tables[0].rows[2].cells[0].text


def test_pdf_task_table_is_found_by_pdfplumber() -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO((DEMO / "04-ke-hoach-so-giao-duc-hai-phong.pdf").read_bytes())) as pdf:
        tables = [t for page in pdf.pages for t in page.extract_tables()]
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert tables and tables[0][0][:3] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert "Số: 1452/KH-SGDĐT" in text


@pytest.mark.skipif(importlib.util.find_spec("dirgraph.ingest.pipeline") is None, reason="pipeline not landed")
@pytest.mark.parametrize("path", MEMBERS, ids=lambda p: p.name)
def test_every_demo_document_extracts(path: Path) -> None:
    from dirgraph.ingest.pipeline import extract_file

    record = extract_file(path)
    assert record.document.kind in {"conclusion", "plan", "report", "dispatch"}
    assert record.tasks or record.document.kind in {"report", "dispatch"}


@pytest.mark.skipif(importlib.util.find_spec("dirgraph.ingest.pipeline") is None, reason="pipeline not landed")
def test_demo_cascade_edges_are_extracted() -> None:
    """The plans say what they implement; the report implements nothing; the dispatch mentions the plan."""
    from dirgraph.ingest.pipeline import extract_file

    def implemented(name: str) -> set[str]:
        record = extract_file(DEMO / name)
        return {r.target for r in record.relations if r.source == "SELF" and r.type == "implements"}

    assert "146-KL/TW" in implemented("02-ke-hoach-thanh-uy-hai-phong.txt")
    assert "124/KH-UBND" in implemented("04-ke-hoach-so-giao-duc-hai-phong.pdf")
    assert "97/KH-UBND" in implemented("06-ke-hoach-ubnd-phuong-lach-tray.txt")
    assert "187-KH/TU" in implemented("08-ke-hoach-huyen-uy-nghi-loc.md")
    assert implemented("09-bao-cao-so-khcn-hai-phong.pdf") == set()
    dispatch = extract_file(DEMO / "10-cong-van-ubnd-hai-phong-don-doc.txt")
    assert dispatch.document.kind == "dispatch"
    assert "124/KH-UBND" in {r.target for r in dispatch.relations}
