"""The ``fieldapp`` command: exit statuses, messages, and what it leaves behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args], capture_output=True, text=True, timeout=120
    )


def test_version_through_python_m() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"fieldapp {__version__}"


def test_unknown_arguments_print_usage_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--no-such-option"])
    assert caught.value.code == 2
    assert "usage: fieldapp" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_init_info_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "ws")
    assert (
        main(
            [
                "--home",
                home,
                "init",
                "--role",
                "officer",
                "--name",
                "王建国",
                "--law-id",
                "22010019001",
                "--organisation",
                "长春市市场监督管理局",
            ]
        )
        == 0
    )
    assert main(["--home", home, "info"]) == 0
    out = capsys.readouterr().out
    assert "王建国" in out and "22010019001" in out and "units: 0" in out
    assert main(["--home", home, "check"]) == 0
    assert "all checks passed" in capsys.readouterr().out
    # a second init on the same folder is refused, and changes nothing
    assert main(["--home", home, "init", "--role", "supervisor"]) == 1
    assert "already holds a workspace" in capsys.readouterr().err


def test_init_officer_without_profile_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["--home", str(tmp_path / "ws"), "init", "--role", "officer"]) == 2
    assert not (tmp_path / "ws" / "fieldapp.db").exists()


def test_home_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "env-home"))
    assert main(["init", "--role", "supervisor"]) == 0
    assert (tmp_path / "env-home" / "fieldapp.db").exists()


def test_demo_is_made_once_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "demo")
    assert main(["--home", home, "demo", "--role", "officer"]) == 0
    assert "demo workspace ready" in capsys.readouterr().out
    assert main(["--home", home, "demo", "--role", "officer"]) == 0
    assert "left as it is" in capsys.readouterr().out
    assert main(["--home", home, "demo", "--role", "supervisor"]) == 1
    assert main(["--home", home, "info"]) == 0
    assert "演示" in capsys.readouterr().out


def test_not_a_database_exits_1_and_leaves_the_file(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    home.mkdir()
    (home / "fieldapp.db").write_bytes(b"hello, I am a text file\n")
    result = run("--home", str(home), "info")
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr
    assert result.stderr.count("\n") == 1, "one clear line"
    assert (home / "fieldapp.db").read_bytes() == b"hello, I am a text file\n"


def test_check_finds_a_tampered_audit_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    home = tmp_path / "demo"
    assert main(["--home", str(home), "demo"]) == 0
    conn = sqlite3.connect(home / "fieldapp.db")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--home", str(home), "check"]) == 1
    assert "entry 1 was altered" in capsys.readouterr().out
