"""The pieces of door mode that are not the window itself: the colour each outcome shows in,
the four live counters, the attempt log's table model, the scan field's keys, and the
window's own stylesheet (door mode is read from a few steps away, so its type is far larger
than the rest of the app's and lives here rather than in the app's calm stylesheet)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.events.checkin import AttemptView, Counters, Outcome
from desktop.ui.style import ACCENT, BORDER, MUTED, TEXT
from desktop.ui.table_model import ROOT, RowsModel

OK, WARN, BAD, INFO, IDLE = "ok", "warn", "bad", "info", "idle"

# Green: let them in.  Amber: look twice (already in, not registered, waiting).  Red: stop.
TONES: dict[Outcome, str] = {
    Outcome.CHECKED_IN: OK,
    Outcome.ALREADY: WARN,
    Outcome.NOT_REGISTERED: WARN,
    Outcome.WAITLISTED: WARN,
    Outcome.CANCELLED: BAD,
    Outcome.WRONG_EVENT: BAD,
    Outcome.UNKNOWN: BAD,
    Outcome.CHOOSE: INFO,
    Outcome.UNDONE: INFO,
}
_TEXT_COLOURS = {OK: "#1b5e20", WARN: "#7a4f00", BAD: "#8c1d18", INFO: "#2d4a66", IDLE: MUTED}


def tone_of(outcome: str) -> str:
    try:
        return TONES[Outcome(outcome)]
    except ValueError:
        return IDLE


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour a widget by the outcome's tone (the stylesheet below reads the property)."""
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


STYLESHEET = f"""
QWidget#doorMode {{ background: #f7f8f7; }}
QLabel#doorTitle {{ font-size: 24pt; font-weight: 700; color: {TEXT}; }}
QLabel#doorWhen {{ font-size: 14pt; color: {MUTED}; }}
QLineEdit#doorInput {{
    font-size: 30pt; padding: 10px 16px; border: 2px solid {ACCENT}; border-radius: 8px;
    background: #ffffff; color: {TEXT};
}}
QFrame#doorOutcomeBox {{ border-radius: 10px; border: 2px solid {BORDER}; background: #ffffff; }}
QFrame#doorOutcomeBox[tone="ok"] {{ background: #e3f3e5; border-color: #2e7d32; }}
QFrame#doorOutcomeBox[tone="warn"] {{ background: #fff3d6; border-color: #d99a1e; }}
QFrame#doorOutcomeBox[tone="bad"] {{ background: #fbe4e1; border-color: #b3261e; }}
QFrame#doorOutcomeBox[tone="info"] {{ background: #e8f0f6; border-color: #5b7a99; }}
QLabel#doorHeadline {{ font-size: 40pt; font-weight: 700; color: {MUTED}; }}
QLabel#doorOutcome {{ font-size: 24pt; color: {TEXT}; }}
QLabel#doorDetail {{ font-size: 16pt; color: {MUTED}; }}
""" + "".join(
    f'QLabel#doorHeadline[tone="{tone}"] {{ color: {colour}; }}\n'
    f'QLabel#doorOutcome[tone="{tone}"] {{ color: {colour}; }}\n'
    for tone, colour in _TEXT_COLOURS.items()) + f"""
QLabel#doorWarning {{
    font-size: 14pt; font-weight: 600; color: #7a4f00; background: #fff3d6;
    border: 1px solid #e5c27a; border-radius: 6px; padding: 6px 10px;
}}
QListWidget#doorCandidates {{
    font-size: 16pt; background: #ffffff; border: 1px solid {BORDER}; border-radius: 6px;
}}
QListWidget#doorCandidates::item {{ padding: 6px 8px; }}
QListWidget#doorCandidates::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QFrame#doorCounters {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 10px; }}
QLabel[counter="value"] {{ font-size: 30pt; font-weight: 700; color: {TEXT}; }}
QLabel[counter="caption"] {{ font-size: 11pt; color: {MUTED}; }}
QLabel#doorToCome {{ color: {ACCENT}; }}
QLabel#doorLogTitle {{ font-size: 12pt; font-weight: 600; color: {TEXT}; }}
QFrame#doorLeaveBar {{ background: #263a34; border-radius: 8px; }}
QFrame#doorLeaveBar QLabel {{ color: #ffffff; font-size: 13pt; }}
QPushButton#doorWalkInButton, QPushButton#doorUndoButton {{ font-size: 13pt; padding: 8px 18px; }}
QLabel#doorCompanionsLabel {{ font-size: 13pt; color: {TEXT}; padding-left: 12px; }}
QSpinBox#doorWalkInCompanions {{ font-size: 13pt; padding: 5px 8px; min-width: 64px; }}
"""


class DoorInput(QLineEdit):
    """The one field a scanner types into.  Up and Down move through the candidates while
    the focus stays here (a scan can come at any moment), Ctrl+Z undoes the last check-in
    rather than the field's own typing (it is cleared after every scan anyway)."""

    moved = Signal(int)
    undoRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undoRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CountersPanel(QFrame):
    """Expected, checked in, walk-ins, still to come: big enough to read from the door."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorCounters")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.setSpacing(8)
        self.expected = self._tile(row, self.tr("Expected"), "doorExpected")
        self.checked_in = self._tile(row, self.tr("Checked in"), "doorCheckedIn")
        self.walk_ins = self._tile(row, self.tr("Walk-ins"), "doorWalkIns")
        self.to_come = self._tile(row, self.tr("Still to come"), "doorToCome")

    @staticmethod
    def _tile(row: QHBoxLayout, caption: str, object_name: str) -> QLabel:
        column = QVBoxLayout()
        column.setSpacing(0)
        value = QLabel("–")
        value.setObjectName(object_name)
        value.setProperty("counter", "value")
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(caption)
        title.setProperty("counter", "caption")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(value)
        column.addWidget(title)
        row.addLayout(column, 1)
        return value

    def show_counters(self, counters: Counters) -> None:
        for widget, value in zip((self.expected, self.checked_in, self.walk_ins, self.to_come),
                                 counters.as_tuple, strict=True):
            widget.setText(str(value))

    def values(self) -> tuple[int, int, int, int]:
        """What the tiles show, as numbers (for tests and the lead's Today view)."""
        return (int(self.expected.text()), int(self.checked_in.text()),
                int(self.walk_ins.text()), int(self.to_come.text()))


class AttemptsModel(RowsModel[AttemptView]):
    """The attempt log of the event, newest first: time, what was scanned, what came of it."""

    TIME, CODE, OUTCOME = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Scanned"), self.tr("Outcome"))

    def merge(self, newest_first: list[AttemptView], keep: int) -> bool:
        """Put the attempts not shown yet on top (a scan adds one row: no reset, no relayout
        of the rows already there) and keep at most ``keep``; False when ``newest_first``
        may not reach back to what is shown (the caller then reloads the whole log)."""
        if not self._rows:
            return False
        top = self._rows[0].id
        new = [row for row in newest_first if row.id > top]
        if not new:
            return True
        if len(new) == len(newest_first):
            return False  # maybe more came in between than were asked for
        self.beginInsertRows(ROOT, 0, len(new) - 1)
        self._rows[0:0] = new
        self.endInsertRows()
        if len(self._rows) > keep:
            self.beginRemoveRows(ROOT, keep, len(self._rows) - 1)
            del self._rows[keep:]
            self.endRemoveRows()
        return True

    def outcome_text(self, outcome: str) -> str:
        texts = {
            Outcome.CHECKED_IN: self.tr("checked in"),
            Outcome.ALREADY: self.tr("already in"),
            Outcome.NOT_REGISTERED: self.tr("not registered"),
            Outcome.WAITLISTED: self.tr("waitlisted"),
            Outcome.CANCELLED: self.tr("cancelled"),
            Outcome.WRONG_EVENT: self.tr("wrong event"),
            Outcome.UNKNOWN: self.tr("unknown"),
            Outcome.CHOOSE: self.tr("several matches"),
            Outcome.UNDONE: self.tr("undone"),
        }
        try:
            return texts[Outcome(outcome)]
        except ValueError:
            return outcome

    def cell(self, row: AttemptView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return f"{row.at:%H:%M:%S}"
            if column == self.CODE:
                return row.code
            return self.outcome_text(row.outcome)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME:
            return QColor(_TEXT_COLOURS[tone_of(row.outcome)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1, by %2").replace("%1", f"{row.at:%Y-%m-%d %H:%M:%S}").replace(
                "%2", row.by)
        return None
