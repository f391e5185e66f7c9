"""Moving a big batch: 10,000 finished inspections (~300,000 answers, 20,000 findings, 2,000
small photos) from an officer to a supervisor.

Figures, each beside a baseline measured in the same run:
- sync_import: records per second of ``fieldapp.sync.import_file`` into an empty supervisor
  workspace, beside bare ``sqlite3`` ``executemany`` of the same rows into the same schema
  in one transaction (target: ours takes at most 3× as long);
- sync_again: importing the same batch again (target ≤ 1 s);
- sync_export: MB/s of ``export_batch``, beside a plain ``zipfile`` of the same bytes
  (target: at most 2× as long);
- sync_memory: peak memory (max RSS) of a process importing the batch (target ≤ 300 MB).

The officer workspace is made once under bench/.cache/sync (delete it to rebuild).

    python bench/sync.py
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fieldapp import sync  # noqa: E402
from fieldapp.demo import build_demo  # noqa: E402
from fieldapp.domain.ids import uuid7  # noqa: E402
from fieldapp.domain.models import Role  # noqa: E402
from fieldapp.home import DB_NAME  # noqa: E402
from fieldapp.keys import load_signing_key  # noqa: E402
from fieldapp.store.attachments import record_attachment  # noqa: E402
from fieldapp.sync import records as r  # noqa: E402
from fieldapp.workflow import keys as wf  # noqa: E402
from fieldapp.workspace import Workspace  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "sync"
INSPECTIONS = 10_000
ANSWERS_EACH = 30
FINDINGS_EACH = 2
PHOTOS = 2_000


def _photo(rng: random.Random) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (160, 120))
    image.putdata([(rng.randrange(256), rng.randrange(256), 90) for _ in range(160 * 120)])
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=70)
    return out.getvalue()


def build_officer(home: Path) -> None:
    """The demo officer plus 10,000 synthetic finished inspections (bulk SQL: bench only)."""
    build_demo(home, Role.OFFICER, with_inspections=False)
    rng = random.Random(7)
    with Workspace.open(home) as ws, ws.store.transaction() as db:
        from fieldapp.checklists import shipped_checklists
        from fieldapp.store.checklists import pin_checklist_body

        elevator = next(c for c in shipped_checklists() if c.id == "elevator")
        pinned = pin_checklist_body(db, elevator.id, elevator.version, elevator.body)
        items = [item.id for item in elevator.items][:ANSWERS_EACH]
        units = [row[0] for row in db.execute("SELECT id FROM units")]
        devices = {u: [] for u in units}
        for device_id, unit_id in db.execute("SELECT id, unit_id FROM equipment"):
            devices[unit_id].append(device_id)
        me = db.execute("SELECT id FROM officers WHERE is_self = 1").fetchone()[0]
        mate = db.execute("SELECT id FROM officers WHERE is_self = 0 LIMIT 1").fetchone()[0]
        device = ws.device_id
        stamp = "2026-06-01T08:00:00.000+00:00"
        photos = []
        for _ in range(PHOTOS):
            data = _photo(rng)
            sha = ws.attachments.put_bytes(data)
            record_attachment(db, sha, len(data), "image/jpeg", "photo.jpg")
            photos.append(sha)
        inspections, runs, officers, answers, findings, answer_photos = [], [], [], [], [], []
        for n in range(INSPECTIONS):
            unit = units[n % len(units)]
            iid, rid = uuid7(), uuid7()
            inspections.append(
                (
                    iid,
                    unit,
                    "routine",
                    "双随机",
                    None,
                    "finished",
                    stamp,
                    stamp,
                    me,
                    "张三",
                    "安全管理员",
                    "13900000000",
                    "无异议",
                    0,
                    "",
                    "",
                    0,
                    "",
                    0,
                    1,
                    stamp,
                    device,
                )
            )
            equipment = devices[unit][0] if devices[unit] else None
            runs.append((rid, iid, 0, "elevator", pinned, equipment))
            officers += [(iid, me, 0), (iid, mate, 1)]
            for k, item in enumerate(items):
                aid = uuid7()
                failed = k < FINDINGS_EACH
                answers.append(
                    (
                        aid,
                        iid,
                        rid,
                        item,
                        "fail" if failed else "pass",
                        "检验合格标志已过期" if failed else "",
                        stamp,
                        1,
                        stamp,
                        device,
                    )
                )
                if failed and len(answer_photos) < PHOTOS and k == 0:
                    answer_photos.append((aid, photos[len(answer_photos)], 0, stamp))
            for k in range(FINDINGS_EACH):
                findings.append(
                    (
                        uuid7(),
                        iid,
                        rid,
                        items[k],
                        equipment,
                        k,
                        "未在检验有效期内使用，检验合格标志过期",
                        "general",
                        "rectify",
                        "2026-07-01",
                        "《中华人民共和国特种设备安全法》第四十条",
                        "《中华人民共和国特种设备安全法》第八十三条",
                        f"elevator.{items[k]}",
                        0,
                        "",
                        1,
                        stamp,
                        device,
                    )
                )
        conn = db.conn
        for kind, rows in (
            (r.INSPECTIONS, inspections),
            (r.INSPECTION_RUNS, runs),
            (r.INSPECTION_OFFICERS, officers),
            (r.ANSWERS, answers),
            (r.ANSWER_PHOTOS, answer_photos),
            (r.FINDINGS, findings),
        ):
            marks = ", ".join("?" * len(kind.columns))
            conn.executemany(
                f"INSERT INTO {kind.table} ({', '.join(kind.columns)}) VALUES ({marks})", rows
            )
        db.execute("UPDATE inspections SET locked = 1 WHERE state = 'finished'")


def _officer() -> Path:
    home = CACHE / "officer"
    if not (home / DB_NAME).exists():
        shutil.rmtree(home, ignore_errors=True)
        started = time.perf_counter()
        build_officer(home)
        print(f"(built the officer workspace in {time.perf_counter() - started:.0f} s)")
    return home


def _supervisor(officer: Path, work: Path) -> Path:
    home = work / "supervisor"
    shutil.rmtree(home, ignore_errors=True)
    with Workspace.create(home, Role.SUPERVISOR, is_demo=True) as sup:
        with Workspace.open(officer) as off:
            wf.export_own_key(off, work / "officer.pub.json")
        wf.trust_key_file(sup, work / "officer.pub.json")
    return home


def _bare_insert(batch: Path, work: Path) -> tuple[float, int]:
    """Seconds for bare executemany of the batch's rows into our schema (one transaction)."""
    target = work / "bare.db"
    template = work / "bare-template"
    shutil.rmtree(template, ignore_errors=True)
    with Workspace.create(template, Role.SUPERVISOR, is_demo=True):
        pass
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template / DB_NAME, target)
    rows: dict[str, list[tuple[object, ...]]] = {}
    with zipfile.ZipFile(batch) as archive:
        for kind in r.BATCH_KINDS:
            name = f"records/{kind.name}.jsonl"
            if name in archive.namelist():
                lines = archive.read(name).splitlines()
                rows[kind.name] = [tuple(json.loads(line).values()) for line in lines]
    count = sum(len(v) for v in rows.values())
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        started = time.perf_counter()
        with conn:
            # inspections last: their lock triggers would refuse children added after them
            order = [k for k in r.BATCH_KINDS if k is not r.INSPECTIONS] + [r.INSPECTIONS]
            for kind in order:
                if kind.name in rows:
                    marks = ", ".join("?" * len(kind.columns))
                    conn.executemany(
                        f"INSERT OR IGNORE INTO {kind.table} ({', '.join(kind.columns)})"
                        f" VALUES ({marks})",
                        rows[kind.name],
                    )
        return time.perf_counter() - started, count


def _plain_zip(batch: Path, work: Path) -> float:
    """Seconds for zipfile writing the same entries (records deflated, photos stored)."""
    with zipfile.ZipFile(batch) as archive:
        entries = [(i.filename, archive.read(i), i.compress_type) for i in archive.infolist()]
    out = work / "plain.zip"
    started = time.perf_counter()
    with zipfile.ZipFile(out, "w") as plain:
        for name, data, method in entries:
            plain.writestr(name, data, compress_type=method)
    with out.open("rb") as handle:
        os.fsync(handle.fileno())
    return time.perf_counter() - started


def _peak_import_memory(supervisor: Path, batch: Path) -> float:
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from fieldapp import sync\n"
        "from fieldapp.workspace import Workspace\n"
        "with Workspace.open(Path(sys.argv[1])) as ws:\n"
        "    sync.import_file(ws, Path(sys.argv[2]))\n"
        "status = Path('/proc/self/status')\n"
        "hwm = [l for l in status.read_text().splitlines() if l.startswith('VmHWM')]\n"
        "# VmHWM starts afresh at exec; ru_maxrss may carry the parent's peak over\n"
        "print(hwm[0].split()[1] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(supervisor), str(batch)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return int(done.stdout.split()[-1]) / 1024  # kB → MB


def measure() -> dict[str, dict[str, float]]:
    officer = _officer()
    work = CACHE / "work"
    work.mkdir(parents=True, exist_ok=True)
    key = load_signing_key(officer / "keys", None)
    batch = work / "batch.zip"
    with Workspace.open(officer) as ws:
        started = time.perf_counter()
        result = sync.export_batch(ws, batch, key, everything=True)
        export_seconds = time.perf_counter() - started
    megabytes = result.size / 1e6
    zip_seconds = _plain_zip(batch, work)
    supervisor = _supervisor(officer, work)
    with Workspace.open(supervisor) as ws:
        started = time.perf_counter()
        report = sync.import_file(ws, batch)
        import_seconds = time.perf_counter() - started
        records = report.totals().total
        started = time.perf_counter()
        again = sync.import_file(ws, batch)
        again_seconds = time.perf_counter() - started
    assert again.status == "already"
    bare_seconds, bare_records = _bare_insert(batch, work)
    memory = _peak_import_memory(_supervisor(officer, work), batch)
    print(
        f"batch: {records} records, {result.attachments} photos, {megabytes:.1f} MB;"
        f" import {import_seconds:.2f} s ({records / import_seconds:,.0f} records/s), bare"
        f" executemany {bare_seconds:.2f} s ({bare_records / bare_seconds:,.0f} rows/s);"
        f" export {export_seconds:.2f} s ({megabytes / export_seconds:.0f} MB/s), plain zipfile"
        f" {zip_seconds:.2f} s ({megabytes / zip_seconds:.0f} MB/s); import again"
        f" {again_seconds:.3f} s; peak memory of an import {memory:.0f} MB"
    )
    return {
        "sync_import": {"value": import_seconds, "baseline": bare_seconds},
        "sync_again": {"value": again_seconds, "baseline": 1.0},
        "sync_export": {"value": export_seconds, "baseline": zip_seconds},
        "sync_memory": {"value": memory, "baseline": 300.0},
    }


if __name__ == "__main__":
    for name, figure in measure().items():
        print(f"{name}: {figure['value']:.3f} (baseline {figure['baseline']:.3f})")
