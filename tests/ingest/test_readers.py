"""read_file: every format gives the same clean text; bad input gives one-line IngestErrors."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dirgraph.core.errors import IngestError
from dirgraph.ingest.readers import ocr, read_file, supported_extensions
from dirgraph.ingest.readers.pdf_loader import SCANNED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"
SEEDS = (Path(__file__).resolve().parents[2].parent / "shared") / "seeds"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

HEADER = [
    ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["Số: 45/KH-SNV", "Hà Tĩnh, ngày 05 tháng 3 năm 2025"],
]
TITLE = "Triển khai thực hiện Chỉ thị số 12-CT/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy"
TASKS = [
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
    ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Các sở, ban, ngành", "Quý II/2025"],
    ["2", "Chuyển đổi số trong giải quyết thủ tục", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Hằng năm"],
]


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# ---------------------------------------------------------------- docx


def _plan_docx(path: Path) -> Path:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    for r, row in enumerate(HEADER):
        for c, value in enumerate(row):
            header.cell(r, c).text = value
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(TITLE)
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("Quán triệt đầy đủ nội dung Chỉ thị số 12-CT/TU.", style="List Number")
    document.add_paragraph("Nâng cao trách nhiệm của người đứng đầu.", style="List Number")
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    table = document.add_table(rows=4, cols=5)
    for r, row in enumerate(TASKS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    group = table.cell(3, 0).merge(table.cell(3, 4))  # a group row spanning the whole table
    group.text = "Nhiệm vụ thường xuyên"
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Ủy ban nhân dân tỉnh (b/c);")
    document.save(str(path))
    return path


def test_docx_keeps_reading_order_and_renders_tables(tmp_path: Path) -> None:
    doc = read_file(_plan_docx(tmp_path / "ke-hoach.docx"))
    assert doc.format == "docx"
    assert doc.text.split("\n") == [
        _pipe(HEADER[0]),
        _pipe(HEADER[1]),
        "KẾ HOẠCH",
        TITLE,
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Quán triệt đầy đủ nội dung Chỉ thị số 12-CT/TU.",
        "2. Nâng cao trách nhiệm của người đứng đầu.",
        "II. NHIỆM VỤ CỤ THỂ",
        *(_pipe(row) for row in TASKS),
        _pipe(["Nhiệm vụ thường xuyên"]),
        "Nơi nhận:",
        "- Ủy ban nhân dân tỉnh (b/c);",
    ]
    data = (tmp_path / "ke-hoach.docx").read_bytes()
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.warnings == []


def test_docx_vertical_merge_keeps_text_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Rà soát", ""], ["2", "Báo cáo", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(1, 2).merge(table.cell(2, 2))
    merged.text = "Sở Nội vụ"
    document.save(str(tmp_path / "gop.docx"))
    assert read_file(tmp_path / "gop.docx").text.split("\n") == [
        "| TT | Nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Rà soát | Sở Nội vụ |",
        "| 2 | Báo cáo | |",
    ]


def test_docx_tracked_changes_and_hyperlinks(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Giao ")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>Sở Tài chính</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>Sở Nội vụ</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:hyperlink {ns}><w:r><w:t xml:space="preserve"> chủ trì</w:t></w:r></w:hyperlink>'))
    paragraph.add_run(" thực hiện.")
    document.save(str(tmp_path / "sua.docx"))
    assert read_file(tmp_path / "sua.docx").text == "Giao Sở Nội vụ chủ trì thực hiện."


def test_docx_typed_in_vni_font_is_converted(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("Keá hoaïch thöïc hieän Nghò quyeát soá 29-NQ/TW")
    run.font.name = "VNI-Times"
    run.font.size = Pt(13)
    document.save(str(tmp_path / "vni.docx"))
    doc = read_file(tmp_path / "vni.docx")
    assert doc.text == "Kế hoạch thực hiện Nghị quyết số 29-NQ/TW"
    assert doc.warnings == ["converted from vni"]


# ---------------------------------------------------------------- pdf


def _pdf(path: Path, with_text: bool = True) -> Path:
    if not FONT.exists():
        pytest.skip("DejaVu fonts missing: apt-get install fonts-dejavu-core")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_font("DejaVu", style="B", fname=str(FONT_BOLD))
    pdf.set_font("DejaVu", size=11)
    if not with_text:
        pdf.rect(20, 20, 100, 60, style="F")
        pdf.output(str(path))
        return path
    pdf.multi_cell(0, 6, "KẾ HOẠCH\n" + TITLE + " về tăng cường công tác cải cách hành chính trên địa bàn "
                   "tỉnh trong giai đoạn 2025 - 2030\nI. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt đầy đủ nội dung.")
    pdf.ln(4)
    with pdf.table(col_widths=(10, 60, 40, 40, 30)) as table:
        for row in TASKS:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Nơi nhận:\n- Ủy ban nhân dân tỉnh (b/c);")
    pdf.output(str(path))
    return path


def test_pdf_text_and_tables_in_reading_order(tmp_path: Path) -> None:
    doc = read_file(_pdf(tmp_path / "ke-hoach.pdf"))
    assert doc.format == "pdf"
    assert doc.text.split("\n") == [
        "KẾ HOẠCH",
        TITLE + " về tăng cường công tác cải cách hành chính trên địa bàn tỉnh trong giai đoạn 2025 - 2030",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Quán triệt đầy đủ nội dung.",
        *(_pipe(row) for row in TASKS),
        "Nơi nhận:",
        "- Ủy ban nhân dân tỉnh (b/c);",
    ]


def test_pdf_without_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", with_text=False)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {SCANNED}"


def test_ocr_without_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"):
        read_file(_pdf(tmp_path / "scan.pdf", with_text=False), ocr=True)


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("tesseract") and shutil.which("pdftoppm")), reason="no tesseract/pdftoppm")
def test_ocr_reads_a_scanned_page(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip("DejaVu fonts missing")
    image = Image.new("L", (1700, 500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 44)
    for i, line in enumerate(["KẾ HOẠCH", "Thực hiện Nghị quyết số 29-NQ/TW", "1. Sở Nội vụ chủ trì thực hiện."]):
        draw.text((60, 60 + 120 * i), line, font=font, fill=0)
    png = tmp_path / "scan.png"
    image.save(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(png), x=10, y=10, w=190)
    pdf.output(str(tmp_path / "scan.pdf"))
    doc = read_file(tmp_path / "scan.pdf", ocr=True)
    assert "KẾ HOẠCH" in doc.text
    assert "Nghị quyết số 29-NQ/TW" in doc.text
    assert doc.warnings == ["text recognised by OCR (tesseract); check spellings"]


# ---------------------------------------------------------------- html, md, txt


def test_html_main_content_without_chrome() -> None:
    doc = read_file(FIXTURES / "ke_hoach.html")
    assert doc.format == "html"
    lines = doc.text.split("\n")
    assert lines[0] == "| ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |"
    assert "Triển khai thực hiện Chỉ thị số 12-CT/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy về tăng cường công tác cải cách hành chính giai đoạn 2025 - 2030" in lines
    assert "1. Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực nội vụ." in lines
    assert "| 2 | Chuyển đổi số & dịch vụ công | Sở Khoa học và Công nghệ | Sở Nội vụ | Hằng năm |" in lines
    assert lines[-5:] == ["Nơi nhận:", "- Ủy ban nhân dân tỉnh (b/c);", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"]
    for chrome in ("Trang chủ", "Đăng nhập", "Lượt xem", "Copyright", "Văn bản mới", "analytics", "Tìm kiếm",
                   "font-family", "Văn bản liên quan"):
        assert chrome not in doc.text


def test_markdown_plan() -> None:
    doc = read_file(FIXTURES / "ke_hoach.md")
    assert doc.format == "md"
    lines = doc.text.split("\n")
    assert lines[:5] == ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "SỞ NỘI VỤ", "Số: 45/KH-SNV",
                         "Hà Tĩnh, ngày 05 tháng 3 năm 2025", "KẾ HOẠCH"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "- Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực nội vụ." in lines
    assert "| 1 | Rà soát thủ tục hành chính | Sở Nội vụ |" in lines
    assert "**" not in doc.text and "\\" not in doc.text and "#" not in doc.text
    assert doc.raw_text.startswith("**ỦY BAN")


def test_legacy_txt_reports_its_conversion() -> None:
    doc = read_file(FIXTURES / "tcvn3_abc.txt")
    assert doc.format == "txt"
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam" in doc.text.split("\n")
    assert doc.warnings == ["converted from tcvn3"]


# ---------------------------------------------------------------- bad input


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("rong.txt", b"", "empty file"),
        ("trang.txt", b"  \n\n \t ", "empty file"),
        ("cu.doc", b"\xd0\xcf\x11\xe0 old word", "old Word format; save as .docx"),
        ("anh.png", b"\x89PNG\r\n", "unsupported file type '.png'"),
        ("khong-duoi", "Kế hoạch".encode(), "unsupported file type '(no extension)'"),
        ("rac.txt", bytes(range(32)) * 8, "unknown text encoding"),
        ("hong.docx", b"PK\x03\x04 this is not really a zip", "not a valid .docx"),
        ("doc-doi-ten.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "not a valid .docx"),
        ("hong.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF", "corrupt PDF"),
        ("gia.pdf", "Kế hoạch số 45/KH-SNV".encode(), "not a PDF file"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(IngestError) as info:
        read_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


def test_truncated_docx(tmp_path: Path) -> None:
    data = _plan_docx(tmp_path / "full.docx").read_bytes()
    path = _write(tmp_path, "cut.docx", data[: len(data) // 2])
    with pytest.raises(IngestError, match=r"cut\.docx: (not a valid \.docx|corrupt \.docx)"):
        read_file(path)


def test_docx_zip_without_document_part(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    path = _write(tmp_path, "zip.docx", buffer.getvalue())
    with pytest.raises(IngestError, match=r"zip\.docx: corrupt \.docx"):
        read_file(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    data = _pdf(tmp_path / "full.pdf").read_bytes()
    path = _write(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(IngestError, match=r"cut\.pdf: "):
        read_file(path)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    data = "Kế hoạch thực hiện. ".encode() * 100
    path = _write(tmp_path, "lon.txt", data)
    with pytest.raises(IngestError, match=rf"lon\.txt: file is {len(data):,} bytes, over the 1,000-byte limit"):
        read_file(path, max_bytes=1000)


def test_read_bytes_gives_the_whole_file_at_and_under_the_limit(tmp_path: Path) -> None:
    """Read at the file's size (not at the limit): the bytes are those of a plain read, the limit exact."""
    from dirgraph.ingest.readers import _read_bytes

    for size in (1, 7, 4095, 4096, 4097, 70_000):
        path = _write(tmp_path, f"f{size}.txt", bytes(range(33, 127)) * (size // 94) + b"x" * (size % 94))
        assert _read_bytes(path, size) == path.read_bytes()
        with pytest.raises(IngestError, match="over the"):
            _read_bytes(path, size - 1)


def test_read_bytes_of_a_device_reads_up_to_the_limit() -> None:
    """No size to trust (a character device): read up to the limit, so /dev/zero is refused, not read forever."""
    from dirgraph.ingest.readers import _read_bytes

    with pytest.raises(IngestError, match="/dev/zero: file is over the 1,000-byte limit"):
        _read_bytes(Path("/dev/zero"), 1000)
    with pytest.raises(IngestError, match="/dev/null: empty file"):
        _read_bytes(Path("/dev/null"), 1000)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="file not found"):
        read_file(tmp_path / "khong-co.txt")
    folder = tmp_path / "thu-muc.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match="is a directory"):
        read_file(folder)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "khoa.txt", "Kế hoạch".encode())

    import dirgraph.ingest.readers as readers

    def refuse(file: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(file))

    # root ignores chmod 000, so refuse at the call (the module's own name shadows the builtin)
    monkeypatch.setattr(readers, "open", refuse, raising=False)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: permission denied"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), ext=st.sampled_from(supported_extensions()))
def test_random_bytes_never_escape_as_other_errors(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"ngau-nhien{ext}"
    path.write_bytes(data)
    try:
        doc = read_file(path)
    except IngestError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
    else:
        assert doc.text.strip()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=1, max_value=5000), ext=st.sampled_from([".docx", ".pdf"]))
def test_damaged_real_files_give_ingest_errors(tmp_path: Path, cut: int, ext: str) -> None:
    source = tmp_path / f"goc{ext}"
    if not source.exists():
        _plan_docx(source) if ext == ".docx" else _pdf(source)
    data = bytearray(source.read_bytes())
    data[cut % len(data)] ^= 0xFF  # flip one byte somewhere in the file
    path = tmp_path / f"hong{ext}"
    path.write_bytes(bytes(data[: max(1, len(data) - cut)]))
    try:
        read_file(path)
    except IngestError as exc:
        assert "\n" not in str(exc)


# ---------------------------------------------------------------- seeds


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_files(), reason="seed documents not present")
@pytest.mark.parametrize("seed", _seed_files(), ids=lambda p: p.name[:3])
def test_seeds_read_cleanly(seed: Path) -> None:
    doc = read_file(seed)
    lines = doc.text.split("\n")
    assert doc.format == "txt" and doc.warnings == []
    assert any(line.startswith("II.") or line.startswith("II-") for line in lines)
    assert any(line.startswith("1. ") for line in lines)
    assert "Nơi nhận:" in lines


def test_html_layout_table_keeps_only_the_content_cell(tmp_path: Path) -> None:
    """Old portals lay pages out in tables: the cell with the document is the main block."""
    body = "".join(f"<p>{i}. Sở Nội vụ chủ trì rà soát thủ tục hành chính lĩnh vực số {i}.</p>" for i in range(1, 8))
    page = _write(tmp_path, "bang.htm", (
        "<html><body><table><tr><td><a href='/'>Trang chủ</a><br><a href='/tt'>Tin tức</a><br>"
        "<a href='/vb'>Thủ tục hành chính</a></td>"
        f"<td><p>KẾ HOẠCH</p>{body}</td></tr></table></body></html>"
    ).encode())
    lines = read_file(page).text.split("\n")
    assert lines[0] == "KẾ HOẠCH"
    assert lines[1] == "1. Sở Nội vụ chủ trì rà soát thủ tục hành chính lĩnh vực số 1."
    assert len(lines) == 8


def test_pdf_wrapped_paragraphs_across_pages_without_page_numbers(tmp_path: Path) -> None:
    if not FONT.exists():
        pytest.skip("DejaVu fonts missing: apt-get install fonts-dejavu-core")

    class Numbered(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    item = ("{n}. Các cấp uỷ, tổ chức đảng, chính quyền tăng cường lãnh đạo, chỉ đạo tổ chức thực hiện "
            "đổi mới căn bản, toàn diện giáo dục và đào tạo; định kỳ hằng năm báo cáo kết quả về Ban "
            "Thường vụ Tỉnh ủy theo quy định.")
    pdf = Numbered()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for n in range(1, 13):
        pdf.multi_cell(0, 7, item.format(n=n), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(tmp_path / "dai.pdf"))
    doc = read_file(tmp_path / "dai.pdf")
    assert doc.text.split("\n") == [item.format(n=n) for n in range(1, 13)]
    assert "\f" in doc.raw_text  # the items ran over a page break, whose "- 1 -" footer is gone


def test_html_metadata_table_without_colons(tmp_path: Path) -> None:
    """A portal's metadata box puts the label in <th> without a colon: it still reads as fields."""
    page = _write(tmp_path, "vb.html", (
        "<html><body><main><h1>Kế hoạch phòng chống dịch</h1><table>"
        "<tr><th>Số hiệu</th><td>17/KH-UBND</td></tr><tr><th>Ngày ban hành</th><td>03/02/2025</td></tr>"
        "<tr><th>Người ký</th><td>Lê Văn Hùng</td></tr></table>"
        "<p>1. Trạm Y tế xã chủ trì giám sát ca bệnh.</p><p>2. Công an xã bảo đảm an ninh trật tự.</p>"
        "</main></body></html>"
    ).encode())
    lines = read_file(page).text.split("\n")
    assert "Số hiệu: 17/KH-UBND" in lines
    assert "Ngày ban hành: 03/02/2025" in lines
    assert "Người ký: Lê Văn Hùng" in lines


def test_html_data_table_is_not_a_property_box(tmp_path: Path) -> None:
    page = _write(tmp_path, "bang.html", (
        "<html><body><main><p>KẾ HOẠCH</p><table><tr><th>Nhiệm vụ</th><td>Rà soát hộ nghèo</td></tr>"
        "<tr><th>Đơn vị</th><td>Phòng Lao động</td></tr></table></main></body></html>"
    ).encode())
    assert "Nhiệm vụ: Rà soát hộ nghèo" not in read_file(page).text


def test_html_merged_cells_are_spread_over_the_rows_they_cover(tmp_path: Path) -> None:
    """A legal database's task table (blind set 7): a lead cell spanning three rows, a time cell spanning
    two, a group row spanning all columns; every row keeps its five columns."""
    page = _write(tmp_path, "pl.html", (
        "<html><body><main><p>PHỤ LỤC</p><table border='1'>"
        "<tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian</th></tr>"
        "<tr><td colspan='5'><b>I. HOÀN THIỆN QUY ĐỊNH</b></td></tr>"
        "<tr><td>1</td><td>Ban hành văn bản</td><td rowspan='3'>Sở Tài nguyên và Môi trường</td><td>Sở Tư pháp</td>"
        "<td rowspan='2'>Năm 2025</td></tr>"
        "<tr><td>2</td><td>Lập kế hoạch sử dụng đất</td><td>Sở Tài chính</td></tr>"
        "<tr><td>3</td><td>Xây dựng bảng giá đất</td><td>Cục Thuế tỉnh</td><td>Quý IV/2025</td></tr>"
        "</table></main></body></html>"
    ).encode())
    lines = [line for line in read_file(page).text.splitlines() if line.startswith("|")]
    assert lines[1] == "| I. HOÀN THIỆN QUY ĐỊNH |"
    assert lines[3] == "| 2 | Lập kế hoạch sử dụng đất | Sở Tài nguyên và Môi trường | Sở Tài chính | Năm 2025 |"
    assert lines[4] == "| 3 | Xây dựng bảng giá đất | Sở Tài nguyên và Môi trường | Cục Thuế tỉnh | Quý IV/2025 |"


def test_a_markdown_list_typed_one_for_every_item_is_numbered_as_rendered(tmp_path: Path) -> None:
    """"1." before each item renders 1–5 (CommonMark); a list typed 1, 2 and the sections' own
    lists are left as typed (blind set 12)."""
    path = tmp_path / "ctr.md"
    path.write_text("## II. NHIỆM VỤ\n\n1. **Nâng cao nhận thức.** Quán triệt.\n1. **Cụ thể hóa chủ trương.** Rà soát.\n"
                    "1. **Phát triển nguồn điện.** Ưu tiên điện gió.\n\n## III. TỔ CHỨC THỰC HIỆN\n\n"
                    "1. Các đảng ủy quán triệt.\n2. Văn phòng Tỉnh ủy theo dõi.\n", encoding="utf-8")
    lines = read_file(path).text.split("\n")
    assert [line[:3] for line in lines if line[:1].isdigit()] == ["1. ", "2. ", "3. ", "1. ", "2. "]


def test_html_words_split_across_inline_runs_stay_whole_in_a_table_cell(tmp_path: Path) -> None:
    """Word's "Save as Web Page" cuts words into <span> runs ("TRIỆU S</span><span>ƠN"); inside a
    table cell the runs join as they render, while paragraphs and breaks still part lines (blind set 14)."""
    page = _write(tmp_path, "cv.html", (
        "<html><body><table><tr><td><p><b><span>HUYỆN&nbsp;TRIỆU S</span><span>ƠN</span></b></p>"
        "<p><span>Số:&nbsp;31</span><span>87/UBND-TCKH</span></p></td>"
        "<td><p><span>Triệu Sơn, n</span><span>gày&nbsp;12 tháng 9 năm</span><span> 2024</span></p></td></tr>"
        "<tr><td>x</td><td>y</td></tr></table></body></html>"
    ).encode())
    text = read_file(page).text
    assert "HUYỆN TRIỆU SƠN" in text and "Số: 3187/UBND-TCKH" in text and "ngày 12 tháng 9 năm 2024" in text


def test_html_ordered_lists_are_numbered_as_their_type_says(tmp_path: Path) -> None:
    """<ol type="a"> inside an item renders a), b): the lettered sub-items of item 3 (blind set 10)."""
    page = _write(tmp_path, "kh.html", (
        "<html><body><main><p>Thực hiện Chỉ thị số 08/CT-TTg của Thủ tướng Chính phủ về phát triển du lịch nhanh và"
        " bền vững, Sở Du lịch ban hành Kế hoạch thực hiện năm 2024 với các nội dung cụ thể như sau đây.</p>"
        "<h3>III. NHIỆM VỤ</h3><ol><li>Nâng cao chất lượng</li><li>Chuẩn hóa nhân lực</li>"
        "<li><strong>Đẩy mạnh xúc tiến</strong><ol type='a'><li>Tổ chức đoàn famtrip.</li><li>Nâng cấp ứng dụng.</li>"
        "</ol></li></ol><ol type='I' start='4'><li>TỔ CHỨC THỰC HIỆN</li></ol></main></body></html>"
    ).encode())
    lines = read_file(page).text.split("\n")
    assert "a) Tổ chức đoàn famtrip." in lines and "b) Nâng cấp ứng dụng." in lines
    assert "IV. TỔ CHỨC THỰC HIỆN" in lines and "3. Đẩy mạnh xúc tiến" in lines
