"""The workspace folder: where it is, how it is made, one process at a time, bad folders."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp import workflow
from fieldapp.domain.codes import make_credit_code
from fieldapp.domain.models import Role, Unit
from fieldapp.errors import DiskFull, ValidationError, WorkspaceError, WorkspaceLocked
from fieldapp.home import is_workspace, resolve_home
from fieldapp.store import registry as reg
from fieldapp.workspace import OfficerProfile, Workspace
from tests.conftest import PROFILE


def test_home_comes_from_option_then_environment_then_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "from-env"))
    assert resolve_home(tmp_path / "from-option") == tmp_path / "from-option"
    assert resolve_home(None) == tmp_path / "from-env"
    monkeypatch.delenv("FIELDAPP_HOME")
    default = resolve_home(None)
    assert default.name == "fieldapp"
    assert str(tmp_path) in str(default), "the platform folder follows XDG_DATA_HOME/HOME"


def test_create_officer_workspace(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    with Workspace.create(home, Role.OFFICER, PROFILE) as ws:
        assert ws.role is Role.OFFICER
        assert ws.officer is not None and ws.officer.law_id == PROFILE.law_id
        assert ws.officer.officer_code == "A07"
        assert not ws.is_demo
        assert ws.store.actor == "王建国（22010019001）"
        assert len(ws.device_id) == 36
    for folder in ("attachments", "keys", "notices", "exports", "backups", "logs"):
        assert (home / folder).is_dir()
    assert is_workspace(home)
    with Workspace.open(home) as again:
        assert again.officer == ws.officer
    assert "opened workspace" in (home / "logs" / "fieldapp.log").read_text(encoding="utf-8")


def test_supervisor_workspace_has_no_officer(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "sup", Role.SUPERVISOR) as ws:
        assert ws.role is Role.SUPERVISOR and ws.officer is None


def test_officer_needs_a_valid_profile(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError):
        Workspace.create(tmp_path / "a", Role.OFFICER, None)
    with pytest.raises(ValidationError) as caught:
        Workspace.create(tmp_path / "b", Role.OFFICER, OfficerProfile("", "", "", ""))
    assert set(caught.value.problems) == {"name", "law_id"}
    assert not is_workspace(tmp_path / "b")


def test_cannot_create_over_an_existing_workspace(officer_ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="already holds"):
        Workspace.create(officer_ws.home, Role.SUPERVISOR)


def test_opening_an_empty_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="fieldapp init"):
        Workspace.open(tmp_path / "nothing-here")


def test_second_open_in_this_process_is_refused(officer_ws: Workspace) -> None:
    with pytest.raises(WorkspaceLocked, match="in use by another fieldapp process"):
        Workspace.open(officer_ws.home)


def test_second_process_gets_a_clear_message(officer_ws: Workspace) -> None:
    script = textwrap.dedent(f"""
        from pathlib import Path
        from fieldapp.workspace import Workspace
        from fieldapp.errors import WorkspaceLocked
        try:
            Workspace.open(Path({str(officer_ws.home)!r}))
        except WorkspaceLocked as err:
            print(err)
            raise SystemExit(7)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 7, result.stderr
    assert "正被另一个 fieldapp 进程使用" in result.stdout
    import os

    assert f"PID {os.getpid()}" in result.stdout


def test_lock_is_released_on_close(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    Workspace.create(home, Role.SUPERVISOR).close()
    with Workspace.open(home):
        pass
    Workspace.open(home).close()


@pytest.mark.parametrize(
    "code,words",
    [(errno.EACCES, "read-only"), (errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")],
)
def test_unusable_folder_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(code, "refused")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(WorkspaceError, match=words) as caught:
        Workspace.create(tmp_path / "ws", Role.SUPERVISOR)
    assert "--home" in str(caught.value)


def _unit(i: int) -> Unit:
    return Unit(
        id="",
        name=f"测试单位{i}",
        credit_code=make_credit_code(f"91220102MA{i:07d}"),
        address="长春市南关区" + "很长的地址" * 20,
        district_code="220102",
    )


def test_full_disk_refuses_the_action_and_keeps_what_was_saved(officer_ws: Workspace) -> None:
    store = officer_ws.store
    workflow.add_unit(store, _unit(0))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
    saved = 1
    with pytest.raises(DiskFull, match="disk is full"):
        for i in range(1, 500):
            workflow.add_unit(store, _unit(i))
            saved += 1
    with store.reading() as db:
        assert reg.count_units(db) == saved
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    from fieldapp.store.audit import verify_audit_chain

    assert verify_audit_chain(store.db) == []
