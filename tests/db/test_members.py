"""Members: search keys, validation, duplicates, tags, referrals, status and renewal rules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import DomainError, PermissionDenied
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.members.status import PeriodSpan, Status, StatusRules, member_status
from desktop.models import Role
from desktop.services import Actor, Context


@pytest.fixture
def plan_id(owner_ctx: Context) -> int:
    return mm.create_plan(owner_ctx, mm.PlanInput("Annual 年卡", "1980", 12, is_default=True))


def names(rows: list[ms.MemberRow]) -> list[str]:
    return [row.name for row in rows]


def search(ctx: Context, text: str = "", **kwargs: object) -> list[str]:
    return names(ms.search_members(ctx, ms.MemberQuery(text=text, **kwargs)))  # type: ignore[arg-type]


@pytest.mark.parametrize("phone", ["138-0013-8000", "+86 138 0013 8000", "(+86)13800138000",
                                   "13800138000", "＋８６ １３８００１３８０００"])
def test_every_way_of_writing_a_phone_is_one_number(desk_ctx: Context, phone: str) -> None:
    row = ms.create_member(desk_ctx, ms.MemberInput("张三", phone=phone))
    assert ms.get_member(desk_ctx, row.id).row.phone == "138 0013 8000"
    with pytest.raises(ms.DuplicateFound):
        ms.create_member(desk_ctx, ms.MemberInput("李四", phone="13800138000"))


@pytest.mark.parametrize("phone", ["12345", "1380013800", "phone", "+86 999 0000 0000"])
def test_invalid_phones_are_refused_at_the_field(desk_ctx: Context, phone: str) -> None:
    with pytest.raises(DomainError) as error:
        ms.create_member(desk_ctx, ms.MemberInput("张三", phone=phone))
    assert error.value.field == "phone"
    assert ms.count_members(desk_ctx, ms.MemberQuery(include_archived=True)) == 0


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_a_member_needs_a_name(desk_ctx: Context, name: str) -> None:
    with pytest.raises(DomainError) as error:
        ms.create_member(desk_ctx, ms.MemberInput(name))
    assert error.value.field == "name"
    assert "name" in error.value.render("en")
    assert error.value.render("zh_CN") != error.value.render("en")


@pytest.mark.parametrize("email", ["zhang.example.com", "@example.com", "zhang@", "a b@c.com"])
def test_emails_without_an_at_or_domain_are_refused(desk_ctx: Context, email: str) -> None:
    with pytest.raises(DomainError) as error:
        ms.create_member(desk_ctx, ms.MemberInput("张三", email=email))
    assert error.value.field == "email"


def test_search_finds_by_name_pinyin_initials_number_phone_company_and_tag(
    desk_ctx: Context,
) -> None:
    zhang = ms.create_member(desk_ctx, ms.MemberInput(
        "张三", phone="13800138000", company="松山茶业", tags=["茶艺"]))
    ms.create_member(desk_ctx, ms.MemberInput("Alice Wu", phone="13912345678", company="Acme",
                                              tags=["Fishing"]))
    ms.create_member(desk_ctx, ms.MemberInput("曾国华", phone="13700001111"))
    assert search(desk_ctx, "zs") == ["张三"]
    assert search(desk_ctx, "zhangsan") == ["张三"]
    assert search(desk_ctx, "zhang san") == ["张三"]
    assert search(desk_ctx, "张") == ["张三"]
    assert search(desk_ctx, zhang.number.lower()) == ["张三"]
    assert search(desk_ctx, "0013") == ["张三"]
    assert search(desk_ctx, "138-0013") == ["张三"]
    assert search(desk_ctx, "茶业") == ["张三"]
    assert search(desk_ctx, "茶艺") == ["张三"]
    assert search(desk_ctx, "fishing") == ["Alice Wu"]
    assert search(desk_ctx, "alicewu") == ["Alice Wu"]
    assert search(desk_ctx, "zeng") == ["曾国华"]  # the surname reading of 曾
    assert search(desk_ctx, "100%") == []
    assert search(desk_ctx, "") == ["Alice Wu", "曾国华", "张三"]  # by pinyin: a, c/zeng, z


def test_chinese_names_sort_by_pinyin_among_english_names(desk_ctx: Context) -> None:
    for name in ["王伟", "Bob Li", "安娜", "Zoe Xu", "张三"]:
        ms.create_member(desk_ctx, ms.MemberInput(name))
    assert search(desk_ctx) == ["安娜", "Bob Li", "王伟", "张三", "Zoe Xu"]
    assert search(desk_ctx, sort="name", descending=True) == ["Zoe Xu", "张三", "王伟", "Bob Li",
                                                              "安娜"]


def test_paging_returns_each_member_once(desk_ctx: Context) -> None:
    for i in range(25):
        ms.create_member(desk_ctx, ms.MemberInput(f"Member {i:02d}"))
    pages = [ms.search_members(desk_ctx, ms.MemberQuery(), offset=o, limit=10) for o in (0, 10, 20)]
    seen = [row.name for page in pages for row in page]
    assert len(seen) == 25 == len(set(seen))
    assert ms.count_members(desk_ctx, ms.MemberQuery()) == 25


def test_member_numbers_are_unique_and_generated(desk_ctx: Context) -> None:
    numbers = [ms.create_member(desk_ctx, ms.MemberInput(f"M {i}")).number for i in range(3)]
    assert numbers == ["M00001", "M00002", "M00003"]
    assert ms.find_by_number(desk_ctx, "m00002") is not None
    assert ms.find_by_number(desk_ctx, "M99999") is None


def test_tags_differing_in_case_or_width_are_one_tag(desk_ctx: Context) -> None:
    ms.create_member(desk_ctx, ms.MemberInput("A", tags=["Tea", "tea", "ＴＥＡ"]))
    ms.create_member(desk_ctx, ms.MemberInput("B", tags=["TEA"]))
    assert [(name, count) for _id, name, count in ms.list_tags(desk_ctx)] == [("Tea", 2)]


def test_duplicate_name_and_company_warns_and_can_be_confirmed(desk_ctx: Context) -> None:
    ms.create_member(desk_ctx, ms.MemberInput("王伟", company="松山茶业"))
    with pytest.raises(ms.DuplicateFound) as error:
        ms.create_member(desk_ctx, ms.MemberInput("王伟", company="松山茶业"))
    assert error.value.hits[0].reason == "name_company"
    ms.create_member(desk_ctx, ms.MemberInput("王伟", company="松山茶业"), allow_duplicates=True)
    assert search(desk_ctx, "王伟") == ["王伟", "王伟"]


def test_archived_member_with_the_phone_is_offered_for_reactivation(desk_ctx: Context) -> None:
    old = ms.create_member(desk_ctx, ms.MemberInput("周敏", phone="13912345678"))
    ms.set_archived(desk_ctx, old.id, True)
    assert search(desk_ctx, "周敏") == []
    assert search(desk_ctx, "周敏", include_archived=True) == ["周敏"]
    with pytest.raises(ms.DuplicateFound) as error:
        ms.create_member(desk_ctx, ms.MemberInput("Zhou Min", phone="+86 139 1234 5678"))
    hit = error.value.hits[0]
    assert (hit.member.id, hit.archived) == (old.id, True)
    ms.set_archived(desk_ctx, hit.member.id, False)
    assert search(desk_ctx, "周敏") == ["周敏"]


def test_referrals_are_shown_both_ways_and_self_referral_is_refused(desk_ctx: Context) -> None:
    zhang = ms.create_member(desk_ctx, ms.MemberInput("张建华"))
    zhou = ms.create_member(desk_ctx, ms.MemberInput("周敏", referred_by_id=zhang.id))
    assert ms.get_member(desk_ctx, zhou.id).referred_by.name == "张建华"  # type: ignore[union-attr]
    assert [r.name for r in ms.get_member(desk_ctx, zhang.id).referrals] == ["周敏"]
    with pytest.raises(DomainError) as error:
        ms.update_member(desk_ctx, zhang.id, ms.MemberInput("张建华", referred_by_id=zhang.id))
    assert error.value.field == "referred_by"


def test_join_records_member_period_and_payment_in_one_action(
    desk_ctx: Context, plan_id: int,
) -> None:
    row = mm.join_member(desk_ctx, ms.MemberInput("周敏", phone="13912345678"), plan_id,
                         mm.PaymentInput(method="wechat", receipt_no="WX-001"))
    assert row.status is Status.NEW
    assert row.ends_on == dt.date(2027, 11, 25)
    detail = ms.get_member(desk_ctx, row.id)
    assert detail.periods[0].payments == ()  # the desk does not see payments


def test_a_failed_join_writes_nothing(desk_ctx: Context, plan_id: int) -> None:
    with pytest.raises(DomainError):
        mm.join_member(desk_ctx, ms.MemberInput("周敏"), plan_id,
                       mm.PaymentInput(method="bitcoin"))
    assert ms.count_members(desk_ctx, ms.MemberQuery(include_archived=True)) == 0


def test_renewal_extends_from_the_old_end_and_lapsed_restarts_with_a_gap(
    owner_ctx: Context, plan_id: int,
) -> None:
    clock = owner_ctx.clock
    member = ms.create_member(owner_ctx, ms.MemberInput("张三"))
    mm.record_membership(owner_ctx, member.id, plan_id, starts_on=dt.date(2025, 12, 1))
    # Active, ends 2026-11-30: renewing continues on 2026-12-01.
    renewed = mm.record_membership(owner_ctx, member.id, plan_id)
    assert (renewed.starts_on, renewed.ends_on) == (dt.date(2026, 12, 1), dt.date(2027, 11, 30))
    # In grace (ended 20 days ago): still continues from the end.
    clock.set(dt.datetime(2027, 12, 20, 10))  # type: ignore[attr-defined]
    assert ms.get_member(owner_ctx, member.id).row.status is Status.GRACE
    grace = mm.record_membership(owner_ctx, member.id, plan_id)
    assert grace.starts_on == dt.date(2027, 12, 1) and grace.gap_before_days == 0
    # Lapsed: starts on the renewal date, and the gap shows.
    clock.set(dt.datetime(2029, 3, 1, 10))  # type: ignore[attr-defined]
    assert ms.get_member(owner_ctx, member.id).row.status is Status.LAPSED
    restart = mm.record_membership(owner_ctx, member.id, plan_id)
    assert restart.starts_on == dt.date(2029, 3, 1)
    assert restart.gap_before_days == (dt.date(2029, 3, 1) - dt.date(2028, 11, 30)).days - 1
    assert len(restart.payments) == 1  # the owner sees payments


def test_voiding_a_payment_voids_its_period_and_the_status_follows(
    owner_ctx: Context, plan_id: int,
) -> None:
    member = ms.create_member(owner_ctx, ms.MemberInput("张三"))
    period = mm.record_membership(owner_ctx, member.id, plan_id)
    with pytest.raises(DomainError):
        mm.void_payment(owner_ctx, period.payments[0].id, " ")
    mm.void_payment(owner_ctx, period.payments[0].id, "paid twice")
    assert ms.get_member(owner_ctx, member.id).row.status is Status.LAPSED


def test_the_desk_may_not_void_payments_or_change_plans(desk_ctx: Context, plan_id: int) -> None:
    with pytest.raises(PermissionDenied):
        mm.create_plan(desk_ctx, mm.PlanInput("Cheap", "1", 1))
    with pytest.raises(PermissionDenied):
        mm.void_payment(desk_ctx, 1, "x")


@pytest.mark.parametrize("fee,months,field", [("-1", 12, "fee"), ("abc", 12, "fee"),
                                              ("100", 0, "duration_months")])
def test_plan_validation(owner_ctx: Context, fee: str, months: int, field: str) -> None:
    with pytest.raises(DomainError) as error:
        mm.create_plan(owner_ctx, mm.PlanInput("Bad", fee, months))
    assert error.value.field == field


def test_suspension_overrides_and_lifts(owner_ctx: Context, plan_id: int) -> None:
    member = ms.create_member(owner_ctx, ms.MemberInput("张三"))
    mm.record_membership(owner_ctx, member.id, plan_id)
    with pytest.raises(DomainError):
        ms.suspend_member(owner_ctx, member.id, "rude", until=dt.date(2026, 1, 1))
    ms.suspend_member(owner_ctx, member.id, "unpaid damage", until=dt.date(2026, 12, 31))
    assert ms.get_member(owner_ctx, member.id).row.status is Status.SUSPENDED
    assert search(owner_ctx, status=Status.SUSPENDED) == ["张三"]
    ms.lift_suspension(owner_ctx, member.id)
    assert ms.get_member(owner_ctx, member.id).row.status is Status.NEW


def test_filters_by_plan_and_tag(owner_ctx: Context, plan_id: int) -> None:
    other = mm.create_plan(owner_ctx, mm.PlanInput("Monthly", "200", 1))
    a = ms.create_member(owner_ctx, ms.MemberInput("A", tags=["茶艺"]))
    b = ms.create_member(owner_ctx, ms.MemberInput("B"))
    mm.record_membership(owner_ctx, a.id, plan_id)
    mm.record_membership(owner_ctx, b.id, other)
    tag_id = ms.list_tags(owner_ctx)[0][0]
    assert search(owner_ctx, plan_id=plan_id) == ["A"]
    assert search(owner_ctx, plan_id=other) == ["B"]
    assert search(owner_ctx, tag_id=tag_id) == ["A"]


def test_member_writes_are_audited(desk_ctx: Context) -> None:
    from desktop.audit import browse

    row = ms.create_member(desk_ctx, ms.MemberInput("张三", phone="13800138000"))
    ms.update_member(desk_ctx, row.id, ms.MemberInput("张三丰", phone="13800138000"))
    owner = desk_ctx.as_actor(Actor(1, "owner", "Owner", Role.OWNER))
    entries = browse.find_entries(owner, browse.AuditFilter(entity="member"))
    update = next(e for e in entries if e.action == "update")
    assert update.staff == "desk"
    assert update.before and update.before["name"] == "张三"
    assert update.after and update.after["name"] == "张三丰"


# ------------------------------------------------------------ status rules

RULES = StatusRules(new_days=30, expiring_days=30, grace_days=30)
TODAY = dt.date(2026, 11, 26)

spans = st.lists(
    st.tuples(st.integers(-800, 400), st.integers(0, 400)).map(
        lambda t: PeriodSpan(TODAY + dt.timedelta(days=t[0]),
                             TODAY + dt.timedelta(days=t[0] + t[1]))),
    max_size=3,
)


def test_status_rules_at_their_boundaries() -> None:
    def at(start: int, end: int) -> Status:
        return member_status([PeriodSpan(TODAY + dt.timedelta(days=start),
                                         TODAY + dt.timedelta(days=end))], TODAY, RULES)

    assert at(-29, 300) is Status.NEW
    assert at(-30, 300) is Status.ACTIVE
    assert at(-100, 29) is Status.EXPIRING
    assert at(-100, 30) is Status.ACTIVE
    assert at(-400, -30) is Status.GRACE
    assert at(-400, -31) is Status.LAPSED
    assert at(5, 300) is Status.NEW
    assert member_status([], TODAY, RULES) is Status.LAPSED
    assert member_status([], TODAY, RULES, suspended_from=TODAY) is Status.SUSPENDED
    assert member_status([], TODAY, RULES, suspended_from=TODAY - dt.timedelta(days=9),
                         suspended_until=TODAY - dt.timedelta(days=1)) is Status.LAPSED


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # one member, reset
@given(periods=spans)
def test_the_sql_status_filter_agrees_with_the_rules(
    owner_ctx: Context, periods: list[PeriodSpan], plan_id: int,
) -> None:
    """Whatever the periods, exactly one status filter finds the member: the computed one."""
    from desktop.models.members import Member, MembershipPeriod

    with owner_ctx.transaction() as tx:
        member = tx.session.get(Member, _scratch_member(owner_ctx))
        assert member is not None
        member.periods.clear()
        tx.session.flush()
        for span in periods:
            member.periods.append(MembershipPeriod(
                plan_id=plan_id, starts_on=span.starts_on, ends_on=span.ends_on, voided=False,
                created_at=dt.datetime(2026, 1, 1)))
    owner_ctx.clock.set(dt.datetime.combine(TODAY, dt.time(9)))  # type: ignore[attr-defined]
    expected = member_status(periods, TODAY, RULES)
    found = [s for s in Status if search(owner_ctx, "scratch", status=s)]
    assert found == [expected]


def _scratch_member(ctx: Context) -> int:
    rows = ms.search_members(ctx, ms.MemberQuery(text="scratch"))
    if rows:
        return rows[0].id
    return ms.create_member(ctx, ms.MemberInput("Scratch")).id
