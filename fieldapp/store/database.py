"""Opening the workspace database: checks, pragmas, backup and migrations.

A database is opened only after its header, ``application_id`` and ``user_version`` say it
is ours and not newer than this build; before any migration the file is copied to
``backups/``; all pending steps run in one transaction, so a failing step leaves the file
as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from fieldapp.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseTooNew,
    DiskFull,
    NotADatabase,
)
from fieldapp.store.migrations import SCHEMA, MigrationSet

log = logging.getLogger(__name__)

APPLICATION_ID = 0x46415050  # "FAPP"
_SQLITE_HEADER = b"SQLite format 3\x00"


@contextlib.contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's errors about the file into UserErrors that say what to do."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        raise translate_sqlite_error(err, path) from err


def translate_sqlite_error(err: sqlite3.DatabaseError, path: Path) -> Exception:
    """The UserError for a SQLite error about the file, or ``err`` itself if it is a bug."""
    text = str(err).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            f"磁盘已满，无法写入 {path}。刚才的操作没有保存，已有数据完好；请腾出磁盘空间后重试。"
            f" / The disk is full: {path} could not be written. The last action was not saved"
            " and nothing else was lost; free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return DatabaseError(
            f"无法写入 {path}：文件或文件夹是只读的，或者不存在。请换一个可写的工作区文件夹"
            f"（--home）。 / Cannot write {path}: the file or its folder is read-only or"
            " missing. Choose a writable workspace folder (--home)."
        )
    if "file is not a database" in text or "not a database" in text:
        return not_a_database(path)
    if "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            f"数据库文件 {path} 已损坏，fieldapp 没有改动它。请先复制整个工作区文件夹留存，再从"
            f" backups/ 中的备份或最近一次导出恢复。 / The database {path} is damaged; fieldapp"
            " left it untouched. Copy the whole workspace folder somewhere safe, then restore"
            " from a copy in backups/ or from your last export."
        )
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"数据库 {path} 正被另一个程序占用。请关闭其他 fieldapp 窗口后重试。 / The database"
            f" {path} is in use by another program. Close other fieldapp windows and retry."
        )
    return err


def not_a_database(path: Path) -> NotADatabase:
    return NotADatabase(
        f"{path} 不是 SQLite 数据库文件，fieldapp 没有改动它。请检查 --home 指向的文件夹。"
        f" / {path} is not an SQLite database; fieldapp left it untouched. Check the"
        " folder given with --home."
    )


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise not_a_database(path)


def _pragma_int(db: Database, name: str) -> int:
    row = db.execute(f"PRAGMA {name}").fetchone()
    return int(row[0]) if row else 0


def _check_ours_and_not_newer(db: Database, path: Path, schema: MigrationSet) -> int:
    """Return the database's ``user_version``; raise if it is not ours or too new."""
    app_id = _pragma_int(db, "application_id")
    version = _pragma_int(db, "user_version")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise NotADatabase(
            f"{path} 是别的程序的 SQLite 数据库，不是 fieldapp 工作区，fieldapp 没有改动它。"
            f" / {path} belongs to another program, not a fieldapp workspace; it was left"
            " untouched."
        )
    known = set(schema.names)
    applied = {m.name for m in schema.migrations.applied(db)} if tables else set()
    if version > schema.version or not applied <= known:
        raise DatabaseTooNew(
            f"{path} 由更新版本的 fieldapp 写入（数据库版本 {version}，本程序支持到 "
            f"{schema.version}）。请升级 fieldapp 后再打开；文件没有被改动。 / {path} was"
            f" written by a newer fieldapp (schema {version}, this build knows up to"
            f" {schema.version}). Upgrade fieldapp to open it; the file was not changed."
        )
    return version


def backup_database(db: Database, path: Path, backup_dir: Path, version: int) -> Path:
    """Copy the open database to ``backup_dir`` with SQLite's backup API; return the copy."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{path.stem}-v{version}-{stamp}.db"
    with contextlib.closing(sqlite3.connect(target)) as copy:
        db.conn.backup(copy)
    log.info("backed up %s to %s before migrating", path, target)
    return target


def open_database(
    path: Path, backup_dir: Path | None = None, schema: MigrationSet = SCHEMA
) -> Database:
    """Open (creating if missing) and migrate the workspace database at ``path``.

    Raises NotADatabase, DatabaseCorrupt, DatabaseTooNew, DiskFull or DatabaseError with
    a message that names the file; in every such case the file is left as it was.
    """
    _check_header(path)
    is_new = not path.exists() or path.stat().st_size == 0
    conn: sqlite3.Connection | None = None
    try:
        with sqlite_errors(path):
            # opened in a worker, then used by the GUI thread; one thread at a time uses it
            conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
            db = Database(conn, execute_plugins=False)
            version = _check_ours_and_not_newer(db, path, schema)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            if schema.migrations.pending(db):
                if not is_new and backup_dir is not None:
                    backup_database(db, path, backup_dir, version)
                with db.atomic():
                    schema.migrations.apply(db)
                    db.execute(f"PRAGMA user_version = {schema.version}")
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                log.info("database %s migrated from %d to %d", path, version, schema.version)
            return db
    except BaseException:
        if conn is not None:
            conn.close()
        raise
