"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported
as committed, and the database stays intact."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fieldapp.domain.models import Role
from fieldapp.store.audit import verify_audit_chain
from fieldapp.workspace import Workspace
from tests.conftest import PROFILE

WRITER = textwrap.dedent("""
    import datetime as dt, os, sys
    from pathlib import Path
    from fieldapp import workflow
    from fieldapp.domain.codes import make_credit_code
    from fieldapp.domain.models import Equipment, Unit
    from fieldapp.workspace import Workspace

    ws = Workspace.open(Path(sys.argv[1]))
    photo = os.urandom(2048)
    while True:
        digits = str(int.from_bytes(os.urandom(8), "big"))[-9:].rjust(9, "0")
        unit = Unit(id="", name="崩溃测试单位" + digits,
                    credit_code=make_credit_code("91220102" + digits), district_code="220102")
        unit_id = workflow.add_unit(ws.store, unit).record_id
        device = Equipment(id="", unit_id=unit_id, catalogue_code="3110",
                           next_inspection_due=dt.date(2027, 1, 1))
        device_id = workflow.add_equipment(ws.store, device).record_id
        sha = ws.attachments.put_bytes(photo + digits.encode())
        print(unit_id, device_id, sha, flush=True)
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_sigkill_loses_nothing_committed(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    Workspace.create(home, Role.OFFICER, PROFILE).close()
    rng = random.Random(20261128)
    reported: list[tuple[str, str, str]] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _round in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it is really writing
        assert first.endswith(b"\n"), proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        lines = (first + rest).split(b"\n")[:-1]  # a cut last line was not reported
        reported += [tuple(line.decode().split()) for line in lines]  # type: ignore[misc]
    assert len(reported) >= 40
    with Workspace.open(home) as ws, ws.store.reading() as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        units = {r[0] for r in db.execute("SELECT id FROM units")}
        devices = {r[0] for r in db.execute("SELECT id FROM equipment")}
        missing = [
            r
            for r in reported
            if r[0] not in units or r[1] not in devices or not ws.attachments.verify(r[2])
        ]
        assert missing == [], f"{len(missing)} committed writes were lost"
        assert verify_audit_chain(db) == []
    # a kill mid-write may leave a temporary file; opening the workspace clears them
    assert list((home / "attachments").rglob(".tmp-*")) == []
