"""The database fixtures themselves: every test starts from a fresh database at head."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from desktop.accounts import service as accounts
from desktop.db import Database, head_revision, open_database
from desktop.services import Context


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_each_test_gets_its_own_fresh_database(database: Database, system_ctx: Context,
                                               turn: int) -> None:
    # Were databases shared, the second and third turns would find the first one's owner.
    assert database.current_revision() == head_revision()
    assert not accounts.has_accounts(database)
    accounts.create_first_owner(system_ctx, "owner", "Owner", "owner-pass")
    assert accounts.has_accounts(database)


@pytest.mark.postgres
def test_the_postgres_database_has_btree_gist(postgres_url: URL) -> None:
    database = open_database(postgres_url)
    try:
        with database.engine.connect() as connection:
            names = connection.execute(text("SELECT extname FROM pg_extension")).scalars().all()
        assert "btree_gist" in names
        assert not database.is_sqlite
    finally:
        database.close()
