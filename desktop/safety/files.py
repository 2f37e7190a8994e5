"""Backup files: how they are named, written, found and checked.

A backup is always one self-contained SQLite file (journal mode DELETE, no -wal beside it),
whatever the live database is: SQLite is copied with SQLite's online backup API (a consistent
snapshot while the desks keep working), PostgreSQL is copied row by row into a new SQLite file
built by the same migrations.  The file name says which database, when and why:
``clubhouse-2026-11-26-0900-auto.sqlite``.  Files are written under a temporary name and
renamed when complete, so a crash never leaves a half backup that looks whole.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, func, inspect, select, table
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from desktop.db import (
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    Database,
    alembic_config,
    head_revision,
    sqlite_file,
)
from desktop.errors import DatabaseProblem, DomainError
from desktop.i18n import msg
from desktop.models.settings import Setting
from desktop.paths import default_backup_dir
from desktop.safety.transfer import ALEMBIC_TABLE, copy_tables, pair_tables
from desktop.settings.registry import BACKUP_DIR, BACKUP_KEEP

KINDS = ("auto", "manual", "pre-upgrade", "pre-restore")
SUFFIX = ".sqlite"
STAMP = "%Y-%m-%d-%H%M"
NAME_PATTERN = re.compile(
    r"^(?P<prefix>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{4})-(?P<kind>auto|manual|pre-upgrade|pre-restore)"
    r"(?:-(?P<n>\d+))?\.sqlite$"
)
# Tables every Clubhouse database has had since the first revision.
CLUBHOUSE_TABLES = frozenset({"staff_account", "setting", "audit_entry"})


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the Settings view and ``list_backups`` show it."""

    path: Path
    created: dt.datetime
    size_bytes: int
    kind: str  # one of KINDS
    revision: str | None = None
    database: str = ""  # the name prefix: which database it is a backup of


# -- names ---------------------------------------------------------------------------------


def database_prefix(database: Database) -> str:
    """The first part of a backup's name: the database file's name, or the server database's."""
    path = sqlite_file(database.url)
    raw = path.stem if path is not None else (database.url.database or "clubhouse")
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "_", raw).strip("._-")
    return cleaned or "clubhouse"


def backup_name(prefix: str, kind: str, when: dt.datetime, n: int = 1) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    counter = f"-{n}" if n > 1 else ""
    return f"{prefix}-{when.strftime(STAMP)}-{kind}{counter}{SUFFIX}"


def unique_destination(folder: Path, prefix: str, kind: str, when: dt.datetime) -> Path:
    """A new file name in ``folder``: two backups in the same minute get ``-2``, ``-3``."""
    n = 1
    while (candidate := folder / backup_name(prefix, kind, when, n)).exists():
        n += 1
    return candidate


def parse_name(path: Path) -> tuple[str, dt.datetime, str] | None:
    """(database prefix, time, kind) from a backup's file name, or None for any other name."""
    match = NAME_PATTERN.match(path.name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    return match["prefix"], when, match["kind"]


def describe_file(path: Path, revision: str | None = None) -> BackupInfo:
    """What the name (or, for a file named otherwise, the file system) says about a backup."""
    stat = path.stat()
    parsed = parse_name(path)
    if parsed is None:
        return BackupInfo(path, dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
                          stat.st_size, "manual", revision, "")
    prefix, when, kind = parsed
    return BackupInfo(path, when, stat.st_size, kind, revision, prefix)


def scan_folder(folder: Path) -> list[BackupInfo]:
    """Every backup file in ``folder``, newest first (names are read, contents are not)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.startswith(".") or not path.is_file():
            continue
        with suppress(OSError):
            found.append(describe_file(path))
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


# -- where backups go ----------------------------------------------------------------------


def read_setting(database: Database, name: str, default: Any) -> Any:
    """A setting straight from the table, for work that runs before anyone signs in."""
    try:
        with database.engine.connect() as connection:
            value = connection.scalar(select(Setting.value).where(Setting.name == name))
    except SQLAlchemyError:
        return default
    return default if value is None else value


def folder_from_setting(value: Any) -> Path:
    text_value = str(value or "").strip()
    return Path(text_value).expanduser() if text_value else default_backup_dir()


def backup_folder(database: Database) -> Path:
    return folder_from_setting(read_setting(database, BACKUP_DIR.name, BACKUP_DIR.default))


def backup_keep(database: Database) -> int:
    try:
        return max(1, int(read_setting(database, BACKUP_KEEP.name, BACKUP_KEEP.default)))
    except (TypeError, ValueError):
        return int(BACKUP_KEEP.default)


# -- writing -------------------------------------------------------------------------------


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def copy_sqlite(source: Path | sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of an SQLite database (its WAL included) as one plain file."""
    if not isinstance(source, sqlite3.Connection):
        with closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as connection:
            copy_sqlite(connection, destination)
        return
    with closing(sqlite3.connect(destination)) as target:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()


def _export_postgres(database: Database, destination: Path) -> None:
    """A PostgreSQL database as a new SQLite file at the same revision, read in one snapshot."""
    revision = database.current_revision()
    if revision is None:
        raise DatabaseProblem(msg("{path} is not a Clubhouse database.", path=database.description))
    engine = create_engine(URL.create("sqlite", database=str(destination)))
    try:
        with engine.begin() as target:
            command.upgrade(alembic_config(target), revision)
        source_engine = database.engine.execution_options(isolation_level="REPEATABLE READ")
        with source_engine.connect() as source, source.begin(), engine.begin() as target:
            pairs = pair_tables(source, target, use_models=revision == head_revision())
            copy_tables(source, target, pairs)
        with engine.begin() as target:
            target.exec_driver_sql("PRAGMA journal_mode = DELETE")
    finally:
        engine.dispose()


def write_backup(database: Database, destination: Path) -> Path:
    """Write a complete backup of ``database`` to ``destination`` (a file path) and return it.

    SQLite: the online backup API from the live file.  PostgreSQL: a portable SQLite file with
    the same rows and revision, which ``restore_backup`` accepts.  The file appears under its
    name only when it is complete.
    """
    destination = Path(destination).expanduser().resolve()
    live = sqlite_file(database.url)
    if live is not None and _same_file(live, destination):
        raise DomainError(msg("A backup cannot be written over the database itself."),
                          field="destination")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DomainError(msg("Cannot write a backup to {path}: {reason}",
                              path=str(destination.parent), reason=error.strerror or str(error)),
                          field="destination") from error
    partial = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    try:
        if live is not None:
            copy_sqlite(live, partial)
        else:
            _export_postgres(database, partial)
        _fsync_file(partial)
        os.replace(partial, destination)
        _fsync_folder(destination.parent)
    except OSError as error:
        raise DomainError(msg("Cannot write a backup to {path}: {reason}",
                              path=str(destination), reason=error.strerror or str(error)),
                          field="destination") from error
    finally:
        partial.unlink(missing_ok=True)
    return destination


def has_rows(database: Database) -> bool:
    """Whether any table (other than Alembic's) holds a row: an empty one needs no backup."""
    with database.engine.connect() as connection:
        for name in inspect(connection).get_table_names():
            if name == ALEMBIC_TABLE:
                continue
            if connection.scalar(select(func.count()).select_from(table(name))):
                return True
    return False


# -- checking a file -----------------------------------------------------------------------


@contextmanager
def open_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """An SQLite file opened so that nothing can change it."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        yield connection
    finally:
        connection.close()


def _known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except (CommandError, KeyError, ValueError):
        return False


def inspect_backup(path: Path) -> BackupInfo:
    """The backup's description, or DatabaseProblem saying why it cannot be restored.

    Checked in the order a person would ask: is there a file, is it an SQLite database, is it
    intact, is it a Clubhouse database, and can this version of the app read it.
    """
    path = Path(path).expanduser()
    shown = str(path)
    if not path.exists():
        raise DatabaseProblem(msg("There is no file at {path}.", path=shown))
    if not path.is_file():
        raise DatabaseProblem(msg("{path} is a folder, not a backup file.", path=shown))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseProblem(msg("Cannot read {path}: {reason}", path=shown,
                                  reason=error.strerror or str(error))) from error
    if header != SQLITE_MAGIC:
        raise DatabaseProblem(
            msg("{path} is not a Clubhouse backup: it is not an SQLite database.", path=shown)
        )
    try:
        with open_readonly(path) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise DatabaseProblem(msg("{path} is damaged: {detail}", path=shown,
                                          detail="; ".join(str(p) for p in problems[:3])))
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if ALEMBIC_TABLE in tables:
                row = connection.execute(f"SELECT version_num FROM {ALEMBIC_TABLE}").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(msg("{path} is damaged: {detail}", path=shown,
                                  detail=str(error))) from error
    if revision is None or not CLUBHOUSE_TABLES.issubset(tables):
        raise DatabaseProblem(
            msg("{path} is an SQLite database but not a Clubhouse one.", path=shown)
        )
    if not _known_revision(revision):
        raise DatabaseProblem(
            msg("{path} was made by a newer version of Clubhouse (schema {revision}); "
                "update the app first.", path=shown, revision=revision)
        )
    return describe_file(path, revision)
