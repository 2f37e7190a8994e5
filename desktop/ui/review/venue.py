"""Review → Spaces and Events: how full the spaces are, when, and which events work."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex

from desktop.review.common import Drill, DrillRow, rate
from desktop.review.events import EventRow
from desktop.review.spaces import heat_drill
from desktop.ui.charts import BarChart, HeatMap, Series
from desktop.ui.charts.scale import format_percent, format_percent_tick
from desktop.ui.review.models import EventRowsModel
from desktop.ui.review.parts import (
    number,
    percent,
    weekday_label,
)
from desktop.ui.review.section import CHART_HEIGHT, SectionPage


class SpacesPage(SectionPage):
    def build(self) -> None:
        s = self.review.spaces
        booked = sum(space.booked_hours for space in s.spaces)
        opened = sum(space.open_hours for space in s.spaces)
        bookings = sum(space.bookings.value for space in s.spaces)
        self.tile("utilisationTile", percent(rate(int(booked * 100), int(opened * 100))),
                  self.tr("Utilisation, all spaces"),
                  hint=self.tr("Booked hours over open hours between %1 and %2 (the "
                               "setting Review → utilisation hours).")
                  .replace("%1", _clock(s.hours[0])).replace("%2", _clock(s.hours[1])))
        self.tile("bookingsTile", number(bookings), self.tr("Bookings"))
        self.count_tile("noShowsTile", s.no_shows, self.tr("No-shows"))
        self.tile("noShowRateTile", percent(s.no_show_rate), self.tr("No-show rate"),
                  s.no_shows.drill if s.no_shows.value else None, title=self.tr("No-shows"))
        self._utilisation()
        self._weeks()
        self._peak_hours()
        self._no_shows()

    def _utilisation(self) -> None:
        spaces = self.review.spaces.spaces
        chart = BarChart(horizontal=True)
        chart.value_format = format_percent
        chart.tick_format = format_percent_tick
        chart.set_data([space.name for space in spaces],
                       [space.rate or 0.0 for space in spaces])
        chart.clicked.connect(lambda index: self.open_count(
            self.tr("Bookings: %1").replace("%1", spaces[index].name), spaces[index].bookings))
        self.chart("utilisationChart", self.tr("Utilisation by space"), chart,
                   self.tr("Seat-based spaces count seat-hours. Click a bar for the bookings."),
                   span=2, height=chart.sizeHint().height())

    def _weeks(self) -> None:
        s = self.review.spaces
        chart = HeatMap()
        chart.value_format = format_percent
        chart.tick_format = format_percent_tick
        chart.set_data([space.name for space in s.spaces],
                       [f"{week:%m-%d}" for week in s.weeks],
                       [[(use.rate or 0.0) for use in space.weeks] for space in s.spaces])

        def open_cell(row: int, column: int) -> None:
            space, week = s.spaces[row], s.weeks[column]
            first = max(week, s.first)
            last = min(week + dt.timedelta(days=6), s.last)
            self.links.drill(self.tr("Bookings: %1, week of %2").replace("%1", space.name)
                             .replace("%2", week.isoformat()),
                             Drill.of("space_bookings", space_id=space.space_id, first=first,
                                      last=last))

        chart.cellClicked.connect(open_cell)
        self.chart("weeksChart", self.tr("Utilisation by week"), chart,
                   self.tr("Each column is a week (its Monday)."), span=2,
                   height=chart.sizeHint().height())

    def _peak_hours(self) -> None:
        s = self.review.spaces
        start, end = s.hours[0] // 60, -(-s.hours[1] // 60)
        hours = list(range(start, end))
        chart = HeatMap()
        chart.set_data([weekday_label(day) for day in range(7)],
                       [str(hour) for hour in hours],
                       [[s.heat[day][hour] for hour in hours] for day in range(7)])

        def open_cell(row: int, column: int) -> None:
            hour = hours[column]
            self.links.drill(f"{weekday_label(row)} {hour:02d}:00",
                             heat_drill(s.first, s.last, row, hour))

        chart.cellClicked.connect(open_cell)
        self.chart("peakHoursChart", self.tr("Peak hours"), chart,
                   self.tr("Booked hours in each hour of the week over the window."), span=2,
                   height=chart.sizeHint().height())

    def _no_shows(self) -> None:
        spaces = self.review.spaces.spaces
        chart = BarChart(horizontal=True)
        chart.integers = True
        chart.set_data([space.name for space in spaces],
                       [float(space.no_shows.value) for space in spaces])
        chart.clicked.connect(lambda index: self.open_count(
            self.tr("No-shows: %1").replace("%1", spaces[index].name), spaces[index].no_shows))
        self.chart("noShowsChart", self.tr("No-shows by space"), chart, span=2,
                   height=chart.sizeHint().height())


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class EventsPage(SectionPage):
    def build(self) -> None:
        ev = self.review.events
        held = self.tr("Events held")
        self.tile("eventsTile", number(len(ev.events)), held,
                  hint=self.tr("Events that are over, cancelled ones left out."),
                  action=(lambda: self.links.rows(held, self._kind_rows(None)))
                  if ev.events else None)
        people = {which: Drill.of("window_people", first=ev.first, last=ev.last, which=which)
                  if value else None
                  for which, value in (("registered", ev.registered),
                                       ("checked_in", ev.checked_in),
                                       ("waitlisted", ev.waitlisted))}
        self.tile("registeredTile", number(ev.registered), self.tr("Registered"),
                  people["registered"])
        self.tile("checkedInTile", number(ev.checked_in), self.tr("Came"), people["checked_in"])
        self.tile("attendanceTile", percent(ev.attendance_rate), self.tr("Attendance rate"))
        self.tile("waitlistedTile", number(ev.waitlisted), self.tr("Left on the waitlist"),
                  people["waitlisted"])
        self.tile("pressureTile", percent(ev.pressure if ev.capacity else None),
                  self.tr("Waitlist pressure"),
                  hint=self.tr("People left waiting per place offered."))
        self._by_kind()
        self._pressure()
        self.heading(self.tr("Events in the window"))
        model = EventRowsModel(self)
        model.set_rows(ev.events)
        self.list_table("eventsTable", model, EventRowsModel.TITLE,
                        self.tr("No event was held in this window."), rows_shown=10,
                        on_open=lambda index: self._open_event_cell(model, index))

    def _kind_rows(self, kind: str | None) -> list[DrillRow]:
        """The events of one kind (or all) as list lines (the view holds them already)."""
        lines = []
        for event in self.review.events.events:
            if kind is not None and event.kind != kind:
                continue
            detail = self.tr("%1 · %2 registered · %3 came · %4 waiting") \
                .replace("%1", f"{event.starts:%Y-%m-%d %H:%M}") \
                .replace("%2", str(event.registered.value)) \
                .replace("%3", str(event.checked_in.value)) \
                .replace("%4", str(event.waitlisted.value))
            lines.append(DrillRow(None, event.title, None, detail, event.event_id))
        return lines

    def _by_kind(self) -> None:
        kinds = self.review.events.by_kind
        chart = BarChart()
        chart.integers = True
        chart.set_data([k.label.render() for k in kinds],
                       [Series(self.tr("Registered"), tuple(float(k.registered) for k in kinds)),
                        Series(self.tr("Came"), tuple(float(k.checked_in) for k in kinds)),
                        Series(self.tr("Waitlist"), tuple(float(k.waitlisted) for k in kinds))])
        chart.clicked.connect(lambda index: self.links.rows(
            kinds[index].label.render(), self._kind_rows(kinds[index].kind)))
        self.chart("byKindChart", self.tr("Registration and attendance by kind"), chart,
                   self.tr("Click a bar for the events of that kind."))

    def _pressure(self) -> None:
        kinds = self.review.events.by_kind
        chart = BarChart(horizontal=True)
        chart.value_format = format_percent
        chart.tick_format = format_percent_tick
        chart.set_data([k.label.render() for k in kinds],
                       [Series(self.tr("Places filled"), tuple(k.fill_rate or 0.0
                                                               for k in kinds)),
                        Series(self.tr("Waitlist pressure"), tuple(k.pressure
                                                                   for k in kinds))])
        chart.clicked.connect(lambda index: self.links.rows(
            kinds[index].label.render(), self._kind_rows(kinds[index].kind)))
        self.chart("pressureChart", self.tr("Places filled and waitlist pressure"), chart,
                   self.tr("Registered per place; people left waiting per place."),
                   height=max(CHART_HEIGHT, chart.sizeHint().height()))

    def _open_event_cell(self, model: EventRowsModel, index: QModelIndex) -> None:
        if not index.isValid():
            return
        event: EventRow = model.row_at(index.row())
        counts = {EventRowsModel.REGISTERED: (self.tr("Registered"), event.registered),
                  EventRowsModel.CHECKED_IN: (self.tr("Came"), event.checked_in),
                  EventRowsModel.WAITLISTED: (self.tr("Waitlist"), event.waitlisted)}
        if index.column() in counts:
            what, count = counts[index.column()]
            self.open_count(f"{event.title}: {what}", count)
        else:
            self.links.event(event.event_id)
