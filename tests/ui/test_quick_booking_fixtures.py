"""Shared venue and helpers for the quick-booking and free-slot UI tests (no tests here).

The venue is tests/helpers/booking_race.py's: the small and large tea rooms (exclusive), the
fishing pond (12 seats), the meeting room with a buffer; 张建华 active, Li Lapsed, Sun
Suspended; and 王伟, a second active member.  Everything is made through the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QDialog

from desktop.booking.rules import SpaceView
from desktop.booking.service import BookingRequest, BookingView, create_booking, list_bookings
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.booking.quick import QuickBookingDialog
from tests.helpers.booking_race import make_members, make_spaces

FRIDAY = dt.date(2026, 11, 27)  # the day after the fixed "today" (Thursday 2026-11-26 09:00)


@dataclass(frozen=True)
class Venue:
    spaces: dict[str, SpaceView]
    members: dict[str, int]
    numbers: dict[str, str]

    def space(self, name: str) -> int:
        return self.spaces[name].id


@pytest.fixture
def venue(owner_ctx: Context) -> Venue:
    spaces = make_spaces(owner_ctx)
    members = make_members(owner_ctx)
    plan = mm.create_plan(owner_ctx, mm.PlanInput("Quarter", "600", 3))
    members["wang"] = mm.join_member(owner_ctx, ms.MemberInput("王伟", phone="13600001111"),
                                     plan, mm.PaymentInput(method="cash")).id
    numbers = {key: ms.get_member(owner_ctx, member_id).row.number
               for key, member_id in members.items()}
    return Venue(spaces, members, numbers)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def book(ctx: Context, space_id: int, starts: dt.datetime, minutes: int, member_id: int,
         party: int = 2) -> BookingView:
    return create_booking(ctx, BookingRequest(space_id, starts,
                                              starts + dt.timedelta(minutes=minutes),
                                              party_size=party, member_id=member_id))


def bookings(ctx: Context, day: dt.date = FRIDAY, days: int = 1) -> list[BookingView]:
    return list_bookings(ctx, day, day + dt.timedelta(days=days - 1))


@pytest.fixture
def make_quick(qtbot) -> Callable[..., QuickBookingDialog]:
    """A quick-booking dialog for ``ctx``, shown (not exec'd: the test drives it)."""

    def make(ctx: Context, **prefill: object) -> QuickBookingDialog:
        dialog = QuickBookingDialog(ctx, **prefill)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        return dialog

    return make


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted
