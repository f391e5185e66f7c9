"""Issuing notices from finished inspections, numbering, status gating, re-inspection."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.errors import ValidationError
from fieldapp.keys import load_signing_key
from fieldapp.notices import issue as ni
from fieldapp.notices.qr import decode_pdf, verify_payload
from fieldapp.store import inspections as q
from fieldapp.store import notices as n
from fieldapp.store import registry as reg
from fieldapp.workflow.keys import trusted
from fieldapp.workspace import Workspace

NUMBER = re.compile(r"^（长）市监特令〔2026〕第A07-(\d{4})号$")


@pytest.fixture
def demo_ws(demo_home: Path) -> Iterator[Workspace]:
    ws = Workspace.open(demo_home)
    yield ws
    ws.close()


def finished_with_findings(ws: Workspace, measure: str | None = None) -> list[str]:
    with ws.store.reading() as db:
        rows = [r for r in q.list_inspections(db, state="finished") if r.findings]
        if measure:
            rows = [
                r
                for r in rows
                if any(f.measure == measure and not f.dropped for f in q.findings(db, r.id))
            ]
    return [r.id for r in rows]


def issue(ws: Workspace, inspection_id: str) -> list[ni.IssuedNotice]:
    key = load_signing_key(ws.home / "keys", None)
    _changes, issued = ni.issue_notices(
        ws.store,
        ws.attachments,
        ws.home / "notices",
        inspection_id,
        key,
        today=dt.date(2026, 11, 28),
    )
    return issued


def test_issue_numbers_keeps_signs_and_writes(demo_ws: Workspace) -> None:
    first, second = finished_with_findings(demo_ws)[:2]
    notices = issue(demo_ws, first)
    order = notices[0]
    assert order.kind == "order"
    match = NUMBER.match(order.number)
    assert match, order.number
    again = issue(demo_ws, second)[0]
    assert int(NUMBER.match(again.number).group(1)) == int(match.group(1)) + 1  # type: ignore[union-attr]
    with demo_ws.store.reading() as db:
        row = q.get_inspection(db, first)
        stored = n.notices_of(db, first)
        docs = n.documents(db, first)
    assert row.state == "notice_issued"
    assert {d for d in docs} >= {"order", "record"}
    pdf_path = demo_ws.home / "notices" / ni.file_name(order.number)
    assert pdf_path.exists() and pdf_path.read_bytes().startswith(b"%PDF")
    assert (demo_ws.home / "notices" / ni.file_name(order.number, "-检查记录")).exists()
    texts = decode_pdf(pdf_path.read_bytes())
    assert texts == [stored[0].payload]
    result = verify_payload(texts[0], trusted(demo_ws))
    assert result.valid, result.reason
    assert result.claims is not None and result.claims.number == order.number


def test_a_failed_issue_takes_no_number(
    demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = finished_with_findings(demo_ws)[:2]
    import fieldapp.notices.pdf as pdf

    with demo_ws.store.reading() as db:
        row = db.execute(
            "SELECT last FROM notice_sequences WHERE officer_code = 'A07'"
            " AND year = 2026 AND kind = 'order'"
        ).fetchone()
    last = row[0] if row else 0

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(pdf, "render_notice", broken)
    with pytest.raises(RuntimeError):
        issue(demo_ws, first)
    monkeypatch.undo()
    with demo_ws.store.reading() as db:
        assert n.notices_of(db, first) == []
        assert q.get_inspection(db, first).state == "finished"
    number = issue(demo_ws, second)[0].number
    assert number.endswith(f"第A07-{last + 1:04d}号"), "no number was skipped"


def test_only_finished_inspections_with_findings(demo_ws: Workspace) -> None:
    with demo_ws.store.reading() as db:
        draft = q.list_inspections(db, state="draft")[0].id
        clean = next(r.id for r in q.list_inspections(db, state="finished") if not r.findings)
    for inspection_id in (draft, clean):
        with pytest.raises(ni.NoticeNotAllowed):
            issue(demo_ws, inspection_id)
    issued_one = finished_with_findings(demo_ws)[0]
    issue(demo_ws, issued_one)
    with pytest.raises(ni.NoticeNotAllowed):
        issue(demo_ws, issued_one)


def test_stop_use_holds_the_device_until_rectified(demo_ws: Workspace) -> None:
    candidates = finished_with_findings(demo_ws, "stop_use")
    assert candidates, "the demo has a stop-use finding"
    inspection_id = candidates[0]
    with demo_ws.store.reading() as db:
        finding = next(
            f
            for f in q.findings(db, inspection_id, include_dropped=False)
            if f.measure == "stop_use" and f.equipment_id
        )
        before = reg.get_equipment(db, finding.equipment_id).status  # type: ignore[arg-type]
    order = issue(demo_ws, inspection_id)[0]
    with demo_ws.store.reading() as db:
        held = reg.get_equipment(db, finding.equipment_id)  # type: ignore[arg-type]
        findings = ni.findings_of_notice(db, n.get_notice(db, order.notice_id))
    assert held.status.code == "out_of_use"
    officer = demo_ws.officer
    assert officer is not None
    # not all rectified: an escalation is required, the notice stays open
    partial = {f.id: (f.id != finding.id, "已整改", []) for f in findings}
    with pytest.raises(ValidationError, match="escalation"):
        ni.reinspect(demo_ws.store, demo_ws.attachments, order.notice_id, officer.id, partial)
    ni.reinspect(
        demo_ws.store,
        demo_ws.attachments,
        order.notice_id,
        officer.id,
        partial,
        escalation="case",
        note="逾期未改，立案",
    )
    with demo_ws.store.reading() as db:
        assert n.get_notice(db, order.notice_id).state == "escalated"
        assert q.get_inspection(db, inspection_id).state == "awaiting_reinspection"
    done = {f.id: (True, "已整改并经复查", []) for f in findings}
    ni.reinspect(demo_ws.store, demo_ws.attachments, order.notice_id, officer.id, done)
    with demo_ws.store.reading() as db:
        notice = n.get_notice(db, order.notice_id)
        released = reg.get_equipment(db, finding.equipment_id)  # type: ignore[arg-type]
        assert q.get_inspection(db, inspection_id).state == "closed"
        assert len(n.reinspections(db, order.notice_id)) == 2
    assert notice.state == "closed" and notice.closed_at
    assert released.status == before


def test_notice_settings_defaults_and_overrides(demo_ws: Workspace) -> None:
    with demo_ws.store.reading() as db:
        settings = ni.notice_settings(db, "长春市市场监督管理局", "220102")
    assert settings.appeal_government == "长春市人民政府"
    assert settings.appeal_court == "长春市南关区人民法院"
    assert settings.issuing_body == "长春市市场监督管理局"
    with demo_ws.store.transaction() as db:
        reg.set_setting(db, "notice.appeal_court", "长春铁路运输法院")
    with demo_ws.store.reading() as db:
        assert ni.notice_settings(db, "x", "220102").appeal_court == "长春铁路运输法院"


def test_demo_holds_inspections_and_notices_in_every_state(demo_ws: Workspace) -> None:
    with demo_ws.store.reading() as db:
        states = {r.state for r in q.list_inspections(db)}
        overdue = q.list_inspections(db, state="overdue", today=dt.date.today())
        notice_states = {x.state for r in q.list_inspections(db) for x in n.notices_of(db, r.id)}
        total = len(q.list_inspections(db))
    assert total >= 30
    assert states == {"draft", "finished", "notice_issued", "awaiting_reinspection", "closed"}
    assert overdue, "some open notices are past their deadline"
    assert notice_states == {"issued", "escalated", "closed"}
    pdfs = list((demo_ws.home / "notices").glob("*.pdf"))
    assert len(pdfs) >= 2 * 10
