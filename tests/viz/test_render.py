"""The graph views: offline (no external request), escaped, aggregated when large."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from dirgraph.viz.network import aggregate_by_locality, vis_data
from dirgraph.viz.render import render_graph_html, write_standalone

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("doc-91-kl-tw", label="Kết luận 91-KL/TW", type="Conclusion", level="central")
    g.add_node("doc-x", label=HOSTILE, type="Plan", level="province", title=HOSTILE, locality="Hải Phòng")
    g.add_edge("doc-x", "doc-91-kl-tw", type="IMPLEMENTS", quote=HOSTILE, source="x.txt")
    return g


@pytest.mark.parametrize("mode", ["inline", "served"])
def test_page_makes_no_external_request(mode: str) -> None:
    page = render_graph_html(_graph(), title="Chuỗi", mode=mode)
    urls = re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", page)
    assert all(not u.startswith(("http:", "https:", "//")) for u in urls), urls
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    if mode == "served":
        assert "/static/vis/vis-network.min.js" in page


def test_hostile_text_never_appears_as_markup() -> None:
    page = render_graph_html(_graph(), title=HOSTILE, mode="served")
    assert "<img src=x" not in page
    assert "<script>alert(2)" not in page
    assert page.count("<script") == page.count("</script>")


def test_titles_are_escaped_in_vis_data() -> None:
    data = vis_data(_graph())
    node = next(n for n in data.nodes if n["id"] == "doc-x")
    assert "<" not in node["title"]
    assert data.edges[0]["title"].startswith("&quot;&gt;")


def test_hierarchical_rows_put_central_on_top() -> None:
    data = vis_data(_graph())
    rows = {n["id"]: n["level"] for n in data.nodes}
    assert rows["doc-91-kl-tw"] < rows["doc-x"]


def test_large_graphs_are_aggregated_by_locality() -> None:
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(i, label=str(i), type="Plan", locality="A" if i % 2 else "B")
    for i in range(29):
        g.add_edge(i, i + 1, type="IMPLEMENTS")
    agg = aggregate_by_locality(g)
    assert agg.number_of_nodes() == 2
    data = vis_data(g, max_nodes=10)
    assert data.aggregated and len(data.nodes) == 2


def test_standalone_file_is_written(tmp_path: Path) -> None:
    out = write_standalone(_graph(), tmp_path / "view.html", title="KL 91")
    text = out.read_text(encoding="utf-8")
    assert "vis.Network" in text and "dg-details" in text
