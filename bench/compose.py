"""Compose the markup text of one synthetic document from the templates in ``bench/data``.

Each function takes the document's own facts (number, date, issuer, parents) and a seeded
``random.Random`` and fills a template: tasks with deadlines, targets, TỔ CHỨC THỰC HIỆN items that
assign lead/coordinating agencies, a signature block and a Nơi nhận list with (b/c)/(t/h) markers,
and, for plans of the State line, an appendix task table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from dirgraph.bench import tables

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


@dataclass(frozen=True)
class DocFacts:
    """What a document is, as the cascade planner decided it."""

    number: str
    kind_word: str  # "Kết luận", "Nghị quyết", "Chỉ thị", "Kế hoạch"
    issuer: str  # as written in references: "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh Nghệ An"
    issued: date
    topic: tuple[str, str, str]

    @property
    def ref(self) -> str:
        """'Kế hoạch số 12/KH-UBND ngày 3/4/2025 của Ủy ban nhân dân tỉnh X' — how children cite it."""
        return f"{self.kind_word} số {self.number} ngày {short_date(self.issued)} của {self.issuer}"

    @property
    def short(self) -> str:
        return f"{self.kind_word} số {self.number}"


@dataclass
class Body:
    """Task section, appendix rows and the agencies used, kept together so the appendix matches."""

    tasks: str
    rows: list[list[str]] = field(default_factory=list)


def short_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_words(day: date) -> str:
    return f"{day.day:02d} tháng {day.month:02d} năm {day.year}"


def person(rng: random.Random) -> str:
    pools = tables.names()
    return f"{rng.choice(pools['surname'])} {rng.choice(pools['middle'])} {rng.choice(pools['given'])}"


def deadline(rng: random.Random, start: date) -> tuple[str, str]:
    """(phrase in the text, table cell) for a deadline after ``start``."""
    year = start.year + rng.choice((0, 1, 1, 2))
    choice = rng.randrange(5)
    if choice == 0:
        quarter = ("I", "II", "III", "IV")[rng.randrange(4) if year > start.year else 3]
        return f"hoàn thành trong quý {quarter}/{year}", f"Quý {quarter}/{year}"
    if choice == 1:
        return f"hoàn thành trong năm {year}", f"Năm {year}"
    if choice == 2:
        return "thực hiện hằng năm", "Hằng năm"
    if choice == 3:
        return "thực hiện thường xuyên", "Thường xuyên"
    month = rng.randint(1, 12) if year > start.year else 12
    return f"hoàn thành trong tháng {month}/{year}", f"Tháng {month}/{year}"


def tasks(facts: DocFacts, rng: random.Random, agencies: list[str]) -> Body:
    """Numbered task items (1., 1.1., a)) with deadlines, plus matching appendix rows."""
    label = facts.topic[2]
    groups = rng.sample(tables.task_groups(), rng.randint(2, 3))
    lines: list[str] = []
    rows: list[list[str]] = []
    for g, (head, items) in enumerate(groups, start=1):
        lines.append(f"{g}. {head}")
        rows.append([ROMAN[g - 1], head, "", "", ""])
        lettered = g == len(groups) and rng.random() < 0.5
        for t, text in enumerate(rng.sample(items, min(len(items), rng.randint(2, 3))), start=1):
            phrase, cell = deadline(rng, facts.issued)
            body = text.format(topic=label)
            mark = f"{'abcdefgh'[t - 1]})" if lettered else f"{g}.{t}."
            lines.append(f"{mark} {body}; {phrase}.")
            lead, *others = rng.sample(agencies, min(len(agencies), 3))
            partners = "; ".join(others[: rng.randint(1, 2)])
            rows.append([str(len(rows) - g + 1), body, lead, partners, cell])
    return Body("\n".join(lines), rows)


def targets(facts: DocFacts, rng: random.Random) -> str:
    chosen = rng.sample(tables.phrases("targets.tsv"), 2)
    out = []
    for i, text in enumerate(chosen, start=1):
        year = rng.choice((2026, 2027, 2030))
        sentence = text.format(year=year, pct=rng.choice((70, 80, 90, 95, 100)), topic=facts.topic[2])
        out.append(f"{i}. {sentence[0].upper()}{sentence[1:]}.")
    return "\n".join(out)


def sign_block(left: list[str], right: list[str]) -> str:
    """The Nơi nhận / signature grid as a two-column header block."""
    height = max(len(left), len(right))
    left = left + [""] * (height - len(left))
    right = right + [""] * (height - len(right))
    return "@header\n" + "\n".join(f"{a} || {b}" for a, b in zip(left, right, strict=True)) + "\n@end"


def appendix(facts: DocFacts, owner: str, rows: list[list[str]]) -> str:
    head = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    lines = [
        "^PHỤ LỤC",
        "^DANH MỤC NHIỆM VỤ",
        f"^(Kèm theo Kế hoạch số {facts.number} ngày {short_date(facts.issued)} của {owner})",
        "@table",
        " | ".join(head),
        *(" | ".join(row) for row in rows),
        "@end",
    ]
    return "\n".join(lines)


def duty(rng: random.Random, label: str) -> str:
    return rng.choice(tables.phrases("duties.tsv")).format(topic=label)
