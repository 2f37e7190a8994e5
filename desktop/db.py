"""Engine and sessions: SQLite by default, PostgreSQL for several desks; migrations on open.

SQLite is set up as FIELD-NOTES.md measured: WAL, foreign keys, synchronous FULL, a busy
timeout, and the driver's own transaction handling turned off so that a write transaction
starts with ``BEGIN IMMEDIATE``.  A check-then-write therefore holds the write lock from its
first read; a second desk waits on the busy timeout instead of double booking.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import desktop.audit.recorder  # noqa: F401  (every session writes its audit entries)
from desktop.errors import DatabaseProblem
from desktop.i18n import msg
from desktop.paths import default_database_path, migrations_path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
READONLY_OPTION = "clubhouse_readonly"
SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_url(value: str | None = None) -> URL:
    """A database URL from ``--db`` (a path or a URL), the environment, the connection saved
    in Settings → Database (desktop.connection), or the default file, in that order."""
    raw = value or os.environ.get("CLUBHOUSE_DATABASE_URL")
    if not raw:
        from desktop.connection import saved_url

        saved = saved_url()
        if saved is not None:
            return saved
        raw = str(default_database_path())
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    url = make_url(raw)
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe_url(url: URL) -> str:
    """The database as a person reads it in the status bar: a file path or user@host/db."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True).split("://", 1)[1]


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        readonly = connection.get_execution_options().get(READONLY_OPTION, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def create_db_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    config.attributes["connection"] = connection
    return config


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """One transaction for Alembic; on SQLite with foreign-key enforcement off until it ends.

    Batch mode changes a SQLite table by copying it and dropping the old one; with foreign
    keys on, that drop deletes (ON DELETE CASCADE) or nulls the rows that refer to it, so a
    migration would lose data silently (tests/db/test_migrations.py shows it).  Instead the
    references are checked once at the end and the whole migration rolls back if any dangles.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:  # a PRAGMA inside a transaction is ignored: set it before BEGIN
            connection.connection.driver_connection.execute(  # type: ignore[union-attr]
                "PRAGMA foreign_keys = OFF"
            )
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if dangling:
                        raise DatabaseProblem(msg(
                            "Cannot open the database {path}: {reason}",
                            path=describe_url(engine.url),
                            reason=f"the upgrade left references to missing rows: {dangling[:5]}",
                        ))
        finally:
            if sqlite:
                try:
                    connection.connection.driver_connection.execute(  # type: ignore[union-attr]
                        "PRAGMA foreign_keys = ON"
                    )
                except Exception:  # never hand a connection without foreign keys to the pool
                    connection.invalidate()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """One open database: its engine, its sessions, and how to close it cleanly."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readonly_sessions = sessionmaker(
            engine.execution_options(**{READONLY_OPTION: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def description(self) -> str:
        return describe_url(self.url)

    def session(self, *, write: bool = True) -> Session:
        """A new session; on SQLite a writing one takes the write lock when it begins."""
        return (self._sessions if write else self._readonly_sessions)()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self.session(write=write) as session, session.begin():
            yield session

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            connection = connection.execution_options(**{READONLY_OPTION: True})
            return MigrationContext.configure(connection).get_current_revision()

    def needs_migration(self) -> bool:
        return self.current_revision() != head_revision()

    def is_empty(self) -> bool:
        return not inspect(self.engine).get_table_names()

    def migrate(self) -> None:
        """Bring the schema to the newest revision (the caller backs up first if it matters)."""
        with migration_connection(self.engine) as connection:
            command.upgrade(alembic_config(connection), "head")

    def close(self) -> None:
        """Dispose the pool; on SQLite checkpoint the WAL so the file alone is complete."""
        if self.is_sqlite:
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            except sqlite3.OperationalError as error:  # another process is busy: it checkpoints
                log.warning("WAL checkpoint skipped: %s", error)
            finally:
                raw.close()
        self.engine.dispose()


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DatabaseProblem(msg("There is no database at {path}.", path=str(path)))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != SQLITE_MAGIC:
        raise DatabaseProblem(msg("{path} is not a Clubhouse database.", path=str(path)))


def open_database(
    url: URL | str | None = None,
    *,
    create: bool = False,
    migrate: bool = True,
    backup_before_migrate: bool = True,
) -> Database:
    """Open (and if asked create) a database and bring its schema up to date.

    A database that has tables but no Alembic revision is someone else's: refused.  Before
    migrating a database that holds data, a backup is taken so an upgrade is never a gamble.
    """
    resolved = url if isinstance(url, URL) else resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None:
        _check_sqlite_file(path, create=create)
    database = Database(resolved, create_db_engine(resolved))
    try:
        revision = database.current_revision()
        if revision is None and not database.is_empty():
            raise DatabaseProblem(
                msg("{path} is not a Clubhouse database.", path=database.description)
            )
        if migrate and revision != head_revision():
            if revision is not None and backup_before_migrate:
                from desktop.safety.backup import backup_before_upgrade

                backup_before_upgrade(database)
            database.migrate()
    except DatabaseProblem:
        database.engine.dispose()
        raise
    except (DBAPIError, sqlite3.DatabaseError) as error:
        database.engine.dispose()
        raise DatabaseProblem(
            msg("Cannot open the database {path}: {reason}", path=database.description,
                reason=str(getattr(error, "orig", error)).strip())
        ) from error
    return database
