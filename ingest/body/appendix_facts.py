"""Appendix rows → tasks ``PL.n.m``, lead/partner assignments and coordinates_with edges."""

from __future__ import annotations

from collections.abc import Callable

from dirgraph.core.text import norm_key
from dirgraph.ingest.body.agency_refs import agency_ref
from dirgraph.ingest.body.appendix import Row
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRelation, Assignment, Task

APPENDIX = ("PL", "PHỤ LỤC")


def appendix_facts(ctx: DocContext, rows: list[Row],
                   placed: Callable[[Row], tuple[str, str]] | None = None,
                   ) -> tuple[list[Task], list[Assignment], list[AgencyRelation]]:
    """One task per row (first row wins on a repeated number), its leads, partners and edges.

    ``placed(row)`` gives the (id prefix, section heading) of the row's table: ("PL", "PHỤ LỤC")
    for an appendix (SCHEMA.md's ``PL.2.6``), the enclosing section's number for a table printed
    inside a numbered section of the body ("III" → ``III.1.1``).
    """
    tasks: list[Task] = []
    assignments: list[Assignment] = []
    relations: list[AgencyRelation] = []
    seen: set[str] = set()
    seen_rel: set[tuple[str, str, str, str]] = set()
    for row in rows:
        prefix, section = placed(row) if placed else APPENDIX
        task_id = f"{prefix}.{row.number}"
        if task_id in seen:
            continue
        seen.add(task_id)
        prov = ctx.provenance(row.start, max(row.start, row.end))
        parent = f"{prefix}.{row.number.rsplit('.', 1)[0]}" if "." in row.number else None
        tasks.append(Task(id=task_id, text=row.text, deadline=row.deadline,
                          parent=parent if parent in seen else None, section=section, provenance=prov))
        leads = [ref for ref in (agency_ref(a, ctx) for a in row.leads) if ref is not None]
        partners = [ref for ref in (agency_ref(a, ctx) for a in row.partners) if ref is not None]
        for ref in leads:
            assignments.append(Assignment(agency=ref, role="leads", task=task_id, provenance=prov))
        for ref in partners:
            assignments.append(Assignment(agency=ref, role="coordinates", task=task_id, provenance=prov))
        for name, role in row.others:
            other = agency_ref(name, ctx)
            if other is not None:
                assignments.append(Assignment(agency=other, role=role, task=task_id, provenance=prov))
        for lead in leads:
            for partner in partners:
                key = (norm_key(lead.name), norm_key(lead.locality), norm_key(partner.name), norm_key(partner.locality))
                if key in seen_rel or key[:2] == key[2:]:
                    continue
                seen_rel.add(key)
                relations.append(AgencyRelation(source=lead, type="coordinates_with", target=partner, provenance=prov))
    return tasks, assignments, relations
