"""The CSV files ``LadybugStore.load`` feeds to ``COPY``: tab-separated, unquoted, written column-wise.

Why this form: Ladybug's CSV reader spends most of its time on quoted fields with doubled quotes
(the provenance JSON is full of them). With ``QUOTE`` set to a control character that real text
does not contain, nearly every cell goes unquoted and ``COPY`` reads a file about twice as fast;
only an empty string (which must not read as NULL) or a value holding that character is quoted.

What is stored is unchanged from the quoted comma form (``tests/graph/ladybug_reference.py`` keeps that form as
the reference the tests compare with): NULL for ``None``, every string with its whitespace collapsed to
single spaces (a row is one line), ``true``/``false``, decimal integers, enum values, lists as JSON.

Why column-wise: collapsing whitespace cell by cell was most of the Python time, yet almost no value
needs it. A block of a column is joined once and checked with C-level string methods; only a block
that fails the check is collapsed cell by cell.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # C, what json.dumps uses
from operator import attrgetter
from pathlib import Path
from typing import Any

from dirgraph.graph.model import EDGE_ENDPOINTS, Edge, EdgeProvenance, EdgeType, Graph, NodeType

QUOTE = "\x01"
# Real control character in the statement: Ladybug takes a one-character QUOTE/ESCAPE literally.
COPY_OPTIONS = f"HEADER=true, DELIM='\\t', QUOTE='{QUOTE}', ESCAPE='{QUOTE}'"
_EMPTY = QUOTE + QUOTE  # an empty string, as opposed to an empty (NULL) cell
_BLOCK = 8192  # rows per block: bounded memory, and one odd value re-does only its own block
_PLAIN_TYPES = frozenset({str, type(None)})


@dataclass(frozen=True)
class CsvTable:
    """One written file: ``COPY table FROM path (options)``; ``node`` tables are copied on one thread."""

    table: str
    path: Path
    options: str
    node: bool
    rows: int

    @property
    def statement(self) -> str:
        return f"COPY {self.table} FROM '{self.path.as_posix()}' ({COPY_OPTIONS}{self.options})"


def cell_text(value: Any) -> str | None:
    """The text Ladybug stores for ``value`` (whitespace collapsed), ``None`` for NULL."""
    if value is None:
        return None
    if value.__class__ is str:  # the common case first (exact str, not a StrEnum)
        return " ".join(value.split())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def _tab_cell(text: str | None) -> str:
    """A collapsed text as a tab cell: quoted only when empty or holding the quote character."""
    if text is None:
        return ""
    if not text or QUOTE in text:
        return QUOTE + text.replace(QUOTE, _EMPTY) + QUOTE
    return text


def _is_plain(values: list[str | None]) -> bool:
    """True when no value needs collapsing or quoting, checked on the non-empty values joined by a
    space: printable (so no whitespace but the space, no quote character) and no double space or
    space at either end (a value's own leading or trailing space shows up as a double space)."""
    joined = " ".join(filter(None, values))
    return joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " "


def column_cells(values: Iterable[Any]) -> list[str]:
    """Tab cells of one block of a column, equal to ``_tab_cell(cell_text(v))`` for each value."""
    values = list(values)
    kinds = set(map(type, values))
    if kinds == {int}:  # weights, years: no NULL, no bool
        return list(map(str, values))
    if not kinds <= _PLAIN_TYPES:
        values = [cell_text(v) for v in values]
    if _is_plain(values):
        return ["" if v is None else v or _EMPTY for v in values]
    return [_tab_cell(cell_text(v)) for v in values]


def provenance_json(provenances: list[EdgeProvenance]) -> str:
    """``json.dumps([p.as_dict() ...], ensure_ascii=False)``, twice as fast."""
    e = encode_basestring
    return "[" + ", ".join([
        f'{{"document": {e(p.document)}, "file": {e(p.file)}, "start": {"null" if p.start is None else p.start},'
        f' "end": {"null" if p.end is None else p.end}, "quote": {e(p.quote)}}}'
        for p in provenances]) + "]"


def _first_quote(provenances: list[EdgeProvenance]) -> str | None:
    for p in provenances:
        if p.quote:
            return p.quote
    return None


EDGE_HEADER = ["from", "to", "quote", "provenance", "weight"]


def edge_columns(edges: list[Edge]) -> list[list[Any]]:
    """The columns of :data:`EDGE_HEADER` for ``edges``: source, target, first non-empty quote,
    provenance JSON, weight (the number of statements, at least 1)."""
    provs = [e.provenances for e in edges]
    return [[e.source for e in edges], [e.target for e in edges], list(map(_first_quote, provs)),
            list(map(provenance_json, provs)), [len(p) or 1 for p in provs]]


def node_block_columns(nodes: list[Any], columns: list[str]) -> list[list[Any]]:
    """The named attributes of ``nodes``, one list per column."""
    return [list(map(attrgetter(c), nodes)) for c in columns]


def write_csv(path: Path, header: list[str], blocks: Iterable[list[list[Any]]]) -> int:
    """Write blocks of columns (encoded by :func:`column_cells`); the number of rows written.

    Column by column, without a container per row: besides being faster, no row outlives its
    block, so millions of rows do not pile up as collector work (a full collection walks the
    whole graph).
    """
    written = 0
    with path.open("w", encoding="utf-8", newline="", buffering=1 << 20) as fh:
        fh.write("\t".join(header) + "\n")
        for block in blocks:
            if not block or not block[0]:
                continue
            cells = [column_cells(column) for column in block]
            fh.write("\n".join(map("\t".join, zip(*cells, strict=True))))
            fh.write("\n")
            written += len(block[0])
    return written


def _blocks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _BLOCK):
        yield items[start:start + _BLOCK]


def write_tables(graph: Graph, tmp: Path, node_columns: dict[NodeType, list[str]]) -> Iterator[CsvTable]:
    """Write one CSV per node label, then one per relationship (type, source label, target label),
    yielding each as soon as it is written (node tables first: relationships need their ends)."""
    by_label: dict[NodeType, list[Any]] = {label: [] for label in NodeType}
    for node in graph.nodes.values():
        by_label[node.type].append(node)
    for label, nodes in by_label.items():
        cols = node_columns[label]
        nodes.sort(key=attrgetter("id"))
        path = tmp / f"{label.value}.csv"
        written = write_csv(path, cols, (node_block_columns(block, cols) for block in _blocks(nodes)))
        nodes.clear()  # free each label's list once written
        yield CsvTable(label.value, path, "", True, written)
    labels = {node_id: node.type for node_id, node in graph.nodes.items()}
    # Edges grouped in one pass over the edge dict, in insertion order within a group (the order
    # COPY gives them internal offsets in).
    groups: dict[tuple[EdgeType, NodeType, NodeType], list[Edge]] = {
        (etype, a, b): [] for etype in EdgeType for a, b in EDGE_ENDPOINTS[etype]}
    for edge in graph.edges.values():
        group = groups.get((edge.type, labels.get(edge.source), labels.get(edge.target)))  # type: ignore[arg-type]
        if group is not None:
            group.append(edge)
    del labels
    for (etype, src, dst), edges in groups.items():
        option = f", from='{src.value}', to='{dst.value}'" if len(EDGE_ENDPOINTS[etype]) > 1 else ""
        path = tmp / f"{etype.value}_{src.value}_{dst.value}.csv"
        written = write_csv(path, EDGE_HEADER, map(edge_columns, _blocks(edges)))
        edges.clear()
        yield CsvTable(etype.value, path, option, False, written)
