"""Quick booking (issue 4 point 7): find the member by pinyin, number or phone, see at once
whether the slot is free, book with Enter; a taken slot says by whom and offers free times
that one Enter fills in; one booking per double-clicked Save; series with conflicts shown first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QListWidget

from desktop.booking.service import create_booking, list_bookings
from desktop.services import Context
from desktop.ui.booking.quick import QuickBookingDialog
from tests.ui.helpers import child
from tests.ui.test_quick_booking_fixtures import (
    FRIDAY,
    Venue,
    accepted,
    at,
    book,
    bookings,
    make_quick,
    venue,
)

__all__ = ["make_quick", "venue"]


def pick(dialog: QuickBookingDialog, text: str) -> None:
    """Type ``text`` (ASCII) in the member field and take the first hit."""
    dialog.member.setText(text)
    assert dialog.member.lookup()
    dialog.member.choose_row(0)


def test_member_is_found_by_pinyin_initials_number_and_phone(
        make_quick, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_quick(desk_ctx)
    number = venue.numbers["zhang"]
    for text in ("zhangjianhua", "zjh", number, "13912345678", "5678"):
        dialog.member.setText(text)
        lines = dialog.member.lookup()
        assert lines[0] == f"张建华 · {number} · 139 1234 5678 · new", text
        assert dialog.member.hits.isVisible()
    dialog.member.choose_row(0)
    assert dialog.member.member is not None and dialog.member.member.name == "张建华"
    assert dialog.member.text() == f"张建华 · {number}"
    assert not dialog.member.hits.isVisible()
    dialog.member.setText("lapsed")
    assert dialog.member.lookup() == [f"Li Lapsed · {venue.numbers['lapsed']} · lapsed"]


def test_prefilled_space_start_and_duration_are_shown_on_the_grid(
        make_quick, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Fishing pond"),
                        starts=at(FRIDAY, 14), minutes=120)
    assert dialog.space.currentData() == venue.space("Fishing pond")
    assert dialog.date.date().toString("yyyy-MM-dd") == "2026-11-27"
    assert dialog.start.currentText() == "14:00"
    assert dialog.duration.value() == 120
    assert dialog.duration.singleStep() == 60  # the pond's slot
    assert dialog.party.maximum() == 12
    assert dialog.ends_label.text() == "until 16:00"
    # A start off the grid snaps to the grid time before it; starts offered are the grid's.
    off = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                     starts=at(FRIDAY, 14, 10), minutes=70)
    assert off.start.currentText() == "14:00"
    assert off.duration.value() == 60  # 70 minutes is not on the 30-minute grid
    starts = [off.start.itemText(i) for i in range(off.start.count())]
    assert starts[0] == "09:00" and starts[1] == "09:30" and starts[-1] == "21:00"


def test_saving_books_the_member_and_returns_the_booking(
        make_quick, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                        starts=at(FRIDAY, 14), minutes=90)
    pick(dialog, "zjh")
    dialog.guest.setText("Mr Guest")
    dialog.party.setValue(4)
    dialog.purpose.setText("tea tasting")
    assert dialog.run_check() == "Free"
    dialog.save_button.click()
    assert accepted(dialog)
    [made] = bookings(desk_ctx)
    assert (made.space_name, made.starts, made.ends) == ("Small tea room", at(FRIDAY, 14),
                                                         at(FRIDAY, 15, 30))
    assert (made.member_id, made.guest_name, made.party_size, made.purpose) == (
        venue.members["zhang"], "Mr Guest", 4, "tea tasting")
    assert dialog.booked is not None and dialog.booked.id == made.id


def test_live_check_runs_a_moment_after_the_last_change(
        qtbot, make_quick, desk_ctx: Context, venue: Venue) -> None:
    book(desk_ctx, venue.space("Small tea room"), at(FRIDAY, 14), 60, venue.members["zhang"])
    dialog = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                        starts=at(FRIDAY, 10), minutes=60)
    timer = dialog.check_timer
    assert timer.isSingleShot() and timer.interval() == 250
    qtbot.waitUntil(lambda: dialog.feedback.text() == "Free")
    dialog.set_start(dt.time(14))
    assert timer.isActive()  # restarted by the change; nothing asked yet
    assert dialog.feedback.text() == "Free"
    qtbot.waitUntil(lambda: dialog.feedback.text().startswith("Small tea room is taken"))
    assert "by 张建华" in dialog.feedback.text()
    assert dialog.feedback.property("role") == "error"
    pick(dialog, venue.numbers["lapsed"])
    dialog.set_start(dt.time(16))
    assert dialog.run_check() == "Li Lapsed is lapsed and may not book."


def test_taken_slot_says_by_whom_and_a_chosen_alternative_books_with_enter(
        qtbot, make_quick, desk_ctx: Context, venue: Venue) -> None:
    small, large = venue.space("Small tea room"), venue.space("Large tea room")
    book(desk_ctx, small, at(FRIDAY, 14), 60, venue.members["zhang"])
    dialog = make_quick(desk_ctx, space_id=small, starts=at(FRIDAY, 14), minutes=60)
    pick(dialog, "wangwei")
    dialog.save_button.click()
    assert dialog.isVisible() and not accepted(dialog)
    conflicts = child(dialog, QLabel, "quickConflicts")
    assert conflicts.isVisible()
    assert "Small tea room is taken 2026-11-27 14:00–15:00 by 张建华." in conflicts.text()
    alternatives = child(dialog, QListWidget, "quickAlternatives")
    offered = [alternatives.item(i).text() for i in range(alternatives.count())]
    assert offered[:2] == ["Small tea room · 2026-11-27 (Fri) 13:00–14:00",
                           "Small tea room · 2026-11-27 (Fri) 15:00–16:00"]
    assert "Large tea room · 2026-11-27 (Fri) 14:00–15:00" in offered
    assert dialog.focusWidget() is alternatives
    alternatives.setCurrentRow(offered.index("Large tea room · 2026-11-27 (Fri) 14:00–15:00"))
    qtbot.keyClick(alternatives, Qt.Key.Key_Return)
    assert dialog.space.currentData() == large
    assert dialog.start.currentText() == "14:00"
    assert not conflicts.isVisible()
    assert dialog.focusWidget() is dialog.save_button
    assert dialog.isVisible()  # choosing did not book yet
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert accepted(dialog)
    assert [(b.space_name, b.member_id) for b in bookings(desk_ctx)] == [
        ("Small tea room", venue.members["zhang"]), ("Large tea room", venue.members["wang"])]


def test_party_over_capacity_is_refused_with_the_reason(
        make_quick, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Fishing pond"),
                        starts=at(FRIDAY, 10), minutes=60)
    pick(dialog, "zjh")
    dialog.party.setValue(10)
    dialog.space.setCurrentIndex(dialog.space.findData(venue.space("Small tea room")))
    assert dialog.party.value() == 10  # carried over, not silently cut to 6
    assert dialog.capacity_label.text() == "at most 6 people"
    assert dialog.run_check() == "Small tea room holds at most 6 people."
    dialog.save_button.click()
    assert "Small tea room holds at most 6 people." in dialog.conflicts.text()
    assert bookings(desk_ctx) == []
    dialog.party.setValue(6)
    assert dialog.party.maximum() == 6  # back within the room, the room's limit holds again
    dialog.save_button.click()
    assert accepted(dialog) and [b.party_size for b in bookings(desk_ctx)] == [6]


def test_double_clicked_save_makes_one_booking(
        qtbot, make_quick, desk_ctx: Context, venue: Venue) -> None:
    small = venue.space("Small tea room")
    dialog = make_quick(desk_ctx, space_id=small, starts=at(FRIDAY, 11), minutes=60)
    pick(dialog, "zjh")
    qtbot.mouseDClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.save_button.click()
    dialog.save()
    assert len(bookings(desk_ctx)) == 1
    # A second dialog saving the very same booking is refused by the service (at the pond,
    # whose seats may overlap, so only the duplicate rule stands in the way).
    pond = venue.space("Fishing pond")
    book(desk_ctx, pond, at(FRIDAY, 11), 60, venue.members["zhang"], party=1)
    again = make_quick(desk_ctx, space_id=pond, starts=at(FRIDAY, 11), minutes=60)
    pick(again, "zjh")
    again.save_button.click()
    assert not accepted(again)
    assert "was not made twice" in again.conflicts.text()
    assert again.save_button.isEnabled()
    assert len(bookings(desk_ctx)) == 2


def test_save_is_off_while_saving_and_a_click_meanwhile_books_nothing_more(
        make_quick, desk_ctx: Context, venue: Venue, monkeypatch) -> None:
    import desktop.ui.booking.quick as quick

    dialog = make_quick(desk_ctx, space_id=venue.space("Fishing pond"),
                        starts=at(FRIDAY, 11), minutes=60)
    pick(dialog, "zjh")
    seen: list[bool] = []
    real = create_booking

    def slow_desk(*args: object, **kwargs: object) -> object:
        seen.append(dialog.save_button.isEnabled())
        dialog.save_button.click()  # the second click of a double click, mid-save
        dialog.save()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quick, "create_booking", slow_desk)
    dialog.save_button.click()
    assert seen == [False]
    assert accepted(dialog) and len(bookings(desk_ctx)) == 1


def test_the_dialog_is_completed_from_the_keyboard_alone(
        qtbot, make_quick, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_quick(desk_ctx)  # no prefill: today, the first space, the next grid start
    assert dialog.focusWidget() is dialog.member
    qtbot.keyClicks(dialog.member, venue.numbers["wang"])
    qtbot.keyClick(dialog.member, Qt.Key.Key_Down)
    assert dialog.member.hits.isVisible() and dialog.member.hits.currentRow() == 0
    qtbot.keyClick(dialog.member, Qt.Key.Key_Return)
    assert dialog.member.member is not None and dialog.member.member.name == "王伟"
    assert dialog.isVisible()  # Enter picked the member, it did not save

    def tab() -> None:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)

    tab()
    assert dialog.focusWidget() is dialog.guest
    tab()
    assert dialog.focusWidget() is dialog.space
    qtbot.keyClick(dialog.space, Qt.Key.Key_Down)  # the large tea room
    tab()
    assert dialog.focusWidget() is dialog.date
    tab()
    assert dialog.focusWidget() is dialog.start
    assert dialog.start.currentText() == "09:00"  # now is 09:00: the next grid start
    qtbot.keyClick(dialog.start, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.start, Qt.Key.Key_Down)
    tab()
    assert dialog.focusWidget() is dialog.duration
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Up)  # one slot longer
    tab()
    assert dialog.focusWidget() is dialog.party
    qtbot.keyClick(dialog.party, Qt.Key.Key_Up)
    tab()
    assert dialog.focusWidget() is dialog.purpose
    qtbot.keyClicks(dialog.purpose, "chess")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)
    assert accepted(dialog)
    [made] = list_bookings(desk_ctx, dt.date(2026, 11, 26), dt.date(2026, 11, 26))
    today = dt.date(2026, 11, 26)
    assert (made.space_name, made.starts, made.ends, made.party_size, made.purpose) == (
        "Large tea room", at(today, 10), at(today, 11, 30), 2, "chess")


def test_escape_cancels_and_books_nothing(qtbot, make_quick, desk_ctx: Context,
                                          venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                        starts=at(FRIDAY, 10), minutes=60)
    pick(dialog, "zjh")
    qtbot.keyClick(dialog.member, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert bookings(desk_ctx) == []


def test_member_must_be_picked_from_the_list(make_quick, desk_ctx: Context,
                                             venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                        starts=at(FRIDAY, 10), minutes=60)
    dialog.member.setText("nobody-like-this")
    dialog.save_button.click()
    assert dialog.errors.text("member_id") == "Choose the member from the list (Down, then Enter)."
    dialog.member.clear()
    dialog.save_button.click()
    assert dialog.conflicts.text() == "• Choose the member the booking is for."
    assert not dialog.alternatives.isVisible()  # another time would not help
    assert bookings(desk_ctx) == []


def test_series_lists_conflicting_dates_first_and_skipping_books_the_rest(
        make_quick, desk_ctx: Context, venue: Venue) -> None:
    small = venue.space("Small tea room")
    book(desk_ctx, small, at(dt.date(2026, 12, 4), 14, 30), 60, venue.members["zhang"])
    dialog = make_quick(desk_ctx, space_id=small, starts=at(FRIDAY, 14), minutes=60)
    pick(dialog, "wangwei")
    dialog.repeat.setChecked(True)
    assert dialog.repeat.days[4].isChecked()  # Friday, the first date's weekday
    dialog.repeat.count.setValue(4)
    assert dialog.repeat.rule() == "FREQ=WEEKLY;INTERVAL=1;BYDAY=FR;COUNT=4"
    dialog.save_button.click()
    assert dialog.isVisible()
    text = dialog.conflicts.text()
    assert text.startswith("1 of 4 dates cannot be booked:")
    assert "2026-12-04: Small tea room is taken 2026-12-04 14:30–15:30 by 张建华." in text
    assert len(bookings(desk_ctx, FRIDAY, 28)) == 1  # nothing written yet
    assert dialog.skip_button.isVisible()
    assert dialog.skip_button.text() == "Skip these and book the other 3 dates"
    dialog.skip_button.click()
    assert accepted(dialog)
    mine = [b for b in bookings(desk_ctx, FRIDAY, 28) if b.member_id == venue.members["wang"]]
    assert [b.starts.date().isoformat() for b in mine] == ["2026-11-27", "2026-12-11",
                                                            "2026-12-18"]
    assert len({b.series_id for b in mine}) == 1 and mine[0].series_id is not None
    assert dialog.booked is not None and dialog.booked.starts == at(FRIDAY, 14)


def test_series_rules_for_months_and_an_end_date(make_quick, desk_ctx: Context,
                                                 venue: Venue) -> None:
    dialog = make_quick(desk_ctx, space_id=venue.space("Small tea room"),
                        starts=at(dt.date(2026, 12, 24), 14), minutes=60)  # 4th Thursday
    repeat = dialog.repeat
    repeat.setChecked(True)
    repeat.kind.setCurrentIndex(repeat.kind.findData("monthly_weekday"))
    assert repeat.monthly_hint.text() == "on the 4th Thu of the month"
    repeat.end.setCurrentIndex(repeat.end.findData("until"))
    repeat.until.setDate(repeat.until.date().fromString("2027-06-30", "yyyy-MM-dd"))
    assert repeat.rule() == "FREQ=MONTHLY;INTERVAL=1;BYDAY=+4TH;UNTIL=20270630T235959"
    repeat.kind.setCurrentIndex(repeat.kind.findData("monthly_date"))
    repeat.every.setValue(2)
    assert repeat.rule() == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=24;UNTIL=20270630T235959"
    dialog.date.setDate(dialog.date.date().fromString("2026-12-31", "yyyy-MM-dd"))
    repeat.kind.setCurrentIndex(repeat.kind.findData("monthly_weekday"))
    assert repeat.monthly_hint.text() == "on the last Thu of the month"


def test_the_desk_does_not_see_the_override_and_the_owner_books_the_past_with_a_reason(
        make_quick, desk_ctx: Context, owner_ctx: Context, venue: Venue) -> None:
    small = venue.space("Small tea room")
    today = dt.date(2026, 11, 26)
    desk = make_quick(desk_ctx, space_id=small, starts=at(today, 8), minutes=60)
    assert desk.findChild(QCheckBox, "quickOverride") is None
    owner = make_quick(owner_ctx, space_id=small, starts=at(today, 8), minutes=60)
    override = child(owner, QCheckBox, "quickOverride")
    assert override.isVisible()
    pick(owner, "zjh")
    override.setChecked(True)
    assert owner.set_start(dt.time(8))  # outside the hours: offered only when overriding
    assert owner.run_check() == "Free"
    owner.save_button.click()
    assert "Give a reason for overriding the rules." in owner.bar.text()
    assert owner.override_reason is not None
    owner.override_reason.setText("breakfast meeting agreed with the chef")
    owner.save_button.click()
    assert accepted(owner)
    owner_series = make_quick(owner_ctx, space_id=small, starts=at(FRIDAY, 10), minutes=60)
    series_override = child(owner_series, QCheckBox, "quickOverride")
    series_override.setChecked(True)
    owner_series.repeat.setChecked(True)  # a series follows every rule: no override
    assert not series_override.isChecked() and not series_override.isEnabled()
    [made] = list_bookings(owner_ctx, today, today)
    assert made.starts == at(today, 8)
    assert made.override_reason == "breakfast meeting agreed with the chef"
