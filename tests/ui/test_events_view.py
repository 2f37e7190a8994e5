"""The Events view as the desk uses it: the list with its counts, creating and moving events
(their space booked by the booking rules), a weekly series with a conflicting date,
registrations with the waitlist and a lapsed member, printing, door mode, keys, Chinese."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QToolButton

from desktop.booking.rules import SpaceView
from desktop.booking.service import (
    BookingRequest,
    BookingView,
    create_booking,
    get_booking,
    list_bookings,
)
from desktop.clock import FixedClock
from desktop.events.registrations import RegistrationInput, list_registrations, register
from desktop.events.service import EventInput, EventView, cancel_event, create_event, list_events
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.events.common import ReasonDialog
from desktop.ui.events.event_dialog import EventDialog
from desktop.ui.events.models import EventsModel, RegistrationsModel
from desktop.ui.events.register_dialog import RegisterDialog
from desktop.ui.events.view import PAST, EventsView
from desktop.ui.members.common import to_qdate
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_members, make_spaces
from tests.ui.helpers import child

FRIDAY = dt.date(2026, 11, 27)  # the day after the test clock's Thursday


def at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time))


@dataclasses.dataclass
class Venue:
    spaces: dict[str, SpaceView]
    people: dict[str, int]


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    spaces = make_spaces(owner_ctx)
    people = make_members(owner_ctx)
    plan = ms.list_plans(owner_ctx)[0].id
    for key, name, phone in (("lilei", "李雷", "13800001111"), ("hanmei", "韩梅梅", "13800002222")):
        people[key] = mm.join_member(owner_ctx, ms.MemberInput(name, phone=phone), plan,
                                     mm.PaymentInput(method="cash")).id
    return Venue(spaces, people)


@pytest.fixture
def make_view(qtbot, inline: TaskRunner):
    def make(ctx: Context) -> EventsView:
        view = EventsView(ctx, inline)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        with qtbot.waitActive(view):  # the view's shortcuts work in the active window
            view.show()
            view.activateWindow()
        return view

    return make


def event(ctx: Context, venue: Venue, title: str = "Tea tasting", *, space: str = "Large tea room",
          starts: dt.datetime | None = None, minutes: int = 120, capacity: int = 8,
          fee: str = "0", host: int | None = None) -> EventView:
    begin = starts or at(FRIDAY, "14:00")
    (made,) = create_event(ctx, EventInput(
        title, "tea_tasting", venue.spaces[space].id, begin,
        begin + dt.timedelta(minutes=minutes), capacity, fee, host_member_id=host))
    return made


def book(ctx: Context, venue: Venue, space: str, starts: dt.datetime, minutes: int = 120,
         who: str = "zhang") -> BookingView:
    return create_booking(ctx, BookingRequest(
        venue.spaces[space].id, starts, starts + dt.timedelta(minutes=minutes), party_size=2,
        member_id=venue.people[who]))


def table_texts(view: EventsView, column: int) -> list[str]:
    proxy = view.proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def fill_event(dialog: EventDialog, title: str, space: SpaceView, day: dt.date,
               start: str) -> None:
    dialog.title.setText(title)
    dialog.space.setCurrentIndex(dialog.space.findData(space.id))
    dialog.date.setDate(to_qdate(day))
    assert dialog.set_start(dt.time.fromisoformat(start))
    dialog.duration.setValue(120)
    dialog.capacity.setValue(6)


def pick_member(qtbot, picker: MemberPicker, text: str) -> None:
    """Type ASCII (number, phone, pinyin) into a member field and take the first hit."""
    picker.setFocus()
    qtbot.keyClicks(picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.member is not None, f"no member found for {text}"


# -- the list ----------------------------------------------------------------------------------


def test_table_lists_upcoming_events_with_counts(qtbot, make_view, desk_ctx, owner_ctx,
                                                 venue) -> None:
    tasting = event(desk_ctx, venue, capacity=2, fee="80", host=venue.people["hanmei"])
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"],
                                                     companions=1))
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["lilei"]))
    talk = event(desk_ctx, venue, "Talk", space="Meeting room", starts=at(FRIDAY, "09:00"),
                 minutes=60)
    cancel_event(desk_ctx, talk.id, "speaker ill")
    earlier = dataclasses.replace(owner_ctx, clock=FixedClock(dt.datetime(2026, 11, 1, 8)),
                                  _session=None)
    event(earlier, venue, "Autumn tasting", starts=at(dt.date(2026, 11, 10), "14:00"))

    view = make_view(desk_ctx)
    assert table_texts(view, EventsModel.TITLE) == ["Talk (cancelled)", "Tea tasting"]
    assert view.count_label.text() == "2 events"
    row = table_texts(view, EventsModel.WHEN).index("2026-11-27 Fri 14:00–16:00")
    values = {column: view.proxy.index(row, column).data() for column in range(10)}
    assert values[EventsModel.KIND] == "Tea tasting"
    assert values[EventsModel.HOST] == "韩梅梅"
    assert values[EventsModel.SPACE] == "Large tea room"
    assert (values[EventsModel.CAPACITY], values[EventsModel.REGISTERED],
            values[EventsModel.WAITLISTED], values[EventsModel.FEE]) == ("2", "2", "1", "¥80.00")
    cancelled = view.proxy.index(1 - row, EventsModel.TITLE)
    assert cancelled.data(Qt.ItemDataRole.ForegroundRole) == QColor("#8a9591")
    assert view.proxy.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    view.range_filter.setCurrentIndex(view.range_filter.findData(PAST))
    assert table_texts(view, EventsModel.TITLE) == ["Autumn tasting"]
    view.set_range("all")
    assert len(table_texts(view, EventsModel.TITLE)) == 3
    view.search.setText("autumn")
    view.refresh()
    assert table_texts(view, EventsModel.TITLE) == ["Autumn tasting"]


def test_table_sorts_on_typed_values(qtbot, make_view, desk_ctx, venue, qtmodeltester) -> None:
    for number, capacity in enumerate((10, 9, 2)):
        event(desk_ctx, venue, f"Event {number}", starts=at(FRIDAY, f"{10 + 3 * number}:00"),
              minutes=60, capacity=capacity)
    view = make_view(desk_ctx)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.panel.model)
    view.table.sortByColumn(EventsModel.CAPACITY, Qt.SortOrder.AscendingOrder)
    assert table_texts(view, EventsModel.CAPACITY) == ["2", "9", "10"]  # not "10" < "2"


# -- creating and moving ---------------------------------------------------------------------------


def test_creating_an_event_books_its_space(qtbot, make_view, desk_ctx, venue) -> None:
    view = make_view(desk_ctx)
    qtbot.keyClick(view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view.dialog
    assert isinstance(dialog, EventDialog) and dialog.objectName() == "eventDialog"
    fill_event(dialog, "Reading club", venue.spaces["Large tea room"], FRIDAY, "19:00")
    dialog.kind.setCurrentIndex(dialog.kind.findData("reading_club"))
    dialog.fee.setValue(50)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EventDialog.DialogCode.Accepted
    (made,) = list_events(desk_ctx)
    assert (made.title, made.kind, made.capacity, str(made.fee)) == (
        "Reading club", "reading_club", 6, "50.00")
    (booking,) = list_bookings(desk_ctx, FRIDAY, FRIDAY)
    assert booking.id == made.booking_id
    assert (booking.space_name, booking.starts, booking.ends) == (
        "Large tea room", at(FRIDAY, "19:00"), at(FRIDAY, "21:00"))
    assert table_texts(view, EventsModel.TITLE) == ["Reading club"]
    assert "Reading club is created" in view.bar.text()


def test_a_conflicting_time_names_the_booking_and_creates_nothing(qtbot, make_view, desk_ctx,
                                                                  venue) -> None:
    book(desk_ctx, venue, "Large tea room", at(FRIDAY, "18:00"), 120)
    view = make_view(desk_ctx)
    dialog = view.new_event()
    fill_event(dialog, "Reading club", venue.spaces["Large tea room"], FRIDAY, "19:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Large tea room is taken" in dialog.conflicts.text()
    assert "张建华" in dialog.conflicts.text()
    assert list_events(desk_ctx) == []
    assert len(list_bookings(desk_ctx, FRIDAY, FRIDAY)) == 1


def test_a_field_error_shows_at_the_field(qtbot, make_view, desk_ctx, venue) -> None:
    view = make_view(desk_ctx)
    dialog = view.new_event()
    fill_event(dialog, "   ", venue.spaces["Large tea room"], FRIDAY, "19:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("title") == "Give the event a title."
    assert list_events(desk_ctx) == []


def test_weekly_repeat_previews_the_conflicting_date_and_skips_it(qtbot, make_view, desk_ctx,
                                                                  venue) -> None:
    second = FRIDAY + dt.timedelta(days=7)
    book(desk_ctx, venue, "Large tea room", at(second, "19:30"), 60, who="lilei")
    view = make_view(desk_ctx)
    dialog = view.new_event()
    fill_event(dialog, "Reading club", venue.spaces["Large tea room"], FRIDAY, "19:00")
    assert dialog.repeat is not None
    dialog.repeat.setChecked(True)
    dialog.repeat.count.setValue(3)
    assert dialog.repeat.rule() == "FREQ=WEEKLY;INTERVAL=1;BYDAY=FR;COUNT=3"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and list_events(desk_ctx) == []
    text = dialog.conflicts.text()
    assert text.startswith("1 of 3 dates cannot be booked:")
    assert "2026-12-04: Large tea room is taken" in text and "李雷" in text
    assert dialog.skip_button.isVisible()
    assert dialog.skip_button.text() == "Skip these and create the other 2 dates"
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EventDialog.DialogCode.Accepted
    made = list_events(desk_ctx)
    assert [e.starts for e in made] == [at(FRIDAY, "19:00"),
                                        at(FRIDAY + dt.timedelta(days=14), "19:00")]
    assert len({e.series_id for e in made}) == 1
    assert "created on 2 dates" in view.bar.text()


def test_editing_moves_the_booking_and_a_refused_move_changes_nothing(qtbot, make_view, desk_ctx,
                                                                      venue) -> None:
    tasting = event(desk_ctx, venue)
    book(desk_ctx, venue, "Large tea room", at(FRIDAY, "18:00"), 60, who="hanmei")
    view = make_view(desk_ctx)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter edits
    dialog = view.dialog
    assert isinstance(dialog, EventDialog) and dialog.original == tasting
    assert dialog.title.text() == "Tea tasting" and dialog.start_time() == dt.time(14)
    assert dialog.repeat is None  # one occurrence is changed at a time
    assert dialog.set_start(dt.time(17, 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "韩梅梅" in dialog.conflicts.text()
    assert get_booking(desk_ctx, tasting.booking_id).starts == at(FRIDAY, "14:00")

    assert dialog.set_start(dt.time(15, 30))
    dialog.title.setText("Tea tasting: Pu'er")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EventDialog.DialogCode.Accepted
    moved = get_booking(desk_ctx, tasting.booking_id)
    assert (moved.starts, moved.ends) == (at(FRIDAY, "15:30"), at(FRIDAY, "17:30"))
    assert table_texts(view, EventsModel.TITLE) == ["Tea tasting: Pu'er"]
    assert table_texts(view, EventsModel.WHEN) == ["2026-11-27 Fri 15:30–17:30"]


def test_a_larger_capacity_says_who_moved_up(qtbot, make_view, desk_ctx, venue) -> None:
    tasting = event(desk_ctx, venue, capacity=1)
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"]))
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["lilei"]))
    view = make_view(desk_ctx)
    dialog = view.edit_event()
    assert dialog is not None
    dialog.capacity.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert view.bar.text() == "Tea tasting is saved.\n李雷 moved up from the waitlist"
    assert [r.status for r in view.panel.model.rows] == ["registered", "registered"]


def test_cancelling_an_event_asks_a_reason_and_greys_it(qtbot, make_view, desk_ctx,
                                                        venue) -> None:
    tasting = event(desk_ctx, venue)
    view = make_view(desk_ctx)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    dialog = view.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.objectName() == "cancelEventDialog"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("reason") == "Give a reason for cancelling."
    dialog.reason.setText("the tea did not arrive")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert list_events(desk_ctx)[0].status == "cancelled"
    assert get_booking(desk_ctx, tasting.booking_id).status == "cancelled"
    assert table_texts(view, EventsModel.TITLE) == ["Tea tasting (cancelled)"]
    assert not view.edit_action.isEnabled() and not view.cancel_action.isEnabled()
    assert not view.panel.register_member_button.isEnabled()


# -- registrations ---------------------------------------------------------------------------------


def test_registering_a_member_then_a_guest(qtbot, make_view, desk_ctx, venue) -> None:
    event(desk_ctx, venue, capacity=5, fee="80")
    view = make_view(desk_ctx)
    panel = child(view, type(view.panel), "registrationsPanel")
    qtbot.mouseClick(child(panel, QPushButton, "registerMemberButton"), Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, RegisterDialog) and dialog.paid.isVisibleTo(dialog)
    pick_member(qtbot, dialog.member, "13912345678")  # Zhang's phone
    dialog.companions.setValue(1)
    dialog.paid.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RegisterDialog.DialogCode.Accepted
    assert panel.bar.text() == "张建华 is registered."

    qtbot.mouseClick(child(panel, QPushButton, "registerGuestButton"), Qt.MouseButton.LeftButton)
    guest = panel.dialog
    assert isinstance(guest, RegisterDialog) and guest.guest_name is not None
    assert guest.guest_phone is not None
    guest.guest_name.setText("王先生")
    guest.guest_phone.setText("13700003333")
    qtbot.mouseClick(guest.save_button, Qt.MouseButton.LeftButton)
    assert guest.errors.text("host_member_id").startswith("A guest needs a host")
    pick_member(qtbot, guest.member, "lilei")  # pinyin
    qtbot.mouseClick(guest.save_button, Qt.MouseButton.LeftButton)
    assert guest.result() == RegisterDialog.DialogCode.Accepted

    model = panel.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    number = ms.get_member(desk_ctx, venue.people["zhang"]).row.number
    assert rows == [  # pinyin order: wang before zhang
        ["王先生 (guest of 李雷)", "", "137 0000 3333", "", "registered", "unpaid", ""],
        ["张建华", number, "139 1234 5678", "+1", "registered", "paid", ""],
    ]
    assert table_texts(view, EventsModel.REGISTERED) == ["3"]
    assert "3 of 5 places taken" in panel.heading.text()

    # the Paid toggle
    panel.select(model.rows[0].id)
    assert panel.paid_button.text() == "Mark paid"
    qtbot.mouseClick(panel.paid_button, Qt.MouseButton.LeftButton)
    assert [r.paid for r in list_registrations(desk_ctx, model.rows[0].event_id)] == [True, True]
    assert panel.paid_button.text() == "Mark unpaid"


def test_a_full_event_puts_the_person_on_the_waitlist(qtbot, make_view, desk_ctx,
                                                      venue) -> None:
    tasting = event(desk_ctx, venue, capacity=1)
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"]))
    view = make_view(desk_ctx)
    dialog = view.panel.register_member()
    assert dialog is not None
    assert child(dialog, type(dialog.confirm_label), "registerPlacesLeft").text() == (
        "The event is full: new registrations go on the waitlist.")
    pick_member(qtbot, dialog.member, "lilei")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert view.panel.bar.text() == "The event is full: 李雷 is on the waitlist."
    assert table_texts(view, EventsModel.WAITLISTED) == ["1"]


def test_cancelling_promotes_the_waitlisted_and_names_them(qtbot, make_view, desk_ctx,
                                                           venue) -> None:
    tasting = event(desk_ctx, venue, capacity=1)
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"]))
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["lilei"]))
    view = make_view(desk_ctx)
    panel = view.panel
    assert [r.status for r in panel.model.rows] == ["registered", "waitlisted"]
    panel.select(panel.model.rows[0].id)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.objectName() == "cancelRegistrationDialog"
    dialog.reason.setText("travelling")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "李雷 moved up from the waitlist" in panel.bar.text()
    assert [(r.who, r.status) for r in panel.model.rows] == [("李雷", "registered")]
    assert table_texts(view, EventsModel.REGISTERED) == ["1"]
    assert table_texts(view, EventsModel.WAITLISTED) == [""]


def test_a_lapsed_member_is_registered_after_confirming(qtbot, make_view, desk_ctx,
                                                        venue) -> None:
    tasting = event(desk_ctx, venue)
    view = make_view(desk_ctx)
    dialog = view.panel.register_member()
    assert dialog is not None
    pick_member(qtbot, dialog.member, "Li Lapsed")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    warning = dialog.confirm_label.text()
    assert "Li Lapsed is" in warning and warning.endswith("Register anyway?")
    assert dialog.save_button.text() == "Register anyway"
    assert list_registrations(desk_ctx, tasting.id) == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RegisterDialog.DialogCode.Accepted
    (registration,) = list_registrations(desk_ctx, tasting.id)
    assert registration.member_name == "Li Lapsed" and registration.warning_note


# -- printing, door mode, keys, window, Chinese -----------------------------------------------


def test_roster_and_badges_are_previewed_in_the_ui_language(qtbot, make_view, desk_ctx, venue,
                                                             monkeypatch) -> None:
    """Print roster… (with or without a walk-in page) and Name badges… make the real PDFs
    off the UI thread and preview them; they speak the language the desk reads."""
    from desktop.reports import badges, roster
    from tests.pdf.pdftools import page_texts

    tasting = event(desk_ctx, venue)
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"]))
    langs: list[tuple[str, object]] = []
    for module, name in ((roster, "print_roster"), (badges, "print_badges")):
        real = getattr(module, name)

        def spy(*args: object, _real=real, _name=name, **kwargs: object) -> object:
            langs.append((_name, args[3] if len(args) > 3 else kwargs.get("lang")))
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    set_ui_language("zh_CN")
    view = make_view(desk_ctx)
    qtbot.mouseClick(child(view, QToolButton, "printRosterButton"), Qt.MouseButton.LeftButton)
    preview = view.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.path.name == f"roster-2026-11-27-{tasting.id}.pdf"
    first = page_texts(preview.path)
    assert "张建华" in first[0] and len(first) == 1
    preview.reject()
    view.roster_walk_in_action.trigger()
    assert len(page_texts(view.dialog.path)) == 2  # the blank page for walk-ins
    view.dialog.reject()
    view.badges_action.trigger()
    assert view.dialog.path.name.startswith("badges-") and "张建华" in page_texts(
        view.dialog.path)[0]
    view.dialog.reject()
    assert langs == [("print_roster", "zh_CN"), ("print_roster", "zh_CN"),
                     ("print_badges", "zh_CN")]


def test_door_mode_asks_for_the_selected_event(qtbot, make_view, desk_ctx, venue) -> None:
    tasting = event(desk_ctx, venue)
    view = make_view(desk_ctx)
    with qtbot.waitSignal(view.doorModeRequested) as signal:
        qtbot.mouseClick(child(view, QToolButton, "doorModeButton"), Qt.MouseButton.LeftButton)
    assert signal.args == [tasting.id]


def test_keyboard_search_then_table_then_enter_edits(qtbot, make_view, desk_ctx, venue) -> None:
    event(desk_ctx, venue, "Tea tasting")
    event(desk_ctx, venue, "Go night", space="Small tea room", capacity=6)
    view = make_view(desk_ctx)
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "go")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert table_texts(view, EventsModel.TITLE) == ["Go night"]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert isinstance(view.dialog, EventDialog) and view.dialog.isVisible()
    assert view.dialog.title.text() == "Go night"


def test_the_main_window_lists_events_after_the_calendar(make_window, desk_ctx) -> None:
    window = make_window(desk_ctx)
    names = window.view_names
    assert names.index("events") == names.index("calendar") + 1
    assert isinstance(window.show_view("events"), EventsView)


def test_widgets_build_in_chinese(qtbot, make_view, desk_ctx, venue) -> None:
    set_ui_language("zh_CN")
    tasting = event(desk_ctx, venue, "读书会", fee="30")
    register(desk_ctx, tasting.id, RegistrationInput(member_id=venue.people["zhang"]))
    view = make_view(desk_ctx)
    assert view.model.rowCount() == 1
    assert view.proxy.index(0, EventsModel.WHEN).data().startswith("2026-11-27")
    assert view.panel.model.rowCount() == 1
    assert view.panel.model.index(0, RegistrationsModel.STATUS).data()
    for dialog in (view.new_event(), view.edit_event(), view.panel.register_member(),
                   view.panel.register_guest()):
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
