"""Checklists a supervisor's reference pack brings: kept in the workspace's ``forms/`` folder
and used instead of the shipped file with the same checklist id.

A pack's checklist is taken only when it loads without a single problem (the same strict
loader as ``fieldapp forms check``); a finished inspection keeps the version it pinned, so a
newer checklist never changes past records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.atomic import write_atomically
from fieldapp.checklists.loader import (
    ChecklistInvalid,
    check_files,
    checklist_files,
    parse_checklist_text,
)
from fieldapp.checklists.model import Checklist

FOLDER = "forms"
_MAX_TEXT = 2_000_000


def _workspace_folder(home: Path) -> Path:
    return home / FOLDER


def current_checklist_files(home: Path) -> list[tuple[str, str]]:
    """(file name, YAML text) of the checklists this workspace uses: the shipped ones, each
    replaced by the workspace's file for the same checklist id."""
    chosen: dict[str, tuple[str, str]] = {}
    for path in checklist_files():
        text = path.read_text(encoding="utf-8")
        chosen[parse_checklist_text(text, path.name).id] = (path.name, text)
    folder = _workspace_folder(home)
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            try:
                checklist = parse_checklist_text(text, path.name)
            except ChecklistInvalid:
                continue
            chosen[checklist.id] = (path.name, text)
    return sorted(chosen.values())


def workspace_checklists(home: Path) -> list[Checklist]:
    """The checklists to start new inspections with (shipped, or the pack's newer ones).

    Raises ChecklistInvalid if a shipped file has a problem; a broken workspace file is
    skipped (it was checked when the pack came in, so it was changed by hand since).
    """
    shipped, problems = check_files(checklist_files())
    if problems:
        raise ChecklistInvalid(problems)
    by_id = {c.id: c for c in shipped}
    folder = _workspace_folder(home)
    if folder.is_dir():
        loaded, _ = check_files(sorted(folder.glob("*.yaml")))
        for checklist in loaded:
            by_id[checklist.id] = checklist
    return sorted(by_id.values(), key=lambda c: c.id)


@dataclass
class PackChecklists:
    changed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0


def check_pack_checklists(
    home: Path, entries: Iterable[Mapping[str, Any]]
) -> tuple[PackChecklists, list[str]]:
    """Which of a pack's checklists are good and differ from what this workspace uses."""
    current = {name: text for name, text in current_checklist_files(home)}
    result = PackChecklists()
    problems: list[str] = []
    for entry in entries:
        name, text = entry.get("file"), entry.get("text")
        if (
            not isinstance(name, str)
            or not isinstance(text, str)
            or len(text) > _MAX_TEXT
            or not name.endswith(".yaml")
            or "/" in name
            or "\\" in name
            or name.startswith(".")
            or len(name) > 80
        ):
            problems.append(f"bad entry {str(name)[:80]!r}")
            continue
        try:
            parse_checklist_text(text, name)
        except ChecklistInvalid as err:
            problems.append(f"{name}: {err.problems[0].message if err.problems else err}")
            continue
        if current.get(name) == text:
            result.unchanged += 1
        else:
            result.changed.append((name, text))
    return result, problems


def install_checklists(home: Path, items: Sequence[tuple[str, str]]) -> None:
    folder = _workspace_folder(home)
    for name, text in items:
        write_atomically(folder / name, [text.encode("utf-8")])
