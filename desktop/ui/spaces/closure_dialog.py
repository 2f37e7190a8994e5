"""Adding a closure (one space or the whole venue), and confirming a closure's deletion.

Before anything is written the dialog asks ``preview_closure`` which bookings fall inside.
With none, the closure is saved at once.  With some, the dialog turns to the call list (who,
phone, space, time, party) and the desk chooses: cancel these bookings, or keep them; that
choice goes to ``create_closure``, which writes the closure (and the cancellations) in one
transaction.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.rules import SpaceView
from desktop.booking.spaces import (
    AffectedBooking,
    ClosureResult,
    ClosureView,
    create_closure,
    delete_closure,
    preview_closure,
)
from desktop.errors import ClubhouseError
from desktop.services import Context
from desktop.ui.spaces.models import AffectedTableModel, stamp
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label

FORM_PAGE, CALL_LIST_PAGE = 0, 1


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def _datetime(value: QDateTime) -> dt.datetime:
    date, time = value.date(), value.time()
    return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


def _date_time_edit(name: str, value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(_qdatetime(value))
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(180)
    return edit


def _button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    if primary:
        button.setProperty("primary", True)
    return button


class ClosureDialog(QDialog):
    """Accepted once the closure is stored; ``result`` then says what happened."""

    def __init__(self, ctx: Context, spaces: list[SpaceView], *,
                 space_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closureDialog")
        self.setWindowTitle(self.tr("Add closure"))
        self._ctx = ctx
        self.outcome: ClosureResult | None = None
        self.affected: list[AffectedBooking] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        self.bar = MessageBar("closureDialogMessage")
        outer.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)

        # -- the closure ---------------------------------------------------------------------
        form_page = QWidget()
        column = QVBoxLayout(form_page)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setSpacing(8)
        self.space = QComboBox()
        self.space.setObjectName("closureSpaceCombo")
        self.space.addItem(self.tr("Whole venue (every space)"), None)
        for space in spaces:
            self.space.addItem(space.name, space.id)
        if space_id is not None:
            self.space.setCurrentIndex(max(0, self.space.findData(space_id)))
        self.errors.add_row(form, self.tr("What closes"), "space_id", self.space)
        tomorrow = dt.datetime.combine(ctx.clock.now().date() + dt.timedelta(days=1), dt.time())
        self.starts = _date_time_edit("closureStartsEdit", tomorrow)
        self.errors.add_row(form, self.tr("From"), "starts", self.starts)
        self.ends = _date_time_edit("closureEndsEdit", tomorrow + dt.timedelta(days=1))
        self.errors.add_row(form, self.tr("To"), "ends", self.ends)
        self.reason = QLineEdit()
        self.reason.setObjectName("closureReasonEdit")
        self.reason.setMinimumWidth(320)
        self.reason.setPlaceholderText(self.tr("e.g. Spring Festival, pump repair"))
        self.errors.add_row(form, self.tr("Reason"), "reason", self.reason)
        column.addLayout(form)
        column.addWidget(label(self.tr("Nobody can book inside a closure. If bookings already "
                                       "fall inside it, you see them and decide next."),
                               "hint", wrap=True))
        column.addStretch(1)
        buttons, self.next_button = dialog_buttons(self, self.tr("Add closure"),
                                                   "closureOkButton")
        self.next_button.clicked.connect(self.submit)
        column.addLayout(buttons)
        outer.addWidget(form_page, 1)

        # -- the call list -------------------------------------------------------------------
        list_page = QWidget()
        list_column = QVBoxLayout(list_page)
        list_column.setContentsMargins(0, 0, 0, 0)
        self.affected_title = label("", "title", wrap=True, object_name="affectedTitle")
        self.affected_title.setStyleSheet("font-size: 12pt;")
        list_column.addWidget(self.affected_title)
        list_column.addWidget(label(self.tr("Call these people to let them know. Then choose: "
                                            "cancel their bookings with the closure's reason, "
                                            "or keep them (the closure only stops new "
                                            "bookings)."), "hint", wrap=True))
        self.affected_model = AffectedTableModel(self)
        self.affected_table = QTableView()
        self.affected_table.setObjectName("affectedTable")
        self.affected_table.setModel(self.affected_model)
        self.affected_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.affected_table.setAlternatingRowColors(True)
        self.affected_table.setShowGrid(False)
        self.affected_table.setWordWrap(False)
        self.affected_table.setTabKeyNavigation(False)
        self.affected_table.verticalHeader().setVisible(False)
        self.affected_table.verticalHeader().setDefaultSectionSize(26)
        header = self.affected_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        for section, width in enumerate((150, 130, 110, 210)):
            header.resizeSection(section, width)
        list_column.addWidget(self.affected_table, 1)
        choice = QHBoxLayout()
        self.back_button = _button(self.tr("Back"), "closureBackButton")
        self.back_button.clicked.connect(self.back)
        choice.addWidget(self.back_button)
        choice.addStretch(1)
        self.keep_button = _button(self.tr("Keep them"), "keepBookingsButton")
        self.keep_button.clicked.connect(lambda: self.save(cancel_bookings=False))
        choice.addWidget(self.keep_button)
        self.cancel_bookings_button = _button(self.tr("Cancel these bookings"),
                                              "cancelBookingsButton", primary=True)
        self.cancel_bookings_button.clicked.connect(lambda: self.save(cancel_bookings=True))
        choice.addWidget(self.cancel_bookings_button)
        list_column.addLayout(choice)
        outer.addWidget(list_page, 1)
        # Two pages shown one at a time (hidden widgets take no room, so each page gets a
        # dialog of its own size; a QStackedWidget is as big as its biggest page).
        self._pages = (form_page, list_page)
        list_page.setVisible(False)
        self.reason.setFocus()

    def page(self) -> int:
        """FORM_PAGE or CALL_LIST_PAGE: which one is shown."""
        return CALL_LIST_PAGE if not self._pages[CALL_LIST_PAGE].isHidden() else FORM_PAGE

    def _show_page(self, index: int) -> None:
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)

    def _span(self) -> tuple[int | None, dt.datetime, dt.datetime, str]:
        space_id = self.space.currentData()
        return (int(space_id) if space_id is not None else None,
                _datetime(self.starts.dateTime()), _datetime(self.ends.dateTime()),
                self.reason.text())

    def submit(self) -> None:
        """Check the closure and list the bookings inside it; with none, save it."""
        self.errors.clear()
        space_id, starts, ends, reason = self._span()
        try:
            self.affected = preview_closure(self._ctx, space_id, starts, ends, reason)
        except ClubhouseError as error:
            self.errors.show(error)
            return
        if not self.affected:
            self.save(cancel_bookings=False)
            return
        self.affected_model.set_rows(self.affected)
        count = len(self.affected)
        self.affected_title.setText(
            self.tr("1 booking falls inside this closure.") if count == 1
            else self.tr("%1 bookings fall inside this closure.").replace("%1", str(count)))
        self._show_page(CALL_LIST_PAGE)
        self.resize(max(self.width(), 760), max(self.height(), 420))
        self.cancel_bookings_button.setFocus()

    def back(self) -> None:
        self.bar.clear()
        self._show_page(FORM_PAGE)
        self.reason.setFocus()

    def save(self, *, cancel_bookings: bool) -> None:
        self.errors.clear()
        space_id, starts, ends, reason = self._span()
        try:
            self.outcome = create_closure(self._ctx, space_id, starts, ends, reason,
                                          cancel_bookings=cancel_bookings)
        except ClubhouseError as error:
            self._show_page(FORM_PAGE)
            self.errors.show(error)
            return
        self.accept()


class DeleteClosureDialog(QDialog):
    """Are you sure? Bookings cancelled with the closure stay cancelled."""

    def __init__(self, ctx: Context, closure: ClosureView, place: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deleteClosureDialog")
        self.setWindowTitle(self.tr("Delete closure"))
        self._ctx = ctx
        self._closure = closure
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.addWidget(label(
            self.tr("Delete the closure of %1 from %2 to %3 (%4)?")
            .replace("%1", place).replace("%2", stamp(closure.starts))
            .replace("%3", stamp(closure.ends)).replace("%4", closure.reason), wrap=True))
        column.addWidget(label(self.tr("The time becomes bookable again. Bookings that were "
                                       "cancelled for it stay cancelled."), "hint", wrap=True))
        self.bar = MessageBar("deleteClosureMessage")
        column.addWidget(self.bar)
        buttons, ok = dialog_buttons(self, self.tr("Delete closure"), "deleteClosureOkButton")
        ok.clicked.connect(self.submit)
        column.addLayout(buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        try:
            delete_closure(self._ctx, self._closure.id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.accept()
