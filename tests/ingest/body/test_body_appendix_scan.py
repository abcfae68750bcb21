"""Shortcuts of the passes after the body, checked against what they replaced: ``pipe_rows`` and
``table_targets`` return at once when the text holds no "|" (most documents) and still read every
table when it does; ``appendix_start`` finds heading lines by one search instead of a line walk."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dirgraph.ingest.body import appendix_flat
from dirgraph.ingest.body.appendix_flat import appendix_start
from dirgraph.ingest.body.appendix_pipe import pipe_rows
from dirgraph.ingest.body.target_tables import table_targets
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext

Ctx = Callable[..., DocContext]


def test_no_pipe_means_no_pipe_rows_and_no_table_targets(make_ctx: Ctx) -> None:
    text = "như sau:\nI. NHIỆM VỤ\n1. Nâng tỷ lệ hộ dùng nước sạch lên 98% năm 2027.\n"
    ctx = make_ctx(text)
    assert pipe_rows(text, 0) == []
    assert table_targets(ctx, ctx.body_start) == []


def test_pipe_tables_after_the_start_are_still_read(make_ctx: Ctx) -> None:
    text = ("như sau:\nI. MỤC TIÊU\n"
            "| Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 |\n|---|---|---|---|\n"
            "| Tỷ lệ hộ dùng nước sạch | % | 95 | 99 |\n\n"
            "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Rà soát nguồn nước | Sở Nông nghiệp và Môi trường | Quý II/2025 |\n")
    ctx = make_ctx(text)
    assert [(t.value, t.unit, t.year) for t in table_targets(ctx, 0)] == [(95, "%", 2025), (99, "%", 2030)]
    rows = pipe_rows(text, 0)
    assert [(r.number, r.text, r.leads) for r in rows] == [("1", "Rà soát nguồn nước", ["Sở Nông nghiệp và Môi trường"])]
    assert pipe_rows(text, text.index("| TT")) == rows
    assert table_targets(ctx, len(text) - 1) == []


# -- appendix_start: one search from the newline before a heading, same lines as the line walk --

_TABLE = ("STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành\n"
          "1 Tổ chức học tập nghị quyết Ban Tuyên giáo Các sở, ngành Quý IV/2024\n")


def _walk_start(text: str, start: int) -> int | None:
    """The line walk ``appendix_start`` replaced."""
    pos = start
    for raw in text[start:].split("\n"):
        begin, pos = pos, pos + len(raw) + 1
        if appendix_flat._APPENDIX.match(raw) and appendix_flat._find_header(match_form(text[begin : begin + 3000])):
            return begin
    return None


@pytest.mark.parametrize("text", [
    "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Tuyên truyền.\n",  # no heading word
    "Nơi nhận:\n- Như trên;\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + _TABLE,
    "theo Phụ lục kèm theo.\n1. Nội dung khác.\n\n## PHỤ LỤC I\n" + _TABLE,  # the word mid-line first
    "Biểu số 01\nvăn bản\nPhụ\nlục\n  **Biểu   kèm theo**\n" + _TABLE,  # a word broken over two lines
    "Danh mục các nhiệm vụ\n" + _TABLE,  # on the very first line
    "PHỤ LỤC\nkhông có bảng nhiệm vụ nào\n",  # a heading without a table
    "văn bản\r\n\t*PHỤ LỤC\r\n" + _TABLE.replace("\n", "\r\n"),
    "PHỤ LỤC",  # one line, no newline
    "",
])
@pytest.mark.parametrize("start", [0, 3, 9, 10])
def test_appendix_start_matches_the_line_walk(text: str, start: int) -> None:
    appendix_start.cache_clear()
    assert appendix_start(text, start) == _walk_start(text, start)


def test_appendix_start_skips_a_heading_without_a_table() -> None:
    # the table is beyond the 3,000-character look-ahead of the first heading
    text = "PHỤ LỤC\nkhông có bảng\n" + "Nội dung khác của văn bản.\n" * 120 + "PHỤ LỤC II\n" + _TABLE
    assert appendix_start(text, 0) == text.index("PHỤ LỤC II") == _walk_start(text, 0)
