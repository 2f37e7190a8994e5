"""The demo venue: what `clubhouse demo` and "explore the demo" at first start fill in.

Everything is made through the services, as a person would make it, so the demo shows what
the app really does and every rule holds in it.  The venue is built by a list of steps; each
later capability appends its own step (members, spaces, bookings, events, partners, …) that
takes the demo owner's Context and may return what it made, in a few lines.

The demo passwords are known to everyone who reads this file: they are only ever written into
a database that had no accounts (or that the caller asked to replace), never into a venue's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from desktop.accounts import service as accounts
from desktop.booking.demo import add_demo_bookings
from desktop.clock import Clock
from desktop.db import Database
from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members.demo import add_demo_members
from desktop.models.accounts import Role, StaffAccount
from desktop.models.base import Base
from desktop.safety.transfer import delete_all
from desktop.security import Hasher
from desktop.services import Actor, Context
from desktop.settings.store import update_settings


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    display_name: str
    role: Role


OWNER = DemoAccount("owner", "owner-demo", "陈晓梅", Role.OWNER)
DESK = DemoAccount("desk", "desk-demo", "李小婉", Role.DESK)
ACCOUNTS = (OWNER, DESK)

VENUE_SETTINGS = {
    "venue.name": "松山茶院 Pine Hill Lodge",
    "venue.address": "浙江省杭州市西湖区松山路 88 号",
    "venue.time_zone": "Asia/Shanghai",
    "venue.currency": "CNY",
    "app.language": "zh_CN",
}

# A step gets the demo owner's Context; it may return (or yield) lines saying what it made.
DemoStep = Callable[[Context], Iterable[Message] | None]


def _venue(ctx: Context) -> Iterable[Message]:
    update_settings(ctx, VENUE_SETTINGS)
    yield msg("Venue: {name}, {address}", name=VENUE_SETTINGS["venue.name"],
              address=VENUE_SETTINGS["venue.address"])


def _staff(ctx: Context) -> Iterable[Message]:
    accounts.create_staff(ctx, DESK.username, DESK.display_name, DESK.role, DESK.password)
    yield msg("Front-desk account {username} ({name})", username=DESK.username,
              name=DESK.display_name)


def _members(ctx: Context) -> None:
    add_demo_members(ctx)


def _bookings(ctx: Context) -> Iterable[Message]:
    return add_demo_bookings(ctx)


def _events(ctx: Context) -> Iterable[Message]:
    from desktop.events.demo import add_demo_events

    return add_demo_events(ctx)


def _circle(ctx: Context) -> Iterable[Message]:
    from desktop.circle.demo import add_demo_circle
    from desktop.partners.demo import add_demo_partners

    return [*add_demo_partners(ctx), *add_demo_circle(ctx)]


# Later capabilities append their steps here, in the order the data depends on each other.
STEPS: list[DemoStep] = [_venue, _staff, _members, _bookings, _events, _circle]


def is_demo_database(database: Database, hasher: Hasher) -> bool:
    """Whether the demo owner's password opens this database (it is a demo, not a venue)."""
    with database.transaction(write=False) as session:
        password_hash = session.scalar(
            select(StaffAccount.password_hash).where(StaffAccount.username == OWNER.username)
        )
    return password_hash is not None and hasher.verify(password_hash, OWNER.password)


def _wipe(database: Database) -> None:
    """Every row of every table gone, children first, in one transaction."""
    with database.transaction() as session:
        connection = session.connection()
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        delete_all(connection, Base.metadata.sorted_tables)


def fill_demo(database: Database, *, clock: Clock, hasher: Hasher,
              replace: bool = False) -> list[Message]:
    """Fill ``database`` with the demo venue; returns a line for each thing it made.

    A database that has accounts is refused (DomainError) unless ``replace``, which first
    deletes every row of every table.
    """
    if accounts.has_accounts(database):
        if not replace:
            raise DomainError(msg("This database already has accounts: the demo fills only an "
                                  "empty database (or use --replace to wipe it)."))
        _wipe(database)
    elif replace:
        _wipe(database)  # settings or other rows without accounts: still start clean
    setup = Context(database, Actor.system("demo"), clock=clock, hasher=hasher)
    row = accounts.create_first_owner(setup, OWNER.username, OWNER.display_name, OWNER.password)
    owner = setup.as_actor(Actor(row.id, row.username, row.display_name, row.role))
    made = [msg("Owner account {username} ({name})", username=OWNER.username,
                name=OWNER.display_name)]
    for step in STEPS:
        lines = step(owner)
        if lines is not None:
            made.extend(lines)
    return made
