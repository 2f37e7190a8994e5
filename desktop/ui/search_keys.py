"""A view's search field and its keyboard, written once for every list view that has one.

A list view's search box works the same everywhere: typing searches a moment after the last
key (so a query is not sent per letter), Escape clears the search (and shows the whole list
again), Down or Enter goes from the search into the table — searching at once when the search
is still waiting for its moment, so the person lands on what they typed — and selects the
first row when none is selected; Ctrl+F comes back to the box with its text selected.
Each view says what "the table", "refresh" and "a selection" are for it through plain
callables (read when a key arrives, so they may name widgets built later), instead of
inheriting from a base class.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

_INTO_TABLE = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchKeys(QObject):
    """Builds the search field (``edit``) of ``view`` and handles its keys.

    ``table`` the widget Down/Enter moves into; ``refresh`` runs the search (``delay_ms``
    after the last key when given — ``timer`` waits that long; at once after Escape clears
    the box, and before leaving it while the timer waits);
    ``has_rows``/``has_selection``/``select_first`` decide and make the first row current.
    ``clear_when_empty``: Escape clears and refreshes even with nothing typed (Members);
    otherwise an empty box lets Escape go on to whoever else wants it."""

    def __init__(self, view: QWidget, object_name: str, placeholder: str, *,
                 table: Callable[[], QWidget],
                 has_selection: Callable[[], bool],
                 select_first: Callable[[], object],
                 refresh: Callable[[], object] | None = None,
                 delay_ms: int = 0,
                 has_rows: Callable[[], bool] = lambda: True,
                 min_width: int = 0,
                 clear_when_empty: bool = False) -> None:
        super().__init__(view)
        self._table = table
        self._has_selection = has_selection
        self._select_first = select_first
        self._refresh = refresh
        self._has_rows = has_rows
        self._clear_when_empty = clear_when_empty
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        if min_width:
            self.edit.setMinimumWidth(min_width)
        self.edit.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        if delay_ms and refresh is not None:
            self.timer.timeout.connect(refresh)
            self.edit.textChanged.connect(lambda _text: self.timer.start())

    def focus(self) -> None:
        """Into the search box with what is there selected, so typing replaces it (Ctrl+F)."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def clear(self) -> None:
        """An empty search, and the list it shows."""
        self.edit.clear()
        if self._refresh is not None:
            self._refresh()

    def into_table(self) -> None:
        """From the search into the table, on the first row when nothing is selected."""
        if self.timer.isActive() and self._refresh is not None:
            self._refresh()
        self._table().setFocus(Qt.FocusReason.OtherFocusReason)
        if self._has_rows() and not self._has_selection():
            self._select_first()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and (self._clear_when_empty or self.edit.text()):
                self.clear()
                return True
            if event.key() in _INTO_TABLE:
                self.into_table()
                return True
        return super().eventFilter(watched, event)
