"""Suggested matches with their reasons (issue 6, point 3): tags, words (Chinese by character
pairs), city, the offering member's engagement."""

from __future__ import annotations

import pytest

from desktop.circle.matching import suggest_for_need, suggest_for_offer, words
from desktop.circle.service import ItemInput, create_item, set_item_status
from desktop.errors import NotFound
from desktop.events.visits import record_visit
from desktop.models.members import Member
from desktop.partners.service import PartnerInput, create_partner
from desktop.services import Context
from tests.helpers.booking_race import make_members


def test_words_are_latin_words_and_chinese_character_pairs() -> None:
    assert words("有机茶叶 supplier", "Ｔｅａ! a") == {"有机", "机茶", "茶叶", "supplier", "tea"}


def _in_city(ctx: Context, member_ids: list[int], city: str) -> None:
    with ctx.database.transaction() as session:
        for member_id in member_ids:
            member = session.get(Member, member_id)
            assert member is not None
            member.city = city


@pytest.fixture
def people(owner_ctx: Context) -> dict[str, int]:
    return make_members(owner_ctx)


def test_a_need_is_matched_to_offers_and_partners_with_reasons(owner_ctx: Context,
                                                              desk_ctx: Context,
                                                              people: dict[str, int]) -> None:
    zhang, other, third = people["zhang"], people["lapsed"], people["suspended"]
    need = create_item(desk_ctx, ItemInput("need", zhang, "找有机茶叶供应商",
                                           "公司年会礼品", ("Tea", "礼品")))
    best = create_item(desk_ctx, ItemInput("offer", other, "自家有机茶叶直供",
                                           tags=("tea", "礼品")))
    weaker = create_item(desk_ctx, ItemInput("offer", third, "茶叶品鉴课", tags=("茶道",)))
    create_item(desk_ctx, ItemInput("offer", third, "Fishing lessons", tags=("fishing",)))
    create_item(desk_ctx, ItemInput("offer", zhang, "有机茶叶", tags=("tea",)))  # their own
    closed = create_item(desk_ctx, ItemInput("offer", other, "有机茶叶礼盒", tags=("tea",)))
    set_item_status(desk_ctx, closed.id, "closed")
    shop = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea", benefit="有机茶叶九折"))
    found = suggest_for_need(desk_ctx, need.id)
    assert [(m.kind, m.id) for m in found][:1] == [("offer", best.id)]
    assert {(m.kind, m.id) for m in found} == {("offer", best.id), ("offer", weaker.id),
                                               ("partner", shop.id)}
    top = found[0]
    assert top.score == 3 * 2 + 3  # two tags; 有机, 机茶, 茶叶 in common
    reasons = [r.render("en") for r in top.reasons]
    assert reasons == ["shared tags: Tea, 礼品 (+6)", "words in common: 有机, 机茶, 茶叶 (+3)"]
    assert [m.id for m in suggest_for_offer(desk_ctx, best.id)] == [need.id]


def test_the_same_city_and_an_engaged_member_add_points(owner_ctx: Context, desk_ctx: Context,
                                                       people: dict[str, int]) -> None:
    zhang, other, third = people["zhang"], people["lapsed"], people["suspended"]
    _in_city(owner_ctx, [zhang, other], "杭州")
    need = create_item(desk_ctx, ItemInput("need", zhang, "tea", tags=("tea",)))
    near = create_item(desk_ctx, ItemInput("offer", other, "tea", tags=("tea",)))
    far = create_item(desk_ctx, ItemInput("offer", third, "tea", tags=("tea",)))
    for _ in range(3):
        record_visit(desk_ctx, third)
    scores = {m.id: m for m in suggest_for_need(desk_ctx, need.id)}
    assert scores[near.id].score == 3 + 1 + 1.5
    assert scores[far.id].score == 3 + 1 + 0.3
    assert "same city: 杭州 (+1.5)" in [r.render("en") for r in scores[near.id].reasons]
    assert "3 visits in the last 90 days (+0.3)" in [r.render("en") for r in scores[far.id].reasons]


def test_nothing_in_common_is_no_match_and_the_wrong_side_is_not_found(
        desk_ctx: Context, people: dict[str, int]) -> None:
    need = create_item(desk_ctx, ItemInput("need", people["zhang"], "找钓鱼教练"))
    offer = create_item(desk_ctx, ItemInput("offer", people["lapsed"], "Piano lessons"))
    assert suggest_for_need(desk_ctx, need.id) == []
    with pytest.raises(NotFound):
        suggest_for_need(desk_ctx, offer.id)
    with pytest.raises(NotFound):
        suggest_for_offer(desk_ctx, need.id)
