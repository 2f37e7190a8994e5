"""``clubhouse import members`` and ``clubhouse export members`` as a script uses them: the
summary, one line per problem (``row N: column: message``), warnings that never start with
"row", the exit codes, nothing written on a problem; in process, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.accounts import service as accounts
from desktop.db import Database
from desktop.members import membership as mm
from desktop.members import service as ms
from desktop.models import Role
from desktop.services import Context
from tests.db.test_member_import import HEADER, write_csv

Run = tuple[int, list[str], str]


@pytest.fixture(autouse=True)
def _script(monkeypatch: pytest.MonkeyPatch, owner_ctx: Context) -> None:
    """No terminal; the owner's password in the environment, as a scheduled job has it."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "owner-pass")
    mm.create_plan(owner_ctx, mm.PlanInput("Annual 年卡", "1980", 12, is_default=True))


def db_arg(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture[str], database: Database, *args: str,
        user: str = "owner") -> Run:
    code = cli.main([*args, "--db", db_arg(database), "--user", user])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err


def count(ctx: Context) -> int:
    return ms.count_members(ctx, ms.MemberQuery(include_archived=True))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Two good rows, two rows with problems, a warning, a blank row."""
    return write_csv(tmp_path / "mixed.csv", [
        ["会员名单"],
        HEADER,
        ["张三", "138-0013-8000", "zs@example.com", "山庄", "茶", "2026-01-01", "2026-12-31"],
        ["", "13900139000", "", "", "", "", ""],
        [],
        ["李四", "+86 138 0013 8000", "lisi-at-example.com", "", "", "", ""],
        ["王五", "13700137000", "", "", "", "2027-03-01", ""],
    ])


def test_problems_stop_the_import_and_print_one_line_each(
        capsys: pytest.CaptureFixture[str], database: Database, owner_ctx: Context,
        mixed: Path) -> None:
    code, lines, err = run(capsys, database, "import", "members", str(mixed))
    assert code == 1
    assert err == ""
    assert lines[:6] == [
        "mixed.csv: CSV (utf-8), header on row 2",
        "Rows read: 4",
        "  to create: 2",
        "  to update: 0",
        "  skipped duplicates: 0",
        "  invalid: 2",
    ]
    problems = [line for line in lines if line.startswith("row ")]
    assert problems == [
        "row 4: 姓名: A member needs a name.",
        "row 6: 邮箱: lisi-at-example.com is not an email address.",
        "row 6: 手机: Row 3 already has this phone number.",
    ]
    warnings = [line for line in lines if line.startswith("warning")]
    assert warnings == [
        "warning (row 3): 标签: The tag 茶 is new and will be created.",
        "warning (row 7): 入会日期: The join date 2027-03-01 is in the future.",
    ]
    assert lines[-1].startswith("Nothing was written: 2 row(s) have problems.")
    assert count(owner_ctx) == 0


def test_a_dry_run_exits_as_the_import_would_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], database: Database, owner_ctx: Context,
        mixed: Path, tmp_path: Path) -> None:
    code, lines, _err = run(capsys, database, "import", "members", str(mixed), "--dry-run")
    assert code == 1
    assert sum(line.startswith("row ") for line in lines) == 3
    code, lines, _err = run(capsys, database, "import", "members", str(mixed), "--dry-run",
                            "--skip-invalid")
    assert code == 0
    assert lines[-1] == "Dry run: nothing was written."
    clean = write_csv(tmp_path / "clean.csv", [HEADER, ["张三", "13800138000"]])
    code, lines, _err = run(capsys, database, "import", "members", str(clean), "--dry-run")
    assert (code, lines[-1]) == (0, "Dry run: nothing was written.")
    assert count(owner_ctx) == 0


def test_skip_invalid_writes_the_good_rows(capsys: pytest.CaptureFixture[str],
                                           database: Database, owner_ctx: Context,
                                           mixed: Path) -> None:
    code, lines, _err = run(capsys, database, "import", "members", str(mixed),
                            "--skip-invalid")
    assert code == 0
    assert lines[-1] == ("Imported: 2 created, 0 updated, 0 duplicates skipped, 2 invalid "
                         "rows left out.")
    assert sum(line.startswith("row ") for line in lines) == 3
    assert count(owner_ctx) == 2


def test_duplicates_skipped_or_updated(capsys: pytest.CaptureFixture[str], database: Database,
                                       owner_ctx: Context, tmp_path: Path) -> None:
    existing = ms.create_member(owner_ctx, ms.MemberInput("张三", phone="13800138000"))
    path = write_csv(tmp_path / "dup.csv", [HEADER, ["张三", "138 0013 8000", "z@example.com"]])
    code, lines, _err = run(capsys, database, "import", "members", str(path))
    assert code == 0
    assert "  skipped duplicates: 1" in lines
    assert ms.get_member(owner_ctx, existing.id).email is None
    code, lines, _err = run(capsys, database, "import", "members", str(path),
                            "--on-duplicate", "update")
    assert code == 0
    assert "  to update: 1" in lines
    assert ms.get_member(owner_ctx, existing.id).email == "z@example.com"
    code, _lines, err = run(capsys, database, "import", "members", str(path),
                            "--on-duplicate", "merge")
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_a_file_that_is_not_a_spreadsheet_is_one_line_and_exit_1(
        capsys: pytest.CaptureFixture[str], database: Database, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, lines, err = run(capsys, database, "import", "members", str(path))
    assert code == 1
    assert lines == []
    assert err.strip() == ("clubhouse: photo.png cannot be imported: it is a PNG image, not a "
                           "spreadsheet (CSV or XLSX).")


def test_the_desk_may_not_import_or_export(capsys: pytest.CaptureFixture[str],
                                           database: Database, owner_ctx: Context,
                                           monkeypatch: pytest.MonkeyPatch, mixed: Path,
                                           tmp_path: Path) -> None:
    accounts.create_staff(owner_ctx, "desk", "Xiao Li", Role.DESK, "desk-pass")
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", "desk-pass")
    assert run(capsys, database, "import", "members", str(mixed), user="desk")[0] == 3
    assert run(capsys, database, "export", "members", str(tmp_path / "m.csv"),
               user="desk")[0] == 3
    assert not (tmp_path / "m.csv").exists()


def test_in_chinese_the_lines_keep_their_row_prefix(capsys: pytest.CaptureFixture[str],
                                                    database: Database, mixed: Path) -> None:
    code, lines, _err = run(capsys, database, "--lang", "zh_CN", "import", "members",
                            str(mixed))
    assert code == 1
    assert lines[1] == "读取行数：4"
    assert "row 4: 姓名: 会员必须填写姓名。" in lines
    assert "警告（第 7 行）: 入会日期: 入会日期 2027-03-01 在未来。" in lines
    assert lines[-1].startswith("未写入任何数据")


def test_export_then_import_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                                  database: Database, owner_ctx: Context,
                                                  tmp_path: Path) -> None:
    ms.create_member(owner_ctx, ms.MemberInput("张三", phone="13800138000", tags=["茶"]))
    target = tmp_path / "members.xlsx"
    code, lines, _err = run(capsys, database, "export", "members", str(target))
    assert (code, lines) == (0, [f"1 members written to {target}."])
    code, lines, _err = run(capsys, database, "import", "members", str(target))
    assert code == 0
    assert "  skipped duplicates: 1" in lines
    code, _lines, err = run(capsys, database, "export", "members", str(tmp_path / "m.pdf"))
    assert code == 1
    assert "ends in .csv or .xlsx" in err


def test_the_command_lines_duplicate_choices_are_the_importers() -> None:
    from desktop.members.cli import ON_DUPLICATE_CHOICES
    from desktop.members.import_rows import OnDuplicate

    assert tuple(o.value for o in OnDuplicate) == ON_DUPLICATE_CHOICES
    assert ON_DUPLICATE_CHOICES[0] == OnDuplicate.SKIP.value
