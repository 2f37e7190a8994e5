"""Door mode: one event, one large field, and the outcome of every scan in large type.

A USB scanner types the member number from the card and Enter; the desk may type a name,
pinyin, number or phone instead.  Enter hands the text to ``checkin.scan`` (one short write
transaction, so it runs right here on the GUI thread: the next card must not wait for a
thread hop) and shows what came of it in the outcome's colour, with the live counters and
the attempt log beside it.  The field is cleared and focused after every outcome, so the next
card can come at once.

Keyboard: Enter scan (or, with the field empty, take the candidate picked with Up/Down),
Ctrl+Z undo the last check-in made here, Ctrl+R register the person just scanned as a
walk-in (when the service says there is room), Escape asks before leaving (Escape again
leaves).  Every rule lives in the check-in service; this window only shows its answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.events.checkin import (
    Outcome,
    ScanResult,
    counters,
    list_attempts,
    scan,
    undo_check_in,
    walk_in,
)
from desktop.events.service import EventView, get_event
from desktop.members.service import MemberRow
from desktop.services import Context
from desktop.ui.booking.member_picker import member_line
from desktop.ui.door.parts import (
    BAD,
    IDLE,
    INFO,
    STYLESHEET,
    TONES,
    AttemptsModel,
    CountersPanel,
    DoorInput,
    set_tone,
)
from desktop.ui.events.common import when_text
from desktop.ui.members.common import money

REFRESH_MS = 3000  # another desk at the same door: its check-ins show within this
LOG_ROWS = 100
LOG_STEP = 10  # attempts read after each scan: one is new, unless another desk is busy
# Outcomes after which "Register as walk-in" makes sense (a waitlisted person already has a
# registration: the waitlist, not a second registration, is their way in).
_WALK_IN_OUTCOMES = (Outcome.NOT_REGISTERED, Outcome.WRONG_EVENT, Outcome.CANCELLED)


class DoorModeWindow(QWidget):
    """The door of one event; ``checkedIn`` says the counts changed (for the views behind)."""

    checkedIn = Signal()
    left = Signal()

    def __init__(self, ctx: Context, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("doorMode")
        self.setStyleSheet(STYLESHEET)
        self._ctx = ctx
        self.event_id = event_id
        self.info: EventView = get_event(ctx, event_id)
        self.last_result: ScanResult | None = None
        self._undo: list[int] = []  # registrations checked in here, the last one last
        self._walk_in_member: int | None = None
        self._candidates: tuple[MemberRow, ...] = ()
        self.setWindowTitle(self.tr("Door: %1").replace("%1", self.info.title))

        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 20)
        column.setSpacing(14)
        column.addLayout(self._header())
        column.addWidget(self._leave_bar())
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(self._main_column(), 3)
        body.addLayout(self._log_column(), 1)
        column.addLayout(body, 1)

        self._build_actions()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._show_idle()
        self.refresh()

    # -- building -------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.info.title)
        self.title.setObjectName("doorTitle")
        self.title.setWordWrap(True)
        titles.addWidget(self.title)
        when = f"{when_text(self.info.starts, self.info.ends)}  ·  {self.info.space_name}"
        if self.info.status != "scheduled":
            when += "  ·  " + self.tr("This event was cancelled.")
        self.when = QLabel(when)
        self.when.setObjectName("doorWhen")
        titles.addWidget(self.when)
        row.addLayout(titles, 1)
        self.exit_button = QPushButton(self.tr("Exit door mode"))
        self.exit_button.setObjectName("doorExitButton")
        self.exit_button.setAutoDefault(False)
        self.exit_button.clicked.connect(self.close)
        row.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _leave_bar(self) -> QFrame:
        """The question before leaving, asked in the window rather than in a dialog: a scan
        meanwhile simply carries on (the field keeps the focus) and hides the question."""
        self.leave_bar = QFrame()
        self.leave_bar.setObjectName("doorLeaveBar")
        row = QHBoxLayout(self.leave_bar)
        row.setContentsMargins(16, 8, 16, 8)
        text = QLabel(self.tr("Leave door mode? Press Escape again to leave, or scan to "
                              "carry on."))
        text.setObjectName("doorLeaveText")
        row.addWidget(text, 1)
        stay = QPushButton(self.tr("Stay"))
        stay.setObjectName("doorStayButton")
        stay.setAutoDefault(False)
        stay.clicked.connect(self._stay)
        row.addWidget(stay)
        leave = QPushButton(self.tr("Leave"))
        leave.setObjectName("doorLeaveButton")
        leave.setAutoDefault(False)
        leave.clicked.connect(self.close)
        row.addWidget(leave)
        self.leave_bar.setVisible(False)
        return self.leave_bar

    def _main_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(12)
        self.input = DoorInput()
        self.input.setObjectName("doorInput")
        self.input.setPlaceholderText(self.tr("Scan a card, or type a name, number or phone"))
        self.input.setMaxLength(200)
        self.input.returnPressed.connect(self.submit)
        self.input.moved.connect(self._move_candidate)
        self.input.undoRequested.connect(self.undo_last)
        self.input.textEdited.connect(lambda _text: self.leave_bar.setVisible(False))
        column.addWidget(self.input)

        self.outcome_box = QFrame()
        self.outcome_box.setObjectName("doorOutcomeBox")
        self.outcome_box.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(self.outcome_box)
        box.setContentsMargins(24, 18, 24, 18)
        box.setSpacing(8)
        self.headline = QLabel()
        self.headline.setObjectName("doorHeadline")
        self.outcome = QLabel()
        self.outcome.setObjectName("doorOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setObjectName("doorDetail")
        self.detail.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("doorWarning")
        self.warning.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setObjectName("doorCandidates")
        self.candidates.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.candidates.itemActivated.connect(lambda _item: self.pick_candidate())
        self.candidates.itemClicked.connect(lambda _item: self.input.setFocus())
        box.addStretch(1)  # the outcome in the middle of the box, where the eye lands
        for widget in (self.headline, self.outcome, self.detail, self.warning, self.candidates):
            box.addWidget(widget)
        box.addStretch(1)
        walk_row = QHBoxLayout()
        self.walk_in_button = QPushButton(self.tr("Register as walk-in (Ctrl+R)"))
        self.walk_in_button.setObjectName("doorWalkInButton")
        self.walk_in_button.setProperty("primary", True)
        self.walk_in_button.setAutoDefault(False)
        self.walk_in_button.clicked.connect(self.register_walk_in)
        self.companions_label = QLabel(self.tr("Companions"))
        self.companions_label.setObjectName("doorCompanionsLabel")
        self.companions = QSpinBox()
        self.companions.setObjectName("doorWalkInCompanions")
        self.companions.setRange(0, 20)
        self.companions_label.setBuddy(self.companions)
        walk_row.addWidget(self.walk_in_button)
        walk_row.addWidget(self.companions_label)
        walk_row.addWidget(self.companions)
        walk_row.addStretch(1)
        self.walk_in_row = QWidget()
        self.walk_in_row.setObjectName("doorWalkInRow")
        self.walk_in_row.setLayout(walk_row)
        walk_row.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.walk_in_row)
        column.addWidget(self.outcome_box, 1)

        self.counter_panel = CountersPanel()
        column.addWidget(self.counter_panel)
        return column

    def _log_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        title = QLabel(self.tr("Recent scans"))
        title.setObjectName("doorLogTitle")
        column.addWidget(title)
        self.attempts = AttemptsModel(self)
        self.log = QTableView()
        self.log.setObjectName("doorAttempts")
        self.log.setModel(self.attempts)
        self.log.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.log.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setShowGrid(False)
        self.log.setAlternatingRowColors(True)
        self.log.setWordWrap(False)
        self.log.verticalHeader().setVisible(False)
        self.log.verticalHeader().setDefaultSectionSize(26)
        header = self.log.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # Widths fixed once from the texts a column can hold: sizing to contents would read
        # every row again after each scan.
        metrics = self.log.fontMetrics()
        pad = 18
        time_width = max(metrics.horizontalAdvance("00:00:00"),
                         metrics.horizontalAdvance(self.attempts.headers()[0])) + pad
        outcome_width = max(metrics.horizontalAdvance(text) for text in (
            *(self.attempts.outcome_text(o.value) for o in Outcome),
            self.attempts.headers()[2])) + pad
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.resizeSection(AttemptsModel.TIME, time_width)
        header.resizeSection(AttemptsModel.OUTCOME, outcome_width)
        header.setSectionResizeMode(AttemptsModel.CODE, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.log, 1)
        self.undo_button = QPushButton(self.tr("Undo last check-in (Ctrl+Z)"))
        self.undo_button.setObjectName("doorUndoButton")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_last)
        column.addWidget(self.undo_button)
        return column

    def _build_actions(self) -> None:
        """Window-wide keys, for when the focus is on a button rather than in the field."""
        for text, name, keys, slot in (
            (self.tr("Undo last check-in"), "doorUndoAction", QKeySequence.StandardKey.Undo,
             self.undo_last),
            (self.tr("Register as walk-in"), "doorWalkInAction", QKeySequence("Ctrl+R"),
             self._walk_in_key),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- what the desk does ---------------------------------------------------------------

    def submit(self) -> None:
        """Enter: scan what was typed, or take the picked candidate when the field is empty."""
        text = self.input.text()
        self.leave_bar.setVisible(False)
        if not text.strip():
            if self.candidates.isVisible() and self.candidates.currentRow() >= 0:
                self.pick_candidate()
            return
        self.input.clear()
        self._run(lambda: scan(self._ctx, self.event_id, text))

    def pick_candidate(self) -> None:
        """Scan again with the number of the member picked from the list."""
        row = self.candidates.currentRow()
        if not 0 <= row < len(self._candidates):
            return
        number = self._candidates[row].number
        self._run(lambda: scan(self._ctx, self.event_id, number))

    def register_walk_in(self) -> None:
        member_id = self._walk_in_member
        if member_id is None:
            return
        companions = self.companions.value()
        self._run(lambda: walk_in(self._ctx, self.event_id, member_id, companions))

    def _walk_in_key(self) -> None:
        if self.walk_in_row.isVisible():
            self.register_walk_in()

    def undo_last(self) -> None:
        """Annul the last check-in made at this door (each Ctrl+Z goes one further back)."""
        if not self._undo:
            self._show_message(INFO, self.tr("Nothing to undo"),
                               self.tr("No check-in made here yet."))
            return
        registration_id = self._undo.pop()
        self._run(lambda: undo_check_in(self._ctx, registration_id))

    def _run(self, action: Callable[[], ScanResult]) -> None:
        try:
            result = action()
        except ClubhouseError as error:
            self._show_message(BAD, self.tr("Not done"), error.render())
        else:
            self.show_result(result)
        self._refresh_log()
        self.input.setFocus()

    # -- showing ----------------------------------------------------------------------------

    def headline_of(self, outcome: Outcome) -> str:
        return {
            Outcome.CHECKED_IN: self.tr("Checked in"),
            Outcome.ALREADY: self.tr("Already checked in"),
            Outcome.NOT_REGISTERED: self.tr("Not registered"),
            Outcome.WAITLISTED: self.tr("On the waitlist"),
            Outcome.CANCELLED: self.tr("Registration cancelled"),
            Outcome.WRONG_EVENT: self.tr("Wrong event"),
            Outcome.UNKNOWN: self.tr("Unknown code"),
            Outcome.CHOOSE: self.tr("Several matches"),
            Outcome.UNDONE: self.tr("Check-in undone"),
        }[outcome]

    def show_result(self, result: ScanResult) -> None:
        self.last_result = result
        tone = TONES[result.outcome]
        self._set_outcome(tone, self.headline_of(result.outcome), result.message.render())
        self.outcome.setProperty("outcome", result.outcome.value)
        self.detail.setText(self._detail(result))
        self.detail.setVisible(bool(self.detail.text()))
        self.warning.setText(result.warning.render() if result.warning else "")
        self.warning.setVisible(result.warning is not None)
        self._candidates = result.candidates if result.outcome == Outcome.CHOOSE else ()
        self.candidates.clear()
        for row in self._candidates:
            QListWidgetItem(member_line(row), self.candidates)
        self.candidates.setCurrentRow(-1)  # nothing picked: a stray Enter checks in no one
        self.candidates.setVisible(bool(self._candidates))
        if self._candidates:  # every match in sight, no scrolling
            rows = self.candidates.sizeHintForRow(0) * len(self._candidates)
            self.candidates.setFixedHeight(rows + 2 * self.candidates.frameWidth() + 4)
        walk = (result.room_for_walk_in and result.member_id is not None
                and result.outcome in _WALK_IN_OUTCOMES)
        self._walk_in_member = result.member_id if walk else None
        self.companions.setValue(0)
        self.walk_in_row.setVisible(walk)
        if result.outcome == Outcome.CHECKED_IN and result.registration is not None:
            self._undo.append(result.registration.id)
        self.undo_button.setEnabled(bool(self._undo))
        self.counter_panel.show_counters(result.counters)
        if result.outcome in (Outcome.CHECKED_IN, Outcome.UNDONE):
            self.checkedIn.emit()

    def _detail(self, result: ScanResult) -> str:
        """The registration at a glance: number, companions, paid (an unpaid fee is the
        thing the door most often has to settle)."""
        view = result.registration
        if view is None or result.outcome not in (Outcome.CHECKED_IN, Outcome.ALREADY):
            return ""
        parts = []
        if view.member_number:
            parts.append(self.tr("No. %1").replace("%1", view.member_number))
        elif view.guest_name:
            parts.append(self.tr("Guest"))
        if view.companions:
            parts.append(self.tr("+%1 with them").replace("%1", str(view.companions)))
        if self.info.has_fee:
            parts.append(self.tr("paid") if view.paid else
                         self.tr("NOT PAID (%1)").replace("%1", money(self.info.fee)))
        if view.walk_in:
            parts.append(self.tr("walk-in"))
        return "  ·  ".join(parts)

    def _set_outcome(self, tone: str, headline: str, text: str) -> None:
        self.headline.setText(headline)
        self.outcome.setText(text)
        for widget in (self.outcome_box, self.headline, self.outcome):
            set_tone(widget, tone)

    def _show_message(self, tone: str, headline: str, text: str) -> None:
        """An outcome that is not a scan's (a refusal, nothing to undo)."""
        self._set_outcome(tone, headline, text)
        self.outcome.setProperty("outcome", "")
        for widget in (self.detail, self.warning, self.candidates, self.walk_in_row):
            widget.setVisible(False)
        self._candidates = ()
        self._walk_in_member = None
        self.undo_button.setEnabled(bool(self._undo))
        self.input.setFocus()

    def _show_idle(self) -> None:
        self._show_message(IDLE, self.tr("Ready"), self.tr("Scan the next card."))

    def _move_candidate(self, step: int) -> None:
        if not self._candidates:
            return
        row = self.candidates.currentRow()
        row = 0 if row < 0 and step > 0 else max(0, min(len(self._candidates) - 1, row + step))
        self.candidates.setCurrentRow(row)

    def refresh(self) -> None:
        """Counters and the log as they are now (another desk may be scanning too)."""
        try:
            self.counter_panel.show_counters(counters(self._ctx, self.event_id))
        except ClubhouseError:
            return
        self._refresh_log()

    def _refresh_log(self) -> None:
        """The newest attempts on top of the log; the whole log again only when more came
        in (from other desks) than the short read reaches."""
        try:
            if self.attempts.merge(list_attempts(self._ctx, self.event_id, limit=LOG_STEP),
                                   LOG_ROWS):
                return
            self.attempts.set_rows(list_attempts(self._ctx, self.event_id, limit=LOG_ROWS))
        except ClubhouseError:
            return

    # -- leaving ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.leave_bar.isVisible():
                self.close()
            else:
                self.leave_bar.setVisible(True)
                self.input.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def _stay(self) -> None:
        self.leave_bar.setVisible(False)
        self.input.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        self.input.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # no reading for a door nobody is looking at
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.left.emit()
        super().closeEvent(event)


def open_door_mode(ctx: Context, event_id: int, parent: QWidget | None = None) -> DoorModeWindow:
    """Door mode full screen, as the Events and Today views open it; deleted when left."""
    window = DoorModeWindow(ctx, event_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.showFullScreen()
    window.activateWindow()
    window.input.setFocus()
    return window
