"""Taking exchange files in: officer batches (supervisor), reference packs and receipts
(officer).

Order of work for every file: structure, names, caps, manifest, signature and every entry's
hash are checked before a record is parsed (``container.open_container``); then each record
is checked on its own, and the whole file goes in as one transaction or not at all. Rules:

- the same file again → "already imported", nothing changes;
- a record not seen before → new; the same id with a higher ``rev`` → update; a lower
  ``rev`` → unchanged (we hold newer); the same ``rev`` with other content → a conflict, kept
  in ``sync_conflicts`` beside the original, never an overwrite;
- an issued (locked) inspection or notice only takes changes of its state; anything else is
  refused (changes after issuing travel as amendments);
- a unit, officer or device this workspace already knows under another id (same credit
  code, 执法证号 or 设备代码) is the same thing: the incoming id becomes an alias;
- a file whose records name attachments or records that are neither in it nor here is
  refused as a whole (import the officer's earlier batches first), so the order in which
  files arrive never changes the result;
- a gap in an officer's batch numbers is reported, naming the missing batches.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlite_utils import Database

from fieldapp.atomic import sync_to_disk
from fieldapp.errors import UserError
from fieldapp.store import keys as store_keys
from fieldapp.store import registry as reg
from fieldapp.store import sync as q
from fieldapp.sync import records as r
from fieldapp.sync.container import (
    BatchRefused,
    Container,
    HostileJSON,
    file_sha256,
    now_text,
    open_container,
    strict_loads,
)

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace

Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]
_CHUNK = 2000
_MAX_REASONS = 200
_NATURAL_KEYS = {"units": "credit_code", "officers": "law_id", "equipment": "equipment_code"}
_TOP_LEVEL = (
    "officers",
    "units",
    "equipment",
    "inspections",
    "amendments",
    "notices",
    "reinspections",
)


class ImportCancelled(UserError):
    """The user stopped the import; the database is as it was."""


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refused: int = 0

    def add(self, other: Counts) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.conflicts += other.conflicts
        self.refused += other.refused

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.conflicts + self.refused


@dataclass
class ImportReport:
    path: Path
    status: str  # "imported", "already", "refused"
    kind: str = ""
    batch_id: str = ""
    producer: str = ""
    producer_key: str = ""
    sequence: int | None = None
    counts: dict[str, Counts] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    missing_batches: list[int] = field(default_factory=list)
    attachments_new: int = 0
    message: str = ""
    seconds: float = 0.0

    def totals(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.add(counts)
        return total

    def summary_lines(self) -> list[str]:
        """The report as a person reads it (Chinese first, then English)."""
        name = self.path.name
        if self.status == "refused":
            return [self.message]
        if self.status == "already":
            return [
                f"{name}：这个文件已经导入过（{self.batch_id}），没有任何改动。 / {name}: already"
                " imported; nothing changed."
            ]
        t = self.totals()
        what = {"batch": "批次", "pack": "参考包", "receipt": "回执"}.get(self.kind, self.kind)
        seq = f" 第{self.sequence}批" if self.kind == "batch" and self.sequence else ""
        lines = [
            f"{name}：已导入{what}{seq}（{self.producer}）— 新增 {t.new}，更新 {t.updated}，"
            f"未变 {t.unchanged}，冲突 {t.conflicts}，拒收 {t.refused}；"
            f"附件 {self.attachments_new}。"
            f" / imported {self.kind}: new {t.new}, updated {t.updated}, unchanged"
            f" {t.unchanged}, conflicts {t.conflicts}, refused {t.refused};"
            f" attachments {self.attachments_new}.",
        ]
        if self.missing_batches:
            listed = "、".join(str(n) for n in self.missing_batches)
            lines.append(
                f"  缺少该监察员的第 {listed} 批，请让其补交。 / Missing batch(es) {listed} from"
                " this officer: ask for them."
            )
        lines += [f"  {reason}" for reason in self.reasons]
        return lines


def _trusted_lookup(db: Database) -> Callable[[str], Ed25519PublicKey | None]:
    trusted = store_keys.trusted_keys(db)

    def lookup(key_id: str) -> Ed25519PublicKey | None:
        found = trusted.get(key_id)
        return Ed25519PublicKey.from_public_bytes(found.public_key) if found else None

    return lookup


def import_file(
    ws: Workspace,
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import one batch, pack or receipt into ``ws``.

    Returns the report (status "imported" or "already"). Raises BatchRefused (nothing
    changed) when the file is refused as a whole, ImportCancelled when cancelled, and the
    store's errors (e.g. DiskFull) when the database cannot be written.
    """
    started = time.monotonic()
    with ws.store.reading() as db:
        lookup = _trusted_lookup(db)
    with open_container(path, lookup) as container:
        manifest = container.manifest
        role = ws.role.code
        wanted = {"batch": "supervisor", "pack": "officer", "receipt": "officer"}[manifest.kind]
        if role != wanted:
            zh = {
                "batch": "监察员批次只能导入监督工作区",
                "pack": "参考包只能导入监察员工作区",
                "receipt": "回执只能导入监察员工作区",
            }[manifest.kind]
            raise BatchRefused(
                f"{path.name}：{zh}（本工作区是{ws.role.label('zh')}）。 / {path.name}: a"
                f" {manifest.kind} goes into a {wanted} workspace; this one is a {role}."
            )
        with ws.store.reading() as db:
            if q.get_batch(db, manifest.batch_id) is not None:
                return ImportReport(
                    path,
                    "already",
                    kind=manifest.kind,
                    batch_id=manifest.batch_id,
                    producer=manifest.producer.name,
                    producer_key=manifest.producer.key_id,
                    sequence=manifest.sequence,
                    seconds=time.monotonic() - started,
                )
        total_bytes = sum(e.size for e in manifest.entries)
        done = [0]

        def hashed(amount: int) -> None:
            done[0] += amount
            if progress:
                progress("verify", done[0], total_bytes)
            if cancelled and cancelled():
                raise ImportCancelled(
                    "导入已取消，没有任何改动 / import cancelled; nothing changed"
                )

        container.verify_entries(hashed)
        report = ImportReport(
            path,
            "imported",
            kind=manifest.kind,
            batch_id=manifest.batch_id,
            producer=manifest.producer.name or manifest.producer.key_id,
            producer_key=manifest.producer.key_id,
            sequence=manifest.sequence if manifest.kind == "batch" else None,
        )
        unknown = set(container.record_kinds()) - r.KNOWN_ENTRY_KINDS
        if unknown:
            raise BatchRefused(
                f"{path.name}：包含未知的记录类型 {sorted(unknown)} / unknown record kinds"
                f" {sorted(unknown)}"
            )
        try:
            with ws.store.transaction() as db:
                db.execute("PRAGMA defer_foreign_keys = ON")
                merger = _Merger(ws, db, container, report, progress, cancelled)
                if manifest.kind == "batch":
                    merger.merge_kinds(r.BATCH_KINDS)
                    merger.finish_inspections()
                elif manifest.kind == "pack":
                    merger.merge_kinds(r.PACK_KINDS)
                    merger.pack_extras()
                else:
                    merger.receipt()
                if merger.written:
                    sync_to_disk(merger.written)  # the files are on disk before their rows
                problems = q.foreign_key_problems(db)
                if problems:
                    listed = "; ".join(f"{table} → {target}" for table, target in problems)
                    raise BatchRefused(
                        f"{path.name}：有记录引用了文件里和本工作区都没有的记录（{listed}），"
                        f"文件未导入。 / {path.name}: records refer to records that are neither"
                        f" in the file nor here ({listed}); nothing was imported."
                    )
                if manifest.kind == "batch":
                    seen = q.imported_sequences(db, manifest.producer.key_id) | {manifest.sequence}
                    report.missing_batches = [n for n in range(1, max(seen) + 1) if n not in seen]
                q.record_batch(
                    db,
                    q.BatchRow(
                        batch_id=manifest.batch_id,
                        direction="import",
                        kind=manifest.kind,
                        producer_key=manifest.producer.key_id,
                        producer_name=manifest.producer.name,
                        producer_code=manifest.producer.officer_code,
                        sequence=report.sequence,
                        created_at=manifest.created_at,
                        processed_at=now_text(),
                        file_name=path.name,
                        sha256=file_sha256(path),
                        size=path.stat().st_size,
                        records=report.totals().total,
                        report={
                            "counts": {k: vars(c) for k, c in report.counts.items()},
                            "reasons": report.reasons,
                            "missing_batches": report.missing_batches,
                            "accepted": merger.accepted,
                        },
                    ),
                )
                ws.store.audit(
                    db,
                    "import",
                    manifest.kind,
                    manifest.batch_id,
                    {
                        "file": path.name,
                        "producer": manifest.producer.key_id,
                        "sequence": report.sequence,
                        "totals": vars(report.totals()),
                    },
                )
        except q.ConstraintClash as err:
            raise BatchRefused(
                f"{path.name}：记录与本工作区的数据相抵触（{err}），文件未导入。 / {path.name}:"
                f" records clash with this workspace's data ({err}); nothing was imported."
            ) from err
    if manifest.kind == "pack":
        merger.write_checklists()
    report.seconds = time.monotonic() - started
    return report


class _Merger:
    def __init__(
        self,
        ws: Workspace,
        db: Database,
        container: Container,
        report: ImportReport,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.ws = ws
        self.db = db
        self.container = container
        self.report = report
        self.progress = progress
        self.cancelled = cancelled
        self.aliases = q.aliases(db)
        self.skipped: dict[str, set[str]] = {}
        self.fresh: dict[str, set[str]] = {}
        self.to_lock: list[str] = []
        self.accepted: dict[str, list[list[Any]]] = {}
        self.in_file = container.attachment_hashes()
        self.available: set[str] = set()
        self.records_done = 0
        self.records_total = sum(container.manifest.counts.values())
        self.checklists: list[tuple[str, str]] = []
        self.written: list[Path] = []  # attachment files made durable before the commit
        self.self_id = ""
        row = db.execute("SELECT id FROM officers WHERE is_self = 1").fetchone()
        if row:
            self.self_id = row[0]

    # --- reporting -----------------------------------------------------------------------

    def _counts(self, kind: str) -> Counts:
        return self.report.counts.setdefault(kind, Counts())

    def _refuse(self, kind: r.Kind, record_id: str, reason: str) -> None:
        self._counts(kind.name).refused += 1
        self.skipped.setdefault(kind.name, set()).add(record_id)
        if len(self.report.reasons) < _MAX_REASONS:
            self.report.reasons.append(f"拒收 refused {kind.name} {record_id}: {reason}")

    def _accept(self, kind: r.Kind, record: dict[str, Any], incoming_id: str) -> None:
        if kind.name in _TOP_LEVEL:
            self.accepted.setdefault(kind.name, []).append([incoming_id, record.get("rev", 1)])

    def _tick(self, amount: int) -> None:
        self.records_done += amount
        if self.progress:
            self.progress("records", self.records_done, max(self.records_total, 1))
        if self.cancelled and self.cancelled():
            raise ImportCancelled("导入已取消，没有任何改动 / import cancelled; nothing changed")

    # --- records -------------------------------------------------------------------------

    def _parsed(self, kind: r.Kind) -> Iterator[list[tuple[str, dict[str, Any] | None, str]]]:
        """Chunks of (record id, record or None, reason) from the kind's lines."""
        chunk: list[tuple[str, dict[str, Any] | None, str]] = []
        for number, line in enumerate(self.container.lines(kind.name), 1):
            try:
                record = r.check_record(kind, strict_loads(line))
            except (HostileJSON, r.RecordInvalid) as err:
                # a signed file from our own app never holds such a line: damage or forgery
                name = self.report.path.name
                raise BatchRefused(
                    f"{name}：records/{kind.name}.jsonl 第 {number} 行无效（{err}），文件未导入。"
                    f" / {name}: records/{kind.name}.jsonl line {number} is invalid ({err});"
                    " nothing was imported."
                ) from None
            chunk.append(("/".join(map(str, r.record_key(kind, record))), record, ""))
            if len(chunk) >= _CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def merge_kinds(self, kinds: Sequence[r.Kind]) -> None:
        for kind in kinds:
            for chunk in self._parsed(kind):
                self._merge_chunk(kind, chunk)
                self._tick(len(chunk))

    def _map_refs(self, kind: r.Kind, record: dict[str, Any]) -> None:
        for column, target in kind.refs.items():
            value = record[column]
            if value is not None:
                record[column] = self.aliases.get(target, {}).get(value, value)

    def _existing(
        self, kind: r.Kind, records: list[dict[str, Any]]
    ) -> dict[tuple[Any, ...], dict[str, Any]]:
        columns = list(kind.columns)
        first = kind.key[0]
        values = list({rec[first] for rec in records})
        found: dict[tuple[Any, ...], dict[str, Any]] = {}
        for row in q.rows_by_column(self.db, kind.table, columns, first, values):
            record = dict(zip(columns, row, strict=True))
            found[r.record_key(kind, record)] = record
        return found

    def _missing_hashes(self, kind: r.Kind, records: list[dict[str, Any]]) -> set[str]:
        wanted: set[str] = set()
        for record in records:
            for column in kind.hashes:
                if record[column]:
                    wanted.add(record[column])
            if kind is r.REINSPECTION_FINDINGS:
                wanted.update(r.photo_hashes(record["photos"]))
        wanted -= self.available
        if wanted:
            local = {
                row[0]
                for row in q.rows_by_column(
                    self.db, "attachments", ("sha256",), "sha256", sorted(wanted)
                )
            }
            self.available |= local
            wanted -= local
        return wanted

    def _alias_natural(
        self,
        kind: r.Kind,
        records: list[dict[str, Any]],
        existing: dict[tuple[Any, ...], dict[str, Any]],
    ) -> None:
        column = _NATURAL_KEYS.get(kind.name)
        if column is None:
            return
        unseen = [rec for rec in records if (rec["id"],) not in existing]
        if not unseen:
            return
        local = q.ids_by_natural_key(self.db, kind.table, column, [rec[column] for rec in unseen])
        for rec in unseen:
            target = local.get(rec[column])
            if target and target != rec["id"]:
                q.add_alias(self.db, kind.name, rec["id"], target)
                self.aliases.setdefault(kind.name, {})[rec["id"]] = target

    def _merge_chunk(
        self, kind: r.Kind, chunk: list[tuple[str, dict[str, Any] | None, str]]
    ) -> None:
        records: list[dict[str, Any]] = []
        incoming_ids: list[str] = []
        for record_id, record, reason in chunk:
            if record is None:
                self._refuse(kind, record_id, reason)
                continue
            if kind.parent is not None:
                parent_kind, parent_column = kind.parent
                if record[parent_column] in self.skipped.get(parent_kind, ()):
                    self._refuse(kind, record_id, f"its {parent_kind} record was not taken")
                    continue
            incoming_ids.append(record[kind.key[0]])
            self._map_refs(kind, record)
            records.append(record)
        if not records:
            return
        existing = self._existing(kind, records)
        self._alias_natural(kind, records, existing)
        # records now known under a local id are compared with that row
        aliased = self.aliases.get(kind.name, {})
        missing_files = self._missing_hashes(kind, records)
        inserts: list[dict[str, Any]] = []
        updates: list[tuple[dict[str, Any], list[str]]] = []
        conflicts: list[tuple[str, str, str, str]] = []
        counts = self._counts(kind.name)
        for record, incoming_id in zip(records, incoming_ids, strict=True):
            key = r.record_key(kind, record)
            label = "/".join(map(str, key))
            if kind.key == ("id",) and record["id"] in aliased:
                # the same unit, officer or device under another id: the local one stands
                counts.unchanged += 1
                self._accept(kind, record, incoming_id)
                continue
            if any(record[c] and record[c] in missing_files for c in kind.hashes) or (
                kind is r.REINSPECTION_FINDINGS
                and missing_files & set(r.photo_hashes(record["photos"]))
            ):
                name = self.report.path.name
                raise BatchRefused(
                    f"{name}：记录 {kind.name} {label} 所列的附件既不在文件里也不在本工作区；"
                    f"文件未导入。请先导入该监察员更早的批次。 / {name}: {kind.name} {label}"
                    " lists an attachment that is neither in the file nor here; nothing was"
                    " imported. Import this officer's earlier batches first."
                )
            local = existing.get(key)
            if local is None and kind is r.NOTICES:
                clash = self._number_taken(record)
                if clash:
                    conflicts.append(
                        (
                            kind.name,
                            label,
                            json.dumps(record, ensure_ascii=False, sort_keys=True),
                            f"number {record['number']} is already notice {clash}: two laptops"
                            " with the same officer code?",
                        )
                    )
                    counts.conflicts += 1
                    self.skipped.setdefault(kind.name, set()).add(record["id"])
                    if len(self.report.reasons) < _MAX_REASONS:
                        self.report.reasons.append(
                            f"冲突 conflict notices {label}: 文号 {record['number']} 已被另一份"
                            f"文书使用（两台电脑用了同一个监察员代码？）/ the number is already"
                            f" used by notice {clash}（已另存待核 / kept for review）"
                        )
                    continue
            if local is None:
                if kind.parent is not None:
                    parent_kind, parent_column = kind.parent
                    if record[parent_column] not in self.fresh.get(parent_kind, ()) and (
                        self._parent_locked(parent_kind, record[parent_column])
                    ):
                        self._refuse(
                            kind, label, "its inspection is issued and locked: amendments only"
                        )
                        continue
                inserts.append(record)
                counts.new += 1
                self.fresh.setdefault(kind.name, set()).add(record[kind.key[0]])
                self._accept(kind, record, incoming_id)
                continue
            differing = [c for c in kind.compared if record[c] != local[c]]
            if not differing:
                counts.unchanged += 1
                self._accept(kind, record, incoming_id)
                continue
            if kind.name == "officers" and local["is_self"] == 1:
                counts.unchanged += 1  # the officer's own profile is theirs alone
                continue
            if kind.has_rev and record["rev"] < local["rev"]:
                counts.unchanged += 1  # we already hold a newer version
                self._accept(kind, record, incoming_id)
                continue
            if kind.has_rev and record["rev"] > local["rev"]:
                locked = (kind is r.INSPECTIONS and local["locked"] == 1) or kind is r.NOTICES
                if locked and not set(differing) <= kind.mutable_when_locked:
                    changed = sorted(set(differing) - kind.mutable_when_locked)
                    self._refuse(
                        kind,
                        label,
                        f"issued and locked; only its state may change, not {changed}"
                        " (changes after issuing travel as amendments)",
                    )
                    continue
                updates.append((record, differing))
                counts.updated += 1
                self._accept(kind, record, incoming_id)
                continue
            conflicts.append(
                (
                    kind.name,
                    label,
                    json.dumps(record, ensure_ascii=False, sort_keys=True),
                    f"same rev {record.get('rev', '-')}, different {differing}",
                )
            )
            counts.conflicts += 1
            self.skipped.setdefault(kind.name, set()).add(record[kind.key[0]])
            if len(self.report.reasons) < _MAX_REASONS:
                self.report.reasons.append(
                    f"冲突 conflict {kind.name} {label}: {', '.join(differing)}（已另存待核 / kept"
                    " for review）"
                )
        if kind is r.ATTACHMENTS:
            inserts = self._store_files(inserts)
        self._write(kind, inserts, updates)
        if conflicts:
            q.add_conflicts(self.db, self.report.batch_id, conflicts)

    def _number_taken(self, record: dict[str, Any]) -> str:
        """The id of another notice here with the same number or sequence, or ""."""
        row = self.db.execute(
            "SELECT id FROM notices WHERE number = ? OR (officer_code = ? AND year = ?"
            " AND sequence = ? AND kind = ?) LIMIT 1",
            [
                record["number"],
                record["officer_code"],
                record["year"],
                record["sequence"],
                record["kind"],
            ],
        ).fetchone()
        return str(row[0]) if row and row[0] != record["id"] else ""

    def _parent_locked(self, parent_kind: str, parent_id: str) -> bool:
        if parent_kind == "inspections":
            row = self.db.execute(
                "SELECT locked FROM inspections WHERE id = ?", [parent_id]
            ).fetchone()
            return bool(row and row[0])
        if parent_kind == "answers":
            row = self.db.execute(
                "SELECT i.locked FROM answers a JOIN inspections i ON i.id = a.inspection_id"
                " WHERE a.id = ?",
                [parent_id],
            ).fetchone()
            return bool(row and row[0])
        return False

    def _store_files(self, inserts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept = []
        for record in inserts:
            sha = record["sha256"]
            if sha in self.in_file:
                with self.container.open_attachment(sha) as handle:
                    data = handle.read()
                if self.ws.attachments.put_bytes(data, durable=False) != sha:
                    raise BatchRefused(f"附件 {sha} 内容不符 / attachment {sha} does not match")
                record["size"] = len(data)
                self.report.attachments_new += 1
                self.written.append(self.ws.attachments.path_for(sha))
            elif not self.ws.attachments.verify(sha):
                name = self.report.path.name
                raise BatchRefused(
                    f"{name}：附件 {sha[:12]}… 的文件既不在批次里也不在本工作区；文件未导入。 /"
                    f" {name}: the file of attachment {sha[:12]}… is neither in the batch nor"
                    " here; nothing was imported."
                )
            self.available.add(sha)
            kept.append(record)
        return kept

    def _write(
        self,
        kind: r.Kind,
        inserts: list[dict[str, Any]],
        updates: list[tuple[dict[str, Any], list[str]]],
    ) -> None:
        columns = list(kind.columns)
        if inserts:
            now = now_text()
            rows = []
            for record in inserts:
                if kind is r.OFFICERS:
                    record["is_self"] = 0
                elif kind is r.INSPECTIONS:
                    if record["locked"]:
                        self.to_lock.append(record["id"])
                    record["locked"] = 0
                elif kind is r.CHECKLIST_VERSIONS:
                    record["pinned_at"] = now
                elif kind is r.ATTACHMENTS:
                    record["created_at"] = now
                rows.append([record[c] for c in columns])
            q.insert_rows(self.db, kind.table, columns, rows)
        for record, differing in updates:
            changed = [c for c in differing if c not in kind.local_only]
            if kind.has_rev:
                changed = sorted(set(changed) | {"rev", "updated_at", "origin_device"})
            q.update_rows(
                self.db,
                kind.table,
                changed,
                kind.key,
                [[record[c] for c in changed] + [record[k] for k in kind.key]],
            )

    def finish_inspections(self) -> None:
        q.set_locked(self.db, self.to_lock)

    # --- pack and receipt extras ---------------------------------------------------------

    def _extra_lines(self, name: str) -> Iterator[dict[str, Any]]:
        for number, line in enumerate(self.container.lines(name), 1):
            try:
                value = strict_loads(line)
            except HostileJSON as err:
                raise BatchRefused(
                    f"{self.report.path.name}：records/{name}.jsonl 第 {number} 行无效（{err}） /"
                    f" records/{name}.jsonl line {number} is invalid ({err})"
                ) from None
            if not isinstance(value, dict):
                raise BatchRefused(
                    f"{self.report.path.name}：records/{name}.jsonl 第 {number} 行不是对象 /"
                    f" line {number} of records/{name}.jsonl is not an object"
                )
            yield value

    def pack_extras(self) -> None:
        own = reg.get_setting(self.db, "keys.own_key_id")
        counts = self._counts("keys")
        for entry in self._extra_lines("keys"):
            try:
                raw = base64.b64decode(entry["public_key"], validate=True)
                info = _KeyInfo(
                    str(entry["key_id"]),
                    raw,
                    str(entry.get("name", "")),
                    str(entry.get("law_id", "")),
                    str(entry.get("organisation", "")),
                )
                if len(raw) != 32:
                    raise ValueError("not a 32-byte key")
                from fieldapp.keys import key_id as key_id_of

                if key_id_of(raw) != info.key_id:
                    raise ValueError("key id does not match the key")
            except (KeyError, ValueError, TypeError) as err:
                counts.refused += 1
                self.report.reasons.append(f"拒收 refused key: {err}")
                continue
            if info.key_id == own:
                counts.unchanged += 1
                continue
            if entry.get("removed") is True:
                if store_keys.is_trusted(self.db, info.key_id):
                    store_keys.remove_trust(self.db, info.key_id)
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                continue
            outcome = store_keys.trust_key(self.db, info)
            if outcome == "added":
                counts.new += 1
            elif outcome == "reactivated":
                counts.updated += 1
            else:
                counts.unchanged += 1
        settings = self._counts("settings")
        for entry in self._extra_lines("settings"):
            key, value = entry.get("key"), entry.get("value")
            if key not in r.PACK_SETTINGS or not isinstance(value, str) or len(value) > 500:
                settings.refused += 1
                self.report.reasons.append(f"拒收 refused setting {key!r}")
                continue
            if reg.get_setting(self.db, key) == value:
                settings.unchanged += 1
            else:
                reg.set_setting(self.db, key, value)
                settings.updated += 1
        from fieldapp.checklists.workspace_forms import check_pack_checklists

        entries = list(self._extra_lines("checklists"))
        good, problems = check_pack_checklists(self.ws.home, entries)
        listed = self._counts("checklists")
        listed.refused += len(problems)
        self.report.reasons += [f"拒收 refused checklist: {p}" for p in problems[:20]]
        self.checklists = good.changed
        listed.updated += len(good.changed)
        listed.unchanged += good.unchanged

    def write_checklists(self) -> None:
        from fieldapp.checklists.workspace_forms import install_checklists

        install_checklists(self.ws.home, self.checklists)

    def receipt(self) -> None:
        manifest = self.container.manifest
        own = reg.get_setting(self.db, "keys.own_key_id")
        if manifest.extra.get("for_key") != own:
            raise BatchRefused(
                f"{self.report.path.name}：这张回执是给另一位监察员的（密钥"
                f" {manifest.extra.get('for_key')}），没有导入。 / this receipt is for another"
                " officer's key; nothing was imported."
            )
        rows: list[tuple[str, str, int]] = []
        counts = self._counts(r.RECEIPT_KIND)
        for entry in self._extra_lines(r.RECEIPT_KIND):
            kind, rid, rev = entry.get("kind"), entry.get("id"), entry.get("rev")
            if (
                kind not in _TOP_LEVEL
                or not isinstance(rid, str)
                or not isinstance(rev, int)
                or isinstance(rev, bool)
            ):
                counts.refused += 1
                continue
            rows.append((kind, rid, rev))
        changed = q.mark_received(self.db, manifest.batch_id, rows)
        counts.new += changed
        counts.unchanged += len(rows) - changed


@dataclass(frozen=True)
class _KeyInfo:
    key_id: str
    public_key: bytes
    name: str
    law_id: str
    organisation: str
