"""The Circle view's tables: offers or needs, suggested matches, introductions.

Each hands back the row behind an index (``ROW_ROLE``); the items table is filtered by one
search text over title, member and tags (``ItemsFilter``), which is all the desk asks of a
list of a few hundred open items.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.circle.matching import Match
from desktop.circle.service import IntroductionView, ItemView
from desktop.circle.summary import means_label, outcome_label, side_label
from desktop.ui.members.common import day, money
from desktop.ui.table_model import ROW_ROLE, RowsModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def kind_text(kind: str) -> str:
    """What a suggestion is, in the UI language."""
    if kind == "partner":
        return QCoreApplication.translate("CircleKinds", "Partner")
    return side_label(kind).render()


class ItemsModel(RowsModel[ItemView]):
    """Open offers or needs: title, member, tags, the day it was opened."""

    TITLE, MEMBER, TAGS, OPENED = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Member"), self.tr("Tags"), self.tr("Opened"))

    def row_of(self, item_id: int) -> int | None:
        return next((n for n, item in enumerate(self.rows) if item.id == item_id), None)

    def cell(self, item: ItemView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.title, item.member_name, ", ".join(item.tags),
                    day(item.opened_on))[column]
        if role == Qt.ItemDataRole.ToolTipRole and item.description:
            return item.description
        return None


class ItemsFilter(QSortFilterProxyModel):
    """Rows whose title, member or a tag contains the search text (any case)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        item = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(item, ItemView):
            return False
        haystack = " ".join((item.title, item.member_name, *item.tags)).casefold()
        return all(word in haystack for word in self._text.split())


class MatchesModel(RowsModel[Match]):
    """Suggestions for one item, best first: who or what, the kind, the score."""

    WHO, WHAT, KIND, SCORE = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Who"), self.tr("What"), self.tr("Kind"), self.tr("Score"))

    def cell(self, match: Match, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            what = "" if match.title == match.who else match.title
            return (match.who, what, kind_text(match.kind), f"{match.score:g}")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(reason.render() for reason in match.reasons)
        return None


class IntroductionsModel(RowsModel[IntroductionView]):
    """Introductions: when, who to whom, by what means, and what came of it."""

    DAY, MEMBER, OTHER, MEANS, OUTCOME, VALUE, NOTE = range(7)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Introduced"), self.tr("Member"), self.tr("Introduced to"),
                self.tr("Means"), self.tr("Outcome"), self.tr("Value"), self.tr("Note"))

    def row_of(self, introduction_id: int) -> int | None:
        return next((n for n, i in enumerate(self.rows) if i.id == introduction_id), None)

    def cell(self, intro: IntroductionView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = money(intro.outcome_value) if intro.outcome_value is not None else ""
            return (day(intro.introduced_on), intro.member_a_name, intro.other,
                    means_label(intro.means).render(), outcome_label(intro.outcome).render(),
                    value, intro.outcome_note or intro.note or "")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [n for n in (intro.note, intro.outcome_note) if n]
            return "\n".join(notes) or None
        return None
