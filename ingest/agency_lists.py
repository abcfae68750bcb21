"""Agency lists and mentions: "Sở Nội vụ, Sở Tài chính và các cơ quan liên quan" -> three agencies.

Assignment clauses name agencies in comma/"và" lists, and a comma also separates the members of
one plural group ("các sở, ban, ngành", "Ủy ban nhân dân các quận, huyện"). A piece that does not
start a new agency (no head word, no "các …") continues the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dirgraph.ingest.agency_tables import abbreviations, central_bodies, department_fields, heads
from dirgraph.ingest.agency_text import match_key
from dirgraph.ingest.body.textform import UPPER

_SEPARATORS = re.compile(r"\s*(?:,|;|\s+và\s+|\s+cùng\s+|\s+với\s+|\s+&\s+)\s*")
# Nouns of plural groups ("các sở, ban, ngành", "các cơ quan, đơn vị liên quan").
_GROUP_HEAD = re.compile(r"^(các|những|mọi|toàn thể)\s", re.IGNORECASE)


@dataclass(frozen=True)
class AgencyMention:
    """An agency name found in a sentence: ``text[start:end] == raw``."""

    start: int
    end: int
    raw: str


@lru_cache(maxsize=1)
def _proper_heads() -> frozenset[str]:
    """Heads that start a name only written with a capital and before a capitalised word."""
    return frozenset(h.words for h in heads() if h.proper)


@lru_cache(maxsize=1)
def _head_keys() -> tuple[str, ...]:
    keys = {match_key(h.words) for h in heads() if not h.proper}  # "ban" of "sở, ban, ngành" is no head
    head_keys = tuple(keys)
    keys |= {match_key(abbr) for abbr, exp in abbreviations() if match_key(exp).startswith(head_keys)}
    keys |= {match_key(name.split()[0] + " " + name.split()[1]) for name in central_bodies()
             if len(name.split()) > 1}
    keys |= {"thủ trưởng", "giám đốc", "chủ tịch", "bí thư", "cấp ủy", "chính quyền", "tổ chức",
             "chi ủy", "hiệu trưởng", "lãnh đạo", "trưởng", "phó", "đồng chí", "đ/c", "ủy viên",
             "đài",  # "Đài Phát thanh và Truyền hình …": its "và" splits it, so its first piece must start one
             # a ministry's unit heads ("Chánh Văn phòng Bộ, Chánh Thanh tra Bộ, Vụ trưởng các Vụ")
             "chánh văn phòng", "chánh thanh tra", "vụ trưởng", "cục trưởng", "viện trưởng", "bộ trưởng"}
    return tuple(sorted(keys, key=len, reverse=True))


def _starts_agency(piece: str) -> bool:
    key = match_key(piece)
    if _GROUP_HEAD.match(piece):
        return True
    words = piece.split()
    if len(words) >= 2 and words[0] in _proper_heads() and words[1][:1].isupper():
        return True  # "Ban Gia đình - Xã hội", "Vụ Pháp chế": a capitalised head before a name
    if not key.startswith(_head_keys()):  # one C-level test rules out most pieces
        return False
    return any(key.startswith(h) and (len(key) == len(h) or not key[len(h)].isalnum()) for h in _head_keys())


def split_agency_list(text: str) -> list[str]:
    """Split a list of agencies on commas, ";" and "và", keeping plural groups whole; a party
    committee closing a list of its departments is given to each ("Ban Tuyên giáo, Ban Tổ chức
    Tỉnh ủy" -> "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy").

    >>> split_agency_list("Sở Nội vụ, Sở Tài chính, UBND các quận, huyện và các cơ quan liên quan")
    ['Sở Nội vụ', 'Sở Tài chính', 'UBND các quận, huyện', 'các cơ quan liên quan']
    """
    items: list[str] = []
    pos = 0
    joiners: list[str] = []
    pieces: list[str] = []
    for m in _SEPARATORS.finditer(text):
        pieces.append(text[pos : m.start()])
        joiners.append(m.group(0))
        pos = m.end()
    pieces.append(text[pos:])
    for i, piece in enumerate(pieces):
        piece = piece.strip(" .:-–")
        if not piece:
            continue
        if items and (not _starts_agency(piece) or _continues_group(items[-1], piece)):
            items[-1] = items[-1] + joiners[i - 1].rstrip() + " " + piece if joiners[i - 1].strip() in {",", ";"} \
                else items[-1] + joiners[i - 1] + piece
            continue
        items.append(piece)
    return _share_committee([part for item in items for part in share_head(" ".join(item.split()))])


_COMMITTEE_TAIL = re.compile(r"\s(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)$")
_PARTY_DEPARTMENT = re.compile(r"^(?:Ban|Văn phòng|Ủy ban Kiểm tra)\s")


def _share_committee(items: list[str]) -> list[str]:
    """"Ban Tuyên giáo, Ban Tổ chức Tỉnh ủy": the committee closing the list belongs to each
    department before it ("Ban Tuyên giáo Tỉnh ủy")."""
    out = list(items)
    for i in range(len(out) - 1, -1, -1):
        tail = _COMMITTEE_TAIL.search(out[i])
        if tail is None or not _PARTY_DEPARTMENT.match(out[i]):
            continue
        j = i - 1
        while j >= 0 and _PARTY_DEPARTMENT.match(out[j]) and not _COMMITTEE_TAIL.search(out[j]) \
                and not _BODY_WORDS.search(out[j]):
            out[j] = f"{out[j]} {tail.group(1)}"
            j -= 1
    return out


def _continues_group(previous: str, piece: str) -> bool:
    """A lower-case noun after a plural group belongs to it: "các sở, ban, ngành", "Các quận ủy,
    huyện ủy, ban cán sự đảng". Named agencies are capitalised; a new "các …" starts a new group."""
    if not is_plural(previous) or _GROUP_HEAD.match(piece):
        return False
    return piece[:1].islower()


_PLURAL = re.compile(r"(?<!\w)(các|những)(?!\w)", re.IGNORECASE)
_TRAILING_LINK = re.compile(r"(?:\s+(?:và|các|cùng)(?:\s+(?:tỉnh|thành phố|huyện|quận|xã|phường|thị trấn))?)+$")
_NEXT_WORD = re.compile(r"[ \t]+(\S)")
_COMMA_LOWER = re.compile(r",\s*[a-zđ]")
_PLURAL_END = re.compile(r"(?:các|những)$")
_FIELD_SEP = re.compile(r"\s*(?:,|và\s|$)")
_FIELD_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)?")
_BODY_WORDS = re.compile(r"Ủy ban nhân dân|Hội đồng nhân dân|Mặt trận|Trung ương")


def is_plural(text: str) -> bool:
    return bool(_PLURAL.search(text))


# Words that end an agency name in running text: the clause's verbs and connectives. Matched
# case-sensitively: "Ban Chỉ đạo" and "Ủy ban Kiểm tra" are names, "chỉ đạo", "kiểm tra" are verbs.
_STOP = re.compile(
    r"\s(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|tổ chức|xây dựng(?! [Đđ]ảng)|"
    r"theo dõi|hướng dẫn|báo cáo|tham mưu|chỉ đạo|giám sát|kiểm tra|đôn đốc|căn cứ|ban hành|"
    r"tăng cường|nghiên cứu|rà soát|để|trong|về|theo|tại|nhằm|đảm bảo|bảo đảm|tiếp tục|quán triệt|"
    r"lãnh đạo|định kỳ|thường xuyên|làm|là|tuyên truyền|vận động|phổ biến|tập trung|tham gia|hỗ trợ|"
    r"bố trí|đề xuất|tổng hợp|phát huy|nâng cao|đẩy mạnh|chủ động|khẩn trương|cụ thể hóa|phân công|"
    r"quan tâm|có|được|sẽ|cần|phải|đã|đang|nghiêm túc|kịp thời|tích cực|gắn|đưa|lồng ghép|xác định|"
    r"đánh giá|sơ kết|tổng kết|cung cấp|giao|yêu cầu|đề nghị|trình|thẩm định|cân đối|ưu tiên|"
    r"từ|đến|năm|ngày|số|thông qua|cho|của(?! (?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|tỉnh|huyện))|với|trước|sau|khi|thì|mà|nhưng|như|hoặc|kết quả|"
    r"tình hình|nội dung|công tác|việc|đối với|hằng|hàng|trên|quy định|đáp ứng|góp phần|kết hợp|"
    r"nắm bắt|phát hiện|bám sát|nhà nước|Nhà nước|Kế hoạch|Nghị quyết|Kết luận|Chỉ thị|Quyết định|Thông tư|"
    r"Hướng dẫn|Công văn|Thông báo|Chương trình|Đề án|Hàng năm|Hằng năm|Hàng quý|Hằng quý|Quý|Năm|"
    r"Tháng|Thường xuyên|Hoàn thành|Trước|Giai đoạn|Các|Những)(?!\w)",
)
_LEVEL_NEXT = re.compile(r"\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|các|cấp|Tỉnh|Thành phố)(?!\w)")
_BREAK = re.compile(r"[;:.()\"“”]|\s[-–]\s|\n\s*(?:\n|[-+•*]|\d+[.)]|[IVX]+[.-]|[a-zđ][.)])")
_FIELD_CONTINUATION = re.compile(rf"^[{UPPER}][^,;]{{0,40}}?\svà\s[{UPPER}]")


@lru_cache(maxsize=1)
def _mention_start() -> tuple[re.Pattern[str], frozenset[str], dict[str, re.Pattern[str]]]:
    """One pattern for every way an agency name starts; the heads that need a name after them; the
    context an abbreviation needs after it ("TT" is "Thường trực" only before a committee)."""
    from dirgraph.ingest.agency_tables import abbreviation_rows

    needs = frozenset(h.words for h in heads() if h.needs_name)
    head_keys = tuple(match_key(h.words) for h in heads())
    abbrevs = [a for a in abbreviation_rows()
               if a.short.isupper() and match_key(a.expansion).startswith(head_keys)]
    contexts = {a.short: re.compile(a.context) for a in abbrevs if a.context}
    need_keys = {match_key(w) for w in needs}
    needs |= {a.short for a in abbrevs if match_key(a.expansion) in need_keys}  # "VP" like "Văn phòng"
    multi = {h.words for h in heads() if " " in h.words} | {"Bộ Chính trị", "Ban Bí thư", "Chính phủ",
                                                             "Thủ tướng Chính phủ", "Quốc hội"}
    single = {h.words for h in heads() if " " not in h.words} | {a.short for a in abbrevs}
    # multi-word heads in any case ("Ủy ban Nhân dân"), one-word heads and abbreviations as written
    alternatives = "|".join(
        [f"(?i:{re.escape(w)})" for w in sorted(multi, key=len, reverse=True)]
        + [re.escape(w) for w in sorted(single, key=len, reverse=True)]
    )
    groups = (r"[Cc]ác\s+(?:sở|ban|ngành|cơ quan|đơn vị|tổ chức|đoàn thể|địa phương|xã|phường|huyện|quận|"
              r"phòng|trường|chi bộ|chi|đảng bộ|đảng ủy|cấp ủy|Ban|Sở)")
    return re.compile(rf"(?<![\w/-])(?:{groups}|{alternatives})(?![\w/-])"), needs, contexts


def find_agency_mentions(text: str) -> list[AgencyMention]:
    """Agency names in a sentence, each extended to the end of its name.

    A name starts at a head word ("Sở", "Ban Tuyên giáo", "Ủy ban nhân dân", "Công an", "các cơ
    quan" …) and runs until a verb of the clause ("chủ trì", "phối hợp", "thực hiện" …), a
    separator followed by a new agency, or the end of the clause (";", ".", ":", a new bullet).
    A head that needs a name ("Sở", "Công an") counts only with a capitalised word or a level word
    after it.
    """
    mentions: list[AgencyMention] = []
    pos = 0
    pattern, needs, contexts = _mention_start()
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        context = contexts.get(m.group(0))
        if (m.group(0) in needs and not _named_after(text, m.end())) or (
                context is not None and not context.match(text, m.end())):
            pos = m.end()
            continue
        end = _name_end(text, m.end())
        raw = text[start:end].rstrip(" ,&")
        raw = _TRAILING_LINK.sub("", raw)
        mentions.append(AgencyMention(start, start + len(raw), raw))
        pos = max(start + len(raw), m.end())
    return mentions


def _named_after(text: str, pos: int) -> bool:
    nxt = _NEXT_WORD.match(text, pos)
    if nxt and (nxt.group(1).isupper() or nxt.group(1).isdigit()):
        return True
    return bool(_LEVEL_NEXT.match(text, pos) or _COMMA_LOWER.match(text, pos))


def _name_end(text: str, pos: int) -> int:
    """End of an agency name whose head ends at ``pos``."""
    brk = _BREAK.search(text, pos)
    clause_end = len(text)
    while brk is not None:
        segment = text[max(pos - 12, 0) : brk.start()]
        if brk.group(0).strip() in {"-", "–"} and segment.endswith("chính trị"):
            brk = _BREAK.search(text, brk.end())  # "chính trị - xã hội" is one word
            continue
        clause_end = brk.start()
        break
    end = clause_end
    for stop in _STOP.finditer(text, pos, clause_end):
        before = text[max(pos, stop.start() - 6) : stop.start()]
        if _PLURAL_END.search(before):
            continue  # "các tổ chức" is a group noun, not the verb
        end = stop.start()
        break
    for sep in _SEPARATORS.finditer(text, pos, end):
        rest = text[sep.end() : clause_end]
        if not rest:
            break
        if _starts_agency(rest) and not _continues_group(text[:sep.start()], rest):
            return sep.start()
        if sep.group(0).strip() == "," and rest[:1].isupper() and not _FIELD_CONTINUATION.match(rest):
            return sep.start()  # "Bộ Chính trị, Kế hoạch …": a capitalised non-field after a comma
    return end


_FIELD_HEAD = re.compile(r"^(Sở|Phòng|Bộ)\s+(.+)$")


@lru_cache(maxsize=1)
def _field_keys() -> dict[str, str]:
    """match key → department field, built once (share_head runs for every mention)."""
    return {match_key(f): f for f in department_fields()}


def share_head(name: str) -> list[str]:
    """"Sở Nội vụ, Tài chính và Y tế" -> "Sở Nội vụ", "Sở Tài chính", "Sở Y tế": one head shared
    by a list of department fields, each a whole field of department_fields.tsv; otherwise the
    name unchanged ("Sở Văn hóa, Thể thao và Du lịch" is one field)."""
    m = _FIELD_HEAD.match(name)
    if m is None:
        return [name]
    head, rest = m.group(1), m.group(2)
    fields = _field_keys()
    if match_key(rest) in fields:
        return [name]
    pieces: list[str] = []
    pos = 0
    keys = sorted(fields, key=len, reverse=True)
    low = match_key(rest)
    if len(low) != len(rest):
        return [name]
    while pos < len(rest):
        hit = next((k for k in keys if low.startswith(k, pos) and _FIELD_SEP.match(low, pos + len(k))), None)
        if hit is None:
            return [name]
        pieces.append(rest[pos : pos + len(hit)])
        pos += len(hit)
        sep = _FIELD_GAP.match(rest, pos)  # always matches (everything in it is optional)
        pos = sep.end() if sep else pos
    return [f"{head} {piece}" for piece in pieces] if len(pieces) > 1 else [name]
