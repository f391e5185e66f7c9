"""``fieldapp --self-test``: passes on a sound installation; a fault in any part fails it,
naming the part, and the parts after it are skipped."""

from __future__ import annotations

import importlib.metadata as md
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp import selftest
from fieldapp.errors import WorkspaceError
from fieldapp.paths import resource

PART_NAMES = [part.name for part in selftest.PARTS]


def run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    status = selftest.run_self_test(out, err)
    return status, out.getvalue().splitlines(), err.getvalue()


def line_of(lines: list[str], part: str) -> str:
    (found,) = [line for line in lines if line.split()[:1] == [part]]
    return found


@pytest.fixture(autouse=True)
def _private_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The self-test's temporary folder goes inside tmp_path, to see that it is removed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.slow
def test_every_part_passes_and_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, lines, err = run(capsys)
    assert status == 0, "\n".join(lines) + err
    assert lines[0].startswith("fieldapp ")
    for name in PART_NAMES:
        assert " ok " in line_of(lines, name)
    assert "12 checklists" in line_of(lines, "checklists")
    assert "市监特令" in line_of(lines, "notice")
    assert "verified its Ed25519 signature" in line_of(lines, "qr")
    assert lines[-1].startswith("自检通过 / self-test passed")
    assert err == ""
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "xdg-data").exists()  # no user workspace touched


def _workspace_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    from fieldapp.workspace import Workspace

    def refuse(*args: object, **kwargs: object) -> None:
        raise WorkspaceError("无法使用工作区文件夹 / the disk is full")

    monkeypatch.setattr(Workspace, "create", refuse)
    return "the disk is full"


def _checklists_fail(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nversion: 1\n", encoding="utf-8")
    monkeypatch.setattr("fieldapp.checklists.loader.checklist_files", lambda folder=None: [broken])
    return "broken.yaml"


def _notice_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    # the bundled document font is missing, as in a bundle built without resources/fonts
    monkeypatch.setattr(
        "fieldapp.notices.pdf_common.resource", lambda *parts: tmp_path.joinpath(*parts)
    )
    return "FontUnusable"


def _qr_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    # zxing-cpp finds no code on the page
    monkeypatch.setattr("fieldapp.notices.qr.decode_pdf", lambda data, dpi=200: [])
    return "gave 0 QR codes"


def _licences_fail(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    # a bundle that lacks reportlab's metadata
    real = md.distribution

    def distribution(name: str) -> md.Distribution:
        if name.lower() == "reportlab":
            raise md.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr("fieldapp.licences.md.distribution", distribution)
    return "no metadata (so no licence) for reportlab"


def _desktop_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    # a bundle without the compiled translations
    def without_translations(*parts: str) -> Path:
        if parts[:1] == ("translations",):
            return tmp_path.joinpath(*parts)
        return resource(*parts)

    monkeypatch.setattr("fieldapp.gui.self_check.resource", without_translations)
    return "fieldapp_zh_CN.qm is missing"


FAULTS: dict[str, Callable[[pytest.MonkeyPatch, Path], str]] = {
    "workspace": _workspace_fails,
    "checklists": _checklists_fail,
    "notice": _notice_fails,
    "qr": _qr_fails,
    "licences": _licences_fail,
    "desktop": _desktop_fails,
}


def test_every_part_has_a_forced_failure() -> None:
    assert sorted(FAULTS) == sorted(PART_NAMES)


@pytest.mark.slow
@pytest.mark.parametrize("part", PART_NAMES)
def test_a_failing_part_is_named_and_the_rest_skipped(
    part: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = FAULTS[part](monkeypatch, tmp_path)
    status, lines, err = run(capsys)
    assert status == 1
    position = PART_NAMES.index(part)
    for name in PART_NAMES[:position]:
        assert " ok " in line_of(lines, name)
    failed = line_of(lines, part)
    assert "FAILED" in failed
    assert expected in failed + err
    for name in PART_NAMES[position + 1 :]:
        assert line_of(lines, name).endswith("skipped")
    assert lines[-1].startswith("自检未通过")
    assert f"self-test FAILED in part '{part}'" in lines[-1]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_bug_in_a_part_is_reported_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(ctx: selftest.Context) -> str:
        raise KeyError("boom")

    parts = (selftest.Part("bug", "故障", bug), *selftest.PARTS)
    monkeypatch.setattr(selftest, "PARTS", parts)
    status, lines, err = run(capsys)
    assert status == 1
    assert "FAILED" in line_of(lines, "bug") and "KeyError" in line_of(lines, "bug")
    assert "Traceback" in err
    assert "self-test FAILED in part 'bug'" in lines[-1]


@pytest.mark.slow
def test_the_command_runs_the_self_test(tmp_path: Path, _private_tmp: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(_private_tmp)}
    result = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--self-test"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert list(_private_tmp.iterdir()) == []


def test_self_test_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--self-test", "info"])
    assert stop.value.code == 2
    assert "--self-test takes no command" in capsys.readouterr().err
