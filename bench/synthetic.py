"""Generate a synthetic corpus of real-looking directive document FILES for scale tests.

A corpus is a forest of cascades: each central Party document (Kết luận, Nghị quyết, Chỉ thị of
Bộ Chính trị or Ban Bí thư) is implemented in most of the 34 current provinces by a Party plan
(Ban Thường vụ Tỉnh ủy/Thành ủy) and a State plan (Ủy ban nhân dân, with an appendix task table);
the State plan is carried on by a few departments (Sở) and by legacy (pre-2025) districts, whose
plans are carried on by communes. A controlled share of provinces never implements anything and
another share skips a given directive, so coverage queries have gaps to find.

Deterministic: the same (documents, seed, shares) gives byte-identical files. Places come from the
gazetteer (``bench.geo``), phrasing from ``bench/data``. The dates are plausible per cascade (each
child after its parent) but the map is a mix on purpose: 2025 provinces above pre-2025 districts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dirgraph.bench import compose, geo, tables
from dirgraph.bench.compose import DocFacts
from dirgraph.bench.markup import Block, parse, to_docx, to_md, to_txt
from dirgraph.bench.portal import damaged_marks, decomposed, old_tone_marks, to_database_copy, to_portal_html

CENTRAL_KINDS = (("Kết luận", "KL", "conclusion"), ("Nghị quyết", "NQ", "resolution"), ("Chỉ thị", "CT", "directive"))
CENTRAL_BODIES = ("Bộ Chính trị", "Ban Bí thư")
TERM_START = 2021  # the XIIIth Central Committee's term, which the generated dates (2022-2025) fall in


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated file and the facts an extractor should find in it."""

    path: str  # relative to the corpus folder
    number: str
    kind: str  # SCHEMA.md kind
    level: str  # central | province | department | district | commune
    line: str  # party | state
    issuer: str
    locality: str | None
    province: str | None
    date: str
    implements: tuple[str, ...]  # numbers of the documents it implements
    root: str  # number of the central document of its cascade


@dataclass
class Corpus:
    """The manifest of a generated corpus: files, and which provinces skipped which directive."""

    root: Path
    documents: list[GeneratedDoc] = field(default_factory=list)
    # central number -> provinces that skip it on purpose (a truncated last cascade also lacks later provinces)
    missing: dict[str, list[str]] = field(default_factory=dict)
    never: list[str] = field(default_factory=list)  # provinces that implement nothing

    @property
    def bytes_total(self) -> int:
        return sum((self.root / doc.path).stat().st_size for doc in self.documents)


class _Numbers:
    """Document numbers per issuer and year: increasing, with gaps, as a registry book would give."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next: dict[tuple[str, int], int] = {}

    def take(self, issuer: str, year: int) -> int:
        key = (issuer, year)
        current = self._next.get(key) or self._rng.randint(5, 150)
        self._next[key] = current + self._rng.randint(1, 9)
        return current


@dataclass(frozen=True)
class Shares:
    """How the files are written: format shares (the rest is txt) and the share of noisy text."""

    docx: float = 0.05
    md: float = 0.3
    html: float = 0.1  # pages saved from a portal, chrome around the document (bench.portal)
    database: float = 0.15  # of txt: copied from a legal database, metadata block and columns apart
    damaged: float = 0.1  # of txt: OCR-like, 5% of the words with marks lose them
    noisy: float = 0.2  # of txt/md/html: old-style tone marks; a third of those also decomposed (NFD)


class _Generator:
    def __init__(self, out: Path, seed: int, shares: Shares) -> None:
        self.out = out
        self.rng = random.Random(seed)
        self.numbers = _Numbers(random.Random(seed + 1))
        self.noise_rng = random.Random(seed + 3)  # its own stream: the documents' content stays put
        self.shares = shares
        self.count = 0
        self.recent_titles: list[str] = []  # a portal's "Văn bản mới" beside a page

    # -- files -------------------------------------------------------------------------------
    def write(self, markup: str, slug: str) -> str:
        roll = self.rng.random()
        blocks = parse(markup)
        shares = self.shares
        title = _title(blocks)
        if roll < shares.docx:
            ext, data = "docx", to_docx(blocks)
        else:
            if roll < shares.docx + shares.html:
                ext, text = "html", to_portal_html(blocks, _site(blocks), title, self.recent_titles[-4:])
            elif roll < shares.docx + shares.html + shares.md:
                ext, text = "md", to_md(blocks)
            elif self.noise_rng.random() < shares.database:
                ext, text = "txt", to_database_copy(blocks, _kind_word(blocks), self.recent_titles[-3:])
            else:
                ext, text = "txt", to_txt(blocks)
            noise = self.noise_rng.random()
            if noise < shares.noisy:
                text = old_tone_marks(text)
                if noise < shares.noisy / 3 and ext == "txt":
                    text = decomposed(text)
            elif ext == "txt" and noise < shares.noisy + shares.damaged:
                text = damaged_marks(text, self.noise_rng)
            data = text.encode("utf-8")
        self.recent_titles = [*self.recent_titles[-7:], title]
        rel = f"{self.count // 1000:03d}/{self.count:06d}-{slug}.{ext}"
        target = self.out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.count += 1
        return rel

    def after(self, day: date, low: int, high: int) -> date:
        return day + timedelta(days=self.rng.randint(low, high))

    # -- levels ------------------------------------------------------------------------------
    def central(self, index: int) -> tuple[GeneratedDoc, DocFacts]:
        rng = self.rng
        kind_word, code, kind = rng.choice(CENTRAL_KINDS)
        body = rng.choice(CENTRAL_BODIES)
        topic = tables.topics()[index % len(tables.topics())]
        issued = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1150))
        # the centre numbers its documents through a term (khóa), not per year: "45-CT/TW" is one
        # document, which is why the resolver identifies a central Party document by number alone
        number = f"{self.numbers.take(code, TERM_START)}-{code}/TW"
        facts = DocFacts(number, kind_word, body, issued, topic)
        central_agencies = list(tables.agencies("central"))
        lead, partner, checker = rng.sample(central_agencies, 3)
        org = "\n".join([
            f"1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương lãnh đạo, chỉ đạo xây dựng kế hoạch thực hiện {kind_word} này; định kỳ hằng năm báo cáo {body}.",
            f"2. Đảng ủy Chính phủ lãnh đạo Chính phủ cụ thể hóa các nhiệm vụ về {topic[2]}; {compose.deadline(rng, issued)[0]}.",
            f"3. {lead} chủ trì, phối hợp với {partner} hướng dẫn, tuyên truyền {kind_word} này.",
            f"4. {checker} chủ trì, phối hợp với Văn phòng Trung ương Đảng theo dõi, kiểm tra, giám sát việc thực hiện; báo cáo {body}.",
        ])
        preamble = (
            f"Căn cứ Điều lệ Đảng và Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư; "
            f"trên cơ sở xem xét báo cáo về tình hình {topic[2]}, {body} {kind_word.lower()} như sau:"
        )
        sign = compose.sign_block(
            ["Nơi nhận:", "- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương (t/h),",
             "- Các ban đảng, ban cán sự đảng, đảng đoàn (để biết),", "- Lưu Văn phòng Trung ương Đảng."],
            [f"T/M {body.upper()}", "", "(Đã ký)", "", compose.person(rng)],
        )
        text = tables.template("central.tpl").substitute(
            number=number, date_words=compose.date_words(issued), kind_upper=kind_word.upper(),
            issuer=body, subject=topic[1], preamble=preamble, topic=topic[2],
            targets=compose.targets(facts, rng),
            tasks=compose.tasks(facts, rng, central_agencies).tasks, org=org, kind_short=kind_word, sign=sign,
        )
        rel = self.write(text, f"{code.lower()}-tw")
        doc = GeneratedDoc(rel, number, kind, "central", "party", body, None, None, issued.isoformat(), (), number)
        return doc, facts

    def party_plan(self, root: DocFacts, province: geo.Province) -> tuple[GeneratedDoc, DocFacts]:
        rng = self.rng
        uy = province.party_word
        issued = self.after(root.issued, 10, 45)
        number = f"{self.numbers.take(uy + province.unit.name, issued.year)}-KH/TU"
        facts = DocFacts(number, "Kế hoạch", f"Ban Thường vụ {uy}", issued, root.topic)
        party = [a.format(uy=uy) for a in tables.agencies("party")]
        prop, office, check = rng.sample(party, 3)
        org = "\n".join([
            f"1. {prop} chủ trì, phối hợp với {office} hướng dẫn quán triệt, tuyên truyền {root.short} và Kế hoạch này; {compose.deadline(rng, issued)[0]}.",
            f"2. Đảng ủy Ủy ban nhân dân {province.unit.level_word} lãnh đạo Ủy ban nhân dân {province.unit.level_word} xây dựng kế hoạch triển khai thực hiện.",
            f"3. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {uy} xây dựng kế hoạch thực hiện; định kỳ 6 tháng báo cáo Ban Thường vụ {uy}.",
            f"4. {check} kiểm tra, giám sát việc thực hiện Kế hoạch này hằng năm.",
        ])
        sign = compose.sign_block(
            ["Nơi nhận:", f"- {root.issuer} (b/c),", "- Văn phòng Trung ương Đảng (b/c),",
             "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc (t/h),", f"- Lưu Văn phòng {uy}."],
            ["T/M BAN THƯỜNG VỤ", rng.choice(("BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC")), "", "(Đã ký)", "",
             compose.person(rng)],
        )
        title = f"{root.ref} về {root.topic[1]}"
        text = tables.template("party_plan.tpl").substitute(
            issuer_upper=f"{uy} {province.unit.name}".upper(), number=number, place=province.unit.name,
            date_words=compose.date_words(issued), parent_title=title, parent_full=title,
            parent_short=root.short, uy=uy, tasks=compose.tasks(facts, rng, party).tasks, org=org, sign=sign,
        )
        rel = self.write(text, "kh-tu")
        doc = GeneratedDoc(rel, number, "plan", "province", "party", f"Ban Thường vụ {uy}", province.unit.name,
                           province.unit.name, issued.isoformat(), (root.number,), root.number)
        return doc, facts

    def state_plan(
        self,
        root: DocFacts,
        parents: list[DocFacts],
        level: str,
        head: tuple[str, str],
        place: str,
        self_name: str,
        issuer_ref: str,
        agencies: list[str],
        report_to: str,
        lower: str | None,
        number_code: str,
        slug: str,
        province: str,
    ) -> tuple[GeneratedDoc, DocFacts]:
        """A State-line plan at any level; ``parents[0]`` is the plan it carries on (or the root)."""
        rng = self.rng
        parent = parents[0]
        issued = self.after(max(p.issued for p in parents), 7, 35)
        number = f"{self.numbers.take(issuer_ref, issued.year)}/KH-{number_code}"
        facts = DocFacts(number, "Kế hoạch", issuer_ref, issued, root.topic)
        if parent is root:
            title = f"Triển khai thực hiện {root.ref} về {root.topic[1]}"
            preamble = f"Thực hiện {root.ref} về {root.topic[1]}"
            preamble += "".join(f"; thực hiện {p.ref} thực hiện {root.short}" for p in parents[1:])
        else:
            title = f"Thực hiện {parent.ref} về triển khai {root.short}"
            preamble = f"Thực hiện {parent.ref} triển khai thực hiện {root.short} về {root.topic[1]}"
        body = compose.tasks(facts, rng, agencies)
        lead, partner, money = rng.sample(agencies, 3)
        items = [
            f"{lead}: Chủ trì, phối hợp với {partner} {compose.duty(rng, root.topic[2])}; định kỳ hằng quý báo cáo {report_to}.",
            f"{money}: Chủ trì, phối hợp với {lead} {compose.duty(rng, root.topic[2])}; {compose.deadline(rng, issued)[0]}.",
        ]
        if lower:
            items.append(f"{lower}: Xây dựng kế hoạch thực hiện tại địa phương, đơn vị; định kỳ 6 tháng báo cáo kết quả về {lead} để tổng hợp.")
        org = "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))
        recipients = ["Nơi nhận:", f"- {parent.issuer} (b/c);"]
        recipients += [f"- {lower} (t/h);"] if lower else []
        recipients += ["- Các cơ quan, đơn vị liên quan (t/h);", "- Lưu: VT."]
        if level == "department":
            signer = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        else:
            signer = ["TM. ỦY BAN NHÂN DÂN", *rng.choice((["CHỦ TỊCH"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]))]
        sign = compose.sign_block(recipients, [*signer, "", "(Đã ký)", "", compose.person(rng)])
        with_table = level in ("province", "department")
        text = tables.template("state_plan.tpl").substitute(
            head_left_1=head[0], head_left_2=head[1], number=number, place=place,
            date_words=compose.date_words(issued), title=title, preamble=preamble, issuer_self=self_name,
            parent_short=parent.short, scope=self_name.replace("Ủy ban nhân dân ", "") if level != "department" else "ngành",
            targets=compose.targets(facts, rng), tasks=body.tasks, org=org, sign=sign,
            appendix=compose.appendix(facts, self_name, body.rows) if with_table else "",
        )
        rel = self.write(text, slug)
        doc = GeneratedDoc(
            rel, number, "plan", level, "state", issuer_ref, place, province, issued.isoformat(),
            tuple(p.number for p in parents), root.number,
        )
        return doc, facts


def generate_corpus(
    documents: int,
    out: Path,
    seed: int = 0,
    never_share: float = 0.15,
    skip_share: float = 0.2,
    shares: Shares | None = None,
) -> Corpus:
    """Write ``documents`` files under ``out`` and return their manifest.

    ``never_share`` of the 34 provinces never issue a plan; each other province skips a given
    directive with probability ``skip_share`` (and so does each district it would cover).
    """
    if documents < 1:
        raise ValueError("documents must be at least 1")
    shares = shares or Shares()
    if shares.docx + shares.md + shares.html > 1:
        raise ValueError("the docx, md and html shares add up to more than 1")
    out.mkdir(parents=True, exist_ok=True)
    gen = _Generator(out, seed, shares)
    provinces = geo.provinces()
    pick = random.Random(seed + 2)
    never = sorted(pick.sample([p.unit.name for p in provinces], round(len(provinces) * never_share)))
    corpus = Corpus(root=out, never=never)
    for doc in _cascades(gen, provinces, set(never), skip_share, corpus):
        corpus.documents.append(doc)
        if len(corpus.documents) >= documents:
            break
    return corpus


def _title(blocks: list[Block]) -> str:
    """The document's title as a portal lists it: its kind heading and the line under it."""
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            after = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].kind != "header" else ""
            return f"{block.text.capitalize()} {after}".strip()
    return "Văn bản"


def _kind_word(blocks: list[Block]) -> str:
    """The kind as a database files it: the title heading in sentence case ("KẾ HOẠCH" -> "Kế hoạch")."""
    heading = next((b.text for b in blocks if b.kind == "heading"), "Văn bản")
    return heading.capitalize()


def _site(blocks: list[Block]) -> str:
    """The issuing body's portal, named from the header's left column ("ỦY BAN NHÂN DÂN" / "TỈNH X")."""
    header = next((b for b in blocks if b.kind == "header"), None)
    lefts = [row[0] for row in header.rows if row and row[0] and row[0].isupper()] if header else []
    return "Cổng thông tin điện tử " + (" ".join(lefts).title() if lefts else "tỉnh")


def _cascades(
    gen: _Generator, provinces: tuple[geo.Province, ...], never: set[str], skip_share: float, corpus: Corpus
) -> Iterator[GeneratedDoc]:
    index = 0
    while True:
        root_doc, root = gen.central(index)
        index += 1
        yield root_doc
        skipped = [p.unit.name for p in provinces if p.unit.name in never or gen.rng.random() < skip_share]
        corpus.missing[root.number] = skipped
        for province in provinces:
            if province.unit.name not in skipped:
                yield from _province(gen, root, province, skip_share)


def _province(gen: _Generator, root: DocFacts, province: geo.Province, skip_share: float) -> Iterator[GeneratedDoc]:
    rng = gen.rng
    cap = province.unit.level_word
    pname = province.unit.name
    party_doc, party = gen.party_plan(root, province)
    yield party_doc
    ubnd = f"Ủy ban nhân dân {cap} {pname}"
    depts = list(tables.departments())
    dept_names = [name for name, _ in depts]
    state_doc, state = gen.state_plan(
        root, [root, party], "province", ("ỦY BAN NHÂN DÂN", province.unit.full.upper()), pname,
        f"Ủy ban nhân dân {cap}", ubnd, dept_names, f"Ủy ban nhân dân {cap}",
        "Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND", "kh-ubnd", pname,
    )
    yield state_doc
    for name, abbr in rng.sample(depts, rng.randint(1, 3)):
        units = list(tables.agencies("department"))
        dept_doc, _ = gen.state_plan(
            root, [state], "department", (f"ỦY BAN NHÂN DÂN {province.unit.full.upper()}", name.upper()), pname,
            name, f"{name} {cap} {pname}", units, "Giám đốc Sở", None, abbr, "kh-so", pname,
        )
        yield dept_doc
    if not province.districts:
        return
    for district in rng.sample(province.districts, min(len(province.districts), rng.randint(2, 4))):
        if rng.random() < skip_share:
            continue
        dunit = district.unit
        units = [a.format(cap=dunit.level_word) for a in tables.agencies("district")]
        district_doc, dstate = gen.state_plan(
            root, [state], "district", ("ỦY BAN NHÂN DÂN", dunit.full.upper()), dunit.name,
            f"Ủy ban nhân dân {dunit.level_word}", f"Ủy ban nhân dân {dunit.full}", units,
            f"Ủy ban nhân dân {dunit.level_word}", "Ủy ban nhân dân các xã, phường, thị trấn", "UBND", "kh-huyen",
            pname,
        )
        yield district_doc
        for commune in rng.sample(district.communes, min(len(district.communes), rng.randint(1, 2))):
            cunits = [a.format(cap=commune.level_word) for a in tables.agencies("commune")]
            commune_doc, _ = gen.state_plan(
                root, [dstate], "commune", ("ỦY BAN NHÂN DÂN", commune.full.upper()), commune.name,
                f"Ủy ban nhân dân {commune.level_word}", f"Ủy ban nhân dân {commune.full}", cunits,
                f"Ủy ban nhân dân {commune.level_word}", None, "UBND", "kh-xa", pname,
            )
            yield commune_doc


def write_manifest(corpus: Corpus, path: Path) -> None:
    """The manifest as JSON lines: one object per document, then one per cascade with its missing provinces."""
    import json
    from dataclasses import asdict

    with path.open("w", encoding="utf-8") as handle:
        for doc in corpus.documents:
            handle.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")
        for root, provinces in corpus.missing.items():
            handle.write(json.dumps({"root": root, "missing_provinces": provinces}, ensure_ascii=False) + "\n")
