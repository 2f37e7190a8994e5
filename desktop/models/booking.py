"""Spaces, their opening hours and closures, bookings and recurring series.

Times are the venue's wall-clock times stored without a zone (DESIGN.md: as Indico does).
Overlap is half-open: [starts, ends).  Two guards keep exclusive spaces free of double
bookings even for code that skips the booking service: on PostgreSQL an exclusion constraint
over ``tsrange(starts, ends)``, on SQLite triggers (created by the migration) that abort an
overlapping insert or update.  ``Booking.exclusive`` copies the space's flag so that the
constraint's condition can see it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base

ACTIVE_STATUSES = ("confirmed", "checked_in")
SPACE_KINDS = ("tea_room", "fishing_pond", "library", "meeting_room", "orchard", "board_games",
               "dining", "other")


class Space(Base):
    __tablename__ = "space"
    __table_args__ = (
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("slot_minutes > 0", name="slot_positive"),
        CheckConstraint("min_minutes > 0 AND max_minutes >= min_minutes", name="durations"),
        CheckConstraint("buffer_minutes >= 0", name="buffer_not_negative"),
        CheckConstraint("advance_days >= 0", name="advance_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    colour: Mapped[str] = mapped_column(String(9))
    capacity: Mapped[int] = mapped_column(Integer)
    exclusive: Mapped[bool] = mapped_column(Boolean)
    slot_minutes: Mapped[int] = mapped_column(Integer, default=30)
    min_minutes: Mapped[int] = mapped_column(Integer, default=30)
    max_minutes: Mapped[int] = mapped_column(Integer, default=240)
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=0)
    advance_days: Mapped[int] = mapped_column(Integer, default=60)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    hours: Mapped[list[SpaceHours]] = relationship(
        back_populates="space", cascade="all, delete-orphan", lazy="selectin",
        order_by="(SpaceHours.weekday, SpaceHours.opens)",
    )


class SpaceHours(Base):
    """One opening range of a space on a weekday (0 = Monday); several ranges may share a day."""

    __tablename__ = "space_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("closes > opens", name="closes_after_opens"),
    )

    space_id: Mapped[int] = mapped_column(ForeignKey("space.id", ondelete="CASCADE"),
                                          primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    opens: Mapped[dt.time] = mapped_column(Time, primary_key=True)
    closes: Mapped[dt.time] = mapped_column(Time)

    space: Mapped[Space] = relationship(back_populates="hours")


class Closure(Base):
    """A period a space (or, with no space, the whole venue) cannot be booked."""

    __tablename__ = "closure"
    __table_args__ = (
        CheckConstraint("ends > starts", name="ends_after_starts"),
        Index("ix_closure_space_starts", "space_id", "starts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    space_id: Mapped[int | None] = mapped_column(ForeignKey("space.id", ondelete="CASCADE"),
                                                 nullable=True)
    starts: Mapped[dt.datetime] = mapped_column(DateTime)
    ends: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BookingSeries(Base):
    """A recurring booking: an RFC 5545 RRULE from ``first_start``; each occurrence is a Booking
    row with its own status, so one date can be moved or cancelled without touching the rest."""

    __tablename__ = "booking_series"
    __table_args__ = (CheckConstraint("duration_minutes > 0", name="duration_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    space_id: Mapped[int] = mapped_column(ForeignKey("space.id", ondelete="RESTRICT"), index=True)
    rrule: Mapped[str] = mapped_column(String(400))
    first_start: Mapped[dt.datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"),
                                                  nullable=True, index=True)
    guest_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    party_size: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Booking(Base):
    __tablename__ = "booking"
    __table_args__ = (
        CheckConstraint("ends > starts", name="ends_after_starts"),
        CheckConstraint("party_size > 0", name="party_positive"),
        CheckConstraint(
            "status IN ('confirmed', 'checked_in', 'cancelled', 'no_show')", name="status"
        ),
        Index("ix_booking_space_starts", "space_id", "starts"),
        # The SQLite overlap triggers search this one (bookings ending after the new start:
        # the future, not the whole history of the space).
        Index("ix_booking_space_ends", "space_id", "ends"),
        Index("ix_booking_member_starts", "member_id", "starts"),
        Index("ix_booking_starts", "starts"),
        ExcludeConstraint(
            ("space_id", "="),
            (func.tsrange(text("starts"), text("ends"), text("'[)'")), "&&"),
            name="ex_booking_no_overlap",
            using="gist",
            where=text("exclusive AND status IN ('confirmed', 'checked_in')"),
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    space_id: Mapped[int] = mapped_column(ForeignKey("space.id", ondelete="RESTRICT"))
    exclusive: Mapped[bool] = mapped_column(Boolean)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"),
                                                  nullable=True)
    guest_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    starts: Mapped[dt.datetime] = mapped_column(DateTime)
    ends: Mapped[dt.datetime] = mapped_column(DateTime)
    party_size: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="confirmed")
    cancel_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    override_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_series.id", ondelete="CASCADE"), nullable=True, index=True
    )
    # For an occurrence: the start the series' rule gave it (RFC 5545 RECURRENCE-ID), kept when
    # the occurrence is moved, so "this and following" and exceptions know which date it is.
    occurrence_start: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    # A booking for an event (DESIGN: who a booking is for) skips the member rules and the
    # advance window and keeps every space rule; the event is its own record (models/event.py).
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True, index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    space: Mapped[Space] = relationship(lazy="joined")
