"""Render a graph view to HTML with pyvis ``generate_html()``, with no request leaving the app.

Two modes share one renderer:

* ``inline`` — vis-network inlined: a standalone file to share (``dirgraph viz … --out``);
* ``served`` — vis-network loaded from the app's own ``/static/vis/`` (light pages).

pyvis always links Bootstrap from a CDN; those tags are removed. A details panel is injected:
clicking a node or an edge shows its type, text and quoted source, written with ``textContent``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Literal

import networkx as nx
import pyvis

from dirgraph.viz.network import MAX_DRAWN_NODES, build_network

VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
_EXTERNAL_TAG = re.compile(r"<(?:link|script)\b[^>]*(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)
_CDN_VIS_JS = re.compile(r"https://cdnjs\.cloudflare\.com/ajax/libs/vis-network/[^\"]+\.js")
_CDN_VIS_CSS = re.compile(r"https://cdnjs\.cloudflare\.com/ajax/libs/vis-network/[^\"]+\.css")

_PANEL = """
<div id="dg-details" role="region" aria-live="polite"
     style="position:fixed;right:8px;bottom:8px;max-width:40%;max-height:45%;overflow:auto;background:#fff;
            border:1px solid #90a4ae;border-radius:6px;padding:8px 12px;font:13px sans-serif;display:none">
  <button id="dg-close" type="button" style="float:right">×</button>
  <div id="dg-kind" style="color:#607d8b"></div><h3 id="dg-label" style="margin:4px 0"></h3>
  <p id="dg-text"></p><p id="dg-source" style="color:#607d8b"></p><a id="dg-link" href="#" target="_top"></a>
</div>
<script type="application/json" id="dg-meta">__META__</script>
<script>
(function () {
  var meta = JSON.parse(document.getElementById("dg-meta").textContent);
  var panel = document.getElementById("dg-details");
  function put(id, value) { document.getElementById(id).textContent = value || ""; }
  function show(item, isEdge) {
    if (!item) { return; }
    var info = (isEdge ? meta.edges : meta.nodes)[item.id] || {};
    put("dg-kind", info.kind); put("dg-label", info.label); put("dg-text", info.text);
    put("dg-source", info.source);
    var link = document.getElementById("dg-link");
    if (info.href && info.href.charAt(0) === "/") { link.setAttribute("href", info.href); link.textContent = meta.open; }
    else { link.removeAttribute("href"); link.textContent = ""; }
    panel.style.display = "block";
    window.dgSelected = {id: item.id, edge: isEdge};
  }
  document.getElementById("dg-close").onclick = function () { panel.style.display = "none"; };
  function hook() {
    if (typeof network === "undefined" || !network) { return setTimeout(hook, 30); }
    network.on("click", function (params) {
      if (params.nodes.length) { show(nodes.get(params.nodes[0]), false); }
      else if (params.edges.length) { show(edges.get(params.edges[0]), true); }
    });
    var done = function () { document.body.setAttribute("data-settled", "1"); };
    network.once("afterDrawing", done);
    setTimeout(done, 1500);
    window.dgNetwork = network;
  }
  hook();
})();
</script>
"""


def _json_for_script(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can close or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _details(graph: nx.MultiDiGraph, lang: str) -> dict[str, object]:
    nodes = {
        str(node): {
            "kind": str(data.get("type") or ""),
            "label": str(data.get("label") or node),
            "text": str(data.get("detail") or data.get("title") or ""),
            "source": str(data.get("source") or ""),
            "href": str(data.get("href") or ""),
        }
        for node, data in graph.nodes(data=True)
    }
    edges = {
        f"e{index}": {
            "kind": str(data.get("type") or ""),
            "label": f"{graph.nodes[s].get('label', s)} → {graph.nodes[t].get('label', t)}",
            "text": str(data.get("quote") or ""),
            "source": str(data.get("source") or ""),
            "href": str(data.get("href") or ""),
        }
        for index, (s, t, data) in enumerate(graph.edges(data=True))
    }
    return {"nodes": nodes, "edges": edges, "open": "Open page" if lang == "en" else "Mở trang"}


def render_graph_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "",
    mode: Literal["inline", "served"] = "inline",
    static_prefix: str = "/static/vis",
    hierarchical: bool = True,
    max_nodes: int = MAX_DRAWN_NODES,
    lang: str = "vi",
) -> str:
    """HTML for one graph view; see the module docstring for the two modes."""
    net, aggregated = build_network(graph, hierarchical=hierarchical, max_nodes=max_nodes, height="92vh")
    if mode == "served":
        net.cdn_resources = "remote"
    page = net.generate_html()
    if mode == "served":
        page = _CDN_VIS_JS.sub(f"{static_prefix}/vis-network.min.js", page)
        page = _CDN_VIS_CSS.sub(f"{static_prefix}/vis-network.css", page)
        page = re.sub(r'\s(?:integrity|crossorigin|referrerpolicy)="[^"]*"', "", page)
    page = _EXTERNAL_TAG.sub("", page)
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    page = page.replace("<center>\n<h1></h1>\n</center>", "").replace("<center>\n          <h1></h1>\n        </center>", "")
    details_graph = graph if not aggregated else nx.MultiDiGraph()
    panel = _PANEL.replace("__META__", _json_for_script(_details(details_graph, lang)))
    heading = f"<title>{html.escape(title)}</title>" if title else ""
    page = page.replace("<head>", f"<head>\n<meta charset=\"utf-8\">{heading}", 1)
    return page.replace("</body>", panel + "</body>", 1)


def write_standalone(graph: nx.MultiDiGraph, out: Path, *, title: str = "", lang: str = "vi") -> Path:
    """Write a self-contained HTML file (vis-network inlined, no external request)."""
    out.write_text(render_graph_html(graph, title=title, mode="inline", lang=lang), encoding="utf-8")
    return out
