"""Find a free slot (issue 4 point 6): kind or space, dates, duration, party size give the
free times; Enter on one opens the quick booking filled in, whose save closes both; a range
the service refuses is explained in the message bar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.services import Context
from desktop.ui.booking.free_slot import FindFreeSlotDialog
from desktop.ui.members.common import to_qdate
from tests.ui.helpers import child
from tests.ui.test_quick_booking_fixtures import FRIDAY, Venue, accepted, at, book, bookings, venue

__all__ = ["venue"]


def make_free(qtbot, ctx: Context) -> FindFreeSlotDialog:
    dialog = FindFreeSlotDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def search_in(dialog: FindFreeSlotDialog, where: str, first: dt.date, last: dt.date,
              minutes: int = 60, party: int = 1) -> None:
    index = dialog.where.findText(where)
    assert index >= 0, where
    dialog.where.setCurrentIndex(index)
    dialog.first.setDate(to_qdate(first))
    dialog.last.setDate(to_qdate(last))
    dialog.duration.setValue(minutes)
    dialog.party.setValue(party)


def shown(dialog: FindFreeSlotDialog) -> list[tuple[str, str, str]]:
    model = child(dialog, QTableView, "freeSlotResults").model()
    return [tuple(str(model.index(r, c).data()) for c in range(3))  # type: ignore[misc]
            for r in range(model.rowCount())]


def test_search_lists_the_free_times_around_a_booking(qtbot, desk_ctx: Context,
                                                      venue: Venue) -> None:
    book(desk_ctx, venue.space("Small tea room"), at(FRIDAY, 14), 60, venue.members["zhang"])
    dialog = make_free(qtbot, desk_ctx)
    search_in(dialog, "Small tea room", FRIDAY, FRIDAY)
    qtbot.keyClick(dialog.party, Qt.Key.Key_Return)  # Enter searches
    rows = shown(dialog)
    # 09:00..21:00 in 30-minute steps is 25 starts; 13:30, 14:00 and 14:30 would overlap.
    assert len(rows) == 22
    assert rows[0] == ("Small tea room", "2026-11-27 Fri", "09:00–10:00")
    times = [time for _space, _day, time in rows]
    assert "13:00–14:00" in times and "15:00–16:00" in times
    assert not {"13:30–14:30", "14:00–15:00", "14:30–15:30"} & set(times)
    assert dialog.count.text() == "22 free time(s)"


def test_a_kind_and_a_party_size_choose_the_spaces(qtbot, desk_ctx: Context,
                                                   venue: Venue) -> None:
    dialog = make_free(qtbot, desk_ctx)
    search_in(dialog, "Any Tea room", FRIDAY, FRIDAY, minutes=240, party=8)
    dialog.search_button.click()
    rows = shown(dialog)
    assert rows and {space for space, _d, _t in rows} == {"Large tea room"}  # 6 seats too few
    assert rows[-1][2] == "18:00–22:00"


def test_booking_a_result_opens_the_quick_booking_and_both_close_when_saved(
        qtbot, desk_ctx: Context, venue: Venue) -> None:
    dialog = make_free(qtbot, desk_ctx)
    search_in(dialog, "Fishing pond", FRIDAY, FRIDAY, minutes=120, party=3)
    dialog.search_button.click()
    table = child(dialog, QTableView, "freeSlotResults")
    assert dialog.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Down)  # 07:00, the second free time
    qtbot.keyClick(table, Qt.Key.Key_Return)
    quick = dialog.quick_dialog
    assert quick is not None and quick.isVisible()
    assert quick.space.currentData() == venue.space("Fishing pond")
    assert quick.start.currentText() == "07:00" and quick.duration.value() == 120
    assert quick.party.value() == 3
    quick.member.setText("zjh")
    quick.member.lookup()
    quick.member.choose_row(0)
    qtbot.keyClick(quick.purpose, Qt.Key.Key_Return)
    assert accepted(quick) and accepted(dialog)
    [made] = bookings(desk_ctx)
    assert (made.space_name, made.starts, made.ends, made.party_size) == (
        "Fishing pond", at(FRIDAY, 7), at(FRIDAY, 9), 3)
    assert dialog.booked is not None and dialog.booked.id == made.id


def test_cancelling_the_quick_booking_keeps_the_results(qtbot, desk_ctx: Context,
                                                        venue: Venue) -> None:
    dialog = make_free(qtbot, desk_ctx)
    search_in(dialog, "Meeting room", FRIDAY, FRIDAY)
    dialog.search_button.click()
    dialog.book_button.click()
    quick = dialog.quick_dialog
    assert quick is not None
    quick.reject()
    assert dialog.isVisible() and dialog.booked is None and len(shown(dialog)) > 0


def test_a_range_the_service_refuses_is_explained(qtbot, desk_ctx: Context,
                                                  venue: Venue) -> None:
    dialog = make_free(qtbot, desk_ctx)
    search_in(dialog, "Any space", FRIDAY, FRIDAY - dt.timedelta(days=1))
    dialog.search_button.click()
    assert dialog.bar.text() == "The last day must not be before the first."
    assert shown(dialog) == [] and not dialog.book_button.isEnabled()
    search_in(dialog, "Any space", FRIDAY, FRIDAY + dt.timedelta(days=70))
    dialog.search_button.click()
    assert dialog.bar.text() == "Search at most two months at a time."
    search_in(dialog, "Any space", FRIDAY, FRIDAY)
    dialog.search_button.click()
    assert dialog.bar.text() == "" and len(shown(dialog)) > 0
