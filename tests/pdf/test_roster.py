"""The event roster and name badges, read back: names in pinyin order, the header on every page,
the embedded font, the walk-in page, who came and when after the event; badges with names and
"guest of"; and ``clubhouse print roster|badges`` with its one-line errors."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.booking.rules import OpeningRange
from desktop.booking.spaces import SpaceInput, create_space
from desktop.cli import main
from desktop.clock import FixedClock
from desktop.events.checkin import check_in_registration
from desktop.events.registrations import RegistrationInput, register
from desktop.events.service import EventInput, EventView, create_event
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.reports.badges import print_badges
from desktop.reports.roster import print_roster
from desktop.services import Context
from tests.pdf.pdftools import fonts, page_texts, squeeze

# Pinyin order: ài, chén, lǐ, wáng, zhāng (not the order of the characters' code points).
PINYIN_ORDER = ("艾米", "陈明", "李四", "王五", "张三")
STARTS = dt.datetime(2026, 11, 27, 14, 0)  # tomorrow, with the test clock


def layout_lines(pdf: Path) -> list[str]:
    """The PDF's text as lines laid out as printed (a table row is one line)."""
    done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8").splitlines()


def make_space(ctx: Context, name: str = "大茶室", capacity: int = 200) -> int:
    hours = tuple(OpeningRange(day, dt.time(8), dt.time(22)) for day in range(7))
    return create_space(ctx, SpaceInput(name, "tea_room", capacity, True, min_minutes=30,
                                        max_minutes=600, hours=hours)).id


def make_members(ctx: Context, names: list[str] | tuple[str, ...]) -> list[ms.MemberRow]:
    """Paid members, in one transaction."""
    with ctx.transaction() as tx:
        plan = mm.create_plan(tx, mm.PlanInput("年卡 Annual", "1980", 12, is_default=True))
        rows = []
        for name in names:
            row = ms.create_member(tx, ms.MemberInput(name), allow_duplicates=True)
            mm.record_membership(tx, row.id, plan)
            rows.append(row)
    return rows


def make_event(ctx: Context, *, title: str = "秋茶品鉴 Autumn tea", capacity: int = 150,
               fee: str = "80", host: int | None = None) -> EventView:
    [event] = create_event(ctx, EventInput(title, "tea_tasting", make_space(ctx), STARTS,
                                           STARTS + dt.timedelta(hours=2), capacity, fee=fee,
                                           host_member_id=host))
    return event


def register_all(ctx: Context, event_id: int, members: list[ms.MemberRow], *,
                 companions: int = 0) -> list[int]:
    ids = []
    with ctx.transaction() as tx:
        for index, member in enumerate(members):
            result = register(tx, event_id, RegistrationInput(
                member_id=member.id, companions=companions if index == 0 else 0,
                paid=index % 2 == 0))
            ids.append(result.registration.id)
    return ids


def at(ctx: Context, moment: dt.datetime) -> Context:
    return replace(ctx, clock=FixedClock(moment))


@pytest.fixture
def tea(owner_ctx: Context) -> tuple[EventView, list[ms.MemberRow], list[int]]:
    """A tea tasting tomorrow with a fee, five members registered (the first with 2 more)."""
    members = make_members(owner_ctx, ("张三", "王五", "李四", "艾米", "陈明"))
    event = make_event(owner_ctx, host=members[0].id)
    return event, members, register_all(owner_ctx, event.id, members, companions=2)


def test_the_roster_lists_the_registered_in_pinyin_order_with_numbers_and_boxes(
        owner_ctx: Context, tea: tuple[EventView, list[ms.MemberRow], list[int]],
        tmp_path: Path) -> None:
    event, members, _ = tea
    path = tmp_path / "roster.pdf"

    pages = print_roster(owner_ctx, event.id, path, lang="en")

    assert pages == 1
    [text] = page_texts(path)
    rows = [line for line in layout_lines(path) if any(n in line for n in PINYIN_ORDER)
            and "Host" not in line]
    assert [next(n for n in PINYIN_ORDER if n in line) for line in rows] == list(PINYIN_ORDER)
    for member in members:
        assert member.number in text
    assert "秋茶品鉴 Autumn tea" in text and "Tea tasting" in text and "大茶室" in text
    assert "2026-11-27 Friday 14:00–16:00" in text
    assert "Host: 张三" in text and "Fee: 80.00" in text
    for label in ("Member no.", "+N", "Paid", "Came", "Time", "Signature"):
        assert label in text
    assert "+2" in text
    assert "Page 1 of 1" in text and "Printed 2026-11-26 09:00" in text
    assert "Came:" not in text  # before the event: nobody came yet
    assert all(f["embedded"] for f in fonts(path))


def test_without_a_fee_there_is_no_paid_column(owner_ctx: Context, tmp_path: Path) -> None:
    members = make_members(owner_ctx, ("张三",))
    event = make_event(owner_ctx, title="读书会", fee="0")
    register_all(owner_ctx, event.id, members)
    path = tmp_path / "roster.pdf"
    print_roster(owner_ctx, event.id, path, lang="en")
    [text] = page_texts(path)
    assert "张三" in text and "Paid" not in text and "Fee" not in text


def test_a_long_roster_repeats_the_header_and_the_furniture_on_every_page(
        owner_ctx: Context, tmp_path: Path) -> None:
    members = make_members(owner_ctx, [f"会员{i:03d}" for i in range(120)])
    event = make_event(owner_ctx, capacity=150)
    register_all(owner_ctx, event.id, members)
    path = tmp_path / "roster.pdf"

    pages = print_roster(owner_ctx, event.id, path, lang="zh_CN")

    texts = page_texts(path)
    assert pages == len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "会员号" in text and "签名" in text, f"no header on page {number}"
        assert f"第 {number} 页，共 {pages} 页" in text
        assert "秋茶品鉴" in text
    found = [name for text in texts for name in [f"会员{i:03d}" for i in range(120)]
             if name in text]
    assert found == [f"会员{i:03d}" for i in range(120)]  # each once, in order
    assert all(f["embedded"] for f in fonts(path))


def test_the_walk_in_page_is_a_last_page_of_blank_rows(
        owner_ctx: Context, tea: tuple[EventView, list[ms.MemberRow], list[int]],
        tmp_path: Path) -> None:
    event, _, _ = tea
    path = tmp_path / "roster.pdf"
    assert print_roster(owner_ctx, event.id, path, lang="en", walk_in_page=True) == 2
    first, last = page_texts(path)
    assert "Walk-ins" not in first
    assert "Walk-ins: 秋茶品鉴 Autumn tea" in last
    assert "Signature" in last and "Member no. or phone" in last
    assert "张三" not in last and "24" in last


def test_after_the_event_the_roster_shows_who_came_and_when(
        owner_ctx: Context, tea: tuple[EventView, list[ms.MemberRow], list[int]],
        tmp_path: Path) -> None:
    event, _, registrations = tea
    check_in_registration(at(owner_ctx, STARTS - dt.timedelta(minutes=7)), registrations[0])
    check_in_registration(at(owner_ctx, STARTS + dt.timedelta(minutes=12)), registrations[2])
    path = tmp_path / "roster.pdf"

    print_roster(at(owner_ctx, STARTS + dt.timedelta(hours=3)), event.id, path, lang="en")

    [text] = page_texts(path)
    assert "Came: 4 of 7" in text  # 张三 with two companions, and 李四; 7 people registered
    lines = {name: line for line in layout_lines(path) for name in PINYIN_ORDER
             if name in line and "Host" not in line}
    assert "13:53" in lines["张三"] and "14:12" in lines["李四"]
    assert not any(t in lines["王五"] for t in ("13:53", "14:12"))


def test_the_waitlist_follows_the_registered(owner_ctx: Context, tmp_path: Path) -> None:
    members = make_members(owner_ctx, ("张三", "王五", "李四"))
    event = make_event(owner_ctx, capacity=1)
    register_all(owner_ctx, event.id, members)  # 张三 holds the place; the others wait
    path = tmp_path / "roster.pdf"
    print_roster(owner_ctx, event.id, path, lang="en")
    [text] = page_texts(path)
    assert "Waitlist (2)" in text
    assert text.index("张三") < text.index("Waitlist (2)") < text.index("王五") < text.index(
        "李四")  # the waitlist in the order it is promoted, not by name


def test_badges_show_names_numbers_and_who_brings_a_guest(
        owner_ctx: Context, tea: tuple[EventView, list[ms.MemberRow], list[int]],
        tmp_path: Path) -> None:
    event, members, _ = tea
    register(owner_ctx, event.id, RegistrationInput(guest_name="Mr Brown",
                                                    host_member_id=members[0].id))
    path = tmp_path / "badges.pdf"

    count = print_badges(owner_ctx, event.id, path, lang="en")

    assert count == 6
    [text] = page_texts(path)  # six badges on one page of eight
    for member in members:
        assert member.name in text and member.number in text
    assert "Mr Brown" in text and "Guest of 张三" in text
    assert text.count("秋茶品鉴 Autumn tea") >= 6
    assert all(f["embedded"] for f in fonts(path))


def test_badges_take_eight_to_a_page(owner_ctx: Context, tmp_path: Path) -> None:
    members = make_members(owner_ctx, [f"会员{i:02d}" for i in range(17)])
    event = make_event(owner_ctx)
    register_all(owner_ctx, event.id, members)
    path = tmp_path / "badges.pdf"
    assert print_badges(owner_ctx, event.id, path, lang="zh_CN") == 17
    assert len(PdfReader(str(path)).pages) == 3
    texts = page_texts(path)
    assert "会员00" in texts[0] and "会员16" in texts[2]
    assert "第 3 页，共 3 页" in texts[2]


# ---------------------------------------------------------------- the command line


@pytest.fixture
def signed(owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = owner_ctx.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


def test_print_roster_and_badges_from_the_command_line(
        signed: list[str], tea: tuple[EventView, list[ms.MemberRow], list[int]],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event, _, _ = tea
    roster, badges = tmp_path / "roster.pdf", tmp_path / "badges.pdf"

    assert main(["print", "roster", "--event", str(event.id), "--walk-ins", "-o", str(roster),
                 *signed, "--lang", "en"]) == 0
    assert main(["print", "badges", "--event", str(event.id), "-o", str(badges), *signed,
                 "--lang", "en"]) == 0

    out = capsys.readouterr().out.strip().splitlines()
    assert out == [f"Roster of 秋茶品鉴 Autumn tea (2 pages) written to {roster}.",
                   f"5 name badges written to {badges}."]
    assert "张三" in page_texts(roster)[0]
    assert "张三" in squeeze(page_texts(badges)[0])


@pytest.mark.parametrize("kind", ["roster", "badges"])
@pytest.mark.parametrize("value", ["999", "abc"])
def test_an_unknown_event_is_one_line_and_no_file(
        signed: list[str], kind: str, value: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "x.pdf"
    code = main(["print", kind, "--event", value, "-o", str(output), *signed, "--lang", "en"])
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert not output.exists()
    if value == "999":
        assert code == 1 and err == "clubhouse: No event has the id 999."
    else:
        assert code == 2  # not a number: wrong usage
