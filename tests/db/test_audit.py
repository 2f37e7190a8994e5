"""The audit log: every write leaves who, when, what, before and after; the owner reads it."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.accounts import service as accounts
from desktop.audit.browse import (
    AuditFilter,
    count_entries,
    export_entries,
    filter_choices,
    find_entries,
)
from desktop.audit.recorder import record
from desktop.clock import FixedClock
from desktop.models import Role, Setting, StaffAccount
from desktop.services import Context
from desktop.settings.store import update_settings


def staff_id(ctx: Context, username: str) -> int:
    return next(r.id for r in accounts.list_staff(ctx) if r.username == username)


def test_a_create_records_who_when_and_the_new_row(owner_ctx: Context,
                                                   clock: FixedClock) -> None:
    clock.advance(minutes=5)
    row = accounts.create_staff(owner_ctx, "xiaoli", "小李", Role.DESK, "desk-pass")
    [entry] = find_entries(owner_ctx, AuditFilter(entity="staff_account"), limit=1)
    assert (entry.action, entry.entity_id, entry.staff, entry.at) == (
        "create", str(row.id), "owner", clock.now()
    )
    assert entry.before is None
    assert entry.after is not None
    assert entry.after["username"] == "xiaoli"
    assert entry.after["display_name"] == "小李"
    assert entry.after["password_hash"] == "***"


def test_an_update_records_only_what_changed(owner_ctx: Context, desk_ctx: Context) -> None:
    accounts.update_staff(owner_ctx, staff_id(owner_ctx, "desk"), "李小姐", Role.DESK)
    [entry] = find_entries(owner_ctx, AuditFilter(entity="staff_account"), limit=1)
    assert entry.action == "update"
    assert entry.before == {"display_name": "Xiao Li"}
    assert entry.after == {"display_name": "李小姐"}


def test_a_delete_records_the_row_as_it_was(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {"venue.address": "山东路 1 号"})
    with owner_ctx.transaction() as tx:
        tx.session.delete(tx.session.get(Setting, "venue.address"))
    [entry] = find_entries(owner_ctx, AuditFilter(entity="setting"), limit=1)
    assert (entry.action, entry.entity_id) == ("delete", "venue.address")
    assert entry.before == {"name": "venue.address", "value": "山东路 1 号"}
    assert entry.after is None


def test_password_hashes_never_reach_the_log(owner_ctx: Context, desk_ctx: Context,
                                             tmp_path: Path) -> None:
    desk = staff_id(owner_ctx, "desk")
    accounts.reset_password(owner_ctx, desk, "another-pass")
    accounts.change_own_password(desk_ctx, "another-pass", "desk-pass-2")
    changes = [e for e in find_entries(owner_ctx, AuditFilter(entity="staff_account"))
               if e.action == "update" and e.after and "password_hash" in e.after]
    assert len(changes) == 2
    for entry in changes:
        assert entry.before is not None and entry.after is not None
        assert entry.before["password_hash"] == entry.after["password_hash"] == "***"
    exported = tmp_path / "audit.csv"
    export_entries(owner_ctx, AuditFilter(), exported)
    text = exported.read_text(encoding="utf-8-sig")
    with owner_ctx.transaction() as tx:
        hashes = tx.session.scalars(select(StaffAccount.password_hash)).all()
    assert hashes and not any(h in text for h in hashes)
    assert "$argon2" not in text


def test_a_rolled_back_transaction_leaves_no_entry(owner_ctx: Context) -> None:
    before = count_entries(owner_ctx, AuditFilter())
    with pytest.raises(RuntimeError), owner_ctx.transaction() as tx:
        tx.session.add(Setting(name="venue.address", value="will not stay"))
        tx.session.flush()  # the entry is written here, inside the transaction...
        record(tx.session, "export", "member", note="half done")
        raise RuntimeError("the desk's computer lost power")  # ...and goes with it
    assert count_entries(owner_ctx, AuditFilter()) == before
    with owner_ctx.transaction(write=False) as tx:
        assert tx.session.get(Setting, "venue.address") is None


def test_an_event_that_is_not_a_row_change_is_recorded(owner_ctx: Context) -> None:
    with owner_ctx.transaction() as tx:
        record(tx.session, "backup", "database", note="to USB stick", file="备份.sqlite")
    [entry] = find_entries(owner_ctx, AuditFilter(entity="database"))
    assert (entry.action, entry.staff, entry.note) == ("backup", "owner", "to USB stick")
    assert entry.after == {"file": "备份.sqlite"}


@pytest.fixture
def busy_log(owner_ctx: Context, desk_ctx: Context, clock: FixedClock) -> Context:
    """Three days of work: the owner changes settings, the desk changes its password."""
    clock.set(dt.datetime(2026, 11, 20, 10, 0))
    update_settings(owner_ctx, {"venue.name": "第一天"})
    clock.set(dt.datetime(2026, 11, 21, 23, 59, 59))
    accounts.change_own_password(desk_ctx, "desk-pass", "desk-pass-2")
    clock.set(dt.datetime(2026, 11, 22, 0, 0))
    update_settings(owner_ctx, {"venue.name": "第三天", "backup.keep": 5})
    return owner_ctx


def test_filters_by_staff_entity_and_dates(busy_log: Context) -> None:
    ctx = busy_log
    staff, entities = filter_choices(ctx)
    assert {"owner", "desk"} <= set(staff)
    assert {"setting", "staff_account"} <= set(entities)

    # Newest first: the desk signed in on the 26th (the fixture), changed its password on the 21st.
    by_desk = find_entries(ctx, AuditFilter(staff="desk"))
    assert [(e.entity, sorted(e.after or {})) for e in by_desk] == [
        ("staff_account", ["last_sign_in"]), ("staff_account", ["password_hash"]),
    ]
    settings = find_entries(ctx, AuditFilter(entity="setting"))
    assert len(settings) == 3
    assert all(e.entity == "setting" for e in settings)
    assert settings[0].at >= settings[-1].at  # newest first

    day_two = AuditFilter(since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21))
    # 23:59:59 is still the 21st
    assert [(e.staff, e.at) for e in find_entries(ctx, day_two)] == [
        ("desk", dt.datetime(2026, 11, 21, 23, 59, 59))
    ]
    from_day_three = AuditFilter(entity="setting", since=dt.date(2026, 11, 22))
    assert {e.entity_id for e in find_entries(ctx, from_day_three)} == {"venue.name",
                                                                       "backup.keep"}
    both = AuditFilter(staff="owner", entity="setting", until=dt.date(2026, 11, 20))
    assert [e.after for e in find_entries(ctx, both)] == [{"name": "venue.name",
                                                           "value": "第一天"}]
    assert count_entries(ctx, both) == 1
    assert count_entries(ctx, AuditFilter(staff="nobody")) == 0


def test_pages_of_the_log(busy_log: Context) -> None:
    everything = find_entries(busy_log, AuditFilter())
    total = count_entries(busy_log, AuditFilter())
    assert len(everything) == total >= 5
    first = find_entries(busy_log, AuditFilter(), offset=0, limit=2)
    rest = find_entries(busy_log, AuditFilter(), offset=2, limit=total)
    assert [e.id for e in first + rest] == [e.id for e in everything]


def test_export_is_csv_with_a_bom_and_the_chinese_intact(busy_log: Context,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "审计.csv"
    count = export_entries(busy_log, AuditFilter(entity="setting"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count == 3
    assert [row["entity_id"] for row in rows] == ["venue.name", "venue.name", "backup.keep"]
    assert '"value": "第一天"' in rows[0]["after"]
    assert '"第三天"' in rows[1]["after"] and '"第一天"' in rows[1]["before"]
    assert rows[0]["staff"] == "owner"
    assert rows[0]["at"] == "2026-11-20 10:00:00"
