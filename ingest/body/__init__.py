"""The body of a directive document: section tree, appendix tables, tasks, assignments, targets.

``extract_body(ctx)`` is the one entry point the pipeline calls; it reads
``ctx.text[ctx.body_start:ctx.body_end]`` (and any appendix table after the signature) and
returns the facts the SCHEMA.md groups ``tasks``, ``assignments``, ``agency_relations`` and
``targets`` need, each with provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRelation, Assignment, Target, Task

if TYPE_CHECKING:
    from dirgraph.ingest.body.appendix_table import Row
    from dirgraph.ingest.body.sections import Body


@dataclass
class BodyFacts:
    """What the body says: tasks, who does them, agency-to-agency relations, quantified targets."""

    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    agency_relations: list[AgencyRelation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def extract_body(ctx: DocContext, attached: tuple[tuple[int, int], ...] = ()) -> BodyFacts:
    """Extract the body facts of one document (see the package doc).

    ``attached``: spans of documents a decision issues "kèm theo", read by calls of their own; their
    task tables are theirs, not appendices of the decision.
    """
    from dirgraph.ingest.body.appendix import appendix_rows, appendix_start
    from dirgraph.ingest.body.appendix_facts import appendix_facts
    from dirgraph.ingest.body.assignments import extract_assignments
    from dirgraph.ingest.body.lines import logical_lines
    from dirgraph.ingest.body.sections import build_tree
    from dirgraph.ingest.body.target_tables import table_targets
    from dirgraph.ingest.body.targets import extract_targets
    from dirgraph.ingest.body.tasks import extract_tasks

    end = len(ctx.text) if ctx.body_end is None else ctx.body_end
    appendix_at = appendix_start(ctx.text, ctx.body_start)
    if appendix_at is not None and appendix_at < end:
        end = appendix_at
    lines = [line for line in logical_lines(ctx.text, ctx.body_start, end) if not line.text.startswith("|")]
    body = build_tree(lines)
    facts = BodyFacts()
    facts.tasks = extract_tasks(ctx, body)
    facts.assignments, facts.agency_relations = extract_assignments(ctx, body)
    facts.targets = extract_targets(ctx, body) + table_targets(ctx, ctx.body_start)
    placed = _table_placement(body, appendix_at, end)
    rows = [row for row in appendix_rows(ctx.text, ctx.body_start)
            if not any(a <= row.start < b for a, b in attached)]
    pl_tasks, pl_assignments, pl_relations = appendix_facts(ctx, rows, placed)
    facts.tasks.extend(pl_tasks)
    facts.assignments.extend(pl_assignments)
    facts.agency_relations = _unique_relations([*facts.agency_relations, *pl_relations])
    return facts


def _table_placement(body: Body, appendix_at: int | None, body_end: int) -> Callable[[Row], tuple[str, str]]:
    """Where a task table's rows are numbered from: a table printed inside a numbered section of the
    body, before any appendix heading ("III. NHIỆM VỤ CỤ THỂ VÀ PHÂN CÔNG THỰC HIỆN", then the table),
    numbers its rows under that section (``III.1.1``) unless the section has numbered items of its
    own; every other table is an appendix (``PL.1.1``, SCHEMA.md)."""
    from bisect import bisect_right

    from dirgraph.ingest.body.appendix_facts import APPENDIX

    sections = [item for item in body.items if item.style == "roman"]
    starts = [item.start for item in sections]

    def placed(row: Row) -> tuple[str, str]:
        if row.start >= body_end or (appendix_at is not None and row.start >= appendix_at):
            return APPENDIX
        i = bisect_right(starts, row.start) - 1
        if i < 0:
            return APPENDIX
        section = sections[i]
        if section.children:  # numbered items of its own: the rows' ids would collide with theirs
            return APPENDIX
        return section.id, section.top_heading or section.heading

    return placed


def _unique_relations(relations: list[AgencyRelation]) -> list[AgencyRelation]:
    """One edge per (source, type, target): the body and an appendix often state the same one."""
    from dirgraph.core.text import norm_key

    seen: set[tuple[str, ...]] = set()
    out: list[AgencyRelation] = []
    for rel in relations:
        key = (norm_key(rel.source.name), norm_key(rel.source.locality), rel.type,
               norm_key(rel.target.name), norm_key(rel.target.locality))
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


__all__ = ["BodyFacts", "extract_body"]
