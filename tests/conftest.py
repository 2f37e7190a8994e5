"""Shared fixtures: a migrated database (SQLite file; PostgreSQL added by the db fixtures),
a fixed clock, a cheap hasher, and signed-in contexts for the owner and the front desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.models import Role
from desktop.security import Hasher, cheap_hasher
from desktop.services import Actor, Context

NOW = dt.datetime(2026, 11, 26, 9, 0)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: nothing touches the real user's files."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CLUBHOUSE_DATA_DIR", str(folder))
    monkeypatch.delenv("CLUBHOUSE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CLUBHOUSE_PASSWORD", raising=False)
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="session")
def hasher() -> Hasher:
    return cheap_hasher()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "test.sqlite"), create=True)
    yield db
    db.close()


@pytest.fixture
def system_ctx(database: Database, clock: FixedClock, hasher: Hasher) -> Context:
    return Context(database, Actor.system("test"), clock=clock, hasher=hasher)


@pytest.fixture
def owner_ctx(system_ctx: Context) -> Context:
    accounts.create_first_owner(system_ctx, "owner", "Owner", "owner-pass")
    actor = accounts.sign_in(system_ctx.database, "owner", "owner-pass",
                             clock=system_ctx.clock, hasher=system_ctx.hasher)
    return system_ctx.as_actor(actor)


@pytest.fixture
def desk_ctx(owner_ctx: Context) -> Context:
    accounts.create_staff(owner_ctx, "desk", "Xiao Li", Role.DESK, "desk-pass")
    actor = accounts.sign_in(owner_ctx.database, "desk", "desk-pass",
                             clock=owner_ctx.clock, hasher=owner_ctx.hasher)
    return owner_ctx.as_actor(actor)
