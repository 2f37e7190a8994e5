"""What each row of an imported sheet becomes, and what is wrong with it.

The check runs against a snapshot of the directory (``Directory``: phones, numbers, names,
tags and plans loaded in a few queries), not a query per row, so 10,000 rows are checked in
about a second.  The rules:

Problems (the row cannot be imported): an empty name; a phone that is not a phone number; an
email without @; a date that is not a date; an expiry before the join date; a phone or member
number that an earlier row of the same file already has; a plan the venue does not have; a
member number that belongs to someone else; a value longer than its field.

Warnings (imported anyway): the name and company of an existing member (or of an earlier row);
a join date in the future; a tag that does not exist yet (created; said once per file); a
referrer that cannot be found or is ambiguous (left empty); no join date (the period is taken
as one plan length before the expiry).

A row whose phone is an existing member's (archived included), or whose member number is an
existing member's of the same name, is that member: skipped, or updated with
``on_duplicate="update"`` (cells the row leaves empty keep their values; a tags cell replaces
the member's tags; an expiry later than their last adds a period).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from desktop.errors import DomainError
from desktop.i18n import Message, msg
from desktop.members import import_values as values
from desktop.members import keys
from desktop.members.import_columns import BY_KEY, split_tags
from desktop.members.import_read import Header, Sheet, is_blank, repeats_header
from desktop.members.service import MAX_NAME, MemberInput, PersonRef

FIELD_LIMITS = {"wechat": 64, "company": 160, "title": 120, "city": 80}
NUMBER_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9-]{0,15}")
MAX_TAG = 60
MAX_REASON = 200


class Action(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP_DUPLICATE = "skip-duplicate"
    INVALID = "invalid"


class OnDuplicate(enum.StrEnum):
    SKIP = "skip"
    UPDATE = "update"


@dataclass(frozen=True)
class RowNote:
    """One problem or warning about a row, and the column it is about."""

    field: str | None  # the field key ("phone"), None for the row as a whole
    column: str | None  # the header as the file has it; None when the file has no such column
    message: Message

    def heading(self, lang: str | None = None) -> str:
        """What the person calls the column: its header in the file, else the field's name."""
        if self.column:
            return self.column
        if self.field in BY_KEY:
            return BY_KEY[self.field].label.render(lang)
        return ""


@dataclass(frozen=True)
class PlannedPeriod:
    plan_id: int
    plan: str
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class Suspension:
    starts_on: dt.date | None
    until: dt.date | None
    reason: str | None


@dataclass
class RowResult:
    """What one data row becomes."""

    row: int  # as the spreadsheet numbers it
    data: MemberInput  # as it will be written (for an update: merged with the member's values)
    action: Action = Action.CREATE
    number: str | None = None  # from the file; None: generated (create) or kept (update)
    period: PlannedPeriod | None = None
    archived: bool | None = None  # None: not said (a new member is not archived)
    suspension: Suspension | None = None  # None: not said
    duplicate_of: PersonRef | None = None
    referrer_row: int | None = None  # referred by the member another row of this file makes
    problems: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)


@dataclass(frozen=True)
class Known:
    """An existing member, as far as the check needs them."""

    id: int
    number: str
    name: str
    phone: str | None
    company: str | None
    erased: bool

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.number, self.name)


@dataclass
class Directory:
    """A snapshot of what the file is checked against."""

    members: list[Known]
    tag_keys: set[str]
    plans: dict[str, tuple[int, str, int]]  # name key -> (id, name, duration in months)
    default_plan: tuple[int, str, int] | None
    today: dt.date
    latest_end: dict[int, dt.date]  # member id -> the end of their last live period
    loaded: dict[int, Any] = field(default_factory=dict)  # Member objects of rows to update

    def __post_init__(self) -> None:
        self.by_phone = {m.phone: m for m in self.members if m.phone and not m.erased}
        self.by_number = {m.number: m for m in self.members}
        self.by_name: dict[str, list[Known]] = {}
        self.by_name_company: dict[tuple[str, str], Known] = {}
        for member in self.members:
            if member.erased:
                continue
            self.by_name.setdefault(name_key(member.name), []).append(member)
            if member.company:
                self.by_name_company.setdefault(
                    (name_key(member.name), name_key(member.company)), member)


def name_key(text: str) -> str:
    return keys.normalise_text(text).casefold()


class _Cells:
    """A row's cells by field key; when two columns name one field (手机 and 电话) the first
    that is not empty wins."""

    def __init__(self, header: Header, cells: tuple[object, ...]) -> None:
        self.raw: dict[str, object] = {}
        self.column: dict[str, str] = {}
        for position, key in sorted(header.keys.items()):
            if key in self.raw and not is_blank([self.raw[key]]):
                continue
            cell = cells[position] if position < len(cells) else None
            self.raw[key] = cell
            self.column[key] = header.titles.get(position, "")

    def has(self, key: str) -> bool:
        return key in self.raw and not is_blank([self.raw[key]])


class RowChecker:
    """Turns the data rows of a sheet into RowResults, one after another, in file order."""

    def __init__(self, header: Header, directory: Directory, on_duplicate: OnDuplicate) -> None:
        self.header = header
        self.directory = directory
        self.on_duplicate = on_duplicate
        self.phones: dict[str, int] = {}
        self.numbers: dict[str, int] = {}
        self.name_companies: dict[tuple[str, str], int] = {}
        self.new_tags: dict[str, str] = {}  # key -> name as first written
        self.file_numbers: dict[str, int] = {}  # from a first look over the whole file
        self.file_names: dict[str, list[int]] = {}
        self._phones_seen: dict[str, str | DomainError | None] = {}

    # ------------------------------------------------------------ the whole file

    def data_rows(self, sheet: Sheet) -> list[tuple[int, _Cells]]:
        rows = []
        for sheet_row in sheet.rows[self.header.data_start:]:
            if is_blank(sheet_row.cells) or repeats_header(self.header, sheet_row.cells):
                continue
            rows.append((sheet_row.number, _Cells(self.header, sheet_row.cells)))
        for number, cells in rows:  # for referrers named by a later row
            if cells.has("number"):
                self.file_numbers.setdefault(_number_text(cells.raw["number"]), number)
            if cells.has("name"):
                self.file_names.setdefault(name_key(values.text(cells.raw["name"])),
                                           []).append(number)
        return rows

    def candidate_ids(self, rows: list[tuple[int, _Cells]]) -> set[int]:
        """The existing members the rows may update, to load them in a few queries."""
        found: set[int] = set()
        for _number, cells in rows:
            if cells.has("phone"):
                try:
                    phone = self._phone(values.text(cells.raw["phone"]))
                except DomainError:
                    phone = None
                if phone and phone in self.directory.by_phone:
                    found.add(self.directory.by_phone[phone].id)
            if cells.has("number"):
                owner = self.directory.by_number.get(_number_text(cells.raw["number"]))
                if owner is not None:
                    found.add(owner.id)
        return found

    def _phone(self, text: str) -> str | None:
        """canonical_phone, remembered: parsing a number is the costliest step of a row."""
        if text not in self._phones_seen:
            try:
                self._phones_seen[text] = keys.canonical_phone(text)
            except DomainError as error:
                self._phones_seen[text] = error
        outcome = self._phones_seen[text]
        if isinstance(outcome, DomainError):
            raise DomainError(outcome.message, field=outcome.field)
        return outcome

    # ------------------------------------------------------------ one row

    def check(self, number: int, cells: _Cells) -> RowResult:
        result = RowResult(row=number, data=MemberInput(name=""))
        given = self._parse(cells, result)
        existing = self._match(cells, given, result)
        if existing is not None:
            result.duplicate_of = existing.ref
            if self.on_duplicate is OnDuplicate.UPDATE:
                self._merge(cells, existing, given, result)
            else:  # shown as the file has it, checked as if new; nothing of it is written
                self._new(cells, given, result)
                result.period = None
        else:
            self._new(cells, given, result)
        self._cross_checks(cells, given, existing, result)
        self._referrer(cells, given, existing, result)
        if result.problems:
            result.action = Action.INVALID
        elif existing is not None:
            result.action = (Action.UPDATE if self.on_duplicate is OnDuplicate.UPDATE
                             else Action.SKIP_DUPLICATE)
        else:
            result.action = Action.CREATE
        if result.action in (Action.CREATE, Action.UPDATE):
            self._new_tags(cells, result)
        return result

    def _problem(self, result: RowResult, cells: _Cells, key: str | None,
                 message: Message) -> None:
        result.problems.append(RowNote(key, cells.column.get(key or ""), message))

    def _warning(self, result: RowResult, cells: _Cells, key: str | None,
                 message: Message) -> None:
        result.warnings.append(RowNote(key, cells.column.get(key or ""), message))

    def _parse(self, cells: _Cells, result: RowResult) -> dict[str, Any]:
        """Each non-empty cell as the value it means; a cell that means nothing is a problem."""
        given: dict[str, Any] = {}
        raw = cells.raw
        name = keys.normalise_text(values.text(raw.get("name")))
        if not name:
            self._problem(result, cells, "name", msg("A member needs a name."))
        elif len(name) > MAX_NAME:
            self._problem(result, cells, "name",
                          msg("This has at most {n} characters.", n=MAX_NAME))
        given["name"] = name
        for key, check in (("phone", self._phone), ("email", keys.check_email)):
            if cells.has(key):
                try:
                    given[key] = check(values.text(raw[key]))
                except DomainError as error:
                    self._problem(result, cells, key, error.message)
        for key, limit in FIELD_LIMITS.items():
            if cells.has(key):
                text = keys.normalise_text(values.text(raw[key]))
                if len(text) > limit:
                    self._problem(result, cells, key,
                                  msg("This has at most {n} characters.", n=limit))
                given[key] = text
        if cells.has("notes"):
            given["notes"] = values.text(raw["notes"]).strip()
        if cells.has("tags"):
            tags = [keys.normalise_text(t) for t in split_tags(values.text(raw["tags"]))]
            if any(len(tag) > MAX_TAG for tag in tags):
                self._problem(result, cells, "tags",
                              msg("A tag has at most 60 characters."))
            given["tags"] = tags
        if cells.has("number"):
            text = _number_text(raw["number"])
            if NUMBER_PATTERN.fullmatch(text):
                given["number"] = text
            else:
                self._problem(result, cells, "number", msg(
                    "{value} is not a member number (letters, digits and dashes, at most 16).",
                    value=values.text(raw["number"])))
        for key in ("joined", "expires", "suspended_from", "suspended_until"):
            try:
                day = values.date(raw.get(key))
            except values.CellError as error:
                self._problem(result, cells, key, error.message)
                continue
            if day is not None:
                given[key] = day
        if cells.has("archived"):
            try:
                given["archived"] = values.yes_no(raw["archived"])
            except values.CellError as error:
                self._problem(result, cells, "archived", error.message)
        if cells.has("suspension_reason"):
            reason = keys.normalise_text(values.text(raw["suspension_reason"]))
            if len(reason) > MAX_REASON:
                self._problem(result, cells, "suspension_reason",
                              msg("This has at most {n} characters.", n=MAX_REASON))
            given["suspension_reason"] = reason
        if cells.has("plan"):
            text = keys.normalise_text(values.text(raw["plan"]))
            plan = self.directory.plans.get(text.casefold())
            if plan is None:
                choices = ", ".join(sorted(p[1] for p in self.directory.plans.values()))
                self._problem(result, cells, "plan", msg(
                    "There is no plan called {name} (plans: {choices}).", name=text,
                    choices=choices or "-"))
            else:
                given["plan"] = plan
        if cells.has("referred_by"):
            given["referred_by"] = keys.normalise_text(values.text(raw["referred_by"]))
        return given

    def _match(self, cells: _Cells, given: dict[str, Any], result: RowResult) -> Known | None:
        """The existing member this row is, by phone, or by member number and name."""
        phone = given.get("phone")
        existing = self.directory.by_phone.get(phone) if phone else None
        number = given.get("number")
        owner = self.directory.by_number.get(number) if number else None
        if owner is None:
            return existing
        if existing is not None and owner.id != existing.id:
            self._problem(result, cells, "number", msg(
                "The member number {number} belongs to {owner}, but the phone to {other} "
                "({other_number}).", number=number, owner=owner.name, other=existing.name,
                other_number=existing.number))
            return None
        if existing is not None:
            return existing
        if owner.erased:
            self._problem(result, cells, "number", msg(
                "The member number {number} belonged to a member who was erased.",
                number=number))
            return None
        if name_key(owner.name) != name_key(given["name"]):
            self._problem(result, cells, "number", msg(
                "The member number {number} already belongs to {owner}.", number=number,
                owner=owner.name))
            return None
        return owner

    def _period(self, cells: _Cells, given: dict[str, Any], result: RowResult,
                joined: dt.date | None, after: dt.date | None) -> None:
        """The membership period a row's expiry date becomes (on its plan or the default)."""
        expires = given.get("expires")
        plan = given.get("plan") or self.directory.default_plan
        if expires is None:
            if "plan" in given:
                self._warning(result, cells, "plan", msg(
                    "Without an expiry date no membership is recorded; the plan is ignored."))
            return
        if plan is None:
            self._problem(result, cells, "expires", msg(
                "There is no membership plan yet: create one before importing expiry dates."))
            return
        plan_id, plan_name, months = plan
        if after is not None:
            if expires <= after:
                if expires < after:
                    self._warning(result, cells, "expires", msg(
                        "The membership already runs until {date}; the expiry date is left "
                        "as it is.", date=after.isoformat()))
                return
            natural = expires + dt.timedelta(days=1) - relativedelta(months=months)
            start = max(after + dt.timedelta(days=1), natural)
        elif joined is not None:
            start = joined
        else:
            start = expires + dt.timedelta(days=1) - relativedelta(months=months)
            self._warning(result, cells, "joined", msg(
                "No join date: the membership is taken to start on {date}, one plan length "
                "before the expiry date.", date=start.isoformat()))
            result.data.joined_on = start
        if expires < start:
            self._problem(result, cells, "expires", msg(
                "The expiry date {expires} is before the join date {joined}.",
                expires=expires.isoformat(), joined=start.isoformat()))
            return
        result.period = PlannedPeriod(plan_id, plan_name, start, expires)

    def _suspension(self, cells: _Cells, given: dict[str, Any], result: RowResult) -> None:
        keys_given = {"suspended_from", "suspended_until", "suspension_reason"} & given.keys()
        if not keys_given:
            return
        start = given.get("suspended_from")
        until = given.get("suspended_until")
        if start is None:
            self._problem(result, cells, "suspended_from",
                          msg("A suspension needs the date it starts."))
            return
        if until is not None and until < start:
            self._problem(result, cells, "suspended_until",
                          msg("The end date is before the start date."))
            return
        result.suspension = Suspension(start, until, given.get("suspension_reason") or None)

    def _new(self, cells: _Cells, given: dict[str, Any], result: RowResult) -> None:
        result.data = MemberInput(
            name=given["name"], phone=given.get("phone"), email=given.get("email"),
            wechat=given.get("wechat") or None, company=given.get("company") or None,
            title=given.get("title") or None, city=given.get("city") or None,
            notes=given.get("notes") or None, tags=list(given.get("tags", [])),
            joined_on=given.get("joined"),
        )
        result.number = given.get("number")
        result.archived = given.get("archived")
        self._period(cells, given, result, given.get("joined"), None)
        if result.data.joined_on is None:
            result.data.joined_on = self.directory.today
        self._suspension(cells, given, result)

    def _merge(self, cells: _Cells, existing: Known, given: dict[str, Any],
               result: RowResult) -> None:
        """An update: the row's non-empty cells over the member's values."""
        member = self.directory.loaded[existing.id]
        current = {
            "name": member.name, "phone": member.phone, "email": member.email,
            "wechat": member.wechat, "company": member.company, "title": member.title,
            "city": member.city, "notes": member.notes,
        }
        merged = {key: given.get(key) or current[key] for key in current}
        result.data = MemberInput(
            name=merged["name"], phone=merged["phone"], email=merged["email"],
            wechat=merged["wechat"], company=merged["company"], title=merged["title"],
            city=merged["city"], notes=merged["notes"],
            tags=list(given["tags"]) if "tags" in given else [t.name for t in member.tags],
            referred_by_id=member.referred_by_id,
            joined_on=given.get("joined") or member.joined_on,
        )
        result.archived = given.get("archived")
        if "number" in given and given["number"] != existing.number:
            self._warning(result, cells, "number", msg(
                "Member numbers do not change: this member keeps {number}.",
                number=existing.number))
        after = self.directory.latest_end.get(existing.id)
        self._period(cells, given, result, result.data.joined_on, after)
        self._suspension(cells, given, result)

    def _cross_checks(self, cells: _Cells, given: dict[str, Any], existing: Known | None,
                      result: RowResult) -> None:
        phone = given.get("phone")
        if phone:
            earlier = self.phones.setdefault(phone, result.row)
            if earlier != result.row:
                self._problem(result, cells, "phone", msg(
                    "Row {row} already has this phone number.", row=earlier))
        number = given.get("number")
        if number:
            earlier = self.numbers.setdefault(number, result.row)
            if earlier != result.row:
                self._problem(result, cells, "number", msg(
                    "Row {row} already has this member number.", row=earlier))
        joined = given.get("joined")
        if joined is not None and joined > self.directory.today:
            self._warning(result, cells, "joined", msg(
                "The join date {date} is in the future.", date=joined.isoformat()))
        company = given.get("company")
        if given["name"] and company:
            pair = (name_key(given["name"]), name_key(company))
            same = self.directory.by_name_company.get(pair)
            if same is not None and (existing is None or same.id != existing.id):
                self._warning(result, cells, "name", msg(
                    "{name} ({number}) has the same name and company.", name=same.name,
                    number=same.number))
            earlier = self.name_companies.setdefault(pair, result.row)
            if earlier != result.row:
                self._warning(result, cells, "name", msg(
                    "Row {row} has the same name and company.", row=earlier))

    def _new_tags(self, cells: _Cells, result: RowResult) -> None:
        """A tag the venue does not have yet, said at the first row that will create it."""
        for tag in result.data.tags:
            key = keys.tag_key(tag)
            if key and key not in self.directory.tag_keys and key not in self.new_tags:
                self.new_tags[key] = tag
                self._warning(result, cells, "tags", msg(
                    "The tag {tag} is new and will be created.", tag=tag))

    def _referrer(self, cells: _Cells, given: dict[str, Any], existing: Known | None,
                  result: RowResult) -> None:
        """Referred by a member number or a name: an existing member or another row."""
        text = given.get("referred_by")
        if not text:
            return
        number = text.upper()
        target_row: int | None = self.file_numbers.get(number)
        target: Known | None = self.directory.by_number.get(number)
        if target is not None and target.erased:
            target = None
        if target_row is None and target is None:
            candidates = self.directory.by_name.get(name_key(text), [])
            rows = self.file_names.get(name_key(text), [])
            if len(candidates) + len(rows) > 1:
                self._warning(result, cells, "referred_by", msg(
                    "More than one member is called {name}; write the referrer's member "
                    "number. Left empty.", name=text))
                return
            target = candidates[0] if candidates else None
            target_row = rows[0] if rows else None
        if target_row == result.row or (
                target is not None and existing is not None and target.id == existing.id):
            self._warning(result, cells, "referred_by", msg(
                "A member cannot refer themself. Left empty."))
            return
        if target_row is not None:
            result.referrer_row = target_row
            result.data.referred_by_id = None
            return
        if target is None:
            self._warning(result, cells, "referred_by", msg(
                "No member {name} to record as the referrer. Left empty.", name=text))
            return
        result.data.referred_by_id = target.id

def _number_text(cell: object) -> str:
    return keys.normalise_text(values.text(cell)).upper()
