"""Shared fixtures: a migrated database (every database test runs on SQLite and on PostgreSQL),
a fixed clock, a cheap hasher, signed-in contexts for the owner and the front desk, and a
keyring in memory (or none at all) for the saved PostgreSQL connection.

``database`` is parametrized: ``[sqlite]`` is a migrated file in the test's tmp folder,
``[postgresql]`` a copy of a template migrated once per session on the throwaway server of
``tests/pg.py`` (marked ``postgres``).  ``sqlite_database`` is for tests that only make sense on
SQLite; ``postgres_url`` / ``empty_postgres_url`` hand out a raw URL of a fresh database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy.engine import URL

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.models import Role
from desktop.security import Hasher, cheap_hasher
from desktop.services import Actor, Context
from tests import pg
from tests.helpers.keyrings import MemoryKeyring

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
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite file, for tests about SQLite itself (WAL, files, locking)."""
    db = open_database(str(tmp_path / "test.sqlite"), create=True)
    yield db
    db.close()


@pytest.fixture
def postgres_url() -> Iterator[URL]:
    """The URL of a fresh PostgreSQL database migrated to head (a copy of the template)."""
    with pg.fresh_database(migrated=True) as url:
        yield url


@pytest.fixture
def empty_postgres_url() -> Iterator[URL]:
    """The URL of a fresh, empty PostgreSQL database (btree_gist installed, no tables)."""
    with pg.fresh_database(migrated=False) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An open, migrated database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        db = open_database(str(tmp_path / "test.sqlite"), create=True)
        try:
            yield db
        finally:
            db.close()
        return
    with pg.fresh_database(migrated=True) as url:
        db = open_database(url)
        try:
            yield db
        finally:
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


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)
