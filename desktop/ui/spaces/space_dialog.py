"""The space editor: what a space is, how it is booked, and its weekly opening hours.

Nothing is checked here: Save hands everything to ``create_space`` / ``update_space``, and a
refusal appears under the field it names.  The hours grid edits one range per weekday; a day
the service holds several ranges for keeps the others as they are (shown beside the row) and
drops them only when the day is closed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QTime
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.rules import OpeningRange, SpaceView
from desktop.booking.spaces import SpaceInput, create_space, update_space
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.booking.common import kind_text as kind_name
from desktop.ui.spaces.models import KINDS, day_name
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    dialog_buttons,
    error_label,
    label,
    with_error,
)

DEFAULT_OPENS = dt.time(9, 0)
DEFAULT_CLOSES = dt.time(21, 0)


def input_of(space: SpaceView, **changes: object) -> SpaceInput:
    """The editable data of a stored space (for a change of one field, e.g. active)."""
    data = SpaceInput(
        name=space.name, kind=space.kind, capacity=space.capacity, exclusive=space.exclusive,
        colour=space.colour, slot_minutes=space.slot_minutes, min_minutes=space.min_minutes,
        max_minutes=space.max_minutes, buffer_minutes=space.buffer_minutes,
        advance_days=space.advance_days, active=space.active, sort_order=space.sort_order,
        hours=space.hours)
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def choose_colour(parent: QWidget, current: str, title: str) -> str | None:
    """The system's colour picker (a boundary tests replace); None when cancelled."""
    chosen = QColorDialog.getColor(QColor(current), parent, title)
    return chosen.name().upper() if chosen.isValid() else None


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _time_edit(name: str, value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(value))
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    return edit


class DayRow:
    """One weekday in the hours grid: open?, opens, closes, and any further ranges kept."""

    def __init__(self, grid: QGridLayout, weekday: int, ranges: list[OpeningRange]) -> None:
        self.weekday = weekday
        first = ranges[0] if ranges else None
        self.open = QCheckBox(day_name(weekday))
        self.open.setObjectName(f"openCheck{weekday}")
        self.open.setChecked(first is not None)
        self.opens = _time_edit(f"opensEdit{weekday}", first.opens if first else DEFAULT_OPENS)
        self.closes = _time_edit(f"closesEdit{weekday}",
                                 first.closes if first else DEFAULT_CLOSES)
        self.extra = list(ranges[1:])
        self.extra_label = QLabel()
        self.extra_label.setObjectName(f"extraHours{weekday}")
        self.extra_label.setProperty("role", "hint")
        row = weekday + 1
        grid.addWidget(self.open, row, 0)
        grid.addWidget(self.opens, row, 1)
        grid.addWidget(self.closes, row, 2)
        grid.addWidget(self.extra_label, row, 3)
        self.open.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        is_open = self.open.isChecked()
        self.opens.setEnabled(is_open)
        self.closes.setEnabled(is_open)
        shown = is_open and bool(self.extra)
        self.extra_label.setText(
            ", ".join(f"+ {r.opens:%H:%M}–{r.closes:%H:%M}" for r in self.extra) if shown else "")

    def ranges(self) -> list[OpeningRange]:
        if not self.open.isChecked():
            return []
        first = OpeningRange(self.weekday, _time(self.opens.time()), _time(self.closes.time()))
        return [first, *self.extra]

    def copy_from(self, other: DayRow) -> None:
        self.opens.setTime(other.opens.time())
        self.closes.setTime(other.closes.time())
        self.extra = [OpeningRange(self.weekday, r.opens, r.closes) for r in other.extra]
        self.open.setChecked(other.open.isChecked())
        self._sync()


class HoursGrid(QGroupBox):
    """Seven rows, Monday first, and "copy Monday to every day"."""

    def __init__(self, hours: Sequence[OpeningRange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursGrid")
        self.setTitle(self.tr("Opening hours"))
        column = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(label(self.tr("Open"), "hint"), 0, 0)
        grid.addWidget(label(self.tr("Opens"), "hint"), 0, 1)
        grid.addWidget(label(self.tr("Closes"), "hint"), 0, 2)
        by_day: dict[int, list[OpeningRange]] = {}
        for entry in sorted(hours, key=lambda r: (r.weekday, r.opens)):
            by_day.setdefault(entry.weekday, []).append(entry)
        self.days = [DayRow(grid, day, by_day.get(day, [])) for day in range(7)]
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy Monday to every day"))
        self.copy_button.setObjectName("copyMondayButton")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_monday)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        column.addLayout(row)
        self.error = error_label("hoursError")
        column.addWidget(self.error)

    def copy_monday(self) -> None:
        for day in self.days[1:]:
            day.copy_from(self.days[0])

    def hours(self) -> tuple[OpeningRange, ...]:
        return tuple(r for day in self.days for r in day.ranges())


class ColourButton(QPushButton):
    """Shows the colour as a swatch and its #RRGGBB; a click opens the picker."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colourButton")
        self.setAutoDefault(False)
        self.set_colour(colour)
        self.clicked.connect(self.pick)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        swatch = QPixmap(28, 16)
        swatch.fill(QColor(colour) if QColor(colour).isValid() else QColor("#ffffff"))
        self.setIcon(QIcon(swatch))
        self.setText(colour.upper())

    def pick(self) -> None:
        chosen = choose_colour(self, self._colour, self.tr("Colour of the space"))
        if chosen is not None:
            self.set_colour(chosen)


def _spin(name: str, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(140)
    return spin


class SpaceDialog(QDialog):
    """New space, or edit one; accepted after the service stored it (``saved`` holds it)."""

    def __init__(self, ctx: Context, space: SpaceView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spaceDialog")
        self._ctx = ctx
        self._space = space
        self.saved: SpaceView | None = None
        self.setWindowTitle(self.tr("New space") if space is None
                            else self.tr("Edit space"))
        data = input_of(space) if space is not None else SpaceInput(
            "", "tea_room", 6, True, hours=tuple(
                OpeningRange(day, DEFAULT_OPENS, DEFAULT_CLOSES) for day in range(7)))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        self.bar = MessageBar("spaceDialogMessage")
        outer.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        body = QHBoxLayout()
        body.setSpacing(20)
        outer.addLayout(body)

        form = QFormLayout()
        form.setSpacing(8)
        self.name = QLineEdit(data.name)
        self.name.setObjectName("spaceNameEdit")
        self.name.setMinimumWidth(240)
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.kind = QComboBox()
        self.kind.setObjectName("spaceKindCombo")
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.errors.add_row(form, self.tr("Kind"), "kind", self.kind)
        self.colour = ColourButton(data.colour)
        self.errors.add_row(form, self.tr("Colour"), "colour", self.colour)
        self.capacity = _spin("capacitySpin", 0, 9999, data.capacity, self.tr(" people"))
        self.errors.add_row(form, self.tr("Capacity"), "capacity", self.capacity)

        sharing = QWidget()
        sharing_column = QVBoxLayout(sharing)
        sharing_column.setContentsMargins(0, 0, 0, 0)
        sharing_column.setSpacing(2)
        self.exclusive = QRadioButton(self.tr("One party at a time (exclusive)"))
        self.exclusive.setObjectName("exclusiveRadio")
        self.seats = QRadioButton(self.tr("Shared seats: parties together up to the capacity"))
        self.seats.setObjectName("seatsRadio")
        group = QButtonGroup(self)
        group.addButton(self.exclusive)
        group.addButton(self.seats)
        (self.exclusive if data.exclusive else self.seats).setChecked(True)
        sharing_column.addWidget(self.exclusive)
        sharing_column.addWidget(self.seats)
        sharing_error = error_label("exclusiveError")
        form.addRow(self.tr("Booked as"), with_error(sharing, sharing_error))
        self.errors.add("exclusive", self.exclusive, sharing_error)

        minutes = self.tr(" min")
        self.slot = _spin("slotSpin", 0, 1440, data.slot_minutes, minutes)
        self.errors.add_row(form, self.tr("Slot"), "slot_minutes", self.slot)
        self.min_minutes = _spin("minMinutesSpin", 0, 1440, data.min_minutes, minutes)
        self.errors.add_row(form, self.tr("Shortest booking"), "min_minutes", self.min_minutes)
        self.max_minutes = _spin("maxMinutesSpin", 0, 1440, data.max_minutes, minutes)
        self.errors.add_row(form, self.tr("Longest booking"), "max_minutes", self.max_minutes)
        self.buffer = _spin("bufferSpin", 0, 600, data.buffer_minutes, minutes)
        self.buffer.setToolTip(self.tr("Free time kept between two bookings (exclusive "
                                       "spaces), e.g. to clear the tea room."))
        self.errors.add_row(form, self.tr("Buffer between bookings"), "buffer_minutes",
                            self.buffer)
        self.advance = _spin("advanceSpin", 0, 3650, data.advance_days, self.tr(" days"))
        self.errors.add_row(form, self.tr("Members may book ahead"), "advance_days",
                            self.advance)
        self.sort_order = _spin("sortOrderSpin", -999, 999, data.sort_order)
        self.sort_order.setToolTip(self.tr("Spaces are listed and shown in the calendar in "
                                           "this order."))
        self.errors.add_row(form, self.tr("Order in lists"), "sort_order", self.sort_order)
        self.active = QCheckBox(self.tr("Active: shown in the calendar and open for booking"))
        self.active.setObjectName("spaceActiveCheck")
        self.active.setChecked(data.active)
        self.errors.add_row(form, "", "active", self.active)
        body.addLayout(form, 3)

        self.hours = HoursGrid(data.hours)
        self.errors.add("hours", self.hours.days[0].open, self.hours.error)
        right = QVBoxLayout()
        right.addWidget(self.hours)
        right.addWidget(label(self.tr("Bookings must lie within these hours and on the slot "
                                      "grid, which starts at the opening time."), "hint",
                              wrap=True))
        right.addStretch(1)
        body.addLayout(right, 2)

        buttons, ok = dialog_buttons(
            self, self.tr("Create space") if space is None else self.tr("Save"),
            "spaceOkButton")
        ok.clicked.connect(self.submit)
        self.ok_button = ok
        outer.addLayout(buttons)
        self.name.setFocus()

    def values(self) -> SpaceInput:
        return SpaceInput(
            name=self.name.text(), kind=str(self.kind.currentData()),
            capacity=self.capacity.value(), exclusive=self.exclusive.isChecked(),
            colour=self.colour.colour(), slot_minutes=self.slot.value(),
            min_minutes=self.min_minutes.value(), max_minutes=self.max_minutes.value(),
            buffer_minutes=self.buffer.value(), advance_days=self.advance.value(),
            active=self.active.isChecked(), sort_order=self.sort_order.value(),
            hours=self.hours.hours())

    def submit(self) -> None:
        self.errors.clear()
        data = self.values()
        try:
            if self._space is None:
                self.saved = create_space(self._ctx, data)
            else:
                self.saved = update_space(self._ctx, self._space.id, data)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
