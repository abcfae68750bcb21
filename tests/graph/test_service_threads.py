"""The API answers from a thread pool: many threads on one GraphService must not reopen stores under each other."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dirgraph.graph.service import GraphService

DEMO = Path(__file__).resolve().parents[2] / "demo"


def test_concurrent_lookups_and_queries_on_a_fresh_service(tmp_path: Path) -> None:
    home = tmp_path / ".dirgraph"
    members = sorted(p for p in DEMO.iterdir() if p.is_file() and p.stem != "README"
                     and p.suffix in {".txt", ".md", ".docx", ".pdf"})[:4]
    with GraphService.open(home) as writer:
        writer.ingest_paths(members, workers=1)
    service = GraphService.open(home)  # fresh: every thread races to open the view and the stores
    try:
        doc_ids = [d.id for d in service.list_documents(limit=20).items]

        def work(i: int) -> int:
            doc = service.get_document(doc_ids[i % len(doc_ids)])
            service.search_agencies("so khoa hoc")
            result = service.cypher("MATCH (d:Document) RETURN count(d)", None, 5.0, 10)
            service.chain_up(doc.id)
            return int(result.rows[0][0])

        with ThreadPoolExecutor(max_workers=16) as pool:
            counts = list(pool.map(work, range(96)))
        assert len(set(counts)) == 1 and counts[0] >= len(members)
    finally:
        service.close()
