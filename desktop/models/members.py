"""Members, their tags, plans, membership periods and payments.

A member's status is never stored: it is derived from the periods (and a suspension) by
desktop.members.status.  What is stored besides the person's own fields are search and sort
keys (pinyin, initials, phone digits) that the services keep in step, so that the database,
not Python, searches and sorts 50,000 members.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base

member_tag = Table(
    "member_tag",
    Base.metadata,
    Column("member_id", ForeignKey("member.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    # NFKC + casefold of the name: "Tea", "tea" and "ｔｅａ" are one tag.
    key: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str | None] = mapped_column(String(20), nullable=True)


class Member(Base):
    __tablename__ = "member"
    __table_args__ = (
        Index("ix_member_sort_name", "sort_name"),
        Index("ix_member_phone", "phone"),
        Index("ix_member_archived_sort", "archived", "sort_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    wechat: Mapped[str | None] = mapped_column(String(64), nullable=True)
    company: Mapped[str | None] = mapped_column(String(160), nullable=True)
    title: Mapped[str | None] = mapped_column(String(120), nullable=True)
    city: Mapped[str | None] = mapped_column(String(80), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    joined_on: Mapped[dt.date] = mapped_column(Date)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    suspended_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    suspended_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    suspension_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Keys kept by the service: pinyin for sorting Chinese names, one lowercase text for search.
    sort_name: Mapped[str] = mapped_column(String(240))
    search_text: Mapped[str] = mapped_column(Text)

    tags: Mapped[list[Tag]] = relationship(secondary=member_tag, lazy="selectin",
                                           order_by=Tag.key)
    periods: Mapped[list[MembershipPeriod]] = relationship(
        back_populates="member", order_by="MembershipPeriod.starts_on", lazy="selectin",
        cascade="all, delete-orphan",
    )


class Plan(Base):
    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("duration_months > 0", name="duration_positive"),
                      CheckConstraint("fee >= 0", name="fee_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    fee: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    duration_months: Mapped[int] = mapped_column(Integer)
    benefits: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class MembershipPeriod(Base):
    """A span of paid membership; ``ends_on`` is the last day it covers."""

    __tablename__ = "membership_period"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        Index("ix_membership_period_member_ends", "member_id", "ends_on"),
        # "whose membership ends within 30/60 days": the review's call list reads by end date.
        Index("ix_membership_period_ends_on", "ends_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="RESTRICT"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    member: Mapped[Member] = relationship(back_populates="periods")
    plan: Mapped[Plan] = relationship(lazy="joined")
    payments: Mapped[list[Payment]] = relationship(
        back_populates="period", lazy="selectin", order_by="Payment.paid_on",
        cascade="all, delete-orphan",
    )


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint(
            "method IN ('cash', 'wechat', 'alipay', 'card', 'transfer', 'other')", name="method"
        ),
        Index("ix_payment_paid_on", "paid_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_id: Mapped[int] = mapped_column(
        ForeignKey("membership_period.id", ondelete="CASCADE"), index=True
    )
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    paid_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    receipt_no: Mapped[str | None] = mapped_column(String(64), nullable=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    period: Mapped[MembershipPeriod] = relationship(back_populates="payments")
