"""Pinned checklist versions: the exact content an inspection was answered against.

A newer file in forms/ never changes how an old inspection shows: its checklist is read
back from here by content hash.
"""

from __future__ import annotations

import hashlib

from sqlite_utils import Database

from fieldapp.errors import NotFound
from fieldapp.store.registry import now_text


def pin_checklist_body(db: Database, checklist_id: str, version: str, body: str) -> str:
    """Keep a checklist's canonical body (inside the caller's transaction); return its hash.

    Pinning the same content again changes nothing.
    """
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    db.execute(
        "INSERT INTO checklist_versions (content_hash, checklist_id, version, body, pinned_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(content_hash) DO NOTHING",
        [content_hash, checklist_id, version, body, now_text()],
    )
    return content_hash


def pinned_body(db: Database, content_hash: str) -> str:
    """The body pinned under ``content_hash``.

    Raises NotFound if it was never pinned here, and ValueError if the stored body no
    longer matches its hash (a damaged or edited database).
    """
    row = db.execute(
        "SELECT body FROM checklist_versions WHERE content_hash = ?", [content_hash]
    ).fetchone()
    if row is None:
        raise NotFound(f"检查表版本 {content_hash[:12]}… 不在本工作区 / checklist version not here")
    body = str(row[0])
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != content_hash:
        raise ValueError(f"pinned checklist {content_hash} does not match its hash")
    return body


def pinned_versions(db: Database, checklist_id: str) -> list[tuple[str, str]]:
    """(version, content hash) of every pinned version of a checklist, oldest first."""
    rows = db.execute(
        "SELECT version, content_hash FROM checklist_versions WHERE checklist_id = ?"
        " ORDER BY pinned_at",
        [checklist_id],
    )
    return [(str(v), str(h)) for v, h in rows]
