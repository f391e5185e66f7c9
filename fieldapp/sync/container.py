"""The signed zip container shared by officer batches, reference packs and receipts.

Layout (docs/batch-format.md): ``manifest.json`` (what the file is, who made it, and every
other entry with its size and SHA-256), ``manifest.sig`` (the raw 64-byte Ed25519 signature
of the manifest's exact bytes), ``records/<kind>.jsonl`` and ``attachments/<sha256>``.

A file is untrusted input. ``open_container`` checks everything that can be checked before
a single record is parsed: the zip's own structure, only known entry names, no duplicates,
no links or folders, caps on entry count, sizes and compression ratio, the manifest (strict
JSON), the signature by a trusted key, and then every entry's size and hash, streamed. Only
a container that passes all of that is handed to the importer, which streams records out
of it line by line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import json
import math
import os
import re
import stat
import struct
import tempfile
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp import __version__
from fieldapp.errors import DiskFull, UserError

FORMAT: Final = "fieldapp-batch"
VERSION: Final = 1
KINDS: Final = ("batch", "pack", "receipt")
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"

# Caps: far above anything real (a year of one officer's work is ~50 MB), far below harm.
MAX_ENTRIES: Final = 200_000
MAX_ENTRY_BYTES: Final = 256 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 3 * 1024 * 1024 * 1024  # no zip64: every field has one value
MAX_RATIO: Final = 120  # uncompressed / compressed; JSON Lines of records deflate ~10:1
MAX_MANIFEST_BYTES: Final = 64 * 1024 * 1024
MAX_LINE_BYTES: Final = 4 * 1024 * 1024
MAX_JSON_DEPTH: Final = 12
_CHUNK: Final = 1024 * 1024

# what reading a damaged zip can raise (zipfile is not picky about its exceptions)
_DAMAGE: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    struct.error,
    UnicodeError,
    KeyError,
    IndexError,
    RuntimeError,
    zlib.error,
)

_RECORD_NAME: Final = re.compile(r"records/([a-z_]{1,40})\.jsonl")
_ATTACHMENT_NAME: Final = re.compile(r"attachments/([0-9a-f]{64})")
_HEX64: Final = re.compile(r"[0-9a-f]{64}")
_KEY_ID: Final = re.compile(r"[0-9a-f]{16}")


class BatchRefused(UserError):
    """The file was not taken in; the message says why, the database is unchanged."""


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    sha256: str
    raw_size: int = 0  # the bytes as stored in the zip (compressed or not)
    raw_sha256: str = ""


@dataclass(frozen=True)
class Producer:
    key_id: str
    name: str = ""
    law_id: str = ""
    officer_code: str = ""
    organisation: str = ""
    device: str = ""
    public_key: str = ""  # base64 of the raw Ed25519 key, so a refusal can name its fingerprint


@dataclass(frozen=True)
class Manifest:
    format: str
    version: int
    batch_id: str
    kind: str
    producer: Producer
    sequence: int
    created_at: str
    app_version: str
    entries: tuple[Entry, ...]
    counts: Mapping[str, int] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> bytes:
        document = {
            "format": self.format,
            "version": self.version,
            "batch_id": self.batch_id,
            "kind": self.kind,
            "producer": {
                "key_id": self.producer.key_id,
                "name": self.producer.name,
                "law_id": self.producer.law_id,
                "officer_code": self.producer.officer_code,
                "organisation": self.producer.organisation,
                "device": self.producer.device,
                "public_key": self.producer.public_key,
            },
            "sequence": self.sequence,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "counts": dict(self.counts),
            "extra": dict(self.extra),
            "entries": [
                {
                    "name": e.name,
                    "size": e.size,
                    "sha256": e.sha256,
                    "raw_size": e.raw_size,
                    "raw_sha256": e.raw_sha256,
                }
                for e in self.entries
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


# --- strict JSON ----------------------------------------------------------------------------


class HostileJSON(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise HostileJSON(f"duplicate key {twice!r}")
    return result


def _no_constant(name: str) -> Any:
    raise HostileJSON(f"{name} is not a number JSON allows")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 18:
        raise HostileJSON("a number with more than 18 digits")
    return int(text)


def _bounded_float(text: str) -> float:
    value = float(text)
    if len(text) > 40 or not math.isfinite(value):
        raise HostileJSON("a number out of range")
    return value


def _depth_ok(text: str | bytes) -> bool:
    """Whether brackets nest at most MAX_JSON_DEPTH deep (strings taken into account)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if data.count(b"[") + data.count(b"{") <= MAX_JSON_DEPTH:
        return True
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_constant=_no_constant,
    parse_int=_bounded_int,
    parse_float=_bounded_float,
)


def strict_loads(text: str | bytes) -> Any:
    """Parse JSON (UTF-8 when bytes) refusing duplicate keys, NaN/Infinity, huge numbers and
    deep nesting.

    Raises HostileJSON (a ValueError) for any of those and for JSON that does not parse.
    """
    if not _depth_ok(text):
        raise HostileJSON(f"nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        decoded = text.decode("utf-8") if isinstance(text, bytes) else text
        return _DECODER.decode(decoded)
    except HostileJSON:
        raise
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        raise HostileJSON(f"not valid JSON: {err}") from None


# --- writing --------------------------------------------------------------------------------


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _RawTap:
    """The zip's file: passes everything through, and from ``start`` to the next seek (which
    is zipfile going back to finish the entry's local header) hashes what is written, that
    is, one entry's bytes exactly as they go to the disk."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._hasher: Any = None
        self._size = 0
        self._taken: tuple[int, str] | None = None

    def start(self) -> None:
        self._hasher, self._size, self._taken = hashlib.sha256(), 0, None

    def taken(self) -> tuple[int, str]:
        """(size, SHA-256) of the bytes written between ``start`` and the seek after them."""
        assert self._taken is not None, "the entry is not closed"
        return self._taken

    def write(self, data: bytes) -> int:
        if self._hasher is not None:
            self._hasher.update(data)
            self._size += len(data)
        return self._handle.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._hasher is not None:
            self._taken = (self._size, self._hasher.hexdigest())
            self._hasher = None
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def flush(self) -> None:
        self._handle.flush()

    def truncate(self, size: int | None = None) -> int:
        return self._handle.truncate(size)

    def close(self) -> None:
        """Nothing: the writer closes the file itself, after its fsync."""


_IN_FLIGHT: Final = 4  # chunks handed to the writing thread and not yet written


def _joined(lines: Iterable[bytes] | Iterable[str]) -> Iterator[tuple[bytes, int]]:
    """The lines (all bytes, or all text: encoded as UTF-8 a chunk at a time), each ended by
    a newline, in chunks of about ``_CHUNK``: (chunk, number of lines in it)."""
    buffer: list[Any] = []
    pending = 0
    for line in lines:
        buffer.append(line)
        pending += len(line) + 1
        if pending >= _CHUNK:
            yield _chunk(buffer), len(buffer)
            buffer, pending = [], 0
    if buffer:
        yield _chunk(buffer), len(buffer)


def _chunk(lines: list[Any]) -> bytes:
    if isinstance(lines[0], str):
        return ("\n".join(lines) + "\n").encode("utf-8")
    return b"\n".join(lines) + b"\n"


class ContainerWriter:
    """Writes a container under a temporary name next to ``path``; ``finish`` signs the
    manifest, re-reads the whole file and checks it, and only then renames it into place.

    Each entry's stored bytes are hashed as they are handed to the disk, so the re-read
    proves that the file holds exactly what was written (a stick that lies is caught)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        self._tmp = Path(tmp)
        self._file = os.fdopen(fd, "w+b")
        self._tap = _RawTap(self._file)
        self._zip = zipfile.ZipFile(self._tap, "w")
        self._pool: ThreadPoolExecutor | None = None
        self._entries: list[Entry] = []
        self._names: set[str] = set()
        self.bytes_written = 0

    def _info(self, name: str, compress: bool) -> zipfile.ZipInfo:
        assert name not in self._names, name
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        # level 1: several times faster than the default, and the photos (stored as they
        # are) make most of a batch anyway (``ZipFile(compresslevel=)`` only reaches entries
        # opened by name, not by ZipInfo)
        setattr(info, _LEVEL_FIELD, 1 if compress else None)
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        return info

    def _entry(self, name: str, size: int, sha256: str) -> None:
        self._names.add(name)
        self._entries.append(Entry(name, size, sha256, *self._tap.taken()))
        self.bytes_written += size

    def add_lines(self, name: str, lines: Iterable[bytes] | Iterable[str]) -> int:
        """Add a JSON Lines entry from lines without their newline, all bytes or all text
        (encoded as UTF-8); return the number of lines.

        The lines are gathered in this thread while a second one compresses, hashes and
        writes them (zlib, hashlib and file writes let go of the GIL), so reading records
        from the database overlaps with writing them."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-writer")
        hasher = hashlib.sha256()
        count = size = 0
        with self._zip.open(self._info(name, compress=True), "w") as out:
            self._tap.start()

            def write(chunk: bytes) -> None:
                hasher.update(chunk)
                out.write(chunk)

            in_flight: deque[Future[None]] = deque()
            try:
                for chunk, lines_in_chunk in _joined(lines):
                    count += lines_in_chunk
                    size += len(chunk)
                    in_flight.append(self._pool.submit(write, chunk))
                    if len(in_flight) > _IN_FLIGHT:
                        in_flight.popleft().result()
            finally:
                wait(in_flight)  # the entry is closed only after its last write, error or not
            for written in in_flight:
                written.result()
        self._entry(name, size, hasher.hexdigest())
        return count

    def _put(self, name: str, data: bytes, compress: bool) -> None:
        with self._zip.open(self._info(name, compress), "w") as out:
            self._tap.start()
            out.write(data)

    def add_bytes(self, name: str, data: bytes, compress: bool = False) -> None:
        self._put(name, data, compress)
        self._entry(name, len(data), hashlib.sha256(data).hexdigest())

    def add_file(self, name: str, source: Path, sha256: str) -> None:
        """Add a stored attachment (already named by its hash; photos are not recompressed)."""
        size = 0
        hasher = hashlib.sha256()
        with source.open("rb") as handle, self._zip.open(self._info(name, False), "w") as out:
            self._tap.start()
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
                out.write(chunk)
                size += len(chunk)
        if hasher.hexdigest() != sha256:
            raise UserError(
                f"附件 {source} 已损坏（内容与编号不符），导出已停止。请运行 `fieldapp check`。"
                f" / Attachment {source} is damaged (content does not match its hash); the"
                " export stopped. Run `fieldapp check`."
            )
        self._entry(name, size, sha256)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    def finish(self, manifest: Manifest, key: Ed25519PrivateKey) -> Path:
        """Append the manifest (every entry with the hash of its stored bytes) and its
        signature uncompressed, fsync, re-read and check every stored byte of the file, then
        rename it into place."""
        if self._pool is not None:
            self._pool.shutdown()
        data = dataclasses.replace(manifest, entries=self.entries).to_json()
        self._put(MANIFEST, data, compress=False)
        self._put(SIGNATURE, key.sign(data), compress=False)
        self._zip.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        # re-read before it counts: what is on the disk must be what was handed to it
        public = key.public_key()
        with open_container(self._tmp, lambda key_id: public) as check:
            check.verify_stored()
        self._tmp.replace(self.path)
        return self.path

    def abort(self) -> None:
        try:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
            with contextlib.suppress(Exception):
                self._zip.close()
            with contextlib.suppress(Exception):
                self._file.close()
        finally:
            self._tmp.unlink(missing_ok=True)


# the ZipInfo field that holds an entry's compression level (renamed in Python 3.13)
_LEVEL_FIELD: Final = (
    "compress_level" if hasattr(zipfile.ZipInfo, "compress_level") else "_compresslevel"
)


def write_errors(path: Path) -> Callable[[OSError], UserError]:
    def translate(err: OSError) -> UserError:
        if getattr(err, "errno", None) == 28:
            return DiskFull(
                f"磁盘已满，{path} 没有写完（没有留下半个文件）。请换一个有空间的位置重试。 /"
                f" The disk is full; {path} was not written (no partial file is left). Retry"
                " on a drive with free space."
            )
        return UserError(f"无法写入 {path} / cannot write {path}: {err}")

    return translate


# --- reading --------------------------------------------------------------------------------

_LOCAL = struct.Struct("<4s5H3L2H")  # local file header, 30 bytes
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory record, 46 bytes
_CENTRAL_SIZE = _CENTRAL.size
_END = struct.Struct("<4s4H2LH")  # end of central directory, 22 bytes
_DATE_TIME = (2020, 1, 1, 0, 0, 0)
_MODE = (stat.S_IFREG | 0o644) << 16


def _data_offset(info: zipfile.ZipInfo) -> int:
    return int(info.header_offset) + _LOCAL.size + len(info.filename.encode("ascii"))


def _raw_hashes(path: Path) -> dict[str, tuple[int, str]]:
    """name → (stored size, SHA-256 of the stored bytes) for every entry of a zip."""
    found: dict[str, tuple[int, str]] = {}
    with zipfile.ZipFile(path) as archive, path.open("rb") as handle:
        for info in archive.infolist():
            handle.seek(_data_offset(info))
            hasher = hashlib.sha256()
            left = info.compress_size
            while left:
                chunk = handle.read(min(left, _CHUNK))
                if not chunk:
                    break
                hasher.update(chunk)
                left -= len(chunk)
            found[info.filename] = (info.compress_size, hasher.hexdigest())
    return found


def _check_layout(path: Path, archive: zipfile.ZipFile, size: int) -> None:
    """Every byte of the file is accounted for and every header field has the one value we
    write: entries back to back from offset 0, local headers equal to the central directory,
    no extra fields, comments, data descriptors or trailing bytes. With the stored hashes in
    the manifest, a change of any single byte anywhere is caught."""
    infos = sorted(archive.infolist(), key=lambda i: i.header_offset)
    offset = 0
    central = 0
    with path.open("rb") as handle:
        for info in infos:
            name = info.filename.encode("ascii", "replace")
            if (
                info.header_offset != offset
                or info.date_time != _DATE_TIME
                or info.create_version != 20
                or info.create_system not in (0, 3)
                or info.extract_version != 20
                or info.reserved != 0
                or info.flag_bits != 0
                or info.volume != 0
                or info.internal_attr != 0
                or info.external_attr != _MODE
                or info.extra
                or info.comment
            ):
                raise ValueError(f"entry {info.filename!r}: unexpected header fields")
            handle.seek(offset)
            local = handle.read(_LOCAL.size + len(name))
            if len(local) != _LOCAL.size + len(name):
                raise ValueError("truncated")
            (sig, version, flags, method, mtime, mdate, crc, csize, usize, nlen, xlen) = (
                _LOCAL.unpack(local[: _LOCAL.size])
            )
            expected = (
                b"PK\x03\x04",
                20,
                0,
                info.compress_type,
                0,
                (2020 - 1980) << 9 | 1 << 5 | 1,
                info.CRC,
                info.compress_size,
                info.file_size,
                len(name),
                0,
            )
            if (sig, version, flags, method, mtime, mdate, crc, csize, usize, nlen, xlen) != (
                expected
            ) or local[_LOCAL.size :] != name:
                raise ValueError(f"entry {info.filename!r}: local header differs")
            offset += _LOCAL.size + len(name) + info.compress_size
            central += _CENTRAL_SIZE + len(name)
        if archive.start_dir != offset:
            raise ValueError("bytes between the entries and the directory")
        expected_directory = b"".join(
            _CENTRAL.pack(
                b"PK\x01\x02",
                20,
                info.create_system,
                20,
                0,
                0,
                info.compress_type,
                0,
                (2020 - 1980) << 9 | 1 << 5 | 1,
                info.CRC,
                info.compress_size,
                info.file_size,
                len(info.filename.encode("ascii", "replace")),
                0,
                0,
                0,
                0,
                _MODE,
                info.header_offset,
            )
            + info.filename.encode("ascii", "replace")
            for info in archive.infolist()
        )
        handle.seek(offset)
        if handle.read(central) != expected_directory:
            raise ValueError("the central directory differs from what the entries say")
        end = _END.pack(b"PK\x05\x06", 0, 0, len(infos), len(infos), central, offset, 0)
        if size != offset + central + _END.size:
            raise ValueError("bytes after the directory")
        handle.seek(offset + central)
        if handle.read(_END.size) != end:
            raise ValueError("the end record differs")


def _refuse(path: Path, zh: str, en: str) -> BatchRefused:
    return BatchRefused(f"{path.name}：{zh} / {path.name}: {en}")


def _check_names(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, f"条目过多（{len(infos)}）", f"too many entries ({len(infos)})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise _refuse(path, f"条目重名：{name}", f"duplicate entry name: {name}")
        seen.add(name)
        if not (
            name in (MANIFEST, SIGNATURE)
            or _RECORD_NAME.fullmatch(name)
            or _ATTACHMENT_NAME.fullmatch(name)
        ):
            raise _refuse(
                path, f"包含不允许的条目名：{name!r}", f"holds an entry name not allowed: {name!r}"
            )
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise _refuse(
                path,
                f"条目 {name} 是链接或文件夹，不是普通文件",
                f"entry {name} is a link or a folder, not a plain file",
            )
        if info.flag_bits & 0x1:
            raise _refuse(path, f"条目 {name} 被加密", f"entry {name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(path, f"条目 {name} 的压缩方式不支持", f"entry {name}: unknown method")
        if info.file_size > MAX_ENTRY_BYTES:
            raise _refuse(path, f"条目 {name} 过大", f"entry {name} is too large")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > _CHUNK:
            raise _refuse(
                path,
                f"条目 {name} 的压缩比异常（疑似压缩炸弹）",
                f"entry {name} has an implausible compression ratio (a zip bomb?)",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refuse(path, "解压后总量过大", "too large when unpacked")
    for required in (MANIFEST, SIGNATURE):
        if required not in seen:
            raise _refuse(path, f"缺少 {required}", f"{required} is missing")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise ValueError("too large")
    return data


def parse_manifest(path: Path, data: bytes) -> Manifest:
    """The manifest, checked field by field. Raises BatchRefused."""
    try:
        document = strict_loads(data)
    except HostileJSON as err:
        raise _refuse(
            path, f"manifest.json 无效：{err}", f"manifest.json is invalid: {err}"
        ) from None
    problems: list[str] = []

    def need(obj: Any, key: str, kind: type | tuple[type, ...]) -> Any:
        value = obj.get(key) if isinstance(obj, dict) else None
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            problems.append(key)
            return kind() if isinstance(kind, type) else None
        return value

    if not isinstance(document, dict):
        raise _refuse(path, "manifest.json 不是对象", "manifest.json is not an object")
    fmt = need(document, "format", str)
    if fmt != FORMAT:
        raise _refuse(path, "不是 fieldapp 的数据交换文件", "not a fieldapp exchange file")
    version = need(document, "version", int)
    if isinstance(version, int) and version > VERSION:
        raise _refuse(
            path,
            f"文件格式版本 {version} 比本程序新（本程序读到 {VERSION}）。请先升级 fieldapp。",
            f"format version {version} is newer than this build reads ({VERSION}); update"
            " fieldapp first",
        )
    producer = need(document, "producer", dict)
    entries_raw = need(document, "entries", list)
    entries: list[Entry] = []
    for raw in entries_raw or []:
        if (
            not isinstance(raw, dict)
            or set(raw) != {"name", "size", "sha256", "raw_size", "raw_sha256"}
            or not isinstance(raw["raw_size"], int)
            or not isinstance(raw["raw_sha256"], str)
            or not _HEX64.fullmatch(raw["raw_sha256"])
            or not isinstance(raw["name"], str)
            or not isinstance(raw["size"], int)
            or isinstance(raw["size"], bool)
            or raw["size"] < 0
            or not isinstance(raw["sha256"], str)
            or not _HEX64.fullmatch(raw["sha256"])
        ):
            problems.append("entries")
            break
        entries.append(
            Entry(raw["name"], raw["size"], raw["sha256"], raw["raw_size"], raw["raw_sha256"])
        )
    kind = need(document, "kind", str)
    if kind not in KINDS:
        problems.append("kind")
    key_id = need(producer, "key_id", str)
    if not _KEY_ID.fullmatch(key_id or ""):
        problems.append("producer.key_id")
    sequence = need(document, "sequence", int)
    counts = document.get("counts", {})
    extra = document.get("extra", {})
    if not isinstance(counts, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in counts.values()
    ):
        problems.append("counts")
        counts = {}
    if not isinstance(extra, dict):
        problems.append("extra")
        extra = {}
    text_fields = {}
    for key in ("name", "law_id", "officer_code", "organisation", "device", "public_key"):
        value = producer.get(key, "") if isinstance(producer, dict) else ""
        if not isinstance(value, str) or len(value) > 200:
            problems.append(f"producer.{key}")
            value = ""
        text_fields[key] = value
    batch_id = need(document, "batch_id", str)
    created_at = need(document, "created_at", str)
    app_version = need(document, "app_version", str)
    if problems:
        listed = ", ".join(sorted(set(problems)))
        raise _refuse(path, f"manifest.json 字段有误：{listed}", f"manifest.json fields: {listed}")
    return Manifest(
        format=fmt,
        version=version,
        batch_id=batch_id,
        kind=kind,
        producer=Producer(key_id=key_id, **text_fields),
        sequence=sequence,
        created_at=created_at,
        app_version=app_version,
        entries=tuple(entries),
        counts=counts,
        extra=extra,
    )


KeyLookup = Callable[[str], Ed25519PublicKey | None]


def _fingerprint_of(producer: Producer) -> str:
    """The fingerprint of the key the manifest names (its key id when the key is absent or
    does not match the id)."""
    import base64
    import binascii

    from fieldapp.keys import fingerprint, key_id

    try:
        raw = base64.b64decode(producer.public_key, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) == 32 and key_id(raw) == producer.key_id:
        return fingerprint(raw)
    return f"{producer.key_id}（密钥编号 key id）"


class Container:
    """An opened, signature-checked container. Use as a context manager."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
        self.path = path
        self.archive = archive
        self.manifest = manifest
        self._infos = {info.filename: info for info in archive.infolist()}
        self._by_name = {e.name: e for e in manifest.entries}

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc: object) -> None:
        self.archive.close()

    def close(self) -> None:
        self.archive.close()

    def names(self) -> list[str]:
        return [e.name for e in self.manifest.entries]

    def record_kinds(self) -> list[str]:
        kinds = []
        for entry in self.manifest.entries:
            match = _RECORD_NAME.fullmatch(entry.name)
            if match:
                kinds.append(match.group(1))
        return kinds

    def attachment_hashes(self) -> set[str]:
        return {
            m.group(1) for e in self.manifest.entries if (m := _ATTACHMENT_NAME.fullmatch(e.name))
        }

    def verify_stored(self) -> None:
        """Read every entry's stored bytes and compare their size and SHA-256 with the
        manifest (with its signature checked, this covers every byte of the file)."""
        try:
            raw = _raw_hashes(self.path)
        except _DAMAGE as err:
            raise _refuse(
                self.path, f"文件已损坏（{err}）", f"the file is damaged ({err})"
            ) from None
        for entry in self.manifest.entries:
            if raw.get(entry.name) != (entry.raw_size, entry.raw_sha256):
                raise _refuse(
                    self.path,
                    f"条目 {entry.name} 的存储内容与清单不符（已损坏或被改动）",
                    f"entry {entry.name}: its stored bytes do not match the manifest (damaged"
                    " or altered)",
                )
            if self._infos[entry.name].file_size != entry.size:
                raise _refuse(
                    self.path,
                    f"条目 {entry.name} 的大小与清单不符",
                    f"entry {entry.name}: size differs from the manifest",
                )

    def verify_entries(self, progress: Callable[[int], None] | None = None) -> None:
        """``verify_stored``, then stream every entry and compare its content (size and
        SHA-256) with the manifest."""
        self.verify_stored()
        for entry in self.manifest.entries:
            info = self._infos[entry.name]
            hasher = hashlib.sha256()
            size = 0
            try:
                with self.archive.open(info) as handle:
                    while chunk := handle.read(_CHUNK):
                        size += len(chunk)
                        if size > entry.size:
                            break
                        hasher.update(chunk)
                        if progress:
                            progress(len(chunk))
            except _DAMAGE as err:
                raise _refuse(
                    self.path,
                    f"条目 {entry.name} 已损坏（{err}）",
                    f"entry {entry.name} is damaged ({err})",
                ) from None
            if size != entry.size or hasher.hexdigest() != entry.sha256:
                raise _refuse(
                    self.path,
                    f"条目 {entry.name} 的内容与清单不符（已损坏或被改动）",
                    f"entry {entry.name} does not match the manifest (damaged or altered)",
                )

    def lines(self, kind: str) -> Iterator[bytes]:
        """The raw lines of ``records/<kind>.jsonl`` (none if the file has no such entry)."""
        name = f"records/{kind}.jsonl"
        info = self._infos.get(name)
        if info is None:
            return
        with self.archive.open(info) as raw:
            reader = io.BufferedReader(raw, buffer_size=_CHUNK)  # type: ignore[type-var]
            while True:
                line = reader.readline(MAX_LINE_BYTES + 1)
                if not line:
                    return
                if len(line) > MAX_LINE_BYTES:
                    raise _refuse(self.path, f"{name} 有一行过长", f"{name}: a line is too long")
                line = line.rstrip(b"\n")
                if line:
                    yield line

    def open_attachment(self, sha256: str) -> IO[bytes]:
        return self.archive.open(self._infos[f"attachments/{sha256}"])


def open_container(path: Path, lookup: KeyLookup) -> Container:
    """Open ``path`` and check its structure, manifest and signature (not yet the entries'
    hashes: call ``verify_entries``). ``lookup`` gives the trusted public key for a key id,
    or None when the key is unknown or no longer trusted.

    Raises BatchRefused with the reason.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BatchRefused(f"找不到文件 {path} / file not found: {path}") from None
    except _DAMAGE as err:
        raise _refuse(
            path,
            "不是完整的数据交换文件（zip 已损坏或被截断）。请重新复制或让对方重新导出。",
            f"not a whole exchange file (the zip is damaged or truncated: {err}). Copy it"
            " again or ask for a new export.",
        ) from None
    try:
        infos = archive.infolist()
        _check_names(path, infos)
        try:
            _check_layout(path, archive, path.stat().st_size)
        except _DAMAGE as err:
            raise _refuse(
                path,
                f"文件结构已损坏或被改动（{err}），未导入。请重新复制或让对方重新导出。",
                f"the file's structure is damaged or altered ({err}); nothing was imported."
                " Copy it again or ask for a new export.",
            ) from None
        by_name = {info.filename: info for info in infos}
        try:
            manifest_bytes = _read_capped(archive, by_name[MANIFEST], MAX_MANIFEST_BYTES)
            signature = _read_capped(archive, by_name[SIGNATURE], 64)
        except _DAMAGE as err:
            raise _refuse(
                path,
                f"清单无法读取，文件已损坏或被改动（{err}）",
                f"the manifest cannot be read: the file is damaged or altered ({err})",
            ) from None
        manifest = parse_manifest(path, manifest_bytes)
        public = lookup(manifest.producer.key_id)
        who = manifest.producer.name or manifest.producer.key_id
        if public is None:
            print_ = _fingerprint_of(manifest.producer)
            raise _refuse(
                path,
                f"签名密钥（{who}，指纹 {print_}）不在本工作区的受信任密钥中，或已被撤销信任；"
                "文件未导入。请先当面核对指纹，再信任对方的公钥（fieldapp keys trust）。",
                f"it is signed by a key this workspace does not trust, or no longer trusts"
                f" ({who}, fingerprint {print_}); nothing was imported. Check the fingerprint"
                " with the sender, then trust their public key (fieldapp keys trust).",
            )
        try:
            public.verify(signature, manifest_bytes)
        except InvalidSignature:
            raise _refuse(
                path,
                "签名不符：清单在签名后被改动，或文件已损坏。文件未导入。",
                "the signature does not match: the manifest was changed after signing, or the"
                " file is damaged. Nothing was imported.",
            ) from None
        listed = {e.name for e in manifest.entries}
        present = set(by_name) - {MANIFEST, SIGNATURE}
        if listed != present or len(listed) != len(manifest.entries):
            odd = sorted(listed ^ present)[:3]
            raise _refuse(
                path,
                f"清单与文件内容不一致：{odd}",
                f"the manifest and the file's entries differ: {odd}",
            )
        return Container(path, archive, manifest)
    except BaseException:
        archive.close()
        raise


def app_version() -> str:
    return __version__


def file_sha256(path: Path) -> str:
    """SHA-256 of a whole file, read in chunks."""
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()
