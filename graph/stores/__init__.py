"""Store registry: backends by name, imported lazily (a missing driver only fails when chosen).

Add a backend with one line in ``_REGISTRY`` ("name": "module:Class"); the conformance suite in
``tests/graph/test_store_conformance.py`` runs over every name listed here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from dirgraph.core.errors import StoreError
from dirgraph.graph.stores.protocol import Capability, GraphStore, StoreCounts

_REGISTRY: dict[str, str] = {
    "ladybug": "dirgraph.graph.stores.ladybug_store:LadybugStore",
    "networkx": "dirgraph.graph.stores.networkx_store:NetworkxStore",
    "oxigraph": "dirgraph.graph.stores.oxigraph_store:OxigraphStore",
    "rdflib": "dirgraph.graph.stores.rdflib_store:RdflibStore",
    "neo4j": "dirgraph.graph.stores.neo4j_store:Neo4jStore",
}


def register_store(name: str, target: str) -> None:
    """Register ``"module:Class"`` under ``name`` (plugins outside this package)."""
    _REGISTRY[name] = target


def store_names() -> list[str]:
    return list(_REGISTRY)


def store_class(name: str) -> type[GraphStore]:
    try:
        module_name, _, cls_name = _REGISTRY[name].partition(":")
    except KeyError:
        raise StoreError(f"unknown store {name!r} (known: {', '.join(_REGISTRY)})") from None
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise StoreError(f"store {name!r} unavailable: {exc}") from exc
    cls: type[GraphStore] = getattr(module, cls_name)
    return cls


def open_store(name: str, path: Path, read_only: bool = False) -> GraphStore:
    """Instantiate store ``name`` on folder ``path``."""
    return store_class(name)(path, read_only=read_only)  # type: ignore[call-arg]


__all__ = ["Capability", "GraphStore", "StoreCounts", "open_store", "register_store", "store_class",
           "store_names"]
