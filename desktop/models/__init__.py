"""The schema: SQLAlchemy typed models.  Importing this package registers every table."""

from desktop.models.accounts import Role, StaffAccount
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.booking import Booking, BookingSeries, Closure, Space, SpaceHours
from desktop.models.circle import (
    BenefitUse,
    CircleItem,
    EventPartner,
    Introduction,
    Partner,
    circle_item_tag,
)
from desktop.models.event import CheckIn, CheckInAttempt, Event, Registration, Visit
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, Tag, member_tag
from desktop.models.settings import Setting

__all__ = [
    "AuditEntry",
    "Base",
    "BenefitUse",
    "Booking",
    "BookingSeries",
    "CheckIn",
    "CheckInAttempt",
    "CircleItem",
    "Closure",
    "Event",
    "EventPartner",
    "Introduction",
    "Member",
    "MembershipPeriod",
    "Partner",
    "Payment",
    "Plan",
    "Registration",
    "Role",
    "Setting",
    "Space",
    "SpaceHours",
    "StaffAccount",
    "Tag",
    "Visit",
    "circle_item_tag",
    "member_tag",
]
