"""The door's attempt log is append-only in the database itself (both databases): a row can be
added, never changed or deleted — except by replacing the whole database (restore, demo
--replace), which lifts the guard inside its own transaction only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop.db import Database
from desktop.guards import lifted_for_wipe
from desktop.models import Base, CheckInAttempt
from desktop.safety.transfer import delete_all

AT = dt.datetime(2026, 11, 26, 19)


def _attempt(database: Database) -> int:
    with database.transaction() as session:
        row = CheckInAttempt(event_id=None, code="M00001", outcome="unknown", at=AT, by="desk")
        session.add(row)
        session.flush()
        return row.id


@pytest.mark.parametrize("statement", [
    "UPDATE check_in_attempt SET outcome = 'checked_in'",
    "DELETE FROM check_in_attempt",
])
def test_changing_or_deleting_an_attempt_is_refused(database: Database, statement: str) -> None:
    _attempt(database)
    with pytest.raises(DBAPIError, match="append-only"), database.transaction() as session:
        session.execute(text(statement))
    with database.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(CheckInAttempt)) == 1
        assert session.scalar(select(CheckInAttempt.outcome)) == "unknown"


def test_a_wipe_empties_the_log_and_the_guard_is_back_after(database: Database) -> None:
    _attempt(database)
    with database.engine.begin() as connection:
        delete_all(connection, Base.metadata.sorted_tables)
    with database.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(CheckInAttempt)) == 0
    _attempt(database)
    with pytest.raises(DBAPIError, match="append-only"), database.transaction() as session:
        session.execute(text("DELETE FROM check_in_attempt"))


def test_a_failed_wipe_leaves_the_guard_in_place(database: Database) -> None:
    _attempt(database)
    with (pytest.raises(RuntimeError), database.engine.begin() as connection,
          lifted_for_wipe(connection)):
        connection.execute(text("DELETE FROM check_in_attempt"))
        raise RuntimeError("the restore failed half way")
    with database.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(CheckInAttempt)) == 1
    with pytest.raises(DBAPIError, match="append-only"), database.transaction() as session:
        session.execute(text("DELETE FROM check_in_attempt"))
