"""A member's own data: everything held about them (export), and erasure on request.

Both are the owner's (DESIGN.md: erase a member; export one member's data).

Export gathers sections from a registry of contributors: this module contributes the profile,
tags, memberships with payments, referrals and the audit entries about the member; bookings,
registrations, visits and introductions add theirs from their own modules::

    from desktop.members.privacy import data_contributor, eraser

    @data_contributor("bookings")
    def _bookings(tx: Tx, member: Member) -> list[dict[str, Any]]: ...

    @eraser("bookings")
    def _forget_guest_names(tx: Tx, member: Member) -> None: ...

and list their module in ``CONTRIBUTOR_MODULES`` so that it is imported before an export or
an erasure runs (the command line does not import the whole app).

Erasure anonymises the person and keeps the counts and the history: the name becomes "Erased
member M00012", every other personal field and the tags are cleared, the search keys are
recomputed, the member is archived and ``erased_at`` set; periods and payments (amounts,
dates) stay.  Audit entries about the member keep what happened but their personal values
are replaced by ``[erased]`` (the entry of the erasure too).  The export and the erasure are
recorded without personal data; the reason for an erasure is kept as the owner writes it.

The PDF of a member's data draws the same dictionary (desktop.reports.member_data).
"""

from __future__ import annotations

import base64
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from desktop.audit.recorder import plain, record
from desktop.errors import DomainError
from desktop.i18n import current_language, msg
from desktop.members.keys import display_phone, normalise_text
from desktop.members.service import _member, refresh_keys
from desktop.models.audit import AuditEntry
from desktop.models.members import Member, MembershipPeriod, Payment
from desktop.permissions import Permission
from desktop.services import Tx, service

FORMAT = "clubhouse-member-data"
FORMAT_VERSION = 1
ERASED = "[erased]"
ERASED_NAME = "Erased member {number}"
# Member columns that say something about the person (cleared on erasure, scrubbed from the
# audit log); the search keys are made from them.
PERSONAL_FIELDS = ("name", "phone", "email", "wechat", "company", "title", "city", "notes",
                   "photo", "sort_name", "search_text", "suspension_reason")

Contributor = Callable[[Tx, Member], Any]
Eraser = Callable[[Tx, Member], None]

CONTRIBUTORS: dict[str, Contributor] = {}
ERASERS: dict[str, Eraser] = {}
# Modules that register contributors or erasers; imported before an export or erasure.
CONTRIBUTOR_MODULES: list[str] = ["desktop.members.privacy"]


def data_contributor(section: str) -> Callable[[Contributor], Contributor]:
    """Register ``fn(tx, member)`` as the source of one section of a member's data export."""

    def register(fn: Contributor) -> Contributor:
        CONTRIBUTORS[section] = fn
        return fn

    return register


def eraser(name: str) -> Callable[[Eraser], Eraser]:
    """Register ``fn(tx, member)`` to anonymise what another module keeps about a member
    (guest names, check-in logs...) when the member is erased; it runs in the same
    transaction, before the audit log is scrubbed."""

    def register(fn: Eraser) -> Eraser:
        ERASERS[name] = fn
        return fn

    return register


def _load_contributors() -> None:
    for module in CONTRIBUTOR_MODULES:
        importlib.import_module(module)


# ---------------------------------------------------------------- the services


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def export_member_data(tx: Tx, member_id: int) -> dict[str, Any]:
    """Everything held about one member, as plain JSON-ready data, by section."""
    _load_contributors()
    member = _member(tx, member_id)
    sections = {name: plain(fn(tx, member)) for name, fn in sorted(CONTRIBUTORS.items())}
    record(tx.session, "export_data", "member", str(member.id))
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "generated_at": tx.clock.now().isoformat(),
        "generated_by": tx.actor.username,
        "member_number": member.number,
        "sections": sections,
    }


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def write_member_data(tx: Tx, member_id: int, json_path: Path | str) -> Path:
    """The member's data as a JSON file (UTF-8, readable: indented, Chinese as is)."""
    data = export_member_data(tx, member_id)
    path = Path(json_path)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}", path=str(path),
                              reason=error.strerror or str(error)), field="file") from None
    return path


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def write_member_data_pdf(tx: Tx, member_id: int, pdf_path: Path | str,
                          lang: str | None = None) -> Path:
    """The member's data as a PDF: the same sections as the JSON, for a person to read."""
    from desktop.reports.base import print_info  # reports build on members, not the reverse
    from desktop.reports.member_data import draw_member_data

    data = export_member_data(tx, member_id)
    info = print_info(tx, msg("Member data: {number}", number=data["member_number"]),
                      lang or current_language())
    return draw_member_data(data, Path(pdf_path), info)


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def erase_member(tx: Tx, member_id: int, reason: str) -> None:
    """Anonymise a member on their request; counts and history stay (module docstring)."""
    _load_contributors()
    member = _member(tx, member_id)
    if member.erased_at is not None:
        raise DomainError(msg("This member was already erased on {date}.",
                              date=member.erased_at.date().isoformat()))
    why = normalise_text(reason or "")
    if not why:
        raise DomainError(msg("Give a reason for erasing this member."), field="reason")
    member.name = ERASED_NAME.format(number=member.number)
    for field in PERSONAL_FIELDS:
        if field not in ("name", "sort_name", "search_text"):
            setattr(member, field, None)
    member.tags = []
    member.archived = True
    member.erased_at = tx.clock.now()
    refresh_keys(member)
    for fn in ERASERS.values():
        fn(tx, member)
    tx.session.flush()  # the recorder writes this change's entry, scrubbed below with the rest
    _scrub_audit(tx, member)
    record(tx.session, "erase", "member", str(member.id), note=why[:500])


def _scrub_audit(tx: Tx, member: Member) -> None:
    """Replace the personal values in the audit entries about this member."""
    current = {field: plain(getattr(member, field)) for field in PERSONAL_FIELDS}
    stmt = select(AuditEntry).where(AuditEntry.entity == Member.__tablename__,
                                    AuditEntry.entity_id == str(member.id))
    for entry in tx.session.scalars(stmt):
        entry.before = _scrubbed(entry.before, current)
        entry.after = _scrubbed(entry.after, current)
    tx.session.flush()


def _scrubbed(values: dict[str, Any] | None, current: dict[str, Any]) -> dict[str, Any] | None:
    if not values:
        return values
    return {
        key: ERASED if key in current and value is not None and value != current[key]
        else value
        for key, value in values.items()
    }


# ---------------------------------------------------------------- this module's sections


@data_contributor("profile")
def _profile(tx: Tx, member: Member) -> dict[str, Any]:
    return {
        "number": member.number,
        "name": member.name,
        "phone": member.phone,
        "phone_as_written": display_phone(member.phone),
        "email": member.email,
        "wechat": member.wechat,
        "company": member.company,
        "title": member.title,
        "city": member.city,
        "notes": member.notes,
        "photo_base64": base64.b64encode(member.photo).decode("ascii") if member.photo else None,
        "joined_on": member.joined_on,
        "archived": member.archived,
        "suspended_from": member.suspended_from,
        "suspended_until": member.suspended_until,
        "suspension_reason": member.suspension_reason,
        "erased_at": member.erased_at,
        "created_at": member.created_at,
    }


@data_contributor("tags")
def _tags(tx: Tx, member: Member) -> list[str]:
    return [tag.name for tag in member.tags]


@data_contributor("memberships")
def _memberships(tx: Tx, member: Member) -> list[dict[str, Any]]:
    return [
        {
            "plan": period.plan.name,
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
            "voided": period.voided,
            "payments": [
                {"amount": payment.amount, "paid_on": payment.paid_on,
                 "method": payment.method, "receipt_no": payment.receipt_no,
                 "voided": payment.voided, "void_reason": payment.void_reason,
                 "recorded_by": payment.recorded_by}
                for payment in period.payments
            ],
        }
        for period in sorted(member.periods, key=lambda p: (p.starts_on, p.id))
    ]


@data_contributor("referrals")
def _referrals(tx: Tx, member: Member) -> dict[str, Any]:
    referrer = tx.session.get(Member, member.referred_by_id) if member.referred_by_id else None
    referred = tx.session.scalars(
        select(Member).where(Member.referred_by_id == member.id).order_by(Member.number))
    return {
        "referred_by": {"number": referrer.number, "name": referrer.name} if referrer else None,
        "referred": [{"number": m.number, "name": m.name} for m in referred],
    }


@data_contributor("audit")
def _audit(tx: Tx, member: Member) -> list[dict[str, Any]]:
    """The audit entries about the member, their periods and their payments."""
    period_ids = [str(p.id) for p in member.periods]
    payment_ids = [str(pid) for pid in tx.session.scalars(
        select(Payment.id).join(MembershipPeriod).where(MembershipPeriod.member_id == member.id))]
    stmt = select(AuditEntry).where(or_(
        (AuditEntry.entity == Member.__tablename__) & (AuditEntry.entity_id == str(member.id)),
        (AuditEntry.entity == MembershipPeriod.__tablename__)
        & AuditEntry.entity_id.in_(period_ids),
        (AuditEntry.entity == Payment.__tablename__) & AuditEntry.entity_id.in_(payment_ids),
    )).order_by(AuditEntry.at, AuditEntry.id)
    return [
        {"at": entry.at, "staff": entry.staff_username, "action": entry.action,
         "entity": entry.entity, "entity_id": entry.entity_id, "before": entry.before,
         "after": entry.after, "note": entry.note}
        for entry in tx.session.scalars(stmt)
    ]
