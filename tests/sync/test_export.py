"""Officer export under failure: a full disk in the writing thread, a cancel half-way."""

from __future__ import annotations

import errno
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from fieldapp import sync
from fieldapp.errors import DiskFull
from fieldapp.sync import container
from fieldapp.workspace import Workspace
from tests.sync.conftest import export, import_, signing_key, table_hashes

SYNC_TABLES = ("sync_batches", "sync_exported")


def _leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_full_disk_in_the_writing_thread_leaves_no_file_and_marks_nothing(
    officer_home: Path, supervisor_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = table_hashes(officer_home, SYNC_TABLES)
    failed_in: list[str] = []
    write = container._RawTap.write

    def full(self: container._RawTap, data: bytes) -> int:
        if threading.current_thread().name.startswith("batch-writer"):
            failed_in.append(threading.current_thread().name)
            raise OSError(errno.ENOSPC, "No space left on device")
        return write(self, data)

    monkeypatch.setattr(container._RawTap, "write", full)
    out = tmp_path / "stick" / "batch.zip"
    out.parent.mkdir()
    with pytest.raises(DiskFull, match="disk is full"):
        export(officer_home, out)
    assert failed_in  # the records were being written by the second thread
    assert not out.exists()
    assert _leftovers(out.parent, officer_home / "exports") == []
    assert list((officer_home / "exports").glob("*.zip")) == []
    assert table_hashes(officer_home, SYNC_TABLES) == before

    monkeypatch.setattr(container._RawTap, "write", write)
    result = export(officer_home, out)
    assert result.sequence == 1
    assert import_(supervisor_home, out).status == "imported"


def test_a_cancelled_export_leaves_no_file_and_the_next_one_is_whole(
    officer_home: Path, supervisor_home: Path, tmp_path: Path
) -> None:
    before = table_hashes(officer_home, SYNC_TABLES)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 6  # half-way through the record kinds

    out = tmp_path / "batch.zip"
    with Workspace.open(officer_home) as ws, pytest.raises(sync.ExportCancelled):
        sync.export_batch(ws, out, signing_key(officer_home), cancelled=cancelled)
    assert not out.exists()
    assert _leftovers(tmp_path, officer_home / "exports") == []
    assert table_hashes(officer_home, SYNC_TABLES) == before
    result = export(officer_home, out)
    assert result.sequence == 1
    assert import_(supervisor_home, out).totals().refused == 0


def test_records_are_deflated_fast_and_hashed_as_written(
    officer_home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "batch.zip"
    export(officer_home, out)
    with zipfile.ZipFile(out) as archive:
        records = [i for i in archive.infolist() if i.filename.startswith("records/")]
        assert records and all(i.compress_type == zipfile.ZIP_DEFLATED for i in records)
        answers = archive.getinfo("records/answers.jsonl")
        with out.open("rb") as handle:
            handle.seek(container._data_offset(answers))
            stored = handle.read(answers.compress_size)
    level_1 = zlib.compressobj(1, zlib.DEFLATED, -15)
    assert stored == level_1.compress(zlib.decompress(stored, -15)) + level_1.flush()
    with container.open_container(out, lambda key_id: signing_key(officer_home).public_key()) as c:
        c.verify_entries()  # stored and content hashes both match the signed manifest
