"""The members directory: find, create, edit, archive, suspend; tags and referrals.

Every write recomputes the member's stored search and sort keys here, so the database can
search and sort without Python touching every row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, and_, asc, desc, exists, func, select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from desktop.errors import DomainError, NotFound
from desktop.i18n import msg
from desktop.members import keys
from desktop.members.status import (
    EXPIRING_DAYS,
    GRACE_DAYS,
    NEW_DAYS,
    PeriodSpan,
    Status,
    StatusRules,
    member_status,
    status_condition,
)
from desktop.models.members import Member, MembershipPeriod, Plan, Tag, member_tag
from desktop.models.settings import Setting
from desktop.permissions import Permission
from desktop.services import Tx, service
from desktop.settings.store import get_setting

NUMBER_PREFIX = "M"
NUMBER_COUNTER = "members.next_number"
MAX_NAME = 120


@dataclass
class MemberInput:
    """What the add/edit dialog (or an import row) says about a member."""

    name: str
    phone: str | None = None
    email: str | None = None
    wechat: str | None = None
    company: str | None = None
    title: str | None = None
    city: str | None = None
    notes: str | None = None
    tags: list[str] = field(default_factory=list)
    referred_by_id: int | None = None
    joined_on: dt.date | None = None


@dataclass(frozen=True)
class MemberRow:
    """One line of the members table."""

    id: int
    number: str
    name: str
    phone: str
    company: str
    city: str
    status: Status
    plan: str | None
    ends_on: dt.date | None
    joined_on: dt.date
    tags: tuple[str, ...]
    archived: bool


@dataclass(frozen=True)
class PersonRef:
    id: int
    number: str
    name: str


@dataclass(frozen=True)
class PaymentView:
    id: int
    amount: str
    paid_on: dt.date
    method: str
    receipt_no: str | None
    voided: bool
    void_reason: str | None
    recorded_by: str


@dataclass(frozen=True)
class PeriodView:
    id: int
    plan: str
    starts_on: dt.date
    ends_on: dt.date
    voided: bool
    payments: tuple[PaymentView, ...]  # empty for accounts that may not see payments
    gap_before_days: int  # days without membership before this period (0 when contiguous)


@dataclass(frozen=True)
class MemberDetail:
    row: MemberRow
    email: str | None
    wechat: str | None
    title: str | None
    notes: str | None
    referred_by: PersonRef | None
    referrals: tuple[PersonRef, ...]
    periods: tuple[PeriodView, ...]
    suspended_from: dt.date | None
    suspended_until: dt.date | None
    suspension_reason: str | None
    has_photo: bool
    erased: bool


@dataclass(frozen=True)
class DuplicateHit:
    member: PersonRef
    archived: bool
    reason: str  # "phone" or "name_company"


class DuplicateFound(DomainError):
    """A member with the same phone (or name and company) exists; the desk decides."""

    def __init__(self, hits: Sequence[DuplicateHit]) -> None:
        first = hits[0]
        text = (
            msg("{name} ({number}) already has this phone number.", name=first.member.name,
                number=first.member.number)
            if first.reason == "phone"
            else msg("{name} ({number}) has the same name and company.", name=first.member.name,
                     number=first.member.number)
        )
        super().__init__(text, field="phone" if first.reason == "phone" else "name")
        self.hits = list(hits)


@dataclass(frozen=True)
class MemberQuery:
    """The members view's search box, filters and sort column."""

    text: str = ""
    status: Status | None = None
    plan_id: int | None = None
    tag_id: int | None = None
    include_archived: bool = False
    sort: str = "name"  # one of SORT_KEYS
    descending: bool = False


# ---------------------------------------------------------------- reading


@service(Permission.VIEW_MEMBERS, write=False)
def status_rules(tx: Tx) -> StatusRules:
    return StatusRules(
        new_days=int(get_setting(tx, NEW_DAYS.name)),
        expiring_days=int(get_setting(tx, EXPIRING_DAYS.name)),
        grace_days=int(get_setting(tx, GRACE_DAYS.name)),
    )


def _latest_end() -> Select[dt.date]:
    return select(func.max(MembershipPeriod.ends_on)).where(
        MembershipPeriod.member_id == Member.id, MembershipPeriod.voided.is_(False)
    )


SORT_KEYS = {
    "number": Member.number,
    "name": Member.sort_name,
    "phone": Member.phone,
    "company": Member.company,
    "city": Member.city,
    "joined_on": Member.joined_on,
    "ends_on": _latest_end().scalar_subquery(),
}


def _filtered(tx: Tx, query: MemberQuery) -> Select[Member]:
    stmt = select(Member)
    pattern = keys.search_pattern(query.text)
    if not query.include_archived:
        # With a text pattern the search reads the table in one pass (see search_members);
        # "IS NOT true" keeps SQLite from fetching every row through the archived index.
        stmt = stmt.where(Member.archived.is_(False) if pattern is None
                          else Member.archived.is_not(True))
    if pattern is not None:
        stmt = stmt.where(Member.search_text.like(pattern, escape="\\"))
    if query.status is not None:
        stmt = stmt.where(status_condition(query.status, tx.clock.now().date(), status_rules(tx)))
    if query.plan_id is not None:
        latest = (
            select(MembershipPeriod.plan_id)
            .where(MembershipPeriod.member_id == Member.id, MembershipPeriod.voided.is_(False))
            .order_by(MembershipPeriod.ends_on.desc(), MembershipPeriod.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        stmt = stmt.where(latest == query.plan_id)
    if query.tag_id is not None:
        stmt = stmt.where(
            exists().where(member_tag.c.member_id == Member.id, member_tag.c.tag_id == query.tag_id)
        )
    return stmt


def _rows(tx: Tx, members: Sequence[Member]) -> list[MemberRow]:
    today = tx.clock.now().date()
    rules = status_rules(tx)
    return [_row(member, today, rules) for member in members]


def _row(member: Member, today: dt.date, rules: StatusRules) -> MemberRow:
    live = [p for p in member.periods if not p.voided]
    spans = [PeriodSpan(p.starts_on, p.ends_on) for p in live]
    latest = max(live, key=lambda p: (p.ends_on, p.id)) if live else None
    return MemberRow(
        id=member.id,
        number=member.number,
        name=member.name,
        phone=keys.display_phone(member.phone),
        company=member.company or "",
        city=member.city or "",
        status=member_status(spans, today, rules, suspended_from=member.suspended_from,
                             suspended_until=member.suspended_until),
        plan=latest.plan.name if latest else None,
        ends_on=latest.ends_on if latest else None,
        joined_on=member.joined_on,
        tags=tuple(tag.name for tag in member.tags),
        archived=member.archived,
    )


@service(Permission.VIEW_MEMBERS, write=False)
def search_members(tx: Tx, query: MemberQuery, *, offset: int = 0,
                   limit: int = 200) -> list[MemberRow]:
    """A page of members matching the query, sorted in the database on stored keys."""
    column = SORT_KEYS.get(query.sort, Member.sort_name)
    order = desc if query.descending else asc
    tiebreak: ColumnElement[str] = Member.sort_name.expression
    if keys.search_pattern(query.text) is not None and query.sort == "name":
        # Sort on an expression, not the index: otherwise SQLite walks the whole name index
        # looking up every row until the LIMIT is filled, which for names late in the
        # alphabet (张 zhang, 王 wang: common surnames) reads all 50,000 rows one by one
        # (about 60 ms); one pass over the table and a small sort is bounded (about 10 ms).
        column = tiebreak = Member.sort_name.concat("")
    stmt = (
        _filtered(tx, query)
        .order_by(order(column), order(tiebreak), Member.id)
        .offset(offset)
        .limit(limit)
        # The table needs the periods' plans and dates, not their payments.
        .options(selectinload(Member.periods).options(
                     joinedload(MembershipPeriod.plan), lazyload(MembershipPeriod.payments)),
                 selectinload(Member.tags))
    )
    return _rows(tx, tx.session.scalars(stmt).all())


@service(Permission.VIEW_MEMBERS, write=False)
def count_members(tx: Tx, query: MemberQuery) -> int:
    stmt = select(func.count()).select_from(_filtered(tx, query).subquery())
    return int(tx.session.scalar(stmt) or 0)


def _member(tx: Tx, member_id: int) -> Member:
    member = tx.session.get(Member, member_id)
    if member is None:
        raise NotFound(msg("That member no longer exists."))
    return member


def _ref(member: Member) -> PersonRef:
    return PersonRef(member.id, member.number, member.name)


def period_views(periods: Sequence[MembershipPeriod], *, with_payments: bool) -> list[PeriodView]:
    views: list[PeriodView] = []
    previous_end: dt.date | None = None
    for period in sorted(periods, key=lambda p: (p.starts_on, p.id)):
        gap = 0
        if previous_end is not None and not period.voided:
            gap = max(0, (period.starts_on - previous_end).days - 1)
        payments = tuple(
            PaymentView(p.id, f"{p.amount:.2f}", p.paid_on, p.method, p.receipt_no, p.voided,
                        p.void_reason, p.recorded_by)
            for p in period.payments
        ) if with_payments else ()
        views.append(PeriodView(period.id, period.plan.name, period.starts_on, period.ends_on,
                                period.voided, payments, gap))
        if not period.voided:
            previous_end = max(previous_end or period.ends_on, period.ends_on)
    return views


@service(Permission.VIEW_MEMBERS, write=False)
def get_member(tx: Tx, member_id: int) -> MemberDetail:
    member = _member(tx, member_id)
    referrer = tx.session.get(Member, member.referred_by_id) if member.referred_by_id else None
    referrals = tx.session.scalars(
        select(Member).where(Member.referred_by_id == member.id).order_by(Member.sort_name)
    ).all()
    return MemberDetail(
        row=_rows(tx, [member])[0],
        email=member.email,
        wechat=member.wechat,
        title=member.title,
        notes=member.notes,
        referred_by=_ref(referrer) if referrer else None,
        referrals=tuple(_ref(m) for m in referrals),
        periods=tuple(period_views(member.periods, with_payments=tx.ctx.may(
            Permission.MANAGE_PAYMENTS_AND_PLANS))),
        suspended_from=member.suspended_from,
        suspended_until=member.suspended_until,
        suspension_reason=member.suspension_reason,
        has_photo=member.photo is not None,
        erased=member.erased_at is not None,
    )


@service(Permission.VIEW_MEMBERS, write=False)
def find_by_number(tx: Tx, number: str) -> MemberRow | None:
    """The member a card scan or a typed number names (case and width ignored)."""
    wanted = keys.normalise_text(number).upper()
    member = tx.session.scalar(select(Member).where(Member.number == wanted))
    return _rows(tx, [member])[0] if member else None


@service(Permission.VIEW_MEMBERS, write=False)
def list_tags(tx: Tx) -> list[tuple[int, str, int]]:
    """Every tag with how many members carry it: (id, name, count), by name."""
    stmt = (
        select(Tag.id, Tag.name, func.count(member_tag.c.member_id))
        .outerjoin(member_tag, member_tag.c.tag_id == Tag.id)
        .group_by(Tag.id, Tag.name)
        .order_by(Tag.key)
    )
    return [(int(i), str(n), int(c)) for i, n, c in tx.session.execute(stmt)]


@service(Permission.VIEW_MEMBERS, write=False)
def find_duplicates(tx: Tx, phone: str | None, name: str, company: str | None,
                    exclude_id: int | None = None) -> list[DuplicateHit]:
    """Members (archived included) with this phone, or with this name at this company."""
    hits: list[DuplicateHit] = []
    seen: set[int] = set()
    canonical = keys.canonical_phone(phone)
    conditions = []
    if canonical:
        conditions.append(("phone", Member.phone == canonical))
    clean_name = keys.normalise_text(name)
    clean_company = keys.normalise_text(company or "")
    if clean_name and clean_company:
        conditions.append(("name_company", and_(
            func.lower(Member.name) == clean_name.lower(),
            func.lower(Member.company) == clean_company.lower())))
    for reason, condition in conditions:
        stmt = select(Member).where(condition, Member.erased_at.is_(None))
        if exclude_id is not None:
            stmt = stmt.where(Member.id != exclude_id)
        for member in tx.session.scalars(stmt.order_by(Member.id)):
            if member.id not in seen:
                seen.add(member.id)
                hits.append(DuplicateHit(_ref(member), member.archived, reason))
    return hits


# ---------------------------------------------------------------- writing


def _next_number(tx: Tx) -> str:
    """The next member number, from a counter row locked for this transaction."""
    counter = tx.session.get(Setting, NUMBER_COUNTER, with_for_update=True)
    if counter is None:
        highest = tx.session.scalar(
            select(func.max(Member.number)).where(Member.number.like(f"{NUMBER_PREFIX}%"))
        )
        start = int(highest[len(NUMBER_PREFIX):]) + 1 if highest else 1
        counter = Setting(name=NUMBER_COUNTER, value=start)
        tx.session.add(counter)
    value = int(counter.value)
    while tx.session.scalar(select(Member.id).where(Member.number == _format_number(value))):
        value += 1  # a number typed in by hand or imported took this one
    counter.value = value + 1
    return _format_number(value)


def _format_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:05d}"


@service(Permission.EDIT_MEMBERS)
def resolve_tags(tx: Tx, names: Sequence[str]) -> list[Tag]:
    """Tags by name, created when new; "Tea", "tea" and "ｔｅａ" are one tag."""
    tags: dict[str, Tag] = {}
    for raw in names:
        name = keys.normalise_text(raw)
        if not name:
            continue
        if len(name) > 60:
            raise DomainError(msg("A tag has at most 60 characters."), field="tags")
        key = keys.tag_key(name)
        if key in tags:
            continue
        tag = tx.session.scalar(select(Tag).where(Tag.key == key))
        if tag is None:
            tag = Tag(name=name, key=key)
            tx.session.add(tag)
        tags[key] = tag
    return list(tags.values())


def _optional(value: str | None, limit: int, field_name: str) -> str | None:
    if value is None:
        return None
    text = keys.normalise_text(value)
    if len(text) > limit:
        raise DomainError(msg("This has at most {n} characters.", n=limit), field=field_name)
    return text or None


def _apply(tx: Tx, member: Member, data: MemberInput) -> None:
    name = keys.normalise_text(data.name or "")
    if not name:
        raise DomainError(msg("A member needs a name."), field="name")
    if len(name) > MAX_NAME:
        raise DomainError(msg("This has at most {n} characters.", n=MAX_NAME), field="name")
    phone = keys.canonical_phone(data.phone)
    email = keys.check_email(data.email)
    joined = data.joined_on or member.joined_on or tx.clock.now().date()
    if data.referred_by_id is not None:
        if member.id is not None and data.referred_by_id == member.id:
            raise DomainError(msg("A member cannot refer themself."), field="referred_by")
        if tx.session.get(Member, data.referred_by_id) is None:
            raise DomainError(msg("The referring member does not exist."), field="referred_by")
    member.name = name
    member.phone = phone
    member.email = email
    member.wechat = _optional(data.wechat, 64, "wechat")
    member.company = _optional(data.company, 160, "company")
    member.title = _optional(data.title, 120, "title")
    member.city = _optional(data.city, 80, "city")
    member.notes = (data.notes or "").strip() or None
    member.referred_by_id = data.referred_by_id
    member.joined_on = joined
    member.tags = resolve_tags(tx, data.tags)
    refresh_keys(member)


def refresh_keys(member: Member) -> None:
    """Recompute the stored sort and search keys from the member's fields."""
    member.sort_name = keys.sort_key(member.name)
    member.search_text = keys.search_text(
        name=member.name, number=member.number, phone=member.phone, company=member.company,
        email=member.email, wechat=member.wechat, city=member.city,
        tags=[tag.name for tag in member.tags],
    )


@service(Permission.EDIT_MEMBERS)
def create_member(tx: Tx, data: MemberInput, *, allow_duplicates: bool = False) -> MemberRow:
    """A new member with a generated number; a duplicate phone or name+company is raised
    as DuplicateFound unless the desk has seen it and chosen to go on."""
    if not allow_duplicates:
        hits = find_duplicates(tx, data.phone, data.name, data.company)
        if hits:
            raise DuplicateFound(hits)
    member = Member(archived=False, created_at=tx.clock.now(), tags=[])
    member.number = _next_number(tx)
    _apply(tx, member, data)
    tx.session.add(member)
    tx.session.flush()
    return _rows(tx, [member])[0]


@service(Permission.EDIT_MEMBERS)
def update_member(tx: Tx, member_id: int, data: MemberInput, *,
                  allow_duplicates: bool = False) -> MemberRow:
    member = _member(tx, member_id)
    if member.erased_at is not None:
        raise DomainError(msg("An erased member cannot be edited."))
    if not allow_duplicates:
        hits = find_duplicates(tx, data.phone, data.name, data.company, exclude_id=member_id)
        if hits:
            raise DuplicateFound(hits)
    _apply(tx, member, data)
    tx.session.flush()
    return _rows(tx, [member])[0]


@service(Permission.EDIT_MEMBERS)
def set_archived(tx: Tx, member_id: int, archived: bool) -> MemberRow:
    """Archive (hide from the directory) or reactivate a member; history stays."""
    member = _member(tx, member_id)
    if member.erased_at is not None and not archived:
        raise DomainError(msg("An erased member cannot be reactivated."))
    member.archived = archived
    tx.session.flush()
    return _rows(tx, [member])[0]


@service(Permission.EDIT_MEMBERS)
def suspend_member(tx: Tx, member_id: int, reason: str, *, starting: dt.date | None = None,
                   until: dt.date | None = None) -> MemberRow:
    """Suspend from a date (today by default) until a date or until lifted."""
    member = _member(tx, member_id)
    start = starting or tx.clock.now().date()
    if until is not None and until < start:
        raise DomainError(msg("The end date is before the start date."), field="until")
    if not reason.strip():
        raise DomainError(msg("Give a reason for the suspension."), field="reason")
    member.suspended_from = start
    member.suspended_until = until
    member.suspension_reason = reason.strip()[:200]
    tx.session.flush()
    return _rows(tx, [member])[0]


@service(Permission.EDIT_MEMBERS)
def lift_suspension(tx: Tx, member_id: int) -> MemberRow:
    member = _member(tx, member_id)
    member.suspended_from = None
    member.suspended_until = None
    member.suspension_reason = None
    tx.session.flush()
    return _rows(tx, [member])[0]


@service(Permission.VIEW_MEMBERS, write=False)
def list_plans(tx: Tx, *, include_inactive: bool = False) -> list[Plan]:
    stmt = select(Plan).order_by(Plan.is_default.desc(), Plan.name)
    if not include_inactive:
        stmt = stmt.where(Plan.active.is_(True))
    return list(tx.session.scalars(stmt))


