"""The Review view (owner only): membership, engagement, spaces, events, circle and money, each
number and chart element opening the list behind it, and the monthly report.

The numbers come from one service call (``review_snapshot``) run by the task runner when the
view is first shown (and on F5), so the window stays responsive while they load
("Loading…"); the page on show is rebuilt from the result, each other page when its tab is
first opened (``pages`` builds a page on first use: six pages of charts and tables at once
were most of the time the view took to open).
A list (``drill_down``) is loaded the same way in its own dialog.  A member in any list
opens in Members (``openMember``), an event in Events (``openEvent``).

Keyboard: Ctrl+Tab / Ctrl+PgDown between the pages, Tab through the tiles and charts (arrow
keys move within a chart, Enter opens the list), F5 loads again, Ctrl+P the monthly report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.permissions import Permission
from desktop.review.common import Drill, DrillRow
from desktop.review.overview import Review, review_snapshot
from desktop.services import Context
from desktop.ui.bootstrap import current_language
from desktop.ui.pdf_preview import print_to_preview
from desktop.ui.review.drill_dialog import DrillDialog
from desktop.ui.review.month_dialog import MonthDialog
from desktop.ui.review.parts import STYLE
from desktop.ui.review.sections import PAGES, Links, SectionPage
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import MessageBar, label, view_action, view_column

LOADING, LOADED = 0, 1


class Pages(Mapping[str, SectionPage]):
    """The pages of the loaded review by key, each built the first time it is asked for
    (shown, or reached by a test or a keyboard shortcut) and put into its tab."""

    def __init__(self, scrolls: dict[str, QScrollArea]) -> None:
        self._scrolls = scrolls
        self._built: dict[str, SectionPage] = {}
        self._source: tuple[Review, Links] | None = None

    def reset(self, review: Review, links: Links) -> None:
        """A new review: the pages built from the old one go (their tabs show nothing until
        opened again, never the old numbers)."""
        self._source = (review, links)
        self._built.clear()
        for scroll in self._scrolls.values():
            old = scroll.takeWidget()
            if old is not None:
                old.deleteLater()

    def __getitem__(self, key: str) -> SectionPage:
        return self.build(key)

    def build(self, key: str) -> SectionPage:
        page = self._built.get(key)
        if page is not None:
            return page
        if self._source is None:
            raise KeyError(key)
        page_class = dict(PAGES)[key]  # KeyError for an unknown page
        page = page_class(*self._source, key)
        self._scrolls[key].setWidget(page)
        self._built[key] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(key for key, _page in PAGES) if self._source else iter(())

    def __len__(self) -> int:
        return len(PAGES) if self._source else 0

    def built(self, key: str) -> bool:
        return key in self._built


class ReviewView(QWidget):
    openMember = Signal(int)
    openEvent = Signal(int)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        ctx.require(Permission.REVIEW_AND_AUDIT)  # the desk never gets here (PermissionDenied)
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.setStyleSheet(STYLE)
        self._ctx = ctx
        self._runner = runner
        self._generation = 0
        self.review: Review | None = None
        self.dialog: QDialog | None = None
        column = view_column(self, self.tr("Review"),
                             self.tr("Whom to call about renewal, who is drifting away, which "
                                     "spaces and events work, what the circle produced. Click "
                                     "any number or bar for the list behind it."))
        column.addLayout(self._top_row())
        self.bar = MessageBar("reviewMessage")
        column.addWidget(self.bar)
        self.stack = QStackedWidget()
        self.stack.setObjectName("reviewStack")
        self.loading = label(self.tr("Loading…"), "hint", object_name="reviewLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setDocumentMode(False)
        self.scrolls: dict[str, QScrollArea] = {}
        for key, title in self._titles().items():
            scroll = QScrollArea()
            scroll.setObjectName(f"{key}Scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.scrolls[key] = scroll
            self.tabs.addTab(scroll, title)
        self.pages = Pages(self.scrolls)
        self.tabs.currentChanged.connect(self._page_opened)
        self.stack.addWidget(self.tabs)
        column.addWidget(self.stack, 1)
        self._pending = False

    def showEvent(self, event: QShowEvent) -> None:
        """The numbers are loaded when the view is first shown, not when the window is built:
        the owner may never open the review in a session, and the runner does one task at a
        time."""
        super().showEvent(event)
        if self.review is None and not self._pending:
            self.refresh()

    def _titles(self) -> dict[str, str]:
        return {"membership": self.tr("Membership"), "engagement": self.tr("Engagement"),
                "spaces": self.tr("Spaces"), "events": self.tr("Events"),
                "circle": self.tr("Circle"), "money": self.tr("Money")}

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.window_label = label("", "hint", object_name="reviewWindow")
        row.addWidget(self.window_label, 1)
        self.refresh_action = view_action(self, self.tr("Refresh"), "refreshReviewAction",
                                          self.refresh, QKeySequence(Qt.Key.Key_F5))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("reviewRefreshButton")
        self.refresh_button.setToolTip(self.refresh_action.toolTip())
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        self.report_action = view_action(self, self.tr("Monthly report…"), "monthReportAction",
                                         self.monthly_report, QKeySequence("Ctrl+P"))
        self.report_button = QPushButton(self.tr("Monthly report…"))
        self.report_button.setObjectName("monthReportButton")
        self.report_button.setToolTip(self.report_action.toolTip())
        self.report_button.clicked.connect(self.monthly_report)
        self.report_button.setVisible(self._ctx.may(Permission.PRINT))
        row.addWidget(self.report_button)
        return row

    # -- loading -------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        return self.loading.isVisibleTo(self) and self.stack.currentIndex() == LOADING

    def refresh(self) -> None:
        """The review again from the database, off the GUI thread; the pages already shown
        stay until the new numbers arrive."""
        self._generation += 1
        generation = self._generation
        self._pending = True
        ctx = self._ctx
        self.refresh_button.setEnabled(False)
        if self.review is None:
            self.loading.setText(self.tr("Loading…"))
            self.stack.setCurrentIndex(LOADING)
        else:
            self.window_label.setText(self.tr("Loading…"))

        def done(review: Review) -> None:
            if generation == self._generation:
                self._pending = False
                self._show(review)

        def failed(error: ClubhouseError) -> None:
            if generation == self._generation:
                self._pending = False
                self.refresh_button.setEnabled(True)
                self.loading.setText("")
                self.bar.show_error(error.render())

        self._runner.run(lambda: review_snapshot(ctx), done, failed)

    def _show(self, review: Review) -> None:
        self.review = review
        self.refresh_button.setEnabled(True)
        self.window_label.setText(
            self.tr("%1 to %2 (the last 90 days); statuses as of %3; trends over 12 months.")
            .replace("%1", review.first.isoformat()).replace("%2", review.last.isoformat())
            .replace("%3", review.as_of.isoformat()))
        if review.empty:
            self.bar.show_message(self.tr("Nothing happened in the last 90 days yet: the "
                                          "numbers fill in as members join, visit, book and "
                                          "come to events."))
        else:
            self.bar.clear()
        links = Links(self.open_drill, self.open_rows, self.openMember.emit,
                      self.openEvent.emit)
        self.pages.reset(review, links)
        self._page_opened(self.tabs.currentIndex())
        self.stack.setCurrentIndex(LOADED)

    def _page_opened(self, index: int) -> None:
        """Build the page of the tab just opened (once per review)."""
        for key, scroll in self.scrolls.items():
            if self.review is not None and scroll is self.tabs.widget(index):
                self.pages.build(key)

    def show_page(self, key: str) -> SectionPage:
        self.tabs.setCurrentWidget(self.scrolls[key])
        return self.pages[key]

    # -- the lists behind the numbers ----------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def _drill_dialog(self, dialog: DrillDialog) -> DrillDialog:
        dialog.openMember.connect(self.openMember)
        dialog.openEvent.connect(self.openEvent)
        self._open(dialog)
        return dialog

    def open_drill(self, title: str, drill: Drill) -> DrillDialog:
        return self._drill_dialog(DrillDialog(self._ctx, self._runner, title, drill,
                                              parent=self))

    def open_rows(self, title: str, rows: Sequence[DrillRow]) -> DrillDialog:
        return self._drill_dialog(DrillDialog(self._ctx, self._runner, title, rows=rows,
                                              parent=self))

    # -- the monthly report --------------------------------------------------------------------

    def monthly_report(self) -> MonthDialog | None:
        """Ask for the month (last month by default), make its PDF off the GUI thread, then
        preview it to save or print."""
        if not self._ctx.may(Permission.PRINT):
            return None
        dialog = MonthDialog(self._ctx.clock.now().date(), self)
        dialog.accepted.connect(lambda: self.print_month(dialog.chosen().year,
                                                         dialog.chosen().month))
        self._open(dialog)
        return dialog

    def print_month(self, year: int, month: int) -> None:
        from desktop.reports.monthly import print_month_report

        ctx, lang = self._ctx, current_language()

        def make(path: Path) -> object:
            return print_month_report(ctx, year, month, path, lang)

        print_to_preview(self, self._runner, self.bar,
                         self.tr("Monthly report %1").replace("%1", f"{year}-{month:02d}"),
                         f"monthly-report-{year}-{month:02d}.pdf", make, self._open)
