"""The fidelity check: a resolved graph against the generator's manifest."""

from __future__ import annotations

from pathlib import Path

from dirgraph.bench.fidelity import MISSES_KEPT, score_graph
from dirgraph.bench.synthetic import GeneratedDoc, generate_corpus
from dirgraph.graph.model import DocKind, DocumentNode, EdgeType, Graph, Level

ROOT = GeneratedDoc("000/000000-kl-tw.txt", "91-KL/TW", "conclusion", "central", "party", "Bộ Chính trị",
                    None, None, "2024-08-12", (), "91-KL/TW")
PARTY = GeneratedDoc("000/000001-kh-tu.txt", "294-KH/TU", "plan", "province", "party",
                     "Ban Thường vụ Tỉnh ủy", "Lai Châu", "Lai Châu", "2024-09-01", ("91-KL/TW",), "91-KL/TW")
STATE = GeneratedDoc("000/000002-kh-huyen.md", "127/KH-UBND", "plan", "district", "state",
                     "Ủy ban nhân dân huyện", "Tam Đường", "Lai Châu", "2024-10-01", ("294-KH/TU",), "91-KL/TW")


def _doc(g: Graph, doc: GeneratedDoc, **fields: object) -> str:
    values: dict[str, object] = {
        "id": "doc-" + doc.number.lower().replace("/", "-"), "kind": DocKind.from_record(doc.kind),
        "number": doc.number, "level": Level(doc.level), "locality_name": doc.locality, "placeholder": False,
        "source": Path(doc.path).name}
    values.update(fields)
    g.add_node(DocumentNode(**values))  # type: ignore[arg-type]
    return str(values["id"])


def _faithful() -> Graph:
    g = Graph()
    root, party, state = (_doc(g, d) for d in (ROOT, PARTY, STATE))
    g.add_edge(EdgeType.IMPLEMENTS, party, root)
    g.add_edge(EdgeType.IMPLEMENTS, state, party)
    g.add_edge(EdgeType.IMPLEMENTS, state, root)  # stated by a lower plan ("… về triển khai Kết luận 91")
    return g


def test_a_faithful_graph_scores_one_everywhere() -> None:
    checks = score_graph(_faithful(), [ROOT, PARTY, STATE])
    assert {k: (c["right"], c["total"]) for k, c in checks.items()} == {
        "found": (3, 3), "number": (3, 3), "kind": (3, 3), "level": (3, 3), "locality": (2, 2),
        "implements_recall": (2, 2), "implements_precision": (3, 3), "coverage": (1, 1)}
    assert all(c["share"] == 1.0 and c["misses"] == [] for c in checks.values())


def test_each_kind_of_miss_is_counted_and_named() -> None:
    g = Graph()
    root = _doc(g, ROOT)
    party = _doc(g, PARTY, locality_name="Lai", level=Level.CENTRAL)  # a mangled place, a wrong level
    stray = _doc(g, STATE, id="doc-other", source="elsewhere.txt", placeholder=True)  # STATE's file never read
    g.add_edge(EdgeType.IMPLEMENTS, party, stray)  # to a document the generator did not mean
    checks = score_graph(g, [ROOT, PARTY, STATE])
    assert (checks["found"]["right"], checks["found"]["misses"]) == (2, ["000002-kh-huyen.md"])
    assert checks["locality"]["misses"] == ["000001-kh-tu.txt: 'Lai'"]
    assert (checks["level"]["right"], checks["level"]["total"]) == (1, 2)
    assert checks["implements_recall"]["right"] == 0 and checks["implements_recall"]["total"] == 2
    assert checks["implements_precision"]["misses"] == ["000001-kh-tu.txt → 127/kh-ubnd"]
    assert checks["coverage"]["misses"] == ["91-kl/tw"]  # Lai Châu's plan no longer implements it
    assert root in g.nodes


def test_misses_kept_are_bounded() -> None:
    docs = [GeneratedDoc(f"000/{i:06d}-kh-xa.txt", f"{i}/KH-UBND", "plan", "commune", "state", "x", "An Khánh",
                         "Hà Nội", "2024-01-01", (), "91-KL/TW") for i in range(MISSES_KEPT + 3)]
    checks = score_graph(Graph(), docs)
    assert checks["found"]["total"] == MISSES_KEPT + 3 and len(checks["found"]["misses"]) == MISSES_KEPT


def test_a_generated_corpus_resolves_faithfully(tmp_path: Path) -> None:
    """The product on its own synthetic genre: every check at 1.0 (each bug this check found has a
    unit test of its own: place names holding "Thành"/"Nhân", "Sở Văn hóa, Thể thao và Du lịch",
    the gazetteer's "Duyên Hải (Thị xã)", "Phương Đông", a parent plan sharing the document's number)."""
    from dirgraph.graph.workspace import Workspace

    corpus = generate_corpus(150, tmp_path / "corpus", seed=11)
    workspace = Workspace(tmp_path / "home")
    report = workspace.ingest([tmp_path / "corpus" / d.path for d in corpus.documents], workers=1)
    assert not report.failed
    checks = score_graph(workspace.build_graph(save=False), corpus.documents)
    assert {k: c["misses"] for k, c in checks.items() if c["share"] != 1.0} == {}
