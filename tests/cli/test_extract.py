"""``dirgraph extract``: JSON on stdout for a file, one JSON per file for a folder, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dirgraph.cli.main import app

DOC = ("KẾ HOẠCH\nthực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị\n-----\n"
       "Thực hiện Kết luận số 91-KL/TW, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:\n"
       "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\nII. NHIỆM VỤ\n1. Đổi mới quản lý giáo dục.\n")


def test_extract_one_file_prints_the_record(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"] == "ke-hoach.txt"
    assert record["document"]["kind"] == "plan"
    assert {"key": "91-KL/TW"}.items() <= record["documents"][0].items()
    assert "Kết luận" in result.stdout  # ensure_ascii=False


def test_missing_and_bad_files_give_one_line_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert "nope.txt" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = runner.invoke(app, ["extract", str(empty)])
    assert bad.exit_code == 1
    assert "empty.txt" in bad.stderr and "Traceback" not in bad.output


def test_folder_run_writes_one_json_per_file_and_goes_past_bad_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(DOC, encoding="utf-8")
    (src / "b.txt").write_text(DOC.replace("91-KL/TW", "92-KL/TW"), encoding="utf-8")
    (src / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 1  # a folder run reports failure when any file failed
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["documents"][0]["key"] == "92-KL/TW"
    assert "failed: 1" in result.stderr and "broken.txt" in result.stderr


def test_folder_without_out_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2 and "--out" in result.stderr
