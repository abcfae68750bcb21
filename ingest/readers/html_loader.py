"""HTML pages saved from portals: the main content block, tables as pipe rows, no chrome.

Parsed with the standard library (no network, no scripts). Navigation, headers, footers, forms,
scripts and elements whose class or id names a menu are dropped; the main block is the
``<article>``/``<main>`` element or, failing that, the element that holds most of the page's
text (descending while one child holds most of its parent's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from dirgraph.ingest.encodings import decode_bytes
from dirgraph.ingest.readers.base import Loaded, pipe_row
from dirgraph.ingest.readers.list_numbers import format_number

_DROP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
    "button", "select", "option", "template", "head", "menu", "object", "embed", "canvas", "input",
})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                   "param", "source", "track", "wbr"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3",
                    "h4", "h5", "h6", "table", "tr", "blockquote", "pre", "dd", "dt", "dl",
                    "center", "address", "figure", "figcaption", "body", "tbody", "thead"})
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:menu|nav|navbar|breadcrumbs?|footer|site-header|sidebar|banner|share|social|"
    r"comments?|related|login|search|toolbar|pagination|advert|ads)(?:$|[\s_-])",
    re.IGNORECASE,
)
_KEPT_TAGS = frozenset({"body", "table", "tbody", "thead", "tr", "td", "th"})
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)
    parent: _Node | None = None

    def text_len(self) -> int:
        return sum(len(c.strip()) if isinstance(c, str) else c.text_len() for c in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unknown end tags ignored, open elements closed by their ancestors' end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.cur = self.root
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        marker = f"{attr.get('class', '')} {attr.get('id', '')} {attr.get('role', '')}"
        # a <table> is kept whatever its class: "doc-footer" tables hold the Nơi nhận and signature,
        # and a page's own chrome tables lie outside the main block anyway
        if tag in _DROP_TAGS or (tag not in _KEPT_TAGS and _CHROME_ATTR.search(marker)):
            if tag not in _VOID:
                self.skip_depth = 1
            return
        node = _Node(tag, attr, parent=self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_depth and tag not in _DROP_TAGS:
            self.cur.children.append(_Node(tag, {k: v or "" for k, v in attrs}, parent=self.cur))

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        node: _Node | None = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.cur.children.append(data)


def _main_block(root: _Node) -> _Node:
    """<article>/<main> when present, else descend while one child holds 60% of the text."""
    for tag in ("article", "main"):
        found = _find(root, tag)
        if found is not None and found.text_len() > 200:
            return found
    node = root
    while True:
        total = node.text_len()
        kids = [c for c in node.children if isinstance(c, _Node)]
        best = max(kids, key=lambda c: c.text_len(), default=None)
        if best is None or total == 0 or best.text_len() < 0.6 * total or best.tag == "p":
            break
        node = best
    while node.tag in ("table", "tbody", "thead", "tfoot", "tr") and node.parent is not None:
        node = node.parent  # a data table is rendered whole, from the block that holds it
    return node


def _find(node: _Node, tag: str) -> _Node | None:
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                return child
            found = _find(child, tag)
            if found is not None:
                return found
    return None


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.soft: list[bool] = []  # True: the block continues the previous one after a <br>
        self.buf: list[str] = []
        self.after_br = False

    def flush(self, br: bool = False) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.blocks.append(text)
            self.soft.append(self.after_br)
        self.after_br = br
        self.buf = []

    def text(self) -> str:
        out: list[str] = []
        for block, soft in zip(self.blocks, self.soft, strict=True):
            if out:
                out.append("\n" if soft else "\n\n")
            out.append(block)
        return "".join(out)

    def render(self, node: _Node, list_prefix: str = "") -> None:
        for child in node.children:
            if isinstance(child, str):
                self.buf.append(child)
                continue
            if child.tag == "br":
                self.flush(br=True)
            elif child.tag == "table" and _layout_table(child):
                self.flush()
                self.layout(child)
            elif child.tag == "table":
                self.flush()
                for row in self.table(child):
                    self.blocks.append(row)
                    self.soft.append(True)
            elif child.tag in ("ul", "ol"):
                self.flush()
                self.render_list(child)
            elif child.tag in _BLOCK:
                self.flush()
                self.render(child)
                self.flush()
            else:
                self.render(child)

    def render_list(self, node: _Node) -> None:
        ordered = node.tag == "ol"
        try:
            n = int(node.attrs.get("start", "1"))
        except ValueError:
            n = 1
        kind = node.attrs.get("type", "1")
        for child in node.children:
            if isinstance(child, _Node) and child.tag == "li":
                self.buf.append(_list_marker(kind, n) if ordered else "- ")
                n += 1
                self.render(child)
                self.flush()
            elif isinstance(child, _Node):
                self.render(child)

    def layout(self, node: _Node) -> None:
        """A header or signature laid out in a two-column table: each cell's lines, cell after cell."""
        for tr in _iter_tag(node, "tr", stop="table"):
            for td in tr.children:
                if isinstance(td, _Node) and td.tag in ("td", "th"):
                    self.render(td)
                    self.flush()

    def table(self, node: _Node) -> list[str]:
        rows = [cells for cells in _grid(node) if any(cells)]
        if _is_property_table(rows):
            # A legal database's "Thuộc tính" box: label/value pairs become "Số hiệu: 298/KH-UBND"
            # lines, the form the metadata extractor reads in text copies.
            return [f"{_as_label(row[i])} {row[i + 1]}".strip() for row in rows for i in range(0, len(row) - 1, 2)
                    if row[i] and row[i + 1]]
        return [pipe_row(cells) for cells in rows]


_OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _list_marker(kind: str, n: int) -> str:
    """How a browser numbers item ``n`` of ``<ol type=kind>``: "3. ", "c) " (Vietnamese documents
    write lettered items "a)"), "C. ", "III. "."""
    number = format_number(n, _OL_TYPES.get(kind, "decimal"))
    return f"{number}) " if kind == "a" else f"{number}. "


def _span(td: _Node, name: str) -> int:
    value = td.attrs.get(name, "1").strip()
    return max(1, min(int(value), 50)) if value.isdecimal() else 1


def _grid(node: _Node) -> list[list[str]]:
    """The table's rows as text cells, with merged cells spread out: a cell spanning rows
    (``rowspan``: one lead agency for three tasks) is repeated in each row it covers, a cell spanning
    columns is followed by empty cells, so every row keeps its columns. A row that is one spanning
    cell (a group row, "I. HOÀN THIỆN …") stays one cell."""
    out: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)

    def carry(row: list[str], col: int) -> int:
        while col in pending:
            text, left = pending.pop(col)
            row.append(text)
            if left > 1:
                pending[col] = (text, left - 1)
            col += 1
        return col

    for tr in _iter_tag(node, "tr", stop="table"):
        tds = [td for td in tr.children if isinstance(td, _Node) and td.tag in ("td", "th")]
        row: list[str] = []
        col = 0
        for td in tds:
            col = carry(row, col)
            text, rows, cols = _flat_text(td), _span(td, "rowspan"), _span(td, "colspan")
            lone = len(tds) == 1 and not pending
            row.append(text)
            if not lone:
                row.extend([""] * (cols - 1))
            for k in range(cols if rows > 1 else 0):
                pending[col + k] = (text if k == 0 else "", rows - 1)
            col += cols
        carry(row, col)
        out.append(row)
    return out


def _layout_table(node: _Node) -> bool:
    """A table of at most two columns, one cell opening with "Nơi nhận" and its lines separated by
    <br> (the footer of portal pages: recipients beside the signature), not a table of data: its
    lines are the document's lines, which the frame reads as recipients and signature."""
    rows = _iter_tag(node, "tr", stop="table")
    cells = [[td for td in tr.children if isinstance(td, _Node) and td.tag in ("td", "th")] for tr in rows]
    if not cells or max(len(row) for row in cells) > 2:
        return False
    return any(_NOI_NHAN.match(_flat_text(td)) and _iter_tag(td, "br", stop="table") for row in cells for td in row)


_NOI_NHAN = re.compile(r"\W*N[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)


def _as_label(cell: str) -> str:
    return cell if cell.endswith(":") else cell + ":"


def _known_label(label: str) -> bool:
    """A metadata label of line_starts.tsv written without its colon ("Số hiệu", "Người ký")."""
    from dirgraph.ingest.normalize import label_starts

    return _as_label(" ".join(label.split())).casefold() in {cue.casefold() for cue in label_starts()}


def _is_property_table(rows: list[list[str]]) -> bool:
    """Every row is label/value pairs, each label short and ending with ":", or a known metadata
    label printed without one (portals put "Số hiệu" in a <th> and "58/KH-UBND" in a <td>)."""
    if not rows:
        return False
    for row in rows:
        cells = [c for c in row if c] if len(row) % 2 else row
        if len(cells) % 2 or not cells:
            return False
        for i in range(0, len(cells), 2):
            label = cells[i]
            if label and ((not label.endswith(":") and not _known_label(label)) or len(label) > 40):
                return False
    return True


def _iter_tag(node: _Node, tag: str, stop: str) -> list[_Node]:
    out = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                out.append(child)
            elif child.tag != stop:
                out.extend(_iter_tag(child, tag, stop))
    return out


def _flat_text(node: _Node) -> str:
    """A cell's text as it renders, spaces folded: block elements and breaks part words, inline
    runs do not (Word's "Save as Web Page" cuts words into spans: "TRIỆU S</span><span>ƠN")."""
    return " ".join(_rendered(node).split())


def _rendered(node: _Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag in _BLOCK or child.tag in ("br", "td", "th"):
            parts.append(" " + _rendered(child) + " ")
        else:
            parts.append(_rendered(child))
    return "".join(parts)


def _decode(path: Path, data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, str(path)).text


def load(path: Path, data: bytes, *, ocr: bool = False) -> Loaded:
    parser = _TreeBuilder()
    parser.feed(_decode(path, data))
    parser.close()
    renderer = _Renderer()
    renderer.render(_main_block(parser.root))
    renderer.flush()
    return Loaded(renderer.text())
