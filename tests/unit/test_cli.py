"""The command line as automation and support use it: exit codes, one-line errors, sign-in,
global options anywhere, both languages.  Most runs call ``main`` in this process; a few
start ``python -m desktop`` for real."""

from __future__ import annotations

import io
import shutil
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop import __version__, cli
from desktop.db import open_database
from desktop.models import AuditEntry, StaffAccount
from desktop.paths import log_path
from tests.helpers.cli import run_cli
from tests.helpers.dump import dump_file

Run = tuple[int, str, str]


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Like cron: no terminal, no account in the environment, no prompt ever shown."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.delenv("CLUBHOUSE_USER", raising=False)
    monkeypatch.delenv("CLUBHOUSE_NEW_PASSWORD", raising=False)

    def no_prompt(*_args: Any, **_kwargs: Any) -> str:
        raise AssertionError("prompted for a password without a terminal")

    monkeypatch.setattr("getpass.getpass", no_prompt)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`clubhouse demo` run once per session; each test gets a copy of the file."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "template.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLUBHOUSE_DATA_DIR", str(folder / "data"))
        patch.delenv("CLUBHOUSE_DATABASE_URL", raising=False)
        assert cli.main(["--db", str(path), "demo"]) == 0
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_template, path)
    return path


def as_user(monkeypatch: pytest.MonkeyPatch, password: str) -> None:
    monkeypatch.setenv("CLUBHOUSE_PASSWORD", password)


# -- usage ---------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"clubhouse {__version__}")


def test_help_documents_every_command_and_the_exit_codes(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in cli.COMMANDS:
        assert command.name in out
    for line in ("0  done", "2  wrong usage", "3  sign-in failed or not permitted",
                 "4  database missing, locked, foreign or damaged", "--db", "--user", "--lang",
                 "CLUBHOUSE_PASSWORD"):
        assert line in out
    code, out, _ = run(capsys, "restore", "--help")
    assert code == 0 and "FILE" in out and "--db" in out and "4  database missing" in out


def test_an_unknown_command_is_wrong_usage_on_one_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "frobnicate")
    assert code == 2 and out == ""
    assert "frobnicate" in one_line(err) and "--help" in err


def test_the_help_speaks_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help", "--lang", "zh_CN")
    assert code == 0 and "退出码" in out and "立即备份数据库" in out


# -- demo and check ------------------------------------------------------------------------


def test_demo_then_check(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    code, out, err = run(capsys, "check", "--db", str(demo_db))
    assert (code, out.strip(), err) == (0, "ok", "")
    assert not Path(f"{demo_db}-wal").exists() or Path(f"{demo_db}-wal").stat().st_size == 0


def test_demo_says_what_it_made_and_the_accounts(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--db", str(tmp_path / "d.sqlite"))
    assert code == 0
    assert "owner / owner-demo" in out and "desk / desk-demo" in out and "Pine Hill" in out


def test_demo_refuses_a_database_with_accounts_unless_replace(
        capsys: pytest.CaptureFixture[str], demo_db: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "demo")
    assert code == 1 and "--replace" in one_line(err)
    code, out, _ = run(capsys, "--db", str(demo_db), "demo", "--replace")
    assert code == 0 and "owner / owner-demo" in out
    assert "kept in" not in out  # replacing a demo keeps no copy of the old demo


def test_demo_replace_over_a_real_venue_keeps_a_copy(
        capsys: pytest.CaptureFixture[str], demo_db: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLUBHOUSE_NEW_PASSWORD", "not-the-demo")
    assert run(capsys, "--db", str(demo_db), "reset-owner-password")[0] == 0
    code, out, _ = run(capsys, "--db", str(demo_db), "demo", "--replace")
    assert code == 0
    kept = Path(out.split("kept in ")[1].split()[0].rstrip("."))
    assert kept.exists() and "pre-restore" in kept.name


def test_without_db_the_demo_goes_to_the_demo_database_not_the_venues(
        capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.paths import default_database_path, demo_database_path

    code, _, _ = run(capsys, "demo")
    assert code == 0
    assert demo_database_path().exists() and not default_database_path().exists()


def test_a_missing_database_is_exit_4(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nowhere.sqlite"
    as_user(monkeypatch, "owner-demo")
    for command in (["check"], ["backup", "--user", "owner"]):
        code, _, err = run(capsys, "--db", str(missing), *command)
        assert code == 4 and str(missing) in one_line(err)
    assert not missing.exists()


def test_check_reports_problems_with_exit_4(capsys: pytest.CaptureFixture[str],
                                            demo_db: Path) -> None:
    database = open_database(str(demo_db))
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff_future'")
    database.close()
    code, out, err = run(capsys, "--db", str(demo_db), "check")
    assert code == 4 and "ffff_future" in out and "1 problem" in one_line(err)


def test_a_file_that_is_not_a_database_is_exit_4(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(junk), "check")
    assert code == 4 and "not a Clubhouse database" in one_line(err)


# -- sign-in -------------------------------------------------------------------------------


def test_no_password_and_no_terminal_fails_at_once(capsys: pytest.CaptureFixture[str],
                                                   demo_db: Path) -> None:
    started = time.monotonic()
    code, _, err = run(capsys, "--db", str(demo_db), "--user", "owner", "backup")
    assert code == 3 and "CLUBHOUSE_PASSWORD" in one_line(err)
    assert time.monotonic() - started < 10


def test_no_user_is_exit_3(capsys: pytest.CaptureFixture[str], demo_db: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner-demo")
    code, _, err = run(capsys, "--db", str(demo_db), "backup")
    assert code == 3 and "--user" in one_line(err)
    monkeypatch.setenv("CLUBHOUSE_USER", "owner")
    assert run(capsys, "--db", str(demo_db), "backup")[0] == 0


def test_a_wrong_password_is_exit_3(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "not-it")
    code, _, err = run(capsys, "--db", str(demo_db), "backup", "--user", "owner")
    assert code == 3 and "Wrong user name or password" in one_line(err)


def test_the_desk_may_not_back_up(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "desk-demo")
    code, _, err = run(capsys, "--db", str(demo_db), "--user", "desk", "backup")
    assert code == 3 and one_line(err)


# -- backup and restore --------------------------------------------------------------------


def test_backup_then_restore_round_trips_the_data(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner-demo")
    backup = tmp_path / "backup.sqlite"
    code, out, _ = run(capsys, "--db", str(demo_db), "--user", "owner", "backup", "-o",
                       str(backup))
    assert code == 0 and out.strip() == str(backup)
    saved = dump_file(backup)

    monkeypatch.setenv("CLUBHOUSE_NEW_PASSWORD", "changed-later")
    assert run(capsys, "--db", str(demo_db), "reset-owner-password")[0] == 0
    assert dump_file(demo_db) != saved

    code, out, err = run(capsys, "restore", str(backup), "--db", str(demo_db), "--user",
                         "owner")
    assert (code, err) == (0, "")
    assert "pre-restore" in out
    assert dump_file(demo_db, skip_audit_actions=("restore",)) == saved
    assert run(capsys, "--db", str(demo_db), "check")[0] == 0
    # the file alone is complete after the command: the WAL was checkpointed
    assert not Path(f"{demo_db}-wal").exists() or Path(f"{demo_db}-wal").stat().st_size == 0


def test_restore_of_a_junk_file_is_exit_4_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner-demo")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("这不是数据库", encoding="utf-8")
    before = dump_file(demo_db)
    code, out, err = run(capsys, "--db", str(demo_db), "--user", "owner", "restore", str(junk))
    assert code == 4 and out == ""
    assert "not an SQLite database" in one_line(err)
    assert dump_file(demo_db) == before


def test_restore_as_the_desk_is_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner-demo")
    backup = tmp_path / "backup.sqlite"
    assert run(capsys, "--db", str(demo_db), "--user", "owner", "backup", "-o",
               str(backup))[0] == 0
    as_user(monkeypatch, "desk-demo")
    code, _, err = run(capsys, "--db", str(demo_db), "--user", "desk", "restore", str(backup))
    assert code == 3 and "owner" in one_line(err)


def test_restore_onto_a_new_computer_creates_the_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, "owner-demo")
    backup = tmp_path / "backup.sqlite"
    assert run(capsys, "--db", str(demo_db), "--user", "owner", "backup", "-o",
               str(backup))[0] == 0
    target = tmp_path / "new-computer.sqlite"
    code, _, _ = run(capsys, "--db", str(target), "--user", "owner", "restore", str(backup))
    assert code == 0
    assert dump_file(target, skip_audit_actions=("restore",)) == dump_file(backup)
    # a refused restore leaves no empty database behind
    other = tmp_path / "other.sqlite"
    as_user(monkeypatch, "wrong")
    assert run(capsys, "--db", str(other), "--user", "owner", "restore", str(backup))[0] == 3
    assert not other.exists()


# -- reset-owner-password ------------------------------------------------------------------


def test_reset_owner_password_is_audited(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "reset-owner-password")
    assert code == 2 and "CLUBHOUSE_NEW_PASSWORD" in one_line(err)
    monkeypatch.setenv("CLUBHOUSE_NEW_PASSWORD", "brand-new-pass")
    code, out, _ = run(capsys, "--db", str(demo_db), "reset-owner-password", "--username",
                       "owner")
    assert code == 0 and "owner" in out
    as_user(monkeypatch, "brand-new-pass")
    assert run(capsys, "--db", str(demo_db), "--user", "owner", "backup")[0] == 0
    database = open_database(str(demo_db))
    try:
        with database.transaction(write=False) as session:
            who = session.scalars(select(AuditEntry.staff_username).where(
                AuditEntry.action == "reset_password")).all()
            desk = session.scalars(select(StaffAccount).where(
                StaffAccount.username == "desk")).one()
    finally:
        database.close()
    assert who == ["reset-owner-password"]
    monkeypatch.setenv("CLUBHOUSE_NEW_PASSWORD", "x" * 10)
    code, _, err = run(capsys, "--db", str(demo_db), "reset-owner-password", "--username",
                       desk.username)
    assert code == 1 and "no owner account called desk" in one_line(err)


# -- screenshot and the GUI (their modules belong to the UI; stand-ins record the call) ------


@pytest.fixture
def fake_screenshot(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []
    module = types.ModuleType("desktop.ui.screenshot")
    module.VIEW_NAMES = ("settings", "audit")  # type: ignore[attr-defined]

    def render_view(ctx: Any, view: str, path: Path, size: Any = (1280, 800),
                    lang: str = "en") -> None:
        calls.append((ctx.actor.username, view, path, size, lang))
        path.write_bytes(b"\x89PNG")

    module.render_view = render_view  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.screenshot", module)
    return calls


def test_screenshot_signs_in_and_renders(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                         fake_screenshot: list[tuple[Any, ...]]) -> None:
    as_user(monkeypatch, "desk-demo")
    png = tmp_path / "s.png"
    code, out, _ = run(capsys, "--db", str(demo_db), "--user", "desk", "screenshot",
                       "settings", "-o", str(png), "--size", "1280x800", "--lang", "zh_CN")
    assert code == 0 and out.strip() == str(png)
    assert fake_screenshot == [("desk", "settings", png, (1280, 800), "zh_CN")]


def test_screenshot_of_an_unknown_view_lists_the_views(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_db: Path,
        fake_screenshot: list[tuple[Any, ...]]) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "screenshot", "bookings", "-o",
                       str(tmp_path / "x.png"))
    assert code == 2 and "settings, audit" in one_line(err)
    code, _, err = run(capsys, "--db", str(demo_db), "screenshot", "settings", "-o",
                       str(tmp_path / "x.png"), "--size", "big")
    assert code == 2 and "WIDTHxHEIGHT" in one_line(err)
    assert fake_screenshot == []


def test_no_command_opens_the_gui_with_the_global_options(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[dict[str, Any]] = []
    module = types.ModuleType("desktop.app")

    def run_gui(**kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.app", module)
    assert run(capsys, "--lang", "zh_CN", "--db", "x.sqlite")[0] == 0
    assert calls == [{"db": "x.sqlite", "lang": "zh_CN", "user": None}]


# -- errors --------------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_pointing_at_the_log(
        capsys: pytest.CaptureFixture[str], demo_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_database: Any) -> list[str]:
        raise RuntimeError("a bug the log should explain")

    monkeypatch.setattr("desktop.safety.check.check_database", broken)
    code, _, err = run(capsys, "--db", str(demo_db), "check")
    assert code == 1 and str(log_path()) in one_line(err)
    logged = log_path().read_text(encoding="utf-8")
    assert "a bug the log should explain" in logged and "Traceback" in logged


def test_messages_come_out_in_chinese_wherever_lang_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.sqlite")
    for args in (["--lang", "zh_CN", "check", "--db", missing],
                 ["check", "--db", missing, "--lang", "zh_CN"],
                 ["--db", missing, "--lang=zh_CN", "check"]):
        code, _, err = run(capsys, *args)
        assert code == 4 and "没有数据库" in one_line(err)
    code, _, err = run(capsys, "check", "--db", missing)
    assert code == 4 and "There is no database" in err


# -- real processes ------------------------------------------------------------------------


@pytest.mark.slow
def test_real_processes(tmp_path: Path) -> None:
    """The same conventions when started as ``python -m desktop`` with no terminal."""
    db = str(tmp_path / "p.sqlite")
    version = run_cli("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"clubhouse {__version__}")

    demo = run_cli("demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    check = run_cli("--db", db, "check")
    assert (check.returncode, check.stdout.strip()) == (0, "ok")

    started = time.monotonic()
    no_password = run_cli("--db", db, "--user", "owner", "backup")
    assert no_password.returncode == 3 and time.monotonic() - started < 30

    backup = str(tmp_path / "b.sqlite")
    done = run_cli("--db", db, "--user", "owner", "backup", "-o", backup,
                   env={"CLUBHOUSE_PASSWORD": "owner-demo"})
    assert done.returncode == 0 and done.stdout.strip() == backup
    restored = run_cli("restore", backup, "--db", db, "--user", "owner",
                       env={"CLUBHOUSE_PASSWORD": "owner-demo"})
    assert restored.returncode == 0, restored.stderr
    desk = run_cli("--db", db, "--user", "desk", "restore", backup, "--lang", "zh_CN",
                   env={"CLUBHOUSE_PASSWORD": "desk-demo"})
    assert desk.returncode == 3 and "店主" in desk.stderr

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"PK\x03\x04 a zip, not a backup")
    refused = run_cli("--db", db, "--user", "owner", "restore", str(junk),
                      env={"CLUBHOUSE_PASSWORD": "owner-demo"})
    assert refused.returncode == 4 and len(refused.stderr.strip().splitlines()) == 1

    unknown = run_cli("nonsense")
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1
    missing = run_cli("--db", str(tmp_path / "none.sqlite"), "check", "--lang", "zh_CN")
    assert missing.returncode == 4 and "没有数据库" in missing.stderr

    for result in (version, demo, check, no_password, done, restored, desk, refused, unknown,
                   missing):
        assert "Traceback" not in result.stderr
