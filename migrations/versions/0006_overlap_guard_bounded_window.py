"""overlap guard: a bounded window

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 04:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# 0005's SQLite triggers searched every booking of the space that ends after the new one
# starts: the space's whole future, so booking tomorrow in a space booked a year ahead read
# thousands of rows (4 ms of a 9 ms booking on the benchmark).  A booking never runs past
# midnight (rules.py), so one that overlaps the new booking ends less than a day after the new
# one ends: the search now stops two days after it, on the same (space_id, ends) index.  To
# keep the guard exact for code that skips the service too, the trigger also refuses an
# active booking of an exclusive space longer than a day (or with a time SQLite cannot read).
def _guard(index: str, bounded: bool) -> str:
    window = "\n          AND other.ends <= datetime(NEW.ends, '+2 days')" if bounded else ""
    length = """
    SELECT RAISE(ABORT, 'booking of an exclusive space longer than a day')
    WHERE NEW.exclusive AND NEW.status IN ('confirmed', 'checked_in')
      AND coalesce(julianday(NEW.ends) - julianday(NEW.starts) > 1, 1);""" if bounded else ""
    return f"""{length}
    SELECT RAISE(ABORT, 'booking overlaps another booking of an exclusive space')
    WHERE NEW.exclusive AND NEW.status IN ('confirmed', 'checked_in') AND EXISTS (
        SELECT 1 FROM booking AS other INDEXED BY {index}
        WHERE other.space_id = NEW.space_id AND other.id != NEW.id AND other.exclusive
          AND other.status IN ('confirmed', 'checked_in')
          AND other.ends > NEW.starts AND other.starts < NEW.ends{window}
    );
"""


def _triggers(bounded: bool) -> list[str]:
    body = _guard("ix_booking_space_ends", bounded)
    return [
        "DROP TRIGGER IF EXISTS booking_no_overlap_insert",
        "DROP TRIGGER IF EXISTS booking_no_overlap_update",
        f"CREATE TRIGGER booking_no_overlap_insert BEFORE INSERT ON booking BEGIN {body} END",
        "CREATE TRIGGER booking_no_overlap_update BEFORE UPDATE OF space_id, starts, ends,"
        f" status, exclusive ON booking BEGIN {body} END",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _triggers(bounded=True):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _triggers(bounded=False):  # 0005's triggers
            op.execute(statement)
