"""What the Circle view reads at a glance (issue 6, point 5): outcomes of a month with their
counts and value, and the overview in a fixed number of queries however big the circle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlalchemy import event

from desktop.circle.service import (
    IntroductionInput,
    ItemInput,
    create_introduction,
    create_item,
    record_outcome,
    set_item_status,
)
from desktop.circle.summary import (
    circle_overview,
    means_label,
    outcome_label,
    outcomes_in_month,
    status_label,
)
from desktop.clock import FixedClock
from desktop.db import Database
from desktop.errors import DomainError
from desktop.partners.service import PartnerInput, create_partner
from desktop.services import Context
from tests.helpers.booking_race import make_members


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


@pytest.fixture
def people(owner_ctx: Context) -> dict[str, int]:
    return make_members(owner_ctx)


def _on(ctx: Context, day: dt.date) -> Context:
    return Context(ctx.database, ctx.actor, FixedClock(dt.datetime.combine(day, dt.time(10))),
                   ctx.hasher)


def test_outcomes_of_a_month_are_counted_with_their_value(
        owner_ctx: Context, desk_ctx: Context, people: dict[str, int]) -> None:
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))

    def introduce(day: dt.date, member_b_id: int | None = None,
                  partner_id: int | None = None) -> int:
        return create_introduction(desk_ctx, IntroductionInput(
            people["zhang"], "wechat", member_b_id=member_b_id, partner_id=partner_id,
            introduced_on=day)).introduction.id

    deal = introduce(dt.date(2026, 11, 2), partner_id=tea.id)
    met = introduce(dt.date(2026, 11, 3), member_b_id=people["lapsed"])
    october = introduce(dt.date(2026, 10, 1), member_b_id=people["suspended"])
    waiting = introduce(dt.date(2026, 11, 20), member_b_id=people["suspended"])
    record_outcome(desk_ctx, deal, "deal_done", "年单", "12000")
    record_outcome(_on(desk_ctx, dt.date(2026, 11, 10)), met, "met", None, "80.50")
    record_outcome(_on(desk_ctx, dt.date(2026, 10, 20)), october, "no_fit")

    november = outcomes_in_month(desk_ctx, 2026, 11)
    counts = {c.outcome: c.count for c in november.counts}
    assert counts == {"met": 1, "working_together": 0, "deal_done": 1, "no_fit": 0}
    assert november.total == 2 and november.total_value == Decimal("12080.50")
    assert [i.id for i in november.introductions] == [deal, met]  # newest outcome first
    assert waiting not in {i.id for i in november.introductions}  # no outcome yet
    assert [c.label.render("zh_CN") for c in november.counts][:2] == ["已见面", "正在合作"]
    assert [i.id for i in outcomes_in_month(desk_ctx, 2026, 10).introductions] == [october]
    assert outcomes_in_month(desk_ctx, 2025, 1).total == 0
    with pytest.raises(DomainError) as refused:
        outcomes_in_month(desk_ctx, 2026, 13)
    assert refused.value.field == "month"


def test_labels_say_it_in_both_languages() -> None:
    assert outcome_label("working_together").render() == "Working together"
    assert outcome_label("deal_done").render("zh_CN") == "已成交"
    assert means_label("event").render("zh_CN") == "活动上"
    assert status_label("matched").render("zh_CN") == "已对接"


def _fill(ctx: Context, people: dict[str, int], count: int, start: int) -> None:
    for n in range(start, start + count):
        create_item(ctx, ItemInput("need" if n % 2 else "offer", people["zhang"],
                                   f"item {n}", tags=(f"tag{n}", "tea")))
        create_introduction(ctx, IntroductionInput(
            people["zhang"], "phone", member_b_id=people["lapsed"],
            introduced_on=dt.date(2026, 11, 1) + dt.timedelta(days=n % 20)))


def test_the_overview_reads_what_the_view_shows_in_a_fixed_number_of_queries(
        desk_ctx: Context, people: dict[str, int]) -> None:
    old = create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "phone", member_b_id=people["lapsed"],
        introduced_on=dt.date(2026, 9, 1))).introduction  # long ago, never followed up
    _fill(desk_ctx, people, 4, 0)
    closed = create_item(desk_ctx, ItemInput("need", people["lapsed"], "done already"))
    set_item_status(desk_ctx, closed.id, "closed")
    with statements(desk_ctx.database) as few:
        small = circle_overview(desk_ctx)
    _fill(desk_ctx, people, 40, 4)
    with statements(desk_ctx.database) as many:
        big = circle_overview(desk_ctx)

    assert len(small.needs) == 2 and len(small.offers) == 2
    assert closed.id not in {i.id for i in small.needs}
    assert small.needs[0].tags == ("tag3", "tea")
    assert len(big.needs) == 22 and len(big.offers) == 22
    assert old.id in {i.id for i in big.follow_ups}
    assert old.id not in {i.id for i in big.recent}  # more than 30 days ago
    assert len(big.recent) == 44
    assert all(i.introduced_on <= dt.date(2026, 11, 12) for i in big.follow_ups)
    assert len(many) == len(few) <= 8  # items and their tags twice, three introduction lists
