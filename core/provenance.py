"""Where a fact comes from: file, character span in the normalized text, quoted sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import ConfigDict


@dataclass(frozen=True, slots=True)
class Provenance:
    """A fact's source. ``start``/``end`` index the reader's normalized text; ``quote`` is the sentence.

    A frozen, slotted dataclass rather than a pydantic model: every fact of every record has one
    (~36 per document), and resolve holds all records at once; a model instance would add a
    ``__dict__`` and a fields-set to each (~400 bytes). Pydantic validates it inside a record
    (JSON in, unknown fields refused); built by the extractors it is typed by mypy.
    """

    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid")

    file: str
    start: int
    end: int
    quote: str

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "start": self.start, "end": self.end, "quote": self.quote}
