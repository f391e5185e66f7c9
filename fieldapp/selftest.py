"""``fieldapp --self-test``: prove that this installation (or desktop bundle) works.

In a temporary folder that is removed afterwards, the self-test runs the parts an officer
relies on, through the same code the app uses:

- ``workspace``  — make an officer workspace (every migration step, the signing key made,
  encrypted and unlocked again);
- ``checklists`` — load and check every shipped checklist in ``forms/``;
- ``notice``     — inspect a fictional unit with the unit-level checklist (one item
  failed), sign, finish and issue the notice: the PDF is rendered with the bundled font
  and its QR code signed;
- ``qr``         — render the notice PDF's page (PDFium), read the QR code from the image
  (zxing-cpp) and verify its signature;
- ``desktop``    — start Qt (without showing a window), load the Chinese translation, the
  CJK font and the icon, and build the main window.

One line per part says what it did and how long it took. The first part that fails is
named, with its error, and the remaining parts are skipped (each needs the one before).
No user workspace is read or written.
"""

from __future__ import annotations

import datetime as dt
import io
import platform
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fieldapp import __version__
from fieldapp.errors import UserError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldapp.checklists import Checklist
    from fieldapp.checklists.model import Item
    from fieldapp.notices.issue import IssuedNotice
    from fieldapp.workspace import Workspace


class SelfTestFailed(Exception):
    """A part ran but found something wrong; the message says what."""


@dataclass
class Context:
    """What the parts hand on to each other."""

    folder: Path
    workspace: Workspace | None = None
    signing_key: Ed25519PrivateKey | None = None
    checklists: list[Checklist] = field(default_factory=list)
    notice: IssuedNotice | None = None
    payload: str = ""


@dataclass(frozen=True)
class Part:
    name: str  # printed, and what a failure names
    label: str  # 中文 label printed beside it
    run: Callable[[Context], str]  # returns what it did, in a few words


# --- the parts --------------------------------------------------------------------------


def check_workspace(ctx: Context) -> str:
    """Make an officer workspace in the temporary folder; unlock its new signing key."""
    from fieldapp.domain.models import Role
    from fieldapp.keys import load_signing_key
    from fieldapp.store.migrations import SCHEMA
    from fieldapp.workspace import OfficerProfile, Workspace

    passphrase = secrets.token_urlsafe(16)
    profile = OfficerProfile(
        name="自检员",
        law_id="00000000001",
        organisation="自检市市场监督管理局",
        agency_code="自",
        officer_code="ST",
    )
    ctx.workspace = ws = Workspace.create(
        ctx.folder / "workspace", Role.OFFICER, profile, passphrase=passphrase
    )
    pending = SCHEMA.migrations.pending(ws.store.db)
    if pending:
        raise SelfTestFailed(f"migrations left pending: {', '.join(m.name for m in pending)}")
    ctx.signing_key = load_signing_key(ws.home / "keys", passphrase)
    return (
        f"migrated a new workspace through {SCHEMA.version} schema steps;"
        " signing key made, encrypted and unlocked"
    )


def check_checklists(ctx: Context) -> str:
    """Load every shipped checklist; any problem in any file fails the part."""
    from fieldapp.checklists import check_files
    from fieldapp.checklists.loader import checklist_files
    from fieldapp.paths import forms_dir

    files = checklist_files()
    if not files:
        raise SelfTestFailed(f"no checklist files in {forms_dir()}")
    checklists, problems = check_files(files)
    if problems:
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise SelfTestFailed(f"{len(problems)} problems: {shown}{more}")
    ctx.checklists = checklists
    items = sum(len(c.items) for c in checklists)
    return f"loaded {len(checklists)} checklists, {items} items, from {forms_dir()}"


def _passing_value(item: Item) -> object:
    """An answer that complies (and passes ``check_value``)."""
    if item.kind == "check":
        return "pass"
    if item.kind == "choice":
        return next(c.id for c in item.choices if not c.fails)
    if item.kind == "number":
        for value in (item.limit_min, item.limit_max, item.range_min, item.range_max):
            if value is not None:
                return value
        return 1
    if item.kind == "date":
        return (dt.date.today() - dt.timedelta(days=30)).isoformat()
    return "自检"


def _signature_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 150), "white")
    ImageDraw.Draw(image).line([(20, 100), (120, 40), (220, 110), (380, 30)], fill="black", width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def check_notice(ctx: Context) -> str:
    """Inspect a fictional unit through the real use-cases and issue its notice."""
    from fieldapp.domain.codes import make_credit_code
    from fieldapp.domain.ids import uuid7
    from fieldapp.domain.models import CheckType, Officer, Unit
    from fieldapp.notices.issue import issue_notices
    from fieldapp.store import inspections as q
    from fieldapp.store import notices as n
    from fieldapp.workflow import add_colleague, add_unit
    from fieldapp.workflow import inspection as wf

    ws, key = ctx.workspace, ctx.signing_key
    assert ws is not None and ws.officer is not None and key is not None
    unit_id = add_unit(
        ws.store,
        Unit(
            id=uuid7(),
            name="自检示例商场有限公司",
            credit_code=make_credit_code("91220102MA0000000"),
            address="自检市示例路1号",
        ),
    ).record_id
    colleague_id = add_colleague(
        ws.store, Officer(id=uuid7(), name="自检员二", law_id="00000000002", officer_code="ST2")
    ).record_id
    inspection_id = wf.start_inspection(
        ws.store,
        wf.NewInspection(
            unit_id=unit_id,
            equipment_ids=(),
            officer_ids=(ws.officer.id, colleague_id),
            check_type=CheckType.ROUTINE,
            task_source="自检",
            representative="自检单位代表",
        ),
        ctx.checklists,
        ws.officer.id,
    ).record_id
    answers = 0
    with ws.store.reading() as db:
        views = wf.load_runs(db, inspection_id)
    failed = False
    for view in views:
        for _round in range(10):  # answers can reveal further items
            with ws.store.reading() as db:
                result = view.evaluate(q.answers_of_run(db, view.id))
            if not result.missing:
                break
            for item_id in result.missing:
                item = view.checklist.item(item_id)
                fail = not failed and item.kind == "check" and item.finding is not None
                failed = failed or fail
                wf.answer_item(
                    ws.store,
                    inspection_id,
                    view.id,
                    item_id,
                    "fail" if fail else _passing_value(item),
                    note="自检：不符合" if fail else None,
                )
                answers += 1
    if not failed:
        raise SelfTestFailed("no checklist item of the unit-level checklists can fail")
    signature = _signature_png()
    for officer_id, name in ((ws.officer.id, ws.officer.name), (colleague_id, "自检员二")):
        wf.sign(
            ws.store, ws.attachments, inspection_id, wf.officer_signer(officer_id), name, signature
        )
    wf.sign(ws.store, ws.attachments, inspection_id, wf.UNIT_SIGNER, "自检单位代表", signature)
    wf.finish_inspection(ws.store, inspection_id)
    _changes, issued = issue_notices(
        ws.store, ws.attachments, ws.home / "notices", inspection_id, key
    )
    ctx.notice = order = issued[0]
    with ws.store.reading() as db:
        ctx.payload = n.get_notice(db, order.notice_id).payload
    size = order.files[0].stat().st_size
    return (
        f"inspected a fictional unit ({answers} answers, 1 failed), signed, finished and"
        f" issued notice {order.number} (PDF {size // 1024} KB)"
    )


def check_qr(ctx: Context) -> str:
    """Read the QR code back from the rendered notice page and verify its signature."""
    from fieldapp.notices.qr import decode_pdf, verify_payload
    from fieldapp.workflow.keys import trusted

    ws, notice = ctx.workspace, ctx.notice
    assert ws is not None and notice is not None
    texts = decode_pdf(notice.files[0].read_bytes())
    if texts != [ctx.payload]:
        raise SelfTestFailed(
            f"the notice page gave {len(texts)} QR codes"
            + ("" if not texts else ", not the one that was signed")
        )
    result = verify_payload(texts[0], trusted(ws))
    if not result.valid:
        raise SelfTestFailed(f"the code read back does not verify: {result.reason}")
    assert result.claims is not None
    if result.claims.number != notice.number:
        raise SelfTestFailed(f"the code names notice {result.claims.number}, not {notice.number}")
    return (
        f"read the QR code from the notice page rendered by PDFium ({len(texts[0])} characters)"
        " and verified its Ed25519 signature"
    )


def check_licences(ctx: Context) -> str:
    """Every distribution fieldapp needs is there with its licence (the About dialog's
    list), and so are the fonts' licence files."""
    from fieldapp.licences import (
        APP_DISTRIBUTION,
        components,
        distributions,
        normalised,
        requirement_names,
    )

    dists, missing = distributions()
    names = {normalised(d.metadata["Name"]) for d in dists}
    if APP_DISTRIBUTION not in names:
        raise SelfTestFailed("fieldapp's own package metadata is missing")
    own = next(d for d in dists if normalised(d.metadata["Name"]) == APP_DISTRIBUTION)
    needed = [n for n in requirement_names(own) if normalised(n) not in names]
    if needed:
        raise SelfTestFailed(f"no metadata (so no licence) for {', '.join(sorted(needed))}")
    listed = components()
    absent = [str(p) for c in listed for p in c.files if not p.is_file()]
    if absent:
        raise SelfTestFailed(f"licence files missing: {', '.join(absent)}")
    unnamed = [c.name for c in listed if c.licence in ("", "?")]
    if unnamed:
        raise SelfTestFailed(f"no licence named for {', '.join(unnamed)}")
    texts = sum(1 for c in listed if c.files)
    optional = f" (not installed here, platform-specific: {', '.join(missing)})" if missing else ""
    return (
        f"{len(listed)} components listed with their licences, {texts} with licence texts{optional}"
    )


def check_desktop(ctx: Context) -> str:
    """Start Qt without showing a window (see ``fieldapp.gui.self_check``)."""
    from fieldapp.gui.self_check import check_desktop_parts

    return check_desktop_parts()


PARTS: tuple[Part, ...] = (
    Part("workspace", "工作区", check_workspace),
    Part("checklists", "检查表", check_checklists),
    Part("notice", "指令书", check_notice),
    Part("qr", "二维码", check_qr),
    Part("licences", "许可证", check_licences),
    Part("desktop", "桌面程序", check_desktop),
)


# --- running -----------------------------------------------------------------------------


def _where() -> str:
    if getattr(sys, "frozen", False):
        return "desktop bundle"
    return "installed package"


def _heading(part: Part) -> str:
    """The part's names, padded to one column (a Chinese character is two columns wide)."""
    width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in part.label)
    return f"  {part.name:<11}{part.label}{' ' * max(10 - width, 1)}"


def _run_part(part: Part, ctx: Context, out: TextIO, err: TextIO) -> bool:
    # the part's name goes out first: if a native library crashes the process, the
    # unfinished line still names the part
    out.write(_heading(part))
    out.flush()
    started = time.perf_counter()
    try:
        done = part.run(ctx)
    except SelfTestFailed as failure:
        out.write(f"FAILED ({time.perf_counter() - started:.2f} s): {failure}\n")
        return False
    except UserError as failure:  # a message for a person (a missing font, a full disk…)
        out.write(
            f"FAILED ({time.perf_counter() - started:.2f} s): {type(failure).__name__}: {failure}\n"
        )
        return False
    except Exception as failure:  # noqa: BLE001  (any fault is reported, naming the part)
        out.write(
            f"FAILED ({time.perf_counter() - started:.2f} s): {type(failure).__name__}: {failure}\n"
        )
        out.flush()
        traceback.print_exc(file=err)
        return False
    out.write(f"ok {time.perf_counter() - started:6.2f} s  {done}\n")
    out.flush()
    return True


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every part in a temporary folder; return 0 if all passed, else 1.

    Prints one line per part on ``out`` (default stdout) and a failure's traceback on
    ``err`` (default stderr). Raises nothing for a failing part.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    out.write(
        f"fieldapp {__version__} 自检 / self-test ({_where()}, Python"
        f" {platform.python_version()}, {platform.system()} {platform.machine()})\n"
    )
    started = time.perf_counter()
    failed: Part | None = None
    with tempfile.TemporaryDirectory(
        prefix="fieldapp-selftest-", ignore_cleanup_errors=True
    ) as folder:
        ctx = Context(Path(folder))
        try:
            for part in PARTS:
                if failed is not None:
                    out.write(f"{_heading(part)}skipped\n")
                elif not _run_part(part, ctx, out, err):
                    failed = part
        finally:
            if ctx.workspace is not None:
                ctx.workspace.close()
    total = time.perf_counter() - started
    if failed is not None:
        out.write(
            f"自检未通过：{failed.label} / self-test FAILED in part '{failed.name}'"
            f" ({total:.1f} s)\n"
        )
        return 1
    out.write(f"自检通过 / self-test passed ({total:.1f} s)\n")
    return 0
