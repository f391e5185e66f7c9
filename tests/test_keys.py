"""Officer signing keys, public key files, trusted keys and the ``fieldapp keys`` command."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp import keys
from fieldapp.cli import main
from fieldapp.domain.models import Role
from fieldapp.errors import ValidationError
from fieldapp.home import is_workspace
from fieldapp.keys import (
    KeyExists,
    KeyFileError,
    KeyMismatch,
    KeyMissing,
    PassphraseRequired,
    PublicKeyFileInvalid,
    PublicKeyInfo,
    SessionKeyring,
    WeakPassphrase,
    WrongPassphrase,
)
from fieldapp.store import keys as store_keys
from fieldapp.store import registry as reg
from fieldapp.store.audit import audit_entries
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace
from tests.conftest import PROFILE, TEST_PASSPHRASE

PASSPHRASE = "correct horse"


def make_key(tmp_path: Path, passphrase: str | None = PASSPHRASE) -> tuple[Path, PublicKeyInfo]:
    keys_dir = tmp_path / "keys"
    info = keys.create_officer_key(
        keys_dir, "王建国", "22010019001", "长春市市场监督管理局", passphrase
    )
    return keys_dir, info


# --- the key pair ----------------------------------------------------------------------


def test_new_key_is_encrypted_and_unlocks_with_its_passphrase(tmp_path: Path) -> None:
    keys_dir, info = make_key(tmp_path)
    pem = (keys_dir / keys.PRIVATE_KEY_NAME).read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert keys.key_is_encrypted(keys_dir)
    if os.name == "posix":
        assert (keys_dir / keys.PRIVATE_KEY_NAME).stat().st_mode & 0o077 == 0
    private = keys.load_signing_key(keys_dir, PASSPHRASE)
    assert keys.raw_public_key(private) == info.public_key
    assert re.fullmatch(r"[0-9a-f]{16}", info.key_id)
    assert info.key_id == hashlib.sha256(info.public_key).hexdigest()[:16]
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", info.fingerprint)
    assert info.fingerprint.replace(" ", "") == (
        hashlib.sha256(info.public_key).hexdigest()[:32].upper()
    )
    document = json.loads((keys_dir / keys.PUBLIC_KEY_NAME).read_text(encoding="utf-8"))
    assert document["format"] == "fieldapp-public-key" and document["version"] == 1
    assert base64.b64decode(document["public_key"]) == info.public_key
    assert document["name"] == "王建国" and document["law_id"] == "22010019001"
    assert keys.own_public_key(keys_dir) == info
    assert not list(keys_dir.glob(".*.tmp")), "no temporary files left"


def test_wrong_or_missing_passphrase_is_refused(tmp_path: Path) -> None:
    keys_dir, _ = make_key(tmp_path)
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        keys.load_signing_key(keys_dir, "not the passphrase")
    with pytest.raises(PassphraseRequired, match="FIELDAPP_PASSPHRASE"):
        keys.load_signing_key(keys_dir, None)
    with pytest.raises(KeyMissing):
        keys.load_signing_key(tmp_path / "nowhere", PASSPHRASE)


def test_wrong_passphrase_that_passes_the_padding_check_is_still_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # About one wrong passphrase in 256 decrypts to garbage with valid padding; cryptography
    # then reports an ASN.1 error instead of a bad password. CI once met exactly that.
    keys_dir, _ = make_key(tmp_path)
    # the real thing: among 2,000 wrong passphrases some almost surely pass the padding check
    for attempt in range(2000):
        with pytest.raises(WrongPassphrase):
            keys.load_signing_key(keys_dir, f"wrong-{attempt}")

    def garbage(data: bytes, password: bytes | None) -> None:
        raise ValueError("Could not deserialize key data. Details: ASN.1 parsing error")

    monkeypatch.setattr(keys.serialization, "load_pem_private_key", garbage)
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        keys.load_signing_key(keys_dir, "not the passphrase")


@pytest.mark.parametrize(
    "damage",
    [
        lambda pem: pem[: len(pem) // 2],
        lambda pem: pem.replace(b"\n", b"\n!", 2),
        lambda pem: pem.replace(b"-----END", b"-----FIN"),
    ],
    ids=["truncated", "not-base64", "no-end-line"],
)
def test_damaged_encrypted_key_is_damaged_not_a_wrong_passphrase(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    keys_dir, _ = make_key(tmp_path)
    path = keys_dir / keys.PRIVATE_KEY_NAME
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(KeyFileError, match="damaged"):
        keys.load_signing_key(keys_dir, PASSPHRASE)


def test_unencrypted_key_is_flagged(tmp_path: Path) -> None:
    keys_dir, info = make_key(tmp_path, passphrase=None)
    assert not keys.key_is_encrypted(keys_dir)
    assert keys.raw_public_key(keys.load_signing_key(keys_dir, None)) == info.public_key
    # a passphrase given for an unprotected key is ignored, not an error
    assert keys.raw_public_key(keys.load_signing_key(keys_dir, "anything")) == info.public_key


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase) as caught:
        make_key(tmp_path, passphrase="1234567")
    assert isinstance(caught.value, ValidationError)
    assert "passphrase" in caught.value.problems
    assert not (tmp_path / "keys" / keys.PRIVATE_KEY_NAME).exists()


def test_an_existing_key_is_never_overwritten(tmp_path: Path) -> None:
    keys_dir, _ = make_key(tmp_path)
    before = (keys_dir / keys.PRIVATE_KEY_NAME).read_bytes()
    with pytest.raises(KeyExists, match="never overwritten"):
        make_key(tmp_path)
    assert (keys_dir / keys.PRIVATE_KEY_NAME).read_bytes() == before


def test_private_key_must_match_the_public_key_file(tmp_path: Path) -> None:
    keys_dir, _ = make_key(tmp_path / "a")
    _, other = make_key(tmp_path / "b")
    keys.write_public_key_file(other, keys_dir / keys.PUBLIC_KEY_NAME)
    with pytest.raises(KeyMismatch):
        keys.load_signing_key(keys_dir, PASSPHRASE)


# --- public key files ------------------------------------------------------------------


def test_public_key_file_round_trip(tmp_path: Path) -> None:
    _, info = make_key(tmp_path)
    out = tmp_path / "out" / "王建国.pub.json"
    out.parent.mkdir()
    keys.write_public_key_file(info, out)
    assert keys.read_public_key_file(out) == info
    assert "王建国" in out.read_text(encoding="utf-8")  # readable, not \\u-escaped


def _document(info: PublicKeyInfo) -> dict[str, Any]:
    return keys.public_key_document(info)


def _short_key(doc: dict[str, Any]) -> None:
    raw = base64.b64decode(doc["public_key"])[:31]
    doc.update(
        public_key=base64.b64encode(raw).decode(),
        key_id=keys.key_id(raw),
        fingerprint=keys.fingerprint(raw),
    )


def _other_key(doc: dict[str, Any]) -> None:
    doc["public_key"] = base64.b64encode(bytes(32)).decode()


BAD_DOCUMENTS: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("wrong format", lambda d: d.update(format="something-else"), "format is not"),
    ("newer version", lambda d: d.update(version=2), "unsupported version 2"),
    ("version as bool", lambda d: d.update(version=True), "unsupported version True"),
    ("missing field", lambda d: d.pop("fingerprint"), r"missing field\(s\) fingerprint"),
    ("unknown field", lambda d: d.update(comment="hi"), r"unknown field\(s\) comment"),
    ("name not text", lambda d: d.update(name=42), r"field\(s\) name not text"),
    ("bad base64", lambda d: d.update(public_key="not base64!"), "not valid base64"),
    ("wrong length", _short_key, "31 bytes long, not 32"),
    ("key replaced", _other_key, "key_id does not match"),
    ("key id altered", lambda d: d.update(key_id="0" * 16), "key_id does not match"),
    (
        "fingerprint altered",
        lambda d: d.update(fingerprint="0000 " * 7 + "0000"),
        "fingerprint does not match",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [(change, message) for _, change, message in BAD_DOCUMENTS],
    ids=[name for name, _, _ in BAD_DOCUMENTS],
)
def test_bad_public_key_files_are_refused(
    tmp_path: Path, change: Callable[[dict[str, Any]], Any], message: str
) -> None:
    _, info = make_key(tmp_path)
    doc = _document(info)
    change(doc)
    path = tmp_path / "bad.pub.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PublicKeyFileInvalid, match=message) as caught:
        keys.read_public_key_file(path)
    assert str(path) in str(caught.value) and " / " in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not JSON text"),
        (b"\xff\xfe\x00garbage", "not JSON text"),
        (b"[1, 2, 3]", "not a JSON object"),
        (b"-----BEGIN PUBLIC KEY-----\n", "not JSON text"),
        (b" " * (65 * 1024), "too large"),
    ],
    ids=["broken json", "not utf-8", "json list", "pem file", "too large"],
)
def test_files_that_are_no_public_key_files_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.pub.json"
    path.write_bytes(content)
    with pytest.raises(PublicKeyFileInvalid, match=message):
        keys.read_public_key_file(path)


def test_missing_public_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PublicKeyFileInvalid, match="does not exist"):
        keys.read_public_key_file(tmp_path / "nothing.json")


# --- workspaces and trust --------------------------------------------------------------


def test_officer_workspace_gets_a_trusted_encrypted_key(officer_ws: Workspace) -> None:
    keys_dir = officer_ws.home / "keys"
    assert keys.key_is_encrypted(keys_dir)
    keys.load_signing_key(keys_dir, TEST_PASSPHRASE)
    own = keys.own_public_key(keys_dir)
    assert own.name == PROFILE.name and own.law_id == PROFILE.law_id
    with officer_ws.store.reading() as db:
        assert store_keys.is_trusted(db, own.key_id)
        assert reg.get_setting(db, "keys.own_key_id") == own.key_id
        assert reg.get_setting(db, "keys.unprotected") is None
        assert [e.action for e in audit_entries(db, own.key_id)] == ["create"]
    assert wf.trusted(officer_ws) == {own.key_id: own.public_key}


def test_explicit_passphrase_wins_over_the_environment(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "o", Role.OFFICER, PROFILE, passphrase=PASSPHRASE) as ws:
        keys.load_signing_key(ws.home / "keys", PASSPHRASE)


def test_demo_workspace_key_is_unprotected_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "demo"
    with Workspace.create(home, Role.OFFICER, PROFILE, is_demo=True) as ws:
        assert not keys.key_is_encrypted(home / "keys")
        with ws.store.reading() as db:
            assert reg.get_setting(db, "keys.unprotected") == "1"
    assert main(["--home", str(home), "keys", "export", "--out", str(tmp_path / "k.json")]) == 0
    assert "not protected by a passphrase" in capsys.readouterr().out


def test_officer_workspace_without_passphrase_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE")
    home = tmp_path / "o"
    with pytest.raises(PassphraseRequired, match="FIELDAPP_PASSPHRASE"):
        Workspace.create(home, Role.OFFICER, PROFILE)
    assert not is_workspace(home)
    with pytest.raises(WeakPassphrase):
        Workspace.create(home, Role.OFFICER, PROFILE, passphrase="short")
    assert not is_workspace(home) and not (home / "keys" / keys.PRIVATE_KEY_NAME).exists()


def test_failed_creation_leaves_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(store_keys, "trust_key", broken)
    with pytest.raises(RuntimeError):
        Workspace.create(tmp_path / "o", Role.OFFICER, PROFILE)
    assert not (tmp_path / "o" / "keys" / keys.PRIVATE_KEY_NAME).exists()
    assert not (tmp_path / "o" / "keys" / keys.PUBLIC_KEY_NAME).exists()


def test_supervisor_workspace_has_its_own_key_for_packs_and_receipts(tmp_path: Path) -> None:
    with Workspace.create(
        tmp_path / "s", Role.SUPERVISOR, supervisor_name="吉林省市场监督管理局"
    ) as ws:
        own = wf.own_key(ws)
        assert own is not None
        assert own.name == "吉林省市场监督管理局" and own.law_id == ""
        assert keys.key_is_encrypted(tmp_path / "s" / "keys")  # FIELDAPP_PASSPHRASE in tests
        assert set(wf.trusted(ws)) == {own.key_id}
        exported = wf.export_own_key(ws, tmp_path / "k.json")
        assert exported.key_id == own.key_id


def test_trust_untrust_and_trust_again(officer_ws: Workspace, tmp_path: Path) -> None:
    exported = tmp_path / "officer.pub.json"
    info = wf.export_own_key(officer_ws, exported)
    with Workspace.create(tmp_path / "sup", Role.SUPERVISOR) as sup:
        own = wf.own_key(sup)
        assert own is not None
        assert wf.trust_key_file(sup, exported) == info
        assert wf.trusted(sup) == {info.key_id: info.public_key, own.key_id: own.public_key}
        wf.untrust(sup, info.key_id.upper())
        assert wf.trusted(sup) == {own.key_id: own.public_key}
        with sup.store.reading() as db:
            assert not store_keys.is_trusted(db, info.key_id)
            assert store_keys.trusted_keys(db, include_removed=True)[info.key_id].removed_at
        with pytest.raises(store_keys.KeyNotTrusted):
            wf.untrust(sup, info.key_id)
        wf.trust_key_file(sup, exported)
        assert wf.trusted(sup)[info.key_id] == info.public_key
        with sup.store.reading() as db:
            actions = [e.action for e in audit_entries(db, info.key_id)]
        assert actions == ["trust", "untrust", "trust"]
    with pytest.raises(wf.OwnKeyUntrusted):
        wf.untrust(officer_ws, info.key_id)


def test_key_id_clash_is_refused(officer_ws: Workspace) -> None:
    own = keys.own_public_key(officer_ws.home / "keys")
    impostor = dataclasses.replace(own, public_key=bytes(32), name="冒名者")
    with officer_ws.store.transaction() as db, pytest.raises(store_keys.KeyIdClash):
        store_keys.trust_key(db, impostor)
    with officer_ws.store.reading() as db:
        assert store_keys.trusted_keys(db)[own.key_id].public_key == own.public_key


# --- the command line ------------------------------------------------------------------


def test_cli_export_from_officer_and_trust_in_supervisor(
    officer_ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    officer_home = officer_ws.home
    officer_ws.close()
    sup_home = str(tmp_path / "sup")
    out = tmp_path / "wang.pub.json"
    assert main(["--home", sup_home, "init", "--role", "supervisor"]) == 0
    capsys.readouterr()

    assert main(["--home", str(officer_home), "keys", "export", "--out", str(out)]) == 0
    exported = capsys.readouterr().out
    info = keys.read_public_key_file(out)
    assert info.key_id in exported and info.fingerprint in exported

    assert main(["--home", sup_home, "keys", "trust", str(out)]) == 0
    trusted_out = capsys.readouterr().out
    for text in (PROFILE.name, PROFILE.law_id, info.fingerprint, "已信任 / trusted"):
        assert text in trusted_out

    assert main(["--home", sup_home, "keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert info.key_id in listed and PROFILE.name in listed and "2 把" in listed
    assert "[本工作区 own]" in listed  # the supervisor's own key, for packs and receipts

    # an altered file is refused with the reason, and changes nothing
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["public_key"] = base64.b64encode(bytes(32)).decode()
    bad = tmp_path / "bad.pub.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["--home", sup_home, "keys", "trust", str(bad)]) == 1
    assert "key_id does not match" in capsys.readouterr().err

    assert main(["--home", sup_home, "keys", "untrust", info.key_id]) == 0
    assert main(["--home", sup_home, "keys", "list", "--all"]) == 0
    assert "untrusted" in capsys.readouterr().out
    # the supervisor's own key goes to the officers, who trust it for reference packs
    assert main(["--home", sup_home, "keys", "export", "--out", str(tmp_path / "x.json")]) == 0
    assert keys.read_public_key_file(tmp_path / "x.json").law_id == ""


def test_cli_keys_usage_errors_exit_2(tmp_path: Path) -> None:
    for argv in (["keys"], ["keys", "export"], ["keys", "trust"]):
        with pytest.raises(SystemExit) as caught:
            main(["--home", str(tmp_path), *argv])
        assert caught.value.code == 2


def _init_officer(home: Path) -> int:
    return main(
        ["--home", str(home), "init", "--role", "officer", "--name", "李", "--law-id", "220100"]
    )


def test_cli_init_needs_a_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _init_officer(tmp_path / "a") == 1
    err = capsys.readouterr().err
    assert "FIELDAPP_PASSPHRASE" in err and "fieldapp init" in err
    assert not is_workspace(tmp_path / "a")


def test_cli_init_asks_for_the_passphrase_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert _init_officer(tmp_path / "a") == 1
    assert "differ" in capsys.readouterr().err
    assert not is_workspace(tmp_path / "a")

    answers = iter([PASSPHRASE, PASSPHRASE])
    assert _init_officer(tmp_path / "b") == 0
    keys.load_signing_key(tmp_path / "b" / "keys", PASSPHRASE)


# --- once per session ------------------------------------------------------------------


def test_session_keyring_asks_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE")
    keys_dir, info = make_key(tmp_path)
    asked: list[str | None] = []
    answers = iter(["wrong passphrase", None, PASSPHRASE])

    def ask() -> str | None:
        answer = next(answers)
        asked.append(answer)
        return answer

    keyring = SessionKeyring(keys_dir, ask)
    assert not keyring.is_unlocked
    with pytest.raises(WrongPassphrase):
        keyring.signing_key()
    with pytest.raises(PassphraseRequired):  # cancelled
        keyring.signing_key()
    first = keyring.signing_key()
    assert keyring.signing_key() is first and keyring.key_id() == info.key_id
    assert len(asked) == 3, "after the first success, never asked again"
    keyring.lock()
    assert not keyring.is_unlocked

    with pytest.raises(PassphraseRequired):  # nobody to ask
        SessionKeyring(keys_dir).signing_key()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    assert SessionKeyring(keys_dir, ask).key_id() == info.key_id  # no further asking
    assert len(asked) == 3


def test_session_keyring_never_asks_for_an_unprotected_key(tmp_path: Path) -> None:
    keys_dir, info = make_key(tmp_path, passphrase=None)

    def ask() -> str | None:
        raise AssertionError("asked")

    assert SessionKeyring(keys_dir, ask).key_id() == info.key_id
