"""How long the supervisor's window stops answering while the province's slowest searches run.

The records page is opened on the province demo (see bench/supervisor.py; built there once)
with the event loop running, as in the app. A 5 ms timer notes how late it fires; then the
slowest searches of bench/supervisor.py are typed in, one list after the other, each
waited for until its rows are shown. The figure is the longest the timer had to wait (the
window could not repaint or take a key for that long). The baseline is the slowest of the
same searches (count and first page) run directly on a connection: what the window waited
when the lists read on the GUI thread.

    python bench/supervisor_gui.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from supervisor import CACHE, province_home  # noqa: E402

# (list, search text, area): the searches that take longest on the province demo
SEARCHES = [
    ("findings", "长春 物业", ""),
    ("inspections", "长春 物业", ""),
    ("notices", "长春 物业", ""),
    ("findings", "梯", ""),
    ("findings", "电梯", "220100"),
    ("units", "物业", ""),
]


def _slowest_direct(today: dt.date) -> float:
    """ms of the slowest search's count and first page, run on one connection."""
    from fieldapp.reports import Filters, ListKind, count_rows, fetch_rows, open_read_only

    db = open_read_only(CACHE / "fieldapp.db")
    slowest = 0.0
    try:
        for kind, text, area in SEARCHES:
            filters = Filters(text=text, area=area)
            count_rows(db, ListKind(kind), filters, today)  # warm, as the GUI run is
            start = time.perf_counter()
            count_rows(db, ListKind(kind), filters, today)
            fetch_rows(db, ListKind(kind), filters, 0, 200, today)
            slowest = max(slowest, time.perf_counter() - start)
    finally:
        db.close()
    return slowest * 1000


def _child() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer

    from fieldapp.gui.app import make_application
    from fieldapp.gui.supervisor_views import RecordsPage
    from fieldapp.reports import ListKind
    from fieldapp.workspace import Workspace

    with sqlite3.connect(f"file:{CACHE / 'fieldapp.db'}?mode=ro", uri=True) as conn:
        today = dt.date.fromisoformat(
            conn.execute("SELECT value FROM workspace WHERE key = 'demo_today'").fetchone()[0]
        )
    make_application("zh")
    ws = Workspace.open(CACHE)
    page = RecordsPage(ws, today=today)
    page.resize(1366, 768)
    page.show()
    page.wait_until_read()

    def shown(kind: ListKind) -> None:
        """Run the event loop until the list's newest rows are in."""
        model = page.lists[kind].model
        if not model.loading:
            return
        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        model.failed.connect(loop.quit)
        loop.exec()
        model.loaded.disconnect(loop.quit)
        model.failed.disconnect(loop.quit)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    started = time.perf_counter()
    timer.start()
    bar = page.filter_bar
    for kind_name, text, area in SEARCHES:
        kind = ListKind(kind_name)
        page.show_list(kind)
        shown(kind)
        bar.area.setCurrentIndex(max(bar.area.findData(area), 0) if area else 0)
        shown(kind)
        bar.set_text(text)
        shown(kind)
    timer.stop()
    elapsed = time.perf_counter() - started
    ws.close()
    return {
        "longest_ms": max(gaps) * 1000,
        "ticks": len(gaps),
        "seconds": elapsed,
        "direct_ms": _slowest_direct(today),
    }


def measure() -> dict[str, dict[str, float]]:
    province_home()
    done = subprocess.run(
        [sys.executable, __file__, "--child"], check=True, capture_output=True, text=True
    )
    data = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"{len(SEARCHES)} searches in {data['seconds']:.1f} s; the window waited at most"
        f" {data['longest_ms']:.0f} ms ({data['ticks']} timer ticks); the slowest search run"
        f" directly takes {data['direct_ms']:.0f} ms"
    )
    return {"sup_gui_wait": {"value": data["longest_ms"], "baseline": data["direct_ms"]}}


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        print(json.dumps(_child()))
    else:
        figure = measure()["sup_gui_wait"]
        print(f"sup_gui_wait: {figure['value']:.0f} ms (baseline {figure['baseline']:.0f} ms)")
