"""The import dialog (SCENARIOS 10): a GBK spreadsheet with a title row, phones in four
formats and two rows without names; the preview shows each problem by row; importing the
good rows with "skip rows with problems"; nothing else changes.  Also the export from the
view."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.members import service as ms
from desktop.services import Context
from desktop.ui import dialogs
from desktop.ui.members.import_dialog import ImportDialog, ImportPreviewModel
from desktop.ui.tasks import TaskRunner
from tests.ui.test_members_fixtures import make_view, names, people, plans

__all__ = ["make_view", "people", "plans"]

ROWS = [
    ["2025年会员名单"],
    ["姓名", "手机", "公司", "标签", "入会日期", "到期日期"],
    ["陈静", "138-0013-8101", "悦读书房", "读书", "2025-03-01", "2026-02-28"],
    ["", "13800138102", "无名公司", "", "", ""],
    ["刘洋", "+86 138 0013 8103", "山水餐饮", "餐饮", "2025-05-01", "2026-04-30"],
    ["", "(+86)13800138104", "", "", "", ""],
    ["赵磊", "12345", "", "", "", ""],
    ["吴敏", "13800138106", "", "茶艺", "2026-01-01", "2026-12-31"],
]


def _gbk_csv(path: Path) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(ROWS)
    path.write_bytes(buffer.getvalue().encode("gbk"))
    return path


@pytest.fixture
def spreadsheet(tmp_path: Path) -> Path:
    return _gbk_csv(tmp_path / "会员.csv")


def _cells(model: ImportPreviewModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_preview_shows_each_problem_by_row_and_imports_the_good_rows(
        qtbot, owner_ctx: Context, plans: dict[str, int], people: dict[str, int],
        spreadsheet: Path, monkeypatch: pytest.MonkeyPatch, make_view) -> None:
    view = make_view(owner_ctx)
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *args: spreadsheet)
    dialog = view.import_members()
    assert isinstance(dialog, ImportDialog)
    assert not dialog.import_button.isEnabled()
    dialog.choose_button.click()  # the preview runs (inline in tests) as soon as it is chosen

    model = dialog.model
    assert _cells(model, ImportPreviewModel.ROW) == ["3", "4", "5", "6", "7", "8"]
    actions = _cells(model, ImportPreviewModel.ACTION)
    assert actions == ["new member", "not imported", "new member", "not imported",
                       "not imported", "new member"]
    notes = _cells(model, ImportPreviewModel.NOTES)
    assert "姓名: A member needs a name." in notes[1]
    assert "12345 is not a valid phone number." in notes[4]
    assert "problem" in notes[4]
    assert model.index(4, ImportPreviewModel.NOTES).data(
        Qt.ItemDataRole.ForegroundRole) == QColor("#b3261e")
    assert _cells(model, ImportPreviewModel.PHONE)[0] == "138 0013 8101"
    assert "年卡" in _cells(model, ImportPreviewModel.MEMBERSHIP)[0]
    assert "6 rows read from 会员.csv" in dialog.summary.text()
    assert "3 with problems" in dialog.summary.text()
    assert "3 rows have problems" in dialog.bar.text()
    assert not dialog.import_button.isEnabled()  # all or nothing, unless told to skip

    before = ms.count_members(owner_ctx, ms.MemberQuery(include_archived=True))
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.outcome is not None and dialog.outcome.written
    assert dialog.outcome.created == 3 and dialog.outcome.skipped_invalid == 3
    assert "Imported: 3 new members" in dialog.bar.text()
    assert not dialog.import_button.isEnabled()  # done: a second click does not import twice
    after = ms.count_members(owner_ctx, ms.MemberQuery(include_archived=True))
    assert after == before + 3
    assert {"陈静", "刘洋", "吴敏"} <= set(names(view))  # the view refreshed


def test_a_file_that_is_not_a_spreadsheet_is_refused_calmly(
        owner_ctx: Context, tmp_path: Path) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    dialog = ImportDialog(owner_ctx, TaskRunner(inline=True))
    dialog.set_file(junk)
    assert dialog.preview is None
    assert dialog.bar.text()
    assert not dialog.import_button.isEnabled()
    dialog.deleteLater()


def test_import_progress_runs_off_the_ui_thread(qtbot, owner_ctx: Context, plans: dict[str, int],
                                                spreadsheet: Path) -> None:
    runner = TaskRunner()
    dialog = ImportDialog(owner_ctx, runner)
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog._progress.changed.connect(lambda done, total: seen.append((done, total)))
    dialog.set_file(spreadsheet)
    assert dialog.progress.isVisibleTo(dialog)  # shown while the worker reads
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert not dialog.progress.isVisibleTo(dialog)
    assert seen and seen[-1][0] == seen[-1][1] > 0
    runner.wait()


def test_export_from_the_view_writes_the_chosen_file(
        owner_ctx: Context, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, make_view) -> None:
    target = tmp_path / "members.csv"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *args: target)
    view = make_view(owner_ctx)
    view.export_members()
    assert "4 members exported" in view.bar.text()
    text = target.read_text(encoding="utf-8-sig")
    assert "张三" in text and "周敏" in text
