"""Settings → Venue: saving, and each refusal shown at its own field with nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.services import Context
from desktop.settings.store import all_settings
from desktop.ui import dialogs
from desktop.ui.venue_tab import VenueTab
from tests.ui.helpers import write_png


@pytest.fixture
def tab(qtbot, owner_ctx: Context) -> VenueTab:
    widget = VenueTab(owner_ctx)
    qtbot.addWidget(widget)
    return widget


def _error(tab: VenueTab, name: str) -> str:
    label = tab.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(tab) else ""


def test_saves_every_field(qtbot, tab: VenueTab, owner_ctx: Context) -> None:
    tab.venue_name.clear()
    qtbot.keyClicks(tab.venue_name, "Pine Hill Lodge")
    qtbot.keyClicks(tab.address, "88 Songshan Road")
    tab.time_zone.setCurrentText("Asia/Taipei")
    tab.currency.clear()
    qtbot.keyClicks(tab.currency, "TWD")
    tab.language.setCurrentIndex(tab.language.findData("en"))
    tab.idle_lock.setValue(5)
    saved: list[dict] = []
    tab.saved.connect(saved.append)
    tab.save_button.click()

    stored = all_settings(owner_ctx)
    assert stored["venue.name"] == "Pine Hill Lodge"
    assert stored["venue.address"] == "88 Songshan Road"
    assert stored["venue.time_zone"] == "Asia/Taipei"
    assert stored["venue.currency"] == "TWD"
    assert stored["app.language"] == "en"
    assert stored["app.idle_lock_minutes"] == 5
    assert saved and saved[0]["venue.name"] == "Pine Hill Lodge"
    assert "next time Clubhouse starts" in tab.bar.text()  # the language changed


def test_bad_time_zone_is_refused_at_its_field(tab: VenueTab, owner_ctx: Context) -> None:
    tab.venue_name.setText("Changed Name")
    tab.time_zone.setCurrentText("Europe/Atlantis")
    tab.save_button.click()

    assert "Europe/Atlantis is not a time zone" in _error(tab, "timeZoneError")
    assert tab.time_zone.property("invalid") is True
    assert all_settings(owner_ctx)["venue.name"] == "Clubhouse"  # nothing saved


def test_negative_idle_minutes_are_refused_at_their_field(qtbot, tab: VenueTab,
                                                          owner_ctx: Context) -> None:
    tab.idle_lock.clear()
    qtbot.keyClicks(tab.idle_lock, "-5")
    assert tab.idle_lock.value() == -5
    tab.save_button.click()

    assert _error(tab, "idleLockError") == "This must be zero or more."
    assert all_settings(owner_ctx)["app.idle_lock_minutes"] == 10


def test_empty_venue_name_is_refused_at_its_field(tab: VenueTab) -> None:
    tab.venue_name.clear()
    tab.save_button.click()
    assert _error(tab, "venueNameError") == "This cannot be empty."


def test_a_file_that_is_not_an_image_is_refused_as_logo(
        tab: VenueTab, owner_ctx: Context, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("this is not a picture", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *args: fake)
    tab.logo_button.click()
    tab.save_button.click()

    assert _error(tab, "logoError") == "The logo must be a PNG or JPEG image."
    assert all_settings(owner_ctx)["venue.logo"] == ""


def test_a_png_logo_is_previewed_saved_and_removable(
        tab: VenueTab, owner_ctx: Context, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    png = write_png(tmp_path / "logo.png")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *args: png)
    tab.logo_button.click()
    assert not tab.logo_preview.pixmap().isNull()
    tab.save_button.click()
    assert all_settings(owner_ctx)["venue.logo"] == png.read_bytes().hex()

    tab.remove_logo_button.click()
    tab.save_button.click()
    assert all_settings(owner_ctx)["venue.logo"] == ""
    assert tab.logo_preview.text() == "No logo"


def test_errors_clear_after_a_good_save(tab: VenueTab) -> None:
    tab.time_zone.setCurrentText("Nowhere/Nothing")
    tab.save_button.click()
    assert _error(tab, "timeZoneError")
    tab.time_zone.setCurrentText("Asia/Shanghai")
    tab.save_button.click()
    assert _error(tab, "timeZoneError") == ""
    assert tab.bar.text() == "Saved."
