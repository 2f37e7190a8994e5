"""Who may do what: every service declares a permission, and the roles get exactly DESIGN.md's.

Three layers of checking:
1. every public function whose first parameter is a Context or a Tx carries ``__permission__``
   (``@service`` or ``@unauthenticated``): a new service cannot forget it;
2. ``EXPECTED`` below lists every registered service with who may call it, so adding a service
   means adding it here on purpose; each is then called as the front desk and as the owner on a
   real database: a role that may not is refused before anything touches the database, a role
   that may is never refused;
3. ``ROLE_PERMISSIONS`` is checked against DESIGN.md's table, copied in ``DESIGN_TABLE``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import event

import desktop
from desktop.errors import PermissionDenied
from desktop.models.accounts import Role
from desktop.permissions import ROLE_PERMISSIONS, Permission
from desktop.services import SERVICE_REGISTRY, Context, Tx

NOT_SERVICES = ("desktop.ui", "desktop.app", "desktop.cli", "desktop.__main__")

BOTH, OWNER, PUBLIC = "front desk and owner", "owner only", "before sign-in"

# Every service and who may call it.  PUBLIC ones run before anyone signs in (they check
# credentials themselves); the others follow DESIGN.md's table "Who may do what".
EXPECTED: dict[str, str] = {
    # sign-in, first start and the forgotten owner password
    "desktop.accounts.service.sign_in": PUBLIC,
    "desktop.accounts.service.has_accounts": PUBLIC,
    "desktop.accounts.service.create_first_owner": PUBLIC,
    "desktop.accounts.service.reset_owner_password": PUBLIC,
    # the demo owner fills the demo venue
    "desktop.members.demo.add_demo_members": OWNER,
    "desktop.booking.demo.add_demo_bookings": OWNER,
    "desktop.events.demo.add_demo_events": OWNER,
    # every signed-in account: its own password
    "desktop.accounts.service.change_own_password": BOTH,
    # venue settings, staff accounts, database connection, backup, restore: owner
    "desktop.accounts.service.list_staff": OWNER,
    "desktop.accounts.service.create_staff": OWNER,
    "desktop.accounts.service.reset_password": OWNER,
    "desktop.accounts.service.set_active": OWNER,
    "desktop.accounts.service.update_staff": OWNER,
    "desktop.settings.store.update_settings": OWNER,
    "desktop.safety.backup.backup_now": OWNER,
    "desktop.safety.backup.list_backups": OWNER,
    # restore signs in against the backup's own accounts and requires an owner there
    "desktop.safety.restore.restore_backup": PUBLIC,
    # reading settings (venue name, language, idle lock) and the automatic backup on open
    "desktop.settings.store.get_setting": BOTH,
    "desktop.settings.store.all_settings": BOTH,
    "desktop.safety.backup.auto_backup": BOTH,
    # review, reports, audit log: owner
    "desktop.audit.browse.find_entries": OWNER,
    "desktop.audit.browse.count_entries": OWNER,
    "desktop.audit.browse.filter_choices": OWNER,
    "desktop.audit.browse.export_entries": OWNER,
    # find and view members
    "desktop.members.service.search_members": BOTH,
    "desktop.members.service.count_members": BOTH,
    "desktop.members.service.get_member": BOTH,
    "desktop.members.service.find_by_number": BOTH,
    "desktop.members.service.list_tags": BOTH,
    "desktop.members.service.find_duplicates": BOTH,
    "desktop.members.service.list_plans": BOTH,
    "desktop.members.service.status_rules": BOTH,
    "desktop.members.membership.default_plan": BOTH,
    # create a member, edit contact fields and tags, archive
    "desktop.members.service.create_member": BOTH,
    "desktop.members.service.update_member": BOTH,
    "desktop.members.service.set_archived": BOTH,
    "desktop.members.service.suspend_member": BOTH,
    "desktop.members.service.lift_suspension": BOTH,
    "desktop.members.service.resolve_tags": BOTH,
    # record a new membership (join or renew) with its payment
    "desktop.members.membership.record_membership": BOTH,
    "desktop.members.membership.join_member": BOTH,
    "desktop.members.membership.preview_renewal": BOTH,
    "desktop.members.membership.update_and_record": BOTH,
    # edit or void a recorded payment; create or change plans and prices
    "desktop.members.membership.create_plan": OWNER,
    "desktop.members.membership.update_plan": OWNER,
    "desktop.members.membership.edit_payment": OWNER,
    "desktop.members.membership.void_payment": OWNER,
    # import and export members; erase a member; export one member's data
    "desktop.members.importer.preview_import": OWNER,
    "desktop.members.importer.apply_import": OWNER,
    "desktop.members.export.export_members": OWNER,
    "desktop.members.privacy.export_member_data": OWNER,
    "desktop.members.privacy.write_member_data": OWNER,
    "desktop.members.privacy.write_member_data_pdf": OWNER,
    "desktop.members.privacy.erase_member": OWNER,
    # spaces and bookings: book, move, cancel, mark arrived / no-show (both; booking in the past
    # or overriding a rule needs BOOK_OVERRIDE, checked inside when a reason is given)
    "desktop.booking.spaces.list_spaces": BOTH,
    "desktop.booking.spaces.get_space": BOTH,
    "desktop.booking.spaces.list_closures": BOTH,
    "desktop.booking.service.create_booking": BOTH,
    "desktop.booking.service.move_booking": BOTH,
    "desktop.booking.service.get_booking": BOTH,
    "desktop.booking.service.check_move": BOTH,
    "desktop.booking.service.check_request": BOTH,
    "desktop.booking.service.list_bookings": BOTH,
    "desktop.booking.service.find_free_slots": BOTH,
    "desktop.booking.service.suggest_alternatives": BOTH,
    "desktop.booking.lifecycle.check_in": BOTH,
    "desktop.booking.lifecycle.cancel_booking": BOTH,
    "desktop.booking.lifecycle.mark_no_show": BOTH,
    "desktop.booking.lifecycle.mark_no_shows": BOTH,
    "desktop.booking.series.preview_series": BOTH,
    "desktop.booking.series.create_series": BOTH,
    "desktop.booking.series.cancel_occurrences": BOTH,
    "desktop.booking.series.preview_series_edit": BOTH,
    "desktop.booking.series.edit_series": BOTH,
    # spaces, opening hours, closures: owner
    "desktop.booking.spaces.create_space": OWNER,
    "desktop.booking.spaces.update_space": OWNER,
    "desktop.booking.spaces.preview_closure": OWNER,
    "desktop.booking.spaces.create_closure": OWNER,
    "desktop.booking.spaces.delete_closure": OWNER,
    # events, registrations, fees paid, check-in, door mode, rosters: both
    "desktop.booking.service.book_for_event": BOTH,
    "desktop.events.service.preview_event_series": BOTH,
    "desktop.events.service.create_event": BOTH,
    "desktop.events.service.update_event": BOTH,
    "desktop.events.service.cancel_event": BOTH,
    "desktop.events.service.get_event": BOTH,
    "desktop.events.service.list_events": BOTH,
    "desktop.events.registrations.get_registration": BOTH,
    "desktop.events.registrations.list_registrations": BOTH,
    "desktop.events.registrations.register": BOTH,
    "desktop.events.registrations.promote_waitlist": BOTH,
    "desktop.events.registrations.cancel_registration": BOTH,
    "desktop.events.registrations.set_paid": BOTH,
    "desktop.events.checkin.counters": BOTH,
    "desktop.events.checkin.scan": BOTH,
    "desktop.events.checkin.check_in_registration": BOTH,
    "desktop.events.checkin.walk_in": BOTH,
    "desktop.events.checkin.undo_check_in": BOTH,
    "desktop.events.checkin.list_attempts": BOTH,
    "desktop.events.visits.record_visit": BOTH,
    # "last seen" and the visit list are part of viewing members
    "desktop.events.visits.last_seen": BOTH,
    "desktop.events.visits.list_visits": BOTH,
    # the desk's Today screen: both (booking); event statistics are the owner's review
    "desktop.today.service.today_overview": BOTH,
    "desktop.today.service.search_everything": BOTH,
    "desktop.today.service.change_stamp": BOTH,
    "desktop.events.stats.attendance_by_event": OWNER,
    "desktop.events.stats.attendance_by_kind": OWNER,
    "desktop.events.stats.no_shows_by_member": OWNER,
    # partners: view, log a benefit use (both); create and edit, agreements (owner)
    "desktop.partners.service.get_partner": BOTH,
    "desktop.partners.service.search_partners": BOTH,
    "desktop.partners.service.log_benefit_use": BOTH,
    "desktop.partners.service.list_benefit_uses": BOTH,
    "desktop.circle.service.create_item": BOTH,
    "desktop.circle.service.update_item": BOTH,
    "desktop.circle.service.set_item_status": BOTH,
    "desktop.circle.service.list_items": BOTH,
    "desktop.circle.service.create_introduction": BOTH,
    "desktop.circle.service.record_outcome": BOTH,
    "desktop.circle.service.list_introductions": BOTH,
    "desktop.circle.service.follow_ups": BOTH,
    "desktop.circle.matching.suggest_for_need": BOTH,
    "desktop.circle.matching.suggest_for_offer": BOTH,
    "desktop.partners.service.create_partner": OWNER,
    "desktop.partners.service.update_partner": OWNER,
    # print schedules, rosters, cards, directories...
    "desktop.reports.base.print_info": BOTH,
    # the clock follows the venue's zone for every signed-in account
    "desktop.settings.store.follow_venue_zone": BOTH,
    "desktop.reports.directory.print_directory": BOTH,
    "desktop.reports.cards.print_cards": BOTH,
    "desktop.reports.schedule.print_day": BOTH,
    "desktop.reports.schedule.print_week": BOTH,
    "desktop.reports.roster.print_roster": BOTH,
    "desktop.reports.badges.print_badges": BOTH,
    # exporting events and one event's attendance: part of running events (both roles)
    "desktop.events.export.export_events": BOTH,
    "desktop.events.export.export_attendance": BOTH,
    # exporting bookings (ICS/CSV) is not in DESIGN's table: treated as printing, both roles
    "desktop.booking.export.export_bookings": BOTH,
    "desktop.reports.partners.print_partners": BOTH,
    "desktop.reports.board.print_board": BOTH,
    "desktop.partners.export.export_partners": BOTH,
    "desktop.partners.demo.add_demo_partners": OWNER,
    "desktop.circle.demo.add_demo_circle": OWNER,
    "desktop.circle.summary.outcomes_in_month": BOTH,
    "desktop.circle.summary.recent_introductions": BOTH,
    "desktop.circle.summary.circle_overview": BOTH,
    # event sponsors and co-hosts: set and read with the events (both); a partner's events (both)
    "desktop.partners.sponsors.set_event_partners": BOTH,
    "desktop.partners.sponsors.list_event_partners": BOTH,
    "desktop.partners.sponsors.partners_for_events": BOTH,
    "desktop.partners.sponsors.partner_events": BOTH,
    # the monthly report PDF (issue 7): the review on paper, owner only (REVIEW_AND_AUDIT)
    "desktop.reports.monthly.print_month_report": OWNER,
    # The owner's review (issue 7): owner only (REVIEW_AND_AUDIT), read-only.
    "desktop.review.membership.call_list": OWNER,
    "desktop.review.membership.membership_review": OWNER,
    "desktop.review.engagement.engagement_review": OWNER,
    "desktop.review.spaces.spaces_review": OWNER,
    "desktop.review.events.events_review": OWNER,
    "desktop.review.circle.circle_review": OWNER,
    "desktop.review.money.money_review": OWNER,
    "desktop.review.overview.review_snapshot": OWNER,
    "desktop.review.overview.month_report_data": OWNER,
    "desktop.review.drill.drill_down": OWNER,
    "desktop.review.facts.member_pass": OWNER,
}

# DESIGN.md, "Who may do what", as written there (a change to it is a change to the product),
# with the permission that stands for each row.
DESIGN_TABLE = """
| find and view members, their bookings, events, introductions | yes | yes |
| create a member, edit contact fields and tags, archive | yes | yes |
| record a new membership (join or renew) with its payment and receipt | yes | yes |
| edit or void a recorded payment; create or change plans and prices | no | yes |
| import and export members; erase a member; export one member's data | no | yes |
| book, move, cancel bookings; series edits; mark arrived / no-show | yes | yes |
| book in the past, override a rule (recorded with a reason) | no | yes |
| spaces, opening hours, closures | no | yes |
| events, registrations, fees paid, check-in, door mode, rosters | yes | yes |
| partners: view, log a benefit use; offers, needs, introductions, outcomes | yes | yes |
| partners: create and edit, agreements | no | yes |
| review, reports, audit log | no | yes |
| venue settings, staff accounts, database connection, backup, restore | no | yes |
| print schedules, rosters, cards, directories, partner list, circle board | yes | yes |
"""

ROW_PERMISSION = {
    "find and view members": Permission.VIEW_MEMBERS,
    "create a member": Permission.EDIT_MEMBERS,
    "record a new membership": Permission.RECORD_MEMBERSHIP,
    "edit or void a recorded payment": Permission.MANAGE_PAYMENTS_AND_PLANS,
    "import and export members": Permission.IMPORT_EXPORT_ERASE_MEMBERS,
    "book, move, cancel bookings": Permission.BOOK,
    "book in the past": Permission.BOOK_OVERRIDE,
    "spaces, opening hours, closures": Permission.MANAGE_SPACES,
    "events, registrations": Permission.RUN_EVENTS,
    "partners: view": Permission.USE_CIRCLE,
    "partners: create and edit": Permission.MANAGE_PARTNERS,
    "review, reports, audit log": Permission.REVIEW_AND_AUDIT,
    "venue settings, staff accounts": Permission.ADMINISTER,
    "print schedules": Permission.PRINT,
}


# -- finding the service functions -----------------------------------------------------------


def service_modules() -> list[ModuleType]:
    """Every module under desktop/ except the UI and the entry points (imported, not run)."""
    found: list[ModuleType] = []

    def walk(path: list[str], prefix: str) -> None:
        for info in pkgutil.iter_modules(path, prefix):
            if any(info.name == n or info.name.startswith(n + ".") for n in NOT_SERVICES):
                continue
            module = importlib.import_module(info.name)
            found.append(module)
            if info.ispkg:
                walk(list(module.__path__), info.name + ".")

    walk(list(desktop.__path__), "desktop.")
    return found


def _names_context(annotation: Any) -> bool:
    if annotation is inspect.Parameter.empty:
        return False
    if isinstance(annotation, str):  # postponed annotations: "Tx", "Context | Tx"
        return re.search(r"\b(Context|Tx)\b", annotation) is not None
    if annotation in (Context, Tx):
        return True
    return any(_names_context(arg) for arg in typing.get_args(annotation))


def _first_parameter_is_context(fn: Callable[..., Any]) -> bool:
    for follow in (False, True):
        parameters = list(inspect.signature(fn, follow_wrapped=follow).parameters.values())
        if parameters and _names_context(parameters[0].annotation):
            return True
    return False


def public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    for module in service_modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(obj):
                continue
            if obj.__module__ != module.__name__:  # imported from elsewhere
                continue
            yield f"{module.__name__}.{name}", obj


def test_every_public_function_taking_a_context_declares_its_permission() -> None:
    missing = [
        name for name, fn in public_functions()
        if _first_parameter_is_context(fn) and not hasattr(fn, "__permission__")
    ]
    assert missing == [], (
        "public functions taking a Context or Tx without @service(...) or @unauthenticated "
        "(make them private with a leading underscore, or declare the permission):\n  "
        + "\n  ".join(missing)
    )


def test_the_scan_finds_what_the_registry_holds() -> None:
    """Services live only where the scan looks (not in the UI), under their own names."""
    declared = {name for name, fn in public_functions() if hasattr(fn, "__permission__")}
    assert declared == set(SERVICE_REGISTRY)


def test_every_service_is_in_the_expected_table_on_purpose() -> None:
    service_modules()  # importing them fills the registry
    registered, listed = set(SERVICE_REGISTRY), set(EXPECTED)
    assert registered - listed == set(), (
        f"new services: decide who may call them and add them to EXPECTED: "
        f"{sorted(registered - listed)}"
    )
    assert listed - registered == set(), f"gone or renamed: {sorted(listed - registered)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_declared_permission_matches_the_table(name: str) -> None:
    service_modules()
    permission = SERVICE_REGISTRY[name].__permission__  # type: ignore[attr-defined]
    if EXPECTED[name] == PUBLIC:
        assert permission is None
        return
    assert isinstance(permission, Permission)
    desk_may = permission in ROLE_PERMISSIONS[Role.DESK]
    assert permission in ROLE_PERMISSIONS[Role.OWNER]
    assert desk_may == (EXPECTED[name] == BOTH), f"{name} needs {permission}"


# -- calling every service as each role ------------------------------------------------------

SAMPLE_BY_ANNOTATION: list[tuple[str, Any]] = [
    ("bool", False), ("int", 0), ("float", 0.0), ("str", "dummy"), ("dict", {}), ("list", []),
    ("dt.datetime", dt.datetime(2026, 11, 26, 9, 0)), ("dt.date", dt.date(2026, 11, 26)),
]


def dummy_arguments(
    fn: Callable[..., Any], ctx: Context, tmp_path: Path
) -> tuple[list[Any], dict[str, Any]]:
    """Arguments of roughly the right kind for the required parameters after the first."""
    parameters = list(inspect.signature(fn, follow_wrapped=True).parameters.values())[1:]
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in parameters:
        if parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        annotation = str(parameter.annotation)
        value: Any = None
        if parameter.name in ("clock", "hasher"):
            value = getattr(ctx, parameter.name)
        elif "Path" in annotation:
            value = tmp_path / f"dummy-{parameter.name}"
        else:
            for prefix, sample in SAMPLE_BY_ANNOTATION:
                if annotation.startswith(prefix):
                    value = sample
                    break
        if parameter.kind == parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


def call_as(name: str, ctx: Context, tmp_path: Path) -> BaseException | None:
    fn = SERVICE_REGISTRY[name]
    first = next(iter(inspect.signature(fn, follow_wrapped=True).parameters.values()))
    target: Any = ctx if _names_context(first.annotation) else ctx.database
    args, kwargs = dummy_arguments(fn, ctx, tmp_path)
    try:
        fn(target, *args, **kwargs)
    except Exception as error:
        return error
    return None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_exactly_the_tables_answer(
    name: str, desk_ctx: Context, owner_ctx: Context, tmp_path: Path
) -> None:
    service_modules()
    begins: list[object] = []

    def count_begin(_connection: object) -> None:
        begins.append(_connection)

    engine = desk_ctx.database.engine
    event.listen(engine, "begin", count_begin)
    try:
        outcome = call_as(name, desk_ctx, tmp_path)
        if EXPECTED[name] == OWNER:
            assert isinstance(outcome, PermissionDenied), (
                f"the front desk called {name}: {outcome!r}"
            )
            assert begins == [], f"{name} touched the database before refusing the front desk"
        else:
            assert not isinstance(outcome, PermissionDenied), f"the front desk was refused {name}"
    finally:
        event.remove(engine, "begin", count_begin)
    outcome = call_as(name, owner_ctx, tmp_path)
    assert not isinstance(outcome, PermissionDenied), f"the owner was refused {name}"


# -- the roles against DESIGN.md ------------------------------------------------------------


def design_rows() -> list[tuple[str, bool, bool]]:
    rows = []
    for line in DESIGN_TABLE.strip().splitlines():
        action, desk, owner = (cell.strip() for cell in line.strip().strip("|").split("|"))
        rows.append((action, desk == "yes", owner == "yes"))
    return rows


def row_permission(action: str) -> Permission:
    matches = [perm for start, perm in ROW_PERMISSION.items() if action.startswith(start)]
    assert len(matches) == 1, action
    return matches[0]


def test_each_row_of_the_design_table_has_its_own_permission() -> None:
    permissions = [row_permission(action) for action, _desk, _owner in design_rows()]
    assert len(permissions) == len(set(permissions))
    assert set(permissions) | {Permission.USE_APP} == set(Permission)


def test_the_front_desk_has_exactly_the_rows_marked_yes() -> None:
    expected = {row_permission(action) for action, desk, _owner in design_rows() if desk}
    assert ROLE_PERMISSIONS[Role.DESK] == expected | {Permission.USE_APP}


def test_the_owner_has_every_row() -> None:
    assert all(owner for _action, _desk, owner in design_rows())
    assert ROLE_PERMISSIONS[Role.OWNER] == frozenset(Permission)
