"""Checklists as data: loading forms/, evaluating answers, composing an inspection, pinning.

Qt-free. See forms/README.md for the file format.
"""

from __future__ import annotations

from sqlite_utils import Database

from fieldapp.checklists.engine import Evaluation, Run, compose, device_facts, evaluate
from fieldapp.checklists.loader import (
    ChecklistInvalid,
    Problem,
    check_files,
    checklist_from_body,
    load_checklist,
    shipped_checklists,
)
from fieldapp.checklists.model import Checklist, Item
from fieldapp.store.checklists import pin_checklist_body, pinned_body


def pin(db: Database, checklist: Checklist) -> str:
    """Keep the exact checklist in the workspace (in the caller's transaction); its hash."""
    return pin_checklist_body(db, checklist.id, checklist.version, checklist.body)


def load_pinned(db: Database, content_hash: str) -> Checklist:
    """The checklist exactly as it was pinned, whatever forms/ holds today.

    Raises NotFound if it was never pinned in this workspace.
    """
    return checklist_from_body(pinned_body(db, content_hash), f"<pinned {content_hash[:12]}>")


__all__ = [
    "Checklist",
    "ChecklistInvalid",
    "Evaluation",
    "Item",
    "Problem",
    "Run",
    "check_files",
    "compose",
    "device_facts",
    "evaluate",
    "load_checklist",
    "load_pinned",
    "pin",
    "shipped_checklists",
]
