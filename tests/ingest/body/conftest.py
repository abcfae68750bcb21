"""Helpers for the body extractor tests: a DocContext over a small snippet, as the pipeline builds it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef


def body_context(text: str, locality: str = "Quảng Ninh", level: str = "province",
                 parents: tuple[str, ...] = ()) -> DocContext:
    """The snippet's body starts after "như sau:" (or at 0) and runs to "Nơi nhận" (or the end)."""
    text = unicodedata.normalize("NFC", text)
    marker = text.find("như sau:")
    start = marker + len("như sau:") if marker >= 0 else 0
    end = text.find("Nơi nhận")
    return DocContext(
        source="snippet.txt", text=text, locality=locality, locality_level=level, parent_localities=parents,
        issuer=AgencyRef(name="Ủy ban nhân dân tỉnh", locality=locality), kind="plan",
        body_start=start, body_end=end if end >= 0 else len(text),
    )


@pytest.fixture
def make_ctx() -> Callable[..., DocContext]:
    return body_context
