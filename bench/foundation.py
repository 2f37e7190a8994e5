"""Foundation: opening the database, signing in, one audited write, the audit log, a backup."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from sqlalchemy import insert

from bench.framework import Operation, World, benchmark, fill
from desktop.accounts import service as accounts
from desktop.audit.browse import AuditFilter, count_entries, find_entries
from desktop.db import open_database
from desktop.models import AuditEntry, Role
from desktop.safety.backup import write_backup
from desktop.security import Argon2Hasher
from desktop.services import Actor, Context
from desktop.settings.store import update_settings

AUDIT_ENTRIES = 100_000
ENTITIES = ["member", "booking", "event", "registration", "setting", "staff_account", "partner"]


@fill(order=0)
def staff_accounts(world: World) -> None:
    """The owner and a desk (cheap hashes, for speed) and one account with a real Argon2 hash."""
    system = Context(world.database, Actor.system("bench"), clock=world.clock,
                     hasher=world.hasher)
    accounts.create_first_owner(system, "owner", "店主", "owner-pass")
    owner_actor = accounts.sign_in(world.database, "owner", "owner-pass", clock=world.clock,
                                   hasher=world.hasher)
    world.owner = system.as_actor(owner_actor)
    accounts.create_staff(world.owner, "desk", "前台", Role.DESK, "desk-pass")
    world.desk = world.owner.as_actor(accounts.sign_in(
        world.database, "desk", "desk-pass", clock=world.clock, hasher=world.hasher))
    real = Context(world.database, owner_actor, clock=world.clock, hasher=Argon2Hasher())
    accounts.create_staff(real, "argon", "Real hash", Role.DESK, "argon-pass")
    world.counts["staff accounts"] = 3


@fill(order=90)
def audit_log(world: World) -> None:
    """A year of audit entries from three people over seven kinds of records."""
    rng = random.Random(2)
    start = dt.datetime(2025, 11, 26, 8, 0)
    people = [(1, "owner"), (2, "desk"), (None, "system")]
    rows = []
    for n in range(AUDIT_ENTRIES):
        staff_id, username = rng.choice(people)
        entity = rng.choice(ENTITIES)
        rows.append({
            "at": start + dt.timedelta(seconds=n * 315),
            "staff_id": staff_id, "staff_username": username,
            "action": rng.choice(["create", "update", "update", "delete"]),
            "entity": entity, "entity_id": str(rng.randint(1, 50_000)),
            "before": {"name": "张伟", "phone": "+8613800138000"},
            "after": {"name": "张伟", "phone": "+8613900139000"},
            "note": None,
        })
    with world.database.transaction() as session:
        for first in range(0, len(rows), 10_000):
            session.execute(insert(AuditEntry), rows[first:first + 10_000])
    world.counts["audit entries"] = AUDIT_ENTRIES


@benchmark("open_database (migrated, WAL) and close", target_ms=150)
def open_and_close(world: World) -> Operation:
    return lambda: open_database(str(world.path)).close()


@benchmark("sign_in, real Argon2 (slow on purpose)", target_ms=1000, repeats=10)
def sign_in_argon2(world: World) -> Operation:
    hasher = Argon2Hasher()
    return lambda: accounts.sign_in(world.database, "argon", "argon-pass", clock=world.clock,
                                    hasher=hasher)


@benchmark("sign_in, cheap hasher (tests)", target_ms=30)
def sign_in_cheap(world: World) -> Operation:
    return lambda: accounts.sign_in(world.database, "desk", "desk-pass", clock=world.clock,
                                    hasher=world.hasher)


@benchmark("update_settings: one audited write", target_ms=30)
def audited_write(world: World) -> Operation:
    names = itertools.cycle(["松山茶院", "Pine Hill Lodge"])
    return lambda: update_settings(world.ctx(), {"venue.name": next(names)})


@benchmark("find_entries: first page, one entity (100k log)", target_ms=100)
def audit_page_by_entity(world: World) -> Operation:
    flt = AuditFilter(entity="member")
    return lambda: find_entries(world.ctx(), flt, limit=200)


@benchmark("find_entries: first page, staff + month (100k log)", target_ms=100)
def audit_page_by_staff_and_month(world: World) -> Operation:
    flt = AuditFilter(staff="desk", since=dt.date(2026, 3, 1), until=dt.date(2026, 3, 31))
    return lambda: find_entries(world.ctx(), flt, limit=200)


@benchmark("count_entries: one entity (100k log)", target_ms=100)
def audit_count(world: World) -> Operation:
    flt = AuditFilter(entity="member")
    return lambda: count_entries(world.ctx(), flt)


@benchmark("write_backup of the whole database", target_ms=2000, repeats=5)
def backup(world: World) -> Operation:
    counter = itertools.count()
    return lambda: write_backup(world.database, world.folder / f"backup-{next(counter)}.sqlite")
