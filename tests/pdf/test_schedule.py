"""The printed day and week schedules, read back: the spaces, who is booked, the seats of the
pond, closures, page x of y, both languages, the font embedded; and the print commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.booking.demo import add_demo_bookings
from desktop.booking.lifecycle import cancel_booking
from desktop.booking.occupancy import peak_in
from desktop.booking.service import list_bookings
from desktop.booking.spaces import list_spaces
from desktop.cli import main
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.reports.schedule import print_day, print_week, week_of
from desktop.services import Context
from tests.pdf.pdftools import fonts, page_texts, squeeze

STORY = ("张建华", "王芳", "陈明", "钱伟", "林静")
SPACE_NAMES = ("小茶室", "大茶室", "钓台", "图书馆", "会议室 A", "会议室 B", "果园", "桌游室")


@pytest.fixture
def venue(owner_ctx: Context) -> Context:
    """The demo's spaces and bookings around the test clock's day, with a few members."""
    with owner_ctx.transaction() as tx:
        plan = mm.create_plan(tx, mm.PlanInput("年卡 Annual", "1980", 12, is_default=True))
        for index, name in enumerate(STORY + tuple(f"会员{i:02d}" for i in range(25))):
            mm.join_member(tx, ms.MemberInput(name, phone=f"1380571{index:04d}"), plan,
                           mm.PaymentInput(method="wechat"))
        add_demo_bookings(tx)
    return owner_ctx


def today(ctx: Context) -> dt.date:
    return ctx.clock.now().date()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_day_schedule_shows_every_space_who_and_the_pond_seats(
        venue: Context, tmp_path: Path, lang: str) -> None:
    path = tmp_path / "day.pdf"
    count = print_day(venue, today(venue), path, lang=lang)

    bookings = list_bookings(venue, today(venue), today(venue))
    assert count == len(bookings) > 10
    pages = page_texts(path)
    text = "\n".join(pages)
    flat = squeeze(text)
    for name in SPACE_NAMES:
        assert squeeze(name) in flat
    for name in ("张建华", "王芳", "陈明", "钱伟", "林静"):
        assert name in text
    assert "9/12" in text  # the pond at its busiest: 9 of 12 seats
    assert "07:00" in text and "22:00" in text  # from the pond's 06:00 to the latest closing
    assert f"{today(venue):%Y-%m-%d}" in text
    if lang == "en":
        assert "Day schedule" in text and "Thursday" in text and "12 seats" in text
        assert "Closed: 空调维修" in text
        assert f"Page 1 of {len(pages)}" in pages[0]
    else:
        assert "日程表（日）" in text and "星期四" in text and "12 个座位" in text
        assert "关闭：空调维修" in text
        assert f"第 1 页，共 {len(pages)} 页" in pages[0]
    used = fonts(path)
    assert used and all(f["embedded"] and f["truetype"] for f in used)


def test_a_cancelled_booking_is_not_on_the_day_schedule(venue: Context, tmp_path: Path) -> None:
    wang = next(b for b in list_bookings(venue, today(venue), today(venue))
                if b.space_name == "小茶室")
    cancel_booking(venue, wang.id, "改天再来")
    path = tmp_path / "day.pdf"
    print_day(venue, today(venue), path, lang="en")
    text = page_texts(path)[0]
    assert f"{wang.starts:%H:%M}–{wang.ends:%H:%M}" not in text
    assert "小茶室" in text


def test_the_day_schedule_of_a_day_without_bookings_still_prints_the_grid(
        venue: Context, tmp_path: Path) -> None:
    path = tmp_path / "day.pdf"
    far = today(venue) + dt.timedelta(days=40)
    assert print_day(venue, far, path, lang="en") == 0
    [text] = page_texts(path)
    assert "钓台" in text and "0 bookings, 0 people" in text and "Page 1 of 1" in text


def test_the_week_schedule_of_one_space_has_the_seven_days(venue: Context,
                                                           tmp_path: Path) -> None:
    pond = next(s for s in list_spaces(venue) if s.name == "钓台")
    path = tmp_path / "week.pdf"
    days = week_of(today(venue))
    count = print_week(venue, today(venue), path, pond.id, lang="en")

    expected = list_bookings(venue, days[0], days[-1], [pond.id])
    assert count == len(expected) > 0
    [text] = page_texts(path)
    assert days[0].weekday() == 0 and days[-1].weekday() == 6
    for day in days:
        assert f"{day:%m-%d}" in text
    assert "Monday" in text and "Sunday" in text
    assert f"钓台 · Week of {days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}" in text
    assert "/12" in text
    assert "Page 1 of 1" in text


def test_the_week_schedule_of_all_spaces_has_a_page_per_space(venue: Context,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "week.pdf"
    count = print_week(venue, today(venue), path, lang="zh_CN")
    days = week_of(today(venue))
    assert count == len(list_bookings(venue, days[0], days[-1]))
    pages = page_texts(path)
    assert len(pages) == len(SPACE_NAMES)
    for number, (page, name) in enumerate(zip(pages, SPACE_NAMES, strict=True), start=1):
        assert squeeze(f"{name} · {days[0]:%Y-%m-%d} 至") in squeeze(page)
        assert f"第 {number} 页，共 {len(pages)} 页" in page
        assert "星期一" in page and "星期日" in page
    assert "周三茶会" in pages[1]  # the tea club in the large tea room on Wednesday


def test_the_seats_shown_are_the_peak_not_the_sum(venue: Context) -> None:
    pond = [b for b in list_bookings(venue, today(venue), today(venue)) if b.space_name == "钓台"]
    start = dt.datetime.combine(today(venue), dt.time(7))
    assert peak_in(pond, start, start + dt.timedelta(hours=1)) == 7
    afternoon = dt.datetime.combine(today(venue), dt.time(11))
    assert peak_in(pond, afternoon, afternoon + dt.timedelta(hours=1)) == 4
    assert peak_in(pond, start, start + dt.timedelta(hours=12)) == 9


# ---------------------------------------------------------------- the commands


@pytest.fixture
def signed(venue: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = venue.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


def test_print_day_and_week_from_the_command_line(
        signed: list[str], venue: Context, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    day = f"{today(venue):%Y-%m-%d}"
    output = tmp_path / "day.pdf"
    assert main(["print", "day", "--date", day, "-o", str(output), *signed]) == 0
    assert f"Day schedule of {day}" in capsys.readouterr().out
    assert "钓台" in page_texts(output)[0]

    week = tmp_path / "week.pdf"
    assert main(["print", "week", "--date", day, "--space", "钓台", "-o", str(week),
                 *signed]) == 0
    assert "Week schedule" in capsys.readouterr().out
    assert len(page_texts(week)) == 1


def test_print_week_of_an_unknown_space_lists_the_spaces(
        signed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "week.pdf"
    assert main(["print", "week", "--space", "Sauna", "-o", str(output), *signed]) == 1
    err = capsys.readouterr().err
    assert "No space is called Sauna" in err and "钓台" in err and "桌游室" in err
    assert not output.exists()


def test_print_day_with_a_bad_date_is_wrong_usage(
        signed: list[str], tmp_path: Path) -> None:
    assert main(["print", "day", "--date", "26/11/2026", "-o", str(tmp_path / "d.pdf"),
                 *signed]) == 2
