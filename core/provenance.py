"""Where a fact comes from: file, character span in the normalized text, quoted sentence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Provenance(BaseModel):
    """A fact's source. ``start``/``end`` index the reader's normalized text; ``quote`` is the sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    start: int
    end: int
    quote: str

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "start": self.start, "end": self.end, "quote": self.quote}
