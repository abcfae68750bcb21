"""The portable Ladybug CSV form the load used to write (quoted comma CSV), kept as a test reference.

``LadybugStore.load`` writes tab-separated unquoted cells (:mod:`dirgraph.graph.stores.ladybug_csv`);
what it stores must equal what loading these cells with default ``COPY`` options stores.
"""

from __future__ import annotations

from typing import Any

from dirgraph.graph.model import Edge
from dirgraph.graph.stores.ladybug_csv import cell_text, edge_columns


def portable_cell(value: Any) -> str:
    """The same value as a cell of the portable quoted comma CSV: empty unquoted = NULL, strings
    quoted. Not what ``load`` writes; the reference its tab cells are tested against."""
    text = cell_text(value)
    if text is None:
        return ""
    if isinstance(value, int):  # bools and integers go unquoted
        return text
    return '"' + text.replace('"', '""') + '"'


def edge_row(edge: Edge) -> list[Any]:
    """One relationship row (the columns of :func:`edge_columns` for one edge)."""
    return [column[0] for column in edge_columns([edge])]
