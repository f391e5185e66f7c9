"""Reviewing conflicts (ours beside the incoming record, keep ours) and the officer's view
of what went out and what the supervisor confirmed."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fieldapp import sync, workflow
from fieldapp.home import DB_NAME
from fieldapp.store import registry as reg
from fieldapp.store import sync as q
from fieldapp.sync import conflicts
from fieldapp.workspace import Workspace
from tests.sync.conftest import export, import_, signing_key, table_hashes


def test_a_conflict_shows_both_versions_and_keeping_ours_changes_no_data(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    with closing(sqlite3.connect(officer_home / DB_NAME)) as conn:
        unit_id, name = conn.execute("SELECT id, name FROM units ORDER BY id LIMIT 1").fetchone()
    with closing(sqlite3.connect(supervisor_home / DB_NAME)) as conn, conn:
        conn.execute("UPDATE units SET name = '别的名字有限公司' WHERE id = ?", (unit_id,))
    everything = tmp_path / "all.zip"
    export(officer_home, everything, everything=True)
    report = import_(supervisor_home, everything)
    with Workspace.open(supervisor_home) as ws:
        [view] = conflicts.open_conflicts(ws)
        assert (view.kind, view.record_id, view.batch_id) == ("units", unit_id, report.batch_id)
        assert view.differing == ("name",) and view.fields[0] == "id"
        assert view.local is not None and view.local["name"] == "别的名字有限公司"
        assert view.incoming["name"] == name and view.sender.startswith("王建国")
        data = ("units", "equipment", "inspections")
        before = table_hashes(supervisor_home, data)
        conflicts.keep_ours(ws, view.id)
        assert conflicts.open_conflicts(ws) == []
        with pytest.raises(conflicts.ConflictGone):
            conflicts.keep_ours(ws, view.id)
        with ws.store.reading() as db:
            resolved = q.get_conflict(db, view.id)
            audit = db.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'resolve' AND entity_id = ?",
                [view.id],
            ).fetchone()[0]
        assert resolved is not None and resolved.resolution == conflicts.KEPT_OURS
        assert audit == 1
    assert table_hashes(supervisor_home, data) == before


def test_exchange_states_follow_exports_receipts_and_later_changes(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    report = import_(supervisor_home, first_batch)
    with Workspace.open(officer_home) as ws, ws.store.reading() as db:
        states = q.exchange_states(db, "units")
        unit_count = db.execute("SELECT count(*) FROM units").fetchone()[0]
        finished = {i for (i,) in db.execute("SELECT id FROM inspections WHERE state != 'draft'")}
        assert set(q.exchange_states(db, "inspections")) == finished
    assert len(states) == unit_count and set(states.values()) == {"exported"}
    receipt = tmp_path / "receipt.zip"
    with Workspace.open(supervisor_home) as ws:
        sync.write_receipt(ws, report.batch_id, receipt, signing_key(supervisor_home))
    import_(officer_home, receipt)
    with Workspace.open(officer_home) as ws:
        with ws.store.reading() as db:
            inspections = q.exchange_states(db, "inspections")
            unit_id = db.execute("SELECT id FROM units ORDER BY id LIMIT 1").fetchone()[0]
            unit = reg.get_unit(db, unit_id)
        assert set(inspections) == finished and set(inspections.values()) == {"received"}
        workflow.update_unit(ws.store, dataclasses.replace(unit, address="吉林省长春市新址9号"))
        with ws.store.reading() as db:
            units = q.exchange_states(db, "units")
            assert unit_id not in units, "changed since: neither sent nor confirmed"
            assert set(units.values()) == {"received"}
            with pytest.raises(ValueError, match="answers"):
                q.exchange_states(db, "answers")
