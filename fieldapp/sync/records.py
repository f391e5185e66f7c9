"""The record kinds a batch or pack carries (format version 1), and how each is checked.

Every kind is one table row per JSON line with exactly the columns listed here, so a later
schema change never silently changes the file format: a new column is a new format version.
Types: ``t`` text, ``t?`` text or null, ``i`` integer, ``i?`` integer or null.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

MAX_TEXT: Final = 200_000  # a checklist body is the longest text we carry (~120 kB)
_ID: Final = re.compile(r"[0-9a-zA-Z][0-9a-zA-Z_.:-]{0,63}")
_HEX64: Final = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Kind:
    name: str
    columns: Mapping[str, str]
    key: tuple[str, ...] = ("id",)
    has_rev: bool = True
    parent: tuple[str, str] | None = None  # (parent kind, column holding the parent's id)
    refs: Mapping[str, str] = field(default_factory=dict)  # column → kind (id aliasing)
    local_only: frozenset[str] = frozenset()  # never compared, never taken from a file
    mutable_when_locked: frozenset[str] = frozenset()
    hashes: tuple[str, ...] = ()  # columns naming attachments

    @property
    def table(self) -> str:
        return self.name

    @property
    def compared(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.local_only)


_STAMP = {"rev": "i", "updated_at": "t", "origin_device": "t"}

OFFICERS = Kind(
    "officers",
    {
        "id": "t",
        "name": "t",
        "law_id": "t",
        "organisation": "t",
        "agency_code": "t",
        "officer_code": "t",
        "phone": "t",
        "is_self": "i",
        **_STAMP,
    },
    local_only=frozenset({"is_self"}),
)
UNITS = Kind(
    "units",
    {
        "id": "t",
        "name": "t",
        "credit_code": "t",
        "address": "t",
        "district_code": "t",
        "legal_representative": "t",
        "safety_manager": "t",
        "safety_manager_phone": "t",
        "contact_person": "t",
        "contact_phone": "t",
        "category": "t",
        "is_key_unit": "i",
        "key_unit_kind": "t",
        **_STAMP,
    },
)
EQUIPMENT = Kind(
    "equipment",
    {
        "id": "t",
        "unit_id": "t",
        "catalogue_code": "t",
        "equipment_code": "t",
        "usage_registration_number": "t",
        "product_name": "t",
        "model": "t",
        "manufacturer": "t",
        "serial_number": "t",
        "internal_number": "t",
        "location": "t",
        "first_use_date": "t?",
        "design_life_years": "i?",
        "maintenance_unit": "t",
        "maintenance_phone": "t",
        "last_inspection_date": "t?",
        "last_inspection_conclusion": "t",
        "next_inspection_due": "t?",
        "inspection_postponed_until": "t?",
        "status": "t",
        "attributes": "t",
        **_STAMP,
        "status_before_order": "t?",
        "held_by_notice": "t?",
    },
    refs={"unit_id": "units"},
)
CHECKLIST_VERSIONS = Kind(
    "checklist_versions",
    {"content_hash": "t", "checklist_id": "t", "version": "t", "body": "t", "pinned_at": "t"},
    key=("content_hash",),
    has_rev=False,
    local_only=frozenset({"pinned_at"}),
)
ATTACHMENTS = Kind(
    "attachments",
    {"sha256": "t", "size": "i", "media_type": "t", "original_name": "t", "created_at": "t"},
    key=("sha256",),
    has_rev=False,
    local_only=frozenset({"created_at", "original_name"}),
)
INSPECTIONS = Kind(
    "inspections",
    {
        "id": "t",
        "unit_id": "t",
        "check_type": "t",
        "task_source": "t",
        "campaign": "t?",
        "state": "t",
        "started_at": "t",
        "finished_at": "t?",
        "created_by": "t",
        "unit_representative": "t",
        "unit_representative_post": "t",
        "unit_representative_phone": "t",
        "unit_opinion": "t",
        "refused_to_sign": "i",
        "refusal_reason": "t",
        "refusal_witness": "t",
        "current_run": "i",
        "current_item": "t",
        "locked": "i",
        **_STAMP,
    },
    refs={"unit_id": "units", "created_by": "officers"},
    local_only=frozenset({"current_run", "current_item"}),
    mutable_when_locked=frozenset({"state", "rev", "updated_at", "origin_device"}),
)
INSPECTION_OFFICERS = Kind(
    "inspection_officers",
    {"inspection_id": "t", "officer_id": "t", "position": "i"},
    key=("inspection_id", "officer_id"),
    has_rev=False,
    parent=("inspections", "inspection_id"),
    refs={"officer_id": "officers"},
)
INSPECTION_RUNS = Kind(
    "inspection_runs",
    {
        "id": "t",
        "inspection_id": "t",
        "position": "i",
        "checklist_id": "t",
        "checklist_hash": "t",
        "equipment_id": "t?",
    },
    has_rev=False,
    parent=("inspections", "inspection_id"),
    refs={"equipment_id": "equipment"},
)
ANSWERS = Kind(
    "answers",
    {
        "id": "t",
        "inspection_id": "t",
        "run_id": "t",
        "item_id": "t",
        "value": "t",
        "note": "t",
        "answered_at": "t",
        **_STAMP,
    },
    parent=("inspections", "inspection_id"),
)
ANSWER_PHOTOS = Kind(
    "answer_photos",
    {"answer_id": "t", "sha256": "t", "position": "i", "taken_at": "t"},
    key=("answer_id", "sha256"),
    has_rev=False,
    parent=("answers", "answer_id"),
    hashes=("sha256",),
)
FINDINGS = Kind(
    "findings",
    {
        "id": "t",
        "inspection_id": "t",
        "run_id": "t?",
        "item_id": "t?",
        "equipment_id": "t?",
        "position": "i",
        "text": "t",
        "severity": "t",
        "measure": "t",
        "deadline": "t?",
        "violated": "t",
        "penalty": "t",
        "code": "t",
        "dropped": "i",
        "drop_reason": "t",
        **_STAMP,
    },
    parent=("inspections", "inspection_id"),
    refs={"equipment_id": "equipment"},
)
SIGNATURES = Kind(
    "signatures",
    {"inspection_id": "t", "signer": "t", "name": "t", "sha256": "t", "signed_at": "t"},
    key=("inspection_id", "signer"),
    has_rev=False,
    parent=("inspections", "inspection_id"),
    hashes=("sha256",),
)
AMENDMENTS = Kind(
    "amendments",
    {
        "id": "t",
        "inspection_id": "t",
        "entity": "t",
        "entity_id": "t",
        "field": "t",
        "old_value": "t",
        "new_value": "t",
        "reason": "t",
        "at": "t",
        "actor": "t",
        "origin_device": "t",
    },
    has_rev=False,
)
NOTICES = Kind(
    "notices",
    {
        "id": "t",
        "inspection_id": "t",
        "kind": "t",
        "number": "t",
        "officer_code": "t",
        "year": "i",
        "sequence": "i",
        "issued_at": "t",
        "deadline": "t?",
        "state": "t",
        "closed_at": "t?",
        "payload": "t",
        "pdf_sha256": "t?",
        **_STAMP,
    },
    mutable_when_locked=frozenset(
        {"state", "closed_at", "pdf_sha256", "rev", "updated_at", "origin_device"}
    ),
    hashes=("pdf_sha256",),
)
DOCUMENTS = Kind(
    "documents",
    {"inspection_id": "t", "kind": "t", "sha256": "t", "file_name": "t", "created_at": "t"},
    key=("inspection_id", "kind"),
    has_rev=False,
    parent=("inspections", "inspection_id"),
    hashes=("sha256",),
    local_only=frozenset({"created_at"}),
)
REINSPECTIONS = Kind(
    "reinspections",
    {
        "id": "t",
        "notice_id": "t",
        "officer_id": "t",
        "at": "t",
        "outcome": "t",
        "escalation": "t",
        "note": "t",
        **_STAMP,
    },
    parent=("notices", "notice_id"),
    refs={"officer_id": "officers"},
)
REINSPECTION_FINDINGS = Kind(
    "reinspection_findings",
    {"reinspection_id": "t", "finding_id": "t", "rectified": "i", "note": "t", "photos": "t"},
    key=("reinspection_id", "finding_id"),
    has_rev=False,
    parent=("reinspections", "reinspection_id"),
)

# The order records are written and imported in (parents before children).
BATCH_KINDS: Final = (
    OFFICERS,
    UNITS,
    EQUIPMENT,
    CHECKLIST_VERSIONS,
    ATTACHMENTS,
    INSPECTIONS,
    INSPECTION_RUNS,
    INSPECTION_OFFICERS,
    ANSWERS,
    ANSWER_PHOTOS,
    FINDINGS,
    SIGNATURES,
    DOCUMENTS,
    AMENDMENTS,
    NOTICES,
    REINSPECTIONS,
    REINSPECTION_FINDINGS,
)
BY_NAME: Final = {kind.name: kind for kind in BATCH_KINDS}
PACK_KINDS: Final = (OFFICERS, UNITS, EQUIPMENT)
# records in a pack beside the registry kinds, and in a receipt
PACK_EXTRA: Final = ("keys", "settings", "checklists")
RECEIPT_KIND: Final = "received"
KNOWN_ENTRY_KINDS: Final = frozenset(BY_NAME) | frozenset(PACK_EXTRA) | {RECEIPT_KIND}

# settings a supervisor's pack may set on an officer's laptop
PACK_SETTINGS: Final = (
    "notice.format.order",
    "notice.format.seal",
    "notice.format.seize",
    "notice.issuing_body",
    "notice.appeal_government",
    "notice.appeal_court",
)


class RecordInvalid(ValueError):
    pass


_SPECS: dict[str, tuple[tuple[str, bool, bool], ...]] = {}


def _specs(kind: Kind) -> tuple[tuple[str, bool, bool], ...]:
    """(column, is text, may be null) per column, worked out once per kind."""
    specs = _SPECS.get(kind.name)
    if specs is None:
        specs = tuple((c, s[0] == "t", s.endswith("?")) for c, s in kind.columns.items())
        _SPECS[kind.name] = specs
    return specs


def check_record(kind: Kind, record: Any) -> dict[str, Any]:
    """``record`` if it is an object with exactly ``kind``'s columns of the right types.

    Raises RecordInvalid naming the first problem.
    """
    if not isinstance(record, dict):
        raise RecordInvalid("not a JSON object")
    if record.keys() != kind.columns.keys():
        missing = sorted(kind.columns.keys() - record.keys())
        extra = sorted(record.keys() - kind.columns.keys())
        raise RecordInvalid(f"fields missing {missing} / unknown {extra}")
    for column, text, nullable in _specs(kind):
        value = record[column]
        kind_of = type(value)
        if kind_of is str:
            if not text:
                raise RecordInvalid(f"{column} is not an integer")
            if len(value) > MAX_TEXT:
                raise RecordInvalid(f"{column} is too long")
        elif kind_of is int:
            if text:
                raise RecordInvalid(f"{column} is not text")
            if abs(value) > 2**53:
                raise RecordInvalid(f"{column} is out of range")
        elif value is None:
            if not nullable:
                raise RecordInvalid(f"{column} is null")
        else:  # bool, float, list, dict
            raise RecordInvalid(f"{column} is not {'text' if text else 'an integer'}")
    for column in kind.key:
        value = record[column]
        pattern = _HEX64 if column in ("sha256", "content_hash") else _ID
        if not pattern.fullmatch(value):
            raise RecordInvalid(f"{column} is not a valid id: {value[:70]!r}")
    for column in kind.hashes:
        value = record[column]
        if value is not None and not _HEX64.fullmatch(value):
            raise RecordInvalid(f"{column} is not an attachment hash")
    if kind.has_rev and record["rev"] < 1:
        raise RecordInvalid("rev must be at least 1")
    return record


def photo_hashes(photos: str | None) -> list[str]:
    """The attachment hashes of a re-inspection finding's ``photos`` (a JSON list)."""
    try:
        listed = json.loads(photos or "[]")
    except ValueError:
        return []
    return [h for h in listed if isinstance(h, str)] if isinstance(listed, list) else []


def record_key(kind: Kind, record: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(record[c] for c in kind.key)
