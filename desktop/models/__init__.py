"""The schema: SQLAlchemy typed models.  Importing this package registers every table."""

from desktop.models.accounts import Role, StaffAccount
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.members import Member, MembershipPeriod, Payment, Plan, Tag, member_tag
from desktop.models.settings import Setting

__all__ = [
    "AuditEntry",
    "Base",
    "Member",
    "MembershipPeriod",
    "Payment",
    "Plan",
    "Role",
    "Setting",
    "StaffAccount",
    "Tag",
    "member_tag",
]
