"""Strict loading: every shipped checklist validates; each broken file fails with its message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.checklists.loader import (
    ChecklistInvalid,
    check_files,
    checklist_files,
    checklist_from_body,
    load_checklist,
    parse_checklist_text,
)
from fieldapp.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = sorted((DATA / "forms_broken").glob("*.yaml"))
SAMPLE = DATA / "forms_sample.yaml"


def test_every_shipped_checklist_validates() -> None:
    files = checklist_files()
    checklists, problems = check_files(files)
    assert [str(p) for p in problems] == []
    assert len(checklists) == len(files)


def test_shipped_checklists_are_faithful_in_shape() -> None:
    checklists, _ = check_files(checklist_files())
    for checklist in checklists:
        for item in checklist.items:
            assert item.basis, f"{checklist.id} {item.id} has no basis"
            assert item.text.zh.strip() and item.text.en.strip()
            if item.finding is not None:
                assert item.finding.violated.strip() and item.finding.penalty.strip()
                if item.finding.measure != "rectify":
                    assert item.finding.severity == "serious" or item.finding.measure in (
                        "seal",
                        "seize",
                    ), f"{checklist.id} {item.id}: stop-use with a general hazard"


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_fails_with_its_expected_message(path: Path) -> None:
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    where, message = expected.split(": ", 1)
    with pytest.raises(ChecklistInvalid) as caught:
        load_checklist(path)
    found = [(p.where, p.message) for p in caught.value.problems]
    assert any(w == where and message in m for w, m in found), found
    for problem in caught.value.problems:
        assert problem.file == str(path)
        assert problem.line >= 1, "every problem names its line"


def test_there_are_many_broken_examples() -> None:
    assert len(BROKEN) >= 20


def test_forms_check_cli_prints_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "check", str(SAMPLE)]) == 0
    assert "0 个问题 problems" in capsys.readouterr().out
    assert main(["forms", "check", str(DATA / "forms_broken")]) == 1
    out = capsys.readouterr().out.splitlines()
    problem_lines = [line for line in out if re.match(r".+\.yaml:\d+: ", line)]
    assert len(problem_lines) >= len(BROKEN)
    assert out[-1].startswith(f"{len(BROKEN)} 个文件 files, 0 个检查表 checklists")


def test_forms_list_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "list"]) == 0
    out = capsys.readouterr().out
    assert "unit_management" in out and "elevator" in out and "项 items" in out


def test_content_hash_follows_content_not_formatting() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    a = parse_checklist_text(text)
    b = parse_checklist_text(
        text.replace("title: {zh: 基本, en: Basics}", "title:\n      zh: 基本\n      en: Basics")
    )
    c = parse_checklist_text(text.replace("已办理使用登记", "已依法办理使用登记"))
    assert a.content_hash == b.content_hash != c.content_hash
    again = checklist_from_body(a.body)
    assert again.content_hash == a.content_hash
    assert [i.id for i in again.items] == [i.id for i in a.items]


def test_not_utf8_and_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(ChecklistInvalid, match="not UTF-8"):
        load_checklist(bad)
    with pytest.raises(ChecklistInvalid, match="cannot read"):
        load_checklist(tmp_path / "missing.yaml")


def test_two_files_with_one_id(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _, problems = check_files(sorted(tmp_path.glob("*.yaml")))
    assert [p.message for p in problems] == [f"id 'sample' is also used by {tmp_path / 'a.yaml'}"]
