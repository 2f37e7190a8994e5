"""The search field's keyboard that the list views share (SearchKeys): Escape clears and shows
everything again, Down or Enter runs a waiting search and goes into the table on its first
row, Ctrl+F's focus selects what was typed."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QStringListModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from desktop.ui.search_keys import SearchKeys

FRUIT = ["apple", "apricot", "banana", "cherry"]


class Lister(QWidget):
    """A list filtered by a debounced search, as the views have it."""

    def __init__(self, *, clear_when_empty: bool = False) -> None:
        super().__init__()
        self.refreshes = 0
        self.model = QStringListModel(FRUIT)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.keys = SearchKeys(
            self, "fruitSearch", "Fruit  (Ctrl+F)", min_width=222,
            clear_when_empty=clear_when_empty,
            table=lambda: self.table, refresh=self.refresh,
            delay_ms=60_000,  # only the keys (and the one test that waits) run the search
            has_rows=lambda: self.model.rowCount() > 0,
            has_selection=lambda: self.table.selectionModel().hasSelection(),
            select_first=lambda: self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect))
        self.search = self.keys.edit
        self.timer = self.keys.timer
        column = QVBoxLayout(self)
        column.addWidget(self.search)
        column.addWidget(self.table)

    def refresh(self) -> None:
        self.keys.timer.stop()
        self.refreshes += 1
        self.model.setStringList([f for f in FRUIT if self.search.text() in f])

    def shown(self) -> list[str]:
        return self.model.stringList()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedIndexes()
        return str(rows[0].data()) if rows else None


def _shown(qtbot, lister: Lister) -> Lister:
    qtbot.addWidget(lister)
    with qtbot.waitActive(lister):
        lister.show()
        lister.activateWindow()
    lister.search.setFocus()
    return lister


def test_the_field_is_built_as_the_views_want_it(qtbot) -> None:
    lister = Lister()
    qtbot.addWidget(lister)
    assert lister.search.objectName() == "fruitSearch"
    assert lister.search.placeholderText() == "Fruit  (Ctrl+F)"
    assert lister.search.isClearButtonEnabled()
    assert lister.search.minimumWidth() == 222


def test_typing_searches_once_the_timer_runs_out(qtbot) -> None:
    lister = _shown(qtbot, Lister())
    lister.timer.setInterval(10)
    qtbot.keyClicks(lister.search, "an")
    assert lister.refreshes == 0
    qtbot.waitUntil(lambda: lister.shown() == ["banana"], timeout=2000)


def test_enter_runs_the_waiting_search_and_lands_on_the_first_row(qtbot) -> None:
    lister = _shown(qtbot, Lister())
    qtbot.keyClicks(lister.search, "ap")
    assert lister.timer.isActive() and lister.shown() == FRUIT
    QTest.keyClick(lister.search, Qt.Key.Key_Return)
    assert lister.shown() == ["apple", "apricot"]
    assert lister.table.hasFocus()
    assert lister.selected() == "apple"


def test_down_keeps_a_selection_there_is_and_runs_nothing_when_nothing_waits(qtbot) -> None:
    lister = _shown(qtbot, Lister())
    lister.table.selectionModel().setCurrentIndex(
        lister.model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    QTest.keyClick(lister.search, Qt.Key.Key_Down)
    assert lister.table.hasFocus()
    assert lister.selected() == "banana"
    assert lister.refreshes == 0


def test_escape_clears_the_search_and_shows_everything(qtbot) -> None:
    lister = _shown(qtbot, Lister())
    qtbot.keyClicks(lister.search, "ch")
    QTest.keyClick(lister.search, Qt.Key.Key_Return)
    assert lister.shown() == ["cherry"]
    lister.search.setFocus()
    QTest.keyClick(lister.search, Qt.Key.Key_Escape)
    assert lister.search.text() == ""
    assert lister.shown() == FRUIT
    assert lister.search.hasFocus()


def test_escape_in_an_empty_box_is_left_to_others_unless_asked(qtbot) -> None:
    passing = _shown(qtbot, Lister())
    QTest.keyClick(passing.search, Qt.Key.Key_Escape)
    assert passing.refreshes == 0
    clearing = _shown(qtbot, Lister(clear_when_empty=True))
    QTest.keyClick(clearing.search, Qt.Key.Key_Escape)
    assert clearing.refreshes == 1


def test_focus_selects_what_was_typed_so_typing_replaces_it(qtbot) -> None:
    lister = _shown(qtbot, Lister())
    qtbot.keyClicks(lister.search, "cherry")
    lister.table.setFocus()
    lister.keys.focus()
    assert lister.search.hasFocus()
    assert lister.search.selectedText() == "cherry"
    qtbot.keyClicks(lister.search, "ban")
    assert lister.search.text() == "ban"
