"""The body of a directive document: section tree, appendix tables, tasks, assignments, targets.

``extract_body(ctx)`` is the one entry point the pipeline calls; it reads
``ctx.text[ctx.body_start:ctx.body_end]`` (and any appendix table after the signature) and
returns the facts the SCHEMA.md groups ``tasks``, ``assignments``, ``agency_relations`` and
``targets`` need, each with provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRelation, Assignment, Target, Task


@dataclass
class BodyFacts:
    """What the body says: tasks, who does them, agency-to-agency relations, quantified targets."""

    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    agency_relations: list[AgencyRelation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def extract_body(ctx: DocContext) -> BodyFacts:
    """Extract the body facts of one document (see the package doc)."""
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
    pl_tasks, pl_assignments, pl_relations = appendix_facts(ctx, appendix_rows(ctx.text, ctx.body_start))
    facts.tasks.extend(pl_tasks)
    facts.assignments.extend(pl_assignments)
    facts.agency_relations = _unique_relations([*facts.agency_relations, *pl_relations])
    return facts


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
