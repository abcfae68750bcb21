"""Word's automatic list numbers ("1.", "a)", "II.") rendered back into the paragraph text.

python-docx's ``Paragraph.text`` leaves out numbers Word draws from ``numbering.xml``; the
extractors find tasks by those numbers, so they are recomputed here: one counter per list
instance and level, deeper levels reset when a shallower one advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from dirgraph.ingest.readers.list_numbers import format_number


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Level definitions per list instance and running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(qn("w:abstractNum")):
            abstract[an.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in an.findall(qn("w:lvl"))
            }
        levels: dict[str, dict[int, _Level]] = {}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            defs = dict(abstract.get(ref.get(qn("w:val")), {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in defs:
                    base = defs[ilvl]
                    defs[ilvl] = _Level(int(start.get(qn("w:val"), "1")), base.fmt, base.text)
            levels[num.get(qn("w:numId"))] = defs
        return cls(levels)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (list, level) and return the printed label ("2.1.", "b)", "-")."""
        defs = self.levels.get(num_id)
        if not defs or ilvl not in defs:
            return ""
        level = defs[ilvl]
        if level.fmt == "bullet":
            return "-"
        counts = self.counters.setdefault(num_id, [0] * 9)
        if counts[ilvl] == 0:
            counts[ilvl] = level.start
        else:
            counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = level.text
        for i in range(ilvl, -1, -1):
            lvl = defs.get(i, _Level())
            value = counts[i] or lvl.start
            text = text.replace(f"%{i + 1}", format_number(value, lvl.fmt))
        return text.strip()


def _level(lvl: Any) -> _Level:
    start = lvl.find(qn("w:start"))
    fmt = lvl.find(qn("w:numFmt"))
    text = lvl.find(qn("w:lvlText"))
    return _Level(
        int(start.get(qn("w:val"), "1")) if start is not None else 1,
        fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
        text.get(qn("w:val"), "") if text is not None else "",
    )


def paragraph_num(p: Any, styles: dict[str, Any]) -> tuple[str, int] | None:
    """(numId, level) of a paragraph, from its own properties or its style chain."""
    ppr = p.pPr
    if ppr is not None and ppr.numPr is not None:
        num_id = ppr.numPr.numId
        ilvl = ppr.numPr.ilvl
        if num_id is not None and num_id.val not in (None, 0):
            return str(num_id.val), int(ilvl.val) if ilvl is not None else 0
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            return None
        sppr = style.pPr
        if sppr is not None and sppr.numPr is not None and sppr.numPr.numId is not None:
            ilvl = sppr.numPr.ilvl
            return str(sppr.numPr.numId.val), int(ilvl.val) if ilvl is not None else 0
        based = style.basedOn
        style_id = based.val if based is not None else None
    return None
