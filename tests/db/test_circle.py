"""Offers, needs and introductions (issue 6, points 2 and 4, and their bad input)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.circle.service import (
    IntroductionInput,
    ItemInput,
    create_introduction,
    create_item,
    follow_ups,
    list_introductions,
    list_items,
    record_outcome,
    set_item_status,
    update_item,
)
from desktop.errors import DomainError, NotFound
from desktop.members.service import set_archived
from desktop.partners.service import PartnerInput, create_partner
from desktop.services import Context
from tests.helpers.booking_race import make_members


@pytest.fixture
def people(owner_ctx: Context) -> dict[str, int]:
    return make_members(owner_ctx)


def test_offers_and_needs_share_tags_that_differ_only_in_case_or_width(
        desk_ctx: Context, people: dict[str, int]) -> None:
    need = create_item(desk_ctx, ItemInput("need", people["zhang"], "  找有机茶供应商 ",
                                           "想给公司采购", ("Tea", "有机")))
    offer = create_item(desk_ctx, ItemInput("offer", people["lapsed"], "自家茶园直供",
                                            tags=("ｔｅａ", "TEA", "茶园")))
    assert need.title == "找有机茶供应商" and need.status == "open"
    assert offer.tags == ("Tea", "茶园")  # one tag whatever the case or width
    assert [i.id for i in list_items(desk_ctx, side="need")] == [need.id]
    assert [i.id for i in list_items(desk_ctx, member_id=people["lapsed"])] == [offer.id]
    changed = update_item(desk_ctx, need.id, "找有机绿茶供应商", None, ("tea",))
    assert changed.tags == ("Tea",) and changed.description is None
    matched = set_item_status(desk_ctx, need.id, "matched")
    assert matched.closed_on == dt.date(2026, 11, 26)
    assert list_items(desk_ctx, side="need") == []
    assert set_item_status(desk_ctx, need.id, "open").closed_on is None


def test_an_archived_members_items_leave_the_circles_lists(owner_ctx: Context, desk_ctx: Context,
                                                          people: dict[str, int]) -> None:
    """The board and the circle view list the open items of current members only; the member's
    own record still shows theirs."""
    offer = create_item(desk_ctx, ItemInput("offer", people["lapsed"], "自家茶园直供"))
    assert [i.id for i in list_items(desk_ctx, side="offer")] == [offer.id]
    set_archived(owner_ctx, people["lapsed"], True)
    assert list_items(desk_ctx, side="offer") == []
    assert [i.id for i in list_items(desk_ctx, side="offer", include_archived=True)] == [offer.id]
    assert [i.id for i in list_items(desk_ctx, member_id=people["lapsed"])] == [offer.id]


@pytest.mark.parametrize(("data", "field"), [
    (ItemInput("need", 0, "   "), "title"),
    (ItemInput("wish", 0, "title"), "side"),
])
def test_bad_items_are_refused_at_their_field(desk_ctx: Context, people: dict[str, int],
                                              data: ItemInput, field: str) -> None:
    data = ItemInput(data.side, people["zhang"], data.title)
    with pytest.raises(DomainError) as refused:
        create_item(desk_ctx, data)
    assert refused.value.field == field
    assert list_items(desk_ctx, status=None) == []


def test_introductions_are_followed_up_to_an_outcome(owner_ctx: Context, desk_ctx: Context,
                                                    people: dict[str, int]) -> None:
    need = create_item(desk_ctx, ItemInput("need", people["zhang"], "找茶叶"))
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    old = create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "wechat", member_b_id=people["lapsed"], item_id=need.id,
        introduced_on=dt.date(2026, 11, 1))).introduction
    fresh = create_introduction(desk_ctx, IntroductionInput(
        people["zhang"], "in_person", partner_id=tea.id)).introduction
    assert fresh.other == "明前茶舍" and old.outcome == "not_yet"
    assert [i.id for i in follow_ups(desk_ctx)] == [old.id]  # 25 days without an outcome
    done = record_outcome(desk_ctx, old.id, "deal_done", "签了年单", "12000")
    assert done.outcome_value == Decimal("12000.00") and done.outcome_on == dt.date(2026, 11, 26)
    assert follow_ups(desk_ctx) == []
    assert [i.id for i in list_introductions(desk_ctx, member_id=people["lapsed"])] == [old.id]
    assert {i.id for i in list_introductions(desk_ctx, member_id=people["zhang"])} == {
        old.id, fresh.id}
    assert [i.id for i in list_introductions(desk_ctx, partner_id=tea.id)] == [fresh.id]


def test_bad_introductions(owner_ctx: Context, desk_ctx: Context,
                           people: dict[str, int]) -> None:
    zhang = people["zhang"]
    with pytest.raises(DomainError, match="themself") as self_intro:
        create_introduction(desk_ctx, IntroductionInput(zhang, "phone", member_b_id=zhang))
    assert self_intro.value.field == "member_b_id"
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea", active=False))
    with pytest.raises(DomainError):  # both another member and a partner
        create_introduction(desk_ctx, IntroductionInput(
            zhang, "phone", member_b_id=people["lapsed"], partner_id=tea.id))
    with pytest.raises(DomainError):  # neither
        create_introduction(desk_ctx, IntroductionInput(zhang, "phone"))
    with pytest.raises(NotFound):
        create_introduction(desk_ctx, IntroductionInput(zhang, "phone", member_b_id=999_999))
    with pytest.raises(DomainError) as means:
        create_introduction(desk_ctx, IntroductionInput(zhang, "pigeon",
                                                        member_b_id=people["lapsed"]))
    assert means.value.field == "means"
    assert list_introductions(desk_ctx) == []
    set_archived(owner_ctx, people["lapsed"], True)
    archived = create_introduction(desk_ctx, IntroductionInput(
        zhang, "phone", member_b_id=people["lapsed"]))
    assert "archived" in archived.warnings[0].render("en")
    inactive = create_introduction(desk_ctx, IntroductionInput(zhang, "phone",
                                                               partner_id=tea.id))
    assert "no longer an active partner" in inactive.warnings[0].render("en")
    with pytest.raises(DomainError) as outcome:
        record_outcome(desk_ctx, archived.introduction.id, "married")
    assert outcome.value.field == "outcome"
    with pytest.raises(DomainError):
        record_outcome(desk_ctx, archived.introduction.id, "met", value="-1")
