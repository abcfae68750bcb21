"""The extraction record: what one document says, in the shape of shared/gold/SCHEMA.md.

This is the contract between ingest and graph: the extractor emits one :class:`ExtractionRecord`
per file, ``dirgraph extract`` prints it as JSON, and the graph layer resolves records into one
graph. Every fact carries ``provenance`` (file, character span in the normalized text, quote).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dirgraph.core.provenance import Provenance

DocKind = Literal[
    "resolution", "conclusion", "directive", "plan", "program", "decision", "regulation",
    "circular", "guidance", "decree", "law", "report", "dispatch", "other",
]
RelationType = Literal["implements", "continues", "based_on", "cites"]
Role = Literal["leads", "coordinates", "implements", "supervises"]
AgencyRelationType = Literal["reports_to", "coordinates_with"]


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AgencyRef(_Fact):
    """An agency as an analyst files it: expanded name without place words, plus its locality.

    Frozen: the extractor hands the same instance to every fact and record that names the same
    agency in the same place (``agencies.canonical_agency``'s cache), so a write would leak into them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    locality: str | None = None


class Signer(_Fact):
    name: str | None = None
    position: str | None = None
    prefix: str | None = None  # T/M, KT., TL., Q. …


class DocumentMeta(_Fact):
    kind: DocKind = "other"
    number: str | None = None
    date: str | None = None
    issuer: AgencyRef | None = None
    title: str | None = None
    signer: Signer | None = None
    place: str | None = None
    locality: str | None = None  # the document's own locality (most specific place)
    provenance: Provenance | None = None


class DocumentRef(_Fact):
    key: str
    kind: DocKind = "other"
    number: str | None = None
    date: str | None = None
    issuer: AgencyRef | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    provenance: Provenance | None = None


class Relation(_Fact):
    source: str  # "SELF" or a DocumentRef.key
    type: RelationType
    target: str
    provenance: Provenance | None = None


class Deadline(_Fact):
    kind: Literal["by", "recurring"]
    value: str


class Task(_Fact):
    id: str
    text: str
    deadline: Deadline | None = None
    parent: str | None = None
    section: str | None = None  # heading of the top-level section it sits in
    provenance: Provenance | None = None


class Assignment(_Fact):
    agency: AgencyRef
    role: Role
    task: str  # a Task.id or "SELF"
    provenance: Provenance | None = None


class AgencyRelation(_Fact):
    source: AgencyRef
    type: AgencyRelationType
    target: AgencyRef
    provenance: Provenance | None = None


class Target(_Fact):
    text: str
    value: float | int | str | None = None
    unit: str | None = None
    year: int | None = None
    task: str | None = None
    provenance: Provenance | None = None


class Recipient(_Fact):
    """A line of the Nơi nhận list with its marker (b/c, t/h, để biết …)."""

    text: str
    agency: AgencyRef | None = None
    marker: str | None = None
    provenance: Provenance | None = None


class ExtractionRecord(_Fact):
    source: str
    sha256: str | None = None
    format: str | None = None
    document: DocumentMeta
    documents: list[DocumentRef] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    agency_relations: list[AgencyRelation] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The SCHEMA.md JSON with provenance keys (``None`` fields kept: the schema shows nulls)."""
        return self.model_dump(mode="json")
