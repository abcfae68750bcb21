"""Numbering → tree: the numbered and lettered items of a directive body with SCHEMA ids.

Roman numerals (``I.``, ``II-``, ``III –``) open top sections, and so do the titled articles of a
resolution (``Điều 3. Tổ chức thực hiện``, id ``3``) when its articles have titles; Arabic (``1.``, ``1)``), dotted
(``2.1.``) and letter (``a)``, ``đ)``) items nest below by the order styles appear in, so a
numbering that restarts under a new parent nests again. Ids are dotted as the SCHEMA asks
(``II.2.1.a``, ``III.4``): a dotted number is printed in full, so it replaces its Arabic parent's
part. Dash bullets and unnumbered paragraphs belong to the item above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dirgraph.core.text import strip_diacritics
from dirgraph.ingest.body.lines import Line, strip_decor
from dirgraph.ingest.body.section_kinds import classify
from dirgraph.ingest.body.textform import UPPER

# A scheme's parts are its sections: "PHẦN III. NHIỆM VỤ", "Phần thứ hai: Mục tiêu".
# (Also with the marks a scan lost: "PHÂN III.", "PHAN III.", "Phan thu hai".)
_PART = re.compile(r"^(?:PH[ẦÂA]N|[Pp]h[ầâa]n)\s+(?:(?:TH[ỨƯU]|[Tt]h[ứưu])\s+(?P<ordinal>\w+)\s*[.:\-–—]?\s*(?=\S))?")
_ORDINALS = {"nhat": "I", "hai": "II", "ba": "III", "tu": "IV", "bon": "IV", "nam": "V", "sau": "VI", "bay": "VII",
             "tam": "VIII", "chin": "IX", "muoi": "X"}  # keyed without marks

_ITEM = re.compile(
    r"""^(?:
        (?P<roman>[IVXL]+)\s*(?:[.\-–—:)]\s*|\s+(?=[""" + UPPER + r"""]{2}))
      | (?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+|(?=[^\W\d_]))
      | (?P<arabic>\d{1,2})\s*(?P<close>[.)])\s*(?!\d)
      | (?P<letter>[a-zđ])\s*[).]\s+
    )""",
    re.VERBOSE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_ARTICLE = re.compile(r"^điều\s+(?P<number>\d{1,3})\s*[.:]?\s*", re.IGNORECASE)
_ARTICLE_TITLE_MAX = 100
_CHAPTER = re.compile(r"^\s*(?:Chương|CHƯƠNG)\s+(?:[IVXL]+|\d{1,2})\b\s*[.:\-–—]?\s*(?P<title>.*)$")


@dataclass
class Item:
    """A numbered or lettered item: its id, heading line and the lines below it up to the next item."""

    id: str
    style: str
    number: str
    heading: str
    lines: list[Line]
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)
    kind: str = "other"  # kind of the top section it sits in
    top_heading: str | None = None
    chapter: str | None = None  # a regulation's "Chương II NỘI DUNG …" title above an article

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def is_section(self) -> bool:
        """A top section: a Roman numeral or a resolution's article, never a task itself; except an
        article with no clauses, only a paragraph ("Điều 6. Phối hợp giải quyết khiếu nại" then "Ban
        Tiếp công dân tỉnh chủ trì …"), which is one task of its own (blind set 11)."""
        if self.parent is not None or self.style not in ("roman", "article"):
            return False
        return self.style == "roman" or bool(self.children) or len(self.lines) < 2

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1


@dataclass
class Body:
    """The item tree plus the lines that sit outside any item (preamble of a section, closing)."""

    items: list[Item]  # every item, document order
    roots: list[Item]
    loose: list[Line]  # lines before the first item


def roman_value(text: str) -> int:
    total = 0
    for ch, nxt in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN[ch]
        total += -value if nxt and _ROMAN[nxt] > value else value
    return total


@lru_cache(maxsize=8192)
def parse_marker(text: str) -> tuple[str, str, str] | None:
    """(style, number, heading text) of a line that opens an item, else None.

    Cached (a pure function of the line): section headings and the task lines a cascade's plans
    copy from their parent recur across documents.
    """
    bare = strip_decor(text)
    part = _PART.match(bare) if bare[:1] in "Pp" else None
    if part is not None:
        if part.group("ordinal"):  # "PHẦN THỨ HAI: …"
            roman = _ORDINALS.get(strip_diacritics(part.group("ordinal")).lower())
            heading = bare[part.end():].replace("*", "").replace("_", "").strip()
            return ("roman", roman, heading) if roman and heading else None
        bare = bare[part.end():]  # "PHẦN III. …": read as "III. …"
        if bare[:1] not in _ROMAN:
            return None
    match = _ITEM.match(bare)
    if not match:
        return None
    heading = bare[match.end():].replace("*", "").replace("_", "").strip()  # Markdown emphasis dropped
    if match.group("roman"):
        roman = match.group("roman")
        if not heading or roman_value(roman) > 20:
            return None
        return "roman", roman, heading
    if match.group("dotted"):
        number = match.group("dotted")
        return f"dotted{number.count('.') + 1}", number, heading
    if match.group("arabic"):
        if not heading:
            return None
        style = "arabic" if match.group("close") == "." else "paren"
        return style, match.group("arabic"), heading
    return "letter", match.group("letter"), heading


@lru_cache(maxsize=4096)
def parse_article(text: str) -> tuple[str, str] | None:
    """(number, heading) of a line that opens an article ("Điều 3. Tổ chức thực hiện"), else None."""
    bare = strip_decor(text).replace("*", "").replace("_", "")
    match = _ARTICLE.match(bare)
    if not match:
        return None
    return match.group("number"), bare[match.end():].strip()


def article_title(heading: str) -> bool:
    """An article heading that names its subject ("Tổ chức thực hiện") rather than saying it (a
    decision's "Điều 2. Quyết định này có hiệu lực …."): short, no closing full stop or colon."""
    heading = heading.strip()
    return 0 < len(heading) <= _ARTICLE_TITLE_MAX and not heading.endswith((".", ":", ";", "/."))


def _articles(lines: list[Line]) -> list[tuple[str, str] | None]:
    """Each line's article, when the body's articles are its sections (at least one is titled:
    a resolution's "Điều 3. Tổ chức thực hiện"); a decision's sentence articles open nothing."""
    found = [parse_article(line.text) for line in lines]
    if not any(a is not None and article_title(a[1]) for a in found):
        return [None] * len(lines)
    return found


def build_tree(lines: list[Line]) -> Body:
    """Nest the items of ``lines`` (see module doc); items get their top section's kind."""
    items: list[Item] = []
    roots: list[Item] = []
    loose: list[Line] = []
    stack: list[Item] = []
    chapter: str | None = None
    chapter_title_next = False
    for line, article in zip(lines, _articles(lines), strict=True):
        opened = _CHAPTER.match(strip_decor(line.text).replace("*", ""))
        if opened is not None:  # "Chương II" (its title on the next line) or "Chương III. TỔ CHỨC …"
            chapter = opened.group("title").strip() or None
            chapter_title_next = chapter is None
            loose.append(line)
            continue
        if chapter_title_next and article is None:
            chapter, chapter_title_next = line.text.replace("*", "").strip(), False
            loose.append(line)
            continue
        chapter_title_next = False
        marker = ("article", *article) if article is not None else parse_marker(line.text)
        if marker is None and stack:
            marker = _comma_item(line.text, stack)
        if marker is None:
            (stack[-1].lines if stack else loose).append(line)
            continue
        style, number, heading = marker
        if style in ("roman", "article"):
            stack = []
        elif style in [it.style for it in stack]:
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
        elif style.startswith("dotted"):
            # "2.1" under "2." (or under "1.1" when deeper): keep the parents it extends.
            while stack and stack[-1].style not in ("roman", "arabic", "paren") and not (
                stack[-1].style.startswith("dotted") and number.startswith(stack[-1].number + ".")
            ):
                stack.pop()
        parent = stack[-1] if stack else None
        item = Item(_item_id(parent, style, number), style, number, heading, [line], parent,
                    chapter=chapter if style == "article" else None)
        if parent is not None:
            parent.children.append(item)
        else:
            roots.append(item)
        items.append(item)
        stack.append(item)
    _assign_kinds(roots, items)
    return Body(items, roots, loose)


_COMMA_ITEM = re.compile(rf"^(\d{{1,2}}),\s+(?=[{UPPER}])")


def _comma_item(text: str, stack: list[Item]) -> tuple[str, str, str] | None:
    """"6, Ban cán sự đảng …": a scan read item 6's full stop as a comma; taken as item 6 only right
    after item 5 of the same list."""
    m = _COMMA_ITEM.match(text)
    if m is None:
        return None
    number = int(m.group(1))
    previous = next((item for item in reversed(stack) if item.style == "arabic"), None)
    if previous is None or not previous.number.isdecimal() or int(previous.number) != number - 1:
        return None
    return "arabic", m.group(1), text[m.end():].strip()


def _item_id(parent: Item | None, style: str, number: str) -> str:
    if parent is None:
        return number
    if style.startswith("dotted"):
        top = parent
        while top.parent is not None:
            top = top.parent
        return f"{top.id}.{number}" if top.style == "roman" else number
    return f"{parent.id}.{number}"


def _assign_kinds(roots: list[Item], items: list[Item]) -> None:
    """Each item takes the kind of its top section; a body whose top items name no known
    section (a directive's 1., 2., a dispatch's requests) is all tasks with assignments.

    ``items`` is every item in document order, so each root's subtree is the run of items from
    that root to the next: one pass, no walk of the tree."""
    kinds = [_root_kind(root) for root in roots]
    sectioned = any(kind != "other" or root.style == "article" for root, kind in zip(roots, kinds, strict=True))
    if sectioned and all(root.style in ("arabic", "paren") for root in roots):
        # a notice whose 1., 2. name parts ("1. Đánh giá chung", "2. Nhiệm vụ trọng tâm") and whose
        # later items are directions ("3. Về các đề xuất …: giao X …", "4. Giao Văn phòng …"):
        # an item that is no section title is a direction, as in a directive
        kinds = [("directive" if kind == "other" and not caps_title(root.heading) else kind)
                 for root, kind in zip(roots, kinds, strict=True)]
    top = {id(root): (kind if sectioned else "directive", root.heading) for root, kind in zip(roots, kinds, strict=True)}
    top_kind, top_heading = "other", None
    for item in items:
        if item.parent is None:
            top_kind, top_heading = top[id(item)]
        item.kind = top_kind
        item.top_heading = top_heading


def caps_title(heading: str) -> bool:
    """A heading in capitals ("2. NỘI DUNG NGHIÊN CỨU"): a section's title, never a direction."""
    letters = [ch for ch in heading if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _root_kind(root: Item) -> str:
    """A Roman section is classified by its heading; an Arabic top item only when its heading reads
    as a section title (upper case, or short without a full stop), so a directive's
    "2. Tổ chức thực hiện tốt …" stays a task."""
    if root.style == "roman":
        return classify(root.heading)
    if root.style == "article":
        kind = classify(root.heading) if article_title(root.heading) else "other"
        # "Điều 8. Chế độ họp" in "Chương II NỘI DUNG VÀ TRÁCH NHIỆM PHỐI HỢP": the chapter says
        return classify(root.chapter) if kind == "other" and root.chapter else kind
    heading = root.heading.strip()
    title = caps_title(heading) or (any(ch.isalpha() for ch in heading) and len(heading) <= 60 and not heading.endswith("."))
    return classify(heading, anywhere=False) if title else "other"


def walk(item: Item) -> list[Item]:
    out = [item]
    for child in item.children:
        out.extend(walk(child))
    return out
