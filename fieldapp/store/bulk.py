"""Bulk loading: many rows at once, for demo and benchmark workspaces built from scratch.

``bulk_loading`` relaxes the database's safety settings for as long as it runs (no
foreign-key checks, rollback journal in memory, no fsync, a larger page cache) and puts
them back afterwards, so it is only for a database that a failure may simply delete (a
demo being built). Everything written inside it is still one transaction per
``Store.transaction()``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from fieldapp.store import Store

#: Page cache while loading, in KiB (SQLite's negative ``cache_size``).
BULK_CACHE_KIB = 131072


@contextlib.contextmanager
def bulk_loading(store: Store) -> Iterator[None]:
    """Relax durability for a bulk load of a throw-away database; restore it on exit.

    Must not be entered inside a transaction (SQLite ignores ``foreign_keys`` and refuses
    to change the journal mode there).
    """
    db = store.db
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    db.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        db.execute("PRAGMA cache_size = -2000")
        db.execute("PRAGMA temp_store = DEFAULT")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert every row (values in the order of ``columns``) with one prepared statement;
    return how many were inserted. ``rows`` may be a generator: nothing is held in memory."""
    counted = _Counter(rows)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", counted)
    return counted.count


def update_rows(db: Database, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """Run one UPDATE statement (with ``?`` parameters) for every row of parameters."""
    db.conn.executemany(sql, rows)


def finish_bulk_load(db: Database) -> None:
    """After a bulk load: merge the full-text indexes into one segment each and gather the
    statistics the query planner uses (on a sample, so it stays quick on a large file)."""
    db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    db.execute("PRAGMA analysis_limit = 2000")
    db.execute("ANALYZE")


class _Counter:
    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._rows = iter(rows)
        self.count = 0

    def __iter__(self) -> _Counter:
        return self

    def __next__(self) -> Sequence[Any]:
        row = next(self._rows)
        self.count += 1
        return row
