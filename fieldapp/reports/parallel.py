"""Independent read-only statements run side by side, each on a connection of its own.

SQLite lets go of the GIL while it steps through a query, so on a laptop with two or more
cores the five aggregates behind a per-district table (units, devices, inspections,
findings, notices) take about as long as the slowest of them instead of their sum. Each
statement sees the database as it was when it started; the reports only ever read.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlite_utils import Database

__all__ = ["Statement", "run_side_by_side"]

Statement = tuple[str, dict[str, Any]]


def _file_of(db: Database) -> str:
    """The database file behind ``db`` ('' for an in-memory or temporary database)."""
    for _seq, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(path or "")
    return ""


def run_side_by_side(db: Database, statements: Sequence[Statement]) -> list[list[Any]]:
    """The rows of each statement, in order. The statements run in worker threads on
    read-only connections of their own when ``db`` is a file and there is more than one
    core; otherwise one after the other on ``db``. Raises what SQLite raises."""
    path = _file_of(db)
    workers = min(len(statements), os.cpu_count() or 1)
    if not path or workers < 2:
        return [db.execute(sql, params).fetchall() for sql, params in statements]
    local = threading.local()
    opened: list[sqlite3.Connection] = []
    lock = threading.Lock()

    def run(statement: Statement) -> list[Any]:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA busy_timeout = 5000")
            local.conn = conn
            with lock:
                opened.append(conn)
        sql, params = statement
        return conn.execute(sql, params).fetchall()

    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report") as pool:
            return list(pool.map(run, statements))
    finally:
        for conn in opened:
            conn.close()
