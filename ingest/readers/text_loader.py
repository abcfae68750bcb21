"""Plain text and Markdown: decode the bytes (legacy encodings included); clean-up does the rest."""

from __future__ import annotations

from pathlib import Path

from dirgraph.ingest.encodings import decode_bytes
from dirgraph.ingest.readers.base import Loaded
from dirgraph.ingest.readers.markdown_lists import renumber_lazy_lists


def load(path: Path, data: bytes, *, ocr: bool = False) -> Loaded:
    decoded = decode_bytes(data, str(path))
    warnings = []
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"converted from {decoded.encoding}")
    text = renumber_lazy_lists(decoded.text) if path.suffix.lower() in (".md", ".markdown") else decoded.text
    return Loaded(text, warnings, legacy_checked=True)
