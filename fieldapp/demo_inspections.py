"""Past inspections for the demo workspace, made through the real use-cases.

Drafts at various points, finished inspections with and without findings, a refusal to
sign, and an amendment — so every screen has something true to show. The database runs
with ``synchronous = OFF`` while they are written (a demo is rebuilt, never recovered).
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

from fieldapp.checklists import Checklist, shipped_checklists
from fieldapp.checklists.model import Item
from fieldapp.domain.models import CheckType, Equipment
from fieldapp.store import inspections as q
from fieldapp.store import registry as reg
from fieldapp.workflow import inspection as wf
from fieldapp.workspace import Workspace

OPINIONS = (
    "无异议，按期整改。",
    "同意检查意见，立即安排维保单位整改。",
    "已知悉，整改后报告。",
    "",
)
NOTES = ("现场查看发现该问题", "资料不全，未能提供记录", "标志缺失", "单位人员现场确认")


@dataclass(frozen=True)
class DemoInspections:
    drafts: int
    finished: int
    findings: int
    notices: int = 0


def _png_signature(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (420, 140), "white")
    draw = ImageDraw.Draw(image)
    x, y = 20, 90
    points = [(x, y)]
    for _ in range(9):
        x += rng.randint(25, 45)
        y = max(20, min(120, y + rng.randint(-45, 45)))
        points.append((x, y))
    draw.line(points, fill=(16, 16, 48), width=4, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _photo(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1600, 1200), (rng.randint(120, 200), 120, 110))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randint(0, 1500), rng.randint(0, 1100)
        draw.rectangle(
            [x, y, x + rng.randint(40, 300), y + rng.randint(40, 200)],
            fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)),
        )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def _value(item: Item, rng: random.Random, fail: bool) -> object:
    if item.kind == "check":
        return "fail" if fail else ("na" if rng.random() < 0.06 else "pass")
    if item.kind == "number":
        if fail and item.limit_max is not None:
            return item.limit_max + rng.randint(1, 10)
        if item.limit_max is not None:
            return max(item.limit_min or 0, item.limit_max - rng.randint(0, 3))
        return item.limit_min or rng.randint(1, 20)
    if item.kind == "choice":
        failing = [c.id for c in item.choices if c.fails]
        good = [c.id for c in item.choices if not c.fails]
        return rng.choice(failing) if fail and failing else rng.choice(good)
    if item.kind == "date":
        return (dt.date.today() - dt.timedelta(days=rng.randint(10, 300))).isoformat()
    return "现场核实" if item.kind == "text" else "见照片"


def _answer_run(
    ws: Workspace,
    inspection_id: str,
    view: wf.RunView,
    rng: random.Random,
    failures: int,
    stop_after: int | None,
    day: dt.date,
) -> int:
    """Answer a run's visible items; ``failures`` of the failable ones fail. Returns answers."""
    answered = 0
    failable: list[str] = []
    with ws.store.reading() as db:
        result = view.evaluate(q.answers_of_run(db, view.id))
    failable = [i.id for i in result.visible if i.finding is not None and i.when is None]
    to_fail = set(rng.sample(failable, min(failures, len(failable))))
    for _round in range(4):
        with ws.store.reading() as db:
            result = view.evaluate(q.answers_of_run(db, view.id))
        if not result.missing:
            break
        for item_id in result.missing:
            if stop_after is not None and answered >= stop_after:
                return answered
            item = view.checklist.item(item_id)
            fail = item_id in to_fail
            note = rng.choice(NOTES) if fail else None
            wf.answer_item(
                ws.store,
                inspection_id,
                view.id,
                item_id,
                _value(item, rng, fail),
                note=note,
                today=day,
            )
            if fail and rng.random() < 0.7:
                wf.add_photo(
                    ws.store,
                    ws.attachments,
                    inspection_id,
                    view.id,
                    item_id,
                    _photo(rng),
                    f"IMG_{rng.randint(1000, 9999)}.jpg",
                )
            answered += 1
    return answered


def add_demo_inspections(
    ws: Workspace, count: int = 32, seed: int = 2026, today: dt.date | None = None
) -> DemoInspections:
    """Add ``count`` past inspections of the demo's units to an open officer workspace."""
    assert ws.officer is not None, "demo inspections belong to an officer workspace"
    today = today or dt.date.today()
    rng = random.Random(seed)
    checklists: list[Checklist] = shipped_checklists()
    with ws.store.reading() as db:
        units = [s for s in reg.search_units(db, limit=1000) if s.equipment_count]
        colleagues = [o.id for o in reg.list_officers(db) if not o.is_self]
    rng.shuffle(units)
    ws.store.db.execute("PRAGMA synchronous = OFF")
    drafts = finished = findings = 0
    try:
        for n in range(count):
            summary = units[n % len(units)]
            with ws.store.reading() as db:
                devices: list[Equipment] = reg.equipment_of_unit(db, summary.unit.id)
            by_class: dict[str, Equipment] = {}
            for device in devices:
                by_class.setdefault(device.catalogue_code[0], device)
            sampled = list(by_class.values())[:3]
            days_ago = 3 + n * 9 + rng.randint(0, 6)
            day = today - dt.timedelta(days=days_ago)
            started = dt.datetime.combine(day, dt.time(9 + rng.randint(0, 5), rng.randint(0, 59)))
            check_type = CheckType.CAMPAIGN if n % 7 == 3 else CheckType.ROUTINE
            new = wf.NewInspection(
                unit_id=summary.unit.id,
                equipment_ids=tuple(d.id for d in sampled),
                officer_ids=(ws.officer.id, rng.choice(colleagues)),
                check_type=check_type,
                task_source="2026年节假日专项检查"
                if check_type is CheckType.CAMPAIGN
                else "2026年度监督检查计划",
                campaign="holiday" if n % 14 == 3 else None,
                representative=summary.unit.safety_manager or "单位安全管理员",
                representative_post="安全管理员",
                representative_phone=summary.unit.safety_manager_phone,
            )
            inspection_id = wf.start_inspection(
                ws.store, new, checklists, ws.officer.id, now=started.isoformat()
            ).record_id
            with ws.store.reading() as db:
                views = wf.load_runs(db, inspection_id)
            is_draft = n < 4  # the newest few are still drafts, stopped at various points
            failures = 0 if n % 5 == 1 else rng.randint(1, 3)
            for index, view in enumerate(views):
                stop = rng.randint(3, 25) if is_draft and index == len(views) - 1 else None
                _answer_run(
                    ws,
                    inspection_id,
                    view,
                    rng,
                    failures if index == len(views) - 1 else int(rng.random() < 0.3),
                    stop,
                    day,
                )
            if is_draft:
                drafts += 1
                continue
            with ws.store.reading() as db:
                officer_ids = q.officer_ids(db, inspection_id)
            for officer_id in officer_ids:
                with ws.store.reading() as db:
                    name = reg.get_officer(db, officer_id).name
                wf.sign(
                    ws.store,
                    ws.attachments,
                    inspection_id,
                    wf.officer_signer(officer_id),
                    name,
                    _png_signature(rng),
                )
            if n % 9 == 5:
                wf.record_refusal(
                    ws.store, inspection_id, "单位负责人以需请示上级为由拒绝签字", "物业保安 李强"
                )
            else:
                wf.sign(
                    ws.store,
                    ws.attachments,
                    inspection_id,
                    wf.UNIT_SIGNER,
                    new.representative,
                    _png_signature(rng),
                )
            wf.set_details(ws.store, inspection_id, unit_opinion=rng.choice(OPINIONS))
            finish_at = started + dt.timedelta(hours=2, minutes=rng.randint(0, 50))
            wf.finish_inspection(ws.store, inspection_id, now=finish_at.isoformat())
            finished += 1
            with ws.store.reading() as db:
                found = q.findings(db, inspection_id, include_dropped=False)
            findings += len(found)
            if found and n % 11 == 6:
                wf.amend(
                    ws.store,
                    inspection_id,
                    "finding",
                    found[0].id,
                    "deadline",
                    (day + dt.timedelta(days=45)).isoformat(),
                    "单位书面申请延期，经科室负责人同意",
                )
        notices = _issue_demo_notices(ws, rng, today)
    finally:
        ws.store.db.execute("PRAGMA synchronous = FULL")
    return DemoInspections(drafts, finished, findings, notices)


def _issue_demo_notices(ws: Workspace, rng: random.Random, today: dt.date) -> int:
    """Notices in every state: open (some past their deadline), escalated, closed."""
    from fieldapp.keys import load_signing_key
    from fieldapp.notices.issue import findings_of_notice, issue_notices, reinspect
    from fieldapp.store import notices as n

    assert ws.officer is not None
    key = load_signing_key(ws.home / "keys", None)  # a demo key has no passphrase
    with ws.store.reading() as db:
        candidates = [r for r in q.list_inspections(db, state="finished") if r.findings]
    candidates.sort(key=lambda r: r.started_at)
    count = 0
    for index, summary in enumerate(candidates[:-3] if len(candidates) > 3 else candidates):
        issued_on = dt.date.fromisoformat(summary.started_at[:10])
        _changes, issued = issue_notices(
            ws.store, ws.attachments, ws.home / "notices", summary.id, key, today=issued_on
        )
        count += len(issued)
        order = issued[0]
        age = (today - issued_on).days
        if age < 35 or index % 4 == 1:
            continue  # still open; the older ones are past their deadline
        with ws.store.reading() as db:
            findings = findings_of_notice(db, n.get_notice(db, order.notice_id))
        if index % 5 == 2 and len(findings) > 1:
            results: dict[str, tuple[bool, str, list[bytes]]] = {
                f.id: (i > 0, "复查时仍未整改" if i == 0 else "已整改", [])
                for i, f in enumerate(findings)
            }
            reinspect(
                ws.store,
                ws.attachments,
                order.notice_id,
                ws.officer.id,
                results,
                escalation=rng.choice(["case", "transfer"]),
                note="逾期未改正",
            )
            continue
        for notice in issued:
            with ws.store.reading() as db:
                covered = findings_of_notice(db, n.get_notice(db, notice.notice_id))
            reinspect(
                ws.store,
                ws.attachments,
                notice.notice_id,
                ws.officer.id,
                {f.id: (True, "单位已整改，现场复查符合要求", [_photo(rng)]) for f in covered},
            )
    return count
