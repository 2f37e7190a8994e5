"""``clubhouse print KIND … -o FILE.pdf``: the printouts from the command line.

A printout speaks ``--lang`` when it is given, else the venue's ``app.language`` setting.
Each printout is a row of ``KINDS`` (name, help, its own arguments, run), so later issues add
day, week, roster, partners, board and report by adding a row.  Every kind signs in (printing
needs the PRINT permission) and writes the PDF only when it is complete.  ReportLab is
imported only when something is printed, so the rest of the command line starts quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import NotFound
from desktop.i18n import Message, msg
from desktop.services import Context

if TYPE_CHECKING:
    from desktop.cli import Invocation


@dataclass(frozen=True)
class PrintKind:
    """One ``print`` subcommand: its arguments, and a run that writes ``output`` and says what
    it wrote."""

    name: str
    help: Callable[[], Message]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Invocation, Context, Path], Message]


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    return None


def _directory(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.directory import print_directory

    count = print_directory(ctx, None, output, lang=inv.option("lang"))
    return msg("Member directory of {n} members written to {path}.", n=count, path=str(output))


def _cards_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--member", metavar="NO", dest="members", action="extend", nargs="+",
                        help=msg("only these member numbers (default: every member not "
                                 "archived)").render())


def _cards(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.members.service import find_by_number
    from desktop.reports.cards import print_cards

    member_ids: list[int] | None = None
    numbers = inv.option("members")
    if numbers:
        member_ids = []
        for number in numbers:
            row = find_by_number(ctx, number)
            if row is None:
                raise NotFound(msg("No member has the number {number}.", number=number),
                               field="member")
            member_ids.append(row.id)
    count = print_cards(ctx, member_ids, output, lang=inv.option("lang"))
    return msg("{n} member cards written to {path}.", n=count, path=str(output))


def _date(text: str) -> dt.date:
    """A day written YYYY-MM-DD (argparse turns the ValueError into a usage error)."""
    return dt.date.fromisoformat(text)


def _day_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=_date,
                        help=msg("the day (default: today)").render())


def _week_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=_date,
                        help=msg("a day of the week, Monday to Sunday (default: today)")
                        .render())
    parser.add_argument("--space", metavar="NAME",
                        help=msg("only this space (default: a page per space)").render())


def _day(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.schedule import print_day

    day = inv.option("date") or ctx.clock.now().date()
    count = print_day(ctx, day, output, lang=inv.option("lang"))
    return msg("Day schedule of {day} ({n} bookings) written to {path}.", day=day.isoformat(),
               n=count, path=str(output))


def _week(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.booking.spaces import list_spaces
    from desktop.reports.schedule import print_week

    day = inv.option("date") or ctx.clock.now().date()
    space_id: int | None = None
    wanted = inv.option("space")
    if wanted is not None:
        spaces = list_spaces(ctx, include_inactive=True)
        found = [s.id for s in spaces if s.name.casefold() == " ".join(wanted.split()).casefold()]
        if not found:
            raise NotFound(msg("No space is called {name}. The spaces: {names}", name=wanted,
                               names=", ".join(s.name for s in spaces)), field="space")
        space_id = found[0]
    count = print_week(ctx, day, output, space_id, lang=inv.option("lang"))
    return msg("Week schedule ({n} bookings) written to {path}.", n=count, path=str(output))


def _event_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", metavar="ID", type=int, required=True,
                        help=msg("the event occurrence's id (the id column of "
                                 "`export events`)").render())


def _roster_arguments(parser: argparse.ArgumentParser) -> None:
    _event_arguments(parser)
    parser.add_argument("--walk-ins", action="store_true",
                        help=msg("add a page of blank rows for walk-ins").render())


def _event_title(ctx: Context, event_id: int) -> str:
    """The event's title, or the one-line "no such event" the command line says."""
    from desktop.events.service import get_event

    try:
        return get_event(ctx, event_id).title
    except NotFound:
        raise NotFound(msg("No event has the id {id}.", id=event_id), field="event") from None


def _roster(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.roster import print_roster

    title = _event_title(ctx, inv.option("event"))
    pages = print_roster(ctx, inv.option("event"), output, lang=inv.option("lang"),
                         walk_in_page=bool(inv.option("walk_ins")))
    return msg("Roster of {title} ({n} pages) written to {path}.", title=title, n=pages,
               path=str(output))


def _badges(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.badges import print_badges

    _event_title(ctx, inv.option("event"))
    count = print_badges(ctx, inv.option("event"), output, lang=inv.option("lang"))
    return msg("{n} name badges written to {path}.", n=count, path=str(output))


def _partners(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.partners import print_partners

    count = print_partners(ctx, output, lang=inv.option("lang"))
    return msg("Partner directory of {n} partners written to {path}.", n=count,
               path=str(output))


def _board(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.board import print_board

    made = print_board(ctx, output, lang=inv.option("lang"))
    return msg("Circle board ({needs} of {all_needs} open needs, {offers} of {all_offers} "
               "open offers) written to {path}.", needs=made.needs_shown,
               all_needs=made.needs, offers=made.offers_shown, all_offers=made.offers,
               path=str(output))


def _month(text: str) -> tuple[int, int]:
    """A month written YYYY-MM; anything else is wrong usage with a clear one-line error."""
    year, _, month = text.strip().partition("-")
    if len(year) == 4 and len(month) == 2 and year.isdigit() and month.isdigit() \
            and 1 <= int(month) <= 12 and int(year) >= 1900:
        return int(year), int(month)
    raise argparse.ArgumentTypeError(
        msg("{value} is not a month: write it as YYYY-MM, e.g. 2026-10.", value=text).render())


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", type=_month,
                        help=msg("the month (default: the last whole month)").render())


def _report(inv: Invocation, ctx: Context, output: Path) -> Message:
    from desktop.reports.monthly import print_month_report

    chosen = inv.option("month")
    if chosen is None:
        last = ctx.clock.now().date().replace(day=1) - dt.timedelta(days=1)
        chosen = (last.year, last.month)
    year, month = chosen
    pages = print_month_report(ctx, year, month, output, lang=inv.option("lang"))
    return msg("Monthly report of {month} ({n} pages) written to {path}.",
               month=f"{year}-{month:02d}", n=pages, path=str(output))


KINDS: list[PrintKind] = [
    PrintKind("directory", lambda: msg("every member not archived, sorted by name"),
              _no_arguments, _directory),
    PrintKind("cards", lambda: msg("member cards with QR codes, 10 to an A4 page"),
              _cards_arguments, _cards),
    PrintKind("day", lambda: msg("the day schedule: every space by the hour, landscape"),
              _day_arguments, _day),
    PrintKind("week", lambda: msg("the week schedule: the days of one space, or of each space"),
              _week_arguments, _week),
    PrintKind("roster", lambda: msg("an event's roster: names, tick boxes, signatures; "
                                    "after the event who came and when"),
              _roster_arguments, _roster),
    PrintKind("badges", lambda: msg("name badges for an event's people, 8 to an A4 page"),
              _event_arguments, _badges),
    PrintKind("partners", lambda: msg("the partner directory: active partners and their "
                                      "benefits, by category"),
              _no_arguments, _partners),
    PrintKind("board", lambda: msg("the circle board: open needs and offers on one page to "
                                   "pin up, no contact details"),
              _no_arguments, _board),
    PrintKind("report", lambda: msg("the owner's monthly report: membership, engagement, "
                                    "spaces, events, circle and money of one month"),
              _report_arguments, _report),
]


def help_text() -> Message:
    return msg("print a PDF: {kinds}", kinds=", ".join(kind.name for kind in KINDS))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``print KIND -o FILE.pdf`` with each kind's own options; the global options are
    accepted after the kind too."""
    from desktop.cli import _global_options

    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True,
                                  title=msg("what to print").render())
    for kind in KINDS:
        text = kind.help().render()
        sub = kinds.add_parser(kind.name, parents=[_global_options()], help=text,
                               description=text)
        sub.add_argument("-o", "--output", metavar="FILE.pdf", required=True, type=Path,
                         help=msg("where to write the PDF").render())
        kind.add_arguments(sub)


def run(inv: Invocation) -> int:
    kind = {k.name: k for k in KINDS}[inv.option("kind")]
    output = Path(inv.option("output")).expanduser()
    database = inv.open()
    ctx = inv.sign_in(database)
    inv.say(kind.run(inv, ctx, output))
    return 0
