"""Where a workspace folder is, and whether it holds a workspace yet.

Kept apart from ``fieldapp.workspace`` so that the GUI can decide what to show first
without loading the store.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "fieldapp.db"


def resolve_home(cli_home: str | os.PathLike[str] | None = None) -> Path:
    """``--home`` if given, else ``FIELDAPP_HOME``, else the platform's user data folder."""
    if cli_home:
        return Path(cli_home).expanduser().resolve()
    env = os.environ.get("FIELDAPP_HOME")
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # only when needed: it costs start-up time

    return Path(platformdirs.user_data_dir("fieldapp", appauthor=False)).resolve()


def is_workspace(home: Path) -> bool:
    """Whether ``home`` already holds a workspace database."""
    db = home / DB_NAME
    return db.is_file() and db.stat().st_size > 0


__all__ = ["DB_NAME", "is_workspace", "resolve_home"]
