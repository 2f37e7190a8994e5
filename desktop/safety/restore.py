"""Restore: put a backup's data back, only for an owner of that backup, never blindly.

The backup is checked before anything is touched.  Who may restore is decided by the backup's
own accounts (the live database may be the one whose owner is lost); the credentials are tried
on a scratch copy, so a failed attempt changes neither file.  The current data is backed up
("pre-restore") before it is replaced, and the replacement is one step: SQLite's backup API
into the live file, or one PostgreSQL transaction.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from sqlalchemy import Connection, create_engine, func, select, text
from sqlalchemy.engine import URL

from desktop.accounts.service import sign_in
from desktop.audit.recorder import record
from desktop.clock import Clock
from desktop.db import Database, head_revision, open_database, sqlite_file
from desktop.errors import PermissionDenied
from desktop.i18n import msg
from desktop.models.accounts import Role
from desktop.safety.files import (
    backup_folder,
    copy_sqlite,
    database_prefix,
    inspect_backup,
    open_readonly,
    unique_destination,
    write_backup,
)
from desktop.safety.transfer import TablePair, copy_tables, delete_all, pair_tables
from desktop.security import Hasher
from desktop.services import Actor, unauthenticated

log = logging.getLogger(__name__)


def _check_owner(work: Path, scratch: Path, username: str, password: str, *, clock: Clock,
                 hasher: Hasher) -> Actor:
    """Sign in against the backup's accounts, on a copy that is thrown away afterwards."""
    copy_sqlite(work, scratch)
    database = open_database(str(scratch), migrate=False)
    try:
        actor = sign_in(database, username, password, clock=clock, hasher=hasher)
    finally:
        database.close()
    if actor.role != Role.OWNER:
        raise PermissionDenied(
            msg("Only an owner account of the backup may restore it; {name} is not one.",
                name=actor.username)
        )
    return actor


def _replace_sqlite(database: Database, work: Path) -> None:
    live = sqlite_file(database.url)
    assert live is not None
    database.engine.dispose()  # pooled connections re-read the schema after the swap anyway
    raw = database.engine.raw_connection()
    try:
        copy_into = raw.driver_connection
        with open_readonly(work) as source:
            source.backup(copy_into)  # type: ignore[arg-type]
    finally:
        raw.close()


def _reset_sequences(connection: Connection, pairs: list[TablePair]) -> None:
    """After rows arrive with their ids, new rows must not reuse them (PostgreSQL sequences)."""
    for pair in pairs:
        keys = list(pair.target.primary_key.columns)
        if len(keys) != 1 or keys[0].type.python_type is not int:
            continue
        sequence = connection.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": pair.target.name, "column": keys[0].name},
        )
        if sequence is None:
            continue
        highest = connection.scalar(select(func.max(keys[0])))
        connection.execute(text("SELECT setval(:sequence, :value, :called)"),
                           {"sequence": sequence, "value": highest or 1,
                            "called": highest is not None})


def _replace_postgres(database: Database, work: Path) -> None:
    engine = create_engine(URL.create("sqlite", database=str(work)))
    try:
        with engine.connect() as source, database.engine.begin() as target:
            pairs = pair_tables(source, target, use_models=True)
            names = ", ".join(f'"{pair.target.name}"' for pair in pairs)
            target.exec_driver_sql(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE")
            delete_all(target, [pair.target for pair in pairs])
            copy_tables(source, target, pairs)
            _reset_sequences(target, pairs)
    finally:
        engine.dispose()


@unauthenticated
def restore_backup(database: Database, source: Path, username: str, password: str, *,
                   clock: Clock, hasher: Hasher) -> Path:
    """Replace ``database``'s data with the backup's; returns the pre-restore backup.

    Refused with DatabaseProblem for a file that is not a readable Clubhouse backup,
    SignInFailed for wrong credentials, PermissionDenied for an account that is not an owner
    in the backup.  A backup from an older version is brought up to date on a copy first.
    """
    source = Path(source).expanduser()
    info = inspect_backup(source)
    with tempfile.TemporaryDirectory(prefix="clubhouse-restore-") as folder:
        work = Path(folder) / "work.sqlite"
        with open_readonly(source) as connection:
            copy_sqlite(connection, work)
        if info.revision != head_revision():
            upgraded = open_database(str(work), backup_before_migrate=False)
            upgraded.close()
        actor = _check_owner(work, Path(folder) / "sign-in.sqlite", username, password,
                             clock=clock, hasher=hasher)
        before = write_backup(database, unique_destination(
            backup_folder(database), database_prefix(database), "pre-restore", clock.now()))
        if database.is_sqlite:
            _replace_sqlite(database, work)
        else:
            _replace_postgres(database, work)
    with database.transaction() as session:
        session.info["actor"] = actor
        session.info["clock"] = clock
        record(session, "restore", "database", None, note=str(source),
               source=str(source), pre_restore=str(before))
    log.info("restored %s from %s (previous data in %s)", database.description, source, before)
    return before
