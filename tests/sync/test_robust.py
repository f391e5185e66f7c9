"""A killed import leaves all or nothing; imports in any order converge."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp import sync
from fieldapp.domain.models import Role, Unit
from fieldapp.home import DB_NAME
from fieldapp.store import registry as reg
from fieldapp.workflow import keys as wf
from fieldapp.workspace import OfficerProfile, Workspace
from tests.sync.conftest import DATA_TABLES, export, import_, table_hashes


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_sigkill_during_import_leaves_none_or_all(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    before = table_hashes(supervisor_home, DATA_TABLES)
    reference = tmp_path / "reference"
    shutil.copytree(supervisor_home, reference)
    import_(reference, first_batch)
    after = table_hashes(reference, DATA_TABLES)
    assert after != before
    rng = random.Random(20261128)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    outcomes = {"none": 0, "all": 0}
    for _ in range(20):
        home = tmp_path / "victim"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(supervisor_home, home)
        process = subprocess.Popen(
            [sys.executable, "-m", "fieldapp", "--home", str(home), "import", str(first_batch)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = table_hashes(home, DATA_TABLES)
        assert state in (before, after), "a killed import left part of the batch"
        outcomes["none" if state == before else "all"] += 1
        report = import_(home, first_batch)  # importing again then succeeds
        assert report.status in ("imported", "already")
        assert table_hashes(home, DATA_TABLES) == after
    print(f"killed imports: {outcomes}")


# --- convergence ---------------------------------------------------------------------------


def _second_officer(home: Path, tmp_path: Path) -> list[Path]:
    """Another officer with two batches: three new units, then one of them changed."""
    profile = OfficerProfile("刘洋", "22010019033", "长春市市场监督管理局", "长", "B11")
    batches = []
    with Workspace.create(home, Role.OFFICER, profile) as ws:
        units = [
            Unit(
                id=f"0190d5a0-0000-7000-8000-00000000b00{n}",
                name=f"长春测试{n}号商贸有限公司",
                credit_code=code,
                address=f"长春市朝阳区测试路{n}号",
                district_code="220104",
                origin_device=ws.device_id,
            )
            for n, code in enumerate(("91220104MA0Y4KXL5D", "91220104MA0Y4KXM3Y"), 1)
        ]
        with ws.store.transaction() as db:
            for unit in units:
                reg.insert_record(db, "units", unit, ws.device_id)
    batches.append(tmp_path / "b1.zip")
    export(home, batches[-1])
    with Workspace.open(home) as ws, ws.store.transaction() as db:
        reg.update_record(
            db, "units", dataclasses.replace(reg.get_unit(db, units[0].id), address="新址")
        )
    batches.append(tmp_path / "b2.zip")
    export(home, batches[-1])
    return batches


@pytest.fixture
def batches(officer_home: Path, supervisor_home: Path, tmp_path: Path) -> dict[str, Path]:
    found = {"A1": tmp_path / "a1.zip"}
    export(officer_home, found["A1"])
    with closing(sqlite3.connect(officer_home / DB_NAME)) as conn, conn:
        conn.execute(
            "UPDATE notices SET state = 'awaiting_reinspection', rev = rev + 1,"
            " updated_at = '2026-11-20T00:00:00+00:00' WHERE id = (SELECT id FROM notices"
            " WHERE state = 'issued' ORDER BY id LIMIT 1)"
        )
        conn.execute(
            "UPDATE units SET address = '改过的地址', rev = rev + 1 WHERE id ="
            " (SELECT id FROM units ORDER BY id LIMIT 1)"
        )
    found["A2"] = tmp_path / "a2.zip"
    export(officer_home, found["A2"])
    second = tmp_path / "second"
    b1, b2 = _second_officer(second, tmp_path)
    found["B1"], found["B2"] = b1, b2
    with Workspace.open(second) as ws:
        wf.export_own_key(ws, tmp_path / "b.pub.json")
    with Workspace.open(supervisor_home) as ws:
        wf.trust_key_file(ws, tmp_path / "b.pub.json")
    return found


def _import_all(home: Path, order: list[Path]) -> dict[str, str]:
    pending = list(order)
    with Workspace.open(home) as ws:
        while pending:
            refused = []
            for path in pending:
                try:
                    sync.import_file(ws, path)
                except sync.BatchRefused:
                    refused.append(path)  # e.g. its references arrive in a later batch
            if len(refused) == len(pending):
                break
            pending = refused
    return table_hashes(home, DATA_TABLES)


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_imports_in_any_order_with_duplicates_converge(
    batches: dict[str, Path],
    supervisor_home: Path,
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
) -> None:
    names = data.draw(st.permutations(sorted(batches)))
    extra = data.draw(st.lists(st.sampled_from(sorted(batches)), max_size=3))
    order = [batches[n] for n in [*names, *extra]]
    canonical = tmp_path_factory.mktemp("canonical") / "home"
    shutil.copytree(supervisor_home, canonical)
    expected = _import_all(canonical, [batches[n] for n in ("A1", "A2", "B1", "B2")])
    home = tmp_path_factory.mktemp("shuffled") / "home"
    shutil.copytree(supervisor_home, home)
    assert _import_all(home, order) == expected
