"""The officer's Ed25519 signing key and public key files (crypto and files; no SQL).

A workspace's ``keys/`` folder holds ``officer.key`` (the private key, PKCS#8 PEM, encrypted
with the officer's passphrase; a demo workspace's is not) and ``officer.pub.json`` (the
public key file that ``fieldapp keys export`` hands to a supervisor)::

    {"format": "fieldapp-public-key", "version": 1,
     "key_id": "<16 lower-case hex: the first 8 bytes of SHA-256 of the raw key>",
     "public_key": "<base64 of the raw 32-byte Ed25519 key>",
     "fingerprint": "<first 32 hex digits of SHA-256 of the raw key, upper-case, by 4>",
     "name": "...", "law_id": "...", "organisation": "...", "created_at": "<ISO 8601>"}

The passphrase is asked once per app session: ``SessionKeyring`` keeps the unlocked key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.atomic import write_atomically
from fieldapp.errors import UserError, ValidationError

PRIVATE_KEY_NAME = "officer.key"
PUBLIC_KEY_NAME = "officer.pub.json"
FILE_FORMAT = "fieldapp-public-key"
FILE_VERSION = 1
PASSPHRASE_ENV = "FIELDAPP_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 8
RAW_KEY_LENGTH = 32
_MAX_PUBLIC_FILE_BYTES = 64 * 1024
_ENCRYPTED_PEM_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_FIELDS = (
    "format",
    "version",
    "key_id",
    "public_key",
    "fingerprint",
    "name",
    "law_id",
    "organisation",
    "created_at",
)


# --- errors ----------------------------------------------------------------------------


class KeyMissing(UserError):
    """The workspace has no signing key (or no public key file)."""


class KeyExists(UserError):
    """A signing key is already there; it is never overwritten."""


class KeyFileError(UserError):
    """A key file cannot be read or written (permissions, disk full, damaged file)."""


class KeyMismatch(UserError):
    """The private key and the public key file in ``keys/`` do not belong together."""


class PassphraseRequired(UserError):
    """The key is encrypted (or is to be) and no passphrase was given."""


class WrongPassphrase(UserError):
    """The passphrase does not unlock the private key."""


class WeakPassphrase(ValidationError):
    """The passphrase is too short; ``problems`` has the field ``passphrase``."""


class PublicKeyFileInvalid(UserError):
    """A public key file is not one fieldapp wrote, or was altered; ``reason`` says how."""

    def __init__(self, path: Path, reason_zh: str, reason_en: str) -> None:
        self.path = path
        self.reason = reason_en
        super().__init__(
            f"公钥文件 {path} 无效：{reason_zh} / The public key file {path} is invalid:"
            f" {reason_en}"
        )


# --- values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKeyInfo:
    """An officer's public key with who it belongs to, as in a public key file."""

    key_id: str
    public_key: bytes  # raw 32 bytes
    fingerprint: str
    name: str
    law_id: str
    organisation: str
    created_at: str


def key_id(raw: bytes) -> str:
    """The short id of a raw public key: 16 lower-case hex digits of its SHA-256."""
    return hashlib.sha256(raw).digest()[:8].hex()


def fingerprint(raw: bytes) -> str:
    """What a person compares: ``3F2A 9C1B …``, the first 32 hex digits of SHA-256, by 4."""
    digits = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def raw_public_key(private: Ed25519PrivateKey) -> bytes:
    """The raw 32 bytes of the public half of ``private``."""
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def check_passphrase(passphrase: str) -> None:
    """Raises WeakPassphrase if ``passphrase`` is shorter than eight characters."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(
            {
                "passphrase": f"口令至少要 {MIN_PASSPHRASE_LENGTH} 个字符 / the passphrase must"
                f" have at least {MIN_PASSPHRASE_LENGTH} characters"
            }
        )


def passphrase_from_environment() -> str | None:
    """``FIELDAPP_PASSPHRASE`` for scripted use, or None when it is unset or empty."""
    return os.environ.get(PASSPHRASE_ENV) or None


# --- files -----------------------------------------------------------------------------


def _write_atomically(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Raises KeyFileError if the folder cannot be written.
    """
    try:
        write_atomically(path, [data], 0o600 if private else 0o644)
    except OSError as err:
        reason = err.strerror or str(err)
        raise KeyFileError(
            f"无法写入密钥文件 {path}：{reason} / Cannot write the key file {path}: {reason}"
        ) from err


def _now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def create_officer_key(
    keys_dir: Path, name: str, law_id: str, organisation: str, passphrase: str | None
) -> PublicKeyInfo:
    """Make the officer's key pair in ``keys_dir`` and return its public key.

    ``passphrase`` None makes an unencrypted key (only for demo workspaces).
    Raises KeyExists if a key is already there, WeakPassphrase for a short passphrase,
    KeyFileError if the files cannot be written.
    """
    private_path, public_path = keys_dir / PRIVATE_KEY_NAME, keys_dir / PUBLIC_KEY_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise KeyExists(
                f"{path} 已存在，密钥不会被覆盖。如果这是以前设置留下的，请先把 keys 文件夹移走。"
                f" / {path} already exists; a key is never overwritten. If an earlier set-up"
                " left it, move the keys folder away first."
            )
    encryption: serialization.KeySerializationEncryption
    if passphrase is None:
        encryption = serialization.NoEncryption()
    else:
        check_passphrase(passphrase)
        encryption = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    private = Ed25519PrivateKey.generate()
    raw = raw_public_key(private)
    info = PublicKeyInfo(
        key_id=key_id(raw),
        public_key=raw,
        fingerprint=fingerprint(raw),
        name=name.strip(),
        law_id=law_id.strip(),
        organisation=organisation.strip(),
        created_at=_now_text(),
    )
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    try:
        keys_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KeyFileError(
            f"无法建立文件夹 {keys_dir} / Cannot make the folder {keys_dir}: {err}"
        ) from err
    _write_atomically(private_path, pem, private=True)
    try:
        write_public_key_file(info, public_path)
    except BaseException:
        private_path.unlink(missing_ok=True)
        raise
    return info


def discard_officer_key(keys_dir: Path) -> None:
    """Delete the key pair: only for undoing a workspace creation that failed half-way."""
    for name in (PRIVATE_KEY_NAME, PUBLIC_KEY_NAME):
        (keys_dir / name).unlink(missing_ok=True)


def has_officer_key(keys_dir: Path) -> bool:
    """Whether ``keys_dir`` holds a private key."""
    return (keys_dir / PRIVATE_KEY_NAME).is_file()


def _read_private_pem(keys_dir: Path) -> bytes:
    path = keys_dir / PRIVATE_KEY_NAME
    try:
        return path.read_bytes()
    except FileNotFoundError as err:
        raise KeyMissing(
            f"这个工作区没有签名私钥（{path}）。只有监察员工作区才有。 / This workspace has no"
            f" signing key ({path}); only an officer workspace has one."
        ) from err
    except OSError as err:
        raise KeyFileError(
            f"无法读取私钥文件 {path} / Cannot read the private key file {path}: {err}"
        ) from err


def _envelope_is_intact(pem: bytes) -> bool:
    """Whether an encrypted PEM still holds one whole DER SEQUENCE (its outer envelope)."""
    lines = pem.strip().splitlines()
    if len(lines) < 3 or not lines[-1].startswith(b"-----END ENCRYPTED PRIVATE KEY-----"):
        return False
    try:
        der = base64.b64decode(b"".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(der) < 2 or der[0] != 0x30:
        return False
    first = der[1]
    if first < 0x80:
        length, header = first, 2
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or len(der) < 2 + count:
            return False
        length, header = int.from_bytes(der[2 : 2 + count], "big"), 2 + count
    return header + length == len(der)


def key_is_encrypted(keys_dir: Path) -> bool:
    """Whether the private key is protected by a passphrase.

    Raises KeyMissing if there is none, KeyFileError if it cannot be read.
    """
    return _read_private_pem(keys_dir).lstrip().startswith(_ENCRYPTED_PEM_HEADER)


def load_signing_key(keys_dir: Path, passphrase: str | None) -> Ed25519PrivateKey:
    """Unlock the officer's private key (``passphrase`` is ignored for an unencrypted key).

    Raises KeyMissing if there is no key, PassphraseRequired if it is encrypted and no
    passphrase was given, WrongPassphrase if the passphrase does not unlock it, KeyFileError
    if the file is damaged, KeyMismatch if it does not match ``officer.pub.json``.
    """
    path = keys_dir / PRIVATE_KEY_NAME
    pem = _read_private_pem(keys_dir)
    encrypted = pem.lstrip().startswith(_ENCRYPTED_PEM_HEADER)
    if encrypted and passphrase is None:
        raise PassphraseRequired(
            f"签名私钥有口令保护，请输入口令（脚本里可设置环境变量 {PASSPHRASE_ENV}）。 / The"
            f" signing key is protected by a passphrase: enter it (or set {PASSPHRASE_ENV}"
            " for scripted use)."
        )
    password = passphrase.encode("utf-8") if encrypted and passphrase is not None else None
    try:
        private = serialization.load_pem_private_key(pem, password)
    except ValueError as err:
        # A wrong passphrase usually fails the padding check ("password" in the message), but
        # about one time in 256 the padding happens to pass and the garbage then fails to parse
        # as a key. An intact envelope therefore means the passphrase was wrong.
        if encrypted and ("password" in str(err).lower() or _envelope_is_intact(pem)):
            raise WrongPassphrase(
                "口令不对，签名私钥没有解锁。请再试一次（注意大小写和输入法）。 / Wrong"
                " passphrase: the signing key stays locked. Try again (mind the case and the"
                " input method)."
            ) from err
        raise KeyFileError(
            f"私钥文件 {path} 已损坏 / The private key file {path} is damaged: {err}"
        ) from err
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyFileError(
            f"私钥文件 {path} 不是 Ed25519 密钥 / The private key file {path} does not hold"
            " an Ed25519 key"
        )
    public_path = keys_dir / PUBLIC_KEY_NAME
    if public_path.exists() and read_public_key_file(public_path).public_key != raw_public_key(
        private
    ):
        raise KeyMismatch(
            f"{path} 与 {public_path} 不是同一对密钥。 / {path} and {public_path} are not one key"
            " pair."
        )
    return private


def own_public_key(keys_dir: Path) -> PublicKeyInfo:
    """This workspace's own public key.

    Raises KeyMissing if there is none, PublicKeyFileInvalid if its file was altered.
    """
    path = keys_dir / PUBLIC_KEY_NAME
    if not path.exists():
        raise KeyMissing(
            f"这个工作区没有签名公钥（{path}）。只有监察员工作区才有。 / This workspace has no"
            f" public signing key ({path}); only an officer workspace has one."
        )
    return read_public_key_file(path)


def public_key_document(info: PublicKeyInfo) -> dict[str, Any]:
    """The JSON object of a public key file."""
    return {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "key_id": info.key_id,
        "public_key": base64.b64encode(info.public_key).decode("ascii"),
        "fingerprint": info.fingerprint,
        "name": info.name,
        "law_id": info.law_id,
        "organisation": info.organisation,
        "created_at": info.created_at,
    }


def write_public_key_file(info: PublicKeyInfo, path: Path) -> None:
    """Write ``info`` as a public key file (temporary file, then rename).

    Raises KeyFileError if it cannot be written.
    """
    text = json.dumps(public_key_document(info), ensure_ascii=False, indent=2) + "\n"
    _write_atomically(path, text.encode("utf-8"))


def read_public_key_file(path: Path) -> PublicKeyInfo:
    """Read and check a public key file.

    Raises PublicKeyFileInvalid, naming what is wrong, if it cannot be read, is not a
    fieldapp public key file of a known version, has missing, unknown or mistyped fields,
    or its key id or fingerprint do not match its key.
    """

    def invalid(zh: str, en: str) -> PublicKeyFileInvalid:
        return PublicKeyFileInvalid(path, zh, en)

    try:
        if path.stat().st_size > _MAX_PUBLIC_FILE_BYTES:
            raise invalid("文件太大，不是公钥文件", "the file is too large to be a public key file")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as err:
        raise invalid("文件不存在", "the file does not exist") from err
    except OSError as err:
        raise invalid(f"无法读取（{err.strerror}）", f"it cannot be read ({err.strerror})") from err
    except (UnicodeDecodeError, ValueError) as err:
        raise invalid("不是 JSON 文本", "it is not JSON text") from err
    if not isinstance(data, dict):
        raise invalid("不是 JSON 对象", "it is not a JSON object")
    if data.get("format") != FILE_FORMAT:
        raise invalid(
            f"格式不是 {FILE_FORMAT}", f"its format is not {FILE_FORMAT!r} (not a fieldapp key)"
        )
    if data.get("version") != FILE_VERSION or isinstance(data.get("version"), bool):
        raise invalid(
            f"不支持的版本 {data.get('version')!r}", f"unsupported version {data.get('version')!r}"
        )
    missing = [f for f in _FIELDS if f not in data]
    if missing:
        raise invalid(f"缺少字段 {', '.join(missing)}", f"missing field(s) {', '.join(missing)}")
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise invalid(f"未知字段 {', '.join(unknown)}", f"unknown field(s) {', '.join(unknown)}")
    not_text = [f for f in _FIELDS[2:] if not isinstance(data[f], str)]
    if not_text:
        raise invalid(
            f"字段 {', '.join(not_text)} 不是文本", f"field(s) {', '.join(not_text)} not text"
        )
    try:
        raw = base64.b64decode(data["public_key"], validate=True)
    except (binascii.Error, ValueError) as err:
        raise invalid("public_key 不是有效的 base64", "public_key is not valid base64") from err
    if len(raw) != RAW_KEY_LENGTH:
        raise invalid(
            f"public_key 长度为 {len(raw)} 字节，应为 {RAW_KEY_LENGTH}",
            f"public_key is {len(raw)} bytes long, not {RAW_KEY_LENGTH}",
        )
    if data["key_id"] != key_id(raw):
        raise invalid(
            "key_id 与公钥不符（文件被改动过）",
            "key_id does not match the key (the file was altered)",
        )
    if data["fingerprint"] != fingerprint(raw):
        raise invalid(
            "fingerprint 与公钥不符（文件被改动过）",
            "fingerprint does not match the key (the file was altered)",
        )
    return PublicKeyInfo(
        key_id=data["key_id"],
        public_key=raw,
        fingerprint=data["fingerprint"],
        name=data["name"],
        law_id=data["law_id"],
        organisation=data["organisation"],
        created_at=data["created_at"],
    )


# --- once per session ------------------------------------------------------------------


class SessionKeyring:
    """Holds the officer's unlocked private key for the rest of the app session.

    ``ask`` is how the passphrase is asked (the GUI's dialog; None where nobody can be
    asked); it returns None when the person cancels. ``FIELDAPP_PASSPHRASE`` is tried first.
    """

    def __init__(self, keys_dir: Path, ask: Callable[[], str | None] | None = None) -> None:
        self.keys_dir = keys_dir
        self._ask = ask
        self._key: Ed25519PrivateKey | None = None
        self._lock = threading.Lock()

    @property
    def is_unlocked(self) -> bool:
        return self._key is not None

    def unlock(self, passphrase: str | None) -> Ed25519PrivateKey:
        """Unlock with ``passphrase`` and keep the key; raises as ``load_signing_key`` does."""
        with self._lock:
            self._key = load_signing_key(self.keys_dir, passphrase)
            return self._key

    def signing_key(self) -> Ed25519PrivateKey:
        """The private key, unlocked on first use (asking at most once if all goes well).

        Raises KeyMissing, WrongPassphrase (nothing is kept; the next call asks again),
        PassphraseRequired if nobody can be asked or the person cancelled.
        """
        with self._lock:
            if self._key is not None:
                return self._key
            passphrase: str | None = None
            if key_is_encrypted(self.keys_dir):
                passphrase = passphrase_from_environment()
                if passphrase is None and self._ask is not None:
                    passphrase = self._ask()
                    if passphrase is None:
                        raise PassphraseRequired(
                            "没有输入口令，无法签名。 / No passphrase was given: nothing can be"
                            " signed."
                        )
            self._key = load_signing_key(self.keys_dir, passphrase)
            return self._key

    def key_id(self) -> str:
        """The id of the unlocked key (unlocking it first; raises as ``signing_key``)."""
        return key_id(raw_public_key(self.signing_key()))

    def lock(self) -> None:
        """Forget the unlocked key (e.g. when the workspace is closed)."""
        with self._lock:
            self._key = None
