"""Demo offers, needs and introductions: what the circle is for, shown with real-looking
cases.

About a dozen needs and a dozen offers from members, in Chinese, tagged with the members' own
tags (茶艺, 钓鱼, 读书, 法律, 设计 …) so the suggested matches find each other; a few are
matched or closed.  Introductions join members to members and to partners, with every outcome
(not yet, met, working together, a deal done with its value, no fit); some older than 14 days
have no outcome yet, so the follow-up list has work on it.  Each thing is made with the clock
on the day the desk did it.  Deterministic: members are picked by their tags, in member-number
order, never at random.  Needs the demo members and partners first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from desktop.circle.service import (
    IntroductionInput,
    create_introduction,
    create_item,
    follow_ups,
    record_outcome,
    set_item_status,
)
from desktop.circle.service import ItemInput as Input
from desktop.clock import FixedClock
from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members import service as ms
from desktop.members.status import MAY_BOOK
from desktop.partners import demo as partners_demo
from desktop.partners.service import search_partners
from desktop.permissions import Permission
from desktop.services import Tx, service


@dataclass(frozen=True)
class Item:
    """One demo offer or need: ``who`` is a story member's name or a tag to pick a member by."""

    key: str
    side: str
    who: str
    title: str
    description: str
    tags: tuple[str, ...]
    days_ago: int
    status: str = "open"


ITEMS: tuple[Item, ...] = (
    # needs
    Item("tea_supply", "need", "钱伟", "寻找有机绿茶稳定供应商",
         "餐厅新菜单需要每月约 20 斤明前龙井，要求有机认证，希望长期合作。", ("茶艺", "餐饮"), 42,
         "matched"),
    Item("study_design", "need", "王芳", "书房二楼改造，求室内设计建议",
         "悦读书房想把二楼改成共读空间，预算 5 万左右，希望有做过小型商业空间的设计师指点。",
         ("设计", "读书"), 21),
    Item("labour_law", "need", "陈明", "找懂劳动合同的律师",
         "公司扩招到 30 人，想请律师审一下劳动合同和期权协议。", ("法律", "创业者"), 19),
    Item("kid_fishing", "need", "#摄影", "周末带孩子学钓鱼，求师傅",
         "孩子 10 岁，想找有耐心的会员带着学台钓，周末上午都可以。", ("钓鱼",), 9),
    Item("tea_garden_shoot", "need", "#摄影", "寻找茶园拍摄场地",
         "下月拍一组茶文化主题的照片，需要一个有采茶场景的茶园，半天即可。",
         ("摄影", "茶艺", "农业"), 26),
    Item("board_games", "need", "#桌游", "组建周六桌游局",
         "每周六下午在山庄桌游室，还缺三四位固定玩家，喜欢德式策略游戏。", ("桌游",), 5),
    Item("school_choice", "need", "#教育", "孩子升学规划咨询",
         "初二学生，想了解杭州国际学校和公办高中各自的利弊。", ("教育",), 31, "closed"),
    Item("tcm_doctor", "need", "#退休干部", "求推荐靠谱的中医",
         "家里老人长期失眠，想找一位口碑好的中医调理。", ("医疗",), 13),
    Item("gift_box", "need", "张建华", "春茶礼盒包装设计",
         "建华茶业的春茶礼盒要重新设计，希望体现西湖山水的意境，二月前定稿。", ("设计", "茶艺"), 36,
         "matched"),
    Item("farm_funding", "need", "#农业", "有机蔬菜配送项目寻求天使投资",
         "已有 200 户订户，月流水 15 万，寻求首轮 100 万投资，可到农场实地看。",
         ("投资", "农业", "创业者"), 17),
    Item("calligraphy", "need", "#退休干部", "想找书法老师学楷书",
         "退休后想系统学习楷书，每周一次即可。", ("书法",), 2),
    Item("contract_translation", "need", "#投资", "英文合同翻译与审阅",
         "和德国客户的供货合同，二十页左右，需要懂法律的会员帮忙看看。", ("法律",), 3),
    # offers
    Item("organic_tea", "offer", "林静", "有机龙井茶直供",
         "翠谷茶园自产明前龙井，有有机认证，可按月供货，会员价。", ("茶艺", "农业"), 60),
    Item("legal_hour", "offer", "#法律", "每月两次免费法律咨询",
         "执业十五年，擅长公司法、劳动法，会员可预约半小时免费咨询。", ("法律", "专家"), 46),
    Item("space_design", "offer", "#设计", "品牌与空间设计",
         "江南设计工作室，做过多家茶馆和书店的空间设计，可以先免费看场地。", ("设计",), 50),
    Item("night_fishing", "offer", "张建华", "带新手夜钓",
         "二十年钓龄，周五晚可以带两三位新手在山庄钓台夜钓，钓具可借。", ("钓鱼",), 14),
    Item("event_photos", "offer", "#摄影", "会员活动免费拍照",
         "业余摄影爱好者，愿意给山庄活动和会员拍照，只求素材授权。", ("摄影",), 23),
    Item("angel_money", "offer", "#投资", "早期项目投资与辅导",
         "钱塘投资合伙人，关注农业科技和消费，愿意听会员的项目路演。", ("投资", "创业者"), 29),
    Item("health_talk", "offer", "#医疗", "健康讲座与就医咨询",
         "三甲医院内科医生，可为会员做健康讲座，解答就医问题。", ("医疗", "专家"), 34),
    Item("reading_room", "offer", "王芳", "书房二楼场地出借",
         "悦读书房二楼可坐 20 人，工作日白天免费借给会员办小型分享会。", ("读书", "教育"), 11),
    Item("mini_program", "offer", "陈明", "小程序与网站开发",
         "云栖科技团队可为会员的小生意做微信小程序，按成本价收费。", ("科技",), 8),
    Item("calligraphy_class", "offer", "#书法", "书法入门课",
         "书法协会会员，周末可在山庄图书馆教楷书入门，免费。", ("书法",), 4),
    Item("game_collection", "offer", "#桌游", "八十多款桌游可借",
         "家里有八十多款桌游，可以带到山庄和大家一起玩。", ("桌游",), 16, "closed"),
    Item("private_dining", "offer", "钱伟", "私房菜包场优惠",
         "山水餐饮可为会员家宴、商务宴包场，8 人起，赠送茶点。", ("餐饮",), 27),
)

# (who, the other member's item or a partner's name, about which item, days ago, means,
#  outcome, days until the outcome, note, value)
Intro = tuple[str, str, str | None, int, str, str, int, str | None, str | None]
INTRODUCTIONS: tuple[Intro, ...] = (
    ("tea_supply", "organic_tea", "tea_supply", 40, "in_person", "deal_done", 12,
     "首批 20 斤明前龙井已到货，签了一年供货", "36000"),
    ("gift_box", "space_design", "gift_box", 34, "wechat", "working_together", 10,
     "礼盒设计已出第二稿", None),
    ("labour_law", "legal_hour", "labour_law", 18, "phone", "not_yet", 0, None, None),
    ("study_design", "space_design", "study_design", 20, "in_person", "met", 6,
     "已去书房看过场地，在出方案", None),
    ("kid_fishing", "night_fishing", "kid_fishing", 8, "in_person", "not_yet", 0, None, None),
    ("tea_garden_shoot", f"@{partners_demo.FARM}", "tea_garden_shoot", 24, "phone", "not_yet",
     0, None, None),
    ("farm_funding", "angel_money", "farm_funding", 15, "event", "no_fit", 5,
     "阶段太早，投资人建议半年后再聊", None),
    ("tcm_doctor", "health_talk", "tcm_doctor", 11, "phone", "met", 4, "已约好门诊时间", None),
    ("reading_room", f"@{partners_demo.READING}", "reading_room", 30, "in_person",
     "working_together", 9, "每月第二个周六合办共读", None),
    ("private_dining", f"@{partners_demo.GUESTHOUSE}", None, 45, "phone", "no_fit", 7,
     "民宿装修停业", None),
    ("school_choice", "reading_room", "school_choice", 29, "wechat", "met", 3,
     "王芳介绍了两位国际学校老师", None),
    ("event_photos", f"@{partners_demo.TEA_HOUSE}", "event_photos", 21, "in_person", "not_yet",
     0, None, None),
    ("tea_garden_shoot", "event_photos", "tea_garden_shoot", 22, "wechat", "deal_done", 8,
     "合作拍摄，茶园照片用于宣传册", "2800"),
    ("contract_translation", "legal_hour", "contract_translation", 2, "phone", "not_yet", 0,
     None, None),
)


def _as_of(tx: Tx, day: dt.date, hour: int = 10) -> Tx:
    moment = dt.datetime.combine(day, dt.time(hour))
    return Tx(replace(tx.ctx, clock=FixedClock(moment)), tx.session)


class _Members:
    """Picks a member by a story name or by a tag (``#法律``): the first in member-number
    order with that tag not picked yet, so the same member every demo."""

    def __init__(self, tx: Tx) -> None:
        rows = [row for row in ms.search_members(tx, ms.MemberQuery(), limit=300)
                if row.status in MAY_BOOK]
        if len(rows) < 40:
            raise DomainError(msg("The demo circle needs the demo members first."))
        self.rows = sorted(rows, key=lambda row: row.number)
        self.by_name = {row.name: row.id for row in self.rows}
        self.used: set[int] = set(self.by_name[name] for name in ("张建华", "王芳", "陈明", "钱伟",
                                                                  "林静") if name in self.by_name)

    def pick(self, who: str) -> int:
        if not who.startswith("#"):
            return self.by_name.get(who) or self.rows[0].id
        tag = who[1:]
        for row in self.rows:
            if tag in row.tags and row.id not in self.used:
                self.used.add(row.id)
                return row.id
        spare = next(row for row in self.rows if row.id not in self.used)
        self.used.add(spare.id)
        return spare.id


@service(Permission.ADMINISTER)  # the demo owner fills the demo venue
def add_demo_circle(tx: Tx) -> list[Message]:
    """The demo's offers, needs and introductions with their outcomes, in one transaction."""
    today = tx.clock.now().date()
    members = _Members(tx)
    partners = {p.name: p.id for p in search_partners(tx, "", active_only=False)}
    items: dict[str, tuple[int, int]] = {}  # key -> (item id, member id)
    for item in ITEMS:
        day = today - dt.timedelta(days=item.days_ago)
        member_id = members.pick(item.who)
        made = create_item(_as_of(tx, day), Input(item.side, member_id, item.title,
                                                  item.description, item.tags))
        items[item.key] = (made.id, member_id)
    for (who, other, about, days_ago, means, outcome, after, note,
         value) in INTRODUCTIONS:
        day = today - dt.timedelta(days=days_ago)
        data = IntroductionInput(
            member_a_id=items[who][1], means=means,
            member_b_id=None if other.startswith("@") else items[other][1],
            partner_id=partners[other[1:]] if other.startswith("@") else None,
            item_id=items[about][0] if about else None, introduced_on=day)
        intro = create_introduction(_as_of(tx, day, 16), data).introduction
        if outcome != "not_yet":
            record_outcome(_as_of(tx, day + dt.timedelta(days=after), 17), intro.id, outcome,
                           note, value)
    for item in ITEMS:
        if item.status != "open":
            closed = today - dt.timedelta(days=max(item.days_ago - 14, 1))
            set_item_status(_as_of(tx, closed), items[item.key][0], item.status)
    needs = sum(1 for i in ITEMS if i.side == "need")
    return [msg("{needs} needs, {offers} offers, {introductions} introductions ({follow_ups} "
                "to follow up)", needs=needs, offers=len(ITEMS) - needs,
                introductions=len(INTRODUCTIONS), follow_ups=len(follow_ups(tx)))]
