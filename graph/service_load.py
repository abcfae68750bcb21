"""Build the service's :class:`GraphView` straight from ``graph.json``, one entry at a time.

Parsing the whole file into a pydantic :class:`Graph` first costs ~1.6 GB at 10^4 documents, and
Python keeps most of that address space after the graph is dropped (freed small objects pin their
arenas). Reading entry by entry keeps only the compact view plus one 4 MB window of text, so the
API process's resident memory is what the view needs. The file is the one
:func:`dirgraph.graph.workspace.write_graph_json` writes: ``{"nodes": {id: node}, "edges": {key: edge}}``.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from dirgraph.core.errors import StoreError
from dirgraph.graph.gc_pause import gc_paused
from dirgraph.graph.model import EdgeType, Node
from dirgraph.graph.service_views import GraphView

_NODE: TypeAdapter[Node] = TypeAdapter(Node)
_CHUNK = 1 << 22
_SPACE = " \t\r\n"


class _Entries:
    """A JSON reader over a byte stream that hands out whole values with :meth:`json.JSONDecoder.raw_decode`
    (values are objects or strings, so a value cut at the window's end fails to parse and the window grows)."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.json = json.JSONDecoder()
        self.buf = ""
        self.pos = 0
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(_CHUNK)
        self.eof = not chunk
        self.buf = self.buf[self.pos:] + self.utf8.decode(chunk, final=self.eof)
        self.pos = 0
        return True

    def _skip_space(self) -> None:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill():
                return

    def char(self) -> str:
        self._skip_space()
        if self.pos >= len(self.buf):
            raise ValueError("unexpected end of file")
        c = self.buf[self.pos]
        self.pos += 1
        return c

    def peek(self) -> str:
        self._skip_space()
        return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def expect(self, wanted: str) -> None:
        got = self.char()
        if got != wanted:
            raise ValueError(f"expected {wanted!r}, found {got!r}")

    def value(self) -> Any:
        self._skip_space()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if not self._fill():
                    raise
                continue
            self.pos = end
            return value

    def members(self) -> Iterator[tuple[str, Any]]:
        """The (key, value) pairs of the object that starts here."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            self.expect(":")
            yield key, self.value()
            if self.char() == "}":
                return


def load_view(path: Path) -> GraphView:
    """The view of the graph saved at ``path``; a clear StoreError when it cannot be read."""
    view = GraphView()
    try:
        with path.open("rb") as fh, gc_paused(freeze_survivors=True):
            reader = _Entries(fh)
            for section, _ in _sections(reader):
                if section == "nodes":
                    for _, data in reader.members():
                        view.add_node(_NODE.validate_python(data))
                elif section == "edges":
                    for _, data in reader.members():
                        view.add_edge(EdgeType(data["type"]), data["source"], data["target"],
                                      [(p["document"], p["file"], p.get("start"), p.get("end"), p.get("quote", ""))
                                       for p in data.get("provenances", ())])
                else:
                    reader.value()
    except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
        raise StoreError(f"{path}: unreadable graph, run `dirgraph rebuild`") from exc
    view.finish()
    return view


def _sections(reader: _Entries) -> Iterator[tuple[str, None]]:
    """Walk the top-level object; the caller consumes each section's value before the next."""
    reader.expect("{")
    if reader.peek() == "}":
        return
    while True:
        key = reader.value()
        reader.expect(":")
        yield key, None
        if reader.char() == "}":
            return
