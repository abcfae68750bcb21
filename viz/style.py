"""How each node and edge type looks, and which row of a hierarchical layout it sits on.

Kept as data so the browser pages, the standalone export and the legend agree.
"""

from __future__ import annotations

from typing import Final

# node type -> (colour, shape)
NODE_STYLE: Final[dict[str, tuple[str, str]]] = {
    "Resolution": ("#b71c1c", "box"),
    "Conclusion": ("#c62828", "box"),
    "Directive": ("#d84315", "box"),
    "Plan": ("#1565c0", "box"),
    "Program": ("#283593", "box"),
    "Decision": ("#6a1b9a", "box"),
    "Regulation": ("#4a148c", "box"),
    "Guidance": ("#00695c", "box"),
    "Report": ("#455a64", "box"),
    "Dispatch": ("#546e7a", "box"),
    "Circular": ("#5d4037", "box"),
    "Decree": ("#4e342e", "box"),
    "Law": ("#3e2723", "box"),
    "Other": ("#607d8b", "box"),
    "Document": ("#1565c0", "box"),
    "Agency": ("#2e7d32", "ellipse"),
    "Locality": ("#f9a825", "diamond"),
    "Task": ("#6d4c41", "dot"),
    "Target": ("#8d6e63", "triangle"),
    "Person": ("#9e9e9e", "dot"),
    "Group": ("#90a4ae", "database"),
    "Missing": ("#eeeeee", "box"),
}
DEFAULT_NODE_STYLE: Final = ("#607d8b", "dot")

EDGE_COLOR: Final[dict[str, str]] = {
    "IMPLEMENTS": "#1565c0",
    "CONTINUES": "#c62828",
    "BASED_ON": "#00897b",
    "CITES": "#9e9e9e",
    "LEADS": "#2e7d32",
    "COORDINATES": "#7cb342",
    "IMPLEMENTS_TASK": "#558b2f",
    "SUPERVISES": "#f57c00",
    "REPORTS_TO": "#6a1b9a",
    "COORDINATES_WITH": "#00838f",
    "PART_OF": "#8e24aa",
}
DEFAULT_EDGE_COLOR: Final = "#90a4ae"

# document level -> row in a hierarchical layout (central at the top, commune at the bottom)
LEVEL_ROW: Final[dict[str, int]] = {
    "central": 0,
    "province": 1,
    "department": 2,
    "district": 3,
    "commune": 4,
}


def node_style(node_type: str) -> tuple[str, str]:
    """Colour and vis-network shape for a node type."""
    return NODE_STYLE.get(node_type, DEFAULT_NODE_STYLE)


def edge_color(edge_type: str) -> str:
    return EDGE_COLOR.get(edge_type, DEFAULT_EDGE_COLOR)


def level_row(level: str | None) -> int | None:
    return LEVEL_ROW.get(level or "")
