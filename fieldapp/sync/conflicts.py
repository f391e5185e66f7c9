"""Reviewing conflicts: a record that arrived with the same ``rev`` as the one held here but
with other content was kept apart (``sync_conflicts``), never written over ours. A person
compares the two side by side and resolves the conflict; keeping ours leaves the data as it
is and only marks the conflict resolved (docs/batch-format.md, "Import rules").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.errors import UserError
from fieldapp.store import sync as q
from fieldapp.sync import records as r

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace

KEPT_OURS = "kept ours"


class ConflictGone(UserError):
    """The conflict does not exist or was resolved already."""


@dataclass(frozen=True)
class ConflictView:
    """One open conflict with both versions of the record."""

    id: str
    batch_id: str
    kind: str
    record_id: str
    reason: str
    at: str
    sender: str  # who sent the file it arrived in
    incoming: dict[str, Any]
    local: dict[str, Any] | None  # None when the local record is gone since
    fields: tuple[str, ...]  # the fields to show, in the kind's column order
    differing: tuple[str, ...]


def _fields(kind: str, incoming: dict[str, Any]) -> tuple[str, ...]:
    known = r.BY_NAME.get(kind)
    return known.compared if known else tuple(sorted(incoming))


def _local(db: Any, kind: str, record_id: str) -> dict[str, Any] | None:
    known = r.BY_NAME.get(kind)
    if known is None:
        return None
    values = record_id.split("/")
    if len(values) != len(known.key):
        return None
    return q.local_record(db, known.table, list(known.columns), known.key, values)


def open_conflicts(workspace: Workspace, limit: int = 1000) -> list[ConflictView]:
    """The open conflicts, oldest first, each with the local record beside the incoming one."""
    views = []
    with workspace.store.reading() as db:
        senders: dict[str, str] = {}
        for row in q.open_conflicts(db, limit):
            if row.batch_id not in senders:
                batch = q.get_batch(db, row.batch_id)
                senders[row.batch_id] = (
                    " ".join(filter(None, (batch.producer_name, batch.producer_code)))
                    if batch
                    else ""
                )
            local = _local(db, row.kind, row.record_id)
            fields = _fields(row.kind, row.incoming)
            differing = tuple(
                f for f in fields if local is None or row.incoming.get(f) != local.get(f)
            )
            views.append(
                ConflictView(
                    row.id,
                    row.batch_id,
                    row.kind,
                    row.record_id,
                    row.reason,
                    row.at,
                    senders[row.batch_id],
                    row.incoming,
                    local,
                    fields,
                    differing,
                )
            )
    return views


def keep_ours(workspace: Workspace, conflict_id: str) -> None:
    """Resolve a conflict by keeping the record held here: the data stays as it is, the
    conflict is marked resolved, and the audit log says who decided.

    Raises ConflictGone if there is no such open conflict.
    """
    with workspace.store.transaction() as db:
        row = q.get_conflict(db, conflict_id)
        if row is None or row.resolved_at is not None:
            raise ConflictGone(
                "这条冲突不存在或已经处理过。 / This conflict does not exist or was resolved"
                " already."
            )
        q.resolve_conflict(db, conflict_id, KEPT_OURS)
        workspace.store.audit(
            db,
            "resolve",
            "conflict",
            conflict_id,
            {
                "kind": row.kind,
                "record_id": row.record_id,
                "batch_id": row.batch_id,
                "resolution": KEPT_OURS,
            },
        )
