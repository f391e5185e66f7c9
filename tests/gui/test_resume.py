"""Kill the app mid-inspection with SIGKILL; reopened, every answer is there and the runner
resumes at the same item."""

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
from pytestqt.qtbot import QtBot

from fieldapp.gui.inspection_runner import InspectionRunner
from fieldapp.store import inspections as q
from fieldapp.workspace import Workspace

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from fieldapp.checklists import shipped_checklists
    from fieldapp.domain.models import CheckType
    from fieldapp.store import inspections as q
    from fieldapp.store import registry as reg
    from fieldapp.workflow import inspection as wf
    from fieldapp.workspace import Workspace

    ws = Workspace.open(Path(sys.argv[1]))
    inspection_id = sys.argv[2]
    with ws.store.reading() as db:
        views = wf.load_runs(db, inspection_id)
    for index, view in enumerate(views):
        while True:
            with ws.store.reading() as db:
                result = view.evaluate(q.answers_of_run(db, view.id))
            if not result.missing:
                break
            item = view.checklist.item(result.missing[0])
            value = {"check": "pass", "number": item.limit_max or item.limit_min or 1,
                     "date": "2026-06-01", "text": "ok", "photo": "ok"}.get(item.kind)
            if item.kind == "choice":
                value = next(c.id for c in item.choices if not c.fails)
            wf.answer_item(ws.store, inspection_id, view.id, item.id, value)
            print("answered", index, view.id, item.id, flush=True)
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_killed_mid_inspection_resumes_with_every_answer(qtbot: QtBot, demo_home: Path) -> None:
    from tests.workflow.conftest import start

    rng = random.Random(4)
    reported: list[tuple[str, str, str]] = []
    with Workspace.open(demo_home) as ws:
        from fieldapp.checklists import shipped_checklists

        inspection_id, _, _ = start(ws, shipped_checklists(), devices=3)
    for _round in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(demo_home), inspection_id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert proc.stdout is not None
        head = [proc.stdout.readline() for _ in range(rng.randint(3, 30))]
        assert head[0].startswith(b"answered"), proc.stderr.read() if proc.stderr else head
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        lines = (b"".join(head) + rest).decode().split("\n")[:-1]
        reported += [tuple(line.split()[1:]) for line in lines if line.startswith("answered")]
    assert len(reported) > 5
    with Workspace.open(demo_home) as ws:
        with ws.store.reading() as db:
            row = q.get_inspection(db, inspection_id)
            stored = {
                (r.id, item)
                for r in q.runs(db, inspection_id)
                for item in q.answers_of_run(db, r.id)
            }
        missing = [r for r in reported if (r[1], r[2]) not in stored]
        assert missing == [], "every answer reported as saved is there"
        last_index, _last_run, last_item = reported[-1]
        assert row.current_run >= int(last_index)
        runner = InspectionRunner(ws, inspection_id)
        qtbot.addWidget(runner)
        assert runner.run_index == row.current_run
        if row.current_run == int(last_index):
            assert runner.item_id in (last_item, row.current_item)
        assert runner.item_id == row.current_item or runner.item_id in (
            runner.evaluation.missing if runner.evaluation else ()
        )
