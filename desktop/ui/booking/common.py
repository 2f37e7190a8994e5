"""What the booking dialogs share: a space kind and a time as the desk reads them, and a list
that takes Enter for itself (so choosing a row never also presses the dialog's default button).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QTableView,
    QWidget,
)

from desktop.booking.rules import Conflict, SpaceView
from desktop.ui.widgets import label


def kind_text(kind: str) -> str:
    """A space kind (a stored identifier) in the current language."""
    names = {
        "tea_room": QCoreApplication.translate("SpaceKinds", "Tea room"),
        "fishing_pond": QCoreApplication.translate("SpaceKinds", "Fishing pond"),
        "library": QCoreApplication.translate("SpaceKinds", "Library"),
        "meeting_room": QCoreApplication.translate("SpaceKinds", "Meeting room"),
        "orchard": QCoreApplication.translate("SpaceKinds", "Orchard"),
        "board_games": QCoreApplication.translate("SpaceKinds", "Board-game room"),
        "dining": QCoreApplication.translate("SpaceKinds", "Dining"),
        "other": QCoreApplication.translate("SpaceKinds", "Other"),
    }
    return names.get(kind, kind)


def space_combo(spaces: Iterable[SpaceView], object_name: str) -> QComboBox:
    """The spaces to choose from, each named with its kind, its id as the item's data."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    for space in spaces:
        combo.addItem(f"{space.name} · {kind_text(space.kind)}", space.id)
    return combo


def weekday_names() -> tuple[str, ...]:
    """Monday..Sunday, short, in the current language."""
    return (QCoreApplication.translate("Weekdays", "Mon"),
            QCoreApplication.translate("Weekdays", "Tue"),
            QCoreApplication.translate("Weekdays", "Wed"),
            QCoreApplication.translate("Weekdays", "Thu"),
            QCoreApplication.translate("Weekdays", "Fri"),
            QCoreApplication.translate("Weekdays", "Sat"),
            QCoreApplication.translate("Weekdays", "Sun"))


def span_text(starts: dt.datetime, ends: dt.datetime) -> str:
    """2026-11-27 (Fri) 14:00–16:00, the weekday in the current language."""
    weekday = weekday_names()[starts.weekday()]
    return f"{starts:%Y-%m-%d} ({weekday}) {starts:%H:%M}–{ends:%H:%M}"


def conflict_lines(conflicts: list[Conflict]) -> str:
    """Every conflict's message, one per line, in the current language."""
    return "\n".join(f"• {c.message.render()}" for c in conflicts)


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ChoiceList(QListWidget):
    """A list whose Enter chooses the current row and stops there (Qt's list lets Enter travel
    on to the dialog, which would press Save at the same time)."""

    chosen = Signal(int)  # the row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemActivated.connect(lambda item: self.chosen.emit(self.row(item)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and self.currentRow() >= 0:
            self.chosen.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceTable(QTableView):
    """A table whose Enter chooses the current row and stops there, as ``ChoiceList``."""

    chosen = Signal(int)  # the row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activated.connect(lambda index: self.chosen.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in _ENTER and index.isValid():
            self.chosen.emit(index.row())
            event.accept()
            return
        super().keyPressEvent(event)


class DateField(QDateEdit):
    """A date edit where Tab moves on to the next field (Qt's walks the year, month and day
    first) and Up/Down change the day: a form is filled from the keyboard without surprises."""

    def __init__(self, day: dt.date, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day.year, day.month, day.day), parent)
        self.setObjectName(object_name)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd ddd")
        self.setCurrentSection(QDateEdit.Section.DaySection)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setCurrentSection(QDateEdit.Section.DaySection)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
            event.accept()
            return
        super().keyPressEvent(event)


class StartCombo(QComboBox):
    """The start times a space's slot grid allows on a day ("closed" when none), keeping the
    wanted time when the grid has it, else the nearest earlier one: quick booking and the event
    dialog both choose a start this way."""

    def set_times(self, times: list[dt.time], wanted: dt.time | None) -> None:
        blocked = self.blockSignals(True)
        self.clear()
        for moment in times:
            self.addItem(f"{moment:%H:%M}", moment.isoformat(timespec="minutes"))
        if times:
            pick = 0
            if wanted is not None:
                earlier = [i for i, t in enumerate(times) if t <= wanted]
                pick = earlier[-1] if earlier else 0
            self.setCurrentIndex(pick)
        else:
            self.addItem(QCoreApplication.translate("StartCombo", "closed"), None)
        self.blockSignals(blocked)

    def time(self) -> dt.time | None:
        value = self.currentData()
        return dt.time.fromisoformat(value) if value else None

    def select(self, moment: dt.time) -> bool:
        index = self.findData(moment.isoformat(timespec="minutes"))
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class WhenRow(QWidget):
    """Date, start and "for N min", with the end it gives beside them: how a booking and an
    event both say when.  ``names`` are the objectNames of the date, start, duration and end."""

    def __init__(self, day: dt.date, names: tuple[str, str, str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        date_name, start_name, duration_name, ends_name = names
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date = DateField(day, date_name)
        row.addWidget(self.date)
        self.start = StartCombo()
        self.start.setObjectName(start_name)
        self.start.setMinimumWidth(90)
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("for")))
        self.duration = QSpinBox()
        self.duration.setObjectName(duration_name)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setMinimumWidth(90)
        row.addWidget(self.duration)
        self.ends_label = label("", "hint", object_name=ends_name)
        row.addWidget(self.ends_label, 1)
