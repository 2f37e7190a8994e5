"""The monthly report: the owner's review of one calendar month on two to six A4 pages.

The same six sections as the Review view (membership, engagement, spaces, events, circle,
money), each a row of key figures, a chart where a picture says more than a number, and a
short table.  Every list is capped (the call list at 12 rows and "and N more", the others
fewer) and every name fitted to one line, so the report stays within six pages on a venue of
50,000 members as on the demo: it is read at a desk, the full lists are in the Review view.
A section with nothing in the month says so in a sentence instead of printing empty tables,
and a month with nothing at all still prints (issue 7).

The figures come from ``month_report_data`` (desktop/review/overview.py) in one call;
``render_month_report`` only lays them out, so tests can check the layout's bounds on data
they make up.  Owner only (REVIEW_AND_AUDIT): the report holds members' phones and money.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.i18n import Message, msg
from desktop.permissions import Permission
from desktop.reports.base import (
    FONT,
    MUTED,
    STRIPE_FILL,
    BoldText,
    Column,
    PrintInfo,
    build_pdf,
    data_table,
    draw_bold,
    fit_text,
    frame_width,
    heading,
    paragraph,
    print_info,
    split_lines,
    text_width,
)
from desktop.reports.charts import Series, bar_chart, heat_map, line_chart, plain_number
from desktop.reports.schedule import WEEKDAYS
from desktop.services import Tx, service

if TYPE_CHECKING:
    from desktop.review.overview import MonthReport

MONTH_NAMES: tuple[Message, ...] = (
    msg("January"), msg("February"), msg("March"), msg("April"), msg("May"), msg("June"),
    msg("July"), msg("August"), msg("September"), msg("October"), msg("November"),
    msg("December"))

CALL_ROWS = 12  # the renewal call list; the rest are "and N more"
ENGAGED_ROWS = 8
SPACE_ROWS = 12
REFERRER_ROWS = 5
PLAN_ROWS = 8
PARTNER_ROWS = 6
OUTSTANDING_ROWS = 8
EVENT_BARS = 8  # more events than this are charted by kind
CHART_HEIGHT = 118.0
TABLE_SIZE = 7.8
GAP = 5 * mm


# ---------------------------------------------------------------- small formatting


def month_label(info: PrintInfo, year: int, month: int) -> str:
    """"November 2026" / "2026年11月"."""
    return info.t(msg("{month_name} {year}", month_name=MONTH_NAMES[month - 1], year=year))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def money(amount: Decimal | float) -> str:
    return f"{amount:,.2f}"


def signed(value: int) -> str:
    return f"+{value:,}" if value > 0 else f"{value:,}"


def hours(value: float) -> str:
    return f"{value:,.1f}"


def short_day(day: dt.date | dt.datetime | None) -> str:
    return "—" if day is None else f"{day:%Y-%m-%d}"


def month_axis(months: Sequence[dt.date]) -> list[str]:
    return [f"{m:%Y-%m}" for m in months]


# ---------------------------------------------------------------- building blocks


class Figures(Flowable):  # type: ignore[misc]
    """A row (or rows) of key figures: the number large, what it counts small beneath."""

    PER_ROW = 6
    BOX_HEIGHT = 39.0
    VALUE_SIZE = 13.0
    LABEL_SIZE = 7.0

    def __init__(self, items: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.items = list(items)
        self.spaceAfter = 4

    def _rows(self) -> int:
        return max(1, -(-len(self.items) // self.PER_ROW))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self._rows() * (self.BOX_HEIGHT + 3) - 3
        return self.width, self.height

    def draw(self) -> None:
        per_row = min(self.PER_ROW, max(1, len(self.items)))
        gap = 3.0
        box = (self.width - gap * (per_row - 1)) / per_row
        canvas = self.canv
        for index, (label, value) in enumerate(self.items):
            row, column = divmod(index, per_row)
            x = column * (box + gap)
            y = self.height - (row + 1) * self.BOX_HEIGHT - row * gap
            canvas.saveState()
            canvas.setFillColor(STRIPE_FILL)
            canvas.setStrokeColor(STRIPE_FILL)
            canvas.roundRect(x, y, box, self.BOX_HEIGHT, 2.5, stroke=0, fill=1)
            canvas.restoreState()
            size = self.VALUE_SIZE
            while size > 8 and text_width(value, size) > box - 10:
                size -= 0.5
            draw_bold(canvas, x + 5, y + self.BOX_HEIGHT - 5 - self.VALUE_SIZE * 0.8,
                      fit_text(value, size, box - 10), size)
            lines = split_lines(label, self.LABEL_SIZE, box - 10)
            if len(lines) > 2:
                lines = [lines[0], fit_text(lines[1] + "…", self.LABEL_SIZE, box - 10)]
            canvas.saveState()
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, self.LABEL_SIZE)
            for number, line in enumerate(lines):
                canvas.drawString(x + 5, y + 4 + (len(lines) - 1 - number) * 8.2, line)
            canvas.restoreState()


def side_by_side(left: list[Flowable], right: list[Flowable], width: float,
                 share: float = 0.5) -> Flowable:
    """Two short blocks next to each other (two small tables, or a table and a chart)."""
    left_width = (width - GAP) * share
    table = Table([[left, right]], colWidths=[left_width + GAP, width - left_width - GAP],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8),  # not Helvetica
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), GAP),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    table.spaceBefore = 4  # a subheading's own space is lost at the top of a cell
    return table


def subheading(text: str) -> Flowable:
    return BoldText(text, 9.5, space_before=6, space_after=3)


def note(text: str) -> Flowable:
    return paragraph(text, size=8, color="#5b6470")


def nothing(text: str) -> Flowable:
    """The sentence a section prints when the month has nothing for it."""
    return paragraph(text, size=9.5, color="#5b6470")


def fitted(rows: list[list[str]], columns: Sequence[Column], width: float,
           size: float = TABLE_SIZE) -> list[list[str]]:
    """Each cell shortened to one line of its column: a row's height is bounded, so the
    report's page count is too."""
    total = sum(c.share for c in columns)
    limits = [width * c.share / total - 4.6 for c in columns]
    return [[fit_text(cell, size, limit) for cell, limit in zip(row, limits, strict=True)]
            for row in rows]


def table(columns: Sequence[Column], rows: list[list[str]], width: float) -> Flowable:
    return data_table(columns, fitted(rows, columns, width), width, size=TABLE_SIZE)


def more(info: PrintInfo, shown: int, total: int) -> list[Flowable]:
    """"and N more" under a capped list (nothing when all are shown)."""
    if total <= shown:
        return []
    return [Spacer(1, 2), note(info.t(msg("… and {n} more (the Review view lists them all).",
                                          n=f"{total - shown:,}")))]


def chart_block(title: str, chart: Flowable) -> Flowable:
    return KeepTogether([subheading(title), chart])


def section(info: PrintInfo, title: Message, figures: Sequence[tuple[str, str]],
            body: list[Flowable]) -> list[Flowable]:
    """A section: its heading, figures and first block (a chart, a sentence) kept together
    on one page, then the rest of its body."""
    head: list[Flowable] = [heading(info.t(title), size=13)]
    if figures:
        head.append(Figures(figures))
    first = body[:1]
    if first and isinstance(first[0], KeepTogether):
        # Unwrapped: a KeepTogether inside another reports an endless height (ReportLab
        # forces its split that way), which would push every section to a new page.
        first = list(first[0]._content)
    return [CondPageBreak(60 * mm), KeepTogether(head + first), *body[1:]]


# ---------------------------------------------------------------- the sections


def _membership(info: PrintInfo, data: MonthReport, width: float, when: str) -> list[Flowable]:
    review = data.membership
    new = review.new_per_month[-1].count.value if review.new_per_month else 0
    last = review.net_growth[-1] if review.net_growth else None
    lapsed = last.lapsed.value if last else 0
    net = last.net if last else new
    figures = [
        (info.t(msg("Members")), f"{review.total.value:,}"),
        (info.t(msg("New in {month}", month=when)), f"{new:,}"),
        (info.t(msg("Lapsed in {month}", month=when)), f"{lapsed:,}"),
        (info.t(msg("Net growth")), signed(net)),
        (info.t(msg("Renewal rate ({renewed} of {decided})", renewed=review.renewal.renewed.value,
                    decided=review.renewal.renewed.value + review.renewal.lost.value)),
         percent(review.renewal.rate)),
        (info.t(msg("Expiring in 30 / 60 days")),
         f"{review.expiring_30.value:,} / {review.expiring_60.value:,}"),
    ]
    body: list[Flowable] = []
    if review.total.value == 0:
        body.append(nothing(info.t(msg("There are no members yet."))))
        return section(info, msg("Membership"), figures, body)
    if not new and not lapsed and not review.renewal.ended.value:
        body.append(nothing(info.t(msg("No member joined, lapsed or came up for renewal in "
                                       "{month}.", month=when))))
    half = (width - GAP) / 2
    status_columns = [Column(info.t(msg("Status")), 3), Column(info.t(msg("Members")), 2,
                                                                "RIGHT")]
    status_rows = [[info.t(b.label), f"{b.count.value:,}"] for b in review.by_status]
    plan_columns = [Column(info.t(msg("Plan")), 3), Column(info.t(msg("Members")), 2, "RIGHT")]
    plans = list(review.by_plan)
    plan_rows = [[info.t(b.label), f"{b.count.value:,}"] for b in plans[:PLAN_ROWS]]
    if len(plans) > PLAN_ROWS:
        plan_rows.append([info.t(msg("Other plans")),
                          f"{sum(b.count.value for b in plans[PLAN_ROWS:]):,}"])
    left = [subheading(info.t(msg("By status, on {day}", day=short_day(review.as_of)))),
            table(status_columns, status_rows, half)]
    right: list[Flowable] = [subheading(info.t(msg("By plan")))]
    right.append(table(plan_columns, plan_rows, half) if plan_rows
                 else nothing(info.t(msg("No member holds a current membership."))))
    body.append(side_by_side(left, right, width))
    body.append(chart_block(
        info.t(msg("New and lapsed members, 12 months")),
        line_chart(month_axis(data.months),
                   [Series(info.t(msg("New members")),
                           tuple(float(m.count.value) for m in review.new_per_month)),
                    Series(info.t(msg("Lapsed")),
                           tuple(float(m.lapsed.value) for m in review.net_growth))],
                   width=width, height=CHART_HEIGHT,
                   no_data_text=info.t(msg("No member joined or lapsed in these 12 months.")),
                   legend=True)))
    body.append(subheading(info.t(msg("Whom to call: memberships ending in the next 60 days"))))
    if review.call_list:
        columns = [Column(info.t(msg("Name")), 24), Column(info.t(msg("Member no.")), 11),
                   Column(info.t(msg("Phone")), 15), Column(info.t(msg("Plan")), 16),
                   Column(info.t(msg("Ends")), 12), Column(info.t(msg("Days left")), 9, "CENTRE"),
                   Column(info.t(msg("Last visit")), 13)]
        rows = [[r.name, r.number, r.phone or "—", r.plan, short_day(r.ends_on),
                 str(r.days_left), short_day(r.last_visit)]
                for r in review.call_list[:CALL_ROWS]]
        body.append(table(columns, rows, width))
        body.extend(more(info, min(CALL_ROWS, len(review.call_list)),
                         max(review.expiring_60.value, len(review.call_list))))
    else:
        body.append(nothing(info.t(msg("No membership ends in the next 60 days."))))
    referral = review.referral
    body.append(subheading(info.t(msg("Referrals"))))
    body.append(note(info.t(msg(
        "Lapsed in the last 90 days: {lapsed}. Came through a referral: {referred}, of whom "
        "{paying} paid ({rate}).", lapsed=f"{review.lapsed_90.value:,}",
        referred=f"{referral.referred.value:,}", paying=f"{referral.paying.value:,}",
        rate=percent(referral.paying_rate)))))
    if review.top_referrers:
        columns = [Column(info.t(msg("Referred by")), 5),
                   Column(info.t(msg("Members brought")), 2, "RIGHT"),
                   Column(info.t(msg("Of whom paid")), 2, "RIGHT")]
        rows = [[r.name, f"{r.referred.value:,}", f"{r.paying.value:,}"]
                for r in review.top_referrers[:REFERRER_ROWS]]
        body.append(Spacer(1, 3))
        body.append(table(columns, rows, width * 0.6))
    return section(info, msg("Membership"), figures, body)


def _engagement(info: PrintInfo, data: MonthReport, width: float,
                when: str) -> list[Flowable]:
    review = data.engagement
    figures = [
        (info.t(msg("Visits")), f"{review.visits.value:,}"),
        (info.t(msg("Members who visited")), f"{review.visitors.value:,}"),
        (info.t(msg("Event check-ins")), f"{review.attendances.value:,}"),
        (info.t(msg("Members at events")), f"{review.attendees.value:,}"),
        (info.t(msg("Not seen for {days} days", days=review.not_seen_days)),
         f"{review.not_seen.value:,}"),
    ]
    body: list[Flowable] = []
    if not review.visits.value and not review.attendances.value:
        body.append(nothing(info.t(msg("No visit or event check-in was recorded in {month}.",
                                       month=when))))
        return section(info, msg("Engagement"), figures, body)
    categories = [info.t(b.label) for b in review.visit_distribution]
    chart = bar_chart(categories,
                      [Series(info.t(msg("Members by visits")),
                              tuple(float(b.count.value) for b in review.visit_distribution)),
                       Series(info.t(msg("Members by events attended")),
                              tuple(float(b.count.value) for b in review.event_distribution))],
                      width=(width - GAP) * 0.55, height=CHART_HEIGHT + 10,
                      no_data_text=info.t(msg("No data")))
    left: list[Flowable] = [subheading(info.t(msg("How often members came"))), chart]
    right: list[Flowable] = [subheading(info.t(msg("The most engaged")))]
    engaged = review.most_engaged[:ENGAGED_ROWS]
    if engaged:
        columns = [Column(info.t(msg("Name")), 5), Column(info.t(msg("Visits")), 2, "RIGHT"),
                   Column(info.t(msg("Events")), 2, "RIGHT")]
        right.append(table(columns, [[m.name, f"{m.visits:,}", f"{m.events:,}"]
                                     for m in engaged], (width - GAP) * 0.45))
    else:
        right.append(nothing(info.t(msg("No data"))))
    body.append(side_by_side(left, right, width, share=0.55))
    return section(info, msg("Engagement"), figures, body)


def _spaces(info: PrintInfo, data: MonthReport, width: float, when: str) -> list[Flowable]:
    review = data.spaces
    booked = sum(s.booked_hours for s in review.spaces if not s.seat_based)
    opened = sum(s.open_hours for s in review.spaces if not s.seat_based)
    bookings = sum(s.bookings.value for s in review.spaces)
    figures = [
        (info.t(msg("Bookings")), f"{bookings:,}"),
        (info.t(msg("Hours booked (rooms)")), hours(booked)),
        (info.t(msg("Utilisation (rooms)")), percent(booked / opened if opened else None)),
        (info.t(msg("No-shows")), f"{review.no_shows.value:,}"),
        (info.t(msg("No-show rate")), percent(review.no_show_rate)),
    ]
    body: list[Flowable] = []
    if not bookings:
        body.append(nothing(info.t(msg("No space was booked in {month}.", month=when))))
        return section(info, msg("Spaces"), figures, body)
    weeks = list(review.weeks)[:6]
    columns = [Column(info.t(msg("Space")), 22)]
    columns += [Column(f"{w:%m-%d}", 8, "RIGHT") for w in weeks]
    columns += [Column(info.t(msg("Month")), 9, "RIGHT"),
                Column(info.t(msg("Bookings")), 10, "RIGHT"),
                Column(info.t(msg("No-shows")), 10, "RIGHT")]
    rows = []
    for space in review.spaces[:SPACE_ROWS]:
        by_week = {w.week: w for w in space.weeks}
        name = space.name + (" *" if space.seat_based else "")
        rows.append([name, *[percent(by_week[w].rate) if w in by_week else "—" for w in weeks],
                     percent(space.rate), f"{space.bookings.value:,}",
                     f"{space.no_shows.value:,}"])
    body.append(subheading(info.t(msg("Utilisation per space, by week (weeks from Monday)"))))
    body.append(table(columns, rows, width))
    body.extend(more(info, min(SPACE_ROWS, len(review.spaces)), len(review.spaces)))
    if any(s.seat_based for s in review.spaces):
        body.append(note(info.t(msg("* Shared space: seat-hours booked over seat-hours open."))))
    first_hour = review.hours[0] // 60
    last_hour = max(first_hour + 1, -(-review.hours[1] // 60))
    hour_range = range(first_hour, min(24, last_hour))
    values = [[review.heat[day][hour] if day < len(review.heat) else 0.0
               for hour in hour_range] for day in range(7)]
    body.append(chart_block(
        info.t(msg("Peak hours: hours booked by weekday and hour")),
        heat_map([info.t(d) for d in WEEKDAYS], [f"{h}" for h in hour_range], values,
                 width=width, height=CHART_HEIGHT + 14,
                 no_data_text=info.t(msg("No booking in the utilisation hours.")),
                 scale_label=info.t(msg("Hours booked")), fmt=_heat_number)))
    return section(info, msg("Spaces"), figures, body)


def _heat_number(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _events(info: PrintInfo, data: MonthReport, width: float, when: str) -> list[Flowable]:
    review = data.events
    figures = [
        (info.t(msg("Events held")), f"{len(review.events):,}"),
        (info.t(msg("Registered")), f"{review.registered:,}"),
        (info.t(msg("Came")), f"{review.checked_in:,}"),
        (info.t(msg("Attendance")), percent(review.attendance_rate)),
        (info.t(msg("Waitlisted")), f"{review.waitlisted:,}"),
        (info.t(msg("Waitlist per place")), f"{review.pressure:.2f}"),
    ]
    body: list[Flowable] = []
    if not review.events:
        body.append(nothing(info.t(msg("No event took place in {month}.", month=when))))
        return section(info, msg("Events"), figures, body)
    if len(review.events) <= EVENT_BARS:
        categories = [f"{e.starts:%m-%d} {e.title}" for e in review.events]
        registered = [float(e.registered.value) for e in review.events]
        came = [float(e.checked_in.value) for e in review.events]
        waiting = [float(e.waitlisted.value) for e in review.events]
        title = info.t(msg("Registered and came, per event"))
    else:
        categories = [info.t(k.label) for k in review.by_kind]
        registered = [float(k.registered) for k in review.by_kind]
        came = [float(k.checked_in) for k in review.by_kind]
        waiting = [float(k.waitlisted) for k in review.by_kind]
        title = info.t(msg("Registered and came, by kind of event"))
    series = [Series(info.t(msg("Registered")), tuple(registered)),
              Series(info.t(msg("Came")), tuple(came))]
    if any(waiting):
        series.append(Series(info.t(msg("Waitlisted")), tuple(waiting)))
    body.append(chart_block(title, bar_chart(categories, series, width=width,
                                             height=CHART_HEIGHT,
                                             no_data_text=info.t(msg("No data")),
                                             legend=True)))
    columns = [Column(info.t(msg("Kind")), 16), Column(info.t(msg("Events")), 7, "RIGHT"),
               Column(info.t(msg("Places")), 8, "RIGHT"),
               Column(info.t(msg("Registered")), 9, "RIGHT"),
               Column(info.t(msg("Came")), 8, "RIGHT"),
               Column(info.t(msg("Attendance")), 9, "RIGHT"),
               Column(info.t(msg("Waitlisted")), 9, "RIGHT")]
    rows = [[info.t(k.label), f"{k.events.value:,}", f"{k.capacity:,}", f"{k.registered:,}",
             f"{k.checked_in:,}", percent(k.attendance_rate), f"{k.waitlisted:,}"]
            for k in review.by_kind[:10]]
    body.append(subheading(info.t(msg("By kind"))))
    body.append(table(columns, rows, width))
    body.extend(more(info, min(10, len(review.by_kind)), len(review.by_kind)))
    return section(info, msg("Events"), figures, body)


def _circle(info: PrintInfo, data: MonthReport, width: float, when: str) -> list[Flowable]:
    review = data.circle
    uses = sum(p.uses.value for p in review.partners)
    figures = [
        (info.t(msg("Open needs")), f"{review.open_needs.value:,}"),
        (info.t(msg("Open offers")), f"{review.open_offers.value:,}"),
        (info.t(msg("New needs / offers")),
         f"{review.new_needs.value:,} / {review.new_offers.value:,}"),
        (info.t(msg("Matched")), f"{review.matched.value:,}"),
        (info.t(msg("Introductions")), f"{review.introductions.value:,}"),
        (info.t(msg("Benefit uses")), f"{uses:,}"),
    ]
    body: list[Flowable] = []
    quiet = not (review.new_needs.value or review.new_offers.value or review.matched.value
                 or review.introductions.value or uses)
    if quiet:
        body.append(nothing(info.t(msg("No need, offer, introduction or benefit use was "
                                       "recorded in {month}.", month=when))))
        return section(info, msg("Circle"), figures, body)
    body.append(chart_block(
        info.t(msg("Introductions and benefit uses, 12 months")),
        line_chart(month_axis(data.months),
                   [Series(info.t(msg("Introductions")),
                           tuple(float(m.count.value) for m in review.introductions_per_month)),
                    Series(info.t(msg("Benefit uses")),
                           tuple(float(m.count.value) for m in review.benefit_uses_per_month))],
                   width=width, height=CHART_HEIGHT - 10,
                   no_data_text=info.t(msg("No data")), legend=True)))
    half = (width - GAP) / 2
    left: list[Flowable] = [subheading(info.t(msg("Outcomes of the month's introductions")))]
    outcomes = [b for b in review.outcomes if b.count.value]
    if outcomes:
        left.append(table([Column(info.t(msg("Outcome")), 3),
                           Column(info.t(msg("Introductions")), 2, "RIGHT")],
                          [[info.t(b.label), f"{b.count.value:,}"] for b in outcomes], half))
        if review.outcome_value:
            left.append(note(info.t(msg("Value recorded: {amount} {currency}",
                                        amount=money(review.outcome_value),
                                        currency=data.currency))))
    else:
        left.append(nothing(info.t(msg("No introduction in {month}.", month=when))))
    right: list[Flowable] = [subheading(info.t(msg("Partners' benefits used")))]
    if review.partners:
        columns = [Column(info.t(msg("Partner")), 5), Column(info.t(msg("Uses")), 2, "RIGHT"),
                   Column(info.t(msg("Members")), 2, "RIGHT")]
        right.append(table(columns, [[p.name, f"{p.uses.value:,}", f"{p.members:,}"]
                                     for p in review.partners[:PARTNER_ROWS]], half))
        right.extend(more(info, min(PARTNER_ROWS, len(review.partners)), len(review.partners)))
    else:
        right.append(nothing(info.t(msg("No benefit was used in {month}.", month=when))))
    body.append(side_by_side(left, right, width))
    return section(info, msg("Circle"), figures, body)


def _money(info: PrintInfo, data: MonthReport, width: float, when: str) -> list[Flowable]:
    review = data.money
    currency = review.currency or data.currency
    figures = [
        (info.t(msg("Membership payments ({currency})", currency=currency)),
         money(review.payments_total)),
        (info.t(msg("Event fees ({currency})", currency=currency)),
         money(review.event_fees_total)),
        (info.t(msg("Total ({currency})", currency=currency)),
         money(review.payments_total + review.event_fees_total)),
        (info.t(msg("Fees outstanding")), f"{review.outstanding.value:,}"),
        (info.t(msg("Outstanding ({currency})", currency=currency)),
         money(review.outstanding_amount)),
    ]
    body: list[Flowable] = []
    if not review.payments_total and not review.event_fees_total:
        body.append(nothing(info.t(msg("No membership payment or event fee was recorded in "
                                       "{month}.", month=when))))
        if not review.outstanding.value:
            return section(info, msg("Money"), figures, body)
    body.append(chart_block(
        info.t(msg("Payments by month ({currency})", currency=currency)),
        bar_chart(month_axis(data.months),
                  [Series(info.t(msg("Membership payments")),
                          tuple(float(m.amount) for m in review.payments_per_month)),
                   Series(info.t(msg("Event fees")),
                          tuple(float(m.amount) for m in review.event_fees_per_month))],
                  width=width, height=CHART_HEIGHT,
                  no_data_text=info.t(msg("No payment in these 12 months.")),
                  fmt=_compact, legend=True)))
    half = (width - GAP) / 2
    left: list[Flowable] = [subheading(info.t(msg("Membership payments by plan")))]
    if review.payments_by_plan:
        total = review.payments_total or Decimal(1)
        plans = review.payments_by_plan[:PLAN_ROWS]
        left.append(table([Column(info.t(msg("Plan")), 5),
                           Column(info.t(msg("Payments")), 3, "RIGHT"),
                           Column(info.t(msg("Amount")), 4, "RIGHT"),
                           Column("%", 2, "RIGHT")],
                          [[p.name, f"{p.payments.value:,}", money(p.amount),
                            percent(float(p.amount / total))] for p in plans], half))
        left.extend(more(info, len(plans), len(review.payments_by_plan)))
    else:
        left.append(nothing(info.t(msg("No membership payment in {month}.", month=when))))
    right: list[Flowable] = [subheading(info.t(msg("Event fees not paid")))]
    owing = review.outstanding_list[:OUTSTANDING_ROWS]
    if owing:
        columns = [Column(info.t(msg("Event")), 5), Column(info.t(msg("Name")), 3.5),
                   Column(info.t(msg("Phone")), 5), Column(info.t(msg("Amount")), 3, "RIGHT")]
        right.append(table(columns, [[f"{o.starts:%m-%d} {o.title}", o.name, o.phone or "—",
                                      money(o.amount)] for o in owing], half))
        right.extend(more(info, len(owing), max(review.outstanding.value,
                                                len(review.outstanding_list))))
    else:
        right.append(nothing(info.t(msg("No event fee is owed."))))
    body.append(side_by_side(left, right, width))
    return section(info, msg("Money"), figures, body)


def _compact(value: float) -> str:
    """Short money labels for bars: 12,300 → 12.3k."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.1f}M"
    if abs(value) >= 10_000:
        return f"{value / 1000:,.0f}k"
    if abs(value) >= 1_000:
        return f"{value / 1000:,.1f}k"
    return plain_number(value)


SECTIONS: tuple[Callable[[PrintInfo, MonthReport, float, str], list[Flowable]], ...] = (
    _membership, _engagement, _spaces, _events, _circle, _money)


# ---------------------------------------------------------------- the printout


def report_title(year: int, month: int) -> Message:
    return msg("Monthly report {year}-{month}", year=year, month=f"{month:02d}")


def render_month_report(info: PrintInfo, data: MonthReport, path: Path | str) -> int:
    """Lay ``data`` out as the report and write it to ``path``; returns the page count."""
    width = frame_width()
    when = month_label(info, data.year, data.month)
    story: list[Flowable] = [
        BoldText(info.t(msg("Monthly report: {month}", month=when)), 17, space_after=3),
        paragraph(info.t(msg("{first} to {last}; statuses as of {as_of}.",
                             first=short_day(data.first), last=short_day(data.last),
                             as_of=short_day(data.as_of))), size=9, color="#3a4048"),
    ]
    if data.empty:
        story.append(Spacer(1, 3))
        story.append(paragraph(info.t(msg(
            "Nothing was recorded in {month}: no member joined or paid, nobody visited, no "
            "space was booked, no event took place, no introduction was made and no benefit "
            "was used.", month=when)), size=10, color="#1f2328"))
    story.append(Spacer(1, 2))
    for make in SECTIONS:
        story.extend(make(info, data, width, when))
    return build_pdf(path, info, story)


@service(Permission.REVIEW_AND_AUDIT, write=False)
def print_month_report(tx: Tx, year: int, month: int, path: Path | str,
                       lang: str | None = None) -> int:
    """Write the report of ``year``-``month`` to ``path``; returns the number of pages.

    The Review view's monthly report ("Make the report") and ``clubhouse print report``
    call this."""
    from desktop.review.overview import month_report_data

    data = month_report_data(tx, year, month)
    info = print_info(tx, report_title(year, month), lang)
    return render_month_report(info, data, path)
