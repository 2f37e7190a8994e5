"""The settings store: defaults, typed values, and refusals at the field with nothing stored."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import pytest

from desktop.audit.browse import AuditFilter, find_entries
from desktop.errors import DomainError
from desktop.services import Context
from desktop.settings.registry import REGISTRY
from desktop.settings.store import all_settings, get_setting, update_settings


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid RGB PNG built by hand (no Qt, no Pillow): signature, IHDR, IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xc0\x30\x30" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_new_database_has_the_defaults(owner_ctx: Context, desk_ctx: Context) -> None:
    values = all_settings(owner_ctx)  # loads every module that declares settings
    defaults = {name: definition.default for name, definition in REGISTRY.items()}
    assert "booking.no_show_minutes" in defaults and "members.grace_days" in defaults
    assert values == defaults
    assert all_settings(desk_ctx) == defaults  # the desk reads them (venue name on printouts)
    assert get_setting(desk_ctx, "venue.time_zone") == "Asia/Shanghai"
    assert get_setting(owner_ctx, "app.idle_lock_minutes") == 10


def test_values_come_back_typed(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {
        "venue.name": "  山庄圈子  ", "app.idle_lock_minutes": "15", "backup.keep": 3,
        "venue.time_zone": "Europe/Berlin", "app.language": "en",
    })
    assert get_setting(owner_ctx, "venue.name") == "山庄圈子"
    assert get_setting(owner_ctx, "app.idle_lock_minutes") == 15
    assert get_setting(owner_ctx, "backup.keep") == 3
    assert get_setting(owner_ctx, "venue.time_zone") == "Europe/Berlin"
    settings = all_settings(owner_ctx)
    assert settings["app.language"] == "en"
    assert settings["venue.currency"] == "CNY"  # untouched ones keep their default
    update_settings(owner_ctx, {"app.idle_lock_minutes": 0})  # 0: never lock
    assert get_setting(owner_ctx, "app.idle_lock_minutes") == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("venue.time_zone", "Asia/Atlantis"),
        ("venue.time_zone", ""),
        ("app.idle_lock_minutes", -1),
        ("app.idle_lock_minutes", "ten"),
        ("backup.keep", 0),
        ("venue.logo", "this is not hex"),
        ("venue.logo", b"GIF89a-not-really".hex()),
        ("venue.name", "   "),
        ("app.language", "fr"),
    ],
)
def test_a_bad_value_is_refused_at_its_field_and_nothing_is_stored(
    owner_ctx: Context, name: str, value: Any
) -> None:
    before = all_settings(owner_ctx)
    with pytest.raises(DomainError) as error:
        update_settings(owner_ctx,
                        {"venue.name": "Good Name", "venue.address": "北京", name: value})
    assert error.value.field == name
    assert error.value.render("zh_CN") != error.value.render("en")  # a message for a person
    assert all_settings(owner_ctx) == before
    assert find_entries(owner_ctx, AuditFilter(entity="setting")) == []


def test_an_unknown_setting_is_refused(owner_ctx: Context) -> None:
    with pytest.raises(DomainError):
        update_settings(owner_ctx, {"venue.colour": "red"})
    with pytest.raises(DomainError):
        get_setting(owner_ctx, "venue.colour")


def test_a_png_logo_is_accepted_and_kept_byte_for_byte(owner_ctx: Context) -> None:
    logo = tiny_png().hex()
    update_settings(owner_ctx, {"venue.logo": logo})
    assert bytes.fromhex(get_setting(owner_ctx, "venue.logo")) == tiny_png()
    update_settings(owner_ctx, {"venue.logo": ""})  # and removed again
    assert get_setting(owner_ctx, "venue.logo") == ""


def test_a_change_is_audited_with_before_and_after(owner_ctx: Context) -> None:
    update_settings(owner_ctx, {"venue.name": "Old Name"})
    update_settings(owner_ctx, {"venue.name": "新名字"})
    update_settings(owner_ctx, {"venue.name": "新名字"})  # no change, no entry
    entries = find_entries(owner_ctx, AuditFilter(entity="setting"))
    assert [(e.action, e.entity_id, e.staff) for e in entries] == [
        ("update", "venue.name", "owner"), ("create", "venue.name", "owner"),
    ]
    assert entries[0].before == {"value": "Old Name"}
    assert entries[0].after == {"value": "新名字"}


def test_every_module_that_declares_settings_is_loaded_by_the_store() -> None:
    """A setting declared in a domain module exists even if nothing imported that module."""
    import ast
    from pathlib import Path

    import desktop
    from desktop.domains import SETTING_MODULES

    root = Path(desktop.__file__).parent
    declaring = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and getattr(n.func, "id", None) in ("define", "_days")]
        if calls and path.name != "registry.py":
            module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
            declaring.add(module)
    assert declaring == set(SETTING_MODULES)


def test_a_domain_setting_can_be_changed_without_importing_its_module(owner_ctx) -> None:
    from desktop.settings.store import all_settings, update_settings

    update_settings(owner_ctx, {"booking.no_show_minutes": 45, "members.grace_days": 20})
    values = all_settings(owner_ctx)
    assert values["booking.no_show_minutes"] == 45
    assert values["members.grace_days"] == 20


def test_the_real_clock_follows_the_venues_zone_setting(owner_ctx: Context) -> None:
    """After sign-in (app and CLI) and after the venue's settings are saved, "now" is the
    venue's wall-clock time; a fixed test clock is left alone."""
    import datetime as dt
    import zoneinfo

    from desktop.clock import SystemClock
    from desktop.settings.store import follow_venue_zone

    real = Context(owner_ctx.database, owner_ctx.actor, clock=SystemClock(),
                   hasher=owner_ctx.hasher)
    update_settings(real, {"venue.time_zone": "America/Los_Angeles"})
    follow_venue_zone(real)
    assert isinstance(real.clock, SystemClock)
    assert real.clock.zone == zoneinfo.ZoneInfo("America/Los_Angeles")
    wanted = dt.datetime.now(zoneinfo.ZoneInfo("America/Los_Angeles")).replace(tzinfo=None)
    assert abs((real.clock.now() - wanted).total_seconds()) < 5
    fixed_before = owner_ctx.clock.now()
    follow_venue_zone(owner_ctx)
    assert owner_ctx.clock.now() == fixed_before
