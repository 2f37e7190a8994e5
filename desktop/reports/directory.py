"""The member directory: every member not archived (or the view's current filter) as a table.

Members are fetched a page at a time through the members search (the same filter, order and
status rules as the Members view), sorted by the stored pinyin key, so the printout lists
exactly what the desk sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select

from desktop.i18n import Message, msg
from desktop.members.service import MemberQuery, MemberRow, list_plans, list_tags, search_members
from desktop.models.members import Member
from desktop.permissions import Permission
from desktop.reports.base import (
    Column,
    PrintInfo,
    build_pdf,
    data_table,
    frame_width,
    nothing_to_print,
    paragraph,
    print_info,
)
from desktop.services import Tx, service

PAGE = 1000  # members fetched per query


def _member_pages(tx: Tx, query: MemberQuery) -> Iterator[list[MemberRow]]:
    """The members matching ``query`` in the view's order, a page at a time, in one transaction."""
    offset = 0
    while True:
        rows = search_members(tx, query, offset=offset, limit=PAGE)
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def _titles(tx: Tx, rows: list[MemberRow]) -> dict[int, str]:
    """Job titles (the search rows carry the company only)."""
    ids = [row.id for row in rows]
    stmt = select(Member.id, Member.title).where(Member.id.in_(ids), Member.title.is_not(None))
    return {int(i): str(t) for i, t in tx.session.execute(stmt)}


def _columns(info: PrintInfo) -> list[Column]:
    # Shares in millimetres of a 254 mm line (scaled to the frame): room for a long Chinese
    # company name on one line, and for "expiring soon" and +852 numbers without wrapping.
    return [
        Column(info.t(msg("No.")), 13.5),
        Column(info.t(msg("Name")), 30),
        Column(info.t(msg("Phone")), 23),
        Column(info.t(msg("Company / title")), 72),
        Column(info.t(msg("City")), 17),
        Column(info.t(msg("Tags")), 39),
        Column(info.t(msg("Plan")), 24),
        Column(info.t(msg("Status")), 19.5),
        Column(info.t(msg("Ends")), 16.5),
    ]


def _cells(info: PrintInfo, row: MemberRow, title: str | None) -> list[str]:
    separator = "、" if info.lang.startswith("zh") else ", "
    company = " · ".join(part for part in (row.company, title or "") if part)
    return [
        row.number,
        row.name,
        row.phone,
        company,
        row.city,
        separator.join(row.tags),
        row.plan or "",
        info.t(row.status.label),
        row.ends_on.isoformat() if row.ends_on else "",
    ]


def _filter_note(tx: Tx, query: MemberQuery, info: PrintInfo) -> str | None:
    """What the printed list is limited to, when it is not simply everyone."""
    parts: list[Message] = []
    if query.text.strip():
        parts.append(msg("search “{words}”", words=query.text.strip()))
    if query.status is not None:
        parts.append(msg("status {status}", status=query.status.label))
    if query.plan_id is not None:
        plans = {p.id: p.name for p in list_plans(tx, include_inactive=True)}
        parts.append(msg("plan {plan}", plan=plans.get(query.plan_id, "?")))
    if query.tag_id is not None:
        tags = {i: n for i, n, _ in list_tags(tx)}
        parts.append(msg("tag {tag}", tag=tags.get(query.tag_id, "?")))
    if query.include_archived:
        parts.append(msg("archived members included"))
    if not parts:
        return None
    separator = "；" if info.lang.startswith("zh") else "; "
    filters = separator.join(info.t(part) for part in parts)
    return info.t(msg("Only members matching: {filters}", filters=filters))


@service(Permission.PRINT, write=False)
def print_directory(tx: Tx, query: MemberQuery | None, path: Path | str, *,
                    lang: str | None = None) -> int:
    """Write the member directory to ``path`` (A4 landscape); returns how many members it lists.

    ``query`` None prints every member not archived, whatever their status; from the Members
    view it is the view's current search and filters.
    """
    info = print_info(tx, msg("Member directory"), lang)
    wanted = query or MemberQuery()
    rows: list[list[str]] = []
    for page in _member_pages(tx, wanted):
        titles = _titles(tx, page)
        rows.extend(_cells(info, row, titles.get(row.id)) for row in page)
    story: list[Flowable] = []
    note = _filter_note(tx, wanted, info) if query is not None else None
    if note is not None:
        story.append(paragraph(note, size=9, color="#5b6470"))
    story.append(paragraph(info.t(msg("{n} members", n=f"{len(rows):,}")), size=9,
                           color="#5b6470"))
    story.append(Spacer(1, 4))
    if rows:
        story.append(data_table(_columns(info), rows, frame_width(wide=True)))
    else:
        story.append(nothing_to_print(info, msg("No member matches; nothing to print.")))
    build_pdf(path, info, story, wide=True)
    return len(rows)
