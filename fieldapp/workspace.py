"""A workspace ("home"): the folder that holds one officer's or supervisor's data.

Layout: ``fieldapp.db``, ``attachments/``, ``keys/``, ``notices/``, ``exports/``,
``backups/`` and ``logs/``. One process at a time: a lock file keeps a second app process
from writing beside the first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import logging.handlers
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from fieldapp import __version__
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import Officer, Role, validate_officer
from fieldapp.errors import WorkspaceError, WorkspaceLocked
from fieldapp.home import DB_NAME, is_workspace
from fieldapp.lockfile import FileLock
from fieldapp.store import AttachmentStore, Store
from fieldapp.store import keys as store_keys
from fieldapp.store import registry as reg

if TYPE_CHECKING:
    from sqlite_utils import Database

    from fieldapp.keys import PublicKeyInfo

log = logging.getLogger(__name__)

LOCK_NAME = ".fieldapp.lock"
OWNER_NAME = ".fieldapp.lock.owner"
LOG_NAME = "fieldapp.log"
FOLDERS = ("attachments", "keys", "notices", "exports", "backups", "logs")


@dataclass(frozen=True)
class OfficerProfile:
    """Who owns an officer's laptop: printed on every record and notice."""

    name: str
    law_id: str  # 执法证号
    organisation: str  # e.g. 长春市市场监督管理局
    agency_code: str  # 机关代字, e.g. 长
    officer_code: str = ""  # unique short code inside notice numbers; default: law_id
    phone: str = ""


_LOG_HANDLER_NAME = "fieldapp-workspace-log"


def setup_logging(home: Path) -> Path:
    """Send the ``fieldapp`` logger to a rotating file inside the workspace; return its path."""
    path = home / "logs" / LOG_NAME
    close_logging()
    logger = logging.getLogger("fieldapp")
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.set_name(_LOG_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    """Detach and close the workspace's log file (so the folder can be moved or deleted)."""
    logger = logging.getLogger("fieldapp")
    for handler in list(logger.handlers):
        if handler.get_name() == _LOG_HANDLER_NAME:
            logger.removeHandler(handler)
            handler.close()


def _prepare_folders(home: Path) -> None:
    try:
        home.mkdir(parents=True, exist_ok=True)
        for name in FOLDERS:
            (home / name).mkdir(exist_ok=True)
        probe = home / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as err:
        if err.errno == errno.ENOSPC:
            reason = "磁盘已满 / the disk is full"
        elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = "文件夹是只读的或没有权限 / the folder is read-only or not yours"
        else:
            reason = err.strerror or str(err)
        raise WorkspaceError(
            f"无法使用工作区文件夹 {home}：{reason}。请用 --home 指定一个可写的文件夹。"
            f" / Cannot use the workspace folder {home}: {reason}. Choose a writable folder"
            " with --home."
        ) from err


class WorkspaceLock:
    """An exclusive lock on the workspace, held for as long as a process uses it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._lock = FileLock(home / LOCK_NAME)

    def acquire(self) -> None:
        """Raises WorkspaceLocked, naming the other process, if it is held elsewhere."""
        if not self._lock.try_acquire():
            raise WorkspaceLocked(
                f"工作区 {self.home} 正被另一个 fieldapp 进程使用（{self._owner()}）。请先关闭那个"
                f"窗口或命令，再重试。 / The workspace {self.home} is in use by another fieldapp"
                f" process ({self._owner()}). Close it first, then try again."
            )
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": dt.datetime.now().isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            (self.home / OWNER_NAME).write_text(json.dumps(owner), encoding="utf-8")

    def _owner(self) -> str:
        try:
            owner = json.loads((self.home / OWNER_NAME).read_text(encoding="utf-8"))
            return f"PID {owner['pid']} @ {owner['host']}, {owner['since']}"
        except (OSError, ValueError, KeyError, TypeError):
            return "PID ?"

    def release(self) -> None:
        with contextlib.suppress(OSError):
            (self.home / OWNER_NAME).unlink()
        self._lock.release()


def _key_passphrase(passphrase: str | None, is_demo: bool) -> str | None:
    """The passphrase for a new officer key; None (unencrypted) only for a demo workspace."""
    from fieldapp import keys  # cryptography: loaded only when a key is made (start-up time)

    if passphrase is None and not is_demo:
        passphrase = keys.passphrase_from_environment()
        if passphrase is None:
            raise keys.PassphraseRequired(
                f"工作区需要一个口令（至少 {keys.MIN_PASSPHRASE_LENGTH} 个字符）来保护"
                f"签名私钥：请在终端里运行 `fieldapp init` 按提示输入，或设置环境变量"
                f" {keys.PASSPHRASE_ENV}。"
                f" / A workspace needs a passphrase (at least"
                f" {keys.MIN_PASSPHRASE_LENGTH} characters) to protect its signing key: run"
                f" `fieldapp init` in a terminal and type it when asked, or set"
                f" {keys.PASSPHRASE_ENV}."
            )
    if passphrase is not None:
        keys.check_passphrase(passphrase)
    return passphrase


def _record_own_key(store: Store, db: Database, key: PublicKeyInfo, unprotected: bool) -> None:
    """Trust the officer's own new key in its workspace, inside the creating transaction."""
    store_keys.trust_key(db, key)
    reg.set_setting(db, "keys.own_key_id", key.key_id)
    if unprotected:
        reg.set_setting(db, "keys.unprotected", "1")
    store.audit(
        db,
        "create",
        "key",
        key.key_id,
        {"fingerprint": key.fingerprint, "encrypted": not unprotected},
    )


class Workspace:
    """An open workspace: its store, attachments, role and (for an officer) profile."""

    def __init__(self, home: Path, store: Store, lock: WorkspaceLock) -> None:
        self.home = home
        self.store = store
        self._lock = lock
        self.attachments = AttachmentStore(home / "attachments")
        with store.reading() as db:
            role = reg.get_setting(db, "role")
            self.device_id = reg.get_setting(db, "device_id") or ""
            self.is_demo = reg.get_setting(db, "is_demo") == "1"
            self.officer = reg.self_officer(db)
        if role is None:
            raise WorkspaceError(f"工作区 {home} 没有设置角色 / the workspace has no role")
        self.role = Role.from_code(role)
        store.device_id = self.device_id
        store.actor = (
            f"{self.officer.name}（{self.officer.law_id}）"
            if self.officer
            else f"{self.role.code}@{self.device_id[:8]}"
        )

    @property
    def db_path(self) -> Path:
        return self.home / DB_NAME

    @property
    def log_path(self) -> Path:
        return self.home / "logs" / LOG_NAME

    @classmethod
    def open(cls, home: Path) -> Workspace:
        """Open an existing workspace.

        Raises WorkspaceError if ``home`` holds none, WorkspaceLocked if another process
        has it open, and the store's DatabaseErrors if the database cannot be used.
        """
        if not is_workspace(home):
            raise WorkspaceError(
                f"{home} 里还没有工作区。请先运行 `fieldapp init` 或 `fieldapp demo`，或在程序里"
                f"完成首次设置。 / There is no workspace in {home} yet. Run `fieldapp init` or"
                " `fieldapp demo`, or finish the first-run setup in the app."
            )
        return cls._open(home)

    @classmethod
    def _open(cls, home: Path) -> Workspace:
        _prepare_folders(home)
        lock = WorkspaceLock(home)
        lock.acquire()
        try:
            setup_logging(home)
            store = Store.open(home / DB_NAME, backup_dir=home / "backups")
            try:
                workspace = cls(home, store, lock)
            except BaseException:
                store.close()
                raise
        except BaseException:
            lock.release()
            raise
        removed = workspace.attachments.remove_temporary_files()
        if removed:
            log.info("removed %d half-written attachment files left by a crash", removed)
        log.info("opened workspace %s (fieldapp %s)", home, __version__)
        return workspace

    @classmethod
    def create(
        cls,
        home: Path,
        role: Role,
        profile: OfficerProfile | None = None,
        is_demo: bool = False,
        passphrase: str | None = None,
        supervisor_name: str = "",
    ) -> Workspace:
        """Make a new workspace in ``home`` with its role and, for an officer, the profile.

        Every workspace gets its Ed25519 signing key in ``keys/`` (an officer's signs notices
        and batches; a supervisor's, named ``supervisor_name``, signs packs and receipts),
        encrypted with ``passphrase`` (else ``FIELDAPP_PASSPHRASE``); a demo workspace's key is
        unencrypted unless ``passphrase`` is given, and the setting ``keys.unprotected`` says so.

        Raises WorkspaceError if ``home`` already holds a workspace or an officer has no
        profile, ValidationError for a bad profile, WeakPassphrase for a passphrase shorter
        than eight characters, PassphraseRequired if a (non-demo) officer has none, KeyExists
        if ``keys/`` already holds a key, KeyFileError if it cannot be written.
        """
        if is_workspace(home):
            raise WorkspaceError(
                f"{home} 已经有一个工作区，不能再新建。 / {home} already holds a workspace."
            )
        if role is Role.OFFICER and profile is None:
            raise WorkspaceError("监察员工作区需要个人信息 / an officer workspace needs a profile")
        officer = None
        device_id = uuid7()
        if profile is not None:
            officer = Officer(
                id=uuid7(),
                name=profile.name.strip(),
                law_id=profile.law_id.strip(),
                organisation=profile.organisation.strip(),
                agency_code=profile.agency_code.strip(),
                officer_code=(profile.officer_code or profile.law_id).strip(),
                phone=profile.phone.strip(),
                is_self=True,
                origin_device=device_id,
            )
            validate_officer(officer)
        key_passphrase = _key_passphrase(passphrase, is_demo)
        _prepare_folders(home)
        lock = WorkspaceLock(home)
        lock.acquire()
        key: PublicKeyInfo | None = None
        try:
            from fieldapp.keys import create_officer_key

            if officer is not None:
                key = create_officer_key(
                    home / "keys",
                    officer.name,
                    officer.law_id,
                    officer.organisation,
                    key_passphrase,
                )
            else:  # a supervisor signs reference packs and receipts
                key = create_officer_key(
                    home / "keys",
                    supervisor_name.strip() or "特种设备安全监察机构",
                    "",
                    supervisor_name.strip(),
                    key_passphrase,
                )
            store = Store.open(home / DB_NAME)
            try:
                store.device_id, store.actor = device_id, "setup"
                with store.transaction() as db:
                    reg.set_setting(db, "role", role.code)
                    reg.set_setting(db, "device_id", device_id)
                    reg.set_setting(db, "created_at", reg.now_text())
                    reg.set_setting(db, "created_by_version", __version__)
                    reg.set_setting(db, "is_demo", "1" if is_demo else "0")
                    if officer is not None:
                        reg.insert_record(db, "officers", officer, device_id)
                    store.audit(db, "create", "workspace", device_id, {"role": role.code})
                    if key is not None:
                        _record_own_key(store, db, key, key_passphrase is None)
            finally:
                store.close()
        except BaseException:
            if key is not None:  # made just now: a failed creation leaves no key behind
                from fieldapp.keys import discard_officer_key

                discard_officer_key(home / "keys")
            raise
        finally:
            lock.release()
        return cls._open(home)

    def close(self) -> None:
        self.store.close()
        self._lock.release()
        close_logging()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
