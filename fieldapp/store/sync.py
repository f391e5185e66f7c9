"""SQL for moving records by file: reading rows to export, merging imported rows, and the
bookkeeping tables of m0005 (batch history, what went out, receipts, conflicts, aliases).

Table and column names come only from ``fieldapp.sync.records`` (fixed lists), never from a
file, so building SQL from them is safe.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.ids import uuid7
from fieldapp.store.registry import now_text

_CHUNK = 500  # ids per IN (...) query; well under SQLite's variable limit

# what a merge raises when rows clash with a constraint (the importer refuses the file)
ConstraintClash = sqlite3.IntegrityError


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def select_rows(
    db: Database, table: str, columns: Sequence[str], where: str = "", params: Sequence[Any] = ()
) -> Iterator[tuple[Any, ...]]:
    sql = f"SELECT {', '.join(columns)} FROM {table}"
    if where:
        sql += f" WHERE {where}"
    yield from db.execute(sql, list(params))


def rows_by_column(
    db: Database, table: str, columns: Sequence[str], column: str, values: Sequence[Any]
) -> Iterator[tuple[Any, ...]]:
    """Rows whose ``column`` is one of ``values`` (queried in chunks)."""
    for chunk in _chunks(list(values)):
        marks = ", ".join("?" * len(chunk))
        yield from db.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {column} IN ({marks})", list(chunk)
        )


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def update_rows(
    db: Database,
    table: str,
    columns: Sequence[str],
    key: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    """Set ``columns`` on the rows named by ``key``; each row holds columns then key values."""
    sets = ", ".join(f"{c} = ?" for c in columns)
    where = " AND ".join(f"{k} = ?" for k in key)
    db.conn.executemany(f"UPDATE {table} SET {sets} WHERE {where}", rows)


def set_locked(db: Database, inspection_ids: Sequence[str]) -> None:
    for chunk in _chunks(list(inspection_ids)):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"UPDATE inspections SET locked = 1 WHERE id IN ({marks})", list(chunk))


def foreign_key_problems(db: Database, limit: int = 5) -> list[tuple[str, str]]:
    """(table, referenced table) of rows whose references point nowhere."""
    rows = db.execute("PRAGMA foreign_key_check").fetchmany(limit)
    return [(row[0], row[2]) for row in rows]


# --- aliases: the same unit, officer or device under another id ------------------------------


def aliases(db: Database) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for kind, incoming, local in db.execute("SELECT kind, incoming_id, local_id FROM sync_aliases"):
        result.setdefault(kind, {})[incoming] = local
    return result


def add_alias(db: Database, kind: str, incoming_id: str, local_id: str) -> None:
    db.execute(
        "INSERT INTO sync_aliases (kind, incoming_id, local_id) VALUES (?, ?, ?)"
        " ON CONFLICT (kind, incoming_id) DO UPDATE SET local_id = excluded.local_id",
        [kind, incoming_id, local_id],
    )


def ids_by_natural_key(
    db: Database, table: str, column: str, values: Sequence[str]
) -> dict[str, str]:
    """value → id of the first local row whose ``column`` holds it (empty values skipped)."""
    found: dict[str, str] = {}
    wanted = [v for v in set(values) if v]
    for value, record_id in rows_by_column(db, table, (column, "id"), column, wanted):
        found.setdefault(value, record_id)
    return found


# --- history ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchRow:
    batch_id: str
    direction: str
    kind: str
    producer_key: str
    producer_name: str
    producer_code: str
    sequence: int | None
    created_at: str
    processed_at: str
    file_name: str
    sha256: str
    size: int
    records: int
    report: dict[str, Any]


_BATCH_COLUMNS = (
    "batch_id, direction, kind, producer_key, producer_name, producer_code, sequence,"
    " created_at, processed_at, file_name, sha256, size, records, report"
)


def _batch(row: Sequence[Any]) -> BatchRow:
    values = list(row)
    values[-1] = json.loads(values[-1] or "{}")
    return BatchRow(*values)


def record_batch(db: Database, row: BatchRow) -> None:
    db.execute(
        f"INSERT INTO sync_batches ({_BATCH_COLUMNS}) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row.batch_id,
            row.direction,
            row.kind,
            row.producer_key,
            row.producer_name,
            row.producer_code,
            row.sequence,
            row.created_at,
            row.processed_at,
            row.file_name,
            row.sha256,
            row.size,
            row.records,
            json.dumps(row.report, ensure_ascii=False, sort_keys=True),
        ],
    )


def get_batch(db: Database, batch_id: str) -> BatchRow | None:
    row = db.execute(
        f"SELECT {_BATCH_COLUMNS} FROM sync_batches WHERE batch_id = ?", [batch_id]
    ).fetchone()
    return _batch(row) if row else None


def batch_history(db: Database, direction: str | None = None, limit: int = 500) -> list[BatchRow]:
    sql = f"SELECT {_BATCH_COLUMNS} FROM sync_batches"
    params: list[Any] = []
    if direction:
        sql += " WHERE direction = ?"
        params.append(direction)
    sql += " ORDER BY processed_at DESC, rowid DESC LIMIT ?"
    params.append(limit)
    return [_batch(row) for row in db.execute(sql, params)]


def imported_sequences(db: Database, producer_key: str) -> set[int]:
    return {
        row[0]
        for row in db.execute(
            "SELECT sequence FROM sync_batches WHERE direction = 'import' AND kind = 'batch'"
            " AND producer_key = ? AND sequence IS NOT NULL",
            [producer_key],
        )
    }


def last_export_sequence(db: Database) -> int:
    row = db.execute(
        "SELECT max(sequence) FROM sync_batches WHERE direction = 'export' AND kind = 'batch'"
    ).fetchone()
    return int(row[0] or 0)


# --- what went out, what was received --------------------------------------------------------


def exported_revs(db: Database, kind: str) -> dict[str, int]:
    return {
        record_id: rev
        for record_id, rev in db.execute(
            "SELECT record_id, rev FROM sync_exported WHERE kind = ?", [kind]
        )
    }


def mark_exported(db: Database, batch_id: str, rows: Iterable[tuple[str, str, int]]) -> None:
    db.conn.executemany(
        "INSERT INTO sync_exported (kind, record_id, rev, batch_id) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (kind, record_id) DO UPDATE SET rev = excluded.rev,"
        " batch_id = excluded.batch_id",
        ((kind, record_id, rev, batch_id) for kind, record_id, rev in rows),
    )


def mark_received(db: Database, receipt_id: str, rows: Iterable[tuple[str, str, int]]) -> int:
    at = now_text()
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO sync_received (kind, record_id, rev, receipt_id, received_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, record_id) DO UPDATE SET"
        " rev = excluded.rev, receipt_id = excluded.receipt_id,"
        " received_at = excluded.received_at WHERE excluded.rev > sync_received.rev",
        ((kind, record_id, rev, receipt_id, at) for kind, record_id, rev in rows),
    )
    return int(db.execute("SELECT total_changes()").fetchone()[0] - before)


def received(db: Database, kind: str) -> dict[str, int]:
    """record id → the rev the supervisor confirmed holding."""
    return {
        record_id: rev
        for record_id, rev in db.execute(
            "SELECT record_id, rev FROM sync_received WHERE kind = ?", [kind]
        )
    }


# --- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRow:
    id: str
    batch_id: str
    kind: str
    record_id: str
    incoming: dict[str, Any]
    reason: str
    at: str
    resolved_at: str | None
    resolution: str


def add_conflicts(db: Database, batch_id: str, rows: Iterable[tuple[str, str, str, str]]) -> None:
    """Keep each (kind, record id, incoming JSON, reason) beside the original."""
    at = now_text()
    db.conn.executemany(
        "INSERT INTO sync_conflicts (id, batch_id, kind, record_id, incoming, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (uuid7(), batch_id, kind, rid, incoming, reason, at)
            for kind, rid, incoming, reason in rows
        ),
    )


def open_conflicts(db: Database, limit: int = 1000) -> list[ConflictRow]:
    rows = db.execute(
        "SELECT id, batch_id, kind, record_id, incoming, reason, at, resolved_at, resolution"
        " FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY at, id LIMIT ?",
        [limit],
    )
    return [
        ConflictRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8]) for r in rows
    ]


def resolve_conflict(db: Database, conflict_id: str, resolution: str) -> None:
    db.execute(
        "UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
        [now_text(), resolution, conflict_id],
    )


def get_conflict(db: Database, conflict_id: str) -> ConflictRow | None:
    row = db.execute(
        "SELECT id, batch_id, kind, record_id, incoming, reason, at, resolved_at, resolution"
        " FROM sync_conflicts WHERE id = ?",
        [conflict_id],
    ).fetchone()
    if row is None:
        return None
    return ConflictRow(
        row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7], row[8]
    )


def local_record(
    db: Database,
    table: str,
    columns: Sequence[str],
    key: Sequence[str],
    values: Sequence[Any],
) -> dict[str, Any] | None:
    """The row of ``table`` whose ``key`` columns hold ``values``, as a dict, or None.

    ``table``, ``columns`` and ``key`` come from ``fieldapp.sync.records``, never from a file.
    """
    where = " AND ".join(f"{k} = ?" for k in key)
    row = db.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", list(values)
    ).fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


# top-level kinds with a rev column: what a batch carries and a receipt confirms
_REV_KINDS = ("officers", "units", "equipment", "inspections", "notices", "reinspections")


def exchange_states(db: Database, kind: str) -> dict[str, str]:
    """record id → "received" (the supervisor confirmed holding it at its present rev or a
    later one) or "exported" (its present rev went out in a batch, not yet confirmed), for
    the records of ``kind`` that are either. Raises ValueError for a kind without a rev."""
    if kind not in _REV_KINDS:
        raise ValueError(f"no exchange state for {kind!r}")
    rows = db.execute(
        f"SELECT t.id, CASE WHEN r.rev >= t.rev THEN 'received'"
        f" WHEN e.rev >= t.rev THEN 'exported' END"
        f" FROM {kind} t"
        " LEFT JOIN sync_received r ON r.kind = ? AND r.record_id = t.id"
        " LEFT JOIN sync_exported e ON e.kind = ? AND e.record_id = t.id"
        " WHERE r.record_id IS NOT NULL OR e.record_id IS NOT NULL",
        [kind, kind],
    )
    return {record_id: state for record_id, state in rows if state}
