"""Partners and the circle: local businesses and their benefits, members' offers and needs,
and the introductions the desk makes between them (DESIGN.md: Partner, Offer / Need,
Introduction).

Offers and needs share one table (``circle_item``, with ``side``): they are matched against
each other, carry the same fields and the same tags (the members' tag table, so "Tea", "tea"
and "ｔｅａ" are one tag here too).  An introduction joins a member to another member or to a
partner — exactly one of the two, never the member to themself.
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
    Numeric,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base
from desktop.models.members import Tag

PARTNER_CATEGORIES = ("restaurant", "farm_orchard", "tea", "fishing_gear", "lodging",
                      "reading_club", "other")
ITEM_STATUSES = ("open", "matched", "closed")
OUTCOMES = ("not_yet", "met", "working_together", "deal_done", "no_fit")
MEANS = ("in_person", "phone", "wechat", "email", "event", "other")


class Partner(Base):
    __tablename__ = "partner"
    __table_args__ = (
        CheckConstraint("agreement_ends IS NULL OR agreement_starts IS NULL "
                        "OR agreement_ends >= agreement_starts", name="agreement_order"),
        Index("ix_partner_sort_name", "sort_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    contact_person: Mapped[str | None] = mapped_column(String(120), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)  # E.164
    address: Mapped[str | None] = mapped_column(String(240), nullable=True)
    city: Mapped[str | None] = mapped_column(String(80), nullable=True)
    benefit: Mapped[str | None] = mapped_column(Text, nullable=True)
    agreement_starts: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    agreement_ends: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    tier: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Keys kept by the service, as for members: pinyin for sorting, one text for search.
    sort_name: Mapped[str] = mapped_column(String(240))
    search_text: Mapped[str] = mapped_column(Text)


class BenefitUse(Base):
    """A member used a partner's benefit (logged by the desk)."""

    __tablename__ = "benefit_use"
    __table_args__ = (
        CheckConstraint("value IS NULL OR value >= 0", name="value_not_negative"),
        Index("ix_benefit_use_partner_on", "partner_id", "used_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"),
                                           index=True)
    used_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Set when the agreement had ended on that day: recorded anyway, with the warning kept.
    warning_note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EventPartner(Base):
    """A partner sponsors or co-hosts an event occurrence."""

    __tablename__ = "event_partner"
    __table_args__ = (CheckConstraint("role IN ('sponsor', 'co_host')", name="role"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"),
                                          primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"),
                                            primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(10), primary_key=True)


circle_item_tag = Table(
    "circle_item_tag",
    Base.metadata,
    Column("item_id", ForeignKey("circle_item.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class CircleItem(Base):
    """What a member can provide (an offer) or is looking for (a need)."""

    __tablename__ = "circle_item"
    __table_args__ = (
        CheckConstraint("side IN ('offer', 'need')", name="side"),
        CheckConstraint("status IN ('open', 'matched', 'closed')", name="status"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="dates_order"),
        Index("ix_circle_item_side_status", "side", "status"),
        Index("ix_circle_item_member", "member_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    side: Mapped[str] = mapped_column(String(5))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="open")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    tags: Mapped[list[Tag]] = relationship(secondary=circle_item_tag, lazy="selectin",
                                           order_by=Tag.key)


class Introduction(Base):
    """The desk put a member in touch with another member or a partner, and follows it up."""

    __tablename__ = "introduction"
    __table_args__ = (
        CheckConstraint("(member_b_id IS NULL) <> (partner_id IS NULL)",
                        name="member_or_partner"),
        CheckConstraint("member_b_id IS NULL OR member_b_id <> member_a_id", name="not_self"),
        CheckConstraint("outcome IN ('not_yet', 'met', 'working_together', 'deal_done', "
                        "'no_fit')", name="outcome"),
        CheckConstraint("outcome_value IS NULL OR outcome_value >= 0",
                        name="value_not_negative"),
        Index("ix_introduction_member_a", "member_a_id"),
        Index("ix_introduction_member_b", "member_b_id"),
        Index("ix_introduction_outcome_on", "outcome", "introduced_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_a_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    member_b_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"),
                                                    nullable=True)
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), nullable=True, index=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("circle_item.id", ondelete="SET NULL"), nullable=True, index=True)
    means: Mapped[str] = mapped_column(String(12))
    introduced_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str] = mapped_column(String(20), default="not_yet")
    outcome_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome_value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    outcome_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
