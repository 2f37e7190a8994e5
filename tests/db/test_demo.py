"""The demo venue: made through the services, signed into with the demo accounts, never
poured into a database that already belongs to someone."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database
from desktop.demo import fill_demo, is_demo_database
from desktop.errors import DomainError, SignInFailed
from desktop.models import AuditEntry, Role, StaffAccount
from desktop.security import Hasher
from desktop.services import Context
from desktop.settings.store import all_settings


def test_the_demo_venue_has_its_settings_and_both_accounts(
        database: Database, clock: FixedClock, hasher: Hasher) -> None:
    made = fill_demo(database, clock=clock, hasher=hasher)
    assert any("owner" in line.render("en") for line in made)
    owner = accounts.sign_in(database, "owner", "owner-demo", clock=clock, hasher=hasher)
    desk = accounts.sign_in(database, "desk", "desk-demo", clock=clock, hasher=hasher)
    assert (owner.role, desk.role) == (Role.OWNER, Role.DESK)
    assert owner.display_name == "陈晓梅" and desk.display_name == "李小婉"
    settings = all_settings(Context(database, owner, clock=clock, hasher=hasher))
    assert "Pine Hill" in settings["venue.name"]
    assert settings["venue.time_zone"] == "Asia/Shanghai"
    assert settings["venue.currency"] == "CNY"
    assert settings["venue.address"]
    # made through the services: the audit log says who made what
    with database.transaction(write=False) as session:
        entities = set(session.scalars(select(AuditEntry.entity)))
    assert {"staff_account", "setting"} <= entities
    assert is_demo_database(database, hasher)


def test_the_demo_refuses_a_database_that_has_accounts(owner_ctx: Context) -> None:
    database = owner_ctx.database
    with pytest.raises(DomainError) as refused:
        fill_demo(database, clock=owner_ctx.clock, hasher=owner_ctx.hasher)
    assert refused.value.exit_code == 1
    with pytest.raises(SignInFailed):
        accounts.sign_in(database, "owner", "owner-demo", clock=owner_ctx.clock,
                         hasher=owner_ctx.hasher)
    assert not is_demo_database(database, owner_ctx.hasher)


def test_replace_wipes_everything_and_fills_the_demo_again(owner_ctx: Context) -> None:
    database = owner_ctx.database
    accounts.create_staff(owner_ctx, "someone", "Someone", Role.DESK, "someone-pass")
    fill_demo(database, clock=owner_ctx.clock, hasher=owner_ctx.hasher, replace=True)
    with database.transaction(write=False) as session:
        names = dict(session.execute(
            select(StaffAccount.username, StaffAccount.display_name)).all())
        accounts_created = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "staff_account", AuditEntry.action == "create"))
    assert names == {"owner": "陈晓梅", "desk": "李小婉"}
    assert accounts_created == 2  # the old audit log went with the old rows
    accounts.sign_in(database, "owner", "owner-demo", clock=owner_ctx.clock,
                     hasher=owner_ctx.hasher)
