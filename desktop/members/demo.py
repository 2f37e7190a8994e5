"""Demo members: about 300 people, Chinese and English names, plans, tags, referrals, and the
people the week's stories (SCENARIOS.md) talk about.  Made through the members services."""

from __future__ import annotations

import datetime as dt
import random

from desktop.errors import DomainError
from desktop.members import keys
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.permissions import Permission
from desktop.services import Tx, service

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
    "于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏晓文斌婷雪梅"
    "琳晨欣怡浩宇子涵思远一鸣佳俊嘉"
)
ENGLISH = ["Anna Schmidt", "David Miller", "Emily Clarke", "James Walker", "Sophie Martin",
           "Lucas Brown", "Olivia Chen", "Michael Tan", "Grace Liu", "Daniel Wong", "Hannah Lee",
           "Peter Novak", "Laura Rossi", "Ben Carter", "Mia Johansson", "Tom Becker"]
COMPANIES = ["松山茶业", "绿野农场", "湖畔律师事务所", "云栖科技", "江南设计工作室", "德和医药",
             "明远教育", "山水餐饮", "钱塘投资", "西溪建筑", "Lakeside Capital",
             "Northwind Trading", "翠谷果园", "悦读书房", "渔乐户外", "和光健康"]
TITLES = ["总经理", "创始人", "合伙人", "主任", "工程师", "设计师", "医生", "教师", "律师",
          "Director", "Manager", "退休", "顾问"]
CITIES = ["杭州", "杭州", "杭州", "上海", "苏州", "宁波", "绍兴", "北京", "南京"]
TAGS = ["茶艺", "钓鱼", "读书", "桌游", "农业", "投资", "法律", "医疗", "教育", "餐饮", "设计",
        "科技", "创业者", "专家", "前运动员", "退休干部", "摄影", "书法"]
PLANS = [
    mm.PlanInput("年卡 Annual", "1980", 12, "全年使用茶室、钓台、图书馆；每月两次免费预订",
                 True, True),
    mm.PlanInput("季卡 Quarterly", "600", 3, "三个月使用公共空间", True, False),
    mm.PlanInput("月卡 Monthly", "220", 1, "一个月体验", True, False),
    mm.PlanInput("企业卡 Corporate", "6800", 12, "公司名下三人共享；会议室优先", True, False),
]

# The members SCENARIOS.md names, with what the stories need of them.
STORY_MEMBERS = [
    ms.MemberInput("张建华", phone="13805710001", company="建华茶业", title="总经理", city="杭州",
                   tags=["茶艺", "创业者"]),
    ms.MemberInput("王芳", phone="13805710002", company="悦读书房", title="店主", city="杭州",
                   tags=["读书"]),
    ms.MemberInput("陈明", phone="13805710003", company="云栖科技", title="工程师", city="杭州",
                   tags=["科技", "桌游"]),
    ms.MemberInput("钱伟", phone="13805710004", company="山水餐饮", title="创始人", city="杭州",
                   tags=["餐饮", "创业者"], notes="在找有机茶供应商"),
    ms.MemberInput("林静", phone="13805710005", company="翠谷茶园", title="庄主", city="杭州",
                   tags=["茶艺", "农业"], notes="自家有机茶园"),
]


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        number = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        if number in used or number.startswith("1380571000"):
            continue
        try:
            keys.canonical_phone(number)
        except DomainError:
            continue
        used.add(number)
        return number


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name


@service(Permission.ADMINISTER)  # the demo owner fills the demo venue
def add_demo_members(tx: Tx, count: int = 300, seed: int = 7) -> None:
    """Members with histories ending in every status, in one transaction."""
    rng = random.Random(seed)
    today = tx.clock.now().date()
    plan_ids = [mm.create_plan(tx, plan) for plan in PLANS]
    weights = [60, 15, 10, 15]
    used_phones: set[str] = set()
    used_names: set[str] = {m.name for m in STORY_MEMBERS}
    people: list[ms.MemberInput] = list(STORY_MEMBERS)
    for i in range(count - len(STORY_MEMBERS) - 1):
        english = i % 12 == 5 and i // 12 < len(ENGLISH)
        name = ENGLISH[i // 12] if english else _name(
            rng, used_names)
        people.append(ms.MemberInput(
            name,
            phone=_phone(rng, used_phones),
            email=f"m{i:03d}@example.com" if rng.random() < 0.4 else None,
            wechat=f"wx_{i:03d}" if rng.random() < 0.6 else None,
            company=rng.choice(COMPANIES) if rng.random() < 0.8 else None,
            title=rng.choice(TITLES) if rng.random() < 0.7 else None,
            city=rng.choice(CITIES),
            tags=rng.sample(TAGS, rng.choice((0, 1, 2, 2, 3))),
        ))
    ids: list[int] = []
    for index, person in enumerate(people):
        if ids and index > len(STORY_MEMBERS) and rng.random() < 0.3:
            person.referred_by_id = rng.choice(ids[: max(1, len(ids) // 2)])
        # Histories: joined between 3 years and a week ago; most renewed, some let it lapse.
        joined = today - dt.timedelta(days=rng.randrange(7, 3 * 365))
        if index < len(STORY_MEMBERS):
            joined = today - dt.timedelta(days=400 + index * 30)
        person.joined_on = joined
        row = ms.create_member(tx, person, allow_duplicates=True)
        ids.append(row.id)
        plan_index = rng.choices(range(len(plan_ids)), weights)[0]
        start = joined
        keeps_renewing = index < len(STORY_MEMBERS) or rng.random() < 0.8
        if not keeps_renewing and rng.random() < 0.4:
            # Ended a year's membership a few days to weeks ago: in grace, worth a call.
            plan_index = 0
            start = today - dt.timedelta(days=365 + rng.randrange(3, 28))
            person_joined = min(joined, start)
            if person_joined != joined:
                ms.update_member(tx, row.id, ms.MemberInput(
                    person.name, phone=person.phone, email=person.email,
                    wechat=person.wechat, company=person.company, title=person.title,
                    city=person.city, tags=person.tags, referred_by_id=person.referred_by_id,
                    joined_on=person_joined), allow_duplicates=True)
        while start <= today:
            period = mm.record_membership(
                tx, row.id, plan_ids[plan_index],
                mm.PaymentInput(method=rng.choice(list(mm.PAYMENT_METHODS)[:5]),
                                paid_on=start, receipt_no=f"R{start:%y%m%d}{row.id:04d}"),
                starts_on=start,
            )
            start = period.ends_on + dt.timedelta(days=1)
            if not keeps_renewing and rng.random() < 0.5:
                break
    # Mrs Zhou's old record (SCENARIOS 6): archived last year, her phone still on it.
    zhou = ms.create_member(tx, ms.MemberInput(
        "周敏", phone="+86 139 1234 5678", city="杭州",
        joined_on=today - dt.timedelta(days=700)))
    mm.record_membership(tx, zhou.id, plan_ids[2], mm.PaymentInput(
        method="cash", paid_on=today - dt.timedelta(days=700)),
        starts_on=today - dt.timedelta(days=700))
    ms.set_archived(tx, zhou.id, True)
    for member_id in rng.sample(ids[len(STORY_MEMBERS):], 3):
        ms.suspend_member(tx, member_id, "欠费未结清", starting=today - dt.timedelta(days=10))
