"""The calendar's layout arithmetic, without painting: columns, rows, lanes, seats, snapping."""

from __future__ import annotations

import datetime as dt

from desktop.booking.occupancy import lanes
from desktop.booking.rules import OpeningRange, SpaceView
from desktop.booking.service import BookingView
from desktop.booking.spaces import ClosureView
from desktop.ui.calendar import labels
from desktop.ui.calendar import layout as lay
from desktop.ui.calendar.layout import Column

DAY = dt.date(2026, 11, 27)  # a Friday


def space(space_id: int, *, exclusive: bool = True, slot: int = 30, opens: str = "09:00",
          closes: str = "22:00", capacity: int = 6) -> SpaceView:
    hours = tuple(OpeningRange(d, dt.time.fromisoformat(opens), dt.time.fromisoformat(closes))
                  for d in range(7))
    return SpaceView(space_id, f"Space {space_id}", "tea_room", "#3F7F4F", capacity, exclusive,
                     slot, slot, 480, 0, 30, True, space_id, hours)


def booking(booking_id: int, space_id: int, start: str, end: str, party: int = 2,
            day: dt.date = DAY) -> BookingView:
    starts = dt.datetime.combine(day, dt.time.fromisoformat(start))
    ends = dt.datetime.combine(day, dt.time.fromisoformat(end))
    return BookingView(booking_id, space_id, f"Space {space_id}", "tea_room", True, 1, "Zhang",
                       "M0001", "", None, starts, ends, party, None, "confirmed", None, None,
                       None, None, None, "desk")


def test_rows_span_the_earliest_opening_to_the_latest_closing() -> None:
    columns = [Column(DAY, space(1, opens="09:00", closes="22:00"), ""),
               Column(DAY, space(2, opens="06:00", closes="18:00"), "")]
    assert lay.hour_range(columns) == (6 * 60, 22 * 60)
    # an owner's override outside the hours widens the grid
    late = booking(1, 1, "22:00", "23:30")
    assert lay.hour_range(columns, [late]) == (6 * 60, 24 * 60)


def test_booking_rect_lies_in_its_column_at_its_time() -> None:
    columns = [Column(DAY, space(1), ""), Column(DAY, space(2), "")]
    grid = lay.compute(columns, [booking(7, 2, "10:00", "12:00")], [], 1054, 46 + 13 * 60,
                       header=46)
    assert grid.per_minute == 1.0
    (box,) = grid.boxes
    x, width = grid.column_x[1]
    assert box.column == 1
    assert x <= box.rect.x < box.rect.right <= x + width
    assert box.rect.y == grid.y_of(10 * 60) + 1 == 46 + 60 + 1
    assert round(box.rect.h) == 120 - 2
    assert grid.box_at(box.rect.x + 5, box.rect.y + 5) is box
    assert grid.column_at(x + 1) == 1 and grid.column_at(10) is None
    assert round(grid.minute_at(grid.y_of(615))) == 615


def test_overlapping_seat_bookings_stand_in_lanes_and_the_peak_is_swept() -> None:
    pond = space(3, exclusive=False, capacity=12, slot=60, opens="06:00", closes="18:00")
    bookings = [booking(1, 3, "07:00", "10:00", 3), booking(2, 3, "08:00", "09:00", 4),
                booking(3, 3, "09:00", "11:00", 5), booking(4, 3, "12:00", "13:00", 2)]
    placed = {b.id: (lane, count) for b, lane, count in lanes(bookings)}
    # 1 and 2 overlap, 3 reuses 2's lane (half-open: 2 ends at 09:00), 4 stands alone
    assert placed == {1: (0, 2), 2: (1, 2), 3: (1, 2), 4: (0, 1)}
    assert lay.peak_seats(bookings) == 8  # 3 + 5 from 09:00; 2 ended at 09:00
    grid = lay.compute([Column(DAY, space(1), ""), Column(DAY, pond, "")], bookings, [], 1000, 800)
    assert grid.peaks == {1: 8}
    first, second = (b for b in grid.boxes if b.booking.id in (1, 2))
    assert first.rect.right <= second.rect.x  # side by side
    assert grid.column_x[1][1] > grid.column_x[0][1]  # the seat column is wider


def test_closed_hours_and_closures_are_shaded() -> None:
    room = space(1, opens="09:00", closes="12:00")
    hours = room.hours + tuple(OpeningRange(d, dt.time(13), dt.time(18)) for d in range(7))
    room = SpaceView(**{**room.__dict__, "hours": hours})
    closure = ClosureView(9, None, None, dt.datetime.combine(DAY, dt.time(15)),
                          dt.datetime.combine(DAY, dt.time(16)), "Boiler repair")
    grid = lay.compute([Column(DAY, room, "")], [], [closure], 800, 600)
    assert lay.closed_stretches(room, DAY, 9 * 60, 18 * 60) == [(12 * 60, 13 * 60)]
    assert [round(s.rect.y) for s in grid.closed] == [round(grid.y_of(12 * 60))]
    assert [(s.reason, round(s.rect.y)) for s in grid.closures] == [
        ("Boiler repair", round(grid.y_of(15 * 60)))]


def test_snapping_follows_the_space_slot_grid() -> None:
    odd = space(1, opens="09:15", closes="21:15", slot=30)
    assert lay.snap_start(odd, DAY, 9 * 60 + 55) == 9 * 60 + 45  # nearest of 09:15 + k·30
    assert lay.snap_start(odd, DAY, 10 * 60 + 14, nearest=False) == 9 * 60 + 45
    assert lay.snap_length(odd, 50) == 60
    assert lay.snap_length(odd, 10, at_least=60) == 60
    hourly = space(2, slot=60, opens="06:00", closes="18:00")
    assert lay.snap_start(hourly, DAY, 7 * 60 + 31) == 8 * 60


def test_week_of_all_spaces_groups_columns_by_day() -> None:
    spaces = [space(1), space(2)]
    days = [DAY + dt.timedelta(days=i) for i in range(7)]
    columns = [Column(d, s, s.name, group=i, group_title=f"{d:%m-%d}")
               for i, d in enumerate(days) for s in spaces]
    grid = lay.compute(columns, [booking(1, 2, "10:00", "11:00", day=days[3])], [], 1454, 800)
    assert len(grid.groups) == 7 and grid.groups[3][0] == f"{days[3]:%m-%d}"
    assert grid.boxes[0].column == 7  # day 3, second space
    assert grid.top == lay.HEADER + lay.GROUP_HEADER


# ---------------------------------------------------------------- what text a box shows


class FixedWidth:
    """labels.Measure with made-up widths: a Chinese character 11 px, anything else 6 px,
    the ellipsis 11 px (the grid's fonts are close to this); lines 13 px."""

    line = 13.0

    def width(self, text: str, bold: bool) -> float:
        return float(sum(11 if labels.is_wide(c) or c == "…" else 6 for c in text))

    def elide(self, text: str, width: int, bold: bool) -> str:
        if self.width(text, bold) <= width:
            return text
        shown = ""
        for end in range(len(text) + 1):
            if self.width(text[:end] + "…", bold) > width:
                break
            shown = text[:end]
        return shown + "…" if self.width("…", bold) <= width else ""


def named(member: str | None, guest: str | None = None, purpose: str | None = None,
          start: str = "10:00") -> BookingView:
    made = booking(1, 1, start, "12:00")
    return BookingView(**{**made.__dict__, "member_name": member, "guest_name": guest,
                          "purpose": purpose, "event_id": None if member or guest else 5})


def texts(found: tuple[labels.Label, ...]) -> list[str]:
    return [label.text for label in found]


def test_short_name_is_the_surname_a_guest_or_an_events_title() -> None:
    assert labels.short_name(named("张建华")) == "张建华"
    assert labels.short_name(named("Anna Schmidt")) == "Schmidt"
    assert labels.short_name(named("张建华", guest="Ms Keller")) == "Keller"
    assert labels.short_name(named(None, purpose="秋茶品鉴会")) == "秋茶品鉴会"


def test_a_wide_box_keeps_its_full_lines() -> None:
    found = labels.box_labels(named("张建华", purpose="品茶"), 200, 80, FixedWidth())
    assert texts(found) == ["张建华", "10:00–12:00", "2 ppl", "品茶"]
    assert [(label.x, label.y, label.bold) for label in found[:2]] == [(6, 1, True),
                                                                       (6, 14, False)]
    one_row = labels.box_labels(named("张建华"), 200, 14, FixedWidth(), "%1 人")
    assert texts(one_row) == ["张建华 · 2"]


def test_a_narrow_box_shows_the_short_name_and_the_start_time() -> None:
    measure = FixedWidth()
    # 40 px: 33 px of room, "10:00" (30 px) fits and so does 张建华
    assert texts(labels.box_labels(named("张建华"), 40, 30, measure)) == ["张建华", "10:00"]
    # a tall lane of the day view: the party and the purpose too, elided
    tall = labels.box_labels(named("张建华", purpose="有机茶供应商洽谈"), 40, 60, measure,
                             "%1 人")
    assert texts(tall) == ["张建华", "10:00", "2 人", "有机…"]
    # one row: both on it when they fit, else the name
    assert texts(labels.box_labels(named("Wei Li"), 55, 14, measure)) == ["10:00 Li"]
    assert texts(labels.box_labels(named("张建华"), 40, 14, measure)) == ["张建华"]
    # a western surname is elided, keeping two letters before the ellipsis
    found = labels.box_labels(named("Anna Schmidt"), 40, 30, measure)
    assert texts(found) == ["Sch…", "10:00"] and found[0].bold and not found[1].bold
    assert all(measure.width(t.text, t.bold) <= 40 - 7 for t in found)


def test_a_sliver_stacks_a_chinese_name_or_shows_an_initial() -> None:
    measure = FixedWidth()
    # 13 px wide (the week of all spaces): 11 px of room, one character per line
    tall = labels.box_labels(named("张建华"), 13, 60, measure)
    assert texts(tall) == ["张", "建", "华"]
    assert [label.y for label in tall] == [1, 14, 27] and tall[0].x == 1
    assert texts(labels.box_labels(named("张建华"), 13, 30, measure)) == ["张", "建"]
    assert texts(labels.box_labels(named("Anna Schmidt"), 13, 60, measure)) == ["S"]
    # too narrow or too short for a character: nothing (the tooltip tells)
    assert labels.box_labels(named("张建华"), 8, 60, measure) == ()
    assert labels.box_labels(named("张建华"), 13, 10, measure) == ()
    assert labels.stripe(13) == 2.0 and labels.stripe(100) == 4.0


def test_week_of_all_spaces_boxes_keep_a_one_pixel_gap_in_narrow_lanes() -> None:
    spaces = [space(i) for i in range(1, 9)]
    days = [DAY + dt.timedelta(days=i) for i in range(7)]
    columns = [Column(d, s, s.name, group=i, group_title=f"{d:%m-%d}")
               for i, d in enumerate(days) for s in spaces]
    grid = lay.compute(columns, [booking(1, 2, "10:00", "11:00", day=days[3])], [], 1000, 800)
    (box,) = grid.boxes
    left, width = grid.column_x[box.column]
    assert width < lay.NARROW_LANE
    assert box.rect.x == left + 1 and round(box.rect.w, 6) == round(width - 2, 6)
    wide = lay.compute(columns[:2], [booking(1, 1, "10:00", "11:00")], [], 1000, 800)
    assert wide.boxes[0].rect.x == wide.column_x[0][0] + 2
