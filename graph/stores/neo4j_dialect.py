"""Translate the shared ``graph/queries/*.cypher`` files (written for Ladybug) into Neo4j 5 Cypher.

The analyst queries use a handful of Ladybug/Kùzu spellings; Neo4j has an equivalent for each:

============================================  ===========================================
Ladybug                                        Neo4j
============================================  ===========================================
``label(r)``                                   ``type(r)``
``list_extract(xs, i)`` (1-based)              ``(xs)[(i) - 1]``
``list_contains(xs, x)``                       ``(x IN xs)``
``list_transform(xs, v -> e)``                 ``[v IN xs | e]``
``MATCH p = (a)-[:R* SHORTEST 1..8]->(b)``     ``MATCH p = shortestPath((a)-[:R*1..8]->(b))``
``(a)-[:R* SHORTEST 1..8]->(b)`` (no path)     ``(a)-[:R*1..8]->(b)`` (reachability)
============================================  ===========================================

A pure function, unit-tested on every shared query; the live Neo4j tests run the result.
"""

from __future__ import annotations

import re

_SHORTEST = re.compile(r"^(\s*(?:OPTIONAL\s+)?MATCH\s+\w+\s*=\s*)(.*\*\s*SHORTEST\s+\d+\.\.\d+.*?)\s*$",
                       re.MULTILINE)


def _split_call(text: str, start: int) -> tuple[list[str], int]:
    """Arguments of the call whose '(' is at ``start`` (top-level commas), and the index after ')'."""
    depth, args, current = 0, [], []
    i = start
    in_string: str | None = None
    while i < len(text):
        ch = text[i]
        if in_string:
            current.append(ch)
            if ch == in_string:
                in_string = None
        elif ch in "'\"":
            in_string = ch
            current.append(ch)
        elif ch in "([{":
            depth += 1
            if depth > 1:
                current.append(ch)
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args, i + 1
            current.append(ch)
        elif ch == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    raise ValueError("unbalanced parentheses in Cypher text")


def _rewrite_calls(text: str, name: str, render: object) -> str:
    pattern = re.compile(rf"\b{name}\s*\(")
    while True:
        match = pattern.search(text)
        if match is None:
            return text
        args, end = _split_call(text, match.end() - 1)
        text = text[:match.start()] + render(args) + text[end:]  # type: ignore[operator]


def _transform(args: list[str]) -> str:
    var, _, expr = args[1].partition("->")
    return f"[{var.strip()} IN {args[0]} | {expr.strip()}]"


def to_neo4j(text: str) -> str:
    """The Neo4j 5 spelling of a Ladybug analyst query (see the module table).

    >>> to_neo4j("RETURN label(r) AS t, list_extract(nodes(p), length(p)).id AS parent")
    'RETURN type(r) AS t, (nodes(p))[(length(p)) - 1].id AS parent'
    """
    text = re.sub(r"\blabel\s*\(", "type(", text)
    text = _rewrite_calls(text, "list_extract", lambda a: f"({a[0]})[({a[1]}) - 1]")
    text = _rewrite_calls(text, "list_contains", lambda a: f"({a[1]} IN {a[0]})")
    text = _rewrite_calls(text, "list_transform", _transform)

    def shortest(match: re.Match[str]) -> str:
        pattern = re.sub(r"\*\s*SHORTEST\s+(\d+\.\.\d+)", r"*\1", match.group(2))
        return f"{match.group(1)}shortestPath({pattern})"

    text = _SHORTEST.sub(shortest, text)
    # A SHORTEST pattern without a path variable only asks for reachability (DISTINCT rows).
    return re.sub(r"\*\s*SHORTEST\s+(\d+\.\.\d+)", r"*\1", text)
