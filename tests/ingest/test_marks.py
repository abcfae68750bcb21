"""Lost tone marks put back before extraction (ingest/marks.py)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dirgraph.core.text import strip_diacritics
from dirgraph.ingest.marks import (
    bare,
    is_open,
    is_weaker,
    looks_damaged,
    restore_marks,
    table_vocabulary,
    word_table,
)
from dirgraph.ingest.readers import read_file
from dirgraph.ingest.tables import load_table

#: Two evidence words ("các", "của" without marks): what makes a text read as damaged.
DAMAGED = "Ý kiến cua các cấp, cac ngành.\n"


def restored(text: str) -> str:
    return restore_marks(text).text


def test_a_clean_text_comes_back_unchanged() -> None:
    text = "Sở Tài chính chủ trì, phối hợp với các sở, ngành trong các nhiệm vụ được giao."
    assert looks_damaged(text) is False
    assert restore_marks(text).text is text
    assert restore_marks(text).words == 0


def test_a_word_damaged_once_takes_the_documents_own_spelling() -> None:
    text = (DAMAGED + "1. Sở Tài chính chủ trì thẩm định kinh phí.\n"
            "2. Sở Tài chinh chu tri, phối hợp với Sở Nội vụ.\n"
            "3. Sở Tài chính phối hợp với Sở Nội vụ.\n")
    out = restored(text)
    assert "2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ." in out


def test_the_most_marked_spelling_wins_over_a_commoner_damaged_one() -> None:
    """A repeated table row left "Giáo duc" three times and "Giáo dục" twice: damage only removes marks."""
    rows = "| Sở Giáo duc và Đào tạo |\n" * 3 + "| Sở Giáo dục và Đào tạo |\n" * 2
    out = restored(DAMAGED + rows)
    assert "Giáo duc" not in out
    assert out.count("Sở Giáo dục và Đào tạo") == 5


def test_a_common_bare_word_keeps_its_usual_spelling() -> None:
    """"trong các" (in the) is written so; one "tôn trọng các" must not turn every "trong" into "trọng"."""
    text = DAMAGED + "Tôn trọng các ý kiến.\n" + "Thực hiện trong các trường.\n" * 3 + "Trong cac xã.\n"
    out = restored(text)
    assert "Tôn trọng các ý kiến." in out
    assert out.count("trong các trường") == 3
    assert "Trong các xã." in out


def test_a_fully_bare_header_is_read_from_the_tables_and_the_gazetteer() -> None:
    text = "UY BAN NHAN DAN\nTINH NGHE AN\nSo: 12/KH-UBND\nKE HOACH\nthuc hien Ket luan cua Bo Chinh tri\n" + DAMAGED
    out = restored(text)
    assert out.startswith("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n")
    assert "KẾ HOẠCH\nthực hiện Kết luận của Bộ Chính trị" in out


def test_a_place_name_only_matches_capitalised_words() -> None:
    """The gazetteer's names are names: "Hải Phòng" for "Hai Phong", never for "hai phong" (two rooms)."""
    out = restored(DAMAGED + "Thành phố Hai Phong có hai phong, ba phòng.\n")
    assert "Thành phố Hải Phòng có hai phong, ba phòng." in out


def test_a_capitalised_bare_word_is_never_restored_alone() -> None:
    out = restored(DAMAGED + "Tỉnh Sơn La la địa phương đầu tiên.\n")
    assert "Tỉnh Sơn La là địa phương đầu tiên." in out


def test_a_stretch_two_places_spell_differently_is_left_alone() -> None:
    vocabulary = table_vocabulary()
    assert vocabulary.places.get("tan thanh", "absent") is None  # Tân Thành, Tân Thạnh


def test_a_piece_cut_at_a_common_word_is_not_learnt() -> None:
    """"Nhiệm vụ trọng tâm" must not teach "nhiệm vụ trọng", which misreads "nhiệm vụ trong nghị quyết"."""
    out = restored(DAMAGED + "Các nhiem vu trong nghị quyết được giao.\n")
    assert "nhiệm vụ trong nghị quyết" in out


def test_the_reader_restores_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text("KẾ HOẠCH\n" + DAMAGED + "Sở Tài chinh chu tri thực hiện.\n", encoding="utf-8")
    doc = read_file(path)
    assert "Sở Tài chính chủ trì thực hiện." in doc.text
    assert any(w.startswith("restored lost tone marks on ") for w in doc.warnings)
    assert "Sở Tài chinh chu tri" in doc.raw_text  # the original stays for display


@pytest.mark.parametrize(("intact", "use"), [row[:2] for row in load_table("restore_words.tsv")])
def test_each_restore_words_entry_works(intact: str, use: str) -> None:
    key = bare(intact)
    restore, evidence, common = word_table()
    if use == "restore":
        assert restored(DAMAGED + f"một {key} hai\n").endswith(f"một {intact} hai\n")
    if use in ("restore", "evidence"):
        assert looks_damaged(f"{key} và {key}")
        assert not looks_damaged(f"{key.capitalize()} và {key.upper()}")  # names begin so: "La Pán Tẩn"
        assert key not in common
    if use == "word":
        assert key not in evidence and key not in restore
        assert restored(DAMAGED + f"một {key} hai\n").endswith(f"một {key} hai\n")


def _genre_runs() -> list[str]:
    runs = []
    for (phrase,) in load_table("genre_phrases.tsv"):
        for piece in phrase.replace(" - ", ",").split(","):
            if len(piece.split()) >= 2:
                runs.append(piece.strip())
    return runs


@pytest.mark.parametrize("phrase", _genre_runs())
def test_each_genre_phrase_is_restored_from_its_bare_form(phrase: str) -> None:
    text = DAMAGED + strip_diacritics(phrase) + "\n"
    assert restored(text).endswith(phrase + "\n")


_VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđAĐ àáảãạằắẳẵặầấẩẫậềếểễệìíỉĩịòóỏõọốồổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ,.\n")),
                      max_size=200)


@settings(max_examples=200, deadline=None)
@given(_VIETNAMESE)
def test_restoring_only_adds_marks_to_open_words_and_keeps_every_offset(body: str) -> None:
    text = unicodedata.normalize("NFC", DAMAGED + body)
    out = restored(text)
    assert len(out) == len(text)
    words = re.compile(r"[^\W\d_]+")
    for a, b in zip(words.findall(text), words.findall(out), strict=True):
        assert a == b or (is_open(a) and is_weaker(a, b.lower()) and strip_diacritics(b) == strip_diacritics(a))


def test_a_word_that_lost_only_its_tone_is_restored() -> None:
    text = (DAMAGED + "Hội đông nhân dân xã giám sát.\n"
            "Thực hiện Kết luận của Bộ Chính trị.\nKết luận của Bô Chính trị nêu rõ.\n"
            "Việc này đươc giao, nhưng chưa làm.\n")
    out = restored(text)
    assert "Hội đồng nhân dân xã giám sát." in out  # a table's stretch of three words or more
    assert "Kết luận của Bộ Chính trị nêu rõ." in out  # the document's own spelling
    assert "được giao, nhưng chưa" in out  # "đươc" is listed; "nhưng" is a word


def test_occurrences_as_damaged_as_the_one_read_confirm_nothing() -> None:
    """Both "Lâm Đồng" lost a mark: their agreement is no evidence, and the gazetteer knows the name."""
    out = restored(DAMAGED + "Tỉnh ủy Lam Đồng chỉ đạo.\nỦy ban nhân dân tỉnh Lam Đồng thực hiện.\n")
    assert out.count("Lâm Đồng") == 2


def test_a_lone_word_takes_the_documents_spelling_unless_written_bare_throughout() -> None:
    text = (DAMAGED + "Các sở, ngành phối hợp.\nSở Tài chính và các ngành.\nCác sở, nganh, địa phương.\n"
            "Theo quy định.\nĐúng quy định, quy trình.\nQuỹ đất, quy hoạch.\n")
    out = restored(text)
    assert "Các sở, ngành, địa phương." in out
    assert "Đúng quy định, quy trình." in out  # one "quỹ" does not make "quy" damaged


def test_surely_damaged_is_the_rule_of_checked_syllables() -> None:
    from dirgraph.ingest.marks import surely_damaged

    assert all(surely_damaged(w) for w in ("hoach", "quyet", "duoc", "tiep", "Ket"))
    assert not any(surely_damaged(w) for w in ("quy", "thao", "nganh", "dân", "hoạch"))


def test_copies_that_lost_marks_back_the_spelling_they_came_from() -> None:
    """"Tuôi thọ" twice (its tone lost) beside "tuổi" twice: all four are "tuổi", so a lone "tuoi"
    after a number is restored although no single spelling has four fifths of them."""
    text = (DAMAGED + "- Tuôi thọ trung bình đạt 74 tuổi.\n- Trẻ em dưới 5 tuổi.\n"
            "- Tuôi thọ khỏe mạnh tăng.\n- Mục tiêu đến năm 2030: đạt 75 tuoi.\n")
    assert "đạt 75 tuổi." in restored(text)


def test_a_pair_whose_other_word_kept_its_tone_takes_the_tables_spelling() -> None:
    """"Đê nghị" (the tone of "Đề" lost) beside the intact "nghị" is the cue "Đề nghị"; a pair of
    open words ("phuong an") is not read from the tables alone."""
    out = restored(DAMAGED + "6. Đê nghị Sở Tài chính phối hợp thực hiện.\n")
    assert "6. Đề nghị Sở Tài chính phối hợp thực hiện." in out


def test_one_bare_checked_syllable_of_the_genre_is_evidence_enough() -> None:
    """A PDF's text layer may damage only a few words of a page ("Giáo duc", "phôi hợp", blind set 4):
    a bare syllable ending in p, t, c or ch that the tables' phrases hold is proof alone; words of
    other languages ending so ("internet", "chip", "startup") are not."""
    assert looks_damaged("Kế hoạch của ngành Giáo duc tỉnh năm học 2024 - 2025.")
    assert not looks_damaged("Phát triển internet, chip bán dẫn và startup công nghệ số.")
    assert restored("Ngành Giáo duc chủ trì, phôi hợp với Sở Y tế.") == "Ngành Giáo dục chủ trì, phối hợp với Sở Y tế."
