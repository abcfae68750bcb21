"""Assignments and agency relations of a body, by the SCHEMA's annotation conventions.

- TỔ CHỨC THỰC HIỆN items (and the items of a directive or dispatch numbered 1., 2. without
  sections): the agency heading the item ("Ban Tuyên giáo Đảng ủy: Chủ trì …", a heading line
  "Sở Giáo dục và Đào tạo") and the agencies its sentences give a role, attached to the item;
- task items and other sections: explicit assignment clauses only ("Giao X chủ trì …",
  "X chủ trì, phối hợp với Y …", "X chịu trách nhiệm …");
- unnumbered paragraphs of TỔ CHỨC THỰC HIỆN and the closing paragraph ("Trên đây là Kế hoạch
  …, yêu cầu X, Y … triển khai thực hiện") attach to ``SELF``;
- MỤC ĐÍCH, YÊU CẦU and MỤC TIÊU items give nothing.
An agency that leads gets no extra ``implements`` from that clause or the ones after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dirgraph.core.text import norm_key
from dirgraph.ingest.body.agency_refs import agency_ref
from dirgraph.ingest.body.duties import Duty, Found, analyze_line, leading_mention
from dirgraph.ingest.body.lines import Line
from dirgraph.ingest.body.mentions import split_mentions, starts_agency
from dirgraph.ingest.body.role_labels import labelled_duties, partner_links
from dirgraph.ingest.body.sections import Body, Item
from dirgraph.ingest.body.textform import match_form
from dirgraph.ingest.context import DocContext
from dirgraph.ingest.record import AgencyRef, AgencyRelation, Assignment

SILENT_KINDS = {"purpose", "goals", "situation"}
ITEM_KINDS = {"organization", "directive"}
TASK_KINDS = {"tasks", "organization", "directive", "reporting"}
_CLOSING = re.compile(r"^\W*(?:trên\s+đây\s+là|nhận\s+được\s+(?:\w+\s+){1,3}này\b)", re.IGNORECASE)  # "Nhận được Hướng dẫn này, …"
# The closing formula "… để X biết, thực hiện." ("Ban Thường vụ Thành ủy thông báo để các cơ quan, đơn vị
# liên quan biết, thực hiện"; "Văn phòng Tỉnh ủy truyền đạt ý kiến … để …"): X carries the document out.
_KNOW_AND_DO = re.compile(
    r"\sđể\s+(?P<who>[^.;:]{3,120}?)\s+(?:được\s+)?biết,?\s+(?:và\s+)?(?:thực\s+hiện|triển\s+khai)(?!\w)")
# A paragraph after the last item of TỔ CHỨC THỰC HIỆN that speaks to everyone, not to that item.
_DOCUMENT_WIDE = re.compile(
    r"^(?:các|thủ\s+trưởng|yêu\s+cầu|đề\s+nghị|giao|trong\s+quá\s+trình"
    # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, … chịu trách nhiệm thi hành Chỉ thị này."
    r"|[^.;]{0,300}\s(?:chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)\s+(?:tổ\s+chức\s+)?thi\s+hành"
    # "Kế hoạch này thay thế Kế hoạch số …. Yêu cầu …": the document speaking of itself
    r"|(?:kế\s+hoạch|chương\s+trình|hướng\s+dẫn|chỉ\s+thị|công\s+văn|quyết\s+định|nghị\s+quyết|đề\s+án)\s+này)\s",
    re.IGNORECASE)
# "Trách nhiệm của Sở Y tế", "Đề nghị Ủy ban Mặt trận …": the agency after the prefix heads the item.
_DUTY_OF = re.compile(
    r"(?:(?:trách\s+nhiệm|nhiệm\s+vụ)\s+(?:của\s+)?|(?:đề\s+nghị|giao|yêu\s+cầu|đối\s+với)\s+)(?=\S)", re.IGNORECASE
)
# A body named by its kind alone ("Sở", "Ban", "Ủy ban") in its own document means the issuer.
_BARE_HEAD = re.compile(r"(?:Sở|Ban|Phòng|Ủy ban|Ủy ban nhân dân|Cục|Chi cục|Trung tâm|Bộ)")
_ISSUER_TITLE = re.compile(r"^(?:Giám đốc|Chủ tịch|Trưởng ban|Trưởng)\s+")
_MARKER = re.compile(r"^[\s*#_]*(?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–—:]?\s*\**\s*")


def is_closing(line: Line) -> bool:
    return bool(_CLOSING.match(line.text)) or ("biết" in line.text and bool(_KNOW_AND_DO.search(line.text)))


def _closing_found(line: Line) -> Found:
    """A closing line's facts: the agencies of "để X biết, thực hiện" implement the document; any
    other closing ("Trên đây là …, yêu cầu X …") is read clause by clause."""
    m = _KNOW_AND_DO.search(line.text) if "biết" in line.text else None
    if m is None or starts_agency(line.text, m.start("who")) is None:
        return analyze_line(line, [], explicit=False)
    start, end = line.to_source(m.start("who")), line.to_source(m.end())
    return Found([Duty(a, "implements", start, end) for a in split_mentions(m.group("who"))], [])


def extract_assignments(ctx: DocContext, body: Body) -> tuple[list[Assignment], list[AgencyRelation]]:
    """Assignments and agency relations of the body (see module doc)."""
    out = _Collector(ctx)
    addressees = _lead_in(ctx, out)
    for line in body.loose:
        out.add("SELF", _closing_found(line) if is_closing(line) else analyze_line(line, [], explicit=True))
    for item in body.items:
        _item(item, out, addressees if ctx.kind in ADDRESSED_KINDS else [])
    return out.assignments(), out.relations()


# Kinds whose numbered items are requests to the addressee named in the lead-in ("Sở … đề nghị
# Phòng Giáo dục … thực hiện một số nội dung sau: 1. Chỉ đạo …"): the addressee is their subject.
ADDRESSED_KINDS = {"dispatch"}
_PROPOSED_BY = re.compile(r"(?:theo|xét|cơ\s+sở)\s+$", re.IGNORECASE)  # "Theo đề nghị Sở Nội vụ": who proposed
# "(?<!\w)(?:yêu|đề)…" written with the first letter first, so the engine skips to candidates
# instead of trying the look-behind at every character of the paragraph
_LEAD_IN_CUE = re.compile(r"[yđ](?<!\w.)(?:êu\s+cầu|ề\s+nghị)\s", re.IGNORECASE)


def _lead_in(ctx: DocContext, out: _Collector) -> list[str]:
    """The sentence that opens the numbered items ("… yêu cầu các cấp ủy, chính quyền … thực hiện
    tốt các nhiệm vụ sau:") asks its objects to carry out the whole document: they implement SELF.
    Returns those agencies (as written)."""
    before = ctx.text[max(0, ctx.body_start - 2000) : ctx.body_start].rstrip()
    if not before.endswith(":"):
        return []
    start = ctx.body_start - (len(ctx.text[: ctx.body_start]) - len(ctx.text[: ctx.body_start].rstrip()))
    para_start = ctx.text.rfind("\n", 0, start) + 1
    while para_start > 0 and ctx.text[para_start : para_start + 1].islower():  # a wrapped line (PDF)
        prev_start = ctx.text.rfind("\n", 0, para_start - 1) + 1
        prev = ctx.text[prev_start : para_start - 1].strip()
        if not prev or prev[-1] in ".;:!?" or start - prev_start > 2000:
            break
        para_start = prev_start
    cues = [c for c in _LEAD_IN_CUE.finditer(ctx.text, para_start, start)
            if not _PROPOSED_BY.search(ctx.text[max(para_start, c.start() - 12) : c.start()])]
    if not cues:
        return []
    # from the clause that asks ("…, Sở Y tế đề nghị X …"): the preamble before it only cites
    para_start = ctx.text.rfind(",", para_start, cues[-1].start()) + 1 or para_start
    text = ctx.text[para_start:start].replace("\n", " ")  # same length: offsets still index ctx.text
    found = analyze_line(Line(para_start, start, text), [], explicit=True)
    found.duties = [d for d in found.duties if d.role == "implements"]
    out.add("SELF", found)
    return [d.agency for d in found.duties]


def _item(item: Item, out: _Collector, addressees: list[str] | None = None) -> None:
    if item.kind in SILENT_KINDS:
        return
    task = item.id if item.kind in TASK_KINDS else "SELF"
    head, rest = item.lines[0], item.lines[1:]
    labelled = [(line, duties) for line in rest if (duties := labelled_duties(line)) is not None]
    if labelled:
        # "- Đơn vị chủ trì: X", "- Đơn vị phối hợp: Y": the task's columns, written as lines
        duties = [d for _, found_duties in labelled for d in found_duties]
        out.add(task, Found(duties, partner_links(duties)))
        taken = {id(line) for line, _ in labelled}
        rest = [line for line in rest if id(line) not in taken]
    if item.is_section or (item.children and not _agency_heading(item)):
        # A section heading's own paragraphs are document-wide; a group item's are its own.
        owner = "SELF" if item.is_section else task
        for line in rest:
            closing = is_closing(line)
            explicit = not closing and item.kind not in ITEM_KINDS
            out.add("SELF" if closing else owner, _closing_found(line) if closing else analyze_line(line, [], explicit=explicit))
        return
    if item.kind not in ITEM_KINDS and not (item.kind == "tasks" and _headed_by_agency(item)):
        for line in [head, *rest]:
            closing = is_closing(line)
            out.add("SELF" if closing else task, _closing_found(line) if closing else analyze_line(line, [], explicit=True))
        return
    subjects, offset = _heading_subjects(head)
    if not subjects:
        subjects = _inherited_subjects(item)
    addressed = not subjects and bool(addressees)
    if addressed:
        subjects = list(addressees or [])
    found = analyze_line(head, subjects, offset=offset)
    document_wide = False
    inline = bool(head.text[offset:].strip())
    for index, line in enumerate(rest):
        if not document_wide and (index > 0 or inline) and _is_last(item) and item.style != "article":
            # (a regulation's last article is its own: "Điều 10. … Văn phòng chủ trì …")
            document_wide = bool(_DOCUMENT_WIDE.match(line.text)) or _issuer_requests(line.text, out.ctx)
        if is_closing(line) or document_wide:
            out.add("SELF", _closing_found(line))
            continue
        part = analyze_line(line, subjects)
        found.duties.extend(part.duties)
        found.links.extend(part.links)
    if (addressed and not any(d.agency in subjects for d in found.duties)) or (
            item.kind in ITEM_KINDS and not found.duties and not item.children):
        # the item speaks to its agency even when its only verb gives no role ("Sở Tài chính
        # tham mưu bố trí kinh phí"): that agency carries it out
        found.duties.extend(Duty(a, "implements", head.start, head.end) for a in subjects)
    out.add(task, found)


def _inherited_subjects(item: Item) -> list[str]:
    """The agency of the nearest enclosing item headed by one ("1. Sở Y tế" over "a) Chủ trì …")."""
    node = item.parent
    while node is not None and not node.is_section:
        names, _ = _heading_subjects(node.lines[0])
        if names:
            return names
        node = node.parent
    return []


def _headed_by_agency(item: Item) -> bool:
    """A task item whose heading names its agency ("a) Sở Y tế: …", or a heading line that is only
    an agency over its bullets) is read like a TỔ CHỨC THỰC HIỆN item, not as narrative."""
    head = item.lines[0]
    names, offset = _heading_subjects(head)
    if not names:
        return False
    rest = head.text[offset:]
    return head.text[:offset].rstrip(" *").endswith(":") or (not rest.strip(" *") and len(item.lines) > 1)


_REQUEST = re.compile(r"\s*(?:đề\s+nghị|yêu\s+cầu|giao)\s")


def _issuer_requests(text: str, ctx: DocContext) -> bool:
    """"Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan … phối hợp thực hiện" after the last item: the
    issuer, named in full, turns to every addressee; the request is the document's, not that item's."""
    if ctx.issuer is None or not ctx.issuer.name:
        return False
    # match forms (case folded, marks kept as written): the request words are matched as they are written
    form, key = match_form(text), match_form(ctx.issuer.name)
    return form.startswith(key) and bool(_REQUEST.match(form[len(key):]))


def _is_last(item: Item) -> bool:
    siblings = item.parent.children if item.parent is not None else [item]
    return siblings[-1] is item


def _agency_heading(item: Item) -> bool:
    names, _ = _heading_subjects(item.lines[0])
    return bool(names)


def _heading_subjects(head: Line) -> tuple[list[str], int]:
    """Agencies heading an item ("Sở Y tế: …", a heading line naming them) and where duties start."""
    names, end = _subjects_of(head.text)
    return list(names), end


@lru_cache(maxsize=4096)
def _subjects_of(text: str) -> tuple[tuple[str, ...], int]:
    """:func:`_heading_subjects` of a heading's text; cached, since an item's heading is asked by the
    item, its children and the checks on its kind, and headings recur across a cascade's plans."""
    marker = _MARKER.match(text)
    pos = marker.end() if marker else 0
    prefix = _DUTY_OF.match(text[pos:])
    pos += prefix.end() if prefix else 0
    lead = leading_mention(text, pos)
    if lead is None:
        return (), pos
    names, end = lead
    after = text[end:].lstrip(" *")
    if after.startswith(":"):
        end = text.index(":", end) + 1
    return tuple(names), end


class _Collector:
    """Canonical, de-duplicated assignments and relations, with the lead-suppresses-implements rule."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._assignments: dict[tuple[str, ...], Assignment] = {}
        self._relations: dict[tuple[str, ...], AgencyRelation] = {}
        # this document's mentions (the answer depends on ctx), each with its (name, locality) keys
        self._refs: dict[str, tuple[AgencyRef | None, tuple[str, str]]] = {}

    def _ref(self, raw: str) -> tuple[AgencyRef | None, tuple[str, str]]:
        """The agency a raw mention files as, and its keys; asked again for every duty and link naming it."""
        entry = self._refs.get(raw)
        if entry is None:
            ref = self._filed(raw)
            entry = self._refs[raw] = (ref, (norm_key(ref.name), norm_key(ref.locality)) if ref is not None else ("", ""))
        return entry

    def _filed(self, raw: str) -> AgencyRef | None:
        issuer = self.ctx.issuer
        if issuer is not None and _BARE_HEAD.fullmatch(raw.strip()) and \
                norm_key(_ISSUER_TITLE.sub("", issuer.name)).startswith(norm_key(raw.strip()) + " "):
            # "tham mưu Sở báo cáo …" in the Sở's own dispatch (or its director's decision): the issuer
            return issuer
        return agency_ref(raw, self.ctx)

    def _above(self, ref: AgencyRef) -> bool:
        """A body of a higher level than the document's own: a request to it ("Đề nghị Ủy ban nhân
        dân tỉnh … hỗ trợ kinh phí" in a district report) asks for help, it assigns nothing."""
        if self.ctx.locality is None:
            return False
        if ref.locality is None:
            return True
        return norm_key(ref.locality) in {norm_key(p) for p in self.ctx.parent_localities}

    def add(self, task: str, found: Found) -> None:
        # "X chủ trì, phối hợp … tổ chức hướng dẫn …; đồng thời … tuyên truyền": X leads, and gets no
        # extra implements there; a duty X is given before it leads ("X xây dựng kế hoạch …, hoàn thành
        # …; chủ trì, phối hợp … giám sát") is a task of its own and stays
        first_lead: dict[str, int] = {}
        for d in found.duties:
            if d.role == "leads":
                leader = norm_key(d.agency)
                first_lead[leader] = min(d.start, first_lead.get(leader, d.start))
        for duty in found.duties:
            if duty.role == "implements" and duty.start >= first_lead.get(norm_key(duty.agency), len(self.ctx.text)):
                continue
            ref, names = self._ref(duty.agency)
            if ref is None or (duty.request and self._above(ref)) or (task == "SELF" and ref == self.ctx.issuer):
                continue  # the issuer is the one asking: "Giám đốc Sở yêu cầu … thực hiện" gives it no role
            key = (*names, duty.role, task)
            if key not in self._assignments:
                prov = self.ctx.provenance(duty.start, duty.end)
                self._assignments[key] = Assignment(agency=ref, role=duty.role, task=task, provenance=prov)  # type: ignore[arg-type]
        for link in found.links:
            (source, source_names), (target, target_names) = self._ref(link.source), self._ref(link.target)
            if source is None or target is None:
                continue
            rkey = (*source_names, link.type, *target_names)
            if rkey not in self._relations and source_names != target_names:
                prov = self.ctx.provenance(link.start, link.end)
                self._relations[rkey] = AgencyRelation(source=source, type=link.type, target=target, provenance=prov)  # type: ignore[arg-type]

    def assignments(self) -> list[Assignment]:
        return list(self._assignments.values())

    def relations(self) -> list[AgencyRelation]:
        return list(self._relations.values())
