"""Suggested matches: for an open need, the open offers and the partners that fit; for an
open offer, the open needs.  The score is transparent — every point comes with a reason the
desk can read:

    3 points for each shared tag;
    1 point for each word in common in title and description (at most 5), where a word is a
      Latin word of two letters or more, or a pair of neighbouring Chinese characters
      (Chinese has no spaces: "有机茶叶" gives 有机, 机茶, 茶叶);
    1.5 points when both are in the same city;
    up to 1 point for how engaged the offering member is (visits in the last 90 days, one
      tenth of a point each).

Candidates with no shared tag and no word in common are not suggested (a city or an active
member alone is no match).  Everything is read in a few set-based queries and scored in
memory: a need among 2,000 open items takes a few milliseconds (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.errors import NotFound
from desktop.i18n import Message, msg
from desktop.models.circle import CircleItem, Partner, circle_item_tag
from desktop.models.event import Visit
from desktop.models.members import Member, Tag
from desktop.permissions import Permission
from desktop.services import Tx, service

TAG_POINTS = 3.0
WORD_POINTS = 1.0
MAX_WORDS = 5
CITY_POINTS = 1.5
VISIT_POINTS = 0.1
MAX_ENGAGEMENT = 1.0
ENGAGEMENT_DAYS = 90

_LATIN = re.compile(r"[a-z0-9]{2,}")
_HAN = re.compile(r"[\u3400-\u9fff]+")


def words(*texts: str | None) -> set[str]:
    """The words of a text for matching: Latin words and Chinese character pairs."""
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        folded = unicodedata.normalize("NFKC", text).casefold()
        found.update(_LATIN.findall(folded))
        for run in _HAN.findall(folded):
            found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found


@dataclass(frozen=True)
class Match:
    kind: str  # "offer", "need" or "partner"
    id: int
    title: str
    who: str  # the member, or the partner's name
    score: float
    reasons: tuple[Message, ...]


@dataclass(frozen=True)
class _Candidate:
    kind: str
    id: int
    title: str
    who: str
    member_id: int | None
    tags: frozenset[str]
    tag_names: dict[str, str]
    words: frozenset[str]
    city: str | None


def _tags_of(tx: Tx, item_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    by_item: dict[int, dict[str, str]] = {}
    ids = list(item_ids)
    if not ids:
        return by_item
    rows = tx.session.execute(
        select(circle_item_tag.c.item_id, Tag.key, Tag.name)
        .join(Tag, Tag.id == circle_item_tag.c.tag_id)
        .where(circle_item_tag.c.item_id.in_(ids)))
    for item_id, key, name in rows:
        by_item.setdefault(item_id, {})[key] = name
    return by_item


def _items(tx: Tx, side: str, exclude_member: int) -> list[_Candidate]:
    rows = tx.session.execute(
        select(CircleItem.id, CircleItem.title, CircleItem.description, CircleItem.member_id,
               Member.name, Member.city)
        .join(Member, Member.id == CircleItem.member_id)
        .where(CircleItem.side == side, CircleItem.status == "open",
               CircleItem.member_id != exclude_member, Member.archived.is_(False),
               Member.erased_at.is_(None))).all()
    tags = _tags_of(tx, (row.id for row in rows))
    return [_Candidate(side, r.id, r.title, r.name, r.member_id,
                       frozenset(tags.get(r.id, {})), tags.get(r.id, {}),
                       frozenset(words(r.title, r.description)), _city(r.city))
            for r in rows]


def _partners(tx: Tx) -> list[_Candidate]:
    rows = tx.session.execute(select(Partner.id, Partner.name, Partner.benefit, Partner.city)
                              .where(Partner.active.is_(True))).all()
    # A partner's "what" is the benefit it gives members (its name when none is written).
    return [_Candidate("partner", r.id, r.benefit or r.name, r.name, None, frozenset(), {},
                       frozenset(words(r.name, r.benefit)), _city(r.city)) for r in rows]


def _city(city: str | None) -> str | None:
    return unicodedata.normalize("NFKC", city).strip().casefold() or None if city else None


def _visits(tx: Tx, member_ids: set[int]) -> dict[int, int]:
    if not member_ids:
        return {}
    since = tx.clock.now() - dt.timedelta(days=ENGAGEMENT_DAYS)
    rows = tx.session.execute(
        select(Visit.member_id, func.count(Visit.id))
        .where(Visit.member_id.in_(member_ids), Visit.at >= since)
        .group_by(Visit.member_id))
    return {member_id: int(count) for member_id, count in rows}


def _points(points: float) -> str:
    """A reason's points as people write them: 3, 1.5, 0.4."""
    return f"{points:g}"


def _score(source: _Candidate, other: _Candidate, visits: int,
           offering: bool) -> Match | None:
    shared_tags = sorted(source.tags & other.tags)
    shared_words = sorted(source.words & other.words)
    if not shared_tags and not shared_words:
        return None
    reasons: list[Message] = []
    score = 0.0
    if shared_tags:
        score += TAG_POINTS * len(shared_tags)
        names = ", ".join(source.tag_names[t] for t in shared_tags)
        reasons.append(msg("shared tags: {tags} (+{points})", tags=names,
                           points=_points(TAG_POINTS * len(shared_tags))))
    if shared_words:
        counted = shared_words[:MAX_WORDS]
        score += WORD_POINTS * len(counted)
        reasons.append(msg("words in common: {words} (+{points})",
                           points=_points(WORD_POINTS * len(counted)), words=", ".join(counted)))
    if source.city and source.city == other.city:
        score += CITY_POINTS
        reasons.append(msg("same city: {city} (+{points})", city=other.city,
                           points=_points(CITY_POINTS)))
    if offering and visits:
        engagement = min(MAX_ENGAGEMENT, VISIT_POINTS * visits)
        score += engagement
        reasons.append(msg("{count} visits in the last 90 days (+{points})", count=visits,
                           points=_points(engagement)))
    return Match(other.kind, other.id, other.title, other.who, round(score, 2),
                 tuple(reasons))


def _source(tx: Tx, item_id: int, side: str) -> _Candidate:
    row = tx.session.execute(
        select(CircleItem.id, CircleItem.side, CircleItem.title, CircleItem.description,
               CircleItem.member_id, Member.name, Member.city)
        .join(Member, Member.id == CircleItem.member_id)
        .where(CircleItem.id == item_id)).first()
    if row is None or row.side != side:
        raise NotFound(msg("That offer or need does not exist."), field="item_id")
    tags = _tags_of(tx, [item_id]).get(item_id, {})
    return _Candidate(side, row.id, row.title, row.name, row.member_id, frozenset(tags), tags,
                      frozenset(words(row.title, row.description)), _city(row.city))


def _ranked(found: list[Match], limit: int) -> list[Match]:
    found.sort(key=lambda m: (-m.score, m.kind, m.id))
    return found[:limit]


@service(Permission.USE_CIRCLE, write=False)
def suggest_for_need(tx: Tx, item_id: int, *, limit: int = 10) -> list[Match]:
    """The open offers and active partners that fit a need, best first, each with its reasons."""
    need = _source(tx, item_id, "need")
    assert need.member_id is not None
    offers = _items(tx, "offer", need.member_id)
    visits = _visits(tx, {o.member_id for o in offers if o.member_id is not None})
    found = [m for o in offers
             if (m := _score(need, o, visits.get(o.member_id or 0, 0), True)) is not None]
    found += [m for p in _partners(tx) if (m := _score(need, p, 0, False)) is not None]
    return _ranked(found, limit)


@service(Permission.USE_CIRCLE, write=False)
def suggest_for_offer(tx: Tx, item_id: int, *, limit: int = 10) -> list[Match]:
    """The open needs an offer could answer, best first, each with its reasons."""
    offer = _source(tx, item_id, "offer")
    assert offer.member_id is not None
    needs = _items(tx, "need", offer.member_id)
    visits = _visits(tx, {offer.member_id})
    found = [m for n in needs
             if (m := _score(offer, n, visits.get(offer.member_id, 0), True)) is not None]
    return _ranked(found, limit)
