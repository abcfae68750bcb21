"""Neo4j backend: sync the resolved graph into a Neo4j 5 server and answer Cypher on it.

Writes follow the usual bulk pattern: constraints and indexes first (a ``MERGE`` on an
unindexed key scans the label), then ``UNWIND $rows AS row MERGE …`` in batches, one statement
per (label) or (type, source label, target label). Queries run in read transactions with a
timeout; the seven analyst queries reuse the shared ``graph/queries/*.cypher`` files (the node
and relationship properties written here are the ones those files read).

Statement building, row mapping and batching are pure functions (unit-tested without a server);
only :class:`Neo4jStore` talks to the driver, and every driver error is wrapped in StoreError.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from dirgraph.core.errors import QueryRejectedError, QueryTimeoutError, StoreError
from dirgraph.graph.model import Edge, EdgeType, Graph, NodeType
from dirgraph.graph.queries import COLUMNS, QueryName, cypher
from dirgraph.graph.service_models import QueryResult
from dirgraph.graph.stores.neo4j_dialect import to_neo4j
from dirgraph.graph.stores.protocol import Capability, StoreCounts

BATCH_SIZE = 2_000
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Properties worth an index beyond the id constraint: the analyst queries filter on them.
INDEXED: dict[NodeType, tuple[str, ...]] = {
    NodeType.DOCUMENT: ("number", "date", "kind", "level", "locality_id"),
    NodeType.AGENCY: ("name", "locality_id"),
    NodeType.LOCALITY: ("name", "level"),
    NodeType.TASK: ("deadline_date", "document_id"),
}


def ident(name: str) -> str:
    """A label, relationship type or property name, checked before it is written into Cypher."""
    if not _IDENT.match(name):
        raise StoreError(f"not a Cypher identifier: {name!r}")
    return name


def constraint_statements() -> list[str]:
    """One uniqueness constraint on ``id`` per node label (also the index MERGE uses)."""
    return [f"CREATE CONSTRAINT {ident(label.value.lower())}_id IF NOT EXISTS "
            f"FOR (n:{ident(label.value)}) REQUIRE n.id IS UNIQUE" for label in NodeType]


def index_statements() -> list[str]:
    return [f"CREATE INDEX {ident(label.value.lower())}_{ident(prop)} IF NOT EXISTS "
            f"FOR (n:{ident(label.value)}) ON (n.{ident(prop)})"
            for label, props in INDEXED.items() for prop in props]


def merge_nodes_statement(label: str) -> str:
    """``UNWIND $rows`` of ``{id, props}`` maps into ``MERGE`` on the id, properties replaced."""
    return (f"UNWIND $rows AS row MERGE (n:{ident(label)} {{id: row.id}}) "
            "SET n = row.props")


def merge_edges_statement(rel_type: str, source_label: str, target_label: str) -> str:
    """``UNWIND $rows`` of ``{source, target, props}`` into ``MERGE`` of one relationship per pair."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{ident(source_label)} {{id: row.source}}) "
            f"MATCH (b:{ident(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[r:{ident(rel_type)}]->(b) SET r = row.props")


def delete_label_statement(label: str, batch: int = 10_000) -> str:
    """Delete up to ``batch`` nodes of a label (run until it returns 0: bounded transactions)."""
    return f"MATCH (n:{ident(label)}) WITH n LIMIT {int(batch)} DETACH DELETE n RETURN count(*) AS deleted"


def _plain(value: Any) -> Any:
    """Neo4j property values: enums to their value, None kept (SET n = map drops nulls)."""
    if hasattr(value, "value") and not isinstance(value, str | int | float | bool):
        return value.value
    return value


def node_rows(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """Rows per label: ``{"id": …, "props": {every model field but type, enums as strings}}``."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in graph.nodes.values():
        props = {k: _plain(v) for k, v in node.as_dict().items() if k != "type" and v is not None}
        rows[node.type.value].append({"id": node.id, "props": props})
    return dict(rows)


def edge_props(edge: Edge) -> dict[str, Any]:
    """Relationship properties, as the Ladybug tables hold them (the shared ``.cypher`` files read
    them): ``quote`` (first non-empty quote, absent when none), ``provenance`` (JSON list of every
    statement), ``weight`` (their count, at least 1)."""
    provs = [p.as_dict() for p in edge.provenances]
    props: dict[str, Any] = {"provenance": json.dumps(provs, ensure_ascii=False), "weight": max(1, len(provs))}
    quote = next((p.quote for p in edge.provenances if p.quote), None)
    if quote is not None:
        props["quote"] = quote
    return props


def edge_rows(graph: Graph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows per (type, source label, target label); edges to unknown nodes are skipped."""
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for edge in graph.edges.values():
        src, dst = graph.nodes.get(edge.source), graph.nodes.get(edge.target)
        if src is None or dst is None:
            continue
        rows[(edge.type.value, src.type.value, dst.type.value)].append(
            {"source": edge.source, "target": edge.target, "props": edge_props(edge)})
    return dict(rows)


def batched(rows: Sequence[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    """Consecutive slices of at most ``size`` rows."""
    if size < 1:
        raise ValueError("batch size must be positive")
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


def sync_plan(graph: Graph, batch_size: int = BATCH_SIZE) -> list[tuple[str, dict[str, Any]]]:
    """Every write statement of a sync after the wipe, in order: nodes by label, then edges."""
    plan: list[tuple[str, dict[str, Any]]] = []
    for label, rows in sorted(node_rows(graph).items()):
        plan += [(merge_nodes_statement(label), {"rows": b}) for b in batched(rows, batch_size)]
    for (rel, s_label, t_label), rows in sorted(edge_rows(graph).items()):
        plan += [(merge_edges_statement(rel, s_label, t_label), {"rows": b}) for b in batched(rows, batch_size)]
    return plan


def settings_from_env(uri: str | None = None, user: str | None = None,
                      password: str | None = None) -> tuple[str, str, str]:
    """Connection settings: arguments, else ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD``."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise StoreError("no Neo4j server: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) or pass --uri")
    return uri, user or os.environ.get("NEO4J_USER", "neo4j"), password or os.environ.get("NEO4J_PASSWORD", "")


class Neo4jStore:
    """GraphStore on a Neo4j server (``path`` is ignored; connection from the environment)."""

    name = "neo4j"
    capabilities = frozenset({Capability.CYPHER, Capability.NAMED})

    def __init__(self, path: Path | None = None, read_only: bool = False, uri: str | None = None,
                 user: str | None = None, password: str | None = None, database: str | None = None) -> None:
        import neo4j

        self.read_only = read_only
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        uri, user, password = settings_from_env(uri, user, password)
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except Exception as exc:
            raise StoreError(f"cannot connect to Neo4j at {uri}: {str(exc).splitlines()[0]}") from exc

    def _write(self, statement: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if self.read_only:
            raise StoreError("the Neo4j store is open read-only")
        try:
            records, _, _ = self._driver.execute_query(statement, dict(params or {}), database_=self.database)
        except Exception as exc:
            raise StoreError(f"Neo4j write failed: {str(exc).splitlines()[0]}") from exc
        return [r.data() for r in records]

    def load(self, graph: Graph, batch_size: int = BATCH_SIZE) -> None:
        """Constraints and indexes, wipe dirgraph's labels, then batched MERGE of nodes and edges."""
        for statement in constraint_statements() + index_statements():
            self._write(statement)
        for label in NodeType:
            while self._write(delete_label_statement(label.value))[0]["deleted"]:
                pass
        for statement, params in sync_plan(graph, batch_size):
            self._write(statement, params)

    def _read(self, text: str, params: Mapping[str, Any] | None, timeout_s: float,
              row_cap: int) -> QueryResult:
        import neo4j

        def work(tx: Any) -> QueryResult:
            result = tx.run(text, dict(params or {}))
            columns = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) >= row_cap:
                    return QueryResult(columns=columns, rows=rows, truncated=True)
                rows.append([_to_python(v) for v in record.values()])
            return QueryResult(columns=columns, rows=rows)

        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=timeout_s)(work))
        except neo4j.exceptions.ClientError as exc:
            message = str(exc.message or exc).splitlines()[0]
            if "Timeout" in (exc.code or "") or "timeout" in message.lower():
                raise QueryTimeoutError(f"Cypher query stopped after {timeout_s:g} s") from exc
            raise QueryRejectedError(f"Cypher query refused: {message}") from exc
        except Exception as exc:
            raise StoreError(f"Neo4j query failed: {str(exc).splitlines()[0]}") from exc

    def query(self, text: str, parameters: Mapping[str, Any] | None = None, timeout_s: float = 10.0,
              row_cap: int = 10_000) -> QueryResult:
        """Read-only Cypher (a write is refused by the server inside a read transaction)."""
        return self._read(text, parameters, timeout_s, row_cap)

    def named(self, name: QueryName, params: Mapping[str, Any]) -> QueryResult:
        """The shared analyst query in Neo4j's dialect, rows shaped as the Ladybug store shapes them."""
        name = QueryName(name)
        result = self._read(to_neo4j(cypher(name)), params, timeout_s=60.0, row_cap=10**9)
        return QueryResult(columns=list(COLUMNS[name]), rows=shape_named_rows(name, result.rows))

    def counts(self) -> StoreCounts:
        nodes = {label.value: self._read(f"MATCH (n:{ident(label.value)}) RETURN count(n) AS c", None, 60, 1).rows[0][0]
                 for label in NodeType}
        edges = {t.value: self._read(f"MATCH ()-[r:{ident(t.value)}]->() RETURN count(r) AS c", None, 60, 1).rows[0][0]
                 for t in EdgeType}
        return StoreCounts(nodes={k: v for k, v in nodes.items() if v},
                           edges={k: v for k, v in edges.items() if v})

    def close(self) -> None:
        try:
            self._driver.close()
        except Exception as exc:  # pragma: no cover - closing a dead connection
            raise StoreError(f"Neo4j close failed: {exc}") from exc


def shape_named_rows(name: QueryName, rows: list[list[Any]]) -> list[list[Any]]:
    """Coordination quotes from the JSON ``provenance``; chain-up hops once at their smallest depth."""
    if name is QueryName.COORDINATION:
        index = COLUMNS[name].index("quotes")
        rows = [[*row[:index], [p.get("quote", "") for p in json.loads(row[index] or "[]") if p.get("quote")],
                 *row[index + 1:]] for row in rows]
    if name is QueryName.CHAIN_UP:
        best: dict[tuple[Any, Any, Any], list[Any]] = {}
        for row in rows:
            key = (row[0], row[2], row[3])
            if key not in best or row[-1] < best[key][-1]:
                best[key] = row
        rows = sorted(best.values(), key=lambda r: (r[-1], r[0], r[3]))
    return rows


def _to_python(value: Any) -> Any:
    """Driver values to plain JSON-able Python (nodes/relationships as property dicts)."""
    if isinstance(value, list):
        return [_to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_python(v) for k, v in value.items()}
    if hasattr(value, "items") and hasattr(value, "element_id"):
        return dict(value.items())
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
