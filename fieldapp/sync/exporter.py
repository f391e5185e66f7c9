"""Writing exchange files: the officer's batch, the supervisor's reference pack and receipts.

An officer's batch holds everything new or changed since the last export (``everything``:
all of it) that the supervisor may take: the registry records, finished inspections with
all their parts, amendments, notices and re-inspections, and every attachment they name.
Drafts stay on the laptop until finished. Every batch is also kept in the workspace's
``exports/`` folder, so a lost stick is replaced by copying that file again.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from fieldapp import keys as keys_module
from fieldapp.domain.ids import uuid7
from fieldapp.errors import UserError
from fieldapp.store import keys as store_keys
from fieldapp.store import registry as reg
from fieldapp.store import sync as q
from fieldapp.sync import records as r
from fieldapp.sync.container import (
    FORMAT,
    VERSION,
    ContainerWriter,
    Manifest,
    Producer,
    app_version,
    file_sha256,
    now_text,
    write_errors,
)

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace

Progress = Callable[[str, int, int], None]  # (what, done, total)
Cancelled = Callable[[], bool]


class NothingToExport(UserError):
    """Nothing is new or changed since the last batch; no file was written."""


class ExportCancelled(UserError):
    """The user stopped the export; nothing was written and nothing was marked."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kept: Path
    batch_id: str
    sequence: int
    counts: dict[str, int]
    attachments: int
    size: int
    seconds: float
    empty: bool = False
    warnings: list[str] = field(default_factory=list)


_EXTRA = {"inspection_runs": ("checklist_hash",), "reinspection_findings": ("photos",)}
# kinds that travel with their parent the first time it goes out (no export bookkeeping)
_SENT_WITH_PARENT = frozenset(
    {
        "inspection_runs",
        "inspection_officers",
        "answers",
        "answer_photos",
        "findings",
        "signatures",
        "documents",
        "reinspection_findings",
    }
)


def _selected(kind: r.Kind) -> list[str]:
    """The few columns the exporter looks at: key and rev (top-level kinds, whose export is
    remembered), attachment hashes and the like."""
    child = kind.name in _SENT_WITH_PARENT
    remembered = [] if child else [*kind.key, *(["rev"] if kind.has_rev else [])]
    wanted = [*remembered, *kind.hashes]
    return wanted + [c for c in _EXTRA.get(kind.name, ()) if c not in wanted]


def _columns(kind: r.Kind) -> list[str]:
    """``_selected(kind)``, then the whole row as a JSON object made by SQLite itself (its C
    JSON writer is several times faster than building each line in Python)."""
    pairs = ", ".join(f"'{column}', {column}" for column in kind.columns)
    return [*_selected(kind), f"json_object({pairs})"]


def _index(kind: r.Kind, column: str) -> int:
    return _selected(kind).index(column)


def _line(row: Sequence[Any]) -> str:
    """The JSON line of a row fetched with ``_columns(kind)`` (SQLite wrote it)."""
    return str(row[-1])


def _producer(ws: Workspace, signing_key: Ed25519PrivateKey) -> Producer:
    raw = keys_module.raw_public_key(signing_key)
    officer = ws.officer
    if officer is not None:
        name, law_id, code, organisation = (
            officer.name,
            officer.law_id,
            officer.officer_code,
            officer.organisation,
        )
    else:
        own = keys_module.own_public_key(ws.home / "keys")
        name, law_id, code, organisation = own.name, own.law_id, "", own.organisation
    return Producer(
        key_id=keys_module.key_id(raw),
        name=name,
        law_id=law_id,
        officer_code=code,
        organisation=organisation,
        device=ws.device_id,
        public_key=base64.b64encode(raw).decode("ascii"),
    )


def _manifest(
    ws: Workspace,
    signing_key: Ed25519PrivateKey,
    writer: ContainerWriter,
    kind: str,
    batch_id: str,
    sequence: int,
    counts: dict[str, int],
    extra: dict[str, Any],
) -> Manifest:
    """The manifest of a file written by this workspace (format 1)."""
    return Manifest(
        format=FORMAT,
        version=VERSION,
        batch_id=batch_id,
        kind=kind,
        producer=_producer(ws, signing_key),
        sequence=sequence,
        created_at=now_text(),
        app_version=app_version(),
        entries=writer.entries,
        counts=counts,
        extra=extra,
    )


def own_key_id(ws: Workspace, signing_key: Ed25519PrivateKey) -> str:
    return keys_module.key_id(keys_module.raw_public_key(signing_key))


class _Batch:
    """Collects what goes into one officer batch (inside the caller's transaction)."""

    def __init__(self, db: Database, everything: bool) -> None:
        self.db = db
        self.everything = everything
        self.hashes: set[str] = set()
        self.checklists: set[str] = set()
        self.marks: list[tuple[str, str, int]] = []
        self.counts: dict[str, int] = {}

    def _changed(self, kind: r.Kind, where: str = "") -> list[tuple[Any, ...]]:
        """Rows of a top-level kind that are new or have a higher rev than last exported."""
        sent = {} if self.everything else q.exported_revs(self.db, kind.name)
        rows = []
        key_index = 0
        rev_index = _index(kind, "rev") if kind.has_rev else None
        for row in q.select_rows(self.db, kind.table, _columns(kind), where):
            record_id = row[key_index]
            rev = row[rev_index] if rev_index is not None else 1
            if record_id in sent and sent[record_id] >= rev:
                continue
            rows.append(row)
            self.marks.append((kind.name, record_id, rev))
        return rows

    def _not_sent(self, kind: str) -> str:
        """SQL condition on ``id``: not exported before (always true for ``--all``)."""
        if self.everything:
            return "1 = 1"
        return f"id NOT IN (SELECT record_id FROM sync_exported WHERE kind = '{kind}')"

    def _children(self, kind: r.Kind, parents: str) -> Iterator[tuple[Any, ...]]:
        """Rows of a child kind whose parent is selected by the SQL ``parents`` (one scan,
        not one query per few hundred ids), streamed; the attachments they name are noted
        as they pass."""
        assert kind.parent is not None
        where = f"{kind.parent[1]} IN ({parents})"
        return self._noting(kind, q.select_rows(self.db, kind.table, _columns(kind), where))

    def _runs(self, fresh: str) -> Iterator[tuple[Any, ...]]:
        """The checklist runs, noting the checklist versions they name as they pass."""
        hash_index = _index(r.INSPECTION_RUNS, "checklist_hash")
        for row in self._children(r.INSPECTION_RUNS, fresh):
            self.checklists.add(row[hash_index])
            yield row

    def _noting(self, kind: r.Kind, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """``rows``, noting the attachments each names (photos of a re-inspection too)."""
        indexes = [_index(kind, c) for c in kind.hashes]
        photos = _index(kind, "photos") if kind is r.REINSPECTION_FINDINGS else None
        for row in rows:
            for index in indexes:
                if row[index]:
                    self.hashes.add(row[index])
            if photos is not None:
                self.hashes.update(r.photo_hashes(row[photos]))
            yield row

    def collect(self) -> Iterator[tuple[r.Kind, Iterable[tuple[Any, ...]]]]:
        """Each kind with its rows; the rows of the children of inspections and
        re-inspections (nearly all of a batch) are streamed, and the attachments come last,
        once every record that names one has passed. Consume each kind's rows before asking
        for the next kind."""
        db = self.db
        yield r.OFFICERS, self._changed(r.OFFICERS)
        yield r.UNITS, self._changed(r.UNITS)
        yield r.EQUIPMENT, self._changed(r.EQUIPMENT)
        fresh = "SELECT id FROM inspections WHERE state != 'draft' AND " + self._not_sent(
            r.INSPECTIONS.name
        )
        yield r.INSPECTIONS, self._changed(r.INSPECTIONS, "state != 'draft'")
        yield r.INSPECTION_RUNS, self._runs(fresh)
        for kind in (r.INSPECTION_OFFICERS, r.ANSWERS, r.FINDINGS, r.SIGNATURES, r.DOCUMENTS):
            yield kind, self._children(kind, fresh)
        yield (
            r.ANSWER_PHOTOS,
            self._children(
                r.ANSWER_PHOTOS, f"SELECT id FROM answers WHERE inspection_id IN ({fresh})"
            ),
        )
        sent_lists = {} if self.everything else q.exported_revs(db, r.CHECKLIST_VERSIONS.name)
        wanted_lists = sorted(h for h in self.checklists if h not in sent_lists)
        checklist_rows = list(
            q.rows_by_column(
                db,
                r.CHECKLIST_VERSIONS.table,
                _columns(r.CHECKLIST_VERSIONS),
                "content_hash",
                wanted_lists,
            )
        )
        self.marks += [(r.CHECKLIST_VERSIONS.name, h, 1) for h in wanted_lists]
        yield r.CHECKLIST_VERSIONS, checklist_rows
        yield (
            r.AMENDMENTS,
            self._changed(
                r.AMENDMENTS,
                "inspection_id IN (SELECT id FROM inspections WHERE state != 'draft')",
            ),
        )
        notices = self._changed(
            r.NOTICES, "inspection_id IN (SELECT id FROM inspections WHERE state != 'draft')"
        )
        yield r.NOTICES, self._noting(r.NOTICES, notices)
        re_findings = self._children(
            r.REINSPECTION_FINDINGS,
            "SELECT id FROM reinspections WHERE " + self._not_sent(r.REINSPECTIONS.name),
        )
        yield r.REINSPECTIONS, self._changed(r.REINSPECTIONS)
        yield r.REINSPECTION_FINDINGS, re_findings
        sent_files = {} if self.everything else q.exported_revs(db, r.ATTACHMENTS.name)
        wanted_files = sorted(h for h in self.hashes if h not in sent_files)
        attachment_rows = list(
            q.rows_by_column(
                db, r.ATTACHMENTS.table, _columns(r.ATTACHMENTS), "sha256", wanted_files
            )
        )
        self.marks += [(r.ATTACHMENTS.name, row[0], 1) for row in attachment_rows]
        yield r.ATTACHMENTS, attachment_rows


def _copy_out(kept: Path, out: Path) -> None:
    """Copy the kept batch to ``out`` atomically (temporary name, fsync, rename)."""
    if out.resolve() == kept.resolve():
        return
    tmp = out.with_name(f".{out.name}.part")
    try:
        with kept.open("rb") as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        if tmp.stat().st_size != kept.stat().st_size:
            raise OSError("the copy is shorter than the original")
        tmp.replace(out)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise write_errors(out)(err) from err


def export_batch(
    ws: Workspace,
    out: Path,
    signing_key: Ed25519PrivateKey,
    everything: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the officer's next batch to ``out`` (and keep a copy in ``exports/``).

    Raises UserError if this is not an officer workspace, DiskFull when the disk fills,
    ExportCancelled when ``cancelled()`` turns true. On any failure nothing is marked as
    exported and no partial file is left.
    """
    if ws.role.code != "officer":
        raise UserError(
            "只有监察员工作区导出批次；监督工作区请用 `fieldapp pack` 生成参考包。 / Only an"
            " officer workspace exports batches; a supervisor writes reference packs"
            " (`fieldapp pack`)."
        )
    started = time.monotonic()
    key_id = own_key_id(ws, signing_key)
    batch_id = uuid7()
    with ws.store.transaction() as db:
        sequence = q.last_export_sequence(db) + 1
        code = ws.officer.officer_code if ws.officer else "officer"
        kept = ws.home / "exports" / f"batch-{_safe(code)}-{sequence:04d}.zip"
        with _writing(kept) as writer:
            batch = _Batch(db, everything)
            counts: dict[str, int] = {}
            for kind, rows in batch.collect():
                if cancelled and cancelled():
                    raise ExportCancelled("导出已取消 / export cancelled")
                first = next(iter_rows := iter(rows), None)
                if first is None:
                    continue
                lines = map(_line, itertools.chain([first], iter_rows))
                count = writer.add_lines(f"records/{kind.name}.jsonl", lines)
                counts[kind.name] = count
                if progress:
                    progress(kind.name, count, count)
            if not counts and not everything:
                raise NothingToExport(
                    "没有新的或改动过的记录要导出（草稿要完成后才导出）。如需重新导出全部，请用"
                    " `--all`；丢失的批次可以用 `--again N` 再写一次。 / Nothing new or changed"
                    " to export (drafts go once finished). Use `--all` to export everything, or"
                    " `--again N` to write a lost batch again."
                )
            attachments = [h for kind, h, _ in batch.marks if kind == r.ATTACHMENTS.name]
            for done, sha in enumerate(attachments, 1):
                if cancelled and cancelled():
                    raise ExportCancelled("导出已取消 / export cancelled")
                writer.add_file(f"attachments/{sha}", ws.attachments.path_for(sha), sha)
                if progress and (done % 50 == 0 or done == len(attachments)):
                    progress("attachments", done, len(attachments))
            manifest = _manifest(
                ws,
                signing_key,
                writer,
                "batch",
                batch_id,
                sequence,
                counts,
                extra={"everything": everything},
            )
            writer.finish(manifest, signing_key)
        size = kept.stat().st_size
        q.mark_exported(db, batch_id, batch.marks)
        q.record_batch(
            db,
            q.BatchRow(
                batch_id=batch_id,
                direction="export",
                kind="batch",
                producer_key=key_id,
                producer_name=ws.officer.name if ws.officer else "",
                producer_code=code,
                sequence=sequence,
                created_at=manifest.created_at,
                processed_at=now_text(),
                file_name=kept.name,
                sha256=file_sha256(kept),
                size=size,
                records=sum(counts.values()),
                report={"counts": counts, "attachments": len(attachments)},
            ),
        )
        ws.store.audit(
            db,
            "export",
            "batch",
            batch_id,
            {"sequence": sequence, "counts": counts, "attachments": len(attachments)},
        )
    try:
        _copy_out(kept, out)
    except UserError as err:
        raise UserError(
            f"{err}\n批次已保存在 {kept}，可以再复制一次。 / The batch is kept in {kept}; copy it"
            " again."
        ) from err
    return ExportResult(
        path=out,
        kept=kept,
        batch_id=batch_id,
        sequence=sequence,
        counts=counts,
        attachments=len(attachments),
        size=size,
        seconds=time.monotonic() - started,
        empty=not counts,
    )


def copy_again(ws: Workspace, sequence: int, out: Path) -> Path:
    """Write an earlier batch (kept in ``exports/``) to ``out`` again, byte for byte."""
    with ws.store.reading() as db:
        rows = [
            b for b in q.batch_history(db, "export") if b.kind == "batch" and b.sequence == sequence
        ]
    if not rows:
        raise UserError(
            f"没有第 {sequence} 批的导出记录。 / There is no exported batch number {sequence}."
        )
    kept = ws.home / "exports" / rows[0].file_name
    if not kept.is_file() or file_sha256(kept) != rows[0].sha256:
        raise UserError(
            f"第 {sequence} 批的保存文件 {kept} 缺失或已改变；请用 `fieldapp export --all` 重新"
            f"导出全部。 / The kept copy of batch {sequence} ({kept}) is missing or changed;"
            " export everything again with `fieldapp export --all`."
        )
    _copy_out(kept, out)
    return out


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:40] or "x"


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[ContainerWriter]:
    """A container writer for ``path``; on any failure the half-written file is removed
    and an OSError becomes a message that says what to do (e.g. the disk is full)."""
    try:
        writer = ContainerWriter(path)
    except OSError as err:
        raise write_errors(path)(err) from err
    try:
        yield writer
    except OSError as err:
        writer.abort()
        raise write_errors(path)(err) from err
    except BaseException:
        writer.abort()
        raise


# --- the supervisor's reference pack ---------------------------------------------------------


def write_pack(
    ws: Workspace,
    out: Path,
    signing_key: Ed25519PrivateKey,
    district: str = "",
    checklist_texts: Sequence[tuple[str, str]] = (),
) -> ExportResult:
    """Write a reference pack: registry (one district's units when ``district`` is given, by
    GB/T 2260 code prefix), colleague list, trusted keys, notice settings and the current
    checklists (``checklist_texts``: (file name, YAML text) pairs; default: this
    workspace's). Signed by this workspace's key."""
    from fieldapp.checklists.workspace_forms import current_checklist_files

    started = time.monotonic()
    key_id = own_key_id(ws, signing_key)
    batch_id = uuid7()
    texts = list(checklist_texts) or current_checklist_files(ws.home)
    counts: dict[str, int] = {}
    with _writing(out) as writer:
        with ws.store.reading() as db:
            where, params = ("district_code LIKE ?", [f"{district}%"]) if district else ("", [])
            units = list(q.select_rows(db, "units", _columns(r.UNITS), where, params))
            unit_ids = [row[0] for row in units]
            equipment = list(
                q.rows_by_column(db, "equipment", _columns(r.EQUIPMENT), "unit_id", unit_ids)
            )
            officers = list(q.select_rows(db, "officers", _columns(r.OFFICERS)))
            for kind, rows in ((r.OFFICERS, officers), (r.UNITS, units), (r.EQUIPMENT, equipment)):
                if rows:
                    counts[kind.name] = writer.add_lines(
                        f"records/{kind.name}.jsonl", map(_line, rows)
                    )
            trusted = store_keys.trusted_keys(db, include_removed=True)
            key_lines = [
                json.dumps(
                    {
                        "key_id": k.key_id,
                        "public_key": base64.b64encode(k.public_key).decode(),
                        "name": k.name,
                        "law_id": k.law_id,
                        "organisation": k.organisation,
                        "removed": k.removed_at is not None,
                    },
                    ensure_ascii=False,
                ).encode("utf-8")
                for k in trusted.values()
            ]
            counts["keys"] = writer.add_lines("records/keys.jsonl", key_lines)
            settings = [
                json.dumps({"key": key, "value": value}, ensure_ascii=False).encode("utf-8")
                for key in r.PACK_SETTINGS
                if (value := reg.get_setting(db, key)) is not None
            ]
            if settings:
                counts["settings"] = writer.add_lines("records/settings.jsonl", settings)
        checklist_lines = [
            json.dumps({"file": name, "text": text}, ensure_ascii=False).encode("utf-8")
            for name, text in texts
        ]
        counts["checklists"] = writer.add_lines("records/checklists.jsonl", checklist_lines)
        manifest = _manifest(
            ws,
            signing_key,
            writer,
            "pack",
            batch_id,
            0,
            counts,
            extra={"district": district},
        )
        writer.finish(manifest, signing_key)
    size = out.stat().st_size
    with ws.store.transaction() as db:
        q.record_batch(
            db,
            q.BatchRow(
                batch_id,
                "export",
                "pack",
                key_id,
                "",
                "",
                None,
                manifest.created_at,
                now_text(),
                out.name,
                file_sha256(out),
                size,
                sum(counts.values()),
                {"counts": counts, "district": district},
            ),
        )
        ws.store.audit(db, "export", "pack", batch_id, {"counts": counts, "district": district})
    return ExportResult(out, out, batch_id, 0, counts, 0, size, time.monotonic() - started)


def write_receipt(
    ws: Workspace, batch_id: str, out: Path, signing_key: Ed25519PrivateKey
) -> ExportResult:
    """Write a receipt for an imported officer batch: every record this workspace holds
    from it, at the rev it holds. Raises UserError if the batch was never imported."""
    started = time.monotonic()
    with ws.store.reading() as db:
        batch = q.get_batch(db, batch_id)
    if batch is None or batch.direction != "import" or batch.kind != "batch":
        raise UserError(
            f"本工作区没有导入过批次 {batch_id}，无法写回执。 / Batch {batch_id} was not imported"
            " here, so there is nothing to confirm."
        )
    accepted: dict[str, list[list[Any]]] = batch.report.get("accepted", {})
    key_id = own_key_id(ws, signing_key)
    receipt_id = uuid7()
    with _writing(out) as writer:
        lines = (
            json.dumps({"kind": kind, "id": rid, "rev": rev}, separators=(",", ":")).encode()
            for kind, pairs in sorted(accepted.items())
            for rid, rev in pairs
        )
        count = writer.add_lines(f"records/{r.RECEIPT_KIND}.jsonl", lines)
        manifest = _manifest(
            ws,
            signing_key,
            writer,
            "receipt",
            receipt_id,
            0,
            {r.RECEIPT_KIND: count},
            extra={
                "for_batch": batch_id,
                "for_key": batch.producer_key,
                "for_sequence": batch.sequence,
            },
        )
        writer.finish(manifest, signing_key)
    size = out.stat().st_size
    with ws.store.transaction() as db:
        q.record_batch(
            db,
            q.BatchRow(
                receipt_id,
                "export",
                "receipt",
                key_id,
                batch.producer_name,
                batch.producer_code,
                batch.sequence,
                manifest.created_at,
                now_text(),
                out.name,
                file_sha256(out),
                size,
                count,
                {"for_batch": batch_id},
            ),
        )
        ws.store.audit(db, "export", "receipt", receipt_id, {"for_batch": batch_id})
    return ExportResult(
        out, out, receipt_id, 0, {r.RECEIPT_KIND: count}, 0, size, time.monotonic() - started
    )
