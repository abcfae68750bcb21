"""Small hand-made records in the SCHEMA.md shape, and the gold seed records (real documents, annotated)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dirgraph.graph.workspace import record_from_json
from dirgraph.ingest.record import ExtractionRecord

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def gold_records() -> list[ExtractionRecord]:
    return [record_from_json(p) for p in sorted(GOLD_DIR.glob("*.json"))]


def agency(name: str, locality: str | None = None) -> dict[str, Any]:
    return {"name": name, "locality": locality}


def record(source: str, *, kind: str = "plan", number: str | None = None, date: str | None = None,
           issuer: dict[str, Any] | None = None, title: str | None = None, locality: str | None = None,
           documents: list[dict[str, Any]] | None = None, relations: list[dict[str, Any]] | None = None,
           tasks: list[dict[str, Any]] | None = None, assignments: list[dict[str, Any]] | None = None,
           agency_relations: list[dict[str, Any]] | None = None,
           targets: list[dict[str, Any]] | None = None) -> ExtractionRecord:
    """A small record in the SCHEMA.md shape (validated, so a fixture cannot drift from the contract)."""
    return ExtractionRecord.model_validate({
        "source": source,
        "document": {"kind": kind, "number": number, "date": date, "issuer": issuer, "title": title,
                     "locality": locality},
        "documents": documents or [], "relations": relations or [], "tasks": tasks or [],
        "assignments": assignments or [], "agency_relations": agency_relations or [], "targets": targets or [],
    })


KL91 = {"key": "91-KL/TW", "kind": "conclusion", "number": "91-KL/TW", "date": "2024-08-12",
        "issuer": agency("Bộ Chính trị")}
NQ29 = {"key": "29-NQ/TW", "kind": "resolution", "number": "29-NQ/TW", "date": "2013-11-04",
        "issuer": agency("Ban Chấp hành Trung ương Đảng khóa XI")}


def central_conclusion() -> ExtractionRecord:
    """The central directive itself, ingested as a file."""
    return record("kl-91.txt", kind="conclusion", number="91-KL/TW", date="2024-08-12",
                  issuer=agency("Bộ Chính trị"),
                  title="Kết luận về tiếp tục thực hiện Nghị quyết số 29-NQ/TW",
                  documents=[NQ29], relations=[{"source": "SELF", "type": "continues", "target": "29-NQ/TW"}])


def province_plan(source: str = "kh-hai-phong.txt", province: str = "Hải Phòng", number: str = "298/KH-UBND",
                  date: str = "2024-12-30") -> ExtractionRecord:
    """A province People's Committee plan implementing 91-KL/TW, with tasks and assignments."""
    committee = agency("Ủy ban nhân dân thành phố", province)
    dept = agency("Sở Giáo dục và Đào tạo", province)
    return record(
        source, number=number, date=date, issuer=committee,
        title="Kế hoạch thực hiện Kết luận số 91-KL/TW của Bộ Chính trị",
        documents=[KL91], relations=[{"source": "SELF", "type": "implements", "target": "91-KL/TW"}],
        tasks=[{"id": "II.1", "text": "Đổi mới quản lý giáo dục", "deadline": {"kind": "by", "value": "2025-Q2"}},
               {"id": "II.1.a", "text": "Rà soát mạng lưới trường lớp", "deadline": {"kind": "by", "value": "2025"}},
               {"id": "II.2", "text": "Chuyển đổi số trong giáo dục",
                "deadline": {"kind": "recurring", "value": "annually"}}],
        assignments=[{"agency": dept, "role": "leads", "task": "II.1"},
                     {"agency": agency("Sở Tài chính", province), "role": "coordinates", "task": "II.1"},
                     {"agency": dept, "role": "implements", "task": "SELF"}],
        agency_relations=[{"source": dept, "type": "reports_to", "target": committee},
                          {"source": dept, "type": "coordinates_with", "target": agency("Sở Tài chính", province)}],
        targets=[{"text": "100% phòng học được kiên cố hóa", "value": 100, "unit": "%", "year": 2030,
                  "task": "II.1"}],
    )
