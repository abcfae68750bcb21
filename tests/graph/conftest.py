"""Session fixtures over the gold seed records."""

from __future__ import annotations

import pytest
from graph_fixtures import gold_records

from dirgraph.graph.model import Graph
from dirgraph.graph.resolve import resolve
from dirgraph.ingest.record import ExtractionRecord


@pytest.fixture(scope="session")
def seed_records() -> list[ExtractionRecord]:
    return gold_records()


@pytest.fixture(scope="session")
def seed_graph(seed_records: list[ExtractionRecord]) -> Graph:
    return resolve(seed_records)
