"""SQL for the workspace's trusted public keys (table ``trusted_keys``)."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

from sqlite_utils import Database

from fieldapp.errors import UserError


class KeyIdClash(UserError):
    """Another public key with the same key id is already trusted."""


class KeyNotTrusted(UserError):
    """No trusted key has this id."""


class KeyRecord(Protocol):
    """What is kept of a public key (``fieldapp.keys.PublicKeyInfo`` is one)."""

    @property
    def key_id(self) -> str: ...
    @property
    def public_key(self) -> bytes: ...
    @property
    def name(self) -> str: ...
    @property
    def law_id(self) -> str: ...
    @property
    def organisation(self) -> str: ...


@dataclass(frozen=True)
class TrustedKey:
    """One row of ``trusted_keys``; ``removed_at`` is set once trust was withdrawn."""

    key_id: str
    public_key: bytes
    name: str
    law_id: str
    organisation: str
    added_at: str
    removed_at: str | None


TrustOutcome = Literal["added", "reactivated", "unchanged"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _row(row: tuple[str, str, str, str, str, str, str | None]) -> TrustedKey:
    key_id, public_key, name, law_id, organisation, added_at, removed_at = row
    return TrustedKey(
        key_id, base64.b64decode(public_key), name, law_id, organisation, added_at, removed_at
    )


_COLUMNS = "key_id, public_key, name, law_id, organisation, added_at, removed_at"


def get_trusted_key(db: Database, key_id: str) -> TrustedKey | None:
    """The row for ``key_id`` (trusted now or once), or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM trusted_keys WHERE key_id = ?", [key_id]).fetchone()
    return _row(row) if row else None


def trust_key(db: Database, info: KeyRecord) -> TrustOutcome:
    """Trust ``info``'s key: insert it, or trust again a key whose trust was withdrawn.

    The name, law id and organisation are refreshed from ``info``. Returns what happened.
    Raises KeyIdClash if a different public key is stored under the same key id.
    """
    existing = get_trusted_key(db, info.key_id)
    encoded = base64.b64encode(info.public_key).decode("ascii")
    if existing is None:
        db.execute(
            "INSERT INTO trusted_keys (key_id, public_key, name, law_id, organisation, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [info.key_id, encoded, info.name, info.law_id, info.organisation, _now()],
        )
        return "added"
    if existing.public_key != info.public_key:
        raise KeyIdClash(
            f"密钥编号 {info.key_id} 已属于另一把公钥（{existing.name} {existing.law_id}），"
            f"拒绝信任。 / The key id {info.key_id} already belongs to a different public key"
            f" ({existing.name} {existing.law_id}); refused."
        )
    db.execute(
        "UPDATE trusted_keys SET name = ?, law_id = ?, organisation = ?, removed_at = NULL"
        " WHERE key_id = ?",
        [info.name, info.law_id, info.organisation, info.key_id],
    )
    return "unchanged" if existing.removed_at is None else "reactivated"


def remove_trust(db: Database, key_id: str) -> TrustedKey:
    """Withdraw trust in ``key_id`` (the row is kept, with ``removed_at`` set).

    Returns the row as it was. Raises KeyNotTrusted if no such key is trusted now.
    """
    existing = get_trusted_key(db, key_id)
    if existing is None or existing.removed_at is not None:
        raise KeyNotTrusted(
            f"没有编号为 {key_id} 的受信任公钥。 / No trusted key has the id {key_id}."
        )
    db.execute("UPDATE trusted_keys SET removed_at = ? WHERE key_id = ?", [_now(), key_id])
    return existing


def trusted_keys(db: Database, include_removed: bool = False) -> dict[str, TrustedKey]:
    """Trusted keys by key id, in the order they were added."""
    sql = f"SELECT {_COLUMNS} FROM trusted_keys"
    if not include_removed:
        sql += " WHERE removed_at IS NULL"
    sql += " ORDER BY added_at, key_id"
    return {row[0]: _row(row) for row in db.execute(sql).fetchall()}


def is_trusted(db: Database, key_id: str) -> bool:
    """Whether ``key_id`` is trusted now."""
    row = db.execute(
        "SELECT 1 FROM trusted_keys WHERE key_id = ? AND removed_at IS NULL", [key_id]
    ).fetchone()
    return row is not None
