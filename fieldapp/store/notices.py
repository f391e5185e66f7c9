"""SQL for notices: numbering, the notice rows, stored documents, re-inspections and the
equipment status a notice holds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.errors import NotFound
from fieldapp.store.registry import now_text


@dataclass(frozen=True)
class NoticeRow:
    id: str
    inspection_id: str
    kind: str  # order | seal | seize
    number: str
    officer_code: str
    year: int
    sequence: int
    issued_at: str
    deadline: dt.date | None
    state: str  # issued | awaiting_reinspection | closed | escalated
    closed_at: str | None
    payload: str
    pdf_sha256: str | None


_COLUMNS = (
    "id, inspection_id, kind, number, officer_code, year, sequence, issued_at, deadline,"
    " state, closed_at, payload, pdf_sha256"
)


def _row(values: Any) -> NoticeRow:
    row = list(values)
    row[8] = dt.date.fromisoformat(row[8]) if row[8] else None
    return NoticeRow(*row)


def next_sequence(db: Database, officer_code: str, year: int, kind: str) -> int:
    """Take the next number of this officer's series for the year (in the caller's
    transaction): never reused, never skipped."""
    db.execute(
        "INSERT INTO notice_sequences (officer_code, year, kind, last) VALUES (?, ?, ?, 1)"
        " ON CONFLICT(officer_code, year, kind) DO UPDATE SET last = last + 1",
        [officer_code, year, kind],
    )
    return int(
        db.execute(
            "SELECT last FROM notice_sequences WHERE officer_code = ? AND year = ? AND kind = ?",
            [officer_code, year, kind],
        ).fetchone()[0]
    )


def insert_notice(db: Database, values: dict[str, Any]) -> None:
    db.table("notices").insert({**values, "updated_at": now_text()})


def get_notice(db: Database, notice_id: str) -> NoticeRow:
    row = db.execute(f"SELECT {_COLUMNS} FROM notices WHERE id = ?", [notice_id]).fetchone()
    if row is None:
        raise NotFound(f"指令书不存在 / no such notice: {notice_id}")
    return _row(row)


def notices_of(db: Database, inspection_id: str) -> list[NoticeRow]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM notices WHERE inspection_id = ? ORDER BY kind", [inspection_id]
    )
    return [_row(r) for r in rows]


def notice_by_number(db: Database, number: str) -> NoticeRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM notices WHERE number = ?", [number]).fetchone()
    return _row(row) if row else None


def set_notice_state(
    db: Database,
    notice_id: str,
    state: str,
    closed_at: str | None = None,
) -> None:
    db.execute(
        "UPDATE notices SET state = ?, closed_at = ?, rev = rev + 1, updated_at = ? WHERE id = ?",
        [state, closed_at, now_text(), notice_id],
    )


def set_notice_pdf(db: Database, notice_id: str, sha256: str) -> None:
    db.execute("UPDATE notices SET pdf_sha256 = ? WHERE id = ?", [sha256, notice_id])


def put_document(db: Database, inspection_id: str, kind: str, sha256: str, file_name: str) -> None:
    db.execute(
        "INSERT INTO documents (inspection_id, kind, sha256, file_name, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(inspection_id, kind) DO UPDATE SET"
        " sha256 = excluded.sha256, file_name = excluded.file_name,"
        " created_at = excluded.created_at",
        [inspection_id, kind, sha256, file_name, now_text()],
    )


def documents(db: Database, inspection_id: str) -> dict[str, tuple[str, str]]:
    """kind → (sha256, file name) of the documents kept with an inspection."""
    rows = db.execute(
        "SELECT kind, sha256, file_name FROM documents WHERE inspection_id = ?", [inspection_id]
    )
    return {str(k): (str(s), str(f)) for k, s, f in rows}


def hold_equipment(db: Database, equipment_id: str, status: str, notice_id: str) -> None:
    """Set a device's status under a notice, remembering the status it had."""
    db.execute(
        "UPDATE equipment SET status_before_order = COALESCE(status_before_order, status),"
        " status = ?, held_by_notice = ?, rev = rev + 1, updated_at = ? WHERE id = ?",
        [status, notice_id, now_text(), equipment_id],
    )


def release_equipment(db: Database, notice_id: str) -> list[str]:
    """Give back the status devices had before the notice; return their ids."""
    ids = [
        str(r[0])
        for r in db.execute("SELECT id FROM equipment WHERE held_by_notice = ?", [notice_id])
    ]
    db.execute(
        "UPDATE equipment SET status = COALESCE(status_before_order, status),"
        " status_before_order = NULL, held_by_notice = NULL, rev = rev + 1, updated_at = ?"
        " WHERE held_by_notice = ?",
        [now_text(), notice_id],
    )
    return ids


def insert_reinspection(
    db: Database, values: dict[str, Any], results: list[tuple[str, bool, str, list[str]]]
) -> None:
    db.table("reinspections").insert({**values, "updated_at": now_text()})
    for finding_id, rectified, note, photos in results:
        db.execute(
            "INSERT INTO reinspection_findings (reinspection_id, finding_id, rectified, note,"
            " photos) VALUES (?, ?, ?, ?, ?)",
            [values["id"], finding_id, int(rectified), note, json.dumps(photos)],
        )


@dataclass(frozen=True)
class ReinspectionRow:
    id: str
    at: str
    outcome: str
    escalation: str
    note: str
    results: dict[str, tuple[bool, str, list[str]]]


def reinspections(db: Database, notice_id: str) -> list[ReinspectionRow]:
    out = []
    for rid, at, outcome, escalation, note in db.execute(
        "SELECT id, at, outcome, escalation, note FROM reinspections WHERE notice_id = ?"
        " ORDER BY at",
        [notice_id],
    ):
        results = {
            str(f): (bool(r), str(n), list(json.loads(p)))
            for f, r, n, p in db.execute(
                "SELECT finding_id, rectified, note, photos FROM reinspection_findings"
                " WHERE reinspection_id = ?",
                [rid],
            )
        }
        out.append(ReinspectionRow(rid, at, outcome, escalation, note, results))
    return out


@dataclass(frozen=True)
class OpenNotice:
    notice_id: str
    inspection_id: str
    number: str
    unit_name: str
    deadline: dt.date | None
    state: str
    held_devices: int


def open_notices(db: Database) -> list[OpenNotice]:
    """Notices not yet closed, the earliest deadline first (immediate measures first)."""
    rows = db.execute(
        "SELECT x.id, x.inspection_id, x.number, u.name, x.deadline, x.state,"
        " (SELECT COUNT(*) FROM equipment e WHERE e.held_by_notice = x.id)"
        " FROM notices x JOIN inspections i ON i.id = x.inspection_id"
        " JOIN units u ON u.id = i.unit_id WHERE x.state != 'closed'"
        " ORDER BY x.deadline IS NOT NULL, x.deadline, x.issued_at"
    )
    return [
        OpenNotice(a, b, c, d, dt.date.fromisoformat(e) if e else None, f, g)
        for a, b, c, d, e, f, g in rows
    ]
