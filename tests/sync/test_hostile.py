"""Untrusted input: every way a batch file can be damaged, truncated, forged or hostile is
refused with a specific message, and the database does not change at all."""

from __future__ import annotations

import io
import json
import stat
import tracemalloc
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp import sync
from fieldapp.domain.models import Role
from fieldapp.keys import key_id, raw_public_key
from fieldapp.sync.container import ContainerWriter, Manifest, Producer, app_version, now_text
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace
from tests.conftest import PROFILE
from tests.sync.conftest import import_, signing_key, table_hashes


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[Path, Path, bytes]]:
    """(officer home, supervisor home, a small batch: the officer's profile and one unit)."""
    officer = tmp_path / "officer"
    supervisor = tmp_path / "supervisor"
    with (
        Workspace.create(officer, Role.OFFICER, PROFILE) as off,
        Workspace.create(supervisor, Role.SUPERVISOR) as sup,
    ):
        wf.export_own_key(off, tmp_path / "o.pub.json")
        wf.trust_key_file(sup, tmp_path / "o.pub.json")
        key = signing_key(officer)
        batch = tmp_path / "small.zip"
        sync.export_batch(off, batch, key)
    yield officer, supervisor, batch.read_bytes()


def _refused(supervisor: Path, data: bytes, tmp_path: Path, name: str = "x.zip") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(sync.BatchRefused) as refused:
        import_(supervisor, path)
    return str(refused.value)


def test_every_single_byte_flip_is_refused(small: tuple[Path, Path, bytes], tmp_path: Path) -> None:
    _, supervisor, data = small
    assert len(data) < 6000
    before = table_hashes(supervisor)
    with Workspace.open(supervisor) as ws:
        for index in range(len(data)):
            flipped = bytearray(data)
            flipped[index] ^= 0xFF
            path = tmp_path / "flip.zip"
            path.write_bytes(bytes(flipped))
            with pytest.raises(sync.BatchRefused, match=r"flip\.zip"):
                sync.import_file(ws, path)
    assert table_hashes(supervisor) == before
    # and the untouched file still goes in
    assert import_(supervisor, _write(tmp_path / "ok.zip", data)).status == "imported"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_truncation_anywhere_is_refused(small: tuple[Path, Path, bytes], tmp_path: Path) -> None:
    _, supervisor, data = small
    before = table_hashes(supervisor)
    cuts = sorted({*range(0, len(data), 97), len(data) - 1, len(data) - 22, 1, 30})
    with Workspace.open(supervisor) as ws:
        for cut in cuts:
            path = _write(tmp_path / "cut.zip", data[:cut])
            with pytest.raises(sync.BatchRefused, match=r"cut\.zip"):
                sync.import_file(ws, path)
    assert table_hashes(supervisor) == before


def _zip(entries: list[tuple[str, bytes]], mode: int = stat.S_IFREG | 0o644) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(out, "w") as archive:
            for name, content in entries:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = mode << 16
                archive.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "/etc/passwd",
        "C:\\Windows\\evil.dll",
        "C:/evil",
        "records\\units.jsonl",
        "records/../../evil.jsonl",
        "attachments/../manifest.json",
        "records/units.jsonl/",
        "README.txt",
    ],
)
def test_entry_names_outside_the_format_are_refused(
    small: tuple[Path, Path, bytes], tmp_path: Path, name: str
) -> None:
    _, supervisor, _ = small
    data = _zip([("manifest.json", b"{}"), ("manifest.sig", b"x" * 64), (name, b"x")])
    before = table_hashes(supervisor)
    message = _refused(supervisor, data, tmp_path)
    assert "not allowed" in message or "link or a folder" in message
    assert table_hashes(supervisor) == before


def test_duplicate_names_and_links_are_refused(
    small: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    _, supervisor, _ = small
    twice = _zip([("manifest.json", b"{}"), ("manifest.json", b"{}"), ("manifest.sig", b"x" * 64)])
    assert "duplicate entry name" in _refused(supervisor, twice, tmp_path)
    link = _zip([("manifest.json", b"{}"), ("manifest.sig", b"x" * 64)], mode=stat.S_IFLNK | 0o777)
    assert "link or a folder" in _refused(supervisor, link, tmp_path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    small: tuple[Path, Path, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, supervisor, _ = small
    bomb = tmp_path / "bomb.zip"
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("records/answers.jsonl", "w", force_zip64=True) as out:
            for _ in range(1024):  # 1 GiB of zeros, about 1 MB deflated
                out.write(zeros)
        archive.writestr("manifest.json", b"{}")
        archive.writestr("manifest.sig", b"x" * 64)
    assert bomb.stat().st_size < 5 * 1024 * 1024

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an entry was opened before the file was refused")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    tracemalloc.start()
    try:
        with pytest.raises(sync.BatchRefused, match=r"too large|compression ratio"):
            import_(supervisor, bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024


def _signed(
    out: Path,
    key: Ed25519PrivateKey,
    lines: dict[str, list[bytes]],
    edit: bytes | None = None,
) -> Path:
    writer = ContainerWriter(out)
    for kind, items in lines.items():
        writer.add_lines(f"records/{kind}.jsonl", items)
    manifest = Manifest(
        "fieldapp-batch",
        1,
        f"hostile-{out.stem}",
        "batch",
        Producer(key_id(raw_public_key(key)), name="王建国"),
        1,
        now_text(),
        app_version(),
        writer.entries,
        {},
    )
    writer.finish(manifest, key)
    return out


def _unit(**changes: object) -> dict[str, object]:
    unit: dict[str, object] = {
        "id": "0190d5a0-0000-7000-8000-000000000001",
        "name": "长春某某商场有限公司",
        "credit_code": "91220101MA17XK3Q2C",
        "address": "长春市",
        "district_code": "220102",
        "legal_representative": "",
        "safety_manager": "",
        "safety_manager_phone": "",
        "contact_person": "",
        "contact_phone": "",
        "category": "",
        "is_key_unit": 0,
        "key_unit_kind": "",
        "rev": 1,
        "updated_at": "2026-11-01T00:00:00+00:00",
        "origin_device": "d",
    }
    unit.update(changes)
    return unit


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"[" * 5000 + b"]" * 5000, "nested"),
        (json.dumps(_unit(rev=10**40)).encode(), "18 digits"),
        (json.dumps(_unit()).encode()[:-1] + b', "rev": 2}', "duplicate key"),
        (json.dumps(_unit()).encode().replace(b'"rev": 1', b'"rev": NaN'), "not a number"),
        (json.dumps(_unit()).encode().replace(b'"rev": 1', b'"rev": 1e999'), "out of range"),
        (json.dumps(_unit(rev=True)).encode(), "not an integer"),
        (json.dumps(_unit(extra="x")).encode(), "unknown"),
        (json.dumps(_unit(id="../../etc")).encode(), "not a valid id"),
        (b"\xff\xfe not utf-8", "not valid JSON"),
        (json.dumps([1, 2]).encode(), "not a JSON object"),
    ],
    ids=[
        "deep",
        "huge-number",
        "duplicate-key",
        "nan",
        "infinity",
        "bool-as-int",
        "unknown-field",
        "bad-id",
        "not-utf8",
        "array",
    ],
)
def test_hostile_json_inside_a_signed_batch_is_refused(
    small: tuple[Path, Path, bytes], tmp_path: Path, line: bytes, expected: str
) -> None:
    officer, supervisor, _ = small
    path = _signed(tmp_path / "hostile.zip", signing_key(officer), {"units": [line]})
    before = table_hashes(supervisor)
    with pytest.raises(sync.BatchRefused, match=expected):
        import_(supervisor, path)
    assert table_hashes(supervisor) == before


def test_a_valid_batch_from_an_unknown_key_is_refused(
    small: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    _, supervisor, _ = small
    stranger = Ed25519PrivateKey.generate()
    path = _signed(tmp_path / "stranger.zip", stranger, {"units": [json.dumps(_unit()).encode()]})
    before = table_hashes(supervisor)
    with pytest.raises(sync.BatchRefused, match="does not trust"):
        import_(supervisor, path)
    assert table_hashes(supervisor) == before


def test_a_manifest_edited_after_signing_is_refused(
    small: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    _, supervisor, data = small
    # rewrite the (stored) manifest with the same length but another sequence number
    start = data.index(b'"sequence": 1')
    edited = data[:start] + b'"sequence": 7' + data[start + len(b'"sequence": 1') :]
    before = table_hashes(supervisor)
    message = _refused(supervisor, edited, tmp_path)
    assert "signature does not match" in message or "damaged or altered" in message
    assert table_hashes(supervisor) == before
