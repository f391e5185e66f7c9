"""SQL for inspections: the inspection, its officers and runs, answers, photos, findings,
signatures and amendments."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.errors import NotFound
from fieldapp.store.registry import now_text

INSPECTION_COLUMNS = (
    "id",
    "unit_id",
    "check_type",
    "task_source",
    "campaign",
    "state",
    "started_at",
    "finished_at",
    "created_by",
    "unit_representative",
    "unit_representative_post",
    "unit_representative_phone",
    "unit_opinion",
    "refused_to_sign",
    "refusal_reason",
    "refusal_witness",
    "current_run",
    "current_item",
    "locked",
    "rev",
    "updated_at",
    "origin_device",
)


@dataclass(frozen=True)
class InspectionRow:
    id: str
    unit_id: str
    check_type: str
    task_source: str
    campaign: str | None
    state: str
    started_at: str
    finished_at: str | None
    created_by: str
    unit_representative: str
    unit_representative_post: str
    unit_representative_phone: str
    unit_opinion: str
    refused_to_sign: bool
    refusal_reason: str
    refusal_witness: str
    current_run: int
    current_item: str
    locked: bool
    rev: int
    updated_at: str
    origin_device: str


@dataclass(frozen=True)
class RunRow:
    id: str
    position: int
    checklist_id: str
    checklist_hash: str
    equipment_id: str | None


@dataclass(frozen=True)
class AnswerRow:
    id: str
    run_id: str
    item_id: str
    value: Any
    note: str
    answered_at: str
    photos: tuple[str, ...]


@dataclass(frozen=True)
class FindingRow:
    id: str
    inspection_id: str
    run_id: str | None
    item_id: str | None
    equipment_id: str | None
    position: int
    text: str
    severity: str
    measure: str
    deadline: dt.date | None
    violated: str
    penalty: str
    code: str
    dropped: bool
    drop_reason: str
    rev: int


@dataclass(frozen=True)
class SignatureRow:
    signer: str  # "officer:<id>" or "unit"
    name: str
    sha256: str
    signed_at: str


@dataclass(frozen=True)
class AmendmentRow:
    id: str
    entity: str
    entity_id: str
    field: str
    old_value: str
    new_value: str
    reason: str
    at: str
    actor: str


# --- inspections -------------------------------------------------------------------------


def insert_inspection(db: Database, values: dict[str, Any]) -> None:
    db.table("inspections").insert(values)


def get_inspection(db: Database, inspection_id: str) -> InspectionRow:
    """Raises NotFound if there is no such inspection."""
    row = db.execute(
        f"SELECT {', '.join(INSPECTION_COLUMNS)} FROM inspections WHERE id = ?", [inspection_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"检查记录不存在 / no such inspection: {inspection_id}")
    values = dict(zip(INSPECTION_COLUMNS, row, strict=True))
    values["refused_to_sign"] = bool(values["refused_to_sign"])
    values["locked"] = bool(values["locked"])
    return InspectionRow(**values)


def update_inspection(db: Database, inspection_id: str, **values: Any) -> None:
    """Change columns of an inspection, bumping ``rev`` and ``updated_at``."""
    if not values:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    db.execute(
        f"UPDATE inspections SET {assignments}, rev = rev + 1, updated_at = :updated_at"
        " WHERE id = :id",
        {**values, "updated_at": now_text(), "id": inspection_id},
    )


def set_position(db: Database, inspection_id: str, run: int, item_id: str) -> None:
    """Remember where the officer is (no rev bump: it is not a change of the record)."""
    db.execute(
        "UPDATE inspections SET current_run = ?, current_item = ? WHERE id = ?",
        [run, item_id, inspection_id],
    )


def delete_draft(db: Database, inspection_id: str) -> None:
    db.execute(
        "DELETE FROM inspections WHERE id = ? AND state = 'draft' AND locked = 0", [inspection_id]
    )


@dataclass(frozen=True)
class InspectionSummary:
    id: str
    unit_name: str
    check_type: str
    state: str
    started_at: str
    finished_at: str | None
    devices: int
    findings: int
    overdue_findings: int
    earliest_deadline: str | None


def list_inspections(
    db: Database,
    state: str | None = None,
    text: str = "",
    today: dt.date | None = None,
    limit: int = 500,
) -> list[InspectionSummary]:
    """Inspections, newest first. ``state`` may also be ``overdue``: a notice's findings
    past their deadline and not closed."""
    today = today or dt.date.today()
    params: dict[str, Any] = {"today": today.isoformat(), "limit": limit}
    where = ["1 = 1"]
    if state == "overdue":
        where.append(
            "i.state IN ('notice_issued', 'awaiting_reinspection') AND overdue_findings > 0"
        )
    elif state:
        where.append("i.state = :state")
        params["state"] = state
    if text.strip():
        params["q"] = f"%{text.strip()}%"
        where.append("(u.name LIKE :q OR u.credit_code LIKE :q OR i.task_source LIKE :q)")
    sql = f"""
        SELECT i.id, u.name, i.check_type, i.state, i.started_at, i.finished_at,
               (SELECT COUNT(*) FROM inspection_runs r
                 WHERE r.inspection_id = i.id AND r.equipment_id IS NOT NULL) AS devices,
               (SELECT COUNT(*) FROM findings f
                 WHERE f.inspection_id = i.id AND f.dropped = 0) AS findings,
               (SELECT COUNT(*) FROM findings f WHERE f.inspection_id = i.id AND f.dropped = 0
                 AND f.deadline IS NOT NULL AND f.deadline < :today) AS overdue_findings,
               (SELECT MIN(f.deadline) FROM findings f
                 WHERE f.inspection_id = i.id AND f.dropped = 0) AS earliest_deadline
        FROM inspections i JOIN units u ON u.id = i.unit_id
        WHERE {" AND ".join(where)}
        ORDER BY i.started_at DESC
        LIMIT :limit
    """
    return [InspectionSummary(*row) for row in db.execute(sql, params)]


# --- officers and runs -------------------------------------------------------------------


def set_officers(db: Database, inspection_id: str, officer_ids: list[str]) -> None:
    db.execute("DELETE FROM inspection_officers WHERE inspection_id = ?", [inspection_id])
    for position, officer_id in enumerate(officer_ids):
        db.execute(
            "INSERT INTO inspection_officers (inspection_id, officer_id, position)"
            " VALUES (?, ?, ?)",
            [inspection_id, officer_id, position],
        )


def officer_ids(db: Database, inspection_id: str) -> list[str]:
    rows = db.execute(
        "SELECT officer_id FROM inspection_officers WHERE inspection_id = ? ORDER BY position",
        [inspection_id],
    )
    return [str(r[0]) for r in rows]


def insert_run(
    db: Database,
    run_id: str,
    inspection_id: str,
    position: int,
    checklist_id: str,
    checklist_hash: str,
    equipment_id: str | None,
) -> None:
    db.execute(
        "INSERT INTO inspection_runs (id, inspection_id, position, checklist_id,"
        " checklist_hash, equipment_id) VALUES (?, ?, ?, ?, ?, ?)",
        [run_id, inspection_id, position, checklist_id, checklist_hash, equipment_id],
    )


def runs(db: Database, inspection_id: str) -> list[RunRow]:
    rows = db.execute(
        "SELECT id, position, checklist_id, checklist_hash, equipment_id FROM inspection_runs"
        " WHERE inspection_id = ? ORDER BY position",
        [inspection_id],
    )
    return [RunRow(*row) for row in rows]


# --- answers -----------------------------------------------------------------------------


def get_answer(db: Database, run_id: str, item_id: str) -> AnswerRow | None:
    row = db.execute(
        "SELECT id, run_id, item_id, value, note, answered_at FROM answers"
        " WHERE run_id = ? AND item_id = ?",
        [run_id, item_id],
    ).fetchone()
    if row is None:
        return None
    return AnswerRow(
        row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], tuple(photos_of(db, row[0]))
    )


def upsert_answer(
    db: Database,
    answer_id: str,
    inspection_id: str,
    run_id: str,
    item_id: str,
    value: Any,
    note: str,
    device: str,
) -> str:
    """Write the answer to an item; return the answer's id (an existing one is kept)."""
    now = now_text()
    db.execute(
        "INSERT INTO answers (id, inspection_id, run_id, item_id, value, note, answered_at,"
        " updated_at, origin_device) VALUES (:id, :inspection, :run, :item, :value, :note,"
        " :now, :now, :device) ON CONFLICT(run_id, item_id) DO UPDATE SET"
        " value = excluded.value, note = excluded.note, answered_at = excluded.answered_at,"
        " updated_at = excluded.updated_at, rev = answers.rev + 1",
        {
            "id": answer_id,
            "inspection": inspection_id,
            "run": run_id,
            "item": item_id,
            "value": json.dumps(value, ensure_ascii=False),
            "note": note,
            "now": now,
            "device": device,
        },
    )
    return str(
        db.execute(
            "SELECT id FROM answers WHERE run_id = ? AND item_id = ?", [run_id, item_id]
        ).fetchone()[0]
    )


def delete_answer(db: Database, run_id: str, item_id: str) -> None:
    db.execute("DELETE FROM answers WHERE run_id = ? AND item_id = ?", [run_id, item_id])


def answers_of_run(db: Database, run_id: str) -> dict[str, AnswerRow]:
    photos: dict[str, list[str]] = {}
    for answer_id, sha in db.execute(
        "SELECT p.answer_id, p.sha256 FROM answer_photos p JOIN answers a ON a.id = p.answer_id"
        " WHERE a.run_id = ? ORDER BY p.position",
        [run_id],
    ):
        photos.setdefault(answer_id, []).append(sha)
    rows = db.execute(
        "SELECT id, run_id, item_id, value, note, answered_at FROM answers WHERE run_id = ?",
        [run_id],
    )
    return {
        row[2]: AnswerRow(
            row[0],
            row[1],
            row[2],
            json.loads(row[3]),
            row[4],
            row[5],
            tuple(photos.get(row[0], ())),
        )
        for row in rows
    }


def add_photo(db: Database, answer_id: str, sha256: str, taken_at: str) -> None:
    position = db.execute(
        "SELECT COALESCE(MAX(position), -1) + 1 FROM answer_photos WHERE answer_id = ?", [answer_id]
    ).fetchone()[0]
    db.execute(
        "INSERT INTO answer_photos (answer_id, sha256, position, taken_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [answer_id, sha256, position, taken_at],
    )


def remove_photo(db: Database, answer_id: str, sha256: str) -> None:
    db.execute("DELETE FROM answer_photos WHERE answer_id = ? AND sha256 = ?", [answer_id, sha256])


def photos_of(db: Database, answer_id: str) -> list[str]:
    rows = db.execute(
        "SELECT sha256 FROM answer_photos WHERE answer_id = ? ORDER BY position", [answer_id]
    )
    return [str(r[0]) for r in rows]


# --- findings ----------------------------------------------------------------------------

_FINDING_COLUMNS = (
    "id, inspection_id, run_id, item_id, equipment_id, position, text, severity,"
    " measure, deadline, violated, penalty, code, dropped, drop_reason, rev"
)


def _finding(row: Any) -> FindingRow:
    values = list(row)
    values[9] = dt.date.fromisoformat(values[9]) if values[9] else None
    values[13] = bool(values[13])
    return FindingRow(*values)


def findings(db: Database, inspection_id: str, include_dropped: bool = True) -> list[FindingRow]:
    sql = f"SELECT {_FINDING_COLUMNS} FROM findings WHERE inspection_id = ?"
    if not include_dropped:
        sql += " AND dropped = 0"
    return [_finding(r) for r in db.execute(sql + " ORDER BY position", [inspection_id])]


def get_finding(db: Database, finding_id: str) -> FindingRow:
    row = db.execute(
        f"SELECT {_FINDING_COLUMNS} FROM findings WHERE id = ?", [finding_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"问题不存在 / no such finding: {finding_id}")
    return _finding(row)


def finding_for_item(db: Database, run_id: str, item_id: str) -> FindingRow | None:
    row = db.execute(
        f"SELECT {_FINDING_COLUMNS} FROM findings WHERE run_id = ? AND item_id = ?",
        [run_id, item_id],
    ).fetchone()
    return _finding(row) if row else None


def insert_finding(db: Database, values: dict[str, Any]) -> None:
    position = db.execute(
        "SELECT COALESCE(MAX(position), -1) + 1 FROM findings WHERE inspection_id = ?",
        [values["inspection_id"]],
    ).fetchone()[0]
    now = now_text()
    db.table("findings").insert({**values, "position": position, "updated_at": now})


def update_finding(db: Database, finding_id: str, **values: Any) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    db.execute(
        f"UPDATE findings SET {assignments}, rev = rev + 1, updated_at = :updated_at"
        " WHERE id = :id",
        {**values, "updated_at": now_text(), "id": finding_id},
    )


def delete_finding(db: Database, finding_id: str) -> None:
    db.execute("DELETE FROM findings WHERE id = ?", [finding_id])


# --- signatures and amendments -----------------------------------------------------------


def set_signature(db: Database, inspection_id: str, signer: str, name: str, sha256: str) -> None:
    db.execute(
        "INSERT INTO signatures (inspection_id, signer, name, sha256, signed_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(inspection_id, signer) DO UPDATE SET"
        " name = excluded.name, sha256 = excluded.sha256, signed_at = excluded.signed_at",
        [inspection_id, signer, name, sha256, now_text()],
    )


def clear_signature(db: Database, inspection_id: str, signer: str) -> None:
    db.execute(
        "DELETE FROM signatures WHERE inspection_id = ? AND signer = ?", [inspection_id, signer]
    )


def signatures(db: Database, inspection_id: str) -> dict[str, SignatureRow]:
    rows = db.execute(
        "SELECT signer, name, sha256, signed_at FROM signatures WHERE inspection_id = ?",
        [inspection_id],
    )
    return {str(r[0]): SignatureRow(*r) for r in rows}


def insert_amendment(db: Database, values: dict[str, Any]) -> None:
    db.table("amendments").insert(values)


def amendments(db: Database, inspection_id: str) -> list[AmendmentRow]:
    rows = db.execute(
        "SELECT id, entity, entity_id, field, old_value, new_value, reason, at, actor"
        " FROM amendments WHERE inspection_id = ? ORDER BY at",
        [inspection_id],
    )
    return [AmendmentRow(*row) for row in rows]
