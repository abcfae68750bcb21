"""Ladybug bulk load: the tab CSV stores exactly what the quoted comma CSV stored, value for value.

The reference is the portable form (``_cell``: strings quoted, ``""`` escapes, empty unquoted =
NULL) copied with Ladybug's default options; the store's load must give an identical database for
awkward values: NULL vs empty string, quotes, tabs and newlines, the quote character itself, lists,
booleans, integers and Vietnamese text.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ladybug_reference import edge_row as _edge_row
from ladybug_reference import portable_cell as _cell

from dirgraph.core.errors import StoreError
from dirgraph.graph.model import (
    EDGE_ENDPOINTS,
    AgencyNode,
    DocumentNode,
    EdgeProvenance,
    EdgeType,
    Graph,
    Level,
    NodeType,
    TaskNode,
)
from dirgraph.graph.stores import ladybug_csv
from dirgraph.graph.stores.ladybug_csv import QUOTE, _tab_cell, cell_text, column_cells
from dirgraph.graph.stores.ladybug_store import LadybugStore, _Ahead, node_columns, schema_statements

AWKWARD = [
    "", " ", "  Sở Giáo dục  và\nĐào tạo\t ", 'Kế hoạch "Chuyển đổi số"', '"mở đầu', 'kết thúc"', "a,b;c",
    "tab\there", "dòng\r\nmới", f"ký tự{QUOTE}lạ", QUOTE, "NULL", "\\", "x\u00a0y", "x\u2028y", "\u00a6 ¦",
    "\u200bẩn", "Ủy ban nhân dân tỉnh Hải Dương",
]


def _graph() -> Graph:
    g = Graph()
    g.add_node(AgencyNode(id="agency-a", name="Ủy ban nhân dân", level=Level.PROVINCE))
    g.add_node(AgencyNode(id="agency-b", name=' Sở  "Tài chính"\t', locality_name=""))
    for i, text in enumerate(AWKWARD):
        g.add_node(DocumentNode(id=f"doc-{i}", title=text, number=text or None, year=2000 + i if i % 2 else None,
                                placeholder=bool(i % 3), aliases=[text, "NQ 57"] if i % 4 else []))
        g.add_node(TaskNode(id=f"task-{i}", document_id=f"doc-{i}", local_id=f"{i}.", text=text,
                            section=None if i % 2 else text))
        g.add_edge(EdgeType.HAS_TASK, f"doc-{i}", f"task-{i}",
                   EdgeProvenance(document=f"doc-{i}", file=f"{i}.txt", start=i, end=i + len(text), quote=text))
        g.add_edge(EdgeType.HAS_TASK, f"doc-{i}", f"task-{i}",
                   EdgeProvenance(document="doc-0", file="khác.docx", quote="trích\tdẫn  hai"))
        g.add_edge(EdgeType.LEADS, "agency-a" if i % 2 else "agency-b", f"task-{i}",
                   EdgeProvenance(document=f"doc-{i}", file="f.txt", start=None, end=None, quote=""))
        g.add_edge(EdgeType.ISSUED_BY, f"doc-{i}", "agency-a")  # no provenance: weight 1, NULL quote
    g.add_edge(EdgeType.IMPLEMENTS_TASK, "agency-b", "doc-1",
               EdgeProvenance(document="doc-1", file="1.txt", start=0, end=3, quote="Sở"))
    return g


def _reference_db(graph: Graph, folder: Path) -> Path:
    """The graph loaded the portable way: quoted comma CSV of ``_cell``, default COPY options."""
    import ladybug as lb

    path = folder / "reference.lbug"
    db = lb.Database(str(path))
    conn = lb.Connection(db)
    for stmt in schema_statements():
        conn.execute(stmt)
    conn.set_max_threads_for_exec(1)
    tables: list[tuple[str, list[str], list[list[Any]], str]] = []
    for label in NodeType:
        cols = [c for c, _ in node_columns(label)]
        nodes = sorted((n for n in graph.nodes.values() if n.type is label), key=lambda n: n.id)
        if nodes:
            tables.append((label.value, cols, [[getattr(n, c) for c in cols] for n in nodes], ""))
    for etype in EdgeType:
        for a, b in EDGE_ENDPOINTS[etype]:
            edges = [e for e in graph.edges.values() if e.type is etype
                     and graph.nodes[e.source].type is a and graph.nodes[e.target].type is b]
            option = f", from='{a.value}', to='{b.value}'" if len(EDGE_ENDPOINTS[etype]) > 1 else ""
            if edges:
                tables.append((etype.value, ["from", "to", "quote", "provenance", "weight"],
                               [_edge_row(e) for e in edges], option))
    for i, (table, cols, rows, option) in enumerate(tables):
        csv = folder / f"{i}.csv"
        csv.write_text(",".join(cols) + "\n" + "".join(",".join(_cell(v) for v in row) + "\n" for row in rows),
                       "utf-8")
        conn.execute(f"COPY {table} FROM '{csv.as_posix()}' (HEADER=true{option})")
    conn.close()
    db.close()
    return path


def _dump(path: Path) -> list[str]:
    """Every node and relationship with every property, sorted (internal ids left out)."""
    import ladybug as lb

    db = lb.Database(str(path), read_only=True)
    conn = lb.Connection(db)
    out = []
    for text in ("MATCH (n) RETURN n", "MATCH (a)-[r]->(b) RETURN a.id, b.id, r"):
        result = conn.execute(text)
        while result.has_next():
            row = result.get_next()
            out.append(json.dumps([{k: v for k, v in x.items() if k not in ("_ID", "_SRC", "_DST")}
                                   if isinstance(x, dict) else x for x in row], ensure_ascii=False, sort_keys=True))
    conn.close()
    db.close()
    return sorted(out)


@pytest.mark.parametrize("block", [3, 8192])
def test_load_stores_every_value_as_the_quoted_csv_did(tmp_path: Path, block: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ladybug_csv, "_BLOCK", block)  # 3: values spread over many blocks
    graph = _graph()
    store = LadybugStore(tmp_path / "store")
    store.load(graph)
    store.close()
    got, want = _dump(store.db_file), _dump(_reference_db(graph, tmp_path))
    assert len(got) == len(graph.nodes) + len(graph.edges)
    assert got == want


def test_awkward_values_read_back_collapsed_with_null_apart_from_empty(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path)
    store.load(_graph())
    rows = {r[0]: r[1:] for r in store.query(
        "MATCH (d:Document) RETURN d.id, d.title, d.number, d.year, d.placeholder, d.aliases").rows}
    assert rows["doc-0"] == ["", None, None, False, "[]"]
    # a list is collapsed as JSON text: escaped newlines and tabs stay, runs of spaces go
    assert rows["doc-2"] == ["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", None, True,
                             '[" Sở Giáo dục và\\nĐào tạo\\t ", "NQ 57"]']
    assert rows["doc-9"][0] == f"ký tự{QUOTE}lạ"
    assert rows["doc-1"][:3] == ["", "", 2001]  # " " collapses to an empty string, not NULL
    quotes = store.query("MATCH (:Document {id: 'doc-3'})-[r:HAS_TASK]->() RETURN r.quote, r.provenance, r.weight")
    quote, provenance, weight = quotes.rows[0]
    assert quote == 'Kế hoạch "Chuyển đổi số"' and weight == 2
    # the provenance is collapsed as JSON text: an escaped tab stays, the double space goes
    assert [p["quote"] for p in json.loads(provenance)] == ['Kế hoạch "Chuyển đổi số"', "trích\tdẫn hai"]
    store.close()


def test_empty_graph_loads_and_reloads(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path)
    store.load(Graph())
    store.load(_graph())
    assert store.counts().nodes["Document"] == len(AWKWARD)
    store.close()


values = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.sampled_from(list(Level)),
                   st.lists(st.text(max_size=5), max_size=3),
                   st.text(alphabet=st.sampled_from([" ", "\t", "\n", "\r", QUOTE, "¦", '"', "\u00a0", "\u200b",
                                                     "a", "ở", ",", "\\", "\x1f"]), max_size=8))


@given(st.lists(values, max_size=30))
def test_column_cells_equal_the_cell_by_cell_encoding(column: list[Any]) -> None:
    assert column_cells(column) == [_tab_cell(cell_text(v)) for v in column]


@pytest.mark.parametrize("value", [*AWKWARD, None, True, 7, Level.COMMUNE, ["a  b", 'c"d']])
def test_a_tab_cell_is_one_line_without_tabs_and_quoted_only_when_needed(value: Any) -> None:
    cell = _tab_cell(cell_text(value))
    assert "\t" not in cell and "\n" not in cell and "\r" not in cell
    text = cell_text(value)
    assert (cell[:1] == QUOTE) == (text == "" or (text is not None and QUOTE in text))


@given(st.lists(st.builds(EdgeProvenance, document=st.text(max_size=6), file=st.text(max_size=6),
                          start=st.none() | st.integers(0, 10**9), end=st.none() | st.integers(0, 10**9),
                          quote=st.text(max_size=12)), max_size=4))
def test_provenance_json_is_json_dumps_of_the_model(provs: list[EdgeProvenance]) -> None:
    expected = json.dumps([p.as_dict() for p in provs], ensure_ascii=False)
    assert ladybug_csv.provenance_json(provs) == expected


def test_a_writer_error_is_a_store_error_and_leaves_no_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, header: list[str], rows: Any) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(ladybug_csv, "write_csv", broken)
    with pytest.raises(StoreError, match="disk full"):
        LadybugStore(tmp_path).load(_graph())
    assert not [t for t in threading.enumerate() if t.name == "ladybug-csv"]


def test_ahead_stops_its_worker_when_the_consumer_fails() -> None:
    produced: list[int] = []

    def items() -> Iterator[Any]:
        for i in range(1000):
            produced.append(i)
            yield i

    with pytest.raises(ValueError, match="copy failed"), _Ahead(items(), depth=2) as ahead:
        for item in ahead:
            if item == 3:
                raise ValueError("copy failed")
    assert len(produced) < 10
    assert not [t for t in threading.enumerate() if t.name == "ladybug-csv"]
