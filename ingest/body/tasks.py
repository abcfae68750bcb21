"""Tasks: the numbered and lettered items of task sections, TỔ CHỨC THỰC HIỆN and directives.

The text is the item's heading when it is a title line (more follows), else its first sentence;
an item headed by an agency alone ("1. Sở Giáo dục và Đào tạo" over dash bullets) reads
"Agency: first duty". The deadline is taken from that text by a completion phrase, or from a
"Thời gian thực hiện: …" line of the item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.ingest.body.assignments import TASK_KINDS, is_closing
from dirgraph.ingest.body.deadlines import parse_narrative, parse_opener
from dirgraph.ingest.body.mentions import mention_end
from dirgraph.ingest.body.sections import Body, Item, caps_title
from dirgraph.ingest.body.textform import UPPER
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import Deadline, Task

_FIRST_SENTENCE = re.compile(rf"^(.+?[.!?…])(?=\s+[\"“(]?[{UPPER}]|\s*$)")
_BULLET = re.compile(r"^[\s\-–—+•·*]+")
_TITLE_MAX = 250
_TIME_LABEL = re.compile(r"(?i)(thời\s+gian|thời\s+hạn|tiến\s+độ)[^:]{0,25}:")
_TIME_LINE = re.compile(r"(?i)^[\s\-–—+•·*]*(?:thời\s+gian|thời\s+hạn|tiến\s+độ)[^:]{0,25}:")


def is_task(item: Item) -> bool:
    if item.kind not in TASK_KINDS:
        return False
    return not (item.is_section or (item.parent is None and _section_title(item)))


def _section_title(item: Item) -> bool:
    """An Arabic top item that stands for a Roman section: "2. NỘI DUNG NGHIÊN CỨU, HỌC TẬP" in a body
    whose top items are sections (a directive's own "1.", "2." are its tasks)."""
    return item.kind != "directive" and caps_title(item.heading)


def extract_tasks(ctx: DocContext, body: Body) -> list[Task]:
    tasks: list[Task] = []
    for item in body.items:
        if not is_task(item):
            continue
        text, deadline = _text_and_deadline(item)
        parent = item.parent.id if item.parent is not None and is_task(item.parent) else None
        tasks.append(
            Task(
                id=item.id,
                text=text,
                deadline=deadline,
                parent=parent,
                section=item.top_heading,
                provenance=ctx.provenance(item.lines[0].start, item.lines[0].end),
            )
        )
    return tasks


def first_sentence(text: str) -> str:
    m = _FIRST_SENTENCE.match(text.strip())
    return (m.group(1) if m else text).strip()


def _text_and_deadline(item: Item) -> tuple[str, Deadline | None]:
    """The task's text and deadline: a function of the item's heading and line texts only."""
    body = tuple(line.text for line in item.lines[1:] if not is_closing(line))
    key = (item.heading, item.lines[0].text, body, bool(item.children))
    if len(item.lines[0].text) + sum(len(text) for text in body) > _CACHED_LEN:
        return _read_item(*key)
    return _read_item_cached(*key)


_CACHED_LEN = 2000  # longer items are read every time (a cache entry holds its texts alive)


def _read_item(heading: str, head_text: str, body: tuple[str, ...], has_children: bool) -> tuple[str, Deadline | None]:
    """:func:`_text_and_deadline` of an item given as texts (its lines after the heading, closing
    lines left out); cascading plans repeat their parent's items word for word, hence the cache."""
    heading = heading.strip()
    agency_end = mention_end(heading, 0) if body else None  # a one-line item needs no agency reading
    agency_item = agency_end is not None and not heading[agency_end:].strip(" :*") and bool(body)
    if agency_item:
        duty = first_sentence(_BULLET.sub("", body[0]))
        text = f"{heading.rstrip(' :')}: {duty}"
        lead_text = duty
    elif (body or has_children) and len(heading) <= _TITLE_MAX and not heading.endswith("."):
        text = lead_text = heading
    else:
        text = lead_text = first_sentence(heading)
    # "- Thời hạn hoàn thành: Quý IV/2025." on a line of its own says it outright, whatever year the
    # task's words mention ("… các luật có hiệu lực trong năm 2025")
    deadline = _labelled(tuple(text for text in body if _TIME_LINE.match(text)))
    if deadline is None:
        # "Định kỳ hằng quý, các đơn vị báo cáo …": the item's own sentence opens with its rhythm
        deadline = parse_narrative(lead_text) or parse_opener(_BULLET.sub("", lead_text))
    if deadline is None and agency_item:
        # an agency's heading line, then its duties: "Thường xuyên tuyên truyền …" opening them
        deadline = parse_opener(_BULLET.sub("", body[0]))
    if deadline is None:  # "… Thời gian: trong tháng 11/2025." after the lead sentence, or on a line below
        deadline = _labelled((head_text, *body))
    if deadline is None and lead_text != heading:
        # "Hỗ trợ sinh kế. Sở X chủ trì; hoàn thành trước ngày 30/11/2025.": a completion phrase in
        # the item's own paragraph (not in its sub-bullets, which may date other steps)
        deadline = parse_narrative(heading)
    if deadline is None and lead_text == heading and body:
        # a title line, then its paragraph: "…, hoàn thành trong tháng 10/2025." dates the task, and
        # "Hằng năm, …" or "Thường xuyên …" opening it sets the task's rhythm
        deadline = parse_narrative(body[0]) or parse_opener(_BULLET.sub("", body[0]))
    return text, deadline


_read_item_cached = lru_cache(maxsize=4096)(_read_item)


def _labelled(lines: tuple[str, ...]) -> Deadline | None:
    for line in lines:
        if _TIME_LABEL.search(line):
            found = parse_narrative(line)
            if found is not None:
                return found
    return None
