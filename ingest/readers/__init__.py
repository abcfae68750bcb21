"""Readers: one loader per file format behind ``read_file``, chosen by extension.

Every loader returns raw text (tables as Markdown pipe rows); ``read_file`` guards the input
(size, emptiness, permissions), undoes legacy font encodings, runs the clean-up of
``dirgraph.ingest.normalize`` and wraps every failure in a one-line ``IngestError`` naming the
file. Heavy libraries (python-docx, pdfplumber) are imported inside their loader.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from dirgraph.core.errors import IngestError
from dirgraph.ingest.encodings import repair_legacy
from dirgraph.ingest.marks import restore_marks
from dirgraph.ingest.misread_marks import repair_misread
from dirgraph.ingest.normalize import normalize_text
from dirgraph.ingest.readers.base import Loaded, SourceDocument

__all__ = ["FORMATS", "SourceDocument", "read_file", "supported_extensions", "warm_up_loaders"]

Loader = Callable[..., Loaded]

# extension -> (format name, loader module under dirgraph.ingest.readers)
FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "text_loader"),
    ".md": ("md", "text_loader"),
    ".markdown": ("md", "text_loader"),
    ".docx": ("docx", "docx_loader"),
    ".pdf": ("pdf", "pdf_loader"),
    ".html": ("html", "html_loader"),
    ".htm": ("html", "html_loader"),
}

_REFUSED: dict[str, str] = {
    ".doc": "old Word format; save as .docx",
    ".rtf": "RTF is not supported; save as .docx",
    ".odt": "OpenDocument text is not supported; save as .docx",
    ".xls": "spreadsheets are not supported",
    ".xlsx": "spreadsheets are not supported",
}

DEFAULT_MAX_BYTES = 20 * 2**20


def supported_extensions() -> tuple[str, ...]:
    """Extensions ``read_file`` accepts, for directory walks and help texts."""
    return tuple(FORMATS)


def _loader(module: str) -> Loader:
    mod = importlib.import_module(f"dirgraph.ingest.readers.{module}")
    load: Loader = mod.load
    return load


def warm_up_loaders() -> None:
    """Import every loader and the library it reads with (python-docx, pdfplumber) now.

    A loader imports its library on its first file: tens of milliseconds of CPU that a benchmark
    or a worker pool would otherwise pay inside its first .docx or .pdf (see ``pipeline.warm_up``).
    """
    for module in sorted({module for _fmt, module in FORMATS.values()}):
        mod = importlib.import_module(f"dirgraph.ingest.readers.{module}")
        warm = getattr(mod, "warm_up", None)
        if warm is not None:
            warm()


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused when over ``max_bytes``: one open, one fstat, one read.

    A directory raises ``IsADirectoryError`` on open. ``read(n)`` allocates ``n`` bytes first, so a
    regular file is read at its size (plus one byte, to see growth) rather than at the limit.
    """
    name = str(path)
    try:
        with open(name, "rb") as handle:
            info = os.fstat(handle.fileno())
            size = info.st_size
            if size > max_bytes:
                raise IngestError(name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            if stat.S_ISREG(info.st_mode) and size > 0:
                data = handle.read(size + 1)
                if len(data) > size:  # grew since the fstat: the rest, up to the limit
                    data += handle.read(max_bytes + 1 - len(data))
            else:  # a device or pipe has no size to trust
                data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise IngestError(name, "file not found") from exc
    except PermissionError as exc:
        raise IngestError(name, "permission denied") from exc
    except IsADirectoryError as exc:
        raise IngestError(name, "is a directory, not a file") from exc
    except OSError as exc:
        raise IngestError(name, f"cannot read file: {exc.strerror or type(exc).__name__}") from exc
    if len(data) > max_bytes:
        raise IngestError(name, f"file is over the {max_bytes:,}-byte limit")
    if not data.strip():
        raise IngestError(name, "empty file")
    return data


def read_file(path: Path, *, ocr: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one document file into a :class:`SourceDocument`; bad input raises ``IngestError``."""
    path = Path(path)
    name = str(path)
    ext = path.suffix.lower()
    if ext in _REFUSED:
        raise IngestError(name, _REFUSED[ext])
    if ext not in FORMATS:
        known = ", ".join(sorted(set(FORMATS)))
        raise IngestError(name, f"unsupported file type {ext or '(no extension)'!r}; expected one of {known}")
    fmt, module = FORMATS[ext]
    data = _read_bytes(path, max_bytes)
    try:
        loaded = _loader(module)(path, data, ocr=ocr)
        raw = loaded.raw_text
        warnings = list(loaded.warnings)
        if not loaded.legacy_checked:
            repaired = repair_legacy(raw)
            if repaired.encoding != "unicode":
                warnings.append(f"converted from {repaired.encoding}")
            raw = repaired.text
        text = normalize_text(raw, loaded.paragraphs)
        restored = restore_marks(text)
        if restored.words:  # a damaged text: the marks a scan misread are put right too
            misread = repair_misread(restored.text)
            warnings.append(f"restored lost tone marks on {restored.words} words"
                            + (f", misread ones on {misread.words}" if misread.words else ""))
            text = misread.text
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError(name, f"cannot read {fmt}: document nested too deeply") from exc
    except Exception as exc:  # a loader's library failed on malformed input: one line, no traceback
        raise IngestError(name, f"cannot read {fmt}: {type(exc).__name__}") from exc
    if not text.strip():
        raise IngestError(name, "no text found in the document")
    return SourceDocument(
        path=path,
        format=fmt,
        text=text,
        raw_text=loaded.raw_text,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
    )
