"""Classify a Cypher query as read-only before it reaches a store.

The store handle is opened read-only as well; this guard exists so a client gets a clear 400
("CREATE is not allowed") instead of a driver error, and so clauses that read-only handles still
allow — ``LOAD FROM`` a server file, ``CALL timeout=…`` changing connection settings, attaching
another database — never run. Comments, string literals and backtick-quoted names are skipped,
so ``MATCH (n) /* CREATE */ RETURN n`` and ``RETURN 'DELETE'`` are fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dirgraph.core.errors import QueryRejectedError

# Clauses that write, administer, or reach outside the graph (Kùzu/Ladybug and Neo4j dialects).
FORBIDDEN_WORDS = frozenset(
    {
        "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "COPY", "ALTER",
        "INSTALL", "UNINSTALL", "ATTACH", "USE", "FOREACH", "IMPORT", "EXPORT", "BEGIN", "COMMIT",
        "ROLLBACK", "CHECKPOINT", "GRANT", "REVOKE", "DENY", "TERMINATE", "START", "STOP",
        "RENAME", "ENABLE", "DISABLE",
    }
)

# Functions with side effects or outside reach, rejected wherever they are called.
FORBIDDEN_FUNCTIONS = frozenset({"nextval", "setval"})
FORBIDDEN_NAMESPACES = frozenset({"apoc", "gds", "dbms", "tx"})

# Procedures that only describe the database (lower-case, dotted names as written after CALL).
READ_ONLY_PROCEDURES = frozenset(
    {
        # Ladybug / Kùzu
        "show_tables", "table_info", "show_connection", "db_version", "show_functions",
        "show_indexes", "show_sequences", "show_warnings", "current_setting", "show_attached_databases",
        # Neo4j
        "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
        "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
    }
)

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[0-9][0-9A-Za-z_.]*")


@dataclass(frozen=True)
class Token:
    """A significant token: a bare word (``kind='word'``) or one punctuation character."""

    kind: str
    text: str


def tokenize(query: str) -> list[Token]:
    """Split ``query`` into words and punctuation, dropping comments, strings and quoted names.

    String literals and backtick names become one placeholder token each so positions stay
    meaningful (``RETURN 'x'`` still has something after RETURN). Unterminated literals or
    comments are rejected: they would hide the rest of the query from the guard.
    """
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise QueryRejectedError("unterminated /* comment in Cypher query")
            i = end + 2
        elif ch in "'\"":
            i = _skip_string(query, i, ch)
            tokens.append(Token("literal", ch))
        elif ch == "`":
            end = query.find("`", i + 1)
            while end >= 0 and query.startswith("``", end):
                end = query.find("`", end + 2)
            if end < 0:
                raise QueryRejectedError("unterminated `quoted name` in Cypher query")
            tokens.append(Token("name", query[i + 1 : end]))
            i = end + 1
        elif m := _WORD.match(query, i):
            tokens.append(Token("word", m.group()))
            i = m.end()
        elif m := _NUMBER.match(query, i):
            tokens.append(Token("number", m.group()))
            i = m.end()
        else:
            tokens.append(Token("punct", ch))
            i += 1
    return tokens


def _skip_string(query: str, start: int, quote: str) -> int:
    i = start + 1
    while i < len(query):
        if query[i] == "\\":
            i += 2
            continue
        if query[i] == quote:
            return i + 1
        i += 1
    raise QueryRejectedError("unterminated string literal in Cypher query")


def _is_name_position(tokens: list[Token], idx: int) -> bool:
    """True where a word is a property, label, parameter or map key, not a clause keyword."""
    prev = tokens[idx - 1] if idx > 0 else None
    nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
    if prev is not None and prev.kind == "punct" and prev.text in ".:$":
        return True
    return (
        nxt is not None and nxt.kind == "punct" and nxt.text == ":"
        and prev is not None and prev.kind == "punct" and prev.text in "{,"
    )


def _procedure_name(tokens: list[Token], start: int) -> tuple[str, int]:
    """Read a dotted procedure name starting at ``start``; return it lower-cased and the next index."""
    parts: list[str] = []
    i = start
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        parts.append(tokens[i].text)
        i += 1
        if i < len(tokens) and tokens[i].text == "." and tokens[i].kind == "punct":
            i += 1
            continue
        break
    return ".".join(parts).lower(), i


def check_cypher(query: str) -> None:
    """Raise :class:`QueryRejectedError` with a one-line reason unless ``query`` only reads."""
    if not query or not query.strip():
        raise QueryRejectedError("empty Cypher query")
    tokens = tokenize(query)
    if not tokens:
        raise QueryRejectedError("Cypher query has no statement (only comments)")
    for idx, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text == ";" and any(t.text != ";" for t in tokens[idx + 1 :]):
            raise QueryRejectedError("one Cypher statement per request (found ';' between statements)")
        if tok.kind != "word" or _is_name_position(tokens, idx):
            continue
        upper = tok.text.upper()
        nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
        if upper in FORBIDDEN_WORDS:
            raise QueryRejectedError(f"Cypher {upper} is not allowed: this endpoint is read-only")
        if tok.text.lower() in FORBIDDEN_FUNCTIONS and nxt is not None and nxt.text == "(":
            raise QueryRejectedError(f"Cypher function {tok.text}() is not allowed: it changes state")
        if tok.text.lower() in FORBIDDEN_NAMESPACES and nxt is not None and nxt.text == ".":
            prev = tokens[idx - 1] if idx > 0 else None
            if not (prev is not None and prev.kind == "word" and prev.text.upper() == "CALL"):
                raise QueryRejectedError(f"Cypher {tok.text}.* functions are not allowed here")
        if upper == "CALL":
            _check_call(tokens, idx)


def _check_call(tokens: list[Token], idx: int) -> None:
    nxt = tokens[idx + 1] if idx + 1 < len(tokens) else None
    if nxt is None:
        raise QueryRejectedError("Cypher CALL without a procedure")
    if nxt.kind == "punct" and nxt.text == "{":
        return  # a subquery: its clauses are checked like the rest of the query
    name, after = _procedure_name(tokens, idx + 1)
    follows = tokens[after].text if after < len(tokens) else ""
    if name not in READ_ONLY_PROCEDURES or follows != "(":
        shown = name or nxt.text
        raise QueryRejectedError(f"Cypher CALL {shown} is not on the read-only procedure allow-list")
