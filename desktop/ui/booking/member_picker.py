"""The member field of the quick booking: type a name, pinyin, initials, number or phone and
pick from the list under the field with Up/Down and Enter (or the mouse).

The list is a child of the dialog laid over the form, not a popup window: the focus stays in
the field the whole time, so typing on after a pick, Tab and Escape behave as a person expects,
and the keys are the field's own (tests press them on the field itself).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop.members.service import MemberQuery, MemberRow, search_members
from desktop.services import Context

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def member_line(row: MemberRow) -> str:
    """name · number · phone · status, as the list shows a member."""
    parts = [row.name, row.number]
    if row.phone:
        parts.append(row.phone)
    parts.append(row.status.label.render())
    return " · ".join(parts)


class MemberPicker(QLineEdit):
    """A line edit that searches members as one types and remembers the one picked."""

    MAX_HITS = 8
    DELAY_MS = 150
    changed = Signal()  # the chosen member changed (or was cleared by typing)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.member: MemberRow | None = None
        self._rows: list[MemberRow] = []
        self.hits = QListWidget()
        self.hits.setObjectName("quickMemberList")
        self.hits.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hits.setFrameShape(QFrame.Shape.StyledPanel)
        self.hits.setVisible(False)
        self.hits.itemClicked.connect(lambda item: self.choose_row(self.hits.row(item)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.lookup)
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    # -- searching -----------------------------------------------------------------------------

    def _edited(self, _text: str) -> None:
        if self.member is not None:
            self.member = None
            self.changed.emit()
        self._timer.start()

    def lookup(self) -> list[str]:
        """Ask the database for members matching the text and show them under the field."""
        self._timer.stop()
        text = self.text().strip()
        self._rows = (search_members(self._ctx, MemberQuery(text=text), limit=self.MAX_HITS)
                      if text else [])
        self.hits.clear()
        for row in self._rows:
            item = QListWidgetItem(member_line(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.hits.addItem(item)
        self._show_hits(bool(self._rows))
        return [member_line(row) for row in self._rows]

    def _show_hits(self, visible: bool) -> None:
        top = self.window()
        if not visible or top is self:
            self.hits.setVisible(False)
            return
        if self.hits.parent() is not top:
            self.hits.setParent(top)
        corner = self.mapTo(top, QPoint(0, self.height()))
        rows = min(len(self._rows), self.MAX_HITS)
        height = self.hits.sizeHintForRow(0) * rows + 2 * self.hits.frameWidth() + 2
        width = max(self.width(), 380)
        self.hits.setGeometry(corner.x(), corner.y() + 1, width, height)
        self.hits.setCurrentRow(-1)
        self.hits.setVisible(True)
        self.hits.raise_()

    # -- choosing ------------------------------------------------------------------------------

    def choose_row(self, index: int) -> None:
        if 0 <= index < len(self._rows):
            self.choose(self._rows[index])

    def choose(self, row: MemberRow | None) -> None:
        self._timer.stop()
        self.member = row
        self.setText(f"{row.name} · {row.number}" if row else "")
        self.hits.setVisible(False)
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.text().strip():
            if not self.hits.isVisible() and self.member is None:
                self.lookup()
            if self.hits.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                current = self.hits.currentRow()
                self.hits.setCurrentRow(max(0, min(self.hits.count() - 1, current + step)))
                event.accept()
                return
        if key in _ENTER and self.member is None and self.text().strip():
            if self._timer.isActive() or not self.hits.isVisible():
                self.lookup()
            if self._rows:
                self.choose_row(max(self.hits.currentRow(), 0))
                event.accept()
                return
        if key == Qt.Key.Key_Escape and self.hits.isVisible():
            self.hits.setVisible(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.hits.setVisible(False)
        super().focusOutEvent(event)
