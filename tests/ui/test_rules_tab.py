"""Settings → Rules: the thresholds the rules read, changed and saved from one tab; a bad
value is refused at its own field and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.members.status import Status
from desktop.review.engagement import engagement_review
from desktop.review.overview import review_snapshot
from desktop.review.settings import parse_hours
from desktop.services import Context
from desktop.settings.store import all_settings, get_setting
from desktop.ui.rules_tab import RulesTab


@pytest.fixture
def tab(qtbot, owner_ctx: Context) -> RulesTab:
    widget = RulesTab(owner_ctx)
    qtbot.addWidget(widget)
    return widget


def _error(tab: RulesTab, name: str) -> str:
    error = tab.findChild(QLabel, name)
    assert error is not None, name
    return error.text() if error.isVisibleTo(tab) else ""


def test_shows_the_stored_rules_with_where_they_are_used(tab: RulesTab) -> None:
    assert tab.spins["members.grace_days"].value() == 30
    assert tab.spins["review.not_seen_days"].value() == 60
    assert tab.hours_edit.text() == "08:00-22:00"
    texts = [w.text() for w in tab.findChildren(QLabel)]
    assert "Not seen for (days)" in texts
    assert any("Review → Engagement" in t for t in texts)
    assert any("Review → Spaces" in t for t in texts)
    assert any("no-show" in t for t in texts)


def test_a_changed_value_is_saved_and_the_services_read_it(qtbot, tab: RulesTab,
                                                           owner_ctx: Context) -> None:
    plan = mm.create_plan(owner_ctx, mm.PlanInput("Annual", "1980", 12, is_default=True))
    mm.join_member(owner_ctx, ms.MemberInput("Wang Wu"), plan)

    def new_members() -> int:
        statuses = review_snapshot(owner_ctx).membership.by_status
        return {b.key: b.count.value for b in statuses}[Status.NEW.value]

    assert new_members() == 1
    new_days = tab.spins["members.new_days"]
    new_days.selectAll()
    qtbot.keyClicks(new_days, "0")
    not_seen = tab.spins["review.not_seen_days"]
    not_seen.selectAll()
    qtbot.keyClicks(not_seen, "14")
    hours = tab.hours_edit
    hours.selectAll()
    qtbot.keyClicks(hours, "09:00-21:00")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    assert "Saved" in tab.bar.text()
    stored = all_settings(owner_ctx)
    assert stored["members.new_days"] == 0
    assert new_members() == 0  # the status rule reads the new value
    today = owner_ctx.clock.now().date()
    assert engagement_review(owner_ctx, today, today, today).not_seen_days == 14
    assert parse_hours(get_setting(owner_ctx, "review.utilisation_hours")) == (540, 1260)


def test_bad_hours_are_refused_at_their_field(qtbot, tab: RulesTab,
                                              owner_ctx: Context) -> None:
    tab.spins["members.grace_days"].setValue(10)
    hours = tab.hours_edit
    hours.selectAll()
    qtbot.keyClicks(hours, "22:00-08:00")
    tab.save_button.click()

    assert _error(tab, "utilisationHoursError") == (
        "The end of the hours must be after their start.")
    assert all_settings(owner_ctx)["members.grace_days"] == 30  # nothing saved
    hours.setText("eight to ten")
    tab.save_button.click()
    assert _error(tab, "utilisationHoursError") == "Write the hours as 08:00-22:00."


def test_negative_days_are_refused_and_undo_restores(qtbot, tab: RulesTab,
                                                     owner_ctx: Context) -> None:
    tab.spins["review.not_seen_days"].setValue(-3)
    tab.save_button.click()
    assert _error(tab, "notSeenDaysError") == "This must be zero or more."
    tab.revert_button.click()
    assert tab.spins["review.not_seen_days"].value() == 60
    assert _error(tab, "notSeenDaysError") == ""
