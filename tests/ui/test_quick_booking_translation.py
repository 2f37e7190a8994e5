"""Quick booking and "find a free slot" in Simplified Chinese: no English left visible (the
walk of tests/ui/test_translation.py) in the states the desk sees: empty, refused with
alternatives, a series with a conflicting date, free times listed, a refused range."""

from __future__ import annotations

import datetime as dt

from desktop.booking.service import BookingRequest, create_booking
from desktop.booking.spaces import SpaceInput, create_space
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from desktop.ui.booking.free_slot import FindFreeSlotDialog
from desktop.ui.booking.quick import QuickBookingDialog
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.members.common import to_qdate
from tests.helpers.booking_race import every_day
from tests.ui.test_translation import untranslated

FRIDAY = dt.date(2026, 11, 27)


def _chinese_venue(ctx: Context) -> tuple[int, int]:
    room = create_space(ctx, SpaceInput("小茶室", "tea_room", 6, True, slot_minutes=30,
                                        min_minutes=60, max_minutes=240, advance_days=30,
                                        hours=every_day("09:00", "22:00")))
    create_space(ctx, SpaceInput("大茶室", "tea_room", 12, True, slot_minutes=30,
                                 min_minutes=60, max_minutes=240, advance_days=30,
                                 sort_order=1, hours=every_day("09:00", "22:00")))
    plan = mm.create_plan(ctx, mm.PlanInput("年卡", "1980", 12, is_default=True))
    member = mm.join_member(ctx, ms.MemberInput("张建华", phone="13912345678"), plan,
                            mm.PaymentInput(method="wechat"))
    starts = dt.datetime.combine(FRIDAY, dt.time(14))
    create_booking(ctx, BookingRequest(room.id, starts, starts + dt.timedelta(hours=1),
                                       member_id=member.id))
    return room.id, member.id


def test_quick_booking_speaks_chinese(qtbot, owner_ctx: Context) -> None:
    room, _member = _chinese_venue(owner_ctx)
    set_ui_language("zh_CN")
    dialog = QuickBookingDialog(owner_ctx, space_id=room,
                                starts=dt.datetime.combine(FRIDAY, dt.time(14)), minutes=60)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "快速预订"
    assert dialog.save_button.text() == "预订"
    problems = untranslated(dialog)
    dialog.member.setText("zjh")
    dialog.member.lookup()
    problems += untranslated(dialog)
    dialog.member.choose_row(0)
    dialog.save_button.click()  # taken: the reasons and the alternatives
    assert "张建华" in dialog.conflicts.text() and dialog.alternatives.count() > 0
    problems += untranslated(dialog)
    dialog.use_alternative(0)
    dialog.repeat.setChecked(True)
    dialog.set_start(dt.time(14))
    dialog.save_button.click()  # the series' first date is taken
    assert dialog.skip_button.isVisible()
    problems += untranslated(dialog)
    for kind in range(dialog.repeat.kind.count()):
        dialog.repeat.kind.setCurrentIndex(kind)
        dialog.repeat.end.setCurrentIndex(kind % 2)
        problems += untranslated(dialog)
    assert problems == []


def test_find_a_free_slot_speaks_chinese(qtbot, owner_ctx: Context, desk_ctx: Context) -> None:
    _chinese_venue(owner_ctx)
    set_ui_language("zh_CN")
    dialog = FindFreeSlotDialog(desk_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "查找空闲时段"
    problems = untranslated(dialog)
    dialog.first.setDate(to_qdate(FRIDAY))
    dialog.last.setDate(to_qdate(FRIDAY))
    dialog.search_button.click()
    assert dialog.model.rowCount() > 0
    problems += untranslated(dialog)
    dialog.last.setDate(to_qdate(FRIDAY - dt.timedelta(days=1)))
    dialog.search_button.click()
    assert dialog.bar.text() == "结束日期不能早于开始日期。"
    problems += untranslated(dialog)
    assert problems == []
