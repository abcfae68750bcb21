"""Public response models of the HTTP API.

Each ``…Public`` model subclasses the GraphService return model it publishes (same fields, closed)
and adds an OpenAPI example, so the API cannot drift from the service and the docs show real
looking Vietnamese data. Request bodies and API-only answers (health, Cypher) are defined here too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from dirgraph.graph.service_models import (
    AgencyDetail,
    AgencySummary,
    CascadeRow,
    ChainHop,
    Coverage,
    DeadlineRow,
    DocumentDetail,
    DocumentSummary,
    GraphStats,
    IngestReport,
    Page,
    ResponsibilityRow,
    SearchResults,
    TaskDetail,
    TaskSummary,
)

_DOC = {
    "id": "doc-91-kl-tw-2024",
    "kind": "conclusion",
    "number": "91-KL/TW",
    "date": "2024-08-12",
    "title": "Kết luận về tiếp tục thực hiện Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "issuer_id": "agency-bo-chinh-tri",
    "issuer_name": "Bộ Chính trị",
    "locality_id": None,
    "locality_name": None,
    "level": "central",
    "placeholder": False,
}
_AGENCY = {
    "id": "agency-so-giao-duc-va-dao-tao--hai-phong",
    "name": "Sở Giáo dục và Đào tạo",
    "locality_id": "loc-thanh-pho-hai-phong",
    "locality_name": "Hải Phòng",
    "level": "province",
    "task_count": 12,
}
_TASK = {
    "id": "task-doc-kh-12-kh-ubnd-2024-ii-2-1-a",
    "local_id": "II.2.1.a",
    "text": "Rà soát, sắp xếp mạng lưới cơ sở giáo dục mầm non, phổ thông phù hợp với quy hoạch.",
    "document_id": "doc-kh-12-kh-ubnd-2024",
    "deadline_kind": "by",
    "deadline_value": "Quý IV/2025",
    "deadline_date": "2025-12-31",
    "parent_id": None,
    "section": "II.2",
    "agencies": [
        {"agency_id": _AGENCY["id"], "agency_name": "Sở Giáo dục và Đào tạo", "locality_name": "Hải Phòng", "role": "leads"}
    ],
}


def _examples(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(examples)})


class DocumentSummaryPublic(DocumentSummary):
    model_config = _examples(_DOC)


class DocumentPagePublic(Page[DocumentSummary]):
    """One page of documents; ``total`` counts every match, ``items`` holds at most ``limit``."""

    model_config = _examples({"items": [_DOC], "total": 1, "offset": 0, "limit": 50})


class DocumentDetailPublic(DocumentDetail):
    model_config = _examples(
        {
            **_DOC,
            "signer_name": "Trần Cẩm Tú",
            "signer_position": "Thường trực Ban Bí thư",
            "source": "91-kl-tw.docx",
            "aliases": ["Kết luận 91"],
            "relations_out": [],
            "relations_in": [],
            "task_count": 9,
            "target_count": 0,
        }
    )


class ChainHopPublic(ChainHop):
    model_config = _examples(
        {
            "source": "doc-kh-12-kh-ubnd-2024",
            "source_number": "12/KH-UBND",
            "relation": "implements",
            "target": "doc-91-kl-tw-2024",
            "target_number": "91-KL/TW",
            "target_title": _DOC["title"],
            "target_kind": "conclusion",
            "target_level": "central",
            "quote": "Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị …",
            "depth": 1,
        }
    )


class CascadeRowPublic(CascadeRow):
    model_config = _examples(
        {
            "id": "doc-kh-12-kh-ubnd-2024",
            "number": "12/KH-UBND",
            "title": "Kế hoạch thực hiện Kết luận số 91-KL/TW",
            "kind": "plan",
            "date": "2024-10-02",
            "depth": 2,
            "level": "province",
            "locality_id": "loc-thanh-pho-hai-phong",
            "locality_name": "Hải Phòng",
            "issuer_name": "Ủy ban nhân dân",
            "parent": "doc-91-kl-tw-2024",
            "relation": "implements",
            "placeholder": False,
        }
    )


class TaskSummaryPublic(TaskSummary):
    model_config = _examples(_TASK)


class ResponsibilityRowPublic(ResponsibilityRow):
    model_config = _examples(
        {
            "task_id": _TASK["id"],
            "task_local_id": "II.2.1.a",
            "task_text": _TASK["text"],
            "agency_id": _AGENCY["id"],
            "agency_name": "Sở Giáo dục và Đào tạo",
            "locality_name": "Hải Phòng",
            "role": "leads",
            "deadline_value": "Quý IV/2025",
            "quote": "Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành liên quan …",
        }
    )


class CoveragePublic(Coverage):
    model_config = _examples(
        {
            "document_id": "doc-91-kl-tw-2024",
            "document_date": "2024-08-12",
            "level": "province",
            "map": "post2025",
            "covered": [
                {
                    "locality_id": "loc-thanh-pho-hai-phong",
                    "name": "Hải Phòng",
                    "documents": [
                        {"id": "doc-kh-12-kh-ubnd-2024", "number": "12/KH-UBND", "title": None,
                         "date": "2024-10-02", "lag_days": 51}
                    ],
                }
            ],
            "missing": [{"locality_id": "loc-tinh-nghe-an", "name": "Nghệ An"}],
            "total": 34,
        }
    )


class AgencySummaryPublic(AgencySummary):
    model_config = _examples(_AGENCY)


class AgencyDetailPublic(AgencyDetail):
    model_config = _examples(
        {
            **_AGENCY,
            "tasks": [
                {
                    "task_id": _TASK["id"], "local_id": "II.2.1.a", "text": _TASK["text"],
                    "document_id": "doc-kh-12-kh-ubnd-2024", "document_title": None, "role": "leads",
                    "deadline_kind": "by", "deadline_value": "Quý IV/2025", "deadline_date": "2025-12-31",
                }
            ],
            "reports_to": [{"id": "agency-uy-ban-nhan-dan-thanh-pho--hai-phong", "name": "Ủy ban nhân dân thành phố",
                            "locality_id": "loc-thanh-pho-hai-phong", "locality_name": "Hải Phòng",
                            "level": "province", "task_count": 3}],
            "coordinates_with": [],
            "part_of": [],
            "parts": [],
            "documents_issued": [],
        }
    )


class TaskDetailPublic(TaskDetail):
    model_config = _examples(
        {
            **_TASK,
            "document": {**_DOC, "id": "doc-kh-12-kh-ubnd-2024", "kind": "plan", "number": "12/KH-UBND"},
            "subtasks": [],
            "responsible": [
                {"agency_id": _AGENCY["id"], "agency_name": "Sở Giáo dục và Đào tạo", "role": "leads",
                 "parent_agency_id": "agency-uy-ban-nhan-dan-thanh-pho--hai-phong",
                 "parent_agency_name": "Ủy ban nhân dân thành phố", "locality_name": "Hải Phòng", "quotes": []}
            ],
            "targets": [],
            "quotes": [],
        }
    )


class DeadlineRowPublic(DeadlineRow):
    model_config = _examples(
        {
            "task_id": _TASK["id"], "local_id": "II.2.1.a", "text": _TASK["text"],
            "document_id": "doc-kh-12-kh-ubnd-2024", "document_title": None, "deadline_kind": "by",
            "deadline_value": "Quý IV/2025", "deadline_date": "2025-12-31", "locality_name": "Hải Phòng",
            "lead_agencies": ["Sở Giáo dục và Đào tạo"],
        }
    )


class SearchResultsPublic(SearchResults):
    model_config = _examples({"documents": [_DOC], "agencies": [_AGENCY], "tasks": []})


class GraphStatsPublic(GraphStats):
    model_config = _examples(
        {
            "nodes": {"Document": 42, "Agency": 310, "Task": 1200},
            "edges": {"IMPLEMENTS": 40, "LEADS": 900},
            "documents_by_kind": {"plan": 30, "conclusion": 2},
            "documents_by_level": {"central": 3, "province": 39},
            "placeholders": 5,
            "records": 37,
        }
    )


class IngestReportPublic(IngestReport):
    model_config = _examples(
        {"read": ["uploads/ke-hoach-12.docx"], "unchanged": [], "failed": [], "removed": [],
         "facts": {"tasks": 41, "relations": 3}, "nodes": 120, "edges": 260, "seconds": 0.8}
    )


class HealthPublic(BaseModel):
    """Liveness: answers without touching the graph, so it stays fast while a query runs long."""

    model_config = _examples({"status": "ok", "version": "0.1.0", "backend": "ladybug", "graph_open": True})

    status: str = "ok"
    version: str
    backend: str
    graph_open: bool


class CypherQuery(BaseModel):
    """A read-only Cypher query with named parameters (``$name`` in the query)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (d:Document {id: $id})-[:IMPLEMENTS*1..6]->(p:Document) RETURN p.id, p.number",
                    "parameters": {"id": "doc-kh-12-kh-ubnd-2024"},
                }
            ]
        },
    )

    query: str = Field(min_length=1, max_length=100_000)
    parameters: dict[str, Any] = Field(default_factory=dict)


class CypherResultPublic(BaseModel):
    """Rows of a Cypher query; ``truncated`` is true when the row cap cut the answer."""

    model_config = _examples(
        {"columns": ["p.id", "p.number"], "rows": [["doc-91-kl-tw-2024", "91-KL/TW"]], "truncated": False}
    )

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Refuse numbers and other lax forms pydantic would read as a date ("0" is not 1970-01-01 here)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    if not isinstance(value, str | dt.date):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
