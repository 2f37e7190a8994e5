"""The base of the app's list tables: one row object per table line, titled columns.

Every list (staff, backups, audit log, plans, members, an import preview) is a flat list of
row objects shown in fixed columns, so the row keeping and Qt's row, column and header
questions live here once.  A subclass names its columns in ``headers()`` and says what a
cell shows in ``cell()``.  The titles stay literal ``self.tr("...")`` calls in the subclass:
lupdate files them under the subclass's name, which is also the context Qt looks them up in.
``ROW_ROLE`` hands back the row object behind any index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T``; models that fetch page by page extend ``_rows`` themselves."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns = len(self.headers())

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated when asked (a language change shows at once)."""
        raise NotImplementedError

    def cell(self, row: T, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role``; None for nothing."""
        raise NotImplementedError

    @property
    def rows(self) -> Sequence[T]:
        return self._rows

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)
