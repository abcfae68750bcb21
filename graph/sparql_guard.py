"""Parse and classify a SPARQL query before any store sees it.

pyoxigraph's ``Store.query`` follows ``SERVICE <http://…>`` with real HTTP requests and rdflib
loads remote graphs named in ``FROM``; neither has a switch to stop that (shared STACK.md). So
every user query goes through :func:`check_query` first: it must parse as a SPARQL 1.1 *query*
(updates and ``LOAD`` are refused), must not contain ``SERVICE`` anywhere, and may name in
``FROM``/``FROM NAMED`` only the project's own graphs. Errors are one-line
:class:`QueryRejectedError` messages fit for an HTTP 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from dirgraph.core.errors import QueryRejectedError

QueryKind = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

#: IRIs a ``FROM``/``FROM NAMED`` clause may name: the store's own named graphs.
LOCAL_GRAPH_PREFIX = "https://dirgraph.org/"

_KINDS: dict[str, QueryKind] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}

# Strings, IRIs and comments are blanked before the lexical keyword scan so that a literal
# "SERVICE" in a label does not trip it; the scan backs up the parse-tree walk.
_MASK = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_FORBIDDEN = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)
MAX_QUERY_CHARS = 100_000


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the guard, with its form (decides the result serialization)."""

    text: str
    kind: QueryKind


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _walk(node: Any) -> Any:
    """Yield every node of an rdflib parse tree (CompValue, ParseResults, lists)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        if isinstance(cur, dict):
            stack.extend(cur.values())
        elif isinstance(cur, list | tuple):
            stack.extend(cur)
        elif hasattr(cur, "asList") and not isinstance(cur, str):
            stack.extend(list(cur))


def check_query(text: str) -> CheckedQuery:
    """Return the query's form, or raise :class:`QueryRejectedError` with a one-line reason.

    >>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1").kind
    'SELECT'
    """
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    if not text or not text.strip():
        raise QueryRejectedError("empty SPARQL query")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRejectedError(f"SPARQL query longer than {MAX_QUERY_CHARS} characters")
    try:
        parsed = parseQuery(text)
    except Exception as exc:
        try:
            parseUpdate(text)
        except Exception:
            raise QueryRejectedError(f"SPARQL syntax error: {_first_line(exc)}") from None
        raise QueryRejectedError("SPARQL UPDATE/LOAD is not allowed: the endpoint is read-only") from None
    body = parsed[1]
    kind = _KINDS.get(getattr(body, "name", ""))
    if kind is None:
        raise QueryRejectedError("unsupported SPARQL query form")
    for node in _walk(parsed):
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            raise QueryRejectedError("SPARQL SERVICE (federated query) is not allowed")
    masked = _MASK.sub(" ", text)
    hit = _FORBIDDEN.search(masked)
    if hit:
        raise QueryRejectedError(f"SPARQL {hit.group(1).upper()} is not allowed")
    try:
        prologue = translatePrologue(parsed[0], None)
        clauses = body["datasetClause"] if "datasetClause" in body else []
        for clause in clauses:
            raw = clause["default"] if "default" in clause else clause["named"]
            iri = str(prologue.absolutize(raw))
            if not iri.startswith(LOCAL_GRAPH_PREFIX):
                raise QueryRejectedError(f"FROM <{iri}> is not allowed: only the store's own graphs")
    except QueryRejectedError:
        raise
    except Exception as exc:
        raise QueryRejectedError(f"SPARQL syntax error: {_first_line(exc)}") from None
    return CheckedQuery(text=text, kind=kind)
