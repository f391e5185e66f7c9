"""Writing a file so that a crash leaves either the old file or the whole new one.

The data goes to a temporary file in the same folder, is flushed to disk, renamed over the
target, and the folder is flushed too. Used for attachments, key files and documents.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(
    path: Path, chunks: Iterable[bytes], mode: int = 0o644, durable: bool = True
) -> None:
    """Write ``chunks`` to ``path`` atomically (creating its folder). Raises OSError; then
    no temporary file is left behind and ``path`` is as it was.

    ``durable=False`` skips the fsyncs: the caller then calls ``sync_to_disk`` once after
    many files (much faster than one fsync each) before it relies on them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    tmp = Path(tmp_name)
    try:
        tmp.chmod(mode)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        tmp.replace(path)
        if durable:
            _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def sync_to_disk(paths: Iterable[Path]) -> None:
    """Make files written with ``durable=False`` (and their folders) durable."""
    if hasattr(os, "sync"):
        os.sync()  # one call for everything written so far (POSIX)
        return
    folders = set()
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        folders.add(path.parent)
    for folder in folders:
        _fsync_dir(folder)
