"""One exception tree for dirgraph; the CLI and the API map it to one-line errors and problem responses."""

from __future__ import annotations


class DirgraphError(Exception):
    """Base of every error dirgraph raises on purpose; its message is one line for the user."""


class IngestError(DirgraphError):
    """A file could not be read or understood (empty, binary, truncated, unknown encoding …)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnresolvedReferenceError(DirgraphError):
    """A reference names a document, agency or locality that cannot be resolved."""


class StoreError(DirgraphError):
    """A store failed (locked database, corrupt files, driver error)."""


class QueryRejectedError(DirgraphError):
    """A query was refused before running: writes, remote access, syntax."""


class QueryTimeoutError(DirgraphError):
    """A query ran past its deadline and was stopped."""


class NotFoundError(DirgraphError):
    """An id names nothing in the graph."""
