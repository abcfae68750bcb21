"""Portal pages and noisy text in the synthetic corpus: real-looking, and read back by the product."""

from __future__ import annotations

import doctest
import random
import unicodedata
from pathlib import Path

from dirgraph.bench import portal
from dirgraph.bench.markup import parse
from dirgraph.bench.portal import damaged_marks, decomposed, old_tone_marks, to_database_copy, to_portal_html
from dirgraph.bench.synthetic import Shares, generate_corpus

MARKUP = """@header
ỦY BAN NHÂN DÂN || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TÂN THÀNH || Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND || Tân Thành, ngày 05 tháng 3 năm 2025
@end
^KẾ HOẠCH
Thực hiện Kế hoạch số 40/KH-UBND ngày 20/02/2025 của Ủy ban nhân dân huyện Hòa Vang
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt, tuyên truyền sâu rộng; hoàn thành trong quý II/2025.
@table
TT | Nhiệm vụ | Cơ quan chủ trì
1 | Rà soát thủ tục | Văn phòng Ủy ban nhân dân xã
@end
"""


def test_doctests() -> None:
    assert doctest.testmod(portal).failed == 0


def test_old_tone_marks_move_only_closing_oa_oe_uy() -> None:
    assert old_tone_marks("Ủy ban; hòa giải; khỏe; thủy lợi; hoàn thành; quý") == "Uỷ ban; hoà giải; khoẻ; thuỷ lợi; hoàn thành; quý"
    text = "Ủy ban nhân dân"
    assert decomposed(text) != text and unicodedata.normalize("NFC", decomposed(text)) == text


def test_portal_page_wraps_the_document_in_chrome_and_the_reader_drops_it(tmp_path: Path) -> None:
    from dirgraph.ingest.pipeline import extract_file

    page = to_portal_html(parse(MARKUP), "Cổng thông tin điện tử xã Tân Thành", "Kế hoạch thực hiện",
                          ["Quyết định số 15/QĐ-UBND về việc ban hành quy chế làm việc"])
    for chrome in ("<nav", "Văn bản mới", "<footer>", "Lượt xem", "<script>"):
        assert chrome in page
    path = tmp_path / "kh.html"
    path.write_text(page, encoding="utf-8")
    record = extract_file(path)
    assert record.document.number == "12/KH-UBND"
    assert record.document.issuer is not None and record.document.issuer.locality == "Tân Thành"
    assert {d.number for d in record.documents} == {"40/KH-UBND"}  # the sidebar's 15/QĐ-UBND is chrome


def test_corpus_has_every_format_and_noisy_text(tmp_path: Path) -> None:
    corpus = generate_corpus(300, tmp_path, seed=4, shares=Shares(docx=0.1, md=0.3, html=0.2, noisy=0.5, database=0.3))
    formats = {Path(d.path).suffix for d in corpus.documents}
    assert formats == {".docx", ".md", ".txt", ".html"}
    texts = [(tmp_path / d.path).read_bytes().decode("utf-8") for d in corpus.documents if not d.path.endswith(".docx")]
    assert any("Uỷ ban" in t or "UỶ BAN" in t for t in texts)  # old-style marks
    assert any(unicodedata.normalize("NFC", t) != t for t in texts)  # decomposed files
    assert any("Ủy ban" in t for t in texts)  # and clean ones
    assert any(t.startswith("Trang chủ\nVăn bản pháp luật") and "Số hiệu: " in t for t in texts)  # database copies


def test_database_copy_puts_metadata_above_and_the_header_columns_apart(tmp_path: Path) -> None:
    from dirgraph.ingest.pipeline import extract_file

    text = to_database_copy(parse(MARKUP), "Kế hoạch", ["Quyết định số 15/QĐ-UBND về việc ban hành quy chế"])
    lines = text.splitlines()
    assert "Số hiệu: 12/KH-UBND" in lines and "Ngày ban hành: 05/03/2025" in lines
    assert "Cơ quan ban hành: XÃ TÂN THÀNH" in lines
    assert lines.index("XÃ TÂN THÀNH") < lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # columns apart
    path = tmp_path / "kh.txt"
    path.write_text(text, encoding="utf-8")
    record = extract_file(path)
    assert (record.document.number, record.document.date) == ("12/KH-UBND", "2025-03-05")
    assert record.document.issuer is not None and record.document.issuer.locality == "Tân Thành"
    assert {d.number for d in record.documents} == {"40/KH-UBND"}  # "Văn bản liên quan" is chrome


def test_damaged_marks_strip_a_share_of_the_words_and_nothing_else() -> None:
    text = "Ủy ban nhân dân tỉnh triển khai Nghị quyết số 39-NQ/TW ngày 05/3/2025 đến năm 2030 " * 40
    damaged = damaged_marks(text, random.Random(1))
    words, hurt = text.split(" "), damaged.split(" ")
    assert len(words) == len(hurt) and damaged != text
    changed = [(a, b) for a, b in zip(words, hurt, strict=True) if a != b]
    assert 0 < len(changed) < len(words) * 0.15
    assert all(b.isascii() for _, b in changed)
