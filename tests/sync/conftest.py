"""Fixtures for moving work by file: an officer's demo copy and a supervisor who trusts it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from fieldapp import keys, sync
from fieldapp.domain.models import Role
from fieldapp.home import DB_NAME
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace

# tables that hold the work itself (bookkeeping like the audit log is left out on purpose)
DATA_TABLES = (
    "officers",
    "units",
    "equipment",
    "checklist_versions",
    "attachments",
    "inspections",
    "inspection_officers",
    "inspection_runs",
    "answers",
    "answer_photos",
    "findings",
    "signatures",
    "amendments",
    "notices",
    "documents",
    "reinspections",
    "reinspection_findings",
)


_ARRIVAL_STAMPS = frozenset({"pinned_at", "created_at"})


def table_hashes(home: Path, tables: tuple[str, ...] | None = None) -> dict[str, str]:
    """A content hash of every table (all of them by default) of a closed workspace; for the
    named ``tables``, the columns saying when this copy took a record in are left out."""
    with closing(sqlite3.connect(home / DB_NAME)) as conn:
        names = tables or tuple(
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%fts%' ORDER BY name"
            )
        )
        result = {}
        for name in names:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            if tables:  # comparing the work itself: leave out when this copy took it in
                columns = [c for c in columns if c not in _ARRIVAL_STAMPS]
            listed = ", ".join(columns)
            rows = sorted(repr(row) for row in conn.execute(f"SELECT {listed} FROM {name}"))
            result[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return result


def signing_key(home: Path) -> keys.Ed25519PrivateKey:  # type: ignore[name-defined]
    from tests.conftest import TEST_PASSPHRASE

    keys_dir = home / "keys"
    passphrase = TEST_PASSPHRASE if keys.key_is_encrypted(keys_dir) else None
    return keys.load_signing_key(keys_dir, passphrase)


def export(home: Path, out: Path, everything: bool = False) -> sync.ExportResult:
    with Workspace.open(home) as ws:
        return sync.export_batch(ws, out, signing_key(home), everything=everything)


def import_(home: Path, path: Path) -> sync.ImportReport:
    with Workspace.open(home) as ws:
        return sync.import_file(ws, path)


@pytest.fixture
def officer_home(demo_home: Path) -> Path:
    return demo_home


@pytest.fixture
def supervisor_home(tmp_path: Path, officer_home: Path) -> Path:
    """A new supervisor workspace that trusts the demo officer's key (and vice versa)."""
    home = tmp_path / "supervisor"
    with Workspace.create(home, Role.SUPERVISOR, supervisor_name="长春市市场监督管理局") as sup:
        with Workspace.open(officer_home) as off:
            wf.export_own_key(off, tmp_path / "officer.pub.json")
            wf.export_own_key(sup, tmp_path / "supervisor.pub.json")
            wf.trust_key_file(off, tmp_path / "supervisor.pub.json")
        wf.trust_key_file(sup, tmp_path / "officer.pub.json")
    return home


@pytest.fixture
def first_batch(officer_home: Path, tmp_path: Path) -> Path:
    out = tmp_path / "batch-1.zip"
    export(officer_home, out)
    return out


@pytest.fixture
def copy_home(tmp_path: Path) -> Iterator[Callable[[Path, str], Path]]:
    def copy(home: Path, name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(home, target)
        return target

    yield copy
