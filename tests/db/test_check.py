"""``check``: an intact database at the current schema passes; damage, broken links and a
schema from another version are each reported in words a person understands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database, open_database, sqlite_file
from desktop.models import Role
from desktop.safety.check import check_database
from desktop.security import Hasher
from desktop.services import Actor, Context


def test_a_database_in_use_passes_the_check(owner_ctx: Context) -> None:
    accounts.create_staff(owner_ctx, "desk", "Desk", Role.DESK, "desk-pass")
    assert check_database(owner_ctx.database) == []


def test_a_schema_from_another_version_is_reported(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    problems = check_database(database)
    assert len(problems) == 1
    assert "ffff_future" in problems[0] and "revision" in problems[0]


def test_a_row_pointing_at_a_missing_row_is_reported(sqlite_database: Database) -> None:
    path = sqlite_file(sqlite_database.url)
    assert path is not None
    with sqlite3.connect(path) as connection:  # foreign keys are off in a plain connection
        connection.execute(
            "INSERT INTO audit_entry (at, staff_id, staff_username, action, entity) "
            "VALUES ('2026-11-26 09:00:00', 999, 'ghost', 'create', 'member')")
    problems = check_database(sqlite_database)
    assert problems == ["Row 1 of audit_entry points to a missing row of staff_account."]


def test_damaged_pages_are_reported(tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    path = tmp_path / "damaged.sqlite"
    database = open_database(str(path), create=True)
    ctx = Context(database, Actor.system("test"), clock=clock, hasher=hasher)
    with ctx.transaction() as tx:
        for index in range(300):
            accounts.create_staff(tx, f"s{index:03d}", f"S {index}", Role.DESK, "pass-word")
    database.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in range(pages - 6, pages):  # the last pages: table and index data, not page 1
        data[page * 4096 + 8:page * 4096 + 60] = b"\xa5" * 52
    path.write_bytes(bytes(data))
    damaged = open_database(str(path), migrate=False)
    try:
        problems = check_database(damaged)
    finally:
        damaged.close()
    assert problems and any("malformed" in p or "Integrity" in p for p in problems)
