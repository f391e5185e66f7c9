"""The two kinds of error.

A ``UserError`` carries a message a person can act on: the GUI shows it in a plain message
box and the CLI prints it as one line and exits 1. Anything else is a bug: logged with its
traceback and shown in the crash dialog that names the log file.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` says what happened and what to do."""


class ValidationError(UserError):
    """One or more fields of a record are invalid.

    ``problems`` maps a field name to what is wrong with it.
    """

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))


class WorkspaceError(UserError):
    """The workspace folder cannot be used (missing, read-only, wrong role, …)."""


class WorkspaceLocked(WorkspaceError):
    """Another fieldapp process has this workspace open."""


class DatabaseError(UserError):
    """The workspace database cannot be opened or written."""


class NotADatabase(DatabaseError):
    """The database file is not SQLite, or not a fieldapp database."""


class DatabaseCorrupt(DatabaseError):
    """SQLite reports the database file as damaged."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer build of fieldapp."""


class DiskFull(DatabaseError):
    """The disk holding the workspace is full."""


class AttachmentError(UserError):
    """An attachment is missing or does not match its hash."""


class NotFound(UserError):
    """A record asked for by id does not exist."""
