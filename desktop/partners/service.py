"""Partners: the local businesses and brands whose benefits members get, their agreements, and
the desk's log of members using a benefit.

The owner creates and edits partners and their agreements; the desk finds them and logs uses
(DESIGN.md: who may do what).  An agreement ending within 60 days is flagged; a use logged
after the agreement ended (or at an inactive partner) is recorded with a warning, not refused:
the member was served, and the owner needs to see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from desktop.errors import DomainError, NotFound
from desktop.i18n import Message, keep_messages, msg
from desktop.members import keys
from desktop.models.circle import PARTNER_CATEGORIES, BenefitUse, Partner
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.services import Tx, service

EXPIRING_DAYS = 60


def category_label(category: str) -> Message:
    labels = {
        "restaurant": msg("Restaurant"), "farm_orchard": msg("Farm and orchard"),
        "tea": msg("Tea"), "fishing_gear": msg("Fishing gear"), "lodging": msg("Lodging"),
        "reading_club": msg("Reading club franchise"), "other": msg("Other"),
    }
    return labels.get(category, msg("Other"))


@dataclass(frozen=True)
class PartnerInput:
    name: str
    category: str
    contact_person: str | None = None
    phone: str | None = None
    address: str | None = None
    city: str | None = None
    benefit: str | None = None
    agreement_starts: dt.date | None = None
    agreement_ends: dt.date | None = None
    tier: str | None = None
    notes: str | None = None
    active: bool = True


@dataclass(frozen=True)
class PartnerView:
    id: int
    name: str
    category: str
    contact_person: str | None
    phone: str
    address: str | None
    city: str | None
    benefit: str | None
    agreement_starts: dt.date | None
    agreement_ends: dt.date | None
    tier: str | None
    notes: str | None
    active: bool
    uses: int
    members_served: int
    last_used: dt.date | None
    today: dt.date

    @property
    def agreement_ended(self) -> bool:
        return self.agreement_ends is not None and self.agreement_ends < self.today

    @property
    def expiring(self) -> bool:
        """The agreement ends within 60 days (and has not ended yet)."""
        return (self.agreement_ends is not None and not self.agreement_ended
                and (self.agreement_ends - self.today).days <= EXPIRING_DAYS)


@dataclass(frozen=True)
class BenefitUseView:
    id: int
    partner_id: int
    partner_name: str
    member_id: int
    member_name: str
    used_on: dt.date
    value: Decimal | None
    note: str | None
    warning_note: str | None
    recorded_by: str


@dataclass(frozen=True)
class BenefitUseResult:
    use: BenefitUseView
    warnings: tuple[Message, ...]


def _text(value: str | None, limit: int) -> str | None:
    clean = " ".join((value or "").split())
    return clean[:limit] or None


def _check(tx: Tx, data: PartnerInput, partner_id: int | None) -> tuple[str, str | None]:
    """The cleaned name and the phone (E.164); every field problem names its field."""
    name = _text(data.name, 120)
    if name is None:
        raise DomainError(msg("Give the partner a name."), field="name")
    if data.category not in PARTNER_CATEGORIES:
        raise DomainError(msg("Choose the partner's category."), field="category")
    if (data.agreement_starts and data.agreement_ends
            and data.agreement_ends < data.agreement_starts):
        raise DomainError(msg("The agreement cannot end ({ends}) before it starts ({starts}).",
                              ends=f"{data.agreement_ends:%Y-%m-%d}",
                              starts=f"{data.agreement_starts:%Y-%m-%d}"),
                          field="agreement_ends")
    same = tx.session.scalar(select(Partner.id).where(
        func.lower(Partner.name) == name.casefold(),
        Partner.id != (partner_id if partner_id is not None else -1)))
    if same is not None:
        raise DomainError(msg("A partner named {name} already exists.", name=name),
                          field="name")
    return name, keys.canonical_phone(data.phone, field="phone")


def _apply(partner: Partner, name: str, phone: str | None, data: PartnerInput) -> None:
    partner.name, partner.category, partner.phone = name, data.category, phone
    partner.contact_person = _text(data.contact_person, 120)
    partner.address = _text(data.address, 240)
    partner.city = _text(data.city, 80)
    partner.benefit = (data.benefit or "").strip() or None
    partner.agreement_starts, partner.agreement_ends = data.agreement_starts, data.agreement_ends
    partner.tier = _text(data.tier, 40)
    partner.notes = (data.notes or "").strip() or None
    partner.active = data.active
    partner.sort_name = keys.sort_key(name)
    parts = [keys.normalise_text(name).casefold(), *keys.pinyin_keys(name),
             *keys.phone_digits(phone)]
    parts += [keys.normalise_text(v).casefold()
              for v in (partner.contact_person, partner.city, partner.tier) if v]
    partner.search_text = "|".join(p for p in parts if p)


_USES = select(BenefitUse.partner_id, func.count(BenefitUse.id),
              func.count(func.distinct(BenefitUse.member_id)), func.max(BenefitUse.used_on)
              ).group_by(BenefitUse.partner_id)


def _views(tx: Tx, partners: Sequence[Partner]) -> list[PartnerView]:
    """The partners with their benefit-use counts, read for all of them in one query."""
    ids = [p.id for p in partners]
    uses = {pid: (int(n), int(served), last) for pid, n, served, last in tx.session.execute(
        _USES.where(BenefitUse.partner_id.in_(ids)))} if ids else {}
    today = tx.clock.now().date()
    return [PartnerView(
        id=p.id, name=p.name, category=p.category, contact_person=p.contact_person,
        phone=keys.display_phone(p.phone), address=p.address, city=p.city, benefit=p.benefit,
        agreement_starts=p.agreement_starts, agreement_ends=p.agreement_ends, tier=p.tier,
        notes=p.notes, active=p.active, uses=uses.get(p.id, (0, 0, None))[0],
        members_served=uses.get(p.id, (0, 0, None))[1],
        last_used=uses.get(p.id, (0, 0, None))[2], today=today) for p in partners]


def _view(tx: Tx, partner: Partner) -> PartnerView:
    return _views(tx, [partner])[0]


def _row(tx: Tx, partner_id: int) -> Partner:
    partner = tx.session.get(Partner, partner_id)
    if partner is None:
        raise NotFound(msg("That partner does not exist."), field="partner_id")
    return partner


@service(Permission.MANAGE_PARTNERS)
def create_partner(tx: Tx, data: PartnerInput) -> PartnerView:
    name, phone = _check(tx, data, None)
    partner = Partner(created_by=tx.actor.username, created_at=tx.clock.now())
    _apply(partner, name, phone, data)
    tx.session.add(partner)
    tx.session.flush()
    return _view(tx, partner)


@service(Permission.MANAGE_PARTNERS)
def update_partner(tx: Tx, partner_id: int, data: PartnerInput) -> PartnerView:
    partner = _row(tx, partner_id)
    name, phone = _check(tx, data, partner_id)
    _apply(partner, name, phone, data)
    tx.session.flush()
    return _view(tx, partner)


@service(Permission.USE_CIRCLE, write=False)
def get_partner(tx: Tx, partner_id: int) -> PartnerView:
    return _view(tx, _row(tx, partner_id))


@service(Permission.USE_CIRCLE, write=False)
def search_partners(tx: Tx, text: str = "", *, category: str | None = None,
                    active_only: bool = True, inactive_only: bool = False,
                    expiring_only: bool = False) -> list[PartnerView]:
    """Partners by name, pinyin, contact, city or phone, in pinyin order of their names."""
    stmt = select(Partner).order_by(Partner.sort_name, Partner.id)
    pattern = keys.search_pattern(text)
    if pattern is not None:
        stmt = stmt.where(Partner.search_text.like(pattern, escape="\\"))
    if category is not None:
        stmt = stmt.where(Partner.category == category)
    if active_only:
        stmt = stmt.where(Partner.active.is_(True))
    elif inactive_only:
        stmt = stmt.where(Partner.active.is_(False))
    views = _views(tx, tx.session.scalars(stmt).all())
    return [v for v in views if v.expiring] if expiring_only else views


def _value(raw: Decimal | str | None) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = Decimal(str(raw).strip()).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise DomainError(msg("The value must be an amount such as 80 or 80.50."),
                          field="value") from None
    if value < 0:
        raise DomainError(msg("The value cannot be negative."), field="value")
    return value


@service(Permission.USE_CIRCLE)
def log_benefit_use(tx: Tx, partner_id: int, member_id: int, *, used_on: dt.date | None = None,
                    value: Decimal | str | None = None,
                    note: str | None = None) -> BenefitUseResult:
    """The desk logs that a member used a partner's benefit; an ended agreement or an inactive
    partner is a warning kept with the use, not a refusal."""
    partner = _row(tx, partner_id)
    member = tx.session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise NotFound(msg("That member does not exist."), field="member_id")
    day = used_on or tx.clock.now().date()
    warnings: list[Message] = []
    if partner.agreement_ends is not None and day > partner.agreement_ends:
        warnings.append(msg("{partner}'s agreement ended on {day}.", partner=partner.name,
                            day=f"{partner.agreement_ends:%Y-%m-%d}"))
    if not partner.active:
        warnings.append(msg("{partner} is no longer an active partner.", partner=partner.name))
    use = BenefitUse(partner_id=partner_id, member_id=member_id, used_on=day,
                     value=_value(value), note=_text(note, 200),
                     warning_note=keep_messages(warnings, 200),
                     recorded_by=tx.actor.username, recorded_at=tx.clock.now())
    tx.session.add(use)
    tx.session.flush()
    return BenefitUseResult(BenefitUseView(use.id, partner_id, partner.name, member_id,
                                           member.name, use.used_on, use.value, use.note,
                                           use.warning_note, use.recorded_by), tuple(warnings))


@service(Permission.USE_CIRCLE, write=False)
def list_benefit_uses(tx: Tx, *, partner_id: int | None = None,
                      member_id: int | None = None) -> list[BenefitUseView]:
    """Uses of a partner's benefit (or a member's uses), newest first."""
    stmt = (select(BenefitUse, Partner.name, Member.name)
            .join(Partner, Partner.id == BenefitUse.partner_id)
            .join(Member, Member.id == BenefitUse.member_id)
            .order_by(BenefitUse.used_on.desc(), BenefitUse.id.desc()))
    if partner_id is not None:
        stmt = stmt.where(BenefitUse.partner_id == partner_id)
    if member_id is not None:
        stmt = stmt.where(BenefitUse.member_id == member_id)
    return [BenefitUseView(u.id, u.partner_id, partner, u.member_id, member, u.used_on, u.value,
                           u.note, u.warning_note, u.recorded_by)
            for u, partner, member in tx.session.execute(stmt)]
