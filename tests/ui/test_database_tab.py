"""Settings → Database: test a PostgreSQL connection, save it (password in the keyring)."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy.engine import URL

from desktop import connection
from desktop.services import Context
from desktop.ui.database_tab import DatabaseTab
from desktop.ui.tasks import TaskRunner
from tests.helpers.keyrings import MemoryKeyring
from tests.ui.helpers import child


@pytest.fixture
def tab(qtbot, owner_ctx: Context, inline: TaskRunner) -> DatabaseTab:
    widget = DatabaseTab(owner_ctx, inline)
    qtbot.addWidget(widget)
    return widget


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fill(qtbot, tab: DatabaseTab, host: str, port: int, database: str, user: str,
          password: str = "") -> None:
    for edit, text in ((tab.host, host), (tab.database_name, database), (tab.user, user),
                       (tab.password, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    tab.port.setValue(port)


def test_shows_the_current_database(tab: DatabaseTab, owner_ctx: Context) -> None:
    where = child(tab, QLabel, "databaseWhere")
    kind = child(tab, QLabel, "databaseKind")
    assert where.text() == owner_ctx.database.description
    assert kind.text() == "A file on this computer (SQLite)"
    assert "No PostgreSQL server is saved" in tab.saved_label.text()


def test_test_connection_to_a_closed_port_explains(qtbot, tab: DatabaseTab) -> None:
    port = _closed_port()
    _fill(qtbot, tab, "127.0.0.1", port, "lodge", "desk")
    child(tab, QPushButton, "testConnectionButton").click()
    assert f"Nothing answers at 127.0.0.1:{port}" in tab.bar.text()
    assert tab.test_button.isEnabled()


def test_a_missing_host_is_shown_at_its_field(tab: DatabaseTab) -> None:
    tab.host.clear()
    tab.test_button.click()
    assert tab.errors.text("host") == "This cannot be empty."


def test_without_a_keyring_the_password_is_refused_at_its_field(
        qtbot, tab: DatabaseTab, no_keyring: None) -> None:
    tab.refresh()
    note = child(tab, QLabel, "keyringNote")
    assert "no system keyring" in note.text()
    _fill(qtbot, tab, "db.lodge.lan", 5432, "lodge", "desk", "s3cret")
    tab.use_button.click()
    assert "cannot be saved" in tab.errors.text("password")
    assert connection.load_profile() is None


def test_use_this_database_tests_then_saves_for_the_next_start(
        qtbot, tab: DatabaseTab, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tested: list[tuple[connection.ConnectionProfile, str | None]] = []
    monkeypatch.setattr(connection, "test_connection",
                        lambda profile, password: tested.append((profile, password)))
    _fill(qtbot, tab, "db.lodge.lan", 5433, "lodge", "desk", "s3cret")
    tab.use_button.click()

    profile = connection.ConnectionProfile("db.lodge.lan", 5433, "lodge", "desk")
    assert tested == [(profile, "s3cret")]
    assert connection.load_profile() == profile
    assert memory_keyring.passwords == {("clubhouse", "desk@db.lodge.lan:5433/lodge"): "s3cret"}
    assert "from the next start" in tab.bar.text()
    assert "lodge on db.lodge.lan:5433" in tab.saved_label.text()
    assert tab.local_button.isVisibleTo(tab)

    tab.local_button.click()
    assert connection.load_profile() is None
    assert memory_keyring.passwords == {}


def test_a_server_that_does_not_answer_is_not_saved(qtbot, tab: DatabaseTab,
                                                    memory_keyring: MemoryKeyring) -> None:
    _fill(qtbot, tab, "127.0.0.1", _closed_port(), "lodge", "desk", "s3cret")
    tab.use_button.click()
    assert "Nothing answers" in tab.bar.text()
    assert connection.load_profile() is None
    assert memory_keyring.passwords == {}


@pytest.mark.postgres
def test_test_connection_to_the_test_server_succeeds(qtbot, tab: DatabaseTab,
                                                     postgres_url: URL) -> None:
    _fill(qtbot, tab, postgres_url.host or "", postgres_url.port or 5432,
          postgres_url.database or "", postgres_url.username or "", postgres_url.password or "")
    tab.test_button.click()
    assert tab.bar.text() == "Connected. The server answers and the database is there."


def test_test_connection_runs_in_the_background(qtbot, owner_ctx: Context) -> None:
    runner = TaskRunner()
    tab = DatabaseTab(owner_ctx, runner)
    qtbot.addWidget(tab)
    _fill(qtbot, tab, "127.0.0.1", _closed_port(), "lodge", "desk")
    tab.test_button.click()
    assert not tab.test_button.isEnabled()  # busy while the worker connects
    qtbot.waitUntil(lambda: "Nothing answers" in tab.bar.text(), timeout=10_000)
    assert tab.test_button.isEnabled()
