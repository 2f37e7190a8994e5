"""The "Repeat" part of the quick booking: weekly on chosen weekdays, every N weeks, monthly by
date or by n-th weekday, ending on a date or after a number of times.

It only writes the RFC 5545 rule (``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10``); what the
rule means, and whether each date may be booked, is desktop/booking/series.py's business.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.booking.common import weekday_names
from desktop.ui.members.common import from_qdate, to_qdate

WEEKLY, MONTHLY_DATE, MONTHLY_WEEKDAY = "weekly", "monthly_date", "monthly_weekday"
AFTER, UNTIL = "count", "until"
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday(day: dt.date) -> int:
    """Which of its weekday in the month ``day`` is: 1..4, or -1 for the last (a 5th is
    always the last, and "the last Friday" is what people say)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


class RepeatSection(QWidget):
    """A "Repeat" check box: unticked means one booking; ticked shows the repeat fields."""

    changed = Signal()

    def __init__(self, first_day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickRepeatSection")
        self.toggle = QCheckBox(self.tr("Repeat"))
        self.toggle.setObjectName("quickRepeat")
        self._first_day = first_day
        self._days_touched = False
        self.body = QFrame()
        self.body.setObjectName("quickRepeatBody")
        self.body.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        self.kind = QComboBox()
        self.kind.setObjectName("quickRepeatKind")
        self.kind.addItem(self.tr("Weekly"), WEEKLY)
        self.kind.addItem(self.tr("Monthly on the same date"), MONTHLY_DATE)
        self.kind.addItem(self.tr("Monthly on the same weekday"), MONTHLY_WEEKDAY)
        grid.addWidget(self.kind, 0, 0, 1, 2)
        every = QHBoxLayout()
        every.addWidget(QLabel(self.tr("every")))
        self.every = QSpinBox()
        self.every.setObjectName("quickRepeatEvery")
        self.every.setRange(1, 12)
        every.addWidget(self.every)
        self.unit = QLabel()
        self.unit.setObjectName("quickRepeatUnit")
        every.addWidget(self.unit)
        every.addStretch(1)
        grid.addLayout(every, 0, 2)
        self.days_row = QWidget()
        days = QHBoxLayout(self.days_row)
        days.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        for index, name in enumerate(weekday_names()):
            box = QCheckBox(name)
            box.setObjectName(f"quickRepeatDay{index}")
            box.toggled.connect(self.changed)
            box.clicked.connect(self._days_chosen)
            days.addWidget(box)
            self.days.append(box)
        days.addStretch(1)
        grid.addWidget(self.days_row, 1, 0, 1, 3)
        self.monthly_hint = QLabel()
        self.monthly_hint.setObjectName("quickRepeatMonthlyHint")
        self.monthly_hint.setProperty("role", "hint")
        grid.addWidget(self.monthly_hint, 1, 0, 1, 3)
        self.end = QComboBox()
        self.end.setObjectName("quickRepeatEnd")
        self.end.addItem(self.tr("Ends after"), AFTER)
        self.end.addItem(self.tr("Ends on"), UNTIL)
        grid.addWidget(self.end, 2, 0)
        self.count = QSpinBox()
        self.count.setObjectName("quickRepeatCount")
        self.count.setRange(1, 400)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        grid.addWidget(self.count, 2, 1)
        self.until = QDateEdit(to_qdate(first_day + dt.timedelta(days=90)))
        self.until.setObjectName("quickRepeatUntil")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        grid.addWidget(self.until, 2, 1)
        grid.setColumnStretch(2, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self.toggle)
        outer.addWidget(self.body)
        for signal in (self.kind.currentIndexChanged, self.every.valueChanged,
                       self.end.currentIndexChanged, self.count.valueChanged,
                       self.until.dateChanged):
            signal.connect(self._update)
        self.toggle.toggled.connect(self._update)
        self.set_first_day(first_day)

    def isChecked(self) -> bool:
        return self.toggle.isChecked()

    def setChecked(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def set_first_day(self, day: dt.date) -> None:
        """The first date moved: weekly follows its weekday until the desk ticks days
        themselves, and the monthly choices name the new date."""
        self._first_day = day
        if not self._days_touched or not self.chosen_days():
            for index, box in enumerate(self.days):
                box.setChecked(index == day.weekday())
        self._update()

    def _days_chosen(self) -> None:
        self._days_touched = True

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.body.setVisible(self.isChecked())
        self.days_row.setVisible(kind == WEEKLY)
        self.monthly_hint.setVisible(kind != WEEKLY)
        self.unit.setText(self.tr("week(s)") if kind == WEEKLY else self.tr("month(s)"))
        day = self._first_day
        if kind == MONTHLY_DATE:
            self.monthly_hint.setText(self.tr("on day %1 of the month").replace(
                "%1", str(day.day)))
        elif kind == MONTHLY_WEEKDAY:
            self.monthly_hint.setText(self._nth_text(day))
        after = self.end.currentData() == AFTER
        self.count.setVisible(after)
        self.until.setVisible(not after)
        self.changed.emit()

    def _nth_text(self, day: dt.date) -> str:
        nth = nth_weekday(day)
        weekday = weekday_names()[day.weekday()]
        if nth == -1:
            return self.tr("on the last %1 of the month").replace("%1", weekday)
        ordinal = (self.tr("1st"), self.tr("2nd"), self.tr("3rd"), self.tr("4th"))[nth - 1]
        return self.tr("on the %1 %2 of the month").replace("%1", ordinal).replace("%2", weekday)

    def chosen_days(self) -> list[int]:
        return [index for index, box in enumerate(self.days) if box.isChecked()]

    def rule(self) -> str:
        """The RRULE for the chosen repeat ("" for weekly with no weekday ticked)."""
        kind = self.kind.currentData()
        parts = [f"INTERVAL={self.every.value()}"]
        day = self._first_day
        if kind == WEEKLY:
            chosen = self.chosen_days()
            if not chosen:
                return ""
            parts.insert(0, "FREQ=WEEKLY")
            parts.append("BYDAY=" + ",".join(_RRULE_DAYS[i] for i in chosen))
        elif kind == MONTHLY_DATE:
            parts.insert(0, "FREQ=MONTHLY")
            parts.append(f"BYMONTHDAY={day.day}")
        else:
            parts.insert(0, "FREQ=MONTHLY")
            parts.append(f"BYDAY={nth_weekday(day):+d}{_RRULE_DAYS[day.weekday()]}")
        if self.end.currentData() == AFTER:
            parts.append(f"COUNT={self.count.value()}")
        else:
            parts.append(f"UNTIL={from_qdate(self.until.date()):%Y%m%d}T235959")
        return ";".join(parts)
