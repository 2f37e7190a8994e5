"""Exporting bookings: an iCalendar file a calendar app (and the icalendar library) reads back
with the right events and times, a CSV that Excel opens with Chinese intact, and the command."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
import pytest

from desktop.booking.export import export_bookings
from desktop.booking.lifecycle import cancel_booking
from desktop.booking.rules import SpaceView
from desktop.booking.series import SeriesRequest, create_series
from desktop.booking.service import BookingRequest, create_booking
from desktop.cli import main
from desktop.errors import DomainError
from desktop.services import Context
from desktop.settings.store import update_settings
from tests.helpers.booking_race import DAY, make_members, make_spaces

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.fixture
def booked(owner_ctx: Context) -> dict[str, int]:
    """Three single bookings (one cancelled, one for a guest) and a weekly series of four."""
    update_settings(owner_ctx, {"venue.name": "松山茶院", "venue.time_zone": "Asia/Shanghai"})
    spaces: dict[str, SpaceView] = make_spaces(owner_ctx)
    members = make_members(owner_ctx)
    zhang = members["zhang"]
    small, pond = spaces["Small tea room"], spaces["Fishing pond"]
    first = create_booking(owner_ctx, BookingRequest(
        small.id, at(DAY, 10), at(DAY, 12), party_size=4, member_id=zhang, purpose="品茶"))
    guest = create_booking(owner_ctx, BookingRequest(
        pond.id, at(DAY, 7), at(DAY, 11), party_size=3, member_id=zhang, guest_name="李先生"))
    later = DAY + dt.timedelta(days=1)
    gone = create_booking(owner_ctx, BookingRequest(
        small.id, at(later, 15), at(later, 17), party_size=2, member_id=zhang))
    cancel_booking(owner_ctx, gone.id, "行程有变")
    series = create_series(owner_ctx, SeriesRequest(
        spaces["Large tea room"].id, at(DAY + dt.timedelta(days=5), 19), 120,
        "FREQ=WEEKLY;COUNT=4", party_size=8, member_id=zhang, purpose="周三茶会"))
    return {"first": first.id, "guest": guest.id, "gone": gone.id, "series": series.series_id}


def events(path: Path) -> list[icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_ics_has_one_event_per_booking_with_zoned_times(
        owner_ctx: Context, booked: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "bookings.ics"
    assert export_bookings(owner_ctx, path) == 7

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    found = events(path)
    assert len(found) == 7
    for event in found:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS"):
            assert key in event
        assert event["LOCATION"] == "松山茶院"
        assert event.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)
    first = next(e for e in found if e["UID"] == f"booking-{booked['first']}@clubhouse")
    starts = first.decoded("DTSTART")
    assert starts == dt.datetime.combine(DAY, dt.time(10), tzinfo=SHANGHAI)
    assert first["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert first.decoded("DTEND") - starts == dt.timedelta(hours=2)
    assert first["SUMMARY"] == "Small tea room · 张建华"
    assert first["STATUS"] == "CONFIRMED" and "品茶" in str(first["DESCRIPTION"])
    guest = next(e for e in found if e["UID"] == f"booking-{booked['guest']}@clubhouse")
    assert guest["SUMMARY"] == "Fishing pond · 李先生 (张建华)"
    gone = next(e for e in found if e["UID"] == f"booking-{booked['gone']}@clubhouse")
    assert gone["STATUS"] == "CANCELLED"


def test_series_occurrences_share_the_uid_and_carry_their_recurrence_id(
        owner_ctx: Context, booked: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "bookings.ics"
    export_bookings(owner_ctx, path)
    club = [e for e in events(path) if e["UID"] == f"series-{booked['series']}@clubhouse"]
    assert len(club) == 4
    ids = sorted(e.decoded("RECURRENCE-ID") for e in club)
    first = dt.datetime.combine(DAY + dt.timedelta(days=5), dt.time(19), tzinfo=SHANGHAI)
    assert ids == [first + dt.timedelta(weeks=n) for n in range(4)]
    assert all(e.decoded("DTSTART") == e.decoded("RECURRENCE-ID") for e in club)


def test_a_range_exports_only_the_bookings_starting_in_it(
        owner_ctx: Context, booked: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "day.ics"
    assert export_bookings(owner_ctx, path, DAY, DAY) == 2
    assert {e["UID"] for e in events(path)} == {f"booking-{booked['first']}@clubhouse",
                                                f"booking-{booked['guest']}@clubhouse"}
    later = DAY + dt.timedelta(days=5)
    assert export_bookings(owner_ctx, tmp_path / "later.ics", first_day=later) == 4
    assert export_bookings(owner_ctx, tmp_path / "before.ics", last_day=DAY) == 2
    with pytest.raises(DomainError):
        export_bookings(owner_ctx, tmp_path / "x.ics", later, DAY)


def test_the_csv_has_a_bom_one_row_per_booking_and_chinese_intact(
        owner_ctx: Context, booked: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "bookings.csv"
    assert export_bookings(owner_ctx, path, lang="zh_CN") == 7
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:5] == ["预订", "空间", "日期", "开始时间", "结束时间"]
    assert len(rows) == 8
    first = next(r for r in rows if r[0] == str(booked["first"]))
    assert first[1:5] == ["Small tea room", f"{DAY:%Y-%m-%d}", "10:00", "12:00"]
    assert "张建华" in first and "品茶" in first and "4" in first
    gone = next(r for r in rows if r[0] == str(booked["gone"]))
    assert gone[10:12] == ["已取消", "行程有变"]


def test_only_ics_and_csv_are_written(owner_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as error:
        export_bookings(owner_ctx, tmp_path / "bookings.xlsx")
    assert ".ics" in error.value.render("en")
    assert not (tmp_path / "bookings.xlsx").exists()


def test_the_front_desk_may_export_bookings(desk_ctx: Context, tmp_path: Path) -> None:
    assert export_bookings(desk_ctx, tmp_path / "none.ics") == 0
    assert events(tmp_path / "none.ics") == []


# ---------------------------------------------------------------- the command


@pytest.fixture
def signed(owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = owner_ctx.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


def test_export_bookings_from_the_command_line(
        signed: list[str], booked: dict[str, int], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "all.ics"
    assert main(["export", "bookings", str(path), *signed]) == 0
    assert capsys.readouterr().out.strip() == f"7 bookings written to {path}."
    assert len(events(path)) == 7

    day = f"{DAY:%Y-%m-%d}"
    csv_path = tmp_path / "day.csv"
    assert main(["export", "bookings", str(csv_path), "--from", day, "--to", day,
                 *signed]) == 0
    assert len(csv_path.read_text(encoding="utf-8-sig").splitlines()) == 3


def test_export_bookings_refusals_and_wrong_usage(
        signed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "bookings", str(tmp_path / "b.txt"), *signed]) == 1
    assert ".ics" in capsys.readouterr().err
    assert main(["export", "bookings", str(tmp_path / "b.ics"), "--from", "2026-12-01",
                 "--to", "2026-11-01", *signed]) == 1
    assert main(["export", "bookings", str(tmp_path / "b.ics"), "--from", "tomorrow",
                 *signed]) == 2
    assert not (tmp_path / "b.ics").exists()
