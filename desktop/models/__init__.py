"""The schema: SQLAlchemy typed models.  Importing this package registers every table."""

from desktop.models.accounts import Role, StaffAccount
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.booking import Booking, BookingSeries, Closure, Space, SpaceHours
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, Tag, member_tag
from desktop.models.settings import Setting

__all__ = [
    "AuditEntry",
    "Base",
    "Booking",
    "BookingSeries",
    "Closure",
    "Member",
    "MembershipPeriod",
    "Payment",
    "Plan",
    "Role",
    "Setting",
    "Space",
    "SpaceHours",
    "StaffAccount",
    "Tag",
    "member_tag",
]
