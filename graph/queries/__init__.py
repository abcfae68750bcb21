"""The seven analyst queries: names, parameters and result columns shared by every backend.

Each query is a named ``.cypher`` file beside this module (and a ``.rq`` file of the same name for
the SPARQL backend). User input only ever travels as a parameter (``$id`` …); a backend that must
inline a value (SPARQL property paths, see STACK.md) inlines a *validated id* only
(:func:`safe_id`). Every backend returns the columns below, in this order, with these names, so a
row validates into the same model of :mod:`dirgraph.graph.service_models` whatever answered it.

Relations followed "up" and "down" between documents: ``IMPLEMENTS``, ``CONTINUES``, ``BASED_ON``
(``CITES`` is a mention, not an implementation link).

1. ``chain_up(id)`` — from a document up to what it implements, transitively.
   Columns: ``source, source_number, relation, target, target_number, target_title, target_kind,
   target_level, quote, depth`` (one row per hop; ``depth`` 1 for the document's own edges,
   the shortest depth at which the hop's source is reached + 1 otherwise; ``quote`` the first
   provenance quote of the edge).
2. ``cascade(id)`` — documents that transitively implement the root.
   Columns: ``id, number, title, kind, date, depth, level, locality_id, locality_name,
   issuer_name, parent, relation, placeholder`` (one row per document at its shortest depth;
   ``parent`` the document one hop up on that shortest path; ``relation`` the edge type to it).
3. ``task_agencies(id)`` — agencies responsible for a task.
   Columns: ``agency_id, agency_name, role, parent_agency_id, parent_agency_name,
   locality_name, quote`` (``role`` one of leads, coordinates, implements, supervises).
4. ``agency_tasks(id)`` — an agency's tasks with deadlines.
   Columns: ``task_id, local_id, text, document_id, document_title, role, deadline_kind,
   deadline_value, deadline_date``.
5. ``coverage(id, level, era)`` — documents implementing the root, transitively, per locality of
   ``level`` (province | district | commune) on the map ``era`` (pre2025 | post2025; a locality
   of era ``both`` counts on either map; a pre-2025 unit reaches today's province by
   ``MERGED_INTO``). Columns: ``locality_id, locality_name, document_id, document_number,
   document_title, document_date``. Missing localities are computed by the service from the
   gazetteer, identically for every backend.
6. ``deadlines(date_from, date_to)`` — tasks whose ``deadline_date`` lies in [from, to].
   Columns: ``task_id, local_id, text, document_id, document_title, deadline_kind,
   deadline_value, deadline_date, locality_name, lead_agencies`` (list of agency names).
7. ``coordination(locality_id)`` — agency ↔ agency edges (COORDINATES_WITH, REPORTS_TO, PART_OF)
   among agencies located in the locality or below it (WITHIN).
   Columns: ``source_id, source_name, target_id, target_name, type, weight, quotes``
   (``weight`` = number of statements; ``quotes`` their sentences).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from importlib import resources

from dirgraph.core.errors import QueryRejectedError


class QueryName(StrEnum):
    CHAIN_UP = "chain_up"
    CASCADE = "cascade"
    TASK_AGENCIES = "task_agencies"
    AGENCY_TASKS = "agency_tasks"
    COVERAGE = "coverage"
    DEADLINES = "deadlines"
    COORDINATION = "coordination"


COLUMNS: dict[QueryName, tuple[str, ...]] = {
    QueryName.CHAIN_UP: ("source", "source_number", "relation", "target", "target_number",
                         "target_title", "target_kind", "target_level", "quote", "depth"),
    QueryName.CASCADE: ("id", "number", "title", "kind", "date", "depth", "level", "locality_id",
                        "locality_name", "issuer_name", "parent", "relation", "placeholder"),
    QueryName.TASK_AGENCIES: ("agency_id", "agency_name", "role", "parent_agency_id",
                              "parent_agency_name", "locality_name", "quote"),
    QueryName.AGENCY_TASKS: ("task_id", "local_id", "text", "document_id", "document_title", "role",
                             "deadline_kind", "deadline_value", "deadline_date"),
    QueryName.COVERAGE: ("locality_id", "locality_name", "document_id", "document_number",
                         "document_title", "document_date"),
    QueryName.DEADLINES: ("task_id", "local_id", "text", "document_id", "document_title",
                          "deadline_kind", "deadline_value", "deadline_date", "locality_name",
                          "lead_agencies"),
    QueryName.COORDINATION: ("source_id", "source_name", "target_id", "target_name", "type",
                             "weight", "quotes"),
}

# Relations followed up/down between documents (see module docstring).
CHAIN_RELATIONS: tuple[str, ...] = ("IMPLEMENTS", "CONTINUES", "BASED_ON")
ROLE_NAMES: dict[str, str] = {
    "LEADS": "leads", "COORDINATES": "coordinates", "IMPLEMENTS_TASK": "implements",
    "SUPERVISES": "supervises",
}
MAX_DEPTH = 8

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


def safe_id(value: str) -> str:
    """Return ``value`` if it is a graph id (lower-case slug); reject anything else before inlining."""
    if not _SAFE_ID.match(value) or len(value) > 300:
        raise QueryRejectedError(f"not a valid id: {value[:60]!r}")
    return value


@cache
def cypher(name: QueryName | str) -> str:
    """Text of the named Cypher query (``graph/queries/<name>.cypher``)."""
    return resources.files(__package__).joinpath(f"{QueryName(name).value}.cypher").read_text("utf-8")


@cache
def sparql(name: QueryName | str) -> str:
    """Text of the named SPARQL query (``graph/queries/<name>.rq``), written by the RDF engineer."""
    return resources.files(__package__).joinpath(f"{QueryName(name).value}.rq").read_text("utf-8")
