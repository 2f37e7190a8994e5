"""``clubhouse check``: is the database intact, are its links whole, is its schema current."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import SQLAlchemyError

from desktop.db import Database, head_revision
from desktop.i18n import Message, msg

MAX_REPORTED = 20


def _revision_problems(database: Database) -> list[Message]:
    current = database.current_revision()
    head = head_revision()
    if current is None:
        return [msg("The database has no schema revision: it is not a Clubhouse database.")]
    if current != head:
        return [msg("The schema is at revision {current}; this version of the app expects "
                    "{head}.", current=current, head=head)]
    return []


def _sqlite_problems(database: Database) -> list[Message]:
    problems: list[Message] = []
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
        found = [str(row[0]) for row in rows if row[0] != "ok"]
        problems += [msg("Integrity check: {detail}", detail=line) for line in found]
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        for table, rowid, parent, _fkid in broken[:MAX_REPORTED]:
            problems.append(msg("Row {rowid} of {table} points to a missing row of {parent}.",
                                rowid=rowid, table=table, parent=parent))
        if len(broken) > MAX_REPORTED:
            problems.append(msg("… and {n} more broken links.", n=len(broken) - MAX_REPORTED))
    return problems


def check_database(database: Database) -> list[str]:
    """Every problem found, as a person reads it; an empty list means the database is fine.

    SQLite: SQLite's own integrity check, every foreign key, and the schema revision.
    PostgreSQL (which guards its own pages and keys): that it answers, and the revision.
    """
    problems: list[Message] = []
    try:
        if database.is_sqlite:
            problems += _sqlite_problems(database)
        problems += _revision_problems(database)
    except (SQLAlchemyError, sqlite3.Error) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        problems.append(msg("The database cannot be read: {reason}", reason=reason))
    return [problem.render() for problem in problems]
