"""Turn a store's SPARQL answer into the negotiated media type, enforcing the row cap.

The store serializes once in whatever format it chose (``SparqlResult.media_type``); the
protocol endpoint re-serializes with pyoxigraph into the type the client asked for, and cuts
solutions or triples at the row cap on the way (the SPARQL store has no cap of its own).
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from dirgraph.core.errors import StoreError
from dirgraph.graph.service_models import SparqlResult

JSON_RESULTS = "application/sparql-results+json"


def _solutions_json(result: SparqlResult) -> dict[str, Any]:
    raw = result.serialized.encode("utf-8")
    if result.media_type.split(";")[0].strip() != JSON_RESULTS:
        parsed = ox.parse_query_results(raw, format=ox.QueryResultsFormat.from_media_type(result.media_type))
        raw = parsed.serialize(format=ox.QueryResultsFormat.JSON)
    data: dict[str, Any] = json.loads(raw)
    return data


def render(result: SparqlResult, media_type: str, row_cap: int) -> tuple[bytes, bool]:
    """The answer as ``media_type`` bytes, and whether the row cap cut it."""
    try:
        if result.kind == "graph":
            return _render_graph(result, media_type, row_cap)
        data = _solutions_json(result)
        truncated = False
        bindings = data.get("results", {}).get("bindings")
        if isinstance(bindings, list) and len(bindings) > row_cap:
            data["results"]["bindings"] = bindings[:row_cap]
            truncated = True
        as_json = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if media_type == JSON_RESULTS:
            return as_json, truncated
        parsed = ox.parse_query_results(as_json, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=ox.QueryResultsFormat.from_media_type(media_type)) or b"", truncated
    except (ValueError, SyntaxError, OSError) as exc:
        raise StoreError(f"could not serialize the SPARQL answer as {media_type}: {exc}") from exc


def _render_graph(result: SparqlResult, media_type: str, row_cap: int) -> tuple[bytes, bool]:
    source = ox.RdfFormat.from_media_type(result.media_type)
    target = ox.RdfFormat.from_media_type(media_type)
    if source is None or target is None:
        raise ValueError(f"unknown RDF media type {result.media_type!r} or {media_type!r}")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(result.serialized.encode("utf-8"), format=source)]
    truncated = len(triples) > row_cap
    out = ox.serialize(triples[:row_cap], format=target)
    return (out or b""), truncated
