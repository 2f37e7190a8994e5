"""Members made through the services, for the printouts to print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.services import Context

AddMember = Callable[..., ms.MemberRow]


@pytest.fixture
def plan_id(owner_ctx: Context) -> int:
    return mm.create_plan(owner_ctx, mm.PlanInput("金卡 Gold", "8800", 12, is_default=True))


@pytest.fixture
def add_member(owner_ctx: Context, plan_id: int) -> AddMember:
    """``add_member(name, company=..., paid=True, ...)``: a member, with a year on the plan
    unless ``paid`` is False."""

    def add(name: str, *, paid: bool = True, tags: Sequence[str] = (),
            **fields: Any) -> ms.MemberRow:
        row = ms.create_member(owner_ctx, ms.MemberInput(name, tags=list(tags), **fields),
                               allow_duplicates=True)
        if paid:
            mm.record_membership(owner_ctx, row.id, plan_id)
        return ms.get_member(owner_ctx, row.id).row

    return add


def many_members(ctx: Context, plan_id: int, count: int, prefix: str = "会员") -> list[str]:
    """``count`` paid members in one transaction; returns their numbers."""
    numbers = []
    with ctx.transaction() as tx:
        for index in range(count):
            row = ms.create_member(tx, ms.MemberInput(f"{prefix}{index:03d}",
                                                      company="杭州西湖龙井茶叶有限公司",
                                                      city="杭州", tags=["茶"]),
                                   allow_duplicates=True)
            mm.record_membership(tx, row.id, plan_id)
            numbers.append(row.number)
    return numbers
