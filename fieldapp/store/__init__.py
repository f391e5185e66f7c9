"""The store: the only place that writes SQL (SQLite through sqlite-utils)."""

from __future__ import annotations

# isort: off
from fieldapp.store import _lazy_deps  # noqa: F401  (must run before sqlite_utils loads)

# isort: on
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from fieldapp.store.attachments import AttachmentStore
from fieldapp.store.audit import append_audit
from fieldapp.store.database import open_database, sqlite_errors


class Store:
    """An open workspace database plus who is writing and from which device."""

    def __init__(self, db: Database, path: Path, device_id: str, actor: str) -> None:
        self.db = db
        self.path = path
        self.device_id = device_id
        self.actor = actor

    @classmethod
    def open(cls, path: Path, backup_dir: Path | None = None) -> Store:
        """Open and migrate the database; ``device_id`` and ``actor`` are set by the caller."""
        return cls(open_database(path, backup_dir), path, device_id="", actor="")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One user action: everything inside commits together or not at all."""
        with sqlite_errors(self.path), self.db.atomic():
            yield self.db

    @contextlib.contextmanager
    def reading(self) -> Iterator[Database]:
        """Reads, with SQLite's file errors turned into messages a person can act on."""
        with sqlite_errors(self.path):
            yield self.db

    def audit(
        self,
        db: Database,
        action: str,
        entity: str,
        entity_id: str,
        detail: dict[str, Any] | None = None,
    ) -> None:
        append_audit(db, self.actor, action, entity, entity_id, detail)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.execute("PRAGMA optimize")
        self.db.close()


__all__ = ["AttachmentStore", "Store"]
