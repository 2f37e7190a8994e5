"""The circle: members' offers and needs, and the introductions the desk makes.

Staff enter an offer (what a member can provide) or a need (what they look for) from a
conversation; each carries tags from the members' tag table, so tags that differ only in case
or width are one tag.  An introduction puts a member in touch with another member or a partner
about an item, by some means, and is followed up with an outcome; one with no outcome 14 days
on is on the follow-up list.  Introducing an archived member or an inactive partner is
recorded with a warning (the desk may know better), never a member to themself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, msg
from desktop.members.service import resolve_tags
from desktop.models.circle import ITEM_STATUSES, MEANS, OUTCOMES, CircleItem, Introduction, Partner
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

SIDES = ("offer", "need")
FOLLOW_UP_DAYS = 14


@dataclass(frozen=True)
class ItemInput:
    side: str
    member_id: int
    title: str
    description: str | None = None
    tags: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class ItemView:
    id: int
    side: str
    member_id: int
    member_name: str
    title: str
    description: str | None
    tags: tuple[str, ...]
    status: str
    opened_on: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True)
class IntroductionInput:
    member_a_id: int
    means: str
    member_b_id: int | None = None
    partner_id: int | None = None
    item_id: int | None = None
    note: str | None = None
    introduced_on: dt.date | None = None


@dataclass(frozen=True)
class IntroductionView:
    id: int
    member_a_id: int
    member_a_name: str
    member_b_id: int | None
    member_b_name: str | None
    partner_id: int | None
    partner_name: str | None
    item_id: int | None
    means: str
    introduced_on: dt.date
    note: str | None
    outcome: str
    outcome_note: str | None
    outcome_value: Decimal | None
    outcome_on: dt.date | None

    @property
    def other(self) -> str:
        return self.member_b_name or self.partner_name or "—"


@dataclass(frozen=True)
class IntroductionResult:
    introduction: IntroductionView
    warnings: tuple[Message, ...]


# -- offers and needs ------------------------------------------------------------------------


def _member(tx: Tx, member_id: int, field_name: str = "member_id") -> Member:
    member = tx.session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise NotFound(msg("That member does not exist."), field=field_name)
    return member


def _item_view(item: CircleItem, member_name: str) -> ItemView:
    return ItemView(item.id, item.side, item.member_id, member_name, item.title,
                    item.description, tuple(t.name for t in item.tags), item.status,
                    item.opened_on, item.closed_on)


def _item(tx: Tx, item_id: int) -> CircleItem:
    item = tx.session.get(CircleItem, item_id)
    if item is None:
        raise NotFound(msg("That offer or need does not exist."), field="item_id")
    return item


def _checked_title(title: str) -> str:
    clean = " ".join((title or "").split())
    if not clean:
        raise DomainError(msg("Give it a title."), field="title")
    if len(clean) > 160:
        raise DomainError(msg("A title has at most 160 characters."), field="title")
    return clean


@service(Permission.USE_CIRCLE)
def create_item(tx: Tx, data: ItemInput) -> ItemView:
    if data.side not in SIDES:
        raise DomainError(msg("Choose offer or need."), field="side")
    member = _member(tx, data.member_id)
    item = CircleItem(side=data.side, member_id=member.id, title=_checked_title(data.title),
                      description=(data.description or "").strip() or None, status="open",
                      opened_on=tx.clock.now().date(), created_by=tx.actor.username,
                      created_at=tx.clock.now())
    item.tags = resolve_tags(tx, data.tags)
    tx.session.add(item)
    tx.session.flush()
    return _item_view(item, member.name)


@service(Permission.USE_CIRCLE)
def update_item(tx: Tx, item_id: int, title: str, description: str | None,
                tags: Sequence[str]) -> ItemView:
    item = _item(tx, item_id)
    item.title = _checked_title(title)
    item.description = (description or "").strip() or None
    item.tags = resolve_tags(tx, tags)
    tx.session.flush()
    return _item_view(item, _member(tx, item.member_id).name)


@service(Permission.USE_CIRCLE)
def set_item_status(tx: Tx, item_id: int, status: str) -> ItemView:
    """Open, matched or closed; leaving "open" dates it, reopening clears the date."""
    if status not in ITEM_STATUSES:
        raise DomainError(msg("Choose open, matched or closed."), field="status")
    item = _item(tx, item_id)
    item.status = status
    item.closed_on = None if status == "open" else (item.closed_on or tx.clock.now().date())
    tx.session.flush()
    return _item_view(item, _member(tx, item.member_id).name)


@service(Permission.USE_CIRCLE, write=False)
def list_items(tx: Tx, *, side: str | None = None, status: str | None = "open",
               member_id: int | None = None, include_archived: bool = False) -> list[ItemView]:
    """Offers and needs, newest first.  Those of archived or erased members are left out of
    the circle's lists (as matching leaves them out), unless asked for or one member's."""
    stmt = (select(CircleItem, Member.name).join(Member, Member.id == CircleItem.member_id)
            .order_by(CircleItem.opened_on.desc(), CircleItem.id.desc()))
    if member_id is None and not include_archived:
        stmt = stmt.where(Member.archived.is_(False), Member.erased_at.is_(None))
    if side is not None:
        stmt = stmt.where(CircleItem.side == side)
    if status is not None:
        stmt = stmt.where(CircleItem.status == status)
    if member_id is not None:
        stmt = stmt.where(CircleItem.member_id == member_id)
    return [_item_view(item, name) for item, name in tx.session.execute(stmt)]


# -- introductions ---------------------------------------------------------------------------

_B = aliased(Member)


_INTRODUCTIONS = (select(Introduction, Member.name, _B.name, Partner.name)
                  .join(Member, Member.id == Introduction.member_a_id)
                  .outerjoin(_B, _B.id == Introduction.member_b_id)
                  .outerjoin(Partner, Partner.id == Introduction.partner_id))


def _introduction_views(tx: Tx, stmt: Select[Introduction, str, str, str]
                        ) -> list[IntroductionView]:
    return [IntroductionView(
        intro.id, intro.member_a_id, a_name, intro.member_b_id, b_name, intro.partner_id,
        partner_name, intro.item_id, intro.means, intro.introduced_on, intro.note, intro.outcome,
        intro.outcome_note, intro.outcome_value, intro.outcome_on)
        for intro, a_name, b_name, partner_name in tx.session.execute(stmt)]


def _introduction_view(tx: Tx, introduction_id: int) -> IntroductionView:
    found = _introduction_views(tx, _INTRODUCTIONS.where(Introduction.id == introduction_id))
    if not found:
        raise NotFound(msg("That introduction does not exist."), field="introduction_id")
    return found[0]


@service(Permission.USE_CIRCLE)
def create_introduction(tx: Tx, data: IntroductionInput) -> IntroductionResult:
    if (data.member_b_id is None) == (data.partner_id is None):
        raise DomainError(msg("Introduce the member to one other member or one partner."),
                          field="member_b_id")
    if data.member_b_id is not None and data.member_b_id == data.member_a_id:
        raise DomainError(msg("A member cannot be introduced to themself."),
                          field="member_b_id")
    if data.means not in MEANS:
        raise DomainError(msg("Choose how they were put in touch."), field="means")
    warnings: list[Message] = []
    for member_id, field_name in ((data.member_a_id, "member_a_id"),
                                  (data.member_b_id, "member_b_id")):
        if member_id is None:
            continue
        member = _member(tx, member_id, field_name)
        if member.archived:
            warnings.append(msg("{name} is archived.", name=member.name))
    if data.partner_id is not None:
        partner = tx.session.get(Partner, data.partner_id)
        if partner is None:
            raise NotFound(msg("That partner does not exist."), field="partner_id")
        if not partner.active:
            warnings.append(msg("{partner} is no longer an active partner.",
                                partner=partner.name))
    if data.item_id is not None:
        _item(tx, data.item_id)
    intro = Introduction(
        member_a_id=data.member_a_id, member_b_id=data.member_b_id, partner_id=data.partner_id,
        item_id=data.item_id, means=data.means,
        introduced_on=data.introduced_on or tx.clock.now().date(),
        note=(data.note or "").strip() or None, outcome="not_yet",
        created_by=tx.actor.username, created_at=tx.clock.now())
    tx.session.add(intro)
    tx.session.flush()
    return IntroductionResult(_introduction_view(tx, intro.id), tuple(warnings))


@service(Permission.USE_CIRCLE)
def record_outcome(tx: Tx, introduction_id: int, outcome: str, note: str | None = None,
                   value: Decimal | str | None = None) -> IntroductionView:
    """What came of an introduction (met, working together, deal done, no fit), with an
    optional note and value."""
    intro = tx.session.get(Introduction, introduction_id)
    if intro is None:
        raise NotFound(msg("That introduction does not exist."), field="introduction_id")
    if outcome not in OUTCOMES:
        raise DomainError(msg("Choose an outcome."), field="outcome")
    amount: Decimal | None = None
    if value is not None and str(value).strip():
        try:
            amount = Decimal(str(value).strip()).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            raise DomainError(msg("The value must be an amount such as 80 or 80.50."),
                              field="value") from None
        if amount < 0:
            raise DomainError(msg("The value cannot be negative."), field="value")
    intro.outcome, intro.outcome_value = outcome, amount
    intro.outcome_note = (note or "").strip() or None
    intro.outcome_on = None if outcome == "not_yet" else tx.clock.now().date()
    tx.session.flush()
    return _introduction_view(tx, introduction_id)


@service(Permission.USE_CIRCLE, write=False)
def list_introductions(tx: Tx, *, member_id: int | None = None,
                       partner_id: int | None = None) -> list[IntroductionView]:
    """Introductions a member took part in (either side) or a partner's, newest first."""
    stmt = _INTRODUCTIONS.order_by(Introduction.introduced_on.desc(), Introduction.id.desc())
    if member_id is not None:
        stmt = stmt.where((Introduction.member_a_id == member_id)
                          | (Introduction.member_b_id == member_id))
    if partner_id is not None:
        stmt = stmt.where(Introduction.partner_id == partner_id)
    return _introduction_views(tx, stmt)


@service(Permission.USE_CIRCLE, write=False)
def follow_ups(tx: Tx, days: int = FOLLOW_UP_DAYS) -> list[IntroductionView]:
    """Introductions with no outcome ``days`` days after they were made, oldest first."""
    before = tx.clock.now().date() - dt.timedelta(days=days)
    return _introduction_views(tx, _INTRODUCTIONS.where(
        Introduction.outcome == "not_yet", Introduction.introduced_on <= before)
        .order_by(Introduction.introduced_on, Introduction.id))
