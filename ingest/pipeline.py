"""From a file to an :class:`ExtractionRecord`: read, frame, metadata, references, relations, body.

Each step is a small named function with a typed output. A failure inside one extractor must not
lose the others: it is caught, written to ``record.warnings`` and the pipeline goes on (tests
assert the seeds produce no warnings, so a real bug still shows). Reading failures are not
caught here: the reader raises :class:`~dirgraph.core.errors.IngestError` for the caller to
report in one line.
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dirgraph.core.errors import IngestError
from dirgraph.core.text import clean_spaces, norm_key
from dirgraph.ingest.agencies import canonical_agency
from dirgraph.ingest.agency_lists import split_agency_list
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.frame import Frame, RecipientLine, parse_frame
from dirgraph.ingest.metadata import build_metadata
from dirgraph.ingest.readers import read_file
from dirgraph.ingest.record import (
    AgencyRef,
    AgencyRelation,
    Assignment,
    DocumentMeta,
    ExtractionRecord,
    Recipient,
    Task,
)
from dirgraph.ingest.references import extract_references
from dirgraph.ingest.relations import extract_relations
from dirgraph.ingest.tables import alternatives, load_table


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    return {norm_key(p): row[2] for row in load_table("relation_cues.tsv") if row[0] == "recipient"
            for p in alternatives(row[1])}


_SEMICOLON = re.compile(r";\s*")
_NOT_RECIPIENT = re.compile(r"^(Lưu|Như\s+(trên|Điều))", re.IGNORECASE)  # "Lưu: VT", "Như trên"


@lru_cache(maxsize=4096)
def _split_recipient(text: str) -> tuple[str, ...]:
    """ "Các Ban Xây dựng Đảng, Trung tâm Chính trị, Văn phòng Thành ủy" -> three agencies.

    Cached: Nơi nhận lines recur from document to document ("Thường trực Tỉnh ủy (b/c)", "Các sở, ban, ngành").
    """
    parts: list[str] = []
    for chunk in _SEMICOLON.split(text):  # a plural group keeps its commas ("UBND các xã, phường, đặc khu")
        parts.extend(p.strip(" -–,;.") for p in split_agency_list(chunk.strip(" -–,;.")))
    return tuple(p for p in parts if p and not _NOT_RECIPIENT.match(p))


def recipient_facts(
    frame: Frame, ctx: DocContext, meta: DocumentMeta,
) -> tuple[list[Recipient], list[AgencyRelation], list[Assignment]]:
    """Nơi nhận lines: (b/c) -> the issuer reports_to them; (t/h) -> they implement SELF."""
    markers = _markers()
    recipients: list[Recipient] = []
    relations: list[AgencyRelation] = []
    assignments: list[Assignment] = []
    line: RecipientLine
    for line in frame.recipients:
        if _NOT_RECIPIENT.match(line.text):
            continue
        effect = markers.get(norm_key(line.marker)) if line.marker else None
        prov = ctx.provenance(line.start, line.end)
        pieces = _split_recipient(line.text)
        agencies = [canonical_agency(p, ctx) for p in pieces]
        for agency in agencies if agencies else (None,):
            recipients.append(Recipient(text=line.text, agency=agency, marker=line.marker, provenance=prov))
        for agency in agencies:
            if effect == "reports_to" and meta.issuer is not None:
                relations.append(AgencyRelation(source=meta.issuer, type="reports_to", target=agency, provenance=prov))
            elif effect == "implements":
                assignments.append(Assignment(agency=agency, role="implements", task="SELF", provenance=prov))
    return recipients, relations, assignments


_ADDRESSED = re.compile(r"^\W*Kính\s+gửi\s*:?\s*", re.IGNORECASE)


def addressee_facts(frame: Frame, ctx: DocContext, meta: DocumentMeta) -> list[AgencyRelation]:
    """A report's "Kính gửi: X" (on its line, or the "- X" lines under it): the issuer reports_to X.

    Only for a report: a dispatch's addressees are the ones asked to act, and what they are asked
    is read from its body.
    """
    if meta.kind != "report" or meta.issuer is None:
        return []
    lines = [ln for ln in frame.lines if ln.start < frame.body_span[0]]
    for i, line in enumerate(lines):
        m = _ADDRESSED.match(line.clean)
        if m is None:
            continue
        found = [(line, line.clean[m.end():])] if line.clean[m.end():].strip(" .;") else []
        for nxt in lines[i + 1 :]:
            if not nxt.clean.startswith(("-", "+", "•")):
                break
            found.append((nxt, nxt.clean))
        return [AgencyRelation(source=meta.issuer, type="reports_to", target=canonical_agency(piece, ctx),
                               provenance=ctx.provenance(ln.start, ln.end))
                for ln, text in found for piece in _split_recipient(text)]
    return []


def execution_facts(frame: Frame, ctx: DocContext) -> list[Assignment]:
    """A decision's execution article ("X, Y … chịu trách nhiệm thi hành Quyết định này"): each implements SELF."""
    if frame.execution_span is None:
        return []
    a, b = frame.execution_span
    prov = ctx.provenance(a, b)
    return [Assignment(agency=canonical_agency(piece, ctx), role="implements", task="SELF", provenance=prov)
            for piece in split_agency_list(frame.text[a:b])]


def _new_tasks(have: list[Task], more: list[Task]) -> list[Task]:
    """Tasks of a further body span whose id is not taken (an appendix table is read from each span)."""
    ids = {task.id for task in have}
    return [task for task in more if task.id not in ids]


def _new_items(have: list[Any], more: list[Any]) -> list[Any]:
    """Facts of a further body span not already found (provenance aside)."""
    seen = {clean_spaces(item.model_dump_json(exclude={"provenance"})) for item in have}
    return [item for item in more if clean_spaces(item.model_dump_json(exclude={"provenance"})) not in seen]


def extract_text(text: str, source: str, *, sha256: str | None = None, fmt: str | None = None,
                 warnings: list[str] | None = None) -> ExtractionRecord:
    """Extract one already-normalized text (tests and the file pipeline both come through here)."""
    notes = list(warnings or [])
    try:
        frame = parse_frame(text)
    except Exception as exc:  # keep going with an empty frame: the body may still be readable
        notes.append(f"frame: {type(exc).__name__}: {exc}")
        frame = Frame(text=text, lines=[], body_span=(0, len(text)))
    try:
        meta, ctx = build_metadata(frame, source)
    except Exception as exc:
        notes.append(f"metadata: {type(exc).__name__}: {exc}")
        meta = DocumentMeta()
        ctx = DocContext(source=source, text=text, body_start=frame.body_span[0], body_end=frame.body_span[1])
    record = ExtractionRecord(source=source, sha256=sha256, format=fmt, document=meta, warnings=notes)
    keys: dict[int, tuple[Any, Any]] = {}  # dedupe key per fact: facts deduped twice are serialized once
    try:
        refs = extract_references(text, ctx, own_number=meta.number, own_date=meta.date)
        record.documents = refs.documents
        ctx = replace(ctx, aliases=dict(refs.aliases))
        record.relations = extract_relations(text, frame, refs.mentions, refs.documents, meta.kind, ctx)
    except Exception as exc:  # one group failing must not lose the others
        notes.append(f"references: {type(exc).__name__}: {exc}")
    try:
        from dirgraph.ingest.body import extract_body

        # a decision's own articles, then each document it issues "kèm theo" (the real plan)
        facts = extract_body(ctx, attached=tuple(frame.attached_spans))
        record.tasks, record.targets = list(facts.tasks), list(facts.targets)
        record.assignments = list(facts.assignments)
        record.agency_relations = list(facts.agency_relations)
        for span in frame.attached_spans:  # a document issued "kèm theo" the decision: its real body
            more = extract_body(replace(ctx, body_start=span[0], body_end=span[1]))
            record.tasks += _new_tasks(record.tasks, more.tasks)
            record.targets += _new_items(record.targets, more.targets)
            record.assignments += _new_items(record.assignments, more.assignments)
            record.agency_relations += _new_items(record.agency_relations, more.agency_relations)
        record.assignments = _dedupe(record.assignments + execution_facts(frame, ctx), keys)
    except Exception as exc:
        notes.append(f"body: {type(exc).__name__}: {exc}")
    try:
        recipients, relations, assignments = recipient_facts(frame, ctx, meta)
        relations += addressee_facts(frame, ctx, meta)
        record.recipients = recipients
        record.agency_relations = _dedupe(record.agency_relations + relations, keys)
        record.assignments = _dedupe(record.assignments + assignments, keys)
    except Exception as exc:
        notes.append(f"recipients: {type(exc).__name__}: {exc}")
    record.warnings = notes
    return record


def _dedupe(items: list[Any], keys: dict[int, tuple[Any, Any]] | None = None) -> list[Any]:
    """Facts equal but for provenance and case/tone spelling, once.

    ``keys`` caches each fact's key by ``id``; it holds the fact too, so an id is never reused.
    """
    keys = {} if keys is None else keys
    found = []
    for item in items:
        cached = keys.get(id(item))
        if cached is None or cached[0] is not item:
            cached = (item, _tidy_fields(item))
            keys[id(item)] = cached
        found.append(cached[1])
    if any(key is None for key in found):  # an untidy fact: every fact compared on its JSON key
        found = [_json_key(item) for item in items]
    seen: set[Any] = set()
    out = []
    for item, key in zip(items, found, strict=True):
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _json_key(item: Any) -> str:
    """The definition of fact equality: ``norm_key`` of its JSON, provenance aside
    ("Các đơn vị" (Nơi nhận) = "các đơn vị" (body))."""
    return norm_key(item.model_dump_json(exclude={"provenance"}))


# characters JSON escapes, and bare combining marks (they may join or vanish in the JSON's key)
_UNSAFE = re.compile(r'[\x00-\x1f"\\\u0300-\u036f]')


def _tidy_fields(model: Any) -> tuple[Any, ...] | None:
    """A fast key with the same equality as :func:`_json_key`, or None when the fact is not tidy.

    Serializing every fact and normalizing that string was a large share of the pipeline. When
    every field is None, a nested fact or a tidy string (white space already single spaces, nothing
    JSON escapes, no bare combining mark), the JSON's key is the field names with ``norm_key`` of
    each value in between, so the tuple of those compares the same way.
    """
    if model.__class__ is Assignment:  # the common fact, keyed without the generic walk
        agency, role, task = _ref_key(model.agency), _tidy_key(model.role), _tidy_key(model.task)
        if agency is None or role is None or task is None:
            return None
        return (Assignment, agency, role, task)
    out: list[Any] = []
    for name, value in model.__dict__.items():
        if name == "provenance":
            continue
        if value is None:
            out += (name, None)
        elif value.__class__ is str:
            key = _tidy_key(value)
            if key is None:
                return None
            out += (name, key)
        elif isinstance(value, BaseModel):
            inner = _tidy_fields(value)
            if inner is None:
                return None
            out += (name, inner)
        else:
            return None
    return tuple(out)


def _ref_key(ref: AgencyRef) -> tuple[str, str | None] | None:
    """Key of an agency (see :func:`_tidy_fields`), None when untidy or not a plain AgencyRef."""
    if ref.__class__ is not AgencyRef:
        return None
    name = _tidy_key(ref.name)
    if name is None:
        return None
    if ref.locality is None:
        return (name, None)
    locality = _tidy_key(ref.locality)
    return None if locality is None else (name, locality)


@lru_cache(maxsize=8192)
def _tidy_key(value: str) -> str | None:
    """``norm_key`` of a tidy field value, None for an untidy one (names and roles recur: cached)."""
    if value != " ".join(value.split()) or _UNSAFE.search(value):
        return None
    return norm_key(value)


def extract_file(path: Path, *, ocr: bool = False) -> ExtractionRecord:
    """Read ``path`` and extract its record; raises :class:`IngestError` when it cannot be read."""
    doc = read_file(path, ocr=ocr)
    record = extract_text(doc.text, path.name, sha256=doc.sha256, fmt=doc.format, warnings=list(doc.warnings))
    if not has_structure(record):
        raise IngestError(str(path), "no recognizable directive-document structure (no kind, number, date, "
                                     "referenced document or numbered task)")
    return record


def has_structure(record: ExtractionRecord) -> bool:
    """Whether anything of the genre was found; a file with none is refused rather than ingested as noise."""
    meta = record.document
    return bool(meta.kind != "other" or meta.number or meta.date or record.documents or record.tasks)


_WARM_UP_TEXT = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 1/KH-UBND
Nghệ An, ngày 2 tháng 1 năm 2025
KẾ HOẠCH
Thực hiện Kết luận số 1-KL/TW ngày 1/1/2025 của Bộ Chính trị
Thực hiện Kết luận số 1-KL/TW ngày 1/1/2025 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ
1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Ủy ban nhân dân huyện Tam Đường thực hiện; hoàn thành trước ngày 31/12/2025.
2. Văn phòng HĐND và UBND tỉnh theo dõi, đôn đốc, tổng hợp, báo cáo kết quả thực hiện hằng năm.
| STT | Nội dung | Cơ quan chủ trì | Thời gian |
| 1 | Tuyên truyền | Sở Tư pháp | Năm 2025 |
Nơi nhận:
- Bộ Chính trị (b/c);
- Các sở, ban, ngành tỉnh, Văn phòng Tỉnh ủy;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def warm_up() -> None:
    """Load every lazily built table, pattern, format library and the gazetteer now (about 0.5 s of CPU).

    The first document of a process otherwise pays for them. A parent that calls this before
    forking its worker pool hands the loaded state to every worker; a benchmark calls it before
    starting its clock so that it measures steady extraction. Output never depends on it.

    It ends with ``gc.freeze()``: every object alive at that moment is left out of the cyclic
    collector's walks from then on (freed by reference counting as usual, but a reference cycle
    among them is never collected). Call it where what is alive is meant to last, such as a
    worker process (``Workspace.ingest``'s pool does) — not in a server holding a graph it reloads.
    """
    from dirgraph.ingest.encodings import repair_legacy
    from dirgraph.ingest.marks import table_vocabulary
    from dirgraph.ingest.normalize import heading_lines, label_starts, normalize_text
    from dirgraph.ingest.readers import warm_up_loaders

    warm_up_loaders()  # python-docx and pdfplumber: imported by a loader on its first file otherwise
    heading_lines(), label_starts()  # asked only by re-joining lines in some layouts
    table_vocabulary()  # asked only by a text whose marks were lost (~0.4 s to learn)
    extract_text(normalize_text(repair_legacy(_WARM_UP_TEXT).text), "warm-up.txt")
    # ~80k objects (modules, tables, gazetteer): full collections walked them, ~5% of the CPU per
    # document; before a fork this also spares the workers copy-on-write faults
    gc.freeze()
