"""Fixtures of the HTTP-layer tests: an app over the fake service, with a short query deadline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fakes import TOKEN, FakeService, demo_files
from fastapi.testclient import TestClient

from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", api_token=TOKEN, query_timeout_s=0.5, row_cap=100)  # type: ignore[arg-type]


@pytest.fixture
def client(settings: Settings, fake: FakeService) -> Iterator[TestClient]:
    with TestClient(create_app(settings, service=fake)) as test_client:
        yield test_client



@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the demo corpus ingested once per session, then closed (read by every real test)."""
    from dirgraph.graph.service import GraphService

    home = tmp_path_factory.mktemp("api-demo") / "home"
    service = GraphService.open(home)
    try:
        report = service.ingest_paths(demo_files())
    finally:
        service.close()
    assert report.read and not report.failed, report.failed
    return home


@pytest.fixture
def real_client(demo_home: Path) -> Iterator[TestClient]:
    """The app opening the demo workspace itself (as ``dirgraph serve`` does), 1 s query deadline."""
    settings = Settings(home=demo_home, query_timeout_s=1.0, row_cap=50)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
