"""What the document is: kind, number, date, issuer, title, signer, and where it belongs.

The header gives all of it when the file kept it; most web copies lost it, so the issuer is read
from the preamble's own statement ("…, Ban Thường vụ Huyện ủy ban hành Kế hoạch …"), the
signature's "T/M BAN THƯỜNG VỤ", the legal-database block, and the locality from the date line's
place, the header's body lines, or the places the text names (a district committee's plan is
filed under the district the text names, a provincial department's under the province). Nothing
is invented: a number or date the text does not print stays ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.core.text import clean_spaces, fold_key, norm_key
from dirgraph.ingest.agencies import agency_level, canonical_agency, is_central
from dirgraph.ingest.agency_places import is_proper_named
from dirgraph.ingest.agency_tables import department_fields
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.docnumbers import canonical_number, kind_from_code, kind_from_word, parse_number
from dirgraph.ingest.frame import Frame
from dirgraph.ingest.frame_lines import proper_case
from dirgraph.ingest.gazetteer import Place, find_places, lookup_place, provinces, split_level_word
from dirgraph.ingest.record import AgencyRef, DocumentMeta, Signer
from dirgraph.ingest.regex_scan import finditer_from, trie_alternation
from dirgraph.ingest.signature import title_position

_ISSUE_VERBS = (r"(?:ban\s+hành|xây\s+dựng|đề\s+ra|yêu\s+cầu|chỉ\s+thị|hướng\s+dẫn|thông\s+báo|kết\s+luận"
                r"|quyết\s+định|đề\s+nghị|có\s+ý\s+kiến|chỉ\s+đạo)")
_ISSUER_STATEMENT = re.compile(
    rf"(?m)(?:^|[,;:]\s*|\.\s+)(?P<agency>[A-ZĐÁÀẢÃẠÂĂÊÔƠƯÍÌÚÙÓÒÉÈỦỨỪ][^,;:.()\n]{{2,90}}?)\s+{_ISSUE_VERBS}\b"
)
_NOT_AGENCY = re.compile(
    r"^(Kế hoạch|Nghị quyết|Kết luận|Chỉ thị|Quyết định|Thực hiện|Theo|Căn cứ|Để|Nhằm|Trên|Với|Qua|Sau|Tiếp"
    r"|Trong|Xét|Nay|Vì|Do|Đồng thời|Từ|Những|Các|Việc|Đây|Này"
    r"|[Đđ]ồng chí|Đ/c)\b"  # "đồng chí Bí thư Thành ủy kết luận như sau:" is a person, not the issuer
)
_COMMITTEE_PLACE = re.compile(
    r"(?<!\w)(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+[uủ]ỷ?y?\s+(?P<name>(?:[A-ZĐ][\wÀ-ỹ]*)(?:\s+[A-ZĐ0-9][\wÀ-ỹ]*){0,3})"
)
_COMMITTEE_START = re.compile(r"Tỉnh|Thành|Huyện|Quận|Thị")  # where a _COMMITTEE_PLACE match can begin
_CONNECTIVE = re.compile(r"^(?:đồng thời|nay|vì vậy|do đó)\s+", re.IGNORECASE)
_STANDING_BOARD = re.compile(r"^(?:Ban\s+Thường\s+vụ\s+)", re.IGNORECASE)
_BAN_LINE = re.compile(r"^(?:BAN|VĂN\s+PHÒNG)\s*")  # a Party department: "BAN TUYÊN GIÁO", "VĂN PHÒNG"
_COMMITTEE_WORD = re.compile(r"[ỦU]Ỷ?Y\b")
_CITY_ABBREVIATION = re.compile(r"^(TP|Tp)\.?\s*")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_LEVEL_OF_HEAD = {"tỉnh": "province", "thành": "city", "huyện": "district", "quận": "district", "thị": "district"}



@dataclass
class PlaceChoice:
    name: str | None
    level: str | None
    parents: tuple[str, ...]


def _agency(raw: str, ctx: DocContext | None) -> AgencyRef:
    return canonical_agency(raw, ctx)


def issuer_phrase(frame: Frame) -> str | None:
    """The issuer as the document states it: preamble statement, header lines + T/M, legal block."""
    text = frame.text
    sig = frame.signature
    body = _header_body(frame.issuer_lines)
    formal = _formal_issuer(frame, body)
    if formal:
        return formal
    pre = text[frame.preamble_span[0] : frame.preamble_span[1]]
    statements = list(_ISSUER_STATEMENT.finditer(pre))
    if statements:
        agency = clean_spaces(_with_comma_field(pre, statements[-1]))
        agency = _CONNECTIVE.sub("", agency)
        if len(agency.split()) <= 12 and not _NOT_AGENCY.match(agency) and not (
                norm_key(agency) in _BARE_ORGANS and frame.issuer_lines):
            chair = _CHAIR_OF.match(agency)
            if chair and body and frame.kind not in _CHAIRS_ACTS and norm_key(body).startswith(norm_key(chair.group(1))):
                return body  # "Chủ tịch Ủy ban nhân dân huyện yêu cầu …" in the committee's own dispatch
            return _intact_spelling(agency, body)
    if statements and body:  # "Ban Thường vụ ban hành …": the header says whose
        agency = clean_spaces(statements[-1].group("agency"))
        if norm_key(agency) in _BARE_ORGANS:
            return f"{agency} {_committee(body)}"
    if body and sig and sig.authority and norm_key(sig.authority).startswith(norm_key("ban thường vụ")) \
            and _COMMITTEE_LINE.match(body.upper()):
        return f"Ban Thường vụ {_committee(body)}"  # not under "VĂN PHÒNG" of the committee: the office's
    if body:
        return body
    if "issuer" in frame.legal:
        return frame.legal["issuer"]
    if sig and sig.authority:
        return proper_case(sig.authority)
    return None


def _intact_spelling(agency: str, body: str | None) -> str:
    """The header's spelling of the statement's agency when the two differ only in marks.

    OCR and PDF text lose marks here and there: "…, So Giáo dục và Đào tao ban hành" under an intact
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO" header is that department, spelled as the header spells it.
    """
    if not body:
        return agency
    words = body.split()
    tail = " ".join(words[len(words) - len(agency.split()):])
    if tail and norm_key(tail) != norm_key(agency) and fold_key(tail) == fold_key(agency):
        return tail
    return agency


def _with_comma_field(pre: str, statement: re.Match[str]) -> str:
    """The statement's agency, with the head of a department field that holds a comma put back.

    The statement pattern starts the agency after the clause's last comma, and "Văn hóa, Thể thao
    và Du lịch" (department_fields.tsv) holds one: "…, Sở Văn hóa, Thể thao và Du lịch ban hành" must
    give "Sở Văn hóa, Thể thao và Du lịch", not "Thể thao và Du lịch". Compared on norm_key, so
    "Văn hoá" written the old way matches too.
    """
    agency = statement.group("agency")
    agency_key = norm_key(agency)
    firsts = {first for first, tail in _comma_fields() if agency_key.startswith(tail)}
    before = pre[: statement.start("agency")]
    m = _FIELD_HEAD_BEFORE.search(before) if firsts else None
    if m and norm_key(m.group("first")) in firsts:
        return before[m.start():] + agency
    return agency


_FIELD_HEAD_BEFORE = re.compile(r"(?i)(?<!\w)(?:Sở|Bộ|Phòng)\s+(?P<first>[^,;:.()\n]{2,40}?)\s*,\s*$")


@lru_cache(maxsize=1)
def _comma_fields() -> tuple[tuple[str, str], ...]:
    """(key of a department field up to its last comma, key of the rest): ("văn hóa", "thể thao …")."""
    out = []
    for field in department_fields():
        first, comma, rest = field.rpartition(",")
        if comma:
            out.append((norm_key(first), norm_key(rest)))
    return tuple(out)


_POSITION_START = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG"
    r"|TỔNG\s+CỤC\s+TRƯỞNG|CHỦ\s+NHIỆM|TRƯỞNG\s+BAN)\s+(?=\S)"
)


_CHAIR = re.compile(r"^(?:Phó\s+)?Chủ\s+tịch$", re.IGNORECASE)
#: What a chairman decides or directs in his own name; a dispatch ("Công văn", no kind line) signed
#: "KT. CHỦ TỊCH" is still the committee's (blind set 3).
_CHAIRS_ACTS = frozenset({"decision", "directive"})
_CHAIR_OF = re.compile(r"^(?:Phó\s+)?Chủ\s+tịch\s+(.+)$")
_UBND = norm_key("Ủy ban nhân dân")


def _formal_issuer(frame: Frame, body: str | None) -> str | None:
    """The issuer the frame itself names, which outranks any subject the preamble's sentences have.

    A decision's authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") names who decides; a Party
    document signed "T/M HUYỆN ỦY" under the header "HUYỆN ỦY VĂN GIANG" is the Huyện ủy's, even when
    its preamble says "Ban Chấp hành Đảng bộ huyện xây dựng Chương trình …".
    """
    line = frame.authority_line
    pm = _POSITION_START.match(line) if line else None
    if line and pm:
        return f"{title_position(pm.group(0).strip())} {proper_case(line[pm.end():])}"
    sig = frame.signature
    if sig and body and not sig.authority and sig.position and _CHAIR.match(sig.position) and (
            sig.prefix is None or sig.prefix.upper().startswith(("KT", "K/T"))) and norm_key(body).startswith(_UBND) \
            and frame.kind in _CHAIRS_ACTS:
        return f"Chủ tịch {body}"  # signed by (for) the Chairman, not "TM. ỦY BAN NHÂN DÂN": his own act
    if not (sig and sig.authority and body):
        return None
    authority = norm_key(proper_case(sig.authority))
    if authority in _BARE_ORGANS:
        return None  # "T/M BAN THƯỜNG VỤ": the statement or the header's committee completes it
    if norm_key(body).startswith(authority):
        return body
    return None


_BARE_ORGANS = frozenset(norm_key(w) for w in ("Ban Thường vụ", "Thường trực", "Ban Chấp hành", "Ban cán sự đảng"))
_COMMITTEE_LINE = re.compile(r"^(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+[ỦU]Ỷ?Y\b")


def _committee(body: str) -> str:
    head = _STANDING_BOARD.sub("", body)
    return f"{head[:1].upper()}{head[1:]}"


def _header_body(lines: list[str]) -> str | None:
    """The issuing body of the header: its last line, completed by the committee above a Party "BAN …"."""
    if not lines:
        return None
    body = proper_case(lines[-1])
    if len(lines) >= 2 and _BAN_LINE.match(lines[-1]) and not _COMMITTEE_WORD.search(lines[-1]) and (
            _COMMITTEE_LINE.match(lines[-2])):
        body = f"{body} {proper_case(lines[-2])}"  # "BAN TUYÊN GIÁO" under "TỈNH ỦY LÂM ĐỒNG"
    return body


_OLD_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ủy": "uỷ", "ùy": "uỳ", "úy": "uý",
               "ũy": "uỹ", "ụy": "uỵ", "òe": "oè", "óe": "oé"}


@lru_cache(maxsize=1)
def _province_index() -> tuple[dict[str, Place], re.Pattern[str], re.Pattern[str]]:
    """Province names (both eras, both tone placements) as one pattern: a bare "Hải Phòng" in the text."""
    names = {norm_key(p.name): p for era in ("current", "legacy") for p in provinces(era)}
    forms: set[str] = set()
    for place in names.values():
        forms.add(place.name)
        old = place.name
        for new_style, old_style in _OLD_TONES.items():
            old = old.replace(new_style, old_style)
        forms.add(old)
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    full = re.compile(rf"(?=[A-ZĐÀ-Ỹ])(?<![\wÀ-ỹ])(?:{alt})(?![\wÀ-ỹ])")  # names start upper case
    return names, full, re.compile(trie_alternation(forms))  # the bare names, as a trie: where a match can begin


def _places_in(text: str) -> list[tuple[str, Place]]:
    """(name, Place) candidates the text names: level words, committees, bare province names."""
    found: list[tuple[str, Place]] = []
    for pm in find_places(text):
        # every unit of that name: "phường An Hải" is in Đà Nẵng and in Hải Phòng, and the places the
        # text names elsewhere ("Ủy ban nhân dân thành phố Đà Nẵng") decide which (choose_locality)
        found.extend((pm.name, place) for place in pm.places)
    for cm in finditer_from(_COMMITTEE_PLACE, _COMMITTEE_START, text):
        words = cm.group("name").split()
        level = _LEVEL_OF_HEAD.get(cm.group(0).split()[0].lower())
        for size in range(len(words), 0, -1):
            cand = " ".join(words[:size])
            hits = lookup_place(cand)
            hits = [h for h in hits if h.level == level or (level == "city" and h.is_city)] or hits
            if hits and norm_key(hits[0].name) == norm_key(cand):
                found.append((hits[0].name, hits[0]))
                break
    names, pattern, starts = _province_index()
    for m in finditer_from(pattern, starts, text):
        place = names.get(norm_key(m.group(0)))
        if place is not None:
            found.append((place.name, place))
    return found


@lru_cache(maxsize=4096)
def _source_places(source: str) -> tuple[Place, ...]:
    """The places :func:`_places_in` finds in one short source (issuer phrase, header line, date-line
    place). These recur from document to document and the gazetteer never changes: kept per string."""
    return tuple(place for _, place in _places_in(source))


def _fit(place: Place, level: str | None) -> PlaceChoice:
    """The unit of the issuer's level in ``place``'s chain: a provincial Sở dated "Đà Lạt" is filed under Lâm Đồng."""
    wanted = {"province": ("province",), "district": ("district",), "city": ("district", "province")}.get(level or "")
    if wanted is None or place.level in wanted or (level == "district" and place.level == "province"):
        return PlaceChoice(place.name, place.level, tuple(place.parents))
    for name in place.parents:
        found = [p for p in lookup_place(name) if p.level in wanted and (level != "city" or p.is_city)]
        if found:
            return PlaceChoice(found[0].name, found[0].level, tuple(found[0].parents))
    return PlaceChoice(place.name, place.level, tuple(place.parents))


def unlisted_unit(issuer: str) -> tuple[str, str] | None:
    """(name, level) of a unit the issuer's own words name after a level word, when the gazetteer
    does not list it: "Ban Chấp hành Đảng bộ xã Công Thành" -> ("Công Thành", "commune").

    The document says where it comes from; a commune missing from the gazetteer (renamed, merged,
    or simply not in the snapshot) is still that commune, not the district its title mentions.
    """
    words = issuer.split()
    first = len(words)
    while first > 0 and words[first - 1][:1].isupper():
        first -= 1
    if first == len(words):
        return None
    for start in (first - 2, first - 1, first):
        if start < 0:
            continue
        levels, name = split_level_word(" ".join(words[start:]))
        if levels and len(levels) == 1 and levels[0] in ("commune", "district") and 1 <= len(name.split()) <= 4 \
                and all(w[:1].isupper() for w in name.split()) and not lookup_place(name):
            return name, levels[0]
    return None


def choose_locality(frame: Frame, issuer_raw: str | None) -> PlaceChoice:
    """The document's own place: date-line place, header place, else the place fitting the issuer's level."""
    text = frame.text
    if issuer_raw and is_central(issuer_raw):
        return PlaceChoice(None, None, ())  # a central body's document belongs to no locality
    cache: list[list[tuple[str, Place]]] = []

    def text_places() -> list[tuple[str, Place]]:  # the whole-text scan runs only when a choice needs it
        if not cache:
            cache.append(_places_in(text))
        return cache[0]

    level = agency_level(issuer_raw) if issuer_raw else None
    # the issuer's own words, the header's body lines (issuing body first), the date line's place
    sources = [issuer_raw, *(proper_case(x) for x in reversed(frame.issuer_lines)), frame.place]
    for index, source in enumerate(sources):
        if not source:
            continue
        hits = list(_source_places(source))
        if not hits and index == len(sources) - 1:
            hits = lookup_place(_CITY_ABBREVIATION.sub("", source))
        if hits:
            if len(hits) > 1:
                mentioned = Counter(norm_key(n) for n, _ in text_places())
                hits = sorted(hits, key=lambda p: -sum(mentioned[norm_key(x)] for x in p.parents))
            return _fit(hits[0], level)
        if index == 0 and (unit := unlisted_unit(source)) is not None:
            return _unlisted_choice(unit, text_places())
    candidates = text_places()
    if not candidates:
        return PlaceChoice(None, None, ())
    ranked = Counter(norm_key(n) for n, _ in candidates)
    by_key = {norm_key(n): p for n, p in candidates}

    def pick(levels: set[str], city: bool = False) -> PlaceChoice | None:
        options = [(ranked[k], k) for k, p in by_key.items() if p.level in levels and (not city or p.is_city)]
        if not options:
            return None
        _, key = max(options)
        p = by_key[key]
        return PlaceChoice(p.name, p.level, tuple(p.parents))

    wanted = {"province": ["province"], "city": ["city", "province"], "district": ["district", "province"],
              "commune": ["commune", "district", "province"]}.get(level or "", ["district", "province"])
    for lv in wanted:
        got = pick({"district", "province"}, city=True) if lv == "city" else pick({lv})
        if got:
            return got
    return pick({"province", "district", "commune"}) or PlaceChoice(None, None, ())


def _unlisted_choice(unit: tuple[str, str], mentioned: list[tuple[str, Place]]) -> PlaceChoice:
    """An unlisted unit, under the place of the next level up that the text names most (a
    commune under a district, a district under a province) and that place's own parents."""
    name, level = unit
    ranked = Counter(norm_key(n) for n, _ in mentioned)
    for wanted in (("district", "province") if level == "commune" else ("province",)):
        options = sorted(((ranked[norm_key(n)], n, p) for n, p in mentioned if p.level == wanted),
                         key=lambda o: o[0], reverse=True)
        if options:
            parent = options[0][2]
            return PlaceChoice(name, level, (parent.name, *parent.parents))
    return PlaceChoice(name, level, ())


def build_metadata(frame: Frame, source: str) -> tuple[DocumentMeta, DocContext]:
    """The document's metadata and the context the body and reference extractors read."""
    legal = frame.legal
    number = frame.number or (canonical_number(legal["number"]) if "number" in legal else None)
    kind = frame.kind
    if kind is None and number:
        parsed = parse_number(number)
        kind = kind_from_code(parsed.code) if parsed else None
    if kind is None and "kind" in legal:
        kind = kind_from_word(legal["kind"])
    date = frame.date
    if date is None and "date" in legal:
        dm = _NUMERIC_DATE.search(legal["date"])
        if dm:
            date = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}-{int(dm.group(1)):02d}"
    issuer_raw = issuer_phrase(frame)
    place = choose_locality(frame, issuer_raw)
    bare = DocContext(source=source, text=frame.text, locality=place.name, locality_level=place.level,
                      parent_localities=place.parents, kind=kind or "other")
    issuer = _agency(issuer_raw, bare) if issuer_raw else None
    if issuer is not None and place.name and issuer.locality == place.name and issuer.name.endswith(" " + place.name) \
            and not is_proper_named(issuer.name):
        # a unit the gazetteer does not list stays in the name: "… Đảng bộ xã Công Thành"
        issuer = AgencyRef(name=issuer.name[: -len(place.name)].rstrip(), locality=place.name)
    if issuer is not None and issuer.locality:
        # "XÃ PHÙ LUU" with a mark lost (OCR), "Phù Lưu, ngày …" intact: the intact spelling
        intact = next((name for name in (place.name, frame.place) if name and name != issuer.locality
                       and fold_key(name) == fold_key(issuer.locality)), None)
        if intact is not None and not lookup_place(issuer.locality) and lookup_place(intact):
            issuer = AgencyRef(name=issuer.name, locality=intact)
    sig = frame.signature
    signer = None
    if sig and (sig.name or sig.position):
        signer = Signer(name=sig.name, position=sig.position, prefix=sig.prefix)
    elif "signer" in legal:
        signer = Signer(name=legal["signer"])
    body_start, body_end = frame.body_span
    ctx = DocContext(
        source=source, text=frame.text, locality=place.name, locality_level=place.level,
        parent_localities=place.parents, issuer=issuer, kind=kind or "other",
        body_start=body_start, body_end=body_end,
    )
    span = frame.title_span or frame.kind_span or (0, 0)
    meta = DocumentMeta(
        kind=kind or "other", number=number, date=date, issuer=issuer, title=frame.title, signer=signer,  # type: ignore[arg-type]
        place=frame.place, locality=place.name,
        provenance=ctx.provenance(span[0], span[1]) if span[1] > span[0] else None,
    )
    return meta, ctx
