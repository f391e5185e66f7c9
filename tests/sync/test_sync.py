"""Officer batch → supervisor, receipts back, reference packs out: the rules of merging."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fieldapp import sync
from fieldapp.cli import main
from fieldapp.home import DB_NAME
from fieldapp.store import registry as reg
from fieldapp.store import sync as q
from fieldapp.sync import records as r
from fieldapp.sync.container import ContainerWriter, Manifest, Producer, app_version, now_text
from fieldapp.workflow import keys as wf
from fieldapp.workspace import Workspace
from tests.sync.conftest import DATA_TABLES, export, import_, signing_key, table_hashes


def rows(home: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(home / DB_NAME)) as conn:
        return conn.execute(sql, params).fetchall()


def test_batch_arrives_whole_and_again_changes_nothing(
    officer_home: Path, supervisor_home: Path, first_batch: Path
) -> None:
    report = import_(supervisor_home, first_batch)
    assert report.status == "imported" and report.sequence == 1
    totals = report.totals()
    assert totals.refused == totals.conflicts == 0 and totals.new > 3000
    finished = "SELECT count(*) FROM inspections WHERE state != 'draft'"
    assert rows(supervisor_home, finished) == rows(officer_home, finished)
    assert rows(supervisor_home, "SELECT count(*) FROM inspections WHERE state = 'draft'") == [(0,)]
    for table in ("notices", "findings", "signatures", "answers", "amendments"):
        sql = (
            f"SELECT count(*) FROM {table} WHERE inspection_id IN"
            " (SELECT id FROM inspections WHERE state != 'draft')"
        )
        assert rows(supervisor_home, sql) == rows(officer_home, sql), table
    # every locked inspection arrives locked, every notice with its signed payload
    assert rows(supervisor_home, "SELECT count(*) FROM inspections WHERE locked = 0") == [(0,)]
    assert sorted(rows(supervisor_home, "SELECT number, payload FROM notices")) == sorted(
        rows(officer_home, "SELECT number, payload FROM notices")
    )
    with Workspace.open(supervisor_home) as ws:
        hashes = [h for (h,) in rows(supervisor_home, "SELECT sha256 FROM attachments")]
        assert hashes and all(ws.attachments.verify(h) for h in hashes)
    before = table_hashes(supervisor_home)
    again = import_(supervisor_home, first_batch)
    assert again.status == "already" and "already imported" in again.summary_lines()[0]
    assert table_hashes(supervisor_home) == before


def test_the_officer_is_told_nothing_is_new(officer_home: Path, first_batch: Path) -> None:
    with pytest.raises(sync.NothingToExport, match="--all"):
        export(officer_home, first_batch.with_name("empty.zip"))
    assert not first_batch.with_name("empty.zip").exists()


def test_higher_rev_updates_and_a_lost_batch_is_written_again(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    with Workspace.open(officer_home) as ws, ws.store.transaction() as db:
        unit_id = db.execute("SELECT id FROM units ORDER BY id LIMIT 1").fetchone()[0]
        unit = reg.get_unit(db, unit_id)
        import dataclasses

        reg.update_record(db, "units", dataclasses.replace(unit, address="吉林省长春市新地址1号"))
    second = tmp_path / "batch-2.zip"
    result = export(officer_home, second)
    assert result.sequence == 2 and result.counts == {"units": 1}
    report = import_(supervisor_home, second)
    assert report.counts["units"].updated == 1
    assert rows(supervisor_home, "SELECT address, rev FROM units WHERE id = ?", (unit_id,)) == [
        ("吉林省长春市新地址1号", 2)
    ]
    # the first batch again (an older copy) changes nothing
    assert import_(supervisor_home, first_batch).status == "already"
    # a lost stick: the kept copy is written again byte for byte
    again = tmp_path / "again.zip"
    with Workspace.open(officer_home) as ws:
        sync.copy_again(ws, 2, again)
    assert again.read_bytes() == second.read_bytes()


def test_same_rev_other_content_is_a_conflict_kept_for_review(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    unit_id, name = rows(officer_home, "SELECT id, name FROM units ORDER BY id LIMIT 1")[0]
    with closing(sqlite3.connect(supervisor_home / DB_NAME)) as conn, conn:
        conn.execute("UPDATE units SET name = '别的名字有限公司' WHERE id = ?", (unit_id,))
    everything = tmp_path / "all.zip"
    export(officer_home, everything, everything=True)
    report = import_(supervisor_home, everything)
    assert report.counts["units"].conflicts == 1
    assert any("conflict units" in reason for reason in report.reasons)
    assert rows(supervisor_home, "SELECT name FROM units WHERE id = ?", (unit_id,)) == [
        ("别的名字有限公司",)
    ]
    with Workspace.open(supervisor_home) as ws, ws.store.reading() as db:
        conflicts = q.open_conflicts(db)
    assert [(c.kind, c.record_id, c.incoming["name"]) for c in conflicts] == [
        ("units", unit_id, name)
    ]


def _signed_batch(
    officer_home: Path, out: Path, records: dict[str, list[dict[str, object]]], sequence: int = 9
) -> Path:
    """A batch written and signed exactly as the app does, holding ``records``."""
    key = signing_key(officer_home)
    from fieldapp.keys import key_id, raw_public_key

    writer = ContainerWriter(out)
    for kind, items in records.items():
        writer.add_lines(
            f"records/{kind}.jsonl",
            (json.dumps(item, ensure_ascii=False).encode() for item in items),
        )
    manifest = Manifest(
        "fieldapp-batch",
        1,
        f"test-{out.stem}",
        "batch",
        Producer(key_id(raw_public_key(key)), name="王建国"),
        sequence,
        now_text(),
        app_version(),
        writer.entries,
        {k: len(v) for k, v in records.items()},
    )
    writer.finish(manifest, key)
    return out


def _record(home: Path, kind: r.Kind, where: str) -> dict[str, object]:
    with closing(sqlite3.connect(home / DB_NAME)) as conn:
        row = conn.execute(f"SELECT {', '.join(kind.columns)} FROM {kind.table} WHERE {where}")
        return dict(zip(kind.columns, row.fetchone(), strict=True))


def test_issued_inspections_and_notices_take_only_state_changes(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    inspection = _record(officer_home, r.INSPECTIONS, "state = 'notice_issued' LIMIT 1")
    notice = _record(officer_home, r.NOTICES, "state = 'issued' LIMIT 1")
    forged = dict(inspection, unit_opinion="单位无异议（后改）", rev=int(inspection["rev"]) + 1)  # type: ignore[call-overload]
    moved = dict(notice, state="awaiting_reinspection", rev=int(notice["rev"]) + 1)  # type: ignore[call-overload]
    renumbered = dict(moved, number="（长）市监特令〔2026〕第X-9999号", id=notice["id"])
    report = import_(
        supervisor_home,
        _signed_batch(
            officer_home, tmp_path / "b.zip", {"inspections": [forged], "notices": [moved]}
        ),
    )
    assert report.counts["inspections"].refused == 1
    assert "amendments" in " ".join(report.reasons)
    assert report.counts["notices"].updated == 1
    assert rows(
        supervisor_home, "SELECT unit_opinion FROM inspections WHERE id = ?", (inspection["id"],)
    ) == [(inspection["unit_opinion"],)]
    assert rows(supervisor_home, "SELECT state FROM notices WHERE id = ?", (notice["id"],)) == [
        ("awaiting_reinspection",)
    ]
    renumbered["rev"] = int(moved["rev"]) + 1  # type: ignore[call-overload]
    report = import_(
        supervisor_home,
        _signed_batch(officer_home, tmp_path / "c.zip", {"notices": [renumbered]}, sequence=10),
    )
    assert report.counts["notices"].refused == 1


def test_children_of_a_refused_record_are_not_taken(
    officer_home: Path, supervisor_home: Path, tmp_path: Path
) -> None:
    inspection = _record(officer_home, r.INSPECTIONS, "state != 'draft' LIMIT 1")
    answers = [_record(officer_home, r.ANSWERS, f"inspection_id = '{inspection['id']}' LIMIT 1")]
    # the inspection names a unit that is neither in the file nor at the supervisor
    report_path = _signed_batch(
        officer_home, tmp_path / "b.zip", {"inspections": [inspection], "answers": answers}
    )
    before = table_hashes(supervisor_home)
    with pytest.raises(sync.BatchRefused, match="neither in the file nor here"):
        import_(supervisor_home, report_path)
    assert table_hashes(supervisor_home) == before


def test_a_gap_in_the_batch_numbers_is_named(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    unit = _record(officer_home, r.UNITS, "1 = 1 ORDER BY id LIMIT 1")
    later = _signed_batch(
        officer_home, tmp_path / "b4.zip", {"units": [dict(unit, rev=5, address="新址")]}, 4
    )
    report = import_(supervisor_home, later)
    assert report.missing_batches == [2, 3]
    assert "第 2、3 批" in "\n".join(report.summary_lines())


def test_unknown_or_removed_key_is_refused_naming_the_fingerprint(
    officer_home: Path, supervisor_home: Path, first_batch: Path
) -> None:
    with Workspace.open(officer_home) as ws:
        own = wf.own_key(ws)
    assert own is not None
    with Workspace.open(supervisor_home) as ws:
        wf.untrust(ws, own.key_id)
    before = table_hashes(supervisor_home)
    with pytest.raises(sync.BatchRefused) as refused:
        import_(supervisor_home, first_batch)
    assert own.fingerprint in str(refused.value) and "does not trust" in str(refused.value)
    assert table_hashes(supervisor_home) == before


def test_wrong_workspace_kind_is_refused(officer_home: Path, first_batch: Path) -> None:
    with pytest.raises(sync.BatchRefused, match="supervisor workspace"):
        import_(officer_home, first_batch)


def test_receipt_marks_what_the_supervisor_holds(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    report = import_(supervisor_home, first_batch)
    receipt = tmp_path / "receipt.zip"
    with Workspace.open(supervisor_home) as ws:
        sync.write_receipt(ws, report.batch_id, receipt, signing_key(supervisor_home))
    result = import_(officer_home, receipt)
    assert result.kind == "receipt"
    finished = {
        i for (i,) in rows(officer_home, "SELECT id FROM inspections WHERE state != 'draft'")
    }
    with Workspace.open(officer_home) as ws, ws.store.reading() as db:
        received = q.received(db, "inspections")
    assert set(received) == finished
    assert import_(officer_home, receipt).status == "already"


def test_pack_updates_the_registry_and_never_the_officers_own_records(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    unit_id = rows(officer_home, "SELECT id FROM units ORDER BY id LIMIT 1")[0][0]
    with closing(sqlite3.connect(supervisor_home / DB_NAME)) as conn, conn:
        conn.execute(
            "UPDATE units SET address = '监督核实后的地址', rev = rev + 1 WHERE id = ?", (unit_id,)
        )
        conn.execute(
            "INSERT INTO workspace (key, value) VALUES ('notice.appeal_court', '长春铁路运输法院')"
        )
    self_before = rows(officer_home, "SELECT * FROM officers WHERE is_self = 1")
    inspections_before = table_hashes(
        officer_home, ("inspections", "answers", "findings", "notices")
    )
    from fieldapp.paths import forms_dir

    text = (forms_dir() / "escalator.yaml").read_text(encoding="utf-8")
    newer = text.replace('version: "2026.1"', 'version: "2026.2"', 1)
    assert newer != text
    pack = tmp_path / "pack.zip"
    with Workspace.open(supervisor_home) as ws:
        sync.write_pack(
            ws,
            pack,
            signing_key(supervisor_home),
            checklist_texts=[("escalator.yaml", newer), ("broken.yaml", "id: [unclosed")],
        )
    report = import_(officer_home, pack)
    assert report.counts["units"].updated == 1 and report.counts["checklists"].refused == 1
    assert rows(officer_home, "SELECT address FROM units WHERE id = ?", (unit_id,)) == [
        ("监督核实后的地址",)
    ]
    assert rows(officer_home, "SELECT * FROM officers WHERE is_self = 1") == self_before
    assert table_hashes(officer_home, ("inspections", "answers", "findings", "notices")) == (
        inspections_before
    )
    assert rows(officer_home, "SELECT value FROM workspace WHERE key = 'notice.appeal_court'") == [
        ("长春铁路运输法院",)
    ]
    assert (officer_home / "forms" / "escalator.yaml").read_text(encoding="utf-8") == newer
    assert not (officer_home / "forms" / "broken.yaml").exists()
    from fieldapp.checklists.workspace_forms import workspace_checklists

    versions = {c.id: c.version for c in workspace_checklists(officer_home)}
    assert versions["escalator"] == "2026.2"


def test_cli_export_import_pack_receipt(
    officer_home: Path, supervisor_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.zip"
    assert main(["--home", str(officer_home), "export", "--out", str(out)]) == 0
    assert "exported batch 1" in capsys.readouterr().out
    assert main(["--home", str(supervisor_home), "import", str(out)]) == 0
    assert "imported batch" in capsys.readouterr().out
    assert main(["--home", str(supervisor_home), "import", str(out)]) == 0
    assert "already imported" in capsys.readouterr().out
    bad = tmp_path / "bad.zip"
    bad.write_bytes(out.read_bytes()[:5000])
    assert main(["--home", str(supervisor_home), "import", str(bad), str(out)]) == 1
    captured = capsys.readouterr()
    assert "refused" in captured.err and "already imported" in captured.out
    receipt = tmp_path / "r.zip"
    assert main(["--home", str(supervisor_home), "receipt", "--out", str(receipt)]) == 0
    assert main(["--home", str(officer_home), "import", str(receipt)]) == 0
    pack = tmp_path / "p.zip"
    assert (
        main(["--home", str(supervisor_home), "pack", "--out", str(pack), "--district", "2201"])
        == 0
    )
    assert main(["--home", str(officer_home), "import", str(pack)]) == 0
    assert "imported pack" in capsys.readouterr().out
    assert (
        main(
            [
                "--home",
                str(officer_home),
                "export",
                "--again",
                "1",
                "--out",
                str(tmp_path / "a.zip"),
            ]
        )
        == 0
    )
    assert (tmp_path / "a.zip").read_bytes() == out.read_bytes()
    assert set(DATA_TABLES) <= set(table_hashes(supervisor_home))


def test_a_notice_number_taken_by_another_notice_is_a_conflict(
    officer_home: Path, supervisor_home: Path, first_batch: Path, tmp_path: Path
) -> None:
    import_(supervisor_home, first_batch)
    notice = _record(officer_home, r.NOTICES, "state = 'issued' ORDER BY id LIMIT 1")
    twin = dict(notice, id="0190d5a0-0000-7000-8000-00000000a0a0")  # same number, other id
    report = import_(
        supervisor_home, _signed_batch(officer_home, tmp_path / "twin.zip", {"notices": [twin]})
    )
    assert report.status == "imported" and report.counts["notices"].conflicts == 1
    assert "已被另一份文书使用" in "\n".join(report.reasons)
    assert rows(
        supervisor_home, "SELECT count(*) FROM notices WHERE number = ?", (notice["number"],)
    ) == [(1,)]
    with Workspace.open(supervisor_home) as ws, ws.store.reading() as db:
        assert [c.record_id for c in q.open_conflicts(db)] == [twin["id"]]


def test_the_two_demos_work_together(officer_home: Path, tmp_path: Path) -> None:
    """Issue #6's walk-through: the officer demo's batch into the supervisor demo and back."""
    from fieldapp.demo import build_demo
    from fieldapp.domain.models import Role

    supervisor = tmp_path / "supervisor-demo"
    build_demo(supervisor, Role.SUPERVISOR)
    with Workspace.open(officer_home) as off, Workspace.open(supervisor) as sup:
        wf.export_own_key(off, tmp_path / "o.json")
        wf.export_own_key(sup, tmp_path / "s.json")
        wf.trust_key_file(sup, tmp_path / "o.json")
        wf.trust_key_file(off, tmp_path / "s.json")
        batch = tmp_path / "b.zip"
        sync.export_batch(off, batch, signing_key(officer_home))
        report = sync.import_file(sup, batch)
        totals = report.totals()
        assert totals.new > 3000 and totals.conflicts == totals.refused == 0
        assert sync.import_file(sup, batch).status == "already"
        receipt, pack = tmp_path / "r.zip", tmp_path / "p.zip"
        sync.write_receipt(sup, report.batch_id, receipt, signing_key(supervisor))
        sync.write_pack(sup, pack, signing_key(supervisor), district="2201")
        assert sync.import_file(off, receipt).totals().new > 0
        assert sync.import_file(off, pack).totals().refused == 0
