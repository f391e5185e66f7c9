"""The append-only audit log: who changed what and when, chained by SHA-256.

Each entry's hash covers its own fields and the previous entry's hash; the newest
``seq:hash`` is also kept in the ``workspace`` table, written in the same transaction, so
that removing entries from the end is found as well as altering, removing or reordering
entries in the middle. Triggers refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.models import AuditEntry

GENESIS = "0" * 64
_HEAD_KEY = "audit_head"


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same value always gives the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
    prev_hash: str,
) -> str:
    material = canonical_json([seq, at, actor, action, entity, entity_id, detail, prev_hash])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _head(db: Database) -> tuple[int, str]:
    row = db.execute("SELECT value FROM workspace WHERE key = ?", [_HEAD_KEY]).fetchone()
    if not row:
        return 0, GENESIS
    seq, _, digest = str(row[0]).partition(":")
    return int(seq), digest


def append_audit(
    db: Database,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; call it inside the transaction that makes the change."""
    if not db.conn.in_transaction:
        raise RuntimeError("append_audit must run inside the change's transaction")
    last_seq, prev = _head(db)
    seq = last_seq + 1
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    detail_text = canonical_json(detail or {})
    digest = entry_hash(seq, at, actor, action, entity, entity_id, detail_text, prev)
    db.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash,"
        " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, at, actor, action, entity, entity_id, detail_text, prev, digest],
    )
    db.execute(
        "INSERT INTO workspace (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [_HEAD_KEY, f"{seq}:{digest}"],
    )
    return AuditEntry(seq, at, actor, action, entity, entity_id, detail_text, prev, digest)


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    kind: str  # altered | removed | reordered | truncated
    message: str


def verify_audit_chain(db: Database) -> list[AuditProblem]:
    """Walk the chain; return every place where it was altered, cut or reordered."""
    problems: list[AuditProblem] = []
    expected_seq, prev = 1, GENESIS
    rows = db.execute(
        "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash"
        " FROM audit_log ORDER BY seq"
    )
    for seq, at, actor, action, entity, entity_id, detail, prev_hash, digest in rows:
        if seq != expected_seq:
            problems.append(
                AuditProblem(
                    seq,
                    "removed",
                    f"entries {expected_seq}–{seq - 1} are missing before entry {seq}",
                )
            )
        elif prev_hash != prev:
            problems.append(
                AuditProblem(seq, "reordered", f"entry {seq} does not follow entry {seq - 1}")
            )
        if entry_hash(seq, at, actor, action, entity, entity_id, detail, prev_hash) != digest:
            problems.append(AuditProblem(seq, "altered", f"entry {seq} was altered"))
        expected_seq, prev = seq + 1, digest
    head_seq, head_hash = _head(db)
    if head_seq != expected_seq - 1 or head_hash != prev:
        problems.append(
            AuditProblem(
                head_seq,
                "truncated",
                f"the log ends at entry {expected_seq - 1}, but entry {head_seq} was written",
            )
        )
    return problems


def audit_entries(db: Database, entity_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
    """The newest entries first, optionally only those about one record."""
    sql = "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log"
    params: list[Any] = []
    if entity_id is not None:
        sql += " WHERE entity_id = ?"
        params.append(entity_id)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [AuditEntry(*row) for row in db.execute(sql, params)]
