"""Settings (owner only): Venue, Rules, Spaces, Staff, Database and Backups, one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.services import Context
from desktop.ui.backups_tab import BackupsTab
from desktop.ui.database_tab import DatabaseTab
from desktop.ui.rules_tab import RulesTab
from desktop.ui.spaces_tab import SpacesTab
from desktop.ui.staff_tab import StaffTab
from desktop.ui.tasks import TaskRunner
from desktop.ui.venue_tab import VenueTab
from desktop.ui.widgets import view_column

TAB_NAMES = ("venue", "rules", "spaces", "staff", "database", "backups")


class SettingsView(QWidget):
    settingsSaved = Signal(dict)
    restored = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsView")
        column = view_column(self, self.tr("Settings"),
                             self.tr("The venue, the rules the app counts by, its spaces, the "
                                     "staff accounts, the database and its backups."))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(False)
        self.venue = VenueTab(ctx)
        self.rules = RulesTab(ctx)
        self.spaces = SpacesTab(ctx)
        self.staff = StaffTab(ctx)
        self.database = DatabaseTab(ctx, runner)
        self.backups = BackupsTab(ctx, runner)
        self.tabs.addTab(self.venue, self.tr("Venue"))
        self.tabs.addTab(self.rules, self.tr("Rules"))
        self.tabs.addTab(self.spaces, self.tr("Spaces"))
        self.tabs.addTab(self.staff, self.tr("Staff"))
        self.tabs.addTab(self.database, self.tr("Database"))
        self.tabs.addTab(self.backups, self.tr("Backups"))
        column.addWidget(self.tabs, 1)
        self.venue.saved.connect(self.settingsSaved)
        self.backups.restored.connect(self.restored)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        refresh = getattr(current, "refresh", None)
        if callable(refresh):
            refresh()
