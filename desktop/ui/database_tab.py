"""Settings → Database: which database this computer uses, and pointing it at PostgreSQL.

Several desks share one PostgreSQL database.  The owner enters the server here, tests the
connection, and saves it: the profile goes to the data folder, the password to the system
keyring (desktop.connection).  The change takes effect when Clubhouse next starts; the data
is not copied (a backup restored there moves it).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import connection
from desktop.connection import ConnectionProfile
from desktop.errors import ClubhouseError, DomainError
from desktop.services import Context
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import (
    FieldErrors,
    MessageBar,
    error_label,
    label,
    password_edit,
    with_error,
)

FIELD_WIDTH = 420


class DatabaseTab(QWidget):
    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseTab")
        self._ctx = ctx
        self._runner = runner
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(12)

        current = QGroupBox(self.tr("This computer uses"))
        current_form = QFormLayout(current)
        current_form.setSpacing(8)
        database = ctx.database
        kind = (self.tr("A file on this computer (SQLite)") if database.is_sqlite
                else self.tr("A PostgreSQL server, shared by several desks"))
        current_form.addRow(self.tr("Kind"), label(kind, object_name="databaseKind"))
        current_form.addRow(self.tr("Where"), label(database.description, wrap=True,
                                                    object_name="databaseWhere"))
        current_form.addRow(self.tr("Schema version"),
                            label(database.current_revision() or "—",
                                  object_name="databaseRevision"))
        self.saved_label = label("", "hint", wrap=True, object_name="savedConnection")
        current_form.addRow(self.saved_label)
        column.addWidget(current)

        server = QGroupBox(self.tr("A shared PostgreSQL server (for several desks)"))
        server_column = QVBoxLayout(server)
        server_column.setSpacing(8)
        server_column.addWidget(label(self.tr(
            "Enter the server your IT person set up. Test the connection, then use it: "
            "Clubhouse opens it the next time it starts. Your data is not copied; to move it, "
            "back up here and restore the backup there."), "hint", wrap=True))
        self.bar = MessageBar("connectionMessage")
        server_column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(8)
        self.host = QLineEdit()
        self.host.setObjectName("pgHostEdit")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or db.lodge.lan"))
        self._row(form, self.tr("Server"), "host", self.host)
        self.port = QSpinBox()
        self.port.setObjectName("pgPortSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(connection.DEFAULT_PORT)
        self.port.setMaximumWidth(110)
        self._row(form, self.tr("Port"), "port", self.port)
        self.database_name = QLineEdit("clubhouse")
        self.database_name.setObjectName("pgDatabaseEdit")
        self._row(form, self.tr("Database"), "database", self.database_name)
        self.user = QLineEdit("clubhouse")
        self.user.setObjectName("pgUserEdit")
        self._row(form, self.tr("User"), "user", self.user)
        self.password = password_edit("pgPasswordEdit")
        self.password.setMaximumWidth(FIELD_WIDTH)
        password_error = error_label("pgPasswordError")
        self.keyring_note = label("", "hint", wrap=True, object_name="keyringNote")
        cell = QWidget()
        cell_column = QVBoxLayout(cell)
        cell_column.setContentsMargins(0, 0, 0, 0)
        cell_column.setSpacing(2)
        cell_column.addWidget(with_error(self.password, password_error))
        cell_column.addWidget(self.keyring_note)
        form.addRow(self.tr("Password"), cell)
        self.errors.add("password", self.password, password_error)
        server_column.addLayout(form)

        buttons = QHBoxLayout()
        self.local_button = QPushButton(self.tr("Use the local file again"))
        self.local_button.setObjectName("useLocalFileButton")
        self.local_button.clicked.connect(self.use_local_file)
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test)
        buttons.addWidget(self.test_button)
        self.use_button = QPushButton(self.tr("Use this database"))
        self.use_button.setObjectName("useDatabaseButton")
        self.use_button.setProperty("primary", True)
        self.use_button.clicked.connect(self.use)
        buttons.addWidget(self.use_button)
        server_column.addLayout(buttons)
        column.addWidget(server)
        column.addStretch(1)
        self.refresh()

    def _row(self, form: QFormLayout, title: str, field: str, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.setMaximumWidth(FIELD_WIDTH)
        name = widget.objectName().replace("Edit", "").replace("Spin", "")
        self.errors.add_row(form, title, field, widget, name + "Error")

    def refresh(self) -> None:
        profile = connection.load_profile()
        if profile is not None:
            self.host.setText(profile.host)
            self.port.setValue(profile.port)
            self.database_name.setText(profile.database)
            self.user.setText(profile.user)
            self.saved_label.setText(self.tr("Saved for the next start: %1 on %2.")
                                     .replace("%1", profile.database)
                                     .replace("%2", profile.server))
        else:
            self.saved_label.setText(self.tr("No PostgreSQL server is saved: Clubhouse opens "
                                             "the local file."))
        self.local_button.setVisible(profile is not None)
        if connection.keyring_available():
            self.keyring_note.setText(self.tr("Kept in the system keyring, never in a file."))
        else:
            self.keyring_note.setText(self.tr(
                "This computer has no system keyring, so a password cannot be saved. Leave it "
                "empty if the server trusts this computer, or start Clubhouse with --db."))

    def profile(self) -> ConnectionProfile:
        return ConnectionProfile(self.host.text().strip(), self.port.value(),
                                 self.database_name.text().strip(), self.user.text().strip())

    def _busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.use_button.setEnabled(not busy)

    def _check(self) -> ConnectionProfile | None:
        self.errors.clear()
        profile = self.profile()
        try:
            connection.check_profile(profile)
        except DomainError as error:
            self.errors.show(error)
            return None
        return profile

    def test(self) -> None:
        profile = self._check()
        if profile is None:
            return
        password = self.password.text() or None
        self._busy(True)
        self.bar.show_message(self.tr("Connecting to %1…").replace("%1", profile.server))
        self._runner.run(lambda: connection.test_connection(profile, password),
                         self._tested, self._failed)

    def _tested(self, _result: object) -> None:
        self._busy(False)
        self.bar.show_success(self.tr("Connected. The server answers and the database is "
                                      "there."))

    def _failed(self, error: ClubhouseError) -> None:
        self._busy(False)
        self.errors.show(error)

    def use(self) -> None:
        """Test first: a profile that cannot connect is not saved."""
        profile = self._check()
        if profile is None:
            return
        password = self.password.text() or None
        if password and not connection.keyring_available():
            self.errors.show_text("password", self.tr(
                "This computer has no system keyring, so the password cannot be saved."))
            return
        self._busy(True)
        self.bar.show_message(self.tr("Connecting to %1…").replace("%1", profile.server))

        def test_and_save() -> None:
            connection.test_connection(profile, password)
            connection.save_profile(profile, password)

        self._runner.run(test_and_save, self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self._busy(False)
        self.password.clear()
        self.refresh()
        self.bar.show_success(self.tr("Saved. Clubhouse uses this database from the next "
                                      "start."))

    def use_local_file(self) -> None:
        connection.clear_profile()
        self.errors.clear()
        self.refresh()
        self.bar.show_success(self.tr("The server is forgotten. Clubhouse opens the local file "
                                      "from the next start."))
