"""Layering rules from shared/architecture.md: only fieldapp/gui imports Qt; the domain
does no I/O; only the store writes SQL."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fieldapp"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_pyside6_is_imported_only_in_gui() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in python_files()
        if "gui" not in path.relative_to(PACKAGE).parts
        and any(m == "PySide6" or m.startswith("PySide6.") for m in imported_modules(path))
    ]
    assert offenders == []
    assert any("PySide6.QtWidgets" in imported_modules(p) for p in python_files()), (
        "the walk really sees the GUI's imports"
    )


def test_domain_does_no_io() -> None:
    forbidden = {
        "sqlite3",
        "sqlite_utils",
        "os",
        "shutil",
        "subprocess",
        "socket",
        "fieldapp.store",
    }
    for path in (PACKAGE / "domain").rglob("*.py"):
        assert not imported_modules(path) & forbidden, path.name


def test_only_the_store_touches_sqlite_directly() -> None:
    # cli: read-only integrity check through the store's db; reports: read-only queries on
    # their own connection (opened with mode=ro, so they cannot write)
    allowed = {"store", "cli.py", "reports"}
    for path in python_files():
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in allowed:
            continue
        assert "sqlite3" not in imported_modules(path), path


def test_reports_open_the_database_read_only() -> None:
    source = (PACKAGE / "reports" / "__init__.py").read_text(encoding="utf-8")
    assert "mode=ro" in source
    for path in (PACKAGE / "reports").rglob("*.py"):
        text = path.read_text(encoding="utf-8").upper()
        for verb in ("INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE", "DROP "):
            assert verb not in text, (path.name, verb)
