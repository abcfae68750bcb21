"""Page labels in Vietnamese (default) and English (``?lang=en``): one table, no strings in templates."""

from __future__ import annotations

from typing import Final

LABELS: Final[dict[str, dict[str, str]]] = {
    "app": {"vi": "dirgraph — đồ thị văn bản chỉ đạo", "en": "dirgraph — directive document graph"},
    "search": {"vi": "Tìm kiếm", "en": "Search"},
    "search_hint": {"vi": "văn bản, cơ quan, nhiệm vụ (có dấu hoặc không dấu)",
                    "en": "documents, agencies, tasks (with or without diacritics)"},
    "counts": {"vi": "Số liệu", "en": "Counts"},
    "recent": {"vi": "Văn bản gần đây", "en": "Recent documents"},
    "documents": {"vi": "Văn bản", "en": "Documents"},
    "agencies": {"vi": "Cơ quan", "en": "Agencies"},
    "tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "no_results": {"vi": "Không có kết quả.", "en": "No results."},
    "kind": {"vi": "Loại", "en": "Kind"},
    "number": {"vi": "Số hiệu", "en": "Number"},
    "date": {"vi": "Ngày", "en": "Date"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "locality": {"vi": "Địa bàn", "en": "Locality"},
    "level": {"vi": "Cấp", "en": "Level"},
    "signer": {"vi": "Người ký", "en": "Signer"},
    "source": {"vi": "Tệp nguồn", "en": "Source file"},
    "placeholder": {"vi": "chưa có tệp (được văn bản khác nhắc tới)", "en": "not ingested (named by other documents)"},
    "chain_cascade": {"vi": "Chuỗi thực hiện: lên văn bản gốc và xuống các cấp",
                      "en": "Implementation chain: up to the roots, down the levels"},
    "relations": {"vi": "Quan hệ văn bản", "en": "Document relations"},
    "matrix": {"vi": "Ma trận trách nhiệm", "en": "Responsibility matrix"},
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "deadline": {"vi": "Thời hạn", "en": "Deadline"},
    "role_leads": {"vi": "chủ trì", "en": "leads"},
    "role_coordinates": {"vi": "phối hợp", "en": "coordinates"},
    "role_supervises": {"vi": "giám sát", "en": "supervises"},
    "role_implements": {"vi": "thực hiện", "en": "implements"},
    "coverage": {"vi": "Độ phủ triển khai", "en": "Coverage"},
    "coverage_of": {"vi": "Độ phủ triển khai của", "en": "Coverage of"},
    "covered": {"vi": "Đã có văn bản triển khai", "en": "With an implementing document"},
    "missing": {"vi": "Chưa có văn bản triển khai", "en": "Without an implementing document"},
    "lag": {"vi": "độ trễ (ngày)", "en": "lag (days)"},
    "level_province": {"vi": "tỉnh, thành phố", "en": "province"},
    "level_district": {"vi": "huyện (trước 2025)", "en": "district (pre-2025)"},
    "level_commune": {"vi": "xã, phường", "en": "commune"},
    "map": {"vi": "Bản đồ hành chính", "en": "Administrative map"},
    "map_post2025": {"vi": "sau 2025 (34 tỉnh)", "en": "post-2025 (34 provinces)"},
    "map_pre2025": {"vi": "trước 2025 (63 tỉnh)", "en": "pre-2025 (63 provinces)"},
    "show": {"vi": "Xem", "en": "Show"},
    "ego": {"vi": "Quan hệ cơ quan", "en": "Agency relations"},
    "reports_to": {"vi": "Báo cáo", "en": "Reports to"},
    "coordinates_with": {"vi": "Phối hợp với", "en": "Coordinates with"},
    "part_of": {"vi": "Trực thuộc", "en": "Part of"},
    "tasks_of_agency": {"vi": "Nhiệm vụ chủ trì, phối hợp", "en": "Tasks led and coordinated"},
    "role": {"vi": "Vai trò", "en": "Role"},
    "explorer": {"vi": "Khám phá đồ thị", "en": "Graph explorer"},
    "center": {"vi": "Nút trung tâm", "en": "Centre node"},
    "depth": {"vi": "Độ sâu", "en": "Depth"},
    "node_types": {"vi": "Loại nút", "en": "Node types"},
    "edge_types": {"vi": "Loại cạnh", "en": "Edge types"},
    "aggregated": {"vi": "Đồ thị lớn: đã gộp theo địa bàn.", "en": "Large graph: aggregated by locality."},
    "quote": {"vi": "Trích dẫn", "en": "Quote"},
    "close": {"vi": "Đóng", "en": "Close"},
    "not_found": {"vi": "Không tìm thấy", "en": "Not found"},
    "responsible": {"vi": "Cơ quan chịu trách nhiệm", "en": "Responsible agencies"},
    "open_document": {"vi": "Mở văn bản", "en": "Open document"},
    "language": {"vi": "English", "en": "Tiếng Việt"},
}

ROLES: Final = ("leads", "coordinates", "supervises", "implements")


def translator(lang: str) -> dict[str, str]:
    """All labels for one language (unknown languages fall back to Vietnamese)."""
    code = lang if lang in ("vi", "en") else "vi"
    return {key: texts[code] for key, texts in LABELS.items()}

# Document kinds as pages show them (graph labels are English StrEnum values).
KIND_LABELS: Final[dict[str, dict[str, str]]] = {
    "resolution": {"vi": "Nghị quyết", "en": "Resolution"},
    "conclusion": {"vi": "Kết luận", "en": "Conclusion"},
    "directive": {"vi": "Chỉ thị", "en": "Directive"},
    "plan": {"vi": "Kế hoạch", "en": "Plan"},
    "program": {"vi": "Chương trình", "en": "Programme"},
    "decision": {"vi": "Quyết định", "en": "Decision"},
    "regulation": {"vi": "Quy định", "en": "Regulation"},
    "circular": {"vi": "Thông tư", "en": "Circular"},
    "guidance": {"vi": "Hướng dẫn", "en": "Guidance"},
    "decree": {"vi": "Nghị định", "en": "Decree"},
    "law": {"vi": "Luật", "en": "Law"},
    "report": {"vi": "Báo cáo", "en": "Report"},
    "dispatch": {"vi": "Công văn", "en": "Dispatch"},
    "other": {"vi": "Văn bản khác", "en": "Other"},
}


def kind_label(kind: str | None, lang: str) -> str:
    """"Plan"/"plan" -> "Kế hoạch" (vi) or "Plan" (en); unknown kinds are shown as given."""
    labels = KIND_LABELS.get((kind or "").lower())
    if labels is None:
        return kind or ""
    return labels["en" if lang == "en" else "vi"]
