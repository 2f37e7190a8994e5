"""Events, their registrations, check-ins at the door, the door's attempt log, and visits.

An Event row is one occurrence: a recurring event (the weekly reading club) is a booking series
whose every occurrence has its own Event, so registrations, rosters and ``print roster --event``
work per date.  The event's space and time are its Booking's (the booking service keeps every
space rule for it); the booking points back with ``Booking.event_id``.

Two desks never count anyone twice: at most one active (not annulled) check-in per registration
and at most one active registration per person per event are unique indexes in the database, so
even code that skips the services cannot break them.  The attempt log is append-only: triggers
refuse to change or delete its rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base

REGISTRATION_STATUSES = ("registered", "waitlisted", "cancelled")
EVENT_STATUSES = ("scheduled", "cancelled")


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("fee >= 0", name="fee_not_negative"),
        CheckConstraint("status IN ('scheduled', 'cancelled')", name="status"),
        Index("ix_event_series", "series_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    host_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), nullable=True, index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    fee: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_series.id", ondelete="SET NULL"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Registration(Base):
    """A member (or a guest hosted by one) coming to an event with ``companions`` more people."""

    __tablename__ = "registration"
    __table_args__ = (
        CheckConstraint("companions >= 0", name="companions_not_negative"),
        CheckConstraint("status IN ('registered', 'waitlisted', 'cancelled')", name="status"),
        CheckConstraint("member_id IS NOT NULL OR (guest_name IS NOT NULL AND "
                        "host_member_id IS NOT NULL)", name="member_or_hosted_guest"),
        # One person at most once per event (cancelled ones do not count).
        Index("ux_registration_member", "event_id", "member_id", unique=True,
              sqlite_where=text("status != 'cancelled' AND member_id IS NOT NULL"),
              postgresql_where=text("status != 'cancelled' AND member_id IS NOT NULL")),
        Index("ux_registration_guest", "event_id", "guest_key", unique=True,
              sqlite_where=text("status != 'cancelled' AND guest_key IS NOT NULL"),
              postgresql_where=text("status != 'cancelled' AND guest_key IS NOT NULL")),
        Index("ix_registration_event_status", "event_id", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), nullable=True, index=True)
    guest_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    guest_phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # The guest's identity for "registered once": phone digits, or the folded name.
    guest_key: Mapped[str | None] = mapped_column(String(140), nullable=True)
    host_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), nullable=True)
    companions: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12))
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    warning_note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    promoted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)


class CheckIn(Base):
    """A registration checked in at the door (its companions with it); an undo annuls it."""

    __tablename__ = "check_in"
    __table_args__ = (
        Index("ux_check_in_active", "registration_id", unique=True,
              sqlite_where=text("annulled_at IS NULL"),
              postgresql_where=text("annulled_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64))
    annulled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    annulled_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class CheckInAttempt(Base):
    """Every scan or typed code at the door, failed ones with their outcome: append-only."""

    __tablename__ = "check_in_attempt"
    __table_args__ = (Index("ix_check_in_attempt_event_at", "event_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True)
    code: Mapped[str] = mapped_column(String(120))
    outcome: Mapped[str] = mapped_column(String(24))
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registration.id", ondelete="SET NULL"), nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64))


class Visit(Base):
    """A member came in: a scan or a name at the desk, a booking's arrival, an event check-in."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint("source IN ('desk', 'booking', 'event')", name="source"),
        Index("ix_visit_member_at", "member_id", "at"),
        Index("ix_visit_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking.id", ondelete="SET NULL"), nullable=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
