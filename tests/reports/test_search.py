"""The search index (migration m0006) stays in step with the records, and finds Chinese text
of any length: three or more characters through the trigram index, fewer by LIKE."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp.reports import Filters, ListKind, count_rows, search_mode
from fieldapp.reports.lists import count_sql, list_sql
from fieldapp.reports.search import (
    fts_query,
    matching_findings,
    matching_texts,
    text_matches,
    word_uses,
)
from fieldapp.store.database import open_database
from tests.reports.conftest import TODAY, Fixture

OLD_DB = Path(__file__).resolve().parent.parent / "data" / "workspace-v1.db"


def texts_matching(db: Database, word: str) -> set[str]:
    sql, params = matching_texts(word)
    return {
        row[0] for row in db.execute(f"SELECT body FROM search_texts WHERE id IN ({sql})", params)
    }


def docs(db: Database, kind: str) -> dict[str, str]:
    """ref → text of every search document of a kind."""
    rows = db.execute(
        "SELECT d.ref, t.body FROM search_docs d JOIN search_texts t ON t.id = d.text_id"
        " WHERE d.kind = ?",
        [kind],
    )
    return {ref: body for ref, body in rows}


def test_search_modes() -> None:
    assert search_mode("") == search_mode("   ") == "none"
    assert search_mode("梯") == search_mode("电梯") == search_mode("电梯 梯") == "like"
    assert search_mode("曳引机") == search_mode("电梯 曳引机") == "fts"
    assert fts_query('a"b"c') == '"a""b""c"'  # no FTS syntax gets through


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("使用登记", 2),  # 4 characters: trigram index
        ("扶梯", 1),  # 2 characters: LIKE
        ("梯", 2),  # 1 character: LIKE
        ("标志", 1),
        ("办理使用登记", 1),
        ("%", 0),  # LIKE wildcards are taken literally
        ("_", 0),
    ],
)
def test_finding_texts_of_any_length(fixture: Fixture, word: str, expected: int) -> None:
    found = {
        t for t in texts_matching(fixture.db, word) if t in docs(fixture.db, "finding").values()
    }
    assert len(found) == expected
    assert all(word in text for text in found)


def test_each_text_is_kept_once(fixture: Fixture) -> None:
    finding_docs = docs(fixture.db, "finding")
    assert len(finding_docs) == 6
    assert len(set(finding_docs.values())) == 4  # F1, F3, F6 share their wording
    assert fixture.db.execute("SELECT COUNT(*) FROM search_texts").fetchone()[0] == len(
        {
            *finding_docs.values(),
            *docs(fixture.db, "unit").values(),
            *docs(fixture.db, "note").values(),
            *docs(fixture.db, "opinion").values(),
        }
    )


def test_triggers_follow_inserts_changes_and_deletes(fixture: Fixture) -> None:
    ids = fixture.ids
    with fixture.ws.store.transaction() as db:
        db.execute("UPDATE units SET name = '长春御景物业有限公司' WHERE id = ?", [ids["U2"]])
        db.execute("UPDATE inspections SET locked = 0 WHERE id = ?", [ids["I1"]])
        db.execute("UPDATE answers SET note = '' WHERE id = ?", [ids["A1"]])
        db.execute("UPDATE answers SET note = '曳引机异响' WHERE id = ?", [ids["A2"]])
        db.execute("UPDATE findings SET text = '电梯井道照明损坏' WHERE id = ?", [ids["F2"]])
        db.execute("UPDATE inspections SET unit_opinion = '请求延期整改' WHERE id = ?", [ids["I1"]])
    db = fixture.db
    assert docs(db, "unit")[ids["U2"]].startswith("长春御景物业有限公司 ")
    assert ids["A1"] not in docs(db, "note")
    assert docs(db, "note")[ids["A2"]] == "曳引机异响"
    assert docs(db, "finding")[ids["F2"]] == "电梯井道照明损坏"
    assert docs(db, "opinion")[ids["I1"]] == "请求延期整改"
    for text, expected in (("御景", 1), ("瑞丰", 0), ("曳引机", 1), ("照明损坏", 1), ("延期", 1)):
        assert count_rows(db, ListKind.INSPECTIONS, Filters(text=text), TODAY) == expected, text
    with fixture.ws.store.transaction() as db:
        db.execute("UPDATE equipment SET held_by_notice = NULL WHERE id = ?", [ids["E1"]])
        db.execute("DELETE FROM notices WHERE id = ?", [ids["N1"]])
        db.execute("DELETE FROM inspections WHERE id = ?", [ids["I1"]])  # cascades
    assert ids["F1"] not in docs(fixture.db, "finding")
    assert ids["A2"] not in docs(fixture.db, "note")
    assert ids["I1"] not in docs(fixture.db, "opinion")
    assert count_rows(fixture.db, ListKind.INSPECTIONS, Filters(text="曳引机"), TODAY) == 0
    orphans = fixture.db.execute(
        "SELECT COUNT(*) FROM search_docs d LEFT JOIN search_texts t ON t.id = d.text_id"
        " WHERE t.id IS NULL"
    ).fetchone()[0]
    assert orphans == 0


def test_the_index_agrees_with_its_texts(fixture: Fixture) -> None:
    db = fixture.db
    db.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
    with pytest.raises(Exception, match="never changed"), fixture.ws.store.transaction() as tx:
        tx.execute("UPDATE search_texts SET body = 'x'")


def test_inspection_classes_follow_runs_and_devices(fixture: Fixture) -> None:
    ids = fixture.ids

    def classes() -> set[tuple[str, str]]:
        names = {v: k for k, v in ids.items()}
        return {
            (code, names[i])
            for code, i in fixture.db.execute(
                "SELECT catalogue_code, inspection_id FROM inspection_classes"
            )
        }

    assert classes() == {("3110", "I1"), ("3310", "I4")}
    with fixture.ws.store.transaction() as db:
        db.execute("UPDATE equipment SET catalogue_code = '3120' WHERE id = ?", [ids["E1"]])
    assert classes() == {("3120", "I1"), ("3310", "I4")}
    with fixture.ws.store.transaction() as db:
        db.execute("UPDATE inspections SET locked = 0 WHERE id = ?", [ids["I2"]])
        db.execute(
            "INSERT INTO inspection_runs (id, inspection_id, position, checklist_id,"
            " checklist_hash, equipment_id) SELECT 'new-run', ?, 1, 'elevator', checklist_hash,"
            " ? FROM inspection_runs WHERE id = ?",
            [ids["I2"], ids["E2"], ids["R1E"]],
        )
    assert classes() == {("3120", "I1"), ("3310", "I4"), ("3110", "I2")}
    assert count_rows(fixture.db, ListKind.INSPECTIONS, Filters(equipment_class="3100"), TODAY) == 2
    with fixture.ws.store.transaction() as db:
        db.execute("DELETE FROM inspection_runs WHERE id = 'new-run'")
    assert classes() == {("3120", "I1"), ("3310", "I4")}


def test_an_old_workspace_gets_its_search_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD_DB, path)
    db = open_database(path)
    try:
        for table, kind in (("units", "unit"), ("findings", "finding")):
            rows = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            assert len(docs(db, kind)) == rows
        notes = db.execute("SELECT COUNT(*) FROM answers WHERE note != ''").fetchone()[0]
        assert len(docs(db, "note")) == notes
        runs = db.execute(
            "SELECT COUNT(*) FROM inspection_runs WHERE equipment_id IS NOT NULL"
        ).fetchone()[0]
        assert db.execute("SELECT COUNT(*) FROM inspection_classes").fetchone()[0] == runs
    finally:
        db.close()


SEARCHES = [
    "长春 物业",
    "长春",
    "梯",
    "使用登记",
    "长春 梯",
    "医院 标志",
    "没有这个词",
    "吉林 没有",
]


@pytest.mark.parametrize("text", SEARCHES)
@pytest.mark.parametrize("kind", list(ListKind))
def test_knowing_where_a_word_is_changes_no_result(
    fixture: Fixture, kind: ListKind, text: str
) -> None:
    """The plan that leaves out what cannot hold a word finds exactly what the plan that
    looks everywhere finds, collecting or walking; its count (for one word found only in
    finding texts, the search documents holding it) is the number of those rows."""
    filters = Filters(text=text)
    matches = text_matches(fixture.db, text)
    everywhere_sql, params = list_sql(kind, filters, TODAY, 0, 10_000)
    everywhere = fixture.db.execute(everywhere_sql, params).fetchall()
    planned_sql, params = list_sql(kind, filters, TODAY, 0, 10_000, matches=matches)
    assert fixture.db.execute(planned_sql, params).fetchall() == everywhere
    # walking the list in its order, each row's words looked up one by one
    walked_sql, params = list_sql(kind, filters, TODAY, 0, 10_000, True, matches)
    assert fixture.db.execute(walked_sql, params).fetchall() == everywhere
    count_sql_everywhere, params = count_sql(kind, filters, TODAY)
    assert (
        count_rows(fixture.db, kind, filters, TODAY)
        == len(everywhere)
        == (fixture.db.execute(count_sql_everywhere, params).fetchone()[0])
    )


@pytest.mark.parametrize("text", SEARCHES)
@pytest.mark.parametrize("status", ["open", "overdue", "escalated"])
def test_few_notices_looked_up_row_by_row_find_the_same(
    fixture: Fixture, text: str, status: str
) -> None:
    """Open, overdue or escalated notices are few, so their words are looked up through each
    notice's findings: the same notices as searching all of them, then keeping that state."""

    def ids(filters: Filters) -> list[str]:
        sql, params = list_sql(ListKind.NOTICES, filters, TODAY, 0, 10_000)
        return [row[0] for row in fixture.db.execute(sql, params)]

    in_state = set(ids(Filters(status=status)))
    expected = [i for i in ids(Filters(text=text)) if i in in_state]
    assert ids(Filters(text=text, status=status)) == expected
    matches = text_matches(fixture.db, text)
    sql, params = list_sql(
        ListKind.NOTICES, Filters(text=text, status=status), TODAY, 0, 10_000, matches=matches
    )
    assert [row[0] for row in fixture.db.execute(sql, params)] == expected


@pytest.mark.parametrize("text", SEARCHES)
def test_counting_uses_finds_the_same_kinds(fixture: Fixture, text: str) -> None:
    uses = word_uses(fixture.db, text)
    kinds = {word: frozenset(k for k, n in counts.items() if n) for word, counts in uses.items()}
    assert kinds == text_matches(fixture.db, text)
    for word, counts in uses.items():
        finding_ids, params = matching_findings(word)
        held = fixture.db.execute(f"SELECT COUNT(*) FROM ({finding_ids})", params).fetchone()[0]
        assert counts.get("finding", 0) == held


def test_where_each_word_is_found(fixture: Fixture) -> None:
    found = text_matches(fixture.db, "长春 物业 使用登记 没有这个词")
    assert found["长春"] >= {"unit"} and "unit" in found["物业"]
    assert "finding" in found["使用登记"] and "unit" not in found["使用登记"]
    assert found["没有这个词"] == frozenset()
