"""Backups: now, automatic and rotating, before an upgrade; restore only for a backup's owner.

Every test runs on SQLite and on PostgreSQL (the ``database`` fixture); a PostgreSQL backup is
a portable SQLite file, which restore accepts into SQLite and back into PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select
from sqlalchemy.engine import URL

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database, alembic_config, head_revision, open_database
from desktop.errors import DomainError, PermissionDenied, SignInFailed
from desktop.models import AuditEntry, Role
from desktop.paths import default_backup_dir
from desktop.safety.backup import (
    auto_backup,
    backup_before_upgrade,
    backup_now,
    inspect_backup,
    list_backups,
    restore_backup,
    write_backup,
)
from desktop.security import Hasher
from desktop.services import Actor, Context
from desktop.settings.store import all_settings, get_setting, update_settings
from tests.helpers.dump import dump, dump_file


def _venue(ctx: Context) -> None:
    update_settings(ctx, {"venue.name": "松山茶院", "venue.address": "杭州市西湖区松山路 88 号"})
    accounts.create_staff(ctx, "desk", "李小婉", Role.DESK, "desk-pass")


def _autos(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-auto*.sqlite"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- automatic backups ---------------------------------------------------------------------


def test_auto_backup_when_the_last_is_a_day_old(owner_ctx: Context, clock: FixedClock) -> None:
    folder = default_backup_dir()
    first = auto_backup(owner_ctx)
    assert first is not None and first.parent == folder
    assert first.name.endswith("-2026-11-26-0900-auto.sqlite")
    clock.advance(hours=23, minutes=59)
    assert auto_backup(owner_ctx) is None
    clock.advance(minutes=1)
    second = auto_backup(owner_ctx)
    assert second is not None and second.name.endswith("-2026-11-27-0900-auto.sqlite")
    assert _autos(folder) == [first, second]


def test_auto_backup_keeps_only_the_newest_and_never_touches_other_kinds(
        owner_ctx: Context, clock: FixedClock) -> None:
    update_settings(owner_ctx, {"backup.keep": 3})
    manual = backup_now(owner_ctx)
    made = []
    for _day in range(5):
        path = auto_backup(owner_ctx)
        assert path is not None
        made.append(path)
        clock.advance(days=1)
    assert _autos(default_backup_dir()) == made[-3:]
    assert manual.exists()
    kinds = [info.kind for info in list_backups(owner_ctx)]
    assert kinds == ["auto", "auto", "auto", "manual"]


def test_auto_backup_goes_to_the_folder_in_the_settings(owner_ctx: Context,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    update_settings(owner_ctx, {"backup.folder": str(folder)})
    path = auto_backup(owner_ctx)
    assert path is not None and path.parent == folder
    assert [info.path for info in list_backups(owner_ctx)] == [path]


def test_the_desk_opening_the_app_triggers_the_automatic_backup_but_not_a_manual_one(
        desk_ctx: Context) -> None:
    assert auto_backup(desk_ctx) is not None
    with pytest.raises(PermissionDenied):
        backup_now(desk_ctx)
    with pytest.raises(PermissionDenied):
        list_backups(desk_ctx)


# -- backups now ---------------------------------------------------------------------------


def test_backup_now_writes_a_complete_file_and_an_audit_entry(owner_ctx: Context,
                                                               tmp_path: Path) -> None:
    _venue(owner_ctx)
    path = backup_now(owner_ctx, tmp_path / "out.sqlite")
    assert path == (tmp_path / "out.sqlite").resolve()
    info = inspect_backup(path)
    assert info.revision == head_revision()
    assert info.size_bytes == path.stat().st_size
    header = path.read_bytes()[:20]
    assert header[18] == header[19] == 1  # rollback journal, not WAL: the file stands alone
    assert not Path(f"{path}-wal").exists()
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    assert dump_file(path)["setting"] == dump(owner_ctx.database)["setting"]
    with owner_ctx.database.transaction(write=False) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "backup")).one()
    assert entry.staff_username == "owner" and entry.note == str(path)


def test_backup_into_a_folder_is_named_by_kind_and_time(owner_ctx: Context,
                                                         tmp_path: Path) -> None:
    first = backup_now(owner_ctx, tmp_path)
    second = backup_now(owner_ctx, tmp_path)
    assert first.parent == second.parent == tmp_path
    assert first.name.endswith("-2026-11-26-0900-manual.sqlite")
    assert second.name.endswith("-2026-11-26-0900-manual-2.sqlite")


def test_a_backup_never_overwrites_the_live_database(sqlite_database: Database) -> None:
    from desktop.db import sqlite_file

    live = sqlite_file(sqlite_database.url)
    assert live is not None
    with pytest.raises(DomainError):
        write_backup(sqlite_database, live)


# -- restore -------------------------------------------------------------------------------


def test_backup_restores_into_sqlite_and_back_into_the_same_kind_of_database(
        owner_ctx: Context, tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    """On PostgreSQL: PostgreSQL -> portable SQLite file -> SQLite, and -> PostgreSQL again."""
    database = owner_ctx.database
    _venue(owner_ctx)
    backup = backup_now(owner_ctx, tmp_path / "backup.sqlite")
    saved = dump_file(backup)
    assert saved["staff_account"] and saved["setting"] and saved["audit_entry"]

    fresh = open_database(str(tmp_path / "fresh.sqlite"), create=True)
    try:
        restore_backup(fresh, backup, "owner", "owner-pass", clock=clock, hasher=hasher)
        assert dump(fresh, skip_audit_actions=("restore",)) == saved
    finally:
        fresh.close()

    update_settings(owner_ctx, {"venue.name": "Changed after the backup"})
    accounts.create_staff(owner_ctx, "later", "Later", Role.DESK, "later-pass")
    before = restore_backup(database, backup, "owner", "owner-pass", clock=clock, hasher=hasher)
    assert dump(database, skip_audit_actions=("restore",)) == saved
    assert get_setting(owner_ctx, "venue.name") == "松山茶院"
    # what restore replaced is kept, and the restore itself is in the audit log
    assert inspect_backup(before).kind == "pre-restore"
    assert "later" in {row[1] for row in dump_file(before)["staff_account"]}
    with database.transaction(write=False) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
    assert entry.staff_username == "owner" and entry.after is not None
    assert entry.after["pre_restore"] == str(before)
    # new rows get new ids after the restore (PostgreSQL's sequences follow the data)
    row = accounts.create_staff(owner_ctx, "after", "After", Role.DESK, "after-pass")
    assert row.id > max(r[0] for r in saved["staff_account"])


def test_restore_asks_the_backups_own_owner(owner_ctx: Context, tmp_path: Path,
                                            clock: FixedClock, hasher: Hasher) -> None:
    """The live database's password does not count: the backup's accounts decide."""
    database = owner_ctx.database
    _venue(owner_ctx)
    backup = backup_now(owner_ctx, tmp_path / "backup.sqlite")
    accounts.reset_password(owner_ctx, owner_ctx.actor.id or 0, "new-live-pass")
    with pytest.raises(SignInFailed):
        restore_backup(database, backup, "owner", "new-live-pass", clock=clock, hasher=hasher)
    restore_backup(database, backup, "owner", "owner-pass", clock=clock, hasher=hasher)


def test_restore_refuses_the_desk_and_wrong_passwords_and_changes_nothing(
        owner_ctx: Context, tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    database = owner_ctx.database
    _venue(owner_ctx)
    backup = backup_now(owner_ctx, tmp_path / "backup.sqlite")
    update_settings(owner_ctx, {"venue.name": "Live"})
    live = dump(database)
    digest = _digest(backup)
    with pytest.raises(PermissionDenied) as refused:
        restore_backup(database, backup, "desk", "desk-pass", clock=clock, hasher=hasher)
    assert refused.value.exit_code == 3
    with pytest.raises(SignInFailed):
        restore_backup(database, backup, "owner", "wrong-pass", clock=clock, hasher=hasher)
    assert dump(database) == live
    assert _digest(backup) == digest  # sign-in attempts happen on a scratch copy
    assert not any(info.kind == "pre-restore" for info in list_backups(owner_ctx))


# -- refusing files ------------------------------------------------------------------------


def _refusal(path: Path) -> str:
    from desktop.errors import DatabaseProblem

    with pytest.raises(DatabaseProblem) as refused:
        inspect_backup(path)
    assert refused.value.exit_code == 4
    return refused.value.render("en")


@pytest.fixture
def good_backup(owner_ctx: Context, tmp_path: Path) -> Path:
    _venue(owner_ctx)
    with owner_ctx.transaction() as tx:  # enough pages that damage in the middle hits a table
        for index in range(300):
            accounts.create_staff(tx, f"staff{index:03d}", f"Staff {index}", Role.DESK,
                                  "staff-pass")
    return backup_now(owner_ctx, tmp_path / "good.sqlite")


def test_inspect_refuses_files_that_are_not_clubhouse_backups(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("members: 张三, 李四\n", encoding="utf-8")
    assert "not an SQLite database" in _refusal(text)
    assert "no file" in _refusal(tmp_path / "missing.sqlite")
    assert "folder" in _refusal(tmp_path)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert "not an SQLite database" in _refusal(empty)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    assert "not a Clubhouse one" in _refusal(foreign)


def test_inspect_refuses_a_backup_from_a_newer_version(good_backup: Path) -> None:
    with sqlite3.connect(good_backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    assert "newer version" in _refusal(good_backup)


def test_inspect_refuses_a_truncated_backup(good_backup: Path) -> None:
    data = good_backup.read_bytes()
    good_backup.write_bytes(data[: len(data) // 2])
    assert "damaged" in _refusal(good_backup)


def test_inspect_refuses_a_corrupted_backup(good_backup: Path) -> None:
    data = bytearray(good_backup.read_bytes())
    assert len(data) > 8 * 4096
    for page in range(2, len(data) // 4096):  # every page but the first: garbage headers
        start = page * 4096
        data[start:start + 64] = b"\xa5" * 64
    good_backup.write_bytes(bytes(data))
    assert "damaged" in _refusal(good_backup)


def test_restore_refuses_a_junk_file_before_touching_anything(
        owner_ctx: Context, tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    from desktop.errors import DatabaseProblem

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    live = dump(owner_ctx.database)
    with pytest.raises(DatabaseProblem):
        restore_backup(owner_ctx.database, junk, "owner", "owner-pass", clock=clock,
                       hasher=hasher)
    assert dump(owner_ctx.database) == live
    assert list_backups(owner_ctx) == []


# -- before an upgrade ---------------------------------------------------------------------


def test_a_database_with_data_is_backed_up_before_it_is_upgraded(owner_ctx: Context) -> None:
    database = owner_ctx.database
    _venue(owner_ctx)
    head = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
    assert head is not None
    previous = head.down_revision
    if isinstance(previous, str):
        # More than one revision: step the database back and let open_database upgrade it.
        with database.engine.begin() as connection:
            command.downgrade(alembic_config(connection), previous)
        reopened = open_database(database.url)
        reopened.close()
        backups = [b for b in list_backups(owner_ctx) if b.kind == "pre-upgrade"]
        assert len(backups) == 1
        assert inspect_backup(backups[0].path).revision == previous
    else:
        # One revision only: what open_database calls, called directly.
        path = backup_before_upgrade(database)
        assert path is not None
        info = inspect_backup(path)
        assert info.kind == "pre-upgrade" and info.revision == head_revision()
        assert dump_file(path)["setting"] == dump(database)["setting"]
    assert [b.kind for b in list_backups(owner_ctx)] == ["pre-upgrade"]


def test_an_empty_database_needs_no_backup_before_an_upgrade(database: Database) -> None:
    assert backup_before_upgrade(database) is None
    assert not default_backup_dir().exists() or not any(default_backup_dir().iterdir())


def test_a_backup_lists_with_its_kind_time_and_size(owner_ctx: Context, clock: FixedClock,
                                                    tmp_path: Path) -> None:
    auto_backup(owner_ctx)
    clock.advance(hours=2)
    manual = backup_now(owner_ctx)
    (default_backup_dir() / "copied-by-hand.sqlite").write_bytes(manual.read_bytes())
    infos = list_backups(owner_ctx)
    by_name = {info.path.name: info for info in infos}
    assert by_name[manual.name].kind == "manual"
    assert by_name[manual.name].created == dt.datetime(2026, 11, 26, 11, 0)
    assert by_name[manual.name].size_bytes == manual.stat().st_size
    assert by_name["copied-by-hand.sqlite"].kind == "manual"
    autos = [info for info in infos if info.kind == "auto"]
    assert len(autos) == 1 and autos[0].created == dt.datetime(2026, 11, 26, 9, 0)
    assert all_settings(owner_ctx)["backup.folder"] == ""


@pytest.mark.postgres
def test_a_sqlite_backup_restored_into_a_new_postgresql_database_keeps_counting_ids(
        sqlite_database: Database, postgres_url: URL, tmp_path: Path, clock: FixedClock,
        hasher: Hasher) -> None:
    """Rows arrive with their ids; the server's sequences must move past them."""
    setup = Context(sqlite_database, Actor.system("test"), clock=clock, hasher=hasher)
    accounts.create_first_owner(setup, "owner", "Owner", "owner-pass")
    owner = setup.as_actor(accounts.sign_in(sqlite_database, "owner", "owner-pass",
                                            clock=clock, hasher=hasher))
    _venue(owner)
    backup = backup_now(owner, tmp_path / "from-sqlite.sqlite")
    server = open_database(postgres_url)
    try:
        restore_backup(server, backup, "owner", "owner-pass", clock=clock, hasher=hasher)
        assert dump(server, skip_audit_actions=("restore",)) == dump_file(backup)
        on_server = dataclasses.replace(owner, database=server)
        row = accounts.create_staff(on_server, "new", "New", Role.DESK, "new-pass")
        assert row.id == max(r[0] for r in dump_file(backup)["staff_account"]) + 1
    finally:
        server.close()


def test_a_backup_from_an_older_version_is_upgraded_as_it_is_restored(
        owner_ctx: Context, tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    database = owner_ctx.database
    _venue(owner_ctx)
    head = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
    assert head is not None and isinstance(head.down_revision, str)
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), head.down_revision)
    old = write_backup(database, tmp_path / "old.sqlite")
    assert inspect_backup(old).revision == head.down_revision
    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    update_settings(owner_ctx, {"venue.name": "After the old backup"})

    restore_backup(database, old, "owner", "owner-pass", clock=clock, hasher=hasher)
    assert database.current_revision() == head_revision()
    assert get_setting(owner_ctx, "venue.name") == "松山茶院"
    assert accounts.sign_in(database, "desk", "desk-pass", clock=clock, hasher=hasher)
    assert inspect_backup(old).revision == head.down_revision  # the file itself is untouched
