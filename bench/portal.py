"""What real copies of a document look like around and inside the text: portal pages and noisy text.

Documents reach users as pages saved from a provincial portal (site header, menus, a sidebar of
other documents, a footer around the document itself), as text copied from a legal database (a
metadata block above it, the header's columns printed one after the other, a list of related
documents below it) and as text whose marks are written the old way ("hoà", "uỷ"), decomposed
(NFD, as some converters and Mac file systems leave it) or lost here and there (OCR). The
synthetic corpus carries a share of each, so the benchmark's throughput and its fidelity check
(``bench/fidelity.py``) are measured on that noise, not on clean text only.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from html import escape

from dirgraph.bench.markup import Block, to_txt

# New-style (on the main vowel) -> old-style (on the last vowel) placement in the closed syllables
# "oa", "oe", "uy" at a word's end: "hòa" -> "hoà", "Ủy" -> "Uỷ".
_OLD_STYLE = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
    "Ủy": "Uỷ", "ỦY": "UỶ",
}
_OLD_STYLE_RE = re.compile("(" + "|".join(sorted(_OLD_STYLE, key=len, reverse=True)) + r")(?!\w)")


def old_tone_marks(text: str) -> str:
    """The text with tone marks placed the old way: "Ủy ban … hòa nhập" -> "Uỷ ban … hoà nhập".

    >>> old_tone_marks("Ủy ban nhân dân; hòa bình; quý II; hoàn thành")
    'Uỷ ban nhân dân; hoà bình; quý II; hoàn thành'
    """
    return _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(1)], text)


def _word_by_word(text: str, change: Callable[[str], str]) -> str:
    """``text`` with every space-separated word passed through ``change``, lines and spaces kept."""
    return "\n".join(" ".join(change(w) for w in line.split(" ")) for line in text.split("\n"))


def damaged_marks(text: str, rng: random.Random, share: float = 0.05) -> str:
    """The text as OCR or a PDF's text layer may give it: ``share`` of the words with a mark lose
    all of them ("Nghị quyết" -> "Nghi quyết", "ngày" -> "ngay").

    >>> damaged_marks("Kế hoạch số 12/KH-UBND ngày 5/3/2025", random.Random(0), share=1.0)
    'Ke hoach so 12/KH-UBND ngay 5/3/2025'
    """
    def bare(word: str) -> str:
        if word.isascii() or rng.random() >= share:
            return word
        stripped = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))

    return _word_by_word(text, bare)


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def lost_tones(text: str, rng: random.Random, share: float = 0.1) -> str:
    """The text as a weaker OCR gives it: ``share`` of the words with a tone mark lose only that
    mark, the others stay ("Nghị quyết" -> "Nghi quyết", "được" -> "đươc").

    >>> lost_tones("Kế hoạch thực hiện", random.Random(0), share=1.0)
    'Kê hoach thưc hiên'
    """
    def toneless(word: str) -> str:
        if word.isascii() or rng.random() >= share:
            return word
        return unicodedata.normalize("NFC", "".join(
            c for c in unicodedata.normalize("NFD", word) if c not in _TONE_MARKS))

    return _word_by_word(text, toneless)


def decomposed(text: str) -> str:
    """The text in Unicode NFD (base letters followed by combining marks)."""
    return unicodedata.normalize("NFD", text)


def _cells(row: list[str]) -> str:
    return "".join(f"<td>{escape(cell)}</td>" for cell in row)


def _body(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if block.kind == "header":
            out.append('<table class="van-ban-header">')
            out.extend(f"<tr>{_cells(row)}</tr>" for row in block.rows)
            out.append("</table>")
        elif block.kind == "table":
            head, *rows = block.rows
            out.append('<table border="1" cellpadding="4">')
            out.append("<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr></thead><tbody>")
            out.extend(f"<tr>{_cells(row)}</tr>" for row in rows)
            out.append("</tbody></table>")
        elif block.kind == "heading":
            out.append(f'<p align="center"><b>{escape(block.text)}</b></p>')
        else:
            head = block.text.split(" ", 1)[0]
            is_section = head.endswith(".") and head[:-1] and set(head[:-1]) <= set("IVX")
            text = escape(block.text)
            out.append(f"<p><b>{text}</b></p>" if is_section else f"<p>{text}</p>")
    return out


def to_portal_html(blocks: list[Block], site: str, title: str, sidebar: list[str]) -> str:
    """The document as a page saved from ``site``: chrome around it, the document in one block.

    ``sidebar`` is a list of other documents' titles ("Văn bản mới"): text a reader must not take
    for the document's own references.
    """
    side = "".join(f"<li><a href=\"/van-ban/{i}\">{escape(t)}</a></li>" for i, t in enumerate(sidebar, 1))
    parts = [
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title)} - {escape(site)}</title>",
        "<style>body { font-family: 'Times New Roman', serif; }</style>",
        '<script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); }</script>',
        "</head>", "<body>",
        f'<header class="site-header"><a href="/">{escape(site)}</a></header>',
        '<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>'
        '<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li>'
        '<li><a href="/lien-he">Liên hệ</a></li></ul></nav>',
        '<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a> » '
        f"{escape(title)}</div>",
        '<div class="container">',
        f'<aside class="sidebar"><h3>Văn bản mới</h3><ul>{side}</ul></aside>',
        '<div id="noi-dung-van-ban" class="content">',
        *_body(blocks),
        '<p class="views">Lượt xem: 1.024</p>',
        '<div class="share-social"><a href="#">Chia sẻ</a> <a href="#">In trang</a></div>',
        "</div>", "</div>",
        '<footer><p>Bản quyền thuộc về ' + escape(site) + '. Địa chỉ: số 1 đường Trần Phú. '
        "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p></footer>",
        "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


_NUMBER_CELL = re.compile(r"^Số\s*:\s*(?P<number>\S+)")
_DATE_CELL = re.compile(r"ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})")


def to_database_copy(blocks: list[Block], kind_word: str, related: list[str]) -> str:
    """The document as text copied from a legal database: the site's lines and a metadata block
    ("Số hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành") above it, the header's two
    columns printed one after the other (the issuer's lines broken apart), ``related`` documents
    and a view counter below it."""
    header = next((b for b in blocks if b.kind == "header"), None)
    rows = header.rows if header else []
    lefts = [row[0] for row in rows if row and row[0]]
    rights = [row[1] for row in rows if len(row) > 1 and row[1]]
    number = next((m.group("number") for cell in lefts if (m := _NUMBER_CELL.match(cell))), "")
    date = next((m for cell in rights if (m := _DATE_CELL.search(cell))), None)
    names = [cell for cell in lefts if not _NUMBER_CELL.match(cell)]
    issuer = names[-1] if names else ""  # the body itself, without the body above it
    meta = ["Trang chủ", "Văn bản pháp luật", "Tìm kiếm", "",
            f"Số hiệu: {number}", f"Loại văn bản: {kind_word}", f"Cơ quan ban hành: {issuer}"]
    if date:
        meta.append(f"Ngày ban hành: {int(date.group('d')):02d}/{int(date.group('m')):02d}/{date.group('y')}")
    meta += ["Tình trạng hiệu lực: Còn hiệu lực", "", "Tải văn bản", "In văn bản", ""]
    columns = [*lefts, "", *rights, ""]
    rest = to_txt([b for b in blocks if b is not header])
    tail = ["", "Văn bản liên quan", *related, "", "Lượt xem: 2.048", ""]
    return "\n".join([*meta, *columns]) + "\n" + rest + "\n".join(tail)
