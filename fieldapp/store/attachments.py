"""Attachments (photos, signatures, PDFs): files addressed by the SHA-256 of their bytes.

A file is written under a temporary name in its final folder, flushed to disk, renamed
into place and the folder flushed too, so a crash leaves either no file or the whole file.
Reading checks the hash, so a damaged file is found, never shown as if it were whole.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from fieldapp.atomic import write_atomically
from fieldapp.domain.models import Attachment
from fieldapp.errors import AttachmentError, DiskFull

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


class AttachmentStore:
    """The ``attachments/`` folder of a workspace."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives. Raises AttachmentError for a bad hash."""
        if not _SHA256.match(sha256):
            raise AttachmentError(f"不是有效的附件编号 / not an attachment hash: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def remove_temporary_files(self) -> int:
        """Delete half-written files a crash left behind; call only while holding the
        workspace lock. Returns how many were removed."""
        removed = 0
        if self.root.is_dir():
            for path in self.root.glob("*/.tmp-*"):
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def put_bytes(self, data: bytes, durable: bool = True) -> str:
        """Store ``data``; return its SHA-256. Storing the same bytes twice is a no-op.

        ``durable=False`` leaves the fsync to one ``fieldapp.atomic.sync_to_disk`` call by
        the caller after many files (an import), before it commits what names them."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists() and self._matches(target, digest):
            return digest
        self._write_atomically(target, [data], durable)
        return digest

    def put_file(self, source: Path) -> str:
        """Store a copy of the file at ``source``; return its SHA-256."""
        hasher = hashlib.sha256()
        with source.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
        digest = hasher.hexdigest()
        target = self.path_for(digest)
        if target.exists() and self._matches(target, digest):
            return digest
        with source.open("rb") as handle:
            self._write_atomically(target, iter(lambda: handle.read(_CHUNK), b""))
        if not self._matches(target, digest):
            target.unlink(missing_ok=True)
            raise AttachmentError(f"{source} 在复制时发生了变化，请重试 / changed while copied")
        return digest

    def read_bytes(self, sha256: str) -> bytes:
        """The bytes stored under ``sha256``.

        Raises AttachmentError if the file is missing or its content no longer matches.
        """
        path = self.path_for(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise AttachmentError(
                f"附件 {sha256[:12]}… 缺失（{path}）。请从备份或导出文件恢复。 / Attachment"
                f" missing: {path}. Restore it from a backup or an export."
            ) from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise AttachmentError(
                f"附件 {path} 已损坏（内容与编号不符）。请从备份或导出文件恢复。 / Attachment"
                f" {path} is damaged (its content does not match its hash)."
            )
        return data

    def verify(self, sha256: str) -> bool:
        """Whether the file for ``sha256`` exists and matches its hash."""
        path = self.path_for(sha256)
        return path.exists() and self._matches(path, sha256)

    @staticmethod
    def _matches(path: Path, sha256: str) -> bool:
        hasher = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
        return hasher.hexdigest() == sha256

    def _write_atomically(
        self, target: Path, chunks: Iterable[bytes], durable: bool = True
    ) -> None:
        try:
            write_atomically(target, chunks, durable=durable)
        except OSError as err:
            if err.errno == errno.ENOSPC:
                raise DiskFull(
                    f"磁盘已满，附件没有保存（{target.parent}）。请腾出空间后重试。 / The disk"
                    " is full; the attachment was not saved. Free some space and retry."
                ) from err
            raise


def record_attachment(
    db: Database, sha256: str, size: int, media_type: str, original_name: str = ""
) -> Attachment:
    """Register a stored file in the database (inside the caller's transaction)."""
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO attachments (sha256, size, media_type, original_name, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
        [sha256, size, media_type, original_name, created],
    )
    row = db.execute(
        "SELECT sha256, size, media_type, original_name, created_at FROM attachments"
        " WHERE sha256 = ?",
        [sha256],
    ).fetchone()
    return Attachment(*row)
