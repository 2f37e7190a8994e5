"""Rules the database itself keeps, beside the services: the append-only tables.

The door's attempt log may never be changed or trimmed (issue 5): triggers on both databases
refuse UPDATE and DELETE on it (created by migration 0007, which keeps its own frozen copy of
this DDL).  Replacing the whole database — restoring a backup, ``demo --replace`` — is the one
place that empties it: ``lifted_for_wipe`` removes the guard inside that transaction and puts
it back before commit, so no other transaction ever sees the table unguarded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

APPEND_ONLY_TABLES = ("check_in_attempt",)


def _sqlite_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN "
        f"SELECT RAISE(ABORT, '{table} is append-only'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN "
        f"SELECT RAISE(ABORT, '{table} is append-only'); END",
    ]


@contextmanager
def lifted_for_wipe(connection: Connection) -> Iterator[None]:
    """Let the caller empty the append-only tables in this transaction; the guards are back
    when the block ends (the caller commits or rolls back the whole)."""
    sqlite = connection.dialect.name == "sqlite"
    present = [table for table in APPEND_ONLY_TABLES if connection.dialect.has_table(
        connection, table)]
    for table in present:
        if sqlite:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_update"))
            connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_delete"))
        else:
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_change"))
    try:
        yield
    finally:
        for table in present:
            if sqlite:
                for statement in _sqlite_triggers(table):
                    connection.execute(text(statement))
            else:
                connection.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_change"))
