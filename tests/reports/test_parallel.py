"""Statements run side by side give what they give one after the other."""

from __future__ import annotations

import sqlite3
from unittest import mock

import pytest
from sqlite_utils import Database

from fieldapp.reports import parallel
from fieldapp.reports.parallel import run_side_by_side
from tests.reports.conftest import Fixture

STATEMENTS = [
    ("SELECT district_code, COUNT(*) FROM units GROUP BY 1 ORDER BY 1", {}),
    ("SELECT state, COUNT(*) FROM inspections WHERE state != :s GROUP BY 1 ORDER BY 1", {"s": "x"}),
    ("SELECT COUNT(*) FROM findings", {}),
    ("SELECT kind, COUNT(*) FROM notices GROUP BY 1 ORDER BY 1", {}),
]


def test_side_by_side_equals_one_after_the_other(fixture: Fixture) -> None:
    one_by_one = [fixture.db.execute(sql, p).fetchall() for sql, p in STATEMENTS]
    with mock.patch.object(parallel.os, "cpu_count", return_value=4):
        together = run_side_by_side(fixture.db, STATEMENTS)
    assert together == one_by_one and any(together)


def test_in_memory_or_one_core_runs_on_the_given_connection(fixture: Fixture) -> None:
    memory = Database(sqlite3.connect(":memory:"))
    memory.execute("CREATE TABLE t (a)")
    memory.execute("INSERT INTO t VALUES (1), (2)")
    assert run_side_by_side(memory, [("SELECT SUM(a) FROM t", {})]) == [[(3,)]]
    with mock.patch.object(parallel.os, "cpu_count", return_value=1):
        assert run_side_by_side(fixture.db, STATEMENTS[:1]) == [
            fixture.db.execute(STATEMENTS[0][0]).fetchall()
        ]


def test_an_error_in_one_statement_is_raised(fixture: Fixture) -> None:
    with (
        mock.patch.object(parallel.os, "cpu_count", return_value=4),
        pytest.raises(sqlite3.OperationalError, match="no such table"),
    ):
        run_side_by_side(fixture.db, [*STATEMENTS, ("SELECT * FROM nowhere", {})])
