"""The monthly report, read back from the PDF: every section of the review in English and in
Chinese on two to six pages with the embedded font; a month with nothing in it still prints
and says so section by section; lists capped so a big venue stays within six pages; the front
desk is refused; ``clubhouse print report --month`` with its one-line errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.accounts import service as accounts
from desktop.clock import FixedClock
from desktop.db import Database
from desktop.demo import fill_demo
from desktop.errors import PermissionDenied
from desktop.reports.base import PrintInfo
from desktop.reports.monthly import print_month_report, render_month_report, report_title
from desktop.review.overview import month_report_data
from desktop.security import Hasher
from desktop.services import Context
from tests.helpers.review_data import full_report
from tests.pdf.pdftools import fonts, page_texts, squeeze

SECTIONS_EN = ("Membership", "Engagement", "Spaces", "Events", "Circle", "Money")
SECTIONS_ZH = ("会籍", "参与度", "空间", "活动", "圈子", "收支")


@pytest.fixture
def demo_ctx(database: Database, clock: FixedClock, hasher: Hasher) -> Context:
    """The demo venue (members, bookings, events, circle) as of the test clock, signed in
    as its owner."""
    fill_demo(database, clock=clock, hasher=hasher)
    owner = accounts.sign_in(database, "owner", "owner-demo", clock=clock, hasher=hasher)
    return Context(database, owner, clock=clock, hasher=hasher)


def headings(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_the_demo_month_prints_every_section_in_english(demo_ctx: Context,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"

    pages = print_month_report(demo_ctx, 2026, 11, path, lang="en")

    texts = page_texts(path)
    assert 2 <= pages == len(texts) <= 6
    text = "\n".join(texts)
    lines = headings(text)
    assert "Monthly report: November 2026" in lines
    for title in SECTIONS_EN:
        assert title in lines, f"no section {title}"
    for number, page in enumerate(texts, start=1):
        assert "Pine Hill" in page and f"Page {number} of {pages}" in page
    data = month_report_data(demo_ctx, 2026, 11)
    assert not data.empty
    assert "Whom to call: memberships ending in the next 60 days" in text
    for row in data.membership.call_list[:12]:
        assert squeeze(row.name) in squeeze(text)
    for space in data.spaces.spaces[:12]:
        assert squeeze(space.name) in squeeze(text)
    assert "Peak hours: hours booked by weekday and hour" in text
    assert "Monday" in text and "Sunday" in text  # the heat map's rows
    assert "2025-12" in text and "2026-11" in text  # the 12-month charts' axis
    used = fonts(path)
    assert used and all(f["embedded"] for f in used)
    assert {f["name"].split("+")[-1] for f in used} == {"WenQuanYiMicroHei-0"}


def test_the_demo_month_prints_in_chinese(demo_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"

    pages = print_month_report(demo_ctx, 2026, 11, path, lang="zh_CN")

    texts = page_texts(path)
    assert 2 <= pages <= 6
    text = "\n".join(texts)
    assert "月度报告：2026年11月" in headings(text)
    for title in SECTIONS_ZH:
        assert title in headings(text), f"no section {title}"
    assert "待致电：未来 60 天内到期的会籍" in text
    assert "星期一" in text and "星期日" in text
    assert f"第 1 页，共 {pages} 页" in texts[0]
    assert "Membership" not in text and "No data" not in text
    assert all(f["embedded"] for f in fonts(path))


def test_a_month_with_nothing_in_it_still_prints_and_says_so(demo_ctx: Context,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"

    pages = print_month_report(demo_ctx, 2020, 1, path, lang="en")

    assert pages >= 1
    text = " ".join(" ".join(page_texts(path)).split())
    assert "Nothing was recorded in January 2020" in text
    # Nobody had joined by 2020-01-31 (the demo's members joined later): none is counted.
    for sentence in ("There are no members yet.",
                     "No visit or event check-in was recorded in January 2020.",
                     "No space was booked in January 2020.",
                     "No event took place in January 2020.",
                     "No need, offer, introduction or benefit use was recorded in January "
                     "2020.",
                     "No membership payment or event fee was recorded in January 2020."):
        assert sentence in text
    for title in SECTIONS_EN:
        assert title in text


def test_a_venue_with_no_members_yet_prints_in_chinese(owner_ctx: Context,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"

    print_month_report(owner_ctx, 2026, 11, path, lang="zh_CN")

    text = "".join(squeeze(page) for page in page_texts(path))
    for sentence in ("还没有会员。", "2026年11月没有到访或活动签到记录。",
                     "2026年11月没有空间预订。", "2026年11月没有举办活动。",
                     "2026年11月没有记录需求、资源、引荐或权益使用。",
                     "2026年11月没有会费或活动费用记录。"):
        assert squeeze(sentence) in text
    assert all(f["embedded"] for f in fonts(path))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_list_at_its_cap_still_fits_six_pages(lang: str, tmp_path: Path) -> None:
    """200 to call, 40 spaces, 60 events, 200 fees owed, long Chinese names everywhere."""
    path = tmp_path / "full.pdf"
    info = PrintInfo("山庄 Lodge", None, report_title(2026, 10).render(lang),
                     dt.datetime(2026, 11, 26, 9), lang)

    pages = render_month_report(info, full_report(2026, 10), path)

    assert 2 <= pages <= 6
    text = squeeze(" ".join(page_texts(path)))
    more = {"en": "…and3,588more(theReviewviewliststhemall).",
            "zh_CN": "……另有3,588条（“回顾”页面列出全部）。"}[lang]
    assert more in text  # 3,600 expiring, 12 shown


def test_the_front_desk_may_not_print_the_report(desk_ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    with pytest.raises(PermissionDenied):
        print_month_report(desk_ctx, 2026, 11, path, lang="en")
    assert not path.exists()


# ---------------------------------------------------------------- the command line


def cli(ctx: Context, user: str, password: str,
        monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", password)
    return ["--db", ctx.database.url.render_as_string(hide_password=False), "--user", user]


def test_print_report_from_the_command_line(owner_ctx: Context, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    output = tmp_path / "report.pdf"
    signed = cli(owner_ctx, "owner", "owner-pass", monkeypatch)

    code = main(["print", "report", "--month", "2026-10", "-o", str(output), "--lang", "en",
                 *signed])

    assert code == 0
    said = capsys.readouterr().out.strip()
    assert said.startswith("Monthly report of 2026-10 (") and said.endswith(f"{output}.")
    assert "Monthly report: October 2026" in page_texts(output)[0]


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "26-10", "October", "2026-00",
                                   "2026/10"])
def test_a_month_that_is_not_yyyy_mm_is_wrong_usage(month: str, owner_ctx: Context,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    output = tmp_path / "report.pdf"
    signed = cli(owner_ctx, "owner", "owner-pass", monkeypatch)

    code = main(["print", "report", "--month", month, "-o", str(output), *signed])

    assert code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert f"{month} is not a month: write it as YYYY-MM, e.g. 2026-10." in line
    assert not output.exists()


def test_the_front_desk_is_refused_on_the_command_line(desk_ctx: Context, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    from desktop.cli import main

    output = tmp_path / "report.pdf"
    signed = cli(desk_ctx, "desk", "desk-pass", monkeypatch)

    code = main(["print", "report", "--month", "2026-10", "-o", str(output), *signed])

    assert code == 3
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "may not do this" in line
    assert not output.exists()
