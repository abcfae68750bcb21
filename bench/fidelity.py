"""How much of a generated corpus the resolved graph got right: speed figures mean little without it.

The generator knows every document it wrote (:class:`~dirgraph.bench.synthetic.GeneratedDoc`):
its number, kind, level, locality and the numbers of the documents it implements. This module
compares that manifest with the graph resolved from the same files, document by document, and
answers the analyst's coverage question ("which provinces have a plan for this directive?") from
both sides. At 10^5 documents it is the check that the graph still holds the corpus, not only
that it was built in time.

Comparisons use :func:`dirgraph.core.text.norm_key` (NFC, one tone placement, case-folded), so a
noisy copy of a document that the reader repaired counts as found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dirgraph.bench.synthetic import GeneratedDoc
from dirgraph.core.text import norm_key

MISSES_KEPT = 5


@dataclass
class Tally:
    """``right`` of ``total`` checks passed; ``misses`` names the first few failures to look at."""

    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, ok: bool, miss: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        elif len(self.misses) < MISSES_KEPT:
            self.misses.append(miss)

    @property
    def share(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


def _document_nodes(graph: Any) -> dict[str, Any]:
    """Ingested document nodes by the file name they came from (the generator's names are unique)."""
    out: dict[str, Any] = {}
    for node in graph.nodes.values():
        if node.type.value == "Document" and not node.placeholder and node.source:
            out[Path(node.source).name] = node
    return out


def _implemented_numbers(graph: Any) -> dict[str, set[str]]:
    """Document id -> normalized numbers of the documents it IMPLEMENTS."""
    out: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges.values():
        if edge.type.value == "IMPLEMENTS":
            target = graph.nodes.get(edge.target)
            if target is not None and getattr(target, "number", None):
                out[edge.source].add(norm_key(target.number))
    return out


def score_graph(graph: Any, documents: Iterable[GeneratedDoc]) -> dict[str, Any]:
    """Per-field agreement between the generator's manifest and the resolved graph.

    - ``found``: the file became an ingested document node;
    - ``number``, ``kind``, ``level``, ``locality``: that node's fields (locality only where the
      generator set one);
    - ``implements_recall``: expected IMPLEMENTS edges present; ``implements_precision``: IMPLEMENTS
      edges out of generated documents that point at a document the generator meant or at the
      central document of its cascade (a lower plan that names this one "… về triển khai Nghị quyết
      X" states that edge, and SCHEMA.md records it);
    - ``coverage``: central documents whose set of provinces with a province-level plan that
      implements them is exactly the generator's.
    """
    nodes = _document_nodes(graph)
    implemented = _implemented_numbers(graph)
    tallies = {name: Tally() for name in ("found", "number", "kind", "level", "locality",
                                          "implements_recall", "implements_precision", "coverage")}
    expected_cover: dict[str, set[str]] = defaultdict(set)
    found_cover: dict[str, set[str]] = defaultdict(set)
    roots: list[str] = []
    for doc in documents:
        name = Path(doc.path).name
        if doc.level == "central":
            roots.append(norm_key(doc.number))
        wanted = {norm_key(n) for n in doc.implements}
        if doc.level == "province":
            for number in wanted:
                expected_cover[number].add(norm_key(doc.province))
        node = nodes.get(name)
        tallies["found"].check(node is not None, name)
        if node is None:
            for number in wanted:
                tallies["implements_recall"].check(False, f"{name} → {number}")
            continue
        tallies["number"].check(norm_key(node.number) == norm_key(doc.number), f"{name}: {node.number!r}")
        tallies["kind"].check(node.kind.record_kind == doc.kind, f"{name}: {node.kind.record_kind}")
        tallies["level"].check(node.level is not None and node.level.value == doc.level, f"{name}: {node.level}")
        if doc.locality:
            tallies["locality"].check(norm_key(node.locality_name) == norm_key(doc.locality),
                                      f"{name}: {node.locality_name!r}")
        got = implemented.get(node.id, set())
        for number in sorted(wanted):
            tallies["implements_recall"].check(number in got, f"{name} → {number}")
        allowed = wanted | {norm_key(doc.root)}
        for number in sorted(got):
            tallies["implements_precision"].check(number in allowed, f"{name} → {number}")
        if node.level is not None and node.level.value == "province" and node.locality_name:
            for number in got:
                found_cover[number].add(norm_key(node.locality_name))
    for root in roots:
        tallies["coverage"].check(found_cover.get(root, set()) == expected_cover.get(root, set()), root)
    return {name: {"right": t.right, "total": t.total, "share": t.share, "misses": t.misses}
            for name, t in tallies.items()}
