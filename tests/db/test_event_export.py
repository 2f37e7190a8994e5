"""``clubhouse export events|attendance``: every occurrence with an id that ``print roster
--event`` takes (each date of a recurring event its own), one event's people with who came and
when; CSV with a BOM for Excel and XLSX; bad input on one line with its exit code."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.events.checkin import check_in_registration
from desktop.events.export import export_attendance, export_events
from desktop.events.registrations import RegistrationInput, register
from desktop.events.service import EventInput, EventView, create_event
from desktop.members import service as ms
from desktop.services import Context
from tests.pdf.pdftools import page_texts
from tests.pdf.test_roster import STARTS, at, make_event, make_members, make_space, register_all


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel opens Chinese intact
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


@pytest.fixture
def signed(owner_ctx: Context, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    url = owner_ctx.database.url.render_as_string(hide_password=False)
    return ["--db", url, "--user", "owner"]


@pytest.fixture
def events(owner_ctx: Context) -> tuple[EventView, list[EventView], list[ms.MemberRow]]:
    """A tea tasting tomorrow with three registered (two checked in), and a weekly reading
    club of four dates in another room."""
    members = make_members(owner_ctx, ("张三", "王五", "李四"))
    tea = make_event(owner_ctx, host=members[0].id)
    registrations = register_all(owner_ctx, tea.id, members, companions=1)
    register(owner_ctx, tea.id, RegistrationInput(guest_name="Mr Brown", guest_phone=None,
                                                  host_member_id=members[1].id))
    check_in_registration(at(owner_ctx, STARTS), registrations[0])
    check_in_registration(at(owner_ctx, STARTS + dt.timedelta(minutes=9)), registrations[2])
    room = make_space(owner_ctx, "图书馆", 20)
    club = create_event(owner_ctx, EventInput(
        "周四读书会", "reading_club", room, dt.datetime(2026, 12, 3, 19),
        dt.datetime(2026, 12, 3, 21), 12), rrule="FREQ=WEEKLY;COUNT=4")
    return tea, club, members


def test_export_events_lists_every_occurrence_with_its_id(
        owner_ctx: Context, events: tuple[EventView, list[EventView], list[ms.MemberRow]],
        tmp_path: Path) -> None:
    tea, club, _ = events
    path = tmp_path / "events.csv"

    assert export_events(owner_ctx, path, lang="en") == 5

    header, *rows = read_csv(path)
    assert header[:8] == ["id", "Date", "Start time", "End time", "Title", "Kind", "Space",
                          "Host"]
    assert [int(row[0]) for row in rows] == [tea.id, *(e.id for e in club)]
    assert len({row[0] for row in rows}) == 5  # each reading club date has its own id
    first = dict(zip(header, rows[0], strict=True))
    assert first["Title"] == "秋茶品鉴 Autumn tea" and first["Kind"] == "Tea tasting"
    assert (first["Date"], first["Start time"], first["End time"]) == ("2026-11-27", "14:00",
                                                                      "16:00")
    assert (first["Registered"], first["Checked in"], first["Fee"]) == ("5", "3", "80.00")
    assert [row[1] for row in rows[1:]] == ["2026-12-03", "2026-12-10", "2026-12-17",
                                           "2026-12-24"]


def test_export_events_from_to_and_xlsx_in_chinese(
        owner_ctx: Context, events: tuple[EventView, list[EventView], list[ms.MemberRow]],
        tmp_path: Path) -> None:
    path = tmp_path / "events.xlsx"
    count = export_events(owner_ctx, path, dt.date(2026, 12, 1), dt.date(2026, 12, 15),
                          lang="zh_CN")
    assert count == 2
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("id", "日期", "开始时间", "结束时间", "名称")
    assert [r[4] for r in rows[1:]] == ["周四读书会", "周四读书会"]
    assert rows[1][5] == "读书会" and isinstance(rows[1][0], int)


def test_export_attendance_has_each_persons_status_and_check_in(
        owner_ctx: Context, events: tuple[EventView, list[EventView], list[ms.MemberRow]],
        tmp_path: Path) -> None:
    tea, _, members = events
    path = tmp_path / "people.csv"

    assert export_attendance(owner_ctx, tea.id, path, lang="en") == 4

    header, *rows = read_csv(path)
    assert header == ["Name", "Member no.", "Phone", "Guest of", "Companions", "Status", "Paid",
                      "Checked in at", "Walk-in", "Registered at"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert [row[0] for row in rows] == ["李四", "Mr Brown", "王五", "张三"]  # li m wang zhang
    assert by_name["张三"]["Checked in at"] == "2026-11-27 14:00"
    assert by_name["张三"]["Companions"] == "1" and by_name["张三"]["Paid"] == "yes"
    assert by_name["李四"]["Checked in at"] == "2026-11-27 14:09"
    assert by_name["王五"]["Checked in at"] == "" and by_name["王五"]["Paid"] == "no"
    assert by_name["张三"]["Member no."] == members[0].number
    assert by_name["Mr Brown"]["Guest of"] == "王五" and by_name["Mr Brown"]["Member no."] == ""
    assert {row["Status"] for row in by_name.values()} == {"registered"}


def test_the_id_from_export_events_prints_that_occurrences_roster(
        signed: list[str], events: tuple[EventView, list[EventView], list[ms.MemberRow]],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "events.csv"
    assert main(["export", "events", str(listing), "--from", "2026-12-08", *signed,
                 "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"3 event occurrences written to {listing}."
    header, *rows = read_csv(listing)
    second_date = rows[0][header.index("id")]  # the reading club of 10 December

    roster = tmp_path / "roster.pdf"
    assert main(["print", "roster", "--event", second_date, "-o", str(roster), *signed,
                 "--lang", "en"]) == 0
    [text] = page_texts(roster)
    assert "周四读书会" in text and "2026-12-10 Thursday 19:00–21:00" in text

    people = tmp_path / "people.xlsx"
    assert main(["export", "attendance", "--event", second_date, str(people), *signed,
                 "--lang", "en"]) == 0
    assert openpyxl.load_workbook(people).active.max_row == 1  # the header: nobody yet


@pytest.mark.parametrize(("args", "code", "error"), [
    (["export", "attendance", "--event", "999", "x.csv"], 1,
     "clubhouse: No event has the id 999."),
    (["export", "events", "x.txt"], 1,
     "clubhouse: Export to a file whose name ends in .csv or .xlsx."),
    (["export", "events", "x.csv", "--from", "2026-12-10", "--to", "2026-12-01"], 1,
     "clubhouse: The last day must not be before the first."),
    (["export", "events", "x.csv", "--from", "tomorrow"], 2, None),
    (["export", "attendance", "x.csv"], 2, None),
])
def test_bad_input_is_one_line_with_its_exit_code(
        signed: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], args: list[str], code: int,
        error: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*args, *signed, "--lang", "en"]) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    if error is not None:
        assert err == error
    assert not list(tmp_path.glob("x.*"))
