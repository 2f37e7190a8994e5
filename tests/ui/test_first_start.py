"""First start: set up my venue (database, owner, settings) or explore the demo (DEMO)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from desktop import paths
from desktop.accounts.service import has_accounts, list_staff, sign_in
from desktop.app import Launcher
from desktop.clock import FixedClock
from desktop.db import open_database
from desktop.models.accounts import Role
from desktop.security import Hasher
from desktop.services import Context
from desktop.settings.store import all_settings
from desktop.ui.first_start import FirstStartDialog
from tests.ui.helpers import child


@pytest.fixture
def dialog(qtbot, clock: FixedClock, hasher: Hasher) -> FirstStartDialog:
    widget = FirstStartDialog(clock=clock, hasher=hasher,
                              database_path=paths.default_database_path(),
                              demo_path=paths.demo_database_path())
    qtbot.addWidget(widget)
    return widget


def _fill(qtbot, dialog: FirstStartDialog, *, zone: str = "Asia/Shanghai",
          repeat: str = "secret-pass") -> None:
    dialog.setup_button.click()
    assert dialog.current_page == 1
    qtbot.keyClicks(dialog.venue_name, "Pine Hill Lodge")
    dialog.time_zone.setCurrentText(zone)
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.display_name, "Manager Wang")
    qtbot.keyClicks(dialog.password, "secret-pass")
    qtbot.keyClicks(dialog.password_repeat, repeat)


def test_set_up_my_venue_creates_database_owner_and_settings(
        qtbot, dialog: FirstStartDialog, clock: FixedClock, hasher: Hasher) -> None:
    assert not paths.default_database_path().exists()
    _fill(qtbot, dialog, zone="Asia/Hong_Kong")
    dialog.create_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.demo is False
    assert dialog.actor is not None and dialog.actor.role == Role.OWNER
    assert dialog.database is not None
    assert paths.default_database_path().exists()
    database = dialog.database
    try:
        actor = sign_in(database, "wang", "secret-pass", clock=clock, hasher=hasher)
        ctx = Context(database, actor, clock=clock, hasher=hasher)
        assert [(s.username, s.display_name, s.role) for s in list_staff(ctx)] == [
            ("wang", "Manager Wang", Role.OWNER)]
        settings = all_settings(ctx)
        assert settings["venue.name"] == "Pine Hill Lodge"
        assert settings["venue.time_zone"] == "Asia/Hong_Kong"
        assert settings["app.language"] == "en"
    finally:
        database.close()


def test_bad_time_zone_is_shown_at_the_field_and_nothing_is_created(
        qtbot, dialog: FirstStartDialog) -> None:
    _fill(qtbot, dialog, zone="Mars/Olympus_Mons")
    dialog.create_button.click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    error = child(dialog, QLabel, "setupTimeZoneError")
    assert error.isVisibleTo(dialog)
    assert "Mars/Olympus_Mons is not a time zone" in error.text()
    assert not paths.default_database_path().exists()


def test_passwords_that_differ_are_shown_at_the_second_field(
        qtbot, dialog: FirstStartDialog) -> None:
    _fill(qtbot, dialog, repeat="other-pass")
    dialog.create_button.click()
    assert dialog.errors.text("password_repeat") == "The two passwords differ."
    assert not paths.default_database_path().exists()


def test_service_errors_appear_at_their_fields_and_a_retry_works(
        qtbot, dialog: FirstStartDialog) -> None:
    dialog.setup_button.click()
    qtbot.keyClicks(dialog.venue_name, "Lodge")
    qtbot.keyClicks(dialog.username, "x")  # too short
    qtbot.keyClicks(dialog.display_name, "X")
    qtbot.keyClicks(dialog.password, "abc")
    qtbot.keyClicks(dialog.password_repeat, "abc")
    dialog.create_button.click()
    assert "2 to 64" in dialog.errors.text("username")

    qtbot.keyClicks(dialog.username, "iao")
    dialog.create_button.click()
    assert dialog.errors.text("username") == ""
    assert dialog.errors.text("password") == "A password needs at least 6 characters."

    for edit in (dialog.password, dialog.password_repeat):
        edit.clear()
        qtbot.keyClicks(edit, "long-enough")
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.database is not None
    dialog.database.close()


def test_explore_the_demo_opens_the_demo_database_signed_in_as_owner(
        qtbot, dialog: FirstStartDialog, make_window) -> None:
    dialog.demo_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.demo is True
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("owner", Role.OWNER)
    assert dialog.database is not None
    assert Path(dialog.database.url.database or "") == paths.demo_database_path()
    assert not paths.default_database_path().exists()  # the venue's database is untouched

    ctx = Context(dialog.database, dialog.actor, clock=dialog._clock, hasher=dialog._hasher)
    window = make_window(ctx, demo=True)
    assert "DEMO" in window.windowTitle()
    assert window.findChild(type(window.venue_label), "demoBadge") is not None
    window.close()
    dialog.database.close()


def test_explore_the_demo_again_reuses_the_demo_database(
        qtbot, clock: FixedClock, hasher: Hasher) -> None:
    for _ in range(2):
        dialog = FirstStartDialog(clock=clock, hasher=hasher,
                                  database_path=paths.default_database_path(),
                                  demo_path=paths.demo_database_path())
        qtbot.addWidget(dialog)
        dialog.demo_button.click()
        assert dialog.actor is not None
        assert dialog.database is not None
        dialog.database.close()


def test_an_existing_database_without_accounts_goes_straight_to_set_up(
        qtbot, tmp_path: Path, clock: FixedClock, hasher: Hasher) -> None:
    database = open_database(str(tmp_path / "empty.sqlite"), create=True)
    dialog = FirstStartDialog(clock=clock, hasher=hasher, database_path=tmp_path / "unused",
                              demo_path=tmp_path / "unused-demo", database=database)
    qtbot.addWidget(dialog)
    assert dialog.current_page == 1
    assert not dialog.back_button.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.venue_name, "Lodge")
    qtbot.keyClicks(dialog.username, "owner")
    qtbot.keyClicks(dialog.display_name, "Owner")
    qtbot.keyClicks(dialog.password, "owner-pass")
    qtbot.keyClicks(dialog.password_repeat, "owner-pass")
    dialog.create_button.click()
    assert dialog.actor is not None
    assert has_accounts(database)
    database.close()


def test_launcher_offers_first_start_only_without_any_database(
        qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FixedClock,
        hasher: Hasher) -> None:
    def launcher(db: str | None = None) -> Launcher:
        return Launcher(qapp, db=db, lang="en", user=None, clock=clock, hasher=hasher)

    assert launcher()._needs_first_start()
    assert not launcher(str(tmp_path / "x.sqlite"))._needs_first_start()
    monkeypatch.setenv("CLUBHOUSE_DATABASE_URL", str(tmp_path / "y.sqlite"))
    assert not launcher()._needs_first_start()
    monkeypatch.delenv("CLUBHOUSE_DATABASE_URL")
    open_database(str(paths.default_database_path()), create=True).close()
    assert not launcher()._needs_first_start()


def test_quitting_after_a_refusal_leaves_no_empty_database(qtbot,
                                                           dialog: FirstStartDialog) -> None:
    _fill(qtbot, dialog)
    dialog.username.setText("x")  # refused by the service, after the file was created
    dialog.create_button.click()
    assert dialog.errors.text("username")
    assert paths.default_database_path().exists()

    dialog.reject()
    assert not paths.default_database_path().exists()
    assert dialog.database is None
