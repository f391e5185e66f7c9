"""Attachments: content-addressed, written atomically, checked when read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from fieldapp.errors import AttachmentError, DiskFull
from fieldapp.store.attachments import AttachmentStore, record_attachment
from fieldapp.store.database import open_database


def test_round_trip_and_layout(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "attachments")
    data = b"\x89PNG fake photo bytes" * 1000
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path_for(sha) == tmp_path / "attachments" / sha[:2] / sha
    assert store.read_bytes(sha) == data
    assert store.verify(sha)
    assert store.put_bytes(data) == sha  # idempotent
    assert [p.name for p in (tmp_path / "attachments" / sha[:2]).iterdir()] == [sha]


def test_put_file_streams_a_copy(tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(bytes(range(256)) * 9000)
    store = AttachmentStore(tmp_path / "attachments")
    sha = store.put_file(source)
    assert store.read_bytes(sha) == source.read_bytes()


def test_damaged_file_is_found_on_read(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "attachments")
    sha = store.put_bytes(b"signature strokes")
    store.path_for(sha).write_bytes(b"signature strokeZ")
    assert not store.verify(sha)
    with pytest.raises(AttachmentError, match="damaged"):
        store.read_bytes(sha)
    # storing the good bytes again repairs it
    store.put_bytes(b"signature strokes")
    assert store.read_bytes(sha) == b"signature strokes"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "attachments")
    with pytest.raises(AttachmentError, match="missing"):
        store.read_bytes("a" * 64)


@pytest.mark.parametrize("bad", ["", "../../etc/passwd", "A" * 64, "a" * 63, "g" * 64])
def test_only_hashes_name_files(tmp_path: Path, bad: str) -> None:
    with pytest.raises(AttachmentError):
        AttachmentStore(tmp_path).path_for(bad)


def test_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AttachmentStore(tmp_path / "attachments")

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", no_space)
    with pytest.raises(DiskFull, match="disk is full"):
        store.put_bytes(b"x" * 100)
    leftovers = [p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]
    assert leftovers == []


def test_record_attachment_registers_once(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    with db.atomic():
        first = record_attachment(db, "b" * 64, 10, "image/jpeg", "IMG_0001.jpg")
        again = record_attachment(db, "b" * 64, 10, "image/jpeg", "other-name.jpg")
    assert first == again
    assert first.original_name == "IMG_0001.jpg"
    db.close()
