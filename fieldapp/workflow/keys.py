"""Use-cases for keys: export this workspace's public key, trust or untrust others' keys.

Each change is one transaction with its audit entry. An officer's own key is trusted in
its own workspace from the moment the workspace is made (``Workspace.create``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import keys
from fieldapp.errors import UserError
from fieldapp.keys import PublicKeyInfo
from fieldapp.store import keys as q

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace


class OwnKeyUntrusted(UserError):
    """A workspace always trusts its own key."""


def keys_dir(workspace: Workspace) -> Path:
    return workspace.home / "keys"


def own_key(workspace: Workspace) -> PublicKeyInfo | None:
    """This workspace's own public key, or None (a supervisor's, for now, has none).

    Raises PublicKeyFileInvalid if the workspace's own public key file was altered.
    """
    if not (keys_dir(workspace) / keys.PUBLIC_KEY_NAME).exists():
        return None
    return keys.own_public_key(keys_dir(workspace))


def export_own_key(workspace: Workspace, out: Path) -> PublicKeyInfo:
    """Write this workspace's public key file to ``out`` (for a supervisor to trust).

    Raises KeyMissing if the workspace has no key, PublicKeyFileInvalid if its own public
    key file was altered, KeyFileError if ``out`` cannot be written.
    """
    info = keys.own_public_key(keys_dir(workspace))
    with workspace.store.transaction() as db:
        workspace.store.audit(
            db, "export", "key", info.key_id, {"fingerprint": info.fingerprint, "to": str(out)}
        )
        keys.write_public_key_file(info, out)
    return info


def trust_key_file(workspace: Workspace, path: Path) -> PublicKeyInfo:
    """Trust the public key in the file at ``path`` (again, if its trust was withdrawn).

    Raises PublicKeyFileInvalid naming what is wrong with the file, KeyIdClash if another
    key with the same id is trusted.
    """
    info = keys.read_public_key_file(path)
    with workspace.store.transaction() as db:
        outcome = q.trust_key(db, info)
        workspace.store.audit(
            db,
            "trust",
            "key",
            info.key_id,
            {
                "fingerprint": info.fingerprint,
                "name": info.name,
                "law_id": info.law_id,
                "organisation": info.organisation,
                "outcome": outcome,
            },
        )
    return info


def untrust(workspace: Workspace, key_id: str) -> None:
    """Withdraw trust in ``key_id``: notices and batches it signed no longer verify here.

    Raises KeyNotTrusted if no such key is trusted, OwnKeyUntrusted for the workspace's own.
    """
    key_id = key_id.strip().lower()
    own = own_key(workspace)
    if own is not None and own.key_id == key_id:
        raise OwnKeyUntrusted(
            f"{key_id} 是本工作区自己的密钥，始终受信任。 / {key_id} is this workspace's own key;"
            " it is always trusted."
        )
    with workspace.store.transaction() as db:
        removed = q.remove_trust(db, key_id)
        workspace.store.audit(
            db, "untrust", "key", key_id, {"name": removed.name, "law_id": removed.law_id}
        )


def trusted_key_list(workspace: Workspace, include_removed: bool = False) -> list[q.TrustedKey]:
    """The trusted keys as stored (with who they belong to), oldest first."""
    with workspace.store.reading() as db:
        return list(q.trusted_keys(db, include_removed).values())


def trusted(workspace: Workspace) -> dict[str, bytes]:
    """Key id → raw public key of every key a notice may be signed with to verify here.

    The workspace's own key is always included. Raises PublicKeyFileInvalid if the own
    public key file was altered.
    """
    with workspace.store.reading() as db:
        result = {k: row.public_key for k, row in q.trusted_keys(db).items()}
    own = own_key(workspace)
    if own is not None:
        result[own.key_id] = own.public_key
    return result
