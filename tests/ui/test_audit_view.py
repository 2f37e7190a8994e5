"""Audit log view: entries newest first, filters, paging on scroll, detail, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester

from desktop.accounts.service import create_staff, update_staff
from desktop.audit.browse import AuditFilter
from desktop.models.accounts import Role
from desktop.services import Context
from desktop.settings.store import update_settings
from desktop.ui import dialogs
from desktop.ui.audit_view import AuditTableModel, AuditView
from desktop.ui.tasks import TaskRunner


@pytest.fixture
def history(owner_ctx: Context, desk_ctx: Context) -> Context:
    """Changes by the owner on two days, and the desk's own sign-in, as the log records them."""
    clock = owner_ctx.clock
    clock.advance(days=1)  # type: ignore[attr-defined]
    update_settings(owner_ctx, {"venue.name": "Pine Hill Lodge"})
    clock.advance(days=1)  # type: ignore[attr-defined]
    assert desk_ctx.actor.id is not None
    update_staff(owner_ctx, desk_ctx.actor.id, "Li Xiaowan", Role.DESK)
    return owner_ctx


@pytest.fixture
def view(qtbot, history: Context, inline: TaskRunner) -> AuditView:
    widget = AuditView(history, inline)
    qtbot.addWidget(widget)
    return widget


def _column(view: AuditView, column: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, history: Context) -> None:
    model = AuditTableModel(history, page_size=3)
    model.set_filter(AuditFilter())
    qtmodeltester.check(model)


def test_shows_entries_newest_first_with_detail(view: AuditView) -> None:
    assert view.model.total == view.model.rowCount() > 3
    assert _column(view, AuditTableModel.ACTION)[0] == "Changed"
    assert _column(view, AuditTableModel.RECORD)[0] == "Staff account 2"
    assert "display_name" in _column(view, AuditTableModel.CHANGES)[0]
    when = _column(view, AuditTableModel.WHEN)
    assert when == sorted(when, reverse=True)

    view.table.selectRow(0)
    detail = view.detail_model
    rows = [tuple(detail.index(r, c).data() for c in range(3)) for r in range(detail.rowCount())]
    assert ("display_name", "Xiao Li", "Li Xiaowan") in rows
    assert "Staff account 2, by owner" in view.detail_title.text()


def test_filters_by_staff_and_record(view: AuditView) -> None:
    staff_items = [view.staff_filter.itemText(i) for i in range(view.staff_filter.count())]
    assert staff_items[0] == "All staff"
    assert "desk" in staff_items and "owner" in staff_items

    view.staff_filter.setCurrentIndex(view.staff_filter.findData("desk"))
    assert set(_column(view, AuditTableModel.STAFF)) == {"desk"}  # the desk's sign-in

    view.staff_filter.setCurrentIndex(0)
    view.entity_filter.setCurrentIndex(view.entity_filter.findData("setting"))
    assert view.entity_filter.currentText() == "Setting"
    records = _column(view, AuditTableModel.RECORD)
    assert records == ["Setting venue.name"]
    assert view.count_label.text() == "1 entries"


def test_filters_by_date_range(view: AuditView, history: Context) -> None:
    day = history.clock.now().date() - dt.timedelta(days=1)  # the day of the venue rename
    view.since_edit.setDate(QDate(day.year, day.month, day.day))
    view.until_edit.setDate(QDate(day.year, day.month, day.day))
    view.since_check.setChecked(True)
    view.until_check.setChecked(True)
    assert _column(view, AuditTableModel.RECORD) == ["Setting venue.name"]

    view.until_check.setChecked(False)
    assert len(_column(view, AuditTableModel.RECORD)) == 2


def test_pages_are_fetched_on_demand(qtbot, history: Context, inline: TaskRunner) -> None:
    for number in range(12):
        create_staff(history, f"staff{number:02d}", f"Staff {number}", Role.DESK, "password1")
    view = AuditView(history, inline, page_size=5)
    qtbot.addWidget(view)
    total = view.model.total
    assert total > 15
    assert view.model.rowCount() == 5
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == 10
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == total
    ids = [view.model.row_at(row).id for row in range(total)]
    assert len(set(ids)) == total


def test_scrolling_the_table_fetches_more(qtbot, history: Context, inline: TaskRunner) -> None:
    for number in range(30):
        create_staff(history, f"staff{number:02d}", f"Staff {number}", Role.DESK, "password1")
    view = AuditView(history, inline, page_size=10)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    first = view.model.rowCount()
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.model.rowCount() > first, timeout=2000)


def test_export_writes_the_filtered_entries_as_csv(view: AuditView, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "audit"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *args: target)
    view.entity_filter.setCurrentIndex(view.entity_filter.findData("staff_account"))
    view.export_button.click()

    written = target.with_suffix(".csv")
    assert "entries exported to" in view.bar.text()
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {row["entity"] for row in rows} == {"staff_account"}
    assert len(rows) == view.model.total
