"""Event statistics for the owner's review: registered against checked-in people per event,
no-shows per member and attendance per kind, counting only events that are over."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.clock import FixedClock
from desktop.errors import PermissionDenied
from desktop.events.checkin import check_in_registration, undo_check_in
from desktop.events.registrations import RegistrationInput, cancel_registration, register
from desktop.events.service import EventInput, cancel_event, create_event
from desktop.events.stats import (
    attendance_by_event,
    attendance_by_kind,
    no_shows_by_member,
)
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context
from tests.helpers.booking_race import DAY, make_members, make_spaces


def at(hour: int, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def after(ctx: Context, when: dt.datetime) -> Context:
    return replace(ctx, clock=FixedClock(when))


@pytest.fixture
def season(owner_ctx: Context) -> dict[str, int]:
    """Two tastings and a talk on DAY (the Friday after the fixed clock), and one next week:
    Zhang comes to everything, Wang registers for both tastings and misses one, Liu misses
    the talk, Zhao cancelled in time; an event cancelled altogether does not count."""
    spaces = make_spaces(owner_ctx)
    people = make_members(owner_ctx)
    plan = ms.list_plans(owner_ctx)[0].id
    for name in ("Wang Wu", "Liu Qi", "Zhao Ba"):
        people[name] = mm.join_member(owner_ctx, ms.MemberInput(name), plan).id
    large, small = spaces["Large tea room"], spaces["Small tea room"]

    def event(title: str, kind: str, space_id: int, hour: int,
              day: dt.date = DAY) -> int:
        [made] = create_event(owner_ctx, EventInput(title, kind, space_id, at(hour, day),
                                                    at(hour + 2, day), 6))
        return made.id

    def reg(event_id: int, who: str, companions: int = 0) -> int:
        return register(owner_ctx, event_id, RegistrationInput(
            member_id=people[who], companions=companions)).registration.id

    ids = {"morning": event("Morning tea", "tea_tasting", large.id, 10),
           "evening": event("Evening tea", "tea_tasting", large.id, 18),
           "talk": event("Tea talk", "talk", small.id, 14),
           "next": event("Next week", "talk", small.id, 14, DAY + dt.timedelta(days=7)),
           "called_off": event("Called off", "games", small.id, 10)}
    came = [reg(ids["morning"], "zhang", 2), reg(ids["morning"], "Wang Wu"),
            reg(ids["evening"], "zhang"), reg(ids["talk"], "zhang")]
    reg(ids["evening"], "Wang Wu")  # misses it
    reg(ids["talk"], "Liu Qi", 1)  # misses it
    gone = reg(ids["talk"], "Zhao Ba")
    cancel_registration(owner_ctx, gone, "ill")
    reg(ids["next"], "Liu Qi")  # not over yet
    reg(ids["called_off"], "Liu Qi")
    cancel_event(owner_ctx, ids["called_off"], "rain")
    at_door = after(owner_ctx, at(10))
    for registration in came:
        check_in_registration(at_door, registration)
    # A check-in undone does not count as attendance.
    wrong = reg(ids["evening"], "Liu Qi")
    check_in_registration(at_door, wrong)
    undo_check_in(at_door, wrong)
    return {**ids, **{f"member:{k}": v for k, v in people.items()}}


def test_attendance_per_event_counts_people_of_events_that_are_over(
    owner_ctx: Context, season: dict[str, int]
) -> None:
    assert attendance_by_event(owner_ctx) == []  # the fixed clock is before DAY
    stats = attendance_by_event(after(owner_ctx, at(23)))
    assert [(s.title, s.registered, s.checked_in) for s in stats] == [
        ("Morning tea", 4, 4), ("Tea talk", 3, 1), ("Evening tea", 3, 1)]
    assert [s.rate for s in stats] == [1.0, pytest.approx(1 / 3), pytest.approx(1 / 3)]
    # Mid-afternoon only the morning's tasting is over.
    assert [s.event_id for s in attendance_by_event(after(owner_ctx, at(15)))] == [
        season["morning"]]
    assert attendance_by_event(after(owner_ctx, at(23)), DAY + dt.timedelta(days=1)) == []


def test_no_shows_per_member_leave_out_cancellations_and_events_not_over(
    owner_ctx: Context, season: dict[str, int]
) -> None:
    stats = no_shows_by_member(after(owner_ctx, at(23, DAY + dt.timedelta(days=8))))
    assert [(s.name, s.registered, s.no_shows) for s in stats] == [
        ("Liu Qi", 3, 3), ("Wang Wu", 2, 1)]
    assert stats[1].rate == pytest.approx(0.5)
    # Before the evening: Liu's talk is over (missed), Wang's evening tasting is not.
    afternoon = no_shows_by_member(after(owner_ctx, at(17)))
    assert [(s.name, s.registered, s.no_shows) for s in afternoon] == [("Liu Qi", 1, 1)]


def test_attendance_per_kind_sums_the_events(owner_ctx: Context,
                                             season: dict[str, int]) -> None:
    kinds = attendance_by_kind(after(owner_ctx, at(23)))
    assert [(k.kind, k.events, k.registered, k.checked_in) for k in kinds] == [
        ("tea_tasting", 2, 7, 5), ("talk", 1, 3, 1)]
    assert kinds[0].rate == pytest.approx(5 / 7)


def test_the_statistics_are_the_owners(desk_ctx: Context, season: dict[str, int]) -> None:
    for stat in (attendance_by_event, attendance_by_kind, no_shows_by_member):
        with pytest.raises(PermissionDenied):
            stat(desk_ctx)
