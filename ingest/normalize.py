"""Clean-up of a document's text: one logical line per heading, list item, paragraph or table row.

Text copied out of PDF and Word files arrives wrapped mid-sentence (sometimes with a blank line
after every wrapped line), with page numbers, Markdown markup and portal chrome mixed in. The
extractors downstream read structure from line starts ("II.", "1.", "a)", "- ", "| … |"), so
this module re-joins wrapped lines without ever gluing a heading, list item or table row onto
the line above. Only whitespace, markup and junk lines change; the words stay as written.
Cue lists (portal chrome, line-opening words) live in ``ingest/data/*.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dirgraph.core.text import fold_key, move_tones, spaced_once
from dirgraph.ingest.layout_tables import layout_tables_to_pipes
from dirgraph.ingest.tables import load_table

_LOWER = "a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"

# Markdown markup.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_MD_STRAY_STARS = re.compile(r"\*{2,3}")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_MD_ANY = re.compile(r"[*#_\\\[<]")
_FORMAT_CHARS = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
#: The characters of the two classes above, listed: ``c in text`` per character scans a whole
#: text several times faster than the regex engine's per-position class test.
_MD_ANY_CHARS = "*#_\\[<"
_FORMAT_CHAR_LIST = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

# Junk lines.
_DECORATION = re.compile(r"^[*_=~•·.\s]+$")
_PAGE_DASHED = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
_PAGE_WORD = re.compile(r"^(?:trang|page)\s*\d{1,4}(?:\s*(?:/|của|of|trên)\s*\d{1,4})?$", re.IGNORECASE)
_RULE = re.compile(r"^[-_=]{3,}$")

# Line starts that open a heading, list item or table row.
_ROMAN = re.compile(r"^[IVXLC]{1,6}\s*[.\-–):]\s*(?=\S)")
_ARABIC = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|^\d{1,2}(?:\.\d{1,2})+(?:\s|$)|^\d{1,2}\s+[A-ZĐ][" + _LOWER + r"]")
_LETTER = re.compile(r"^[a-zđ]\s?[).]\s")
_BULLET = re.compile(r"^(?:[-+•–—∙●○▪■◦*]\s|-(?=[A-ZĐ][" + _LOWER + r"]))")
_ARTICLE = re.compile(r"^(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b")
_DATELINE = re.compile(
    r"^[A-ZĐÀ-Ỹ][^,\d\n]{0,40},\s*ngày\s+(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})\.?$"
)

#: The six line-start patterns as one alternation: one call instead of up to six (each anchored at 0).
_ANY_START = re.compile("|".join(f"(?:{p.pattern})" for p in (_ROMAN, _ARABIC, _LETTER, _BULLET, _DATELINE, _ARTICLE)))

# Missing space after a list number: "2.Tiếp tục", "2.1.Tăng", "a)Tổ chức", "II.NỘI DUNG".
_NUMBER_GLUED = re.compile(r"^((?:\d{1,2}\.)+|[IVXLC]{1,6}[.\-]|[a-zđ]\))(?=[A-ZĐÀ-Ỹ])")
#: The characters _NUMBER_GLUED can start with, but \d (a decimal digit: str.isdecimal, category Nd).
_GLUED_FIRST = frozenset("IVXLCabcdefghijklmnopqrstuvwxyzđ")
_BARE_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])[.)]?$")
_DASH_LOWER = re.compile(f"^[-–] [{_LOWER}]")
_TERMINAL = ".!?:;…"


def _first_word(line: str) -> str:
    """Diacritic-free first word: a cheap gate before the costlier tone-normalized comparison."""
    return _fold_word(line.split(" ", 1)[0])


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    return fold_key(word.rstrip(":|?"))


@lru_cache(maxsize=1)
def _chrome_firsts() -> frozenset[str]:
    return frozenset(_first_word(row[1]) for row in load_table("chrome_lines.tsv"))


@lru_cache(maxsize=1)
def _chrome() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    lines, prefixes, blocks = set(), [], set()
    for row in load_table("chrome_lines.tsv"):
        kind, cue = row[0], row[1]
        if kind == "line":
            lines.add(_chrome_key(cue))
        elif kind == "prefix":
            prefixes.append(move_tones(cue).casefold())
        elif kind == "block":
            blocks.add(_chrome_key(cue))
    return frozenset(lines), tuple(prefixes), frozenset(blocks)


@lru_cache(maxsize=1)
def line_starts() -> tuple[str, ...]:
    """Words that open a line of their own ("Nơi nhận", "Căn cứ", "T/M"), from line_starts.tsv."""
    return tuple(row[0] for row in load_table("line_starts.tsv") if row[1] == "prefix")


@lru_cache(maxsize=1)
def label_starts() -> tuple[str, ...]:
    """Line-start cues that are labels ("Số hiệu:", "Người ký:"): their value may wrap, in lower case."""
    return tuple(cue for cue in line_starts() if cue.endswith(":"))


@lru_cache(maxsize=1)
def heading_lines() -> frozenset[str]:
    """Whole lines that stand alone in any case ("Kế hoạch", quốc hiệu, tiêu ngữ)."""
    return frozenset(_chrome_key(row[0]) for row in load_table("line_starts.tsv") if row[1] == "heading")


@lru_cache(maxsize=1)
def _heading_firsts() -> frozenset[str]:
    return frozenset(_first_word(row[0]) for row in load_table("line_starts.tsv") if row[1] == "heading")


def _is_heading_line(line: str) -> bool:
    return len(line) < 60 and _first_word(line) in _heading_firsts() and _chrome_key(line) in heading_lines()


def _chrome_key(line: str) -> str:
    return " ".join(move_tones(line).casefold().rstrip(" :|?").split())


def is_chrome(line: str) -> bool:
    """True for a portal chrome line (menu item, download link, view counter, copyright)."""
    if len(line) >= 120 or _first_word(line) not in _chrome_firsts():
        return False
    return _is_chrome_listed(line)


def _is_chrome_listed(line: str) -> bool:
    """:func:`is_chrome` once the line's length and first word have passed the cheap gates."""
    lines, prefixes, _blocks = _chrome()
    key = _chrome_key(line)
    if key in lines:
        return True
    folded = move_tones(line).casefold()
    return len(line) < 120 and any(folded.startswith(p) for p in prefixes)


def strip_markdown(line: str) -> str:
    """Remove Markdown heading markers, emphasis, links and escapes; pipe rows are kept."""
    # _MD_ANY.search(line) is None, by substring tests (several times faster than the class scan)
    if not ("*" in line or "#" in line or "_" in line or "\\" in line or "[" in line or "<" in line):
        return line
    # each substitution only where its literal opening is in the line (a sub scans the whole line)
    if "<" in line:
        line = _HTML_BREAK.sub(" ", line)
    if "#" in line:
        line = _MD_HEADING.sub("", line)
    if "![" in line:
        line = _MD_IMAGE.sub("", line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        if "*" not in line and "__" not in line:
            break
        new = _MD_EMPHASIS.sub(r"\2", line)
        if new == line:
            break
        line = new
    if "**" in line:
        line = _MD_STRAY_STARS.sub("", line)
    return _MD_ESCAPE.sub(r"\1", line) if "\\" in line else line


def clean_line(line: str, format_chars: bool = True) -> str:
    """One physical line: NBSP/zero-width/tabs to spaces, runs collapsed, list spacing fixed.

    ``format_chars=False`` skips the zero-width scan when the caller knows the text has none.
    """
    line = line.replace("\u00a0", " ").replace("\t", " ")
    if format_chars:
        line = _FORMAT_CHARS.sub("", line)
    line = " ".join(line.split())
    return fix_list_spacing(line)


def fix_list_spacing(line: str) -> str:
    """"2.Tiếp tục" -> "2. Tiếp tục"; "2.1.", "91-KL/TW", "12/8/2024" and "4.0" stay as they are."""
    # match, not sub: an anchored pattern given to sub is still tried at every position of the line
    m = _NUMBER_GLUED.match(line)
    return line if m is None else m.group(1) + " " + line[m.end() :]


def is_table_row(line: str) -> bool:
    return line.startswith("|")


def is_all_caps(line: str) -> bool:
    """A heading set in capitals ("II. NỘI DUNG", "KẾ HOẠCH", "T/M BAN THƯỜNG VỤ")."""
    return line.isupper() and sum(map(str.isalpha, line)) >= 3


@lru_cache(maxsize=4096)
def is_start(line: str) -> bool:
    """True when the line opens a heading, list item, table row, label or closing block.

    Cached: re-joining asks it up to three times per line (spacing, wrap width, joining).
    """
    if not line:
        return True
    if stands_alone(line):
        return True
    if _ANY_START.match(line) is not None:  # _ROMAN, _ARABIC, _LETTER, _BULLET, _DATELINE or _ARTICLE
        return True
    return line.startswith(line_starts())


@lru_cache(maxsize=4096)
def stands_alone(line: str) -> bool:
    """True when nothing may be appended to the line (headings in capitals, rows, rules, dates)."""
    if is_table_row(line) or _RULE.match(line) or is_all_caps(line) or _DATELINE.match(line):
        return True
    return _is_heading_line(line)


_JUNK_FIRST = frozenset("*_=~•·.-–—tTpP")  # first characters of a page number or a decoration line


def _is_page_junk(line: str) -> bool:
    if line[0] not in _JUNK_FIRST and not line[0].isspace():
        return False
    return bool(_PAGE_DASHED.match(line) or _PAGE_WORD.match(line) or _DECORATION.match(line))


def drop_junk(lines: list[str]) -> list[str]:
    """Drop page numbers, decoration, portal chrome and lists of related links.

    Every chrome line and block opener starts with one of a few first words: each line's first
    word is folded once and the chrome tables are consulted only for those lines.
    """
    _lines, _prefixes, blocks = _chrome()
    firsts = _chrome_firsts()
    out: list[str] = []
    skipping_block = False
    for i, line in enumerate(lines):
        if skipping_block:
            if not line:
                skipping_block = False
            continue
        if not line:
            out.append(line)
            continue
        if _fold_word(line.split(" ", 1)[0]) in firsts:  # _first_word, inlined
            if len(line) < 60 and _chrome_key(line) in blocks:
                skipping_block = True
                continue
            if len(line) < 120 and _is_chrome_listed(line):
                continue
        first = line[0]  # the gates of _is_page_junk and _is_lone_page_number, inlined
        if (first in _JUNK_FIRST or first.isspace()) and _is_page_junk(line):
            continue
        if len(line) <= 3 and line.isdecimal() and _is_lone_page_number(lines, i):
            continue
        out.append(line)
    return out


def drop_running_heads(lines: list[str]) -> list[str]:
    """Drop a PDF's running header or footer: a line printed again beside every page number
    ("Trường THPT Lục Ngạn số 1 - KH thực hiện Chỉ thị 42-CT/TW …" under "1", "2", …), which
    would otherwise be glued into the sentence the page break cut.

    Only a line met next to at least two page numbers goes, and only where it is next to one.
    """
    pages = [i for i, line in enumerate(lines) if line and len(line) <= 12 and (
        (line.isdecimal() and _is_lone_page_number(lines, i)) or _is_page_junk(line))]
    if len(pages) < 2:
        return lines
    beside: dict[str, list[int]] = {}
    for i in pages:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j]:
                j += step
            if 0 <= j < len(lines) and len(lines[j]) >= 15 and not is_table_row(lines[j]):
                beside.setdefault(lines[j], []).append(j)
    drop = {j for found in beside.values() if len(set(found)) >= 2 for j in found}
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines


def _neighbour(lines: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j]:
            return lines[j]
        j += step
    return ""


def _is_lone_page_number(lines: list[str], i: int) -> bool:
    """A bare number between two prose lines is a page number, not a table cell."""
    line = lines[i]
    if len(line) > 3 or not line.isdecimal():  # a 1-3 digit line (\d is category Nd)
        return False
    before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
    return len(before) >= 30 and not is_table_row(before) and not is_table_row(after)


_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz" + _LOWER.removeprefix("a-z"))  # the class as a set


def _starts_lower(line: str) -> bool:
    """The first character is in the lower-case class ``_LOWER``."""
    return line[:1] in _LOWER_CHARS


def _double_spaced(lines: list[str]) -> bool:
    """True when a blank line follows every wrapped line (PDF copies), so blanks mean nothing."""
    pairs = lower = 0
    for i in range(1, len(lines) - 1):
        if not lines[i] and lines[i - 1] and lines[i + 1]:
            pairs += 1
            if _starts_lower(lines[i + 1]) and not is_start(lines[i + 1]):
                lower += 1
    return lower >= 3 and lower >= 0.2 * pairs


def _wrap_width(lines: list[str]) -> int:
    """Typical length of a wrapped line: the median length of lines continued in lower case.

    A line clearly shorter than that ended its paragraph (a heading such as "b) Tiếp tục nâng
    cao chất lượng"), so a capitalised line after it starts a new paragraph. 0 when unknown.
    """
    widths = sorted(
        len(prev)
        for prev, nxt in zip(lines, [*lines[1:], ""], strict=False)
        if prev and _starts_lower(nxt) and not is_start(nxt)
    )
    if len(widths) < 3:
        return 0
    return widths[len(widths) // 2]


def _should_join(prev: str, line: str, across_blank: bool, double: bool, width: int,
                 paragraphs: bool = False) -> bool:
    if stands_alone(prev):
        return False
    if _DASH_LOWER.match(line) and prev[-1] not in _TERMINAL:
        return True  # "… các tổ chức chính trị" + "- xã hội …": a hyphen wrapped, not a bullet
    if is_start(line):
        return False
    if _BARE_LABEL.match(prev):
        return True  # "2.1" alone on its line, its text on the next (table cells copied from PDF)
    if _number_broken(prev) and "/" in line.split(" ")[0]:
        return True  # "… Kết luận số 91-" + "KL/TW ngày …"
    if _starts_lower(line):
        return not across_blank or double or prev[-1] not in ".!?"
    if prev.startswith(label_starts()):
        return False  # "Số hiệu: 298/KH-UBND" then a capitalised line: the next field or the title
    if prev[-1] in _TERMINAL or (across_blank and not double):
        return False
    if paragraphs and is_start(prev):
        return False  # a numbered title is a Word paragraph of its own; the capitalised one under it too
    return width == 0 or len(prev) >= 0.75 * width


def _number_broken(prev: str) -> bool:
    """The line ends "<digit>-" (a document number broken at its hyphen), without a regex scan."""
    return prev[-1:] == "-" and prev[-2:-1].isdecimal()


def _glue(prev: str, line: str) -> str:
    if _number_broken(prev) and "/" in line.split(" ")[0]:
        return prev + line  # "91-" + "KL/TW ngày …": a document number broken at its hyphen
    return prev + " " + line


def join_wrapped(lines: list[str], paragraphs: bool = False) -> list[str]:
    """Re-join lines wrapped mid-sentence; blank lines are dropped from the result. ``paragraphs``:
    the lines are a word processor's paragraphs (docx), wrapped only where a converter split them."""
    double = _double_spaced(lines)
    width = _wrap_width([line for line in lines if line])
    out: list[str] = []
    blank_before = False
    for line in lines:
        if not line:
            blank_before = True
            continue
        # stands_alone (cached) is _should_join's first test: asked here, most lines skip the call
        if out and not stands_alone(out[-1]) and _should_join(out[-1], line, blank_before, double, width, paragraphs):
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
        blank_before = False
    return out


#: Letters some PDF fonts and converters print for Vietnamese ones: the Icelandic eth "Ð" (U+00D0)
#: looks like and stands for "Đ" (U+0110). One letter for one, so no offset moves.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def explode_header_table(text: str) -> str:
    """A document that opens with a Markdown table holding its two-column header (as Word-to-
    Markdown converters write it, lines of a cell joined by ``<br>``) opens with those lines
    instead, each row's left cell first: "| ỦY BAN NHÂN DÂN<br>HUYỆN X | CỘNG HÒA …<br>Độc lập … |".

    Why: the frame reads a header line by line ("Số: …" and "V/v …" are two lines); joined into
    one row, the dispatch's "V/v" title was lost. Only the leading table is read so; an appendix
    table's rows stay rows.
    """
    lines = text.split("\n")
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    end = first
    while end < len(lines) and lines[end].lstrip().startswith("|"):
        end += 1
    block = lines[first:end]
    if not block or not any(_HTML_BREAK.search(line) for line in block):
        return text
    out: list[str] = []
    for row in block:
        if _MD_TABLE_RULE.match(row.strip()):
            continue
        for cell in row.strip().strip("|").split("|"):
            out.extend(part.strip() for part in _HTML_BREAK.split(cell) if part.strip())
    return "\n".join(lines[:first] + out + lines[end:])


def normalize_text(raw: str, paragraphs: bool = False) -> str:
    """The reader's text: NFC, markup and junk gone, one logical line per paragraph or item
    (``paragraphs``: see :func:`join_wrapped`)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if "|" in text[:2000] and "<" in text[:2000]:
        text = explode_header_table(text)
    text = layout_tables_to_pipes(text)  # before lines are joined: the columns are still apart
    if "\u00d0" in text or "\u00f0" in text:
        text = text.translate(_LOOKALIKES)
    # markup and zero-width characters are rare: one scan of the whole text spares one per line
    markup = any(c in text for c in _MD_ANY_CHARS)  # _MD_ANY.search(text), see _MD_ANY_CHARS
    format_chars = any(c in text for c in _FORMAT_CHAR_LIST)  # _FORMAT_CHARS.search(text)
    lines = []
    if format_chars:
        physicals = text.split("\n")
    else:  # clean_line's first steps, once for the whole text (the Markdown patterns read \s, as wide)
        physicals = text.replace("\u00a0", " ").replace("\t", " ").split("\n")
    for physical in physicals:
        if format_chars:
            line = clean_line(strip_markdown(physical) if markup else physical, format_chars)
        else:  # clean_line inlined: a function call per physical line is a visible share
            line = strip_markdown(physical) if markup else physical
            if not spaced_once(line):
                line = " ".join(line.split())
            first = line[:1]  # most lines cannot open a glued label: no regex call for them
            if first in _GLUED_FIRST or first.isdecimal():
                m = _NUMBER_GLUED.match(line)
                if m is not None:
                    line = m.group(1) + " " + line[m.end() :]
        if "|" in line:
            if _MD_TABLE_RULE.match(line):
                continue
            if line.startswith("|") and line.count("|") == 1:
                line = line[1:].lstrip()  # "| 8. Ban Nội chính …": a scan's stray bar, not a table row
        lines.append(line)
    return "\n".join(join_wrapped(drop_junk(drop_running_heads(lines)), paragraphs))
