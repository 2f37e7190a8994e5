"""Who may do what: DESIGN.md's table, as data.  A change here is a change to the product."""

from __future__ import annotations

import enum

from desktop.models.accounts import Role


class Permission(enum.StrEnum):
    # Every signed-in account: its own password, the venue's name and language for headers.
    USE_APP = "use_app"
    VIEW_MEMBERS = "view_members"
    EDIT_MEMBERS = "edit_members"
    RECORD_MEMBERSHIP = "record_membership"
    MANAGE_PAYMENTS_AND_PLANS = "manage_payments_and_plans"
    IMPORT_EXPORT_ERASE_MEMBERS = "import_export_erase_members"
    BOOK = "book"
    BOOK_OVERRIDE = "book_override"
    MANAGE_SPACES = "manage_spaces"
    RUN_EVENTS = "run_events"
    USE_CIRCLE = "use_circle"
    MANAGE_PARTNERS = "manage_partners"
    REVIEW_AND_AUDIT = "review_and_audit"
    ADMINISTER = "administer"
    PRINT = "print"


_DESK = {
    Permission.USE_APP,
    Permission.VIEW_MEMBERS,
    Permission.EDIT_MEMBERS,
    Permission.RECORD_MEMBERSHIP,
    Permission.BOOK,
    Permission.RUN_EVENTS,
    Permission.USE_CIRCLE,
    Permission.PRINT,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DESK: frozenset(_DESK),
    Role.OWNER: frozenset(Permission),
}


def allows(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]
