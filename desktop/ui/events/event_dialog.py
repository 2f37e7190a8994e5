"""New or changed event: title, kind, host, space, date and time, capacity, fee, description,
and for a new event a repeat (the weekly reading club).

The space is booked by the events service under the booking rules, so a refusal lists every
reason, each naming the booking in the way, and nothing is written.  A repeat is previewed
first: every date that cannot be booked is listed with its reason, and the desk chooses to
create the other dates or to change something.  Changing an event moves its booking; a
refused move says why and leaves the event as it was.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.booking.rules import BookingRefused, SpaceView
from desktop.booking.series import Occurrence
from desktop.booking.spaces import list_spaces
from desktop.errors import ClubhouseError
from desktop.events.registrations import list_registrations
from desktop.events.service import (
    EVENT_KINDS,
    EventInput,
    EventView,
    create_event,
    preview_event_series,
    update_event,
)
from desktop.members.service import get_member
from desktop.services import Context
from desktop.ui.booking.common import WhenRow, conflict_lines, space_combo
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.booking.quick import grid_starts
from desktop.ui.booking.repeat import RepeatSection
from desktop.ui.events.common import kind_text as event_kind_text
from desktop.ui.members.common import from_qdate, to_qdate
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label

DEFAULT_MINUTES = 120


class EventDialog(QDialog):
    """Create an event (``event`` None) or change one; ``saved`` holds what was written."""

    def __init__(self, ctx: Context, event: EventView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("New event") if event is None else self.tr("Edit event"))
        self._ctx = ctx
        self.original = event
        self.saved: list[EventView] = []
        self.promoted: list[str] = []  # who moved up from the waitlist (a larger capacity)
        self._pending: tuple[EventInput, str] | None = None
        self._saving = False
        self.spaces = {space.id: space for space in list_spaces(ctx)}
        if event is not None and event.space_id not in self.spaces:
            self.spaces.update({s.id: s for s in list_spaces(ctx, include_inactive=True)
                                if s.id == event.space_id})

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        self.bar = MessageBar("eventMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.title = QLineEdit()
        self.title.setObjectName("eventTitleEdit")
        self.title.setMaxLength(120)
        self.title.setMinimumWidth(360)
        self.title.setPlaceholderText(self.tr("e.g. Reading club: 红楼梦"))
        self.errors.add_row(form, self.tr("Title"), "title", self.title)
        self.kind = QComboBox()
        self.kind.setObjectName("eventKindCombo")
        for kind in EVENT_KINDS:
            self.kind.addItem(event_kind_text(kind), kind)
        self.errors.add_row(form, self.tr("Kind"), "kind", self.kind)
        self.host = MemberPicker(ctx)
        self.host.setObjectName("eventHostEdit")
        self.host.setPlaceholderText(self.tr("optional: the member who hosts it"))
        self.errors.add_row(form, self.tr("Host"), "host_member_id", self.host)
        self.space = space_combo(self.spaces.values(), "eventSpaceCombo")
        self.errors.add_row(form, self.tr("Space"), "space_id", self.space)

        when = WhenRow(ctx.clock.now().date() + dt.timedelta(days=1),
                       ("eventDateEdit", "eventStartCombo", "eventDurationSpin", "eventEndsLabel"))
        self.date, self.start = when.date, when.start
        self.duration, self.ends_label = when.duration, when.ends_label
        self.duration.setRange(15, 24 * 60)
        self.duration.setValue(DEFAULT_MINUTES)
        self.errors.add_row(form, self.tr("When"), "starts", when, "eventWhenError")
        self.errors.add("ends", when, self._error_line("eventWhenError"))
        self.errors.add("duration_minutes", when, self._error_line("eventWhenError"))

        numbers = QWidget()
        numbers_row = QHBoxLayout(numbers)
        numbers_row.setContentsMargins(0, 0, 0, 0)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("eventCapacitySpin")
        self.capacity.setRange(1, 9999)
        self.capacity.setMinimumWidth(90)
        numbers_row.addWidget(self.capacity)
        self.capacity_hint = label("", "hint", object_name="eventCapacityHint")
        numbers_row.addWidget(self.capacity_hint, 1)
        self.errors.add_row(form, self.tr("Capacity"), "capacity", numbers, "eventCapacityError")
        self.errors.add("party_size", numbers, self._error_line("eventCapacityError"))
        self.fee = QDoubleSpinBox()
        self.fee.setObjectName("eventFeeSpin")
        self.fee.setRange(0, 100000)
        self.fee.setDecimals(2)
        self.fee.setPrefix("¥ ")
        self.fee.setSpecialValueText(self.tr("free"))
        self.fee.setMaximumWidth(160)
        self.errors.add_row(form, self.tr("Fee"), "fee", self.fee)
        self.description = QPlainTextEdit()
        self.description.setObjectName("eventDescriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.errors.add_row(form, self.tr("Description"), "description", self.description)

        self.repeat: RepeatSection | None = None
        if event is None:
            self.repeat = RepeatSection(from_qdate(self.date.date()))
            column.addWidget(self.repeat)
            self.repeat.changed.connect(self._forget_series)
            self.errors.add("rrule", self.repeat, self._error_line("eventWhenError"))

        self.conflicts = label("", "error", wrap=True, object_name="eventConflicts")
        self.conflicts.setVisible(False)
        column.addWidget(self.conflicts)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("eventSkipConflicts")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setVisible(False)
        self.skip_button.clicked.connect(self.create_skipping)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)
        column.addLayout(skip_row)
        column.addStretch(1)
        buttons, self.save_button = dialog_buttons(
            self, self.tr("Create") if event is None else self.tr("Save"), "eventSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)

        self._fill(event)
        self._space_id: int | None = self.space.currentData()
        self.space.currentIndexChanged.connect(lambda _i: self._space_changed())
        self.date.dateChanged.connect(lambda _d: self._date_changed())
        self.start.currentIndexChanged.connect(lambda _i: self._changed())
        self.duration.valueChanged.connect(lambda _v: self._changed())
        self.capacity.valueChanged.connect(lambda _v: self._changed())
        self.setMinimumWidth(620)
        self._changed()
        self.title.setFocus()

    def _error_line(self, name: str) -> QLabel:
        """An error line already in the form (several service fields share one line)."""
        found = self.findChild(QLabel, name)
        assert found is not None
        return found

    # -- filling -------------------------------------------------------------------------------

    def _fill(self, event: EventView | None) -> None:
        if event is None:
            self._space_limits()
            self._fill_starts(dt.time(14, 0))
            space = self.current_space()
            if space is not None:
                self.capacity.setValue(space.capacity)
            return
        self.title.setText(event.title)
        self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
        if event.host_member_id is not None:
            try:
                self.host.choose(get_member(self._ctx, event.host_member_id).row)
            except ClubhouseError:
                self.host.setText(event.host_name or "")
        self.space.setCurrentIndex(max(self.space.findData(event.space_id), 0))
        self.date.setDate(to_qdate(event.starts.date()))
        self._space_limits()
        self._fill_starts(event.starts.time())
        self.duration.setValue(int((event.ends - event.starts).total_seconds() // 60))
        self.capacity.setValue(event.capacity)
        self.fee.setValue(float(event.fee))
        self.description.setPlainText(event.description or "")

    def current_space(self) -> SpaceView | None:
        space_id = self.space.currentData()
        return self.spaces.get(space_id) if space_id is not None else None

    def _space_limits(self) -> None:
        space = self.current_space()
        if space is None:
            return
        self.duration.setSingleStep(space.slot_minutes)
        self.capacity_hint.setText(
            (self.tr("%1 holds at most %2 people") if space.exclusive
             else self.tr("%1 has %2 seats, shared with other parties"))
            .replace("%1", space.name).replace("%2", str(space.capacity)))

    def _fill_starts(self, wanted: dt.time | None) -> None:
        """The space's grid of starts on the date; an event's own time is kept even off it."""
        space = self.current_space()
        day = from_qdate(self.date.date())
        times = grid_starts(space, day) if space is not None else []
        if wanted is not None and times and wanted not in times and self.original is not None:
            times = sorted([*times, wanted])
        self.start.set_times(times, wanted)

    def start_time(self) -> dt.time | None:
        return self.start.time()

    def set_start(self, moment: dt.time) -> bool:
        return self.start.select(moment)

    # -- reacting ------------------------------------------------------------------------------

    def _space_changed(self) -> None:
        keep = self.start_time()
        before = self.spaces.get(self._space_id) if self._space_id is not None else None
        space = self.current_space()
        if space is not None and (before is None or self.capacity.value() == before.capacity):
            self.capacity.setValue(space.capacity)  # untouched: follow the room's size
        self._space_id = space.id if space is not None else None
        self._space_limits()
        self._fill_starts(keep)
        self._changed()

    def _date_changed(self) -> None:
        if self.repeat is not None:
            self.repeat.set_first_day(from_qdate(self.date.date()))
        self._fill_starts(self.start_time())
        self._changed()

    def _forget_series(self) -> None:
        self._pending = None
        self.skip_button.setVisible(False)

    def _changed(self) -> None:
        self._forget_series()
        starts = self.starts()
        self.ends_label.setText(
            self.tr("until %1").replace("%1", f"{starts + self._length():%H:%M}")
            if starts is not None else "")

    def _length(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.duration.value())

    def starts(self) -> dt.datetime | None:
        moment = self.start_time()
        if moment is None:
            return None
        return dt.datetime.combine(from_qdate(self.date.date()), moment)

    def data(self) -> EventInput | None:
        starts = self.starts()
        space = self.current_space()
        if starts is None or space is None:
            return None
        host = self.host.member
        return EventInput(
            title=self.title.text(), kind=str(self.kind.currentData()), space_id=space.id,
            starts=starts, ends=starts + self._length(), capacity=self.capacity.value(),
            fee=Decimal(f"{self.fee.value():.2f}"),
            description=self.description.toPlainText(),
            host_member_id=host.id if host is not None else None)

    # -- saving --------------------------------------------------------------------------------

    def _clear(self) -> None:
        self.errors.clear()
        self.conflicts.clear()
        self.conflicts.setVisible(False)

    def _refused(self, error: ClubhouseError) -> None:
        if isinstance(error, BookingRefused):
            self.conflicts.setText(conflict_lines(error.conflicts))
            self.conflicts.setVisible(True)
        else:
            self.errors.show(error)

    def save(self) -> None:
        if self._saving:
            return
        self._clear()
        if self.host.text().strip() and self.host.member is None:
            self.errors.show_text("host_member_id", self.tr("Choose the host from the list "
                                                            "(Down, then Enter), or clear it."))
            return
        data = self.data()
        if data is None:
            self.errors.show_text("starts", self.tr("The space is closed that day; choose "
                                                    "another date or space."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            if self.original is not None:
                self._update(data)
            elif self.repeat is not None and self.repeat.isChecked():
                self._save_series(data)
            else:
                self._create(data, None, skip=False)
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        if self.saved:
            self.accept()

    def _update(self, data: EventInput) -> None:
        """Save the change; a larger capacity promotes the waitlist, and ``promoted`` names
        who moved up so the desk can tell them."""
        assert self.original is not None
        event_id = self.original.id
        try:
            waiting = {r.id for r in list_registrations(self._ctx, event_id)
                       if r.status == "waitlisted"}
            self.saved = [update_event(self._ctx, event_id, data)]
            self.promoted = [r.who for r in list_registrations(self._ctx, event_id)
                             if r.id in waiting and r.status == "registered"]
        except ClubhouseError as error:
            self._refused(error)

    def _create(self, data: EventInput, rrule: str | None, *, skip: bool) -> None:
        try:
            self.saved = create_event(self._ctx, data, rrule=rrule, skip_conflicts=skip)
        except ClubhouseError as error:
            self._forget_series()
            self._refused(error)

    def _save_series(self, data: EventInput) -> None:
        assert self.repeat is not None
        rule = self.repeat.rule()
        if not rule:
            self.bar.show_error(self.tr("Choose at least one weekday to repeat on."))
            return
        try:
            previews = preview_event_series(self._ctx, data, rule)
        except ClubhouseError as error:
            self._refused(error)
            return
        blocked = [o for o in previews if not o.free]
        if not blocked:
            self._create(data, rule, skip=False)
            return
        self._show_series_conflicts(data, rule, previews, blocked)

    def _show_series_conflicts(self, data: EventInput, rule: str, previews: list[Occurrence],
                               blocked: list[Occurrence]) -> None:
        lines = [self.tr("%1 of %2 dates cannot be booked:")
                 .replace("%1", str(len(blocked))).replace("%2", str(len(previews)))]
        lines += [f"• {o.starts:%Y-%m-%d}: {c.message.render()}"
                  for o in blocked for c in o.conflicts]
        self.conflicts.setText("\n".join(lines))
        self.conflicts.setVisible(True)
        free = len(previews) - len(blocked)
        if free:
            self._pending = (data, rule)
            self.skip_button.setText(self.tr("Skip these and create the other %1 dates")
                                     .replace("%1", str(free)))
            self.skip_button.setVisible(True)
            self.skip_button.setFocus()
        else:
            self.bar.show_error(self.tr("No date of this series can be booked."))

    def create_skipping(self) -> None:
        """The desk agreed to leave out the conflicting dates: create the others."""
        if self._pending is None or self._saving:
            return
        data, rule = self._pending
        self._saving = True
        self.skip_button.setEnabled(False)
        try:
            self._create(data, rule, skip=True)
        finally:
            self._saving = False
            self.skip_button.setEnabled(True)
        if self.saved:
            self.accept()
