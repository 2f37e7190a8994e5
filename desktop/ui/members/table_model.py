"""The members table: a page of MemberRows from the database, more fetched on scroll.

Searching, filtering and sorting happen in the database (``search_members`` on stored keys
with a LIMIT); this model only holds the rows fetched so far.  The first page after a new
query is just large enough to fill the table, so the rows appear within a frame of the key
press (FIELD-NOTES: filtering 50,000 rows in Python costs about 380 ms); scrolling then
fetches ``page_size`` rows at a time.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from desktop.members.service import MemberQuery, MemberRow, search_members
from desktop.services import Context
from desktop.ui.members.common import STATUS_COLOURS, STATUS_ROLE, day, status_text
from desktop.ui.table_model import ROOT, Index, RowsModel

FIRST_PAGE = 20  # at least; the view raises it to what its table shows (fit_first_page)
PAGE_SIZE = 200


class MembersTableModel(RowsModel[MemberRow]):
    """Members matching a MemberQuery; ``ROW_ROLE`` hands back the row's MemberRow."""

    NUMBER, NAME, STATUS, EXPIRES, PHONE, COMPANY, PLAN, CITY, TAGS = range(9)
    # Column -> MemberQuery.sort key (SORT_KEYS); the status sorts by the end date it comes
    # from.  Plan and tags have no sort key: a click on them keeps the current order.
    SORT_KEYS: ClassVar[dict[int, str]] = {
        NUMBER: "number", NAME: "name", STATUS: "ends_on", PHONE: "phone", COMPANY: "company",
        CITY: "city", EXPIRES: "ends_on",
    }

    def __init__(self, ctx: Context, parent: QObject | None = None, *,
                 first_page: int = FIRST_PAGE, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._first_page = first_page
        self._minimum_first_page = first_page
        self._page_size = page_size
        self._query = MemberQuery()
        self._seen: set[int] = set()
        self._exhausted = True
        self._loaded = False
        self._sort_column = self.NAME

    @property
    def query(self) -> MemberQuery:
        return self._query

    @property
    def first_page(self) -> int:
        return self._first_page

    def fit_first_page(self, visible_rows: int) -> None:
        """Make the first page of a new query fill ``visible_rows`` with a few to spare: the
        rows a person sees arrive in one frame; scrolling fetches ``page_size`` more."""
        self._first_page = max(self._minimum_first_page, visible_rows + 4)

    def set_query(self, query: MemberQuery) -> None:
        """Start again from the first row of ``query``."""
        rows = search_members(self._ctx, query, offset=0, limit=self._first_page)
        self.beginResetModel()
        self._query = query
        self._rows = rows
        self._seen = {row.id for row in rows}
        self._exhausted = len(rows) < self._first_page
        self._loaded = True
        self.endResetModel()

    def refresh(self) -> None:
        """The same query again, as many rows as are shown now (after an edit)."""
        wanted = max(len(self._rows), self._first_page)
        rows = search_members(self._ctx, self._query, offset=0, limit=wanted)
        self.beginResetModel()
        self._rows = rows
        self._seen = {row.id for row in rows}
        self._exhausted = len(rows) < wanted
        self.endResetModel()

    def sort_column(self) -> int:
        """The column whose header shows the current order."""
        return self._sort_column

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self._sort_column = column
        descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded and key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = search_members(self._ctx, self._query, offset=len(self._rows),
                              limit=self._page_size)
        if len(page) < self._page_size:
            self._exhausted = True
        fresh = [row for row in page if row.id not in self._seen]
        if not fresh:
            return
        self._seen.update(row.id for row in fresh)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def row_of(self, member_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == member_id:
                return number
        return None

    def replace_row(self, member: MemberRow) -> None:
        """Show a member's new values in place (after an edit that keeps them in the list)."""
        row = self.row_of(member.id)
        if row is None:
            return
        self._rows[row] = member
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Name"), self.tr("Status"), self.tr("Expires"),
                self.tr("Phone"), self.tr("Company"), self.tr("Plan"), self.tr("City"),
                self.tr("Tags"))

    def cell(self, member: MemberRow, column: int, role: int) -> Any:
        if role == STATUS_ROLE:
            return member.status if column == self.STATUS else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(member, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COMPANY, self.TAGS):
            return self._text(member, column) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if member.archived:
                return QColor("#8a9591")
            if column == self.STATUS:
                return QColor(STATUS_COLOURS[member.status][0])
        return None

    def _text(self, member: MemberRow, column: int) -> str:
        if column == self.NUMBER:
            return member.number
        if column == self.NAME:
            return member.name
        if column == self.STATUS:
            text = status_text(member.status)
            return text if not member.archived else self.tr("%1 · archived").replace("%1", text)
        if column == self.PHONE:
            return member.phone
        if column == self.COMPANY:
            return member.company
        if column == self.CITY:
            return member.city
        if column == self.PLAN:
            return member.plan or ""
        if column == self.EXPIRES:
            return day(member.ends_on)
        if column == self.TAGS:
            return ", ".join(member.tags)
        return ""
