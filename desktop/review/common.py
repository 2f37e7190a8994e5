"""The shapes every review section shares: a number the owner can click (``Count``) and the
key to the list behind it (``Drill``), month and bucket series, and the small SQL helpers
that differ between SQLite and PostgreSQL (time of day, adding days to a date).

Every figure is made by aggregate SQL (GROUP BY, CASE buckets); Python only shapes the few
grouped rows, so the review opens in the same time on 500 members or 50,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, literal
from sqlalchemy.orm import Session

from desktop.i18n import Message

DrillValue = str | int


@dataclass(frozen=True)
class Drill:
    """How to get the list behind a number: ``drill_down(ctx, drill)`` returns its rows.

    ``kind`` names the list (see desktop/review/drill.py and /work/briefs/review-api.md);
    ``params`` are its arguments as sorted (name, value) pairs, values str (ISO dates,
    "YYYY-MM" months, statuses) or int (ids, days), so a drill is hashable and printable.
    """

    kind: str
    params: tuple[tuple[str, DrillValue], ...] = ()

    @classmethod
    def of(cls, kind: str, **params: DrillValue | dt.date | None) -> Drill:
        clean: dict[str, DrillValue] = {}
        for name, value in params.items():
            if value is None:
                continue
            clean[name] = value.isoformat() if isinstance(value, dt.date) else value
        return cls(kind, tuple(sorted(clean.items())))

    def arg(self, name: str, default: DrillValue | None = None) -> DrillValue | None:
        return dict(self.params).get(name, default)

    def day(self, name: str) -> dt.date:
        return dt.date.fromisoformat(str(self.arg(name)))

    def number(self, name: str) -> int:
        return int(self.arg(name) or 0)


@dataclass(frozen=True)
class Count:
    """A clickable number: its value and the drill that lists what it counts (None when the
    number is not a list of people, e.g. a total of hours)."""

    value: int
    drill: Drill | None = None


@dataclass(frozen=True)
class Bucket:
    """One bar or slice: a stable ``key`` (status value, plan id, tag id, outcome…), its
    ``label`` to show (a Message: rendered in the current language), and its count."""

    key: str
    label: Message
    count: Count


@dataclass(frozen=True)
class MonthCount:
    """One point of a 12-month line: ``month`` is the first day of the month."""

    month: dt.date
    count: Count


@dataclass(frozen=True)
class MonthAmount:
    """One point of a money line: the month's total and the number of items in it."""

    month: dt.date
    amount: Decimal
    count: Count


@dataclass(frozen=True)
class DrillRow:
    """One line of the list behind a number: the member (None for a guest), their name and
    phone, and one line of detail ("Gold · ends 2026-12-01 · last seen 2026-11-02")."""

    member_id: int | None
    name: str
    phone: str | None
    detail: str
    event_id: int | None = None


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when there was nothing to count (not 0 % and not 100 %)."""
    return part / whole if whole else None


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    return add_months(month, 1) - dt.timedelta(days=1)


def twelve_months(last_month: dt.date) -> tuple[dt.date, ...]:
    """The first days of the twelve months ending with ``last_month``'s month, oldest first."""
    end = month_start(last_month)
    return tuple(add_months(end, offset) for offset in range(-11, 1))


def month_key(month: dt.date) -> str:
    return f"{month:%Y-%m}"


def parse_month(value: str) -> dt.date:
    return dt.datetime.strptime(value, "%Y-%m").date()


def bucket_of(column: Any, edges: tuple[tuple[Any, Any], ...]) -> ColumnElement[Any]:
    """The index of the [first, last] range ``column`` falls in (NULL outside them all): a
    portable GROUP BY key for months and weeks, with no date functions."""
    return case(*[((column >= first) & (column <= last), literal(index))
                  for index, (first, last) in enumerate(edges)], else_=None)


def day_range(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The half-open wall-clock span [first 00:00, the day after last 00:00)."""
    return (dt.datetime.combine(first, dt.time()),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))


def dialect(session: Session) -> str:
    bind = session.get_bind()
    return bind.dialect.name


def minute_of_day(session: Session, column: Any) -> ColumnElement[int]:
    """Minutes since midnight of a stored wall-clock time (no zone is ever applied; SQLite
    keeps "YYYY-MM-DD HH:MM:SS", read by position, cheaper than strftime)."""
    if dialect(session) == "sqlite":
        return cast(func.substr(column, 12, 2), Integer) * 60 + cast(
            func.substr(column, 15, 2), Integer)
    return cast(func.extract("hour", column), Integer) * 60 + cast(
        func.extract("minute", column), Integer)


def weekday_of(session: Session, column: Any) -> ColumnElement[int]:
    """0 = Sunday … 6 = Saturday, on both databases (shift to Monday-first in Python)."""
    if dialect(session) == "sqlite":
        return cast(func.strftime("%w", column), Integer)
    return cast(func.extract("dow", column), Integer)


def days_since(session: Session, column: Any, origin: dt.date) -> ColumnElement[int]:
    """Whole days from ``origin`` to the calendar day of a stored wall-clock time on or after
    it (SQLite: the fractional day count truncated, which is the whole days for a time
    after midnight of ``origin``; no substr per row)."""
    if dialect(session) == "sqlite":
        return cast(func.julianday(column) - func.julianday(origin.isoformat()), Integer)
    from sqlalchemy import Date

    days: ColumnElement[Any] = cast(column, Date) - origin
    return cast(days, Integer)


def month_text(session: Session, column: Any) -> ColumnElement[str]:
    """"YYYY-MM" of a date or a stored wall-clock time, as a GROUP BY key."""
    if dialect(session) == "sqlite":
        return func.substr(column, 1, 7)
    return func.to_char(column, "YYYY-MM")


def unindexed(session: Session, column: Any) -> ColumnElement[Any]:
    """``column`` as an expression SQLite cannot answer from an index, so that its planner
    drives the query from the other tables: a range on booking.starts would otherwise make
    it walk 200,000 bookings to find the few hundred of fee events."""
    if dialect(session) == "sqlite":
        return func.coalesce(column, column)
    wrapped: ColumnElement[Any] = column
    return wrapped


def date_of(session: Session, column: Any) -> ColumnElement[Any]:
    """The calendar day of a stored wall-clock time, comparable with another one: SQLite
    keeps "YYYY-MM-DD HH:MM:SS", whose first ten characters are the day (cheaper than
    parsing it with ``date()``); ``date()`` on PostgreSQL."""
    if dialect(session) == "sqlite":
        return func.substr(column, 1, 10)
    return func.date(column)


def plus_days(session: Session, column: Any, days: int) -> ColumnElement[Any]:
    """A date column moved by ``days`` (SQLite stores dates as ISO text)."""
    if dialect(session) == "sqlite":
        return func.date(column, f"{days:+d} days")
    moved: ColumnElement[Any] = column + days
    return moved
