"""The per-transaction settings cache (desktop/settings/store.py): one query per transaction,
and never a stale value when a setting changes inside that same transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from desktop.models.settings import Setting
from desktop.services import Context
from desktop.settings.store import get_setting, update_settings

ZONE = "venue.time_zone"
GRACE = "members.grace_days"


@contextmanager
def counted(ctx: Context) -> Iterator[list[str]]:
    """The SQL statements the database runs inside the block."""
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = ctx.database.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_several_settings_cost_one_query_per_transaction(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {GRACE: 9})
    with owner_ctx.transaction(write=False) as tx, counted(owner_ctx) as statements:
        assert get_setting(tx, ZONE) == "Asia/Shanghai"  # a default: nothing stored
        assert get_setting(tx, GRACE) == 9
        assert get_setting(tx, GRACE) == 9
        assert get_setting(tx, "members.new_days") == get_setting(tx, "members.new_days")
    setting_reads = [s for s in statements if "FROM setting" in s]
    assert len(setting_reads) == 1


def test_a_change_in_the_same_transaction_is_seen(owner_ctx: Context) -> None:
    with owner_ctx.transaction() as tx:
        assert get_setting(tx, GRACE) != 3
        update_settings(tx, {GRACE: 3, ZONE: "Europe/Paris"})
        assert get_setting(tx, GRACE) == 3
        assert get_setting(tx, ZONE) == "Europe/Paris"
        update_settings(tx, {GRACE: 4})
        assert get_setting(tx, GRACE) == 4
    assert get_setting(owner_ctx, GRACE) == 4  # and committed


def test_an_unflushed_row_change_and_a_delete_are_seen(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {GRACE: 5})
    with owner_ctx.transaction() as tx:
        assert get_setting(tx, GRACE) == 5  # cached now
        row = tx.session.get(Setting, GRACE)
        assert row is not None
        row.value = 6  # changed on the row, not flushed yet
        assert get_setting(tx, GRACE) == 6
        tx.session.flush()
        assert get_setting(tx, GRACE) == 6
        tx.session.delete(row)
        tx.session.flush()
        default = get_setting(tx, GRACE)
        assert default != 6  # back to the registry's default
    assert get_setting(owner_ctx, GRACE) == default


def test_a_rolled_back_change_is_forgotten(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {GRACE: 7})
    with owner_ctx.transaction() as tx:
        assert get_setting(tx, GRACE) == 7
        savepoint = tx.session.begin_nested()
        update_settings(tx, {GRACE: 8})
        assert get_setting(tx, GRACE) == 8
        savepoint.rollback()
        assert get_setting(tx, GRACE) == 7
    with pytest.raises(RuntimeError), owner_ctx.transaction() as tx:
        update_settings(tx, {GRACE: 11})
        raise RuntimeError("roll it all back")
    assert get_setting(owner_ctx, GRACE) == 7


def test_another_transaction_sees_a_committed_change(owner_ctx: Context,
                                                     desk_ctx: Context) -> None:
    assert get_setting(desk_ctx, GRACE) != 12
    update_settings(owner_ctx, {GRACE: 12})
    assert get_setting(desk_ctx, GRACE) == 12
