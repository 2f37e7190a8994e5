"""Quick booking (Ctrl+N from anywhere, and from the calendar and "find a free slot"):
member, space, start, duration, party size, purpose, Enter to save.

Before Save the dialog keeps saying whether the slot is free (``check_request``, the very
rules ``create_booking`` applies, a moment after the last change).  When the service refuses,
every reason is listed, each naming who has the slot, with the nearest free times here and
the same time in other spaces of the kind (``suggest_alternatives``); Enter on one fills it
in and puts the focus on Save.  A repeat makes a series through desktop/booking/series.py:
every conflicting date is shown first and the desk chooses to skip them or not to book.

One booking however often Save is pressed: the button is off while saving and the dialog
stops after the first success; behind it the service refuses the same booking twice.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.booking import rules
from desktop.booking.rules import BookingRefused, Conflict, SpaceView
from desktop.booking.series import (
    Occurrence,
    SeriesRequest,
    SeriesResult,
    create_series,
    preview_series,
)
from desktop.booking.service import (
    BookingRequest,
    BookingView,
    FreeSlot,
    check_request,
    create_booking,
    get_booking,
    suggest_alternatives,
)
from desktop.booking.spaces import list_spaces
from desktop.errors import ClubhouseError
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.booking.common import (
    ChoiceList,
    WhenRow,
    conflict_lines,
    space_combo,
    span_text,
)
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.booking.repeat import RepeatSection
from desktop.ui.members.common import from_qdate, to_qdate
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label, set_role

# Refusals a different time or space cannot cure: no alternatives offered for them alone.
_NOT_ABOUT_THE_SLOT = frozenset({rules.MEMBER, rules.DUPLICATE})


def grid_starts(space: SpaceView, day: dt.date, *, all_day: bool = False) -> list[dt.time]:
    """The starts the space's slot grid offers on ``day``: from each opening time in steps of
    the slot size, leaving room for the shortest booking.  ``all_day`` (an owner overriding
    the time rules) offers the whole day in slot steps."""
    step = dt.timedelta(minutes=space.slot_minutes)
    shortest = dt.timedelta(minutes=max(space.min_minutes, space.slot_minutes))
    ranges = ([(dt.time(0), None)] if all_day else
              [(h.opens, h.closes) for h in space.hours if h.weekday == day.weekday()])
    found: list[dt.time] = []
    for opens, closes in sorted(ranges, key=lambda r: r[0]):
        moment = dt.datetime.combine(day, opens)
        last = (dt.datetime.combine(day, closes) if closes is not None
                else dt.datetime.combine(day + dt.timedelta(days=1), dt.time())) - shortest
        while moment <= last and moment.date() == day:
            found.append(moment.time())
            moment += step
    return found


class QuickBookingDialog(QDialog):
    """Book a space for a member (or a guest they host) from the keyboard alone."""

    CHECK_DELAY_MS = 250

    def __init__(self, ctx: Context, parent: QWidget | None = None, *,
                 space_id: int | None = None, starts: dt.datetime | None = None,
                 minutes: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickBookingDialog")
        self.setWindowTitle(self.tr("Quick booking"))
        self._ctx = ctx
        self.booked: BookingView | None = None
        self.series_result: SeriesResult | None = None
        self._saving = False
        self._done = False
        self._filling = False
        self._pending_series: SeriesRequest | None = None
        self._alternatives: list[FreeSlot] = []
        self.spaces = {space.id: space for space in list_spaces(ctx)}
        now = ctx.clock.now()

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        self.bar = MessageBar("quickMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.member = MemberPicker(ctx)
        self.member.setObjectName("quickMember")
        self.member.setPlaceholderText(self.tr("name, pinyin, number or phone"))
        self.member.setMinimumWidth(340)
        self.errors.add_row(form, self.tr("Member"), "member_id", self.member)
        self.guest = QLineEdit()
        self.guest.setObjectName("quickGuest")
        self.guest.setPlaceholderText(self.tr("optional: a guest the member brings"))
        self.errors.add_row(form, self.tr("Guest"), "guest_name", self.guest)
        self.space = space_combo(self.spaces.values(), "quickSpace")
        self.errors.add_row(form, self.tr("Space"), "space_id", self.space)

        when = WhenRow(now.date(), ("quickDate", "quickStart", "quickDuration", "quickEnds"))
        self.date, self.start = when.date, when.start
        self.duration, self.ends_label = when.duration, when.ends_label
        self.errors.add_row(form, self.tr("When"), "starts", when, "quickWhenError")

        party = QWidget()
        party_row = QHBoxLayout(party)
        party_row.setContentsMargins(0, 0, 0, 0)
        self.party = QSpinBox()
        self.party.setObjectName("quickParty")
        self.party.setMinimumWidth(90)
        party_row.addWidget(self.party)
        self.capacity_label = label("", "hint", object_name="quickCapacity")
        party_row.addWidget(self.capacity_label, 1)
        self.errors.add_row(form, self.tr("Party size"), "party_size", party, "quickPartyError")
        self.purpose = QLineEdit()
        self.purpose.setObjectName("quickPurpose")
        self.purpose.setPlaceholderText(self.tr("optional: tea tasting, reading club…"))
        self.errors.add_row(form, self.tr("Purpose"), "purpose", self.purpose)

        self.repeat = RepeatSection(now.date())
        column.addWidget(self.repeat)

        self.override: QCheckBox | None = None
        self.override_reason: QLineEdit | None = None
        if ctx.may(Permission.BOOK_OVERRIDE):
            row = QHBoxLayout()
            self.override = QCheckBox(self.tr("Override the time rules"))
            self.override.setObjectName("quickOverride")
            self.override.setToolTip(self.tr("Book in the past, outside the hours, the grid, the "
                                             "durations, the buffer or the advance window; the "
                                             "reason is recorded with the booking."))
            row.addWidget(self.override)
            self.override_reason = QLineEdit()
            self.override_reason.setObjectName("quickOverrideReason")
            self.override_reason.setPlaceholderText(self.tr("reason (recorded)"))
            self.override_reason.setEnabled(False)
            row.addWidget(self.override_reason, 1)
            column.addLayout(row)
            self.override.toggled.connect(self.override_reason.setEnabled)
            self.override.toggled.connect(lambda _on: self._space_changed())
            self.repeat.toggle.toggled.connect(self._repeat_toggled)

        self.feedback = label("", "hint", wrap=True, object_name="quickFeedback")
        column.addWidget(self.feedback)
        self.conflicts = label("", "error", wrap=True, object_name="quickConflicts")
        self.conflicts.setVisible(False)
        column.addWidget(self.conflicts)
        self.alternatives_title = label(self.tr("Free instead (Enter or double-click to use):"),
                                        object_name="quickAlternativesTitle")
        self.alternatives_title.setVisible(False)
        column.addWidget(self.alternatives_title)
        self.alternatives = ChoiceList()
        self.alternatives.setObjectName("quickAlternatives")
        self.alternatives.setVisible(False)
        self.alternatives.chosen.connect(self.use_alternative)
        column.addWidget(self.alternatives)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("quickSkipConflicts")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setVisible(False)
        self.skip_button.clicked.connect(self.book_series_skipping)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)
        column.addLayout(skip_row)
        column.addStretch(1)

        buttons, self.save_button = dialog_buttons(self, self.tr("Book"), "quickSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(self.CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_check)

        self._prefill(space_id, starts, minutes)
        self.space.currentIndexChanged.connect(lambda _i: self._space_changed())
        self.date.dateChanged.connect(lambda _d: self._date_changed())
        self.start.currentIndexChanged.connect(lambda _i: self._changed())
        self.duration.valueChanged.connect(lambda _v: self._changed())
        self.duration.editingFinished.connect(self._snap_duration)
        self.party.valueChanged.connect(lambda _v: self._party_changed())
        self.member.changed.connect(self._changed)
        self.guest.textChanged.connect(lambda _t: self._changed())
        self.purpose.textChanged.connect(lambda _t: self._forget_series())
        self.repeat.changed.connect(self._changed)
        self.setMinimumWidth(600)
        self.member.setFocus()
        self._changed()

    def _repeat_toggled(self, on: bool) -> None:
        """A series follows every time rule (series.py has no override): no override offered."""
        if self.override is not None:
            if on:
                self.override.setChecked(False)
            self.override.setEnabled(not on)

    # -- filling the fields ---------------------------------------------------------------------

    def _prefill(self, space_id: int | None, starts: dt.datetime | None,
                 minutes: int | None) -> None:
        self._filling = True
        index = self.space.findData(space_id) if space_id is not None else -1
        self.space.setCurrentIndex(max(index, 0))
        space = self.current_space()
        day = starts.date() if starts is not None else self._ctx.clock.now().date()
        wanted = starts.time() if starts is not None else None
        if starts is None and space is not None:
            day, wanted = self._next_free_start(space)
        self.date.setDate(to_qdate(day))
        self.repeat.set_first_day(day)
        self._space_limits(minutes)
        self._fill_starts(wanted)
        self._filling = False

    def _next_free_start(self, space: SpaceView) -> tuple[dt.date, dt.time | None]:
        """The first grid start from now on (today, or the next open day within a week)."""
        now = self._ctx.clock.now()
        for offset in range(8):
            day = now.date() + dt.timedelta(days=offset)
            for moment in grid_starts(space, day):
                if dt.datetime.combine(day, moment) >= now:
                    return day, moment
        return now.date(), None

    def current_space(self) -> SpaceView | None:
        space_id = self.space.currentData()
        return self.spaces.get(space_id) if space_id is not None else None

    def _overriding(self) -> bool:
        return self.override is not None and self.override.isChecked()

    def _space_limits(self, minutes: int | None = None) -> None:
        """Duration and party size within what the space allows; a party carried over from a
        bigger space is kept (and refused with the reason), never cut down silently."""
        space = self.current_space()
        if space is None:
            return
        wanted = minutes if minutes is not None else self.duration.value()
        self.duration.setSingleStep(space.slot_minutes)
        if self._overriding():
            self.duration.setRange(space.slot_minutes, 24 * 60)
        else:
            self.duration.setRange(space.min_minutes, space.max_minutes)
        self.duration.setValue(self._snapped(wanted or space.min_minutes, space))
        seats = self.party.value()
        self.party.setRange(1, max(space.capacity, seats))
        self.capacity_label.setText(
            (self.tr("at most %1 people") if space.exclusive
             else self.tr("%1 seats, shared with other parties")).replace(
                "%1", str(space.capacity)))

    def _snapped(self, minutes: int, space: SpaceView) -> int:
        step = space.slot_minutes
        value = max(step, round(minutes / step) * step)
        return max(self.duration.minimum(), min(self.duration.maximum(), value))

    def _snap_duration(self) -> None:
        space = self.current_space()
        if space is not None and self.duration.value() % space.slot_minutes:
            self.duration.setValue(self._snapped(self.duration.value(), space))

    def _fill_starts(self, wanted: dt.time | None) -> None:
        """The start choices of the grid for the space and date; keep ``wanted`` when the grid
        has it, else the nearest earlier grid time (or the first)."""
        space = self.current_space()
        day = from_qdate(self.date.date())
        times = grid_starts(space, day, all_day=self._overriding()) if space else []
        self.start.set_times(times, wanted)

    def start_time(self) -> dt.time | None:
        return self.start.time()

    def set_start(self, moment: dt.time) -> bool:
        return self.start.select(moment)

    # -- reacting to changes ---------------------------------------------------------------------

    def _space_changed(self) -> None:
        if self._filling:
            return
        keep = self.start_time()
        self._space_limits()
        self._fill_starts(keep)
        self._changed()

    def _date_changed(self) -> None:
        if self._filling:
            return
        self.repeat.set_first_day(from_qdate(self.date.date()))
        self._fill_starts(self.start_time())
        self._changed()

    def _party_changed(self) -> None:
        space = self.current_space()
        if space is not None and self.party.maximum() > space.capacity \
                and self.party.value() <= space.capacity:
            self.party.setMaximum(space.capacity)
        self._changed()

    def _forget_series(self) -> None:
        self._pending_series = None
        self.skip_button.setVisible(False)

    def _changed(self) -> None:
        if self._filling:
            return
        self._forget_series()
        space = self.current_space()
        starts = self.starts()
        if starts is not None and space is not None:
            ends = starts + dt.timedelta(minutes=self.duration.value())
            self.ends_label.setText(self.tr("until %1").replace("%1", f"{ends:%H:%M}"))
        else:
            self.ends_label.setText("")
        self.check_timer.start()  # restarts: the check runs a moment after the last change

    def starts(self) -> dt.datetime | None:
        moment = self.start_time()
        day = from_qdate(self.date.date())
        return dt.datetime.combine(day, moment or dt.time()) if self.current_space() else None

    def request(self) -> BookingRequest | None:
        space = self.current_space()
        starts = self.starts()
        if space is None or starts is None:
            return None
        member = self.member.member
        return BookingRequest(
            space_id=space.id, starts=starts,
            ends=starts + dt.timedelta(minutes=self.duration.value()),
            party_size=self.party.value(), member_id=member.id if member else None,
            guest_name=self.guest.text().strip() or None,
            purpose=self.purpose.text().strip() or None)

    def run_check(self) -> str:
        """Say whether the slot (the first date of a series) is free, before Save."""
        self.check_timer.stop()
        request = self.request()
        if request is None:
            self.feedback.setText(self.tr("Add a space in Settings first."))
            return self.feedback.text()
        try:
            conflicts = check_request(self._ctx, request)
        except ClubhouseError as error:
            conflicts = [Conflict("error", error.message)]
        if self._overriding():
            conflicts = [c for c in conflicts if c.rule not in rules.OVERRIDABLE]
        if conflicts:
            text = conflicts[0].message.render()
            if len(conflicts) > 1:
                text += " " + self.tr("(and %n more)", "", len(conflicts) - 1)
            set_role(self.feedback, "error")
        else:
            text = self.tr("Free")
            set_role(self.feedback, "success")
        self.feedback.setText(text)
        self.feedback.setVisible(True)
        return text

    # -- saving ------------------------------------------------------------------------------

    def _clear_refusal(self) -> None:
        self.errors.clear()
        self.conflicts.clear()
        self.conflicts.setVisible(False)
        self.alternatives.clear()
        self.alternatives.setVisible(False)
        self.alternatives_title.setVisible(False)

    def save(self) -> None:
        """Book (or preview and book the series); one booking however often it is pressed."""
        if self._saving or self._done:
            return
        self._clear_refusal()
        if self.member.text().strip() and self.member.member is None:
            self.errors.show_text("member_id", self.tr("Choose the member from the list "
                                                       "(Down, then Enter)."))
            return
        request = self.request()
        if request is None:
            self.bar.show_error(self.tr("Add a space in Settings first."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            if self.repeat.isChecked():
                self._save_series(request)
            else:
                self._save_one(request)
        finally:
            self._saving = False
            self.save_button.setEnabled(not self._done)
        if self._done:
            self.accept()

    def _override_reason(self) -> str | None:
        if self._overriding() and self.override_reason is not None:
            return self.override_reason.text()
        return None

    def _save_one(self, request: BookingRequest) -> None:
        try:
            self.booked = create_booking(self._ctx, request,
                                         override_reason=self._override_reason())
        except BookingRefused as refused:
            self._show_refusal(refused.conflicts, request)
            return
        except ClubhouseError as error:
            self._show_error(error)
            return
        self._done = True

    def _show_error(self, error: ClubhouseError) -> None:
        if error.field == "override_reason" and self.override_reason is not None:
            self.bar.show_error(error.render())
            self.override_reason.setFocus()
        else:
            self.errors.show(error)

    def _show_refusal(self, conflicts: list[Conflict], request: BookingRequest) -> None:
        self.check_timer.stop()
        self.feedback.setVisible(False)  # the full list below says it all
        self.conflicts.setText(conflict_lines(conflicts))
        self.conflicts.setVisible(True)
        if all(c.rule in _NOT_ABOUT_THE_SLOT for c in conflicts):
            return
        try:
            found = suggest_alternatives(self._ctx, request)
        except ClubhouseError:
            return
        self._alternatives = [*found.same_space, *found.other_spaces]
        self.alternatives.clear()
        for slot in self._alternatives:
            self.alternatives.addItem(f"{slot.space_name} · {span_text(slot.starts, slot.ends)}")
        shown = bool(self._alternatives)
        self.alternatives_title.setText(
            self.tr("Free instead (Enter or double-click to use):") if shown
            else self.tr("Nothing free nearby that day or the next."))
        self.alternatives_title.setVisible(True)
        self.alternatives.setVisible(shown)
        if shown:
            rows = self.alternatives.count()
            self.alternatives.setFixedHeight(self.alternatives.sizeHintForRow(0) * rows
                                             + 2 * self.alternatives.frameWidth() + 4)
            self.alternatives.setCurrentRow(0)
            self.alternatives.setFocus()

    def use_alternative(self, row: int) -> None:
        """Put the chosen free time (and space) in the form; Save gets the focus."""
        if not 0 <= row < len(self._alternatives):
            return
        slot = self._alternatives[row]
        minutes = int((slot.ends - slot.starts).total_seconds() // 60)
        self._filling = True
        self.space.setCurrentIndex(max(self.space.findData(slot.space_id), 0))
        self.date.setDate(to_qdate(slot.starts.date()))
        self._filling = False
        self.repeat.set_first_day(slot.starts.date())
        self._space_limits(minutes)
        self._fill_starts(slot.starts.time())
        self._clear_refusal()
        self._changed()
        self.run_check()
        self.save_button.setFocus()

    # -- a series ----------------------------------------------------------------------------

    def series_request(self, request: BookingRequest) -> SeriesRequest:
        return SeriesRequest(
            space_id=request.space_id, first_start=request.starts,
            duration_minutes=self.duration.value(), rrule=self.repeat.rule(),
            party_size=request.party_size, member_id=request.member_id,
            guest_name=request.guest_name, purpose=request.purpose)

    def _save_series(self, request: BookingRequest) -> None:
        if not self.repeat.rule():
            self.bar.show_error(self.tr("Choose at least one weekday to repeat on."))
            return
        series = self.series_request(request)
        try:
            previews = preview_series(self._ctx, series)
        except ClubhouseError as error:
            self._show_error(error)
            return
        blocked = [o for o in previews if not o.free]
        if not blocked:
            self._create_series(series, skip=False)
            return
        self._show_series_conflicts(series, previews, blocked)

    def _show_series_conflicts(self, series: SeriesRequest, previews: list[Occurrence],
                               blocked: list[Occurrence]) -> None:
        lines = [self.tr("%1 of %2 dates cannot be booked:")
                 .replace("%1", str(len(blocked))).replace("%2", str(len(previews)))]
        lines += [f"• {o.starts:%Y-%m-%d}: {c.message.render()}"
                  for o in blocked for c in o.conflicts]
        self.conflicts.setText("\n".join(lines))
        self.conflicts.setVisible(True)
        free = len(previews) - len(blocked)
        if free:
            self._pending_series = series
            self.skip_button.setText(self.tr("Skip these and book the other %1 dates")
                                     .replace("%1", str(free)))
            self.skip_button.setVisible(True)
            self.skip_button.setFocus()
        else:
            self.bar.show_error(self.tr("No date of this series can be booked."))

    def book_series_skipping(self) -> None:
        """The desk chose to skip the conflicting dates: book the rest."""
        series = self._pending_series
        if series is None or self._saving or self._done:
            return
        self._saving = True
        self.skip_button.setEnabled(False)
        try:
            self._create_series(series, skip=True)
        finally:
            self._saving = False
            self.skip_button.setEnabled(True)
        if self._done:
            self.accept()

    def _create_series(self, series: SeriesRequest, *, skip: bool) -> None:
        try:
            result = create_series(self._ctx, series, skip_conflicts=skip)
            self.booked = get_booking(self._ctx, result.booked[0])
        except BookingRefused as refused:
            self._forget_series()
            self.conflicts.setText(conflict_lines(refused.conflicts))
            self.conflicts.setVisible(True)
            return
        except ClubhouseError as error:
            self._show_error(error)
            return
        self.series_result = result
        self._done = True
