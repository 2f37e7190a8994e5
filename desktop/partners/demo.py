"""Demo partners around Hangzhou, their members' benefit uses, and the events they back.

Six partners, one of each kind the issue names (a tea house, a farm and orchard, a
restaurant, a fishing-gear shop, a guesthouse, a reading-club franchise), each with its tier
and benefit; one agreement ends within 60 days of today (flagged), one has ended (and a member
used the benefit after it ended: recorded with a warning), one partner is no longer active.
Uses are logged with the clock at the day they happened, as the desk logged them, so every
rule holds.  A tea tasting is sponsored by the tea house; the farm co-hosts the organic-tea
talk.  Made through the partner and sponsor services; deterministic (no randomness).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from desktop.clock import FixedClock
from desktop.events.service import list_events
from desktop.i18n import Message, msg
from desktop.members import service as ms
from desktop.members.status import MAY_BOOK
from desktop.partners.service import PartnerInput, create_partner, log_benefit_use, update_partner
from desktop.partners.sponsors import set_event_partners
from desktop.permissions import Permission
from desktop.services import Tx, service

TEA_HOUSE = "龙井山房茶馆"
FARM = "翠谷生态农场"
RESTAURANT = "知味楼私房菜"
FISHING = "渔乐户外钓具"
GUESTHOUSE = "云栖山舍民宿"
READING = "悦享读书会（西溪加盟店）"


def _partners(today: dt.date) -> list[PartnerInput]:
    """The six partners, their agreements dated from ``today``."""
    day = dt.timedelta(days=1)
    return [
        PartnerInput(TEA_HOUSE, "tea", contact_person="周文涛", phone="0571-87961234",
                     address="杭州市西湖区龙井路 128 号", city="杭州",
                     benefit="会员茶饮 9折；每月一次免费包厢两小时",
                     agreement_starts=today - 300 * day, agreement_ends=today + 430 * day,
                     tier="金牌赞助", notes="冬茶品鉴会的赞助方；包厢需提前一天预约"),
        PartnerInput(FARM, "farm_orchard", contact_person="沈国平", phone="13857112233",
                     address="杭州市余杭区径山镇翠谷村 6 组", city="杭州",
                     benefit="采摘门票免费，果蔬 95折", agreement_starts=today - 330 * day,
                     agreement_ends=today + 35 * day, tier="银牌",
                     notes="协议即将到期，庄主愿意续约，待谈价格"),
        PartnerInput(RESTAURANT, "restaurant", contact_person="何美玲", phone="0571-87085566",
                     address="杭州市上城区南山路 210 号", city="杭州",
                     benefit="堂食 8.8折（酒水除外）；会员生日送长寿面",
                     agreement_starts=today - 200 * day, agreement_ends=today + 530 * day,
                     tier="金牌赞助"),
        PartnerInput(FISHING, "fishing_gear", contact_person="吴海峰", phone="13705716688",
                     address="杭州市拱墅区大关路 56 号", city="杭州",
                     benefit="钓具 85折，免费修竿", agreement_starts=today - 390 * day,
                     agreement_ends=today - 25 * day, tier="合作商户",
                     notes="协议已到期，续约在谈"),
        PartnerInput(GUESTHOUSE, "lodging", contact_person="林晓", phone="13906523344",
                     address="杭州市西湖区云栖竹径 18 号", city="杭州",
                     benefit="周日至周四住宿 8折，含早餐", agreement_starts=today - 250 * day,
                     agreement_ends=today + 115 * day, tier="合作商户"),
        PartnerInput(READING, "reading_club", contact_person="陶然", phone="13588001122",
                     address="杭州市西湖区文二西路 551 号西溪印象城 3 楼", city="杭州",
                     benefit="年卡 7折；每月一场共读活动会员免费",
                     agreement_starts=today - 120 * day, agreement_ends=today + 610 * day,
                     tier="品牌合作"),
    ]


# (partner, which member, days ago, value): what the desk logged over the last months.
USES: tuple[tuple[str, int, int, str | None], ...] = (
    (TEA_HOUSE, 0, 118, "168"), (TEA_HOUSE, 1, 96, None), (TEA_HOUSE, 2, 75, "96"),
    (TEA_HOUSE, 0, 52, "240"), (TEA_HOUSE, 3, 33, None), (TEA_HOUSE, 4, 12, "128"),
    (TEA_HOUSE, 5, 3, "88"),
    (FARM, 6, 80, "120"), (FARM, 7, 61, None), (FARM, 2, 40, "65"), (FARM, 8, 9, "210"),
    (RESTAURANT, 9, 70, "860"), (RESTAURANT, 3, 44, "1280"), (RESTAURANT, 10, 20, "520"),
    (RESTAURANT, 11, 6, None),
    (FISHING, 12, 101, "340"), (FISHING, 13, 66, "95"), (FISHING, 14, 38, None),
    (FISHING, 12, 19, "180"),  # after the agreement ended: recorded with a warning
    (GUESTHOUSE, 15, 90, "780"), (GUESTHOUSE, 16, 58, "460"),
    (READING, 1, 85, "699"), (READING, 17, 47, None), (READING, 18, 27, "699"),
    (READING, 19, 4, None),
)


def _as_of(tx: Tx, day: dt.date, hour: int = 15) -> Tx:
    """The same transaction with the clock on ``day``: what the desk did back then."""
    moment = dt.datetime.combine(day, dt.time(hour))
    return Tx(replace(tx.ctx, clock=FixedClock(moment)), tx.session)


def _members(tx: Tx) -> list[int]:
    """Members in good standing, in member-number order (the same every demo)."""
    rows = [row for row in ms.search_members(tx, ms.MemberQuery(), limit=300)
            if row.status in MAY_BOOK]
    return [row.id for row in sorted(rows, key=lambda row: row.number)]


def _sponsor(tx: Tx, partners: dict[str, int]) -> int:
    """The tea house sponsors the next tea tasting, the farm co-hosts the organic-tea talk,
    the reading club franchise co-hosts the next reading club; returns how many events."""
    now = tx.clock.now()
    wanted = (("tea_tasting", [(partners[TEA_HOUSE], "sponsor")]),
              ("talk", [(partners[FARM], "co_host"), (partners[RESTAURANT], "sponsor")]),
              ("reading_club", [(partners[READING], "co_host")]))
    done = 0
    upcoming = [e for e in list_events(tx, now.date()) if e.starts > now
                and e.status == "scheduled"]
    for kind, pairs in wanted:
        found = [e for e in upcoming if e.kind == kind]
        if found:
            set_event_partners(tx, found[0].id, pairs)
            done += 1
    return done


@service(Permission.ADMINISTER)  # the demo owner fills the demo venue
def add_demo_partners(tx: Tx) -> list[Message]:
    """The demo partners, their benefit uses and sponsored events, in one transaction."""
    today = tx.clock.now().date()
    inputs = _partners(today)
    partners: dict[str, int] = {}
    for data in inputs:
        made_on = data.agreement_starts or today
        partners[data.name] = create_partner(_as_of(tx, made_on, 11), data).id
    members = _members(tx)
    warnings = 0
    for name, who, days_ago, value in USES:
        day = today - dt.timedelta(days=days_ago)
        result = log_benefit_use(_as_of(tx, day), partners[name], members[who * 7 % len(members)],
                                 used_on=day, value=value)
        warnings += bool(result.warnings)
    # The guesthouse stopped taking members last month (it is being renovated).
    guesthouse = next(data for data in inputs if data.name == GUESTHOUSE)
    update_partner(_as_of(tx, today - dt.timedelta(days=30)), partners[GUESTHOUSE],
                   replace(guesthouse, active=False, notes="装修停业，暂停合作"))
    events = _sponsor(tx, partners)
    return [msg("{partners} partners, {uses} benefit uses ({warnings} after an agreement "
                "ended), {events} events with a sponsor or co-host", partners=len(partners),
                uses=len(USES), warnings=warnings, events=events)]
