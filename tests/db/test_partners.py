"""Partners as the owner keeps them and the desk uses them (issue 6, point 1 and its bad input)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from desktop.errors import DomainError, NotFound, PermissionDenied
from desktop.i18n import render_kept
from desktop.partners.service import (
    PartnerInput,
    create_partner,
    get_partner,
    list_benefit_uses,
    log_benefit_use,
    search_partners,
    update_partner,
)
from desktop.services import Context
from tests.helpers.booking_race import make_members

TODAY = dt.date(2026, 11, 26)  # the test clock's day


def tea_house(**changes: Any) -> PartnerInput:
    base = PartnerInput(name="明前茶舍", category="tea", contact_person="周老板",
                        phone="138 0013 8000", city="杭州", benefit="会员九折",
                        agreement_starts=dt.date(2026, 1, 1), agreement_ends=dt.date(2026, 12, 31),
                        tier="金牌赞助")
    return dataclasses.replace(base, **changes)


def test_the_owner_creates_a_partner_and_the_desk_finds_it(owner_ctx: Context,
                                                           desk_ctx: Context) -> None:
    made = create_partner(owner_ctx, tea_house())
    assert made.phone == "138 0013 8000" and made.expiring and not made.agreement_ended
    farm = create_partner(owner_ctx, PartnerInput(name="Green Valley Farm",
                                                  category="farm_orchard", city="Anji"))
    assert not farm.expiring
    for query in ("明前", "mingqian", "mqcs", "13800138000", "周老板", "杭州"):
        assert [p.id for p in search_partners(desk_ctx, query)] == [made.id], query
    assert [p.id for p in search_partners(desk_ctx, category="farm_orchard")] == [farm.id]
    assert [p.id for p in search_partners(desk_ctx, expiring_only=True)] == [made.id]
    # pinyin order of the names: Green (g) before 明 (ming)
    assert [p.name for p in search_partners(desk_ctx)] == ["Green Valley Farm", "明前茶舍"]


def test_only_the_owner_creates_or_edits_partners(owner_ctx: Context, desk_ctx: Context) -> None:
    with pytest.raises(PermissionDenied):
        create_partner(desk_ctx, tea_house())
    made = create_partner(owner_ctx, tea_house())
    with pytest.raises(PermissionDenied):
        update_partner(desk_ctx, made.id, tea_house(tier="银牌"))
    assert update_partner(owner_ctx, made.id, tea_house(tier="银牌")).tier == "银牌"


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": "   "}, "name"),
    ({"category": "bank"}, "category"),
    ({"agreement_starts": dt.date(2026, 6, 1), "agreement_ends": dt.date(2026, 5, 31)},
     "agreement_ends"),
    ({"phone": "12345"}, "phone"),
])
def test_bad_partner_fields_are_refused_at_their_field(owner_ctx: Context, changes: dict,
                                                        field: str) -> None:
    with pytest.raises(DomainError) as refused:
        create_partner(owner_ctx, tea_house(**changes))
    assert refused.value.field == field
    assert search_partners(owner_ctx, active_only=False) == []


def test_a_second_partner_of_the_same_name_is_refused(owner_ctx: Context) -> None:
    create_partner(owner_ctx, tea_house(name="Lakeside Inn", category="lodging"))
    with pytest.raises(DomainError, match="already exists") as refused:
        create_partner(owner_ctx, tea_house(name="lakeside inn", category="lodging"))
    assert refused.value.field == "name"


def test_benefit_uses_are_logged_and_counted_on_the_partner(owner_ctx: Context,
                                                            desk_ctx: Context) -> None:
    members = make_members(owner_ctx)
    tea = create_partner(owner_ctx, tea_house())
    first = log_benefit_use(desk_ctx, tea.id, members["zhang"], value="38.5", note="两盒龙井")
    assert first.warnings == () and first.use.value == Decimal("38.50")
    log_benefit_use(desk_ctx, tea.id, members["zhang"], used_on=dt.date(2026, 11, 20))
    log_benefit_use(desk_ctx, tea.id, members["lapsed"])
    seen = get_partner(desk_ctx, tea.id)
    assert (seen.uses, seen.members_served, seen.last_used) == (3, 2, TODAY)
    assert [u.used_on for u in list_benefit_uses(desk_ctx, partner_id=tea.id)] == [
        TODAY, TODAY, dt.date(2026, 11, 20)]
    assert len(list_benefit_uses(desk_ctx, member_id=members["zhang"])) == 2


def test_a_use_after_the_agreement_ended_is_recorded_with_a_warning(owner_ctx: Context,
                                                                   desk_ctx: Context) -> None:
    members = make_members(owner_ctx)
    ended = create_partner(owner_ctx, tea_house(agreement_ends=dt.date(2026, 10, 31)))
    assert ended.agreement_ended and not ended.expiring
    result = log_benefit_use(desk_ctx, ended.id, members["zhang"])
    assert "agreement ended on 2026-10-31" in result.warnings[0].render("en")
    # The kept warning is read later in the reader's language, not the desk's.
    kept = list_benefit_uses(owner_ctx, partner_id=ended.id)[0].warning_note
    assert render_kept(kept, "en") == "明前茶舍's agreement ended on 2026-10-31."
    assert render_kept(kept, "zh_CN") == "明前茶舍的协议已于 2026-10-31 结束。"
    inactive = create_partner(owner_ctx, tea_house(name="旧渔具店", category="fishing_gear",
                                                   active=False, agreement_ends=None))
    assert "no longer an active partner" in log_benefit_use(
        desk_ctx, inactive.id, members["zhang"]).warnings[0].render("en")
    assert len(list_benefit_uses(desk_ctx)) == 2
    # The desk can list just the partners no longer active.
    assert [p.id for p in search_partners(desk_ctx, active_only=False, inactive_only=True)] == [
        inactive.id]


def test_bad_benefit_uses_are_refused(owner_ctx: Context, desk_ctx: Context) -> None:
    members = make_members(owner_ctx)
    tea = create_partner(owner_ctx, tea_house())
    with pytest.raises(DomainError) as negative:
        log_benefit_use(desk_ctx, tea.id, members["zhang"], value="-5")
    assert negative.value.field == "value"
    with pytest.raises(DomainError):
        log_benefit_use(desk_ctx, tea.id, members["zhang"], value="lots")
    with pytest.raises(NotFound):
        log_benefit_use(desk_ctx, tea.id, 999_999)
    with pytest.raises(NotFound):
        log_benefit_use(desk_ctx, 999_999, members["zhang"])
    assert list_benefit_uses(desk_ctx) == []
