"""Importing members from a spreadsheet: a preview of every row, then all of it or nothing.

``preview_import`` reads the file and says what each row would become and what is wrong with
it (desktop.members.import_rows has the rules); it writes nothing.  ``apply_import`` reads and
checks the file again (a preview may be stale: the file or the directory may have changed
since) and writes every row in one transaction; when any row has a problem it writes nothing,
unless told to leave the invalid rows out.

How the rows are written keeps what the per-member services guarantee: the search and sort
keys come from ``refresh_keys``, member numbers from the counter ``create_member`` uses, and
the audit log gets a "create" entry for every member and period (and tag), in the form the
recorder gives a row added through the ORM, plus one "import" entry with the counts.  What it
does not do is run the services' queries for every row: the file is checked against a
snapshot of the directory, new members, their periods and tags go in by bulk INSERT with ids
reserved beforehand, and only updated members go through the ORM (audited by the recorder).
10,000 rows take seconds rather than minutes; ``bench/bench_members_import.py`` measures it.
The progress callback lets the UI run either function on a worker thread with a bar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select, text
from sqlalchemy.orm import Mapper, selectinload

from desktop.audit.recorder import REDACTED, audit_row, plain, record
from desktop.i18n import msg
from desktop.members.import_read import find_header, read_sheet
from desktop.members.import_rows import (
    Action,
    Directory,
    Known,
    OnDuplicate,
    PlannedPeriod,
    RowChecker,
    RowNote,
    RowResult,
    name_key,
)
from desktop.members.keys import tag_key
from desktop.members.membership import default_plan
from desktop.members.service import NUMBER_COUNTER, NUMBER_PREFIX, _format_number, refresh_keys
from desktop.models.audit import AuditEntry
from desktop.models.members import Member, MembershipPeriod, Plan, Tag, member_tag
from desktop.models.settings import Setting
from desktop.permissions import Permission
from desktop.services import Tx, service

Progress = Callable[[int, int], object]
"""Called as ``progress(done, total)``; ``(0, 0)`` while the file is read (length unknown)."""

REPORT_EVERY = 500
_LOAD_CHUNK = 500
_PLAIN_NUMBER = re.compile(rf"{NUMBER_PREFIX}(\d+)")

__all__ = [
    "Action",
    "ImportPreview",
    "ImportResult",
    "OnDuplicate",
    "RowNote",
    "RowResult",
    "apply_import",
    "preview_import",
]


@dataclass
class ImportPreview:
    """What importing the file would do, row by row."""

    file: str
    kind: str  # "csv" or "xlsx"
    detail: str  # the CSV's encoding or the worksheet's name
    header_rows: tuple[int, ...]
    columns: dict[str, str]  # field key -> the header the file gives it
    ignored_columns: tuple[str, ...]
    on_duplicate: OnDuplicate
    rows: list[RowResult]
    new_tags: list[str]

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action is action)

    @property
    def read(self) -> int:
        return len(self.rows)

    @property
    def to_create(self) -> int:
        return self.count(Action.CREATE)

    @property
    def to_update(self) -> int:
        return self.count(Action.UPDATE)

    @property
    def skipped_duplicates(self) -> int:
        return self.count(Action.SKIP_DUPLICATE)

    @property
    def invalid(self) -> int:
        return self.count(Action.INVALID)

    @property
    def has_problems(self) -> bool:
        return self.invalid > 0

    def problems(self) -> Iterator[tuple[int, RowNote]]:
        for row in self.rows:
            for note in row.problems:
                yield row.row, note

    def warnings(self) -> Iterator[tuple[int, RowNote]]:
        for row in self.rows:
            for note in row.warnings:
                yield row.row, note


@dataclass(frozen=True)
class ImportResult:
    """What ``apply_import`` did: nothing (``written`` False) or every valid row."""

    preview: ImportPreview  # the check the write was based on (made in the same transaction)
    written: bool
    created: int
    updated: int
    skipped_duplicates: int
    skipped_invalid: int


# ---------------------------------------------------------------- the services


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS, write=False)
def preview_import(tx: Tx, path: Path | str, *, on_duplicate: str = "skip",
                   progress: Progress | None = None) -> ImportPreview:
    """What each row of the file would become; nothing is written."""
    preview, _directory = _check(tx, Path(path), OnDuplicate(on_duplicate), _Steps(progress, 1))
    return preview


@service(Permission.IMPORT_EXPORT_ERASE_MEMBERS)
def apply_import(tx: Tx, path: Path | str, *, skip_invalid: bool = False,
                 on_duplicate: str = "skip", progress: Progress | None = None) -> ImportResult:
    """Check the file again and write it in this one transaction: every row, or the valid
    ones with ``skip_invalid``, or nothing when a row has a problem."""
    steps = _Steps(progress, 2)
    preview, directory = _check(tx, Path(path), OnDuplicate(on_duplicate), steps)
    if preview.has_problems and not skip_invalid:
        return ImportResult(preview, False, 0, 0, preview.skipped_duplicates, 0)
    created, updated = _write(tx, preview, directory, steps)
    record(tx.session, "import", "member", None, note=preview.file, rows=preview.read,
           created=created, updated=updated, skipped_duplicates=preview.skipped_duplicates,
           skipped_invalid=preview.invalid)
    return ImportResult(preview, True, created, updated, preview.skipped_duplicates,
                        preview.invalid)


# ---------------------------------------------------------------- checking


class _Steps:
    """Progress over one or two passes (check, then write) as one rising count."""

    def __init__(self, progress: Progress | None, passes: int) -> None:
        self.progress = progress
        self.passes = passes
        self.total = 0

    def reading(self) -> None:
        if self.progress is not None:
            self.progress(0, 0)

    def report(self, pass_index: int, done: int) -> None:
        if self.progress is not None:
            self.progress(pass_index * self.total + done, self.passes * self.total)


def _check(tx: Tx, path: Path, on_duplicate: OnDuplicate,
           steps: _Steps) -> tuple[ImportPreview, Directory]:
    steps.reading()
    sheet = read_sheet(path)
    header = find_header(path, sheet)
    directory = _directory(tx)
    checker = RowChecker(header, directory, on_duplicate)
    rows = checker.data_rows(sheet)
    steps.total = len(rows)
    if on_duplicate is OnDuplicate.UPDATE:
        directory.loaded = _load(tx, checker.candidate_ids(rows))
    results: list[RowResult] = []
    for index, (number, cells) in enumerate(rows):
        results.append(checker.check(number, cells))
        if index % 100 == 0:
            steps.report(0, index)
    steps.report(0, len(rows))
    _warn_about_referrers(results)
    columns: dict[str, str] = {}
    for position, key in sorted(header.keys.items()):
        columns.setdefault(key, header.titles.get(position, ""))
    preview = ImportPreview(
        file=path.name, kind=sheet.kind, detail=sheet.detail, header_rows=header.rows,
        columns=columns, ignored_columns=header.ignored, on_duplicate=on_duplicate,
        rows=results, new_tags=list(checker.new_tags.values()),
    )
    return preview, directory


def _warn_about_referrers(results: list[RowResult]) -> None:
    by_row = {result.row: result for result in results}
    for result in results:
        target = by_row.get(result.referrer_row) if result.referrer_row else None
        if target is not None and target.action is Action.INVALID:
            result.warnings.append(RowNote("referred_by", None, msg(
                "The referrer is row {row}, which has problems: if it is left out, no referrer "
                "is recorded.", row=target.row)))


def _directory(tx: Tx) -> Directory:
    session = tx.session
    members = [
        Known(id=row.id, number=row.number, name=row.name, phone=row.phone,
              company=row.company, erased=row.erased_at is not None)
        for row in session.execute(select(Member.id, Member.number, Member.name, Member.phone,
                                          Member.company, Member.erased_at))
    ]
    plans = {name_key(plan.name): (plan.id, plan.name, plan.duration_months)
             for plan in session.scalars(select(Plan))}
    default = default_plan(tx)
    latest = {
        int(member_id): ends_on
        for member_id, ends_on in session.execute(
            select(MembershipPeriod.member_id, func.max(MembershipPeriod.ends_on))
            .where(MembershipPeriod.voided.is_(False))
            .group_by(MembershipPeriod.member_id))
    }
    return Directory(
        members=members,
        tag_keys=set(session.scalars(select(Tag.key))),
        plans=plans,
        default_plan=(default.id, default.name, default.duration_months) if default else None,
        today=tx.clock.now().date(),
        latest_end=latest,
    )


def _load(tx: Tx, ids: set[int]) -> dict[int, Any]:
    loaded: dict[int, Any] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _LOAD_CHUNK):
        chunk = ordered[start:start + _LOAD_CHUNK]
        stmt = select(Member).where(Member.id.in_(chunk)).options(
            selectinload(Member.tags), selectinload(Member.periods))
        for member in tx.session.scalars(stmt):
            loaded[member.id] = member
    return loaded


# ---------------------------------------------------------------- writing


class _Numbers:
    """Member numbers from the counter ``create_member`` uses, skipping numbers taken."""

    def __init__(self, tx: Tx, taken: set[str]) -> None:
        self.tx = tx
        self.taken = taken
        self.counter = tx.session.get(Setting, NUMBER_COUNTER, with_for_update=True)
        if self.counter is None:
            highest = max((int(m[1]) for m in map(_PLAIN_NUMBER.fullmatch, taken) if m),
                          default=0)
            self.next = highest + 1
        else:
            self.next = int(self.counter.value)

    def take(self) -> str:
        while _format_number(self.next) in self.taken:
            self.next += 1
        number = _format_number(self.next)
        self.taken.add(number)
        self.next += 1
        return number

    def close(self) -> None:
        if self.counter is None:
            self.tx.session.add(Setting(name=NUMBER_COUNTER, value=self.next))
        else:
            self.counter.value = self.next


@dataclass
class _Pending:
    """A member to insert: its row's values, tags and period, and whom it waits for."""

    result: RowResult
    values: dict[str, Any]
    tag_ids: list[int]
    referrer_row: int | None


def _write(tx: Tx, preview: ImportPreview, directory: Directory, steps: _Steps) -> tuple[int, int]:
    """Write the checked rows: new members by bulk INSERT (with their audit entries written
    here, in the recorder's form), updated members through the ORM (audited by the recorder)."""
    session = tx.session
    now = tx.clock.now()
    tags = _tags(tx, preview)
    taken = set(directory.by_number) | {row.number for row in preview.rows if row.number}
    numbers = _Numbers(tx, taken)
    row_ids: dict[int, int] = {}  # row -> the member it made, updated or duplicates
    pending: list[_Pending] = []
    updates: list[tuple[Member, RowResult]] = []
    with session.no_autoflush:
        for index, result in enumerate(preview.rows):
            if result.action in (Action.SKIP_DUPLICATE, Action.UPDATE) and result.duplicate_of:
                row_ids[result.row] = result.duplicate_of.id
            if result.action is Action.CREATE:
                pending.append(_new_member(result, numbers, tags, now))
            elif result.action is Action.UPDATE and result.duplicate_of is not None:
                member = directory.loaded[result.duplicate_of.id]
                _fill(member, result, tags, directory.today)
                if result.period is not None:
                    member.periods.append(_period(result.period, now))
                updates.append((member, result))
            if index % REPORT_EVERY == 0:
                steps.report(1, index // 2)
        numbers.close()
        _insert_members(tx, pending, row_ids, now)
        steps.report(1, len(preview.rows) * 3 // 4)
        for member, result in updates:
            if result.referrer_row is not None and result.referrer_row in row_ids:
                referrer = row_ids[result.referrer_row]
                if referrer != member.id:
                    member.referred_by_id = referrer
        session.flush()
    steps.report(1, len(preview.rows))
    return len(pending), len(updates)


def _tags(tx: Tx, preview: ImportPreview) -> dict[str, Tag]:
    """Every tag by key, the file's new ones created (and audited) first."""
    tags = {tag.key: tag for tag in tx.session.scalars(select(Tag))}
    for result in preview.rows:
        if result.action not in (Action.CREATE, Action.UPDATE):
            continue
        for name in result.data.tags:
            key = tag_key(name)
            if key and key not in tags:
                tags[key] = Tag(name=name, key=key)
                tx.session.add(tags[key])
    tx.session.flush()
    return tags


def _new_member(result: RowResult, numbers: _Numbers, tags: dict[str, Tag],
                now: dt.datetime) -> _Pending:
    data = result.data
    chosen = _chosen_tags(data.tags, tags)
    # The keys come from refresh_keys itself, on a member that is never added to the session.
    keyed = Member(name=data.name, number=result.number or numbers.take(), phone=data.phone,
                   email=data.email, wechat=data.wechat, company=data.company, city=data.city)
    keyed.tags = chosen
    refresh_keys(keyed)
    suspension = result.suspension
    values: dict[str, Any] = {
        "number": keyed.number, "name": data.name, "phone": data.phone, "email": data.email,
        "wechat": data.wechat, "company": data.company, "title": data.title, "city": data.city,
        "notes": data.notes, "photo": None, "referred_by_id": data.referred_by_id,
        "joined_on": data.joined_on, "archived": bool(result.archived),
        "suspended_from": suspension.starts_on if suspension else None,
        "suspended_until": suspension.until if suspension else None,
        "suspension_reason": suspension.reason if suspension else None,
        "erased_at": None, "created_at": now, "sort_name": keyed.sort_name,
        "search_text": keyed.search_text,
    }
    return _Pending(result, values, [tag.id for tag in chosen], result.referrer_row)


def _insert_members(tx: Tx, pending: list[_Pending], row_ids: dict[int, int],
                    now: dt.datetime) -> None:
    """Insert the new members, their tags and periods.  Ids are reserved first, so a member
    referred by another row of the file knows the referrer's id; the rows go in waves so a
    referrer is inserted before the members it referred (a cycle of referrals, which only a
    mistaken file has, is closed by an audited update at the end)."""
    for item, member_id in zip(pending, _reserve_ids(tx, Member, len(pending)), strict=True):
        item.values["id"] = member_id
        row_ids[item.result.row] = member_id
    inserted: set[int] = set(row_ids.values()) - {item.values["id"] for item in pending}
    waiting = list(pending)
    cycle: list[tuple[int, int]] = []  # (member id, its referrer's id)
    while waiting:
        ready = [item for item in waiting
                 if item.referrer_row is None or row_ids.get(item.referrer_row) in inserted]
        if not ready:  # a cycle: insert the rest without their referrer, set it afterwards
            ready = waiting
        for item in ready:
            referrer = row_ids.get(item.referrer_row) if item.referrer_row else None
            if referrer is not None and referrer != item.values["id"]:
                if referrer in inserted:
                    item.values["referred_by_id"] = referrer
                else:
                    cycle.append((item.values["id"], referrer))
        _insert(tx, Member, [item.values for item in ready])
        inserted.update(item.values["id"] for item in ready)
        done = {id(item) for item in ready}
        waiting = [item for item in waiting if id(item) not in done]
    links = [{"member_id": item.values["id"], "tag_id": tag_id}
             for item in pending for tag_id in item.tag_ids]
    if links:
        tx.session.execute(insert(member_tag), links)
    planned = [(item.values["id"], item.result.period) for item in pending
               if item.result.period is not None]
    periods = [
        {"id": period_id, "member_id": member_id, "plan_id": period.plan_id,
         "starts_on": period.starts_on, "ends_on": period.ends_on, "voided": False,
         "created_at": now}
        for (member_id, period), period_id in zip(
            planned, _reserve_ids(tx, MembershipPeriod, len(planned)), strict=True)
    ]
    _insert(tx, MembershipPeriod, periods)
    for member_id, referrer in cycle:
        member = tx.session.get(Member, member_id)
        if member is not None:
            member.referred_by_id = referrer


def _reserve_ids(tx: Tx, model: type[Member] | type[MembershipPeriod], count: int) -> list[int]:
    """Primary keys for ``count`` new rows, taken before the INSERT: a plain executemany is
    several times faster than INSERT … RETURNING of many rows on PostgreSQL.  On PostgreSQL
    they come from the column's sequence (safe beside other desks); SQLite gives a new row
    the highest id plus one, and this write transaction holds the database's write lock."""
    if count == 0:
        return []
    table = cast(Table, model.__table__)
    if tx.session.get_bind().dialect.name == "postgresql":
        stmt = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                    "FROM generate_series(1, :count)")
        return sorted(int(value) for value in tx.session.scalars(
            stmt, {"table": table.name, "count": count}))
    highest = int(tx.session.scalar(select(func.max(table.c.id))) or 0)
    return list(range(highest + 1, highest + 1 + count))


def _insert(tx: Tx, model: type[Member] | type[MembershipPeriod],
            rows: list[dict[str, Any]]) -> None:
    """INSERT many rows (their ids given) and their "create" audit entries, in the form the
    recorder gives a row added through the ORM."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    tx.session.execute(insert(table), rows)
    mapper: Mapper[Any] = inspect(model)
    columns = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
    entries = []
    for row in rows:
        snapshot = {
            key: REDACTED if column.info.get("audit") == "redact" and row.get(key) is not None
            else plain(row.get(key))
            for key, column in columns
        }
        entries.append(audit_row(tx.session, action="create", entity=table.name,
                                 entity_id=str(row["id"]), after=snapshot))
    tx.session.execute(insert(AuditEntry), entries)


def _period(planned: PlannedPeriod, now: dt.datetime) -> MembershipPeriod:
    return MembershipPeriod(plan_id=planned.plan_id, starts_on=planned.starts_on,
                            ends_on=planned.ends_on, voided=False, created_at=now)


def _chosen_tags(names: list[str], tags: dict[str, Tag]) -> list[Tag]:
    chosen: dict[str, Tag] = {}
    for name in names:
        key = tag_key(name)
        if key and key not in chosen and key in tags:
            chosen[key] = tags[key]
    return list(chosen.values())


def _fill(member: Member, result: RowResult, tags: dict[str, Tag], today: dt.date) -> None:
    """Set an existing member's fields from a checked row, as ``update_member`` does."""
    data = result.data
    member.name = data.name
    member.phone = data.phone
    member.email = data.email
    member.wechat = data.wechat
    member.company = data.company
    member.title = data.title
    member.city = data.city
    member.notes = data.notes
    member.joined_on = data.joined_on or today
    member.referred_by_id = data.referred_by_id
    member.tags = _chosen_tags(data.tags, tags)
    if result.archived is not None:
        member.archived = result.archived
    if result.suspension is not None:
        member.suspended_from = result.suspension.starts_on
        member.suspended_until = result.suspension.until
        member.suspension_reason = result.suspension.reason
    refresh_keys(member)
