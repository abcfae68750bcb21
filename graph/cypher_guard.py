"""Classify a Cypher text before it runs: read-only clauses only, no file or network access.

The read-only database handle already refuses writes, but Ladybug can also read files and URLs
(``LOAD FROM``, ``COPY``, ``ATTACH``, extensions) and change settings; those are refused here,
by keyword outside string literals and comments, before the query reaches the driver.
"""

from __future__ import annotations

import re

from dirgraph.core.errors import QueryRejectedError

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_FORBIDDEN = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "ALTER", "COPY", "LOAD",
              "ATTACH", "INSTALL", "EXPORT", "IMPORT", "USE", "BEGIN", "COMMIT", "ROLLBACK",
              "CHECKPOINT", "FOREACH")
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
# Table functions that only describe the schema; every other CALL is refused.
_SAFE_CALLS = frozenset({"show_tables", "table_info", "show_connection", "db_version",
                         "show_functions"})
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][A-Za-z_0-9]*)", re.I)


def check_read_only(query: str) -> None:
    """Raise QueryRejectedError unless ``query`` is a read-only query of the allowed clauses."""
    if not query or not query.strip():
        raise QueryRejectedError("empty query")
    bare = _STRINGS.sub(" '' ", query)
    for word in _WORD.findall(bare):
        if word.upper() in _FORBIDDEN:
            raise QueryRejectedError(f"only read queries are allowed ({word.upper()} refused)")
    for name in _CALL.findall(bare):
        if name.lower() not in _SAFE_CALLS:
            raise QueryRejectedError(f"CALL {name} is not allowed")
