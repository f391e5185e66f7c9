"""The supervisor demo: the small one every view shows, and the province generator at a
tiny scale (the province itself takes minutes and lives in bench/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import demo_supervisor
from fieldapp.cli import main
from fieldapp.demo import build_demo
from fieldapp.domain.models import Role
from fieldapp.notices.qr import verify_payload
from fieldapp.reports import (
    Filters,
    ListKind,
    count_rows,
    dashboard,
    holds_in_force,
    open_notices,
)
from fieldapp.store.audit import verify_audit_chain
from fieldapp.store.keys import trusted_keys
from fieldapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    home = tmp_path_factory.mktemp("supervisor-demo") / "home"
    summary = build_demo(home, Role.SUPERVISOR, today=TODAY)
    assert (summary.inspections, summary.units) == (260, 47)
    ws = Workspace.open(home)
    yield ws
    ws.close()


def scalar(ws: Workspace, sql: str) -> int:
    return int(ws.store.db.execute(sql).fetchone()[0])


def test_small_demo_has_something_for_every_view(small_demo: Workspace) -> None:
    ws, db = small_demo, small_demo.store.db
    assert ws.is_demo and ws.role is Role.SUPERVISOR
    assert scalar(ws, "SELECT COUNT(DISTINCT created_by) FROM inspections") >= 10
    assert scalar(ws, "SELECT COUNT(DISTINCT substr(started_at, 1, 4)) FROM inspections") == 4
    states = {s for (s,) in db.execute("SELECT DISTINCT state FROM notices")}
    assert states == {"issued", "escalated", "closed"}
    assert {k for (k,) in db.execute("SELECT DISTINCT kind FROM notices")} >= {"order", "seal"}
    open_now = open_notices(db, Filters(), TODAY)
    assert any(n.overdue for n in open_now) and any(not n.overdue for n in open_now)
    assert holds_in_force(db, Filters(), TODAY)
    assert scalar(ws, "SELECT COUNT(*) FROM reinspections WHERE outcome = 'escalated'") > 0
    assert scalar(ws, "SELECT COUNT(*) FROM findings WHERE dropped = 1") > 0
    for kind in ListKind:
        assert count_rows(db, kind, Filters(), TODAY) > 0, kind
    board = dashboard(db, Filters(), TODAY)
    assert sum(m.inspections for m in board.per_month) > 20
    assert len(board.top_items) == 10 and len(board.by_class) >= 5
    assert board.on_time.share is not None and 0 < board.on_time.share < 1
    assert len(board.coverage.cities) == 9


def test_small_demo_has_photos_signatures_and_documents(small_demo: Workspace) -> None:
    ws = small_demo
    assert scalar(ws, "SELECT COUNT(*) FROM answer_photos") > 50
    assert scalar(ws, "SELECT COUNT(*) FROM signatures") >= 2 * 260
    with_pdf = ws.store.db.execute(
        "SELECT n.payload, a.sha256 FROM notices n JOIN attachments a ON a.sha256 = n.pdf_sha256"
    ).fetchall()
    assert len(with_pdf) == 16
    assert scalar(ws, "SELECT COUNT(*) FROM documents WHERE kind = 'record'") >= 10
    for _payload, sha in with_pdf:
        assert ws.attachments.read_bytes(sha).startswith(b"%PDF")
    keys = {k: t.public_key for k, t in trusted_keys(ws.store.db).items()}
    for (payload,) in ws.store.db.execute("SELECT payload FROM notices LIMIT 40"):
        assert verify_payload(payload, keys).valid  # signed by the issuing officer's key


def test_small_demo_is_consistent(small_demo: Workspace) -> None:
    db = small_demo.store.db
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert verify_audit_chain(db) == []
    assert scalar(small_demo, "SELECT COUNT(*) FROM inspections WHERE locked = 0") == 0
    findings = scalar(small_demo, "SELECT COUNT(*) FROM findings")
    assert scalar(small_demo, "SELECT COUNT(*) FROM search_docs WHERE kind = 'finding'") == findings
    # an inspection's state follows its notices
    assert (
        scalar(
            small_demo,
            """
        SELECT COUNT(*) FROM inspections i WHERE state = 'closed' AND EXISTS (
            SELECT 1 FROM notices x WHERE x.inspection_id = i.id AND x.state != 'closed')
    """,
        )
        == 0
    )
    assert (
        scalar(
            small_demo,
            """
        SELECT COUNT(*) FROM inspections i WHERE state = 'finished' AND EXISTS (
            SELECT 1 FROM notices x WHERE x.inspection_id = i.id)
    """,
        )
        == 0
    )


def test_province_generator_at_a_tiny_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny = demo_supervisor.Scale("tiny", 150, 400, 500, 3, 3, 0, 0)
    monkeypatch.setitem(demo_supervisor.SCALES, "tiny", tiny)
    summary = build_demo(tmp_path / "tiny", Role.SUPERVISOR, seed=7, today=TODAY, scale="tiny")
    assert summary.units == 150
    assert 450 <= summary.inspections <= 550
    with Workspace.open(tmp_path / "tiny") as ws:
        db = ws.store.db
        added = scalar(ws, "SELECT COUNT(*) FROM equipment") - 438
        assert 300 <= added <= 500
        assert scalar(ws, "SELECT COUNT(DISTINCT substr(district_code, 1, 4)) FROM units") == 9
        assert scalar(ws, "SELECT COUNT(*) FROM answers") > 40 * summary.inspections
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # restored
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        names = [n for (n,) in db.execute("SELECT name FROM units")]
        assert len(set(names)) == len(names)
    again = build_demo(tmp_path / "again", Role.SUPERVISOR, seed=7, today=TODAY, scale="tiny")
    assert again == summary  # the same seed and day give the same demo


def test_province_scale_is_for_a_supervisor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--home", str(tmp_path / "x"), "demo", "--role", "officer", "--scale", "province"])
    assert code == 1
    assert "province" in capsys.readouterr().err
