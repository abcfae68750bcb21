"""Places for the synthetic corpus, taken from the vietnamadminunits gazetteer (no hand-typed lists).

Provinces are the 34 units in force since 1 July 2025; below each we keep the districts and
communes of the legacy (pre-2025) provinces merged into it, because district-level plans only
exist under the old map. Province mergers were whole-province, so one converted commune per
legacy province tells us which new province it went into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The gazetteer tells apart two units of one name with the level in brackets ("Duyên Hải (Thị
# xã)", "Long Mỹ (Huyện)"); a document prints the name alone, after its level word.
_QUALIFIER = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True)
class Unit:
    """A named administrative unit with its level word as written before the name ("huyện", "xã" …)."""

    name: str
    level_word: str

    @property
    def full(self) -> str:
        return f"{self.level_word} {self.name}"


@dataclass(frozen=True)
class District:
    unit: Unit
    communes: tuple[Unit, ...]


@dataclass(frozen=True)
class Province:
    """A post-2025 province with the legacy districts now inside it."""

    unit: Unit
    code: str
    districts: tuple[District, ...]

    @property
    def party_word(self) -> str:
        """The Party committee's name: "Thành ủy" for centrally-run cities, "Tỉnh ủy" otherwise."""
        return "Thành ủy" if self.unit.level_word == "thành phố" else "Tỉnh ủy"


def _level_word(full_name: str, short: str) -> str:
    word = full_name[: len(full_name) - len(short)].strip() if full_name.endswith(short) else full_name
    return word.casefold() or "xã"


def _new_province_of(rows: list[dict[str, str]]) -> str | None:
    """Convert communes of a legacy province until one resolves offline; return the new province short name."""
    from vietnamadminunits import convert_address

    for row in rows[:5]:
        try:
            unit = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
        except Exception:  # the package may try an online geocoder for split wards
            continue
        if getattr(unit, "short_province", None):
            return str(unit.short_province)
    return None


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 current provinces ordered by code, each with its legacy districts and communes."""
    from vietnamadminunits.database import get_data

    current = get_data(table="admin_units")
    legacy = get_data(table="admin_units_legacy")
    new_units: dict[str, tuple[Unit, str]] = {}
    for row in current:
        short = row["provinceShort"]
        if short not in new_units:
            new_units[short] = (Unit(short, _level_word(row["province"], short)), str(row["provinceCode"]))
    by_legacy: dict[str, list[dict[str, str]]] = {}
    for row in legacy:
        by_legacy.setdefault(row["province"], []).append(row)
    districts: dict[str, dict[str, tuple[Unit, list[Unit]]]] = {short: {} for short in new_units}
    for rows in by_legacy.values():
        target = _new_province_of(rows)
        if target not in districts:
            continue
        for row in rows:
            if not (row.get("ward") and row.get("wardType") and row.get("districtType")):
                continue  # island districts without communes
            key = f'{row["province"]}|{row["district"]}'
            if key not in districts[target]:
                unit = Unit(_QUALIFIER.sub("", row["districtShort"]), row["districtType"].casefold())
                districts[target][key] = (unit, [])
            ward = Unit(_QUALIFIER.sub("", row["wardShort"]), row["wardType"].casefold())
            if not ward.name.casefold().startswith(ward.level_word):
                districts[target][key][1].append(ward)
    result = []
    for short, (unit, code) in sorted(new_units.items(), key=lambda item: item[1][1]):
        ds = tuple(
            District(d_unit, tuple(communes))
            for d_unit, communes in districts[short].values()
            if communes
        )
        result.append(Province(unit, code, ds))
    return tuple(result)
