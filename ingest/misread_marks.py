"""Marks OCR read wrongly, put right from the document's own spelling: "Ủy ban nhân dân huyên",
"Ban Thường vụ Huyển ủy", "Thương binh và Xã họi".

Why: :mod:`.marks` only gives marks to words that lost them; a scan also misreads marks ("ệ" as
"ê" or "ể"), and a misread agency word splits one body into two ("Huyển ủy") or hides a level
("huyên"). The document itself nearly always spells the same pair of words right elsewhere.

How: every pair of neighbouring words is keyed by its letters without marks and its capitals. Where one spelling
of a key is written at least :data:`MIN_SEEN` times and makes up :data:`MIN_SHARE` of the key's
occurrences, a spelling of that key written once is taken for a misreading and spelled the
common way. Pairs of capitalised words are names ("xã Tân Thạnh" beside "Tân Thành") and are
left alone, and so is a spelling written twice or more: that is a word, not an accident. Only
documents that :func:`~.mark_words.looks_damaged` are read so (see :func:`.marks.restore_marks`).
Every letter stays where it was, so spans into the text are unchanged.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from dirgraph.ingest.mark_words import Run, read_runs
from dirgraph.ingest.marks import Restoration

#: How often the common spelling of a pair must be written, and its share of the pair's spellings.
MIN_SEEN = 2
MIN_SHARE = 0.66


def repair_misread(text: str) -> Restoration:
    """``text`` with each once-written misreading of a pair spelled as the document usually does."""
    runs = read_runs(text)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for run in runs:
        for i in range(len(run.words) - 1):
            spellings[_key(run, i)][f"{run.lower[i]} {run.lower[i + 1]}"] += 1
    out = list(text)
    fixed: set[int] = set()
    for run in runs:
        for i in range(len(run.words) - 1):
            if run.caps[i] == "1" and run.caps[i + 1] == "1":
                continue  # a name: two places may differ by a mark only
            forms = spellings[_key(run, i)]
            written = f"{run.lower[i]} {run.lower[i + 1]}"
            usual, seen = forms.most_common(1)[0]
            if usual == written or forms[written] > 1 or seen < MIN_SEEN or seen < MIN_SHARE * sum(forms.values()):
                continue
            for j, (have, want) in enumerate(zip(written.split(" "), usual.split(" "), strict=True), start=i):
                if have != want and run.starts[j] not in fixed:
                    fixed.add(run.starts[j])
                    original = run.words[j]
                    out[run.starts[j]:run.starts[j] + len(want)] = "".join(
                        b.upper() if a.isupper() else b for a, b in zip(original, want, strict=True))
    return Restoration("".join(out), len(fixed)) if fixed else Restoration(text, 0)


def _key(run: Run, i: int) -> str:
    """The pair's letters without marks, and which of its words are capitalised: "hồ sơ công" is
    not "Sở Công Thương", however often the department is named."""
    return f"{run.keys[i]} {run.keys[i + 1]}|{run.caps[i:i + 2]}"
