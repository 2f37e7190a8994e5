"""Circle benchmark (issue 6): suggestions for one need among 2,000 open offers and needs.

The items are inserted directly (making them one by one through the service is not what is
measured), on members of the generated database, with tags and titles drawn from short lists
of the kind a lodge's desk would type, in Chinese and English, so words and tags overlap as
they would.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select

from bench.framework import Operation, World, benchmark, fill
from desktop.circle.matching import suggest_for_need
from desktop.models import Member
from desktop.models.circle import CircleItem, circle_item_tag
from desktop.models.members import Tag

ITEMS = 2_000
TAGS = ("tea", "有机", "礼品", "fishing", "钓具", "法律咨询", "财务", "design", "photography",
        "果园", "民宿", "餐饮", "IT", "教育", "健康", "投资", "books", "读书会", "wine", "travel")
TITLES = ("找有机茶叶供应商", "提供企业法律咨询", "自家果园直供水果", "寻找摄影师拍年会",
          "Looking for a web designer", "Offering tax advice", "民宿合作推广", "钓具批发渠道",
          "读书会场地与嘉宾", "健康管理讲座", "投资项目对接", "儿童教育课程",
          "wine tasting partner", "team travel planning", "餐饮供应链合作", "办公室绿植租摆")


@fill(order=60)
def open_circle_items(world: World) -> None:
    rng = random.Random(6)
    now = world.clock.now()
    with world.database.transaction() as session:
        members = list(session.scalars(select(Member.id).order_by(Member.id).limit(20_000)))
        tag_ids = []
        for name in TAGS:
            tag_id = session.scalar(select(Tag.id).where(Tag.key == name.casefold()))
            if tag_id is None:
                tag = Tag(name=name, key=name.casefold())
                session.add(tag)
                session.flush()
                tag_id = tag.id
            tag_ids.append(tag_id)
        rows = [{"side": "offer" if i % 2 else "need", "member_id": rng.choice(members),
                 "title": rng.choice(TITLES), "description": rng.choice(TITLES),
                 "status": "open",
                 "opened_on": (now - dt.timedelta(days=rng.randint(0, 300))).date(),
                 "created_by": "bench", "created_at": now} for i in range(ITEMS)]
        session.execute(insert(CircleItem), rows)
        ids = list(session.scalars(select(CircleItem.id)))
        links = {(item, tag) for item in ids for tag in rng.sample(tag_ids, 3)}
        session.execute(insert(circle_item_tag),
                        [{"item_id": item, "tag_id": tag} for item, tag in links])
    world.counts["open offers and needs"] = ITEMS


@benchmark("circle: suggestions for one need among 2,000 open items", target_ms=100,
           repeats=20)
def suggestions_for_a_need(world: World) -> Operation:
    desk = world.ctx("desk")
    with world.database.transaction(write=False) as session:
        need = session.scalar(select(CircleItem.id).where(CircleItem.side == "need")
                              .order_by(CircleItem.id))
    assert need is not None

    def run() -> object:
        return suggest_for_need(desk, need)

    return run
