"""The command line: ``clubhouse`` (the GUI) and its commands for automation and support.

Conventions (DESIGN.md): the global options ``--db``, ``--user`` and ``--lang`` go before or
after the command; a command that touches members' data signs in (``CLUBHOUSE_PASSWORD`` or a
prompt on a terminal, never a hang); errors are one line on stderr, never a traceback; exit
codes 0 done, 1 refused, 2 wrong usage, 3 sign-in failed or not permitted, 4 database problem.

Each command is a row of ``COMMANDS`` (name, help, arguments, run), so a later capability adds
``print``, ``import`` or ``export`` by adding a row; ``Invocation`` gives every command the
same way to open the database, sign in and print.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError as SQLDatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop import __version__
from desktop.clock import Clock, SystemClock
from desktop.db import Database, open_database, resolve_url, sqlite_file
from desktop.errors import ClubhouseError, DatabaseProblem, DomainError, SignInFailed
from desktop.i18n import SUPPORTED_LANGUAGES, Message, current_language, msg, set_language
from desktop.logs import log_unexpected, setup_logging
from desktop.members import cli as members_cli
from desktop.paths import demo_database_path
from desktop.reports import cli as print_cli
from desktop.security import Argon2Hasher, Hasher
from desktop.services import Actor, Context
from desktop.settings.store import follow_venue_zone

PROG = "clubhouse"
PASSWORD_ENV = "CLUBHOUSE_PASSWORD"
USER_ENV = "CLUBHOUSE_USER"
NEW_PASSWORD_ENV = "CLUBHOUSE_NEW_PASSWORD"
DATABASE_ENV = "CLUBHOUSE_DATABASE_URL"

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_SIGN_IN = 3
EXIT_DATABASE = 4


class UsageError(ClubhouseError):
    """The command was called wrongly (an unknown view, a size that is not WxH)."""

    exit_code = EXIT_USAGE


def _exit_codes() -> Message:
    return msg(
        "Exit codes:\n"
        "  0  done\n"
        "  1  refused by a rule, invalid input or import problems\n"
        "  2  wrong usage\n"
        "  3  sign-in failed or not permitted\n"
        "  4  database missing, locked, foreign or damaged"
    )


def _environment() -> Message:
    return msg(
        "Environment:\n"
        "  CLUBHOUSE_DATABASE_URL  the database when --db is not given\n"
        "  CLUBHOUSE_USER          the account when --user is not given\n"
        "  CLUBHOUSE_PASSWORD      its password (otherwise asked on a terminal)\n"
        "  CLUBHOUSE_DATA_DIR      where the database, backups and the log live"
    )


# -- running one command -------------------------------------------------------------------


@dataclass
class Invocation:
    """What a command's ``run`` gets: its arguments and the shared ways of doing things."""

    args: argparse.Namespace
    lang: str
    clock: Clock = field(default_factory=SystemClock)
    hasher: Hasher = field(default_factory=Argon2Hasher)
    opened: list[Database] = field(default_factory=list)

    def option(self, name: str) -> Any:
        return getattr(self.args, name, None)

    def url(self) -> URL:
        return resolve_url(self.option("db"))

    def open(self, url: URL | None = None, *, create: bool = False,
             migrate: bool = True) -> Database:
        """The database (closed, WAL checkpointed, when the command ends, whatever happens)."""
        database = open_database(url or self.url(), create=create, migrate=migrate)
        self.opened.append(database)
        return database

    def close(self) -> None:
        while self.opened:
            self.opened.pop().close()

    def username(self) -> str:
        name = self.option("user") or os.environ.get(USER_ENV, "")
        if not name.strip():
            raise SignInFailed(msg("Say which account signs in: --user NAME or "
                                   "CLUBHOUSE_USER."))
        return str(name).strip()

    def password(self, prompt: Message) -> str:
        """From CLUBHOUSE_PASSWORD, or asked on a terminal; with neither, fail at once."""
        password = os.environ.get(PASSWORD_ENV)
        if password is not None:
            return password
        if not _interactive():
            raise SignInFailed(msg("No password: set CLUBHOUSE_PASSWORD or run this in a "
                                   "terminal."))
        return getpass.getpass(prompt.render(self.lang) + " ")

    def credentials(self, prompt: Message | None = None) -> tuple[str, str]:
        username = self.username()
        return username, self.password(prompt or msg("Password for {user}:", user=username))

    def sign_in(self, database: Database) -> Context:
        from desktop.accounts.service import sign_in

        username, password = self.credentials()
        actor = sign_in(database, username, password, clock=self.clock, hasher=self.hasher)
        ctx = Context(database, actor, clock=self.clock, hasher=self.hasher)
        follow_venue_zone(ctx)
        return ctx

    def say(self, text: Message | str) -> None:
        _write(sys.stdout, text.render(self.lang) if isinstance(text, Message) else text)


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _write(stream: Any, text: str) -> None:
    print(text, file=stream, flush=True)


# -- the commands --------------------------------------------------------------------------


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    return None


def _run_gui(inv: Invocation) -> int:
    from desktop.app import run_gui  # Qt is imported only when the GUI is asked for

    result = run_gui(db=inv.option("db"), lang=inv.option("lang"), user=inv.option("user"))
    return int(result or 0)


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replace", action="store_true",
                        help=msg("delete everything in the database first").render())


def _run_demo(inv: Invocation) -> int:
    from desktop.accounts.service import has_accounts
    from desktop.demo import ACCOUNTS, fill_demo, is_demo_database
    from desktop.safety.files import (
        backup_folder,
        database_prefix,
        unique_destination,
        write_backup,
    )

    raw = inv.option("db") or os.environ.get(DATABASE_ENV) or str(demo_database_path())
    database = inv.open(resolve_url(raw), create=True)
    replace = bool(inv.option("replace"))
    if replace and has_accounts(database) and not is_demo_database(database, inv.hasher):
        # Not a demo: what --replace is about to delete is kept, just in case.
        kept = write_backup(database, unique_destination(
            backup_folder(database), database_prefix(database), "pre-restore", inv.clock.now()))
        inv.say(msg("The previous data is kept in {path}.", path=str(kept)))
    made = fill_demo(database, clock=inv.clock, hasher=inv.hasher, replace=replace)
    inv.say(msg("Demo venue written to {database}:", database=database.description))
    for line in made:
        inv.say("  - " + line.render(inv.lang))
    inv.say(msg("Demo accounts (user / password):"))
    for account in ACCOUNTS:
        role = msg("owner") if account.role.value == "owner" else msg("front desk")
        inv.say(f"  {account.username} / {account.password}  ({role.render(inv.lang)})")
    return EXIT_OK


def _parse_size(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(part) for part in parts)
    except ValueError:
        width = height = 0
    if width < 100 or height < 100 or width > 10_000 or height > 10_000:
        raise UsageError(msg("The size must be WIDTHxHEIGHT in pixels, e.g. 1280x800 "
                             "(got {size}).", size=text))
    return width, height


def _screenshot_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("view", metavar="VIEW", help=msg("the view to render").render())
    parser.add_argument("-o", "--output", metavar="FILE.png", required=True, type=Path,
                        help=msg("where to write the PNG").render())
    parser.add_argument("--size", metavar="WxH",
                        help=msg("window size in pixels, e.g. 1280x800").render())


def _run_screenshot(inv: Invocation) -> int:
    size = _parse_size(inv.option("size"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    screenshot = importlib.import_module("desktop.ui.screenshot")  # Qt only for this command

    view = inv.option("view")
    if view not in screenshot.VIEW_NAMES:
        raise UsageError(msg("There is no view called {view}; the views are: {views}.",
                             view=view, views=", ".join(screenshot.VIEW_NAMES)))
    database = inv.open()
    ctx = inv.sign_in(database)
    output = Path(inv.option("output")).expanduser()
    options: dict[str, Any] = {"lang": inv.lang}
    if size is not None:
        options["size"] = size
    screenshot.render_view(ctx, view, output, **options)
    inv.say(str(output))
    return EXIT_OK


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help=msg("the backup file or folder (default: the backup folder "
                                 "in the settings)").render())


def _run_backup(inv: Invocation) -> int:
    from desktop.safety.backup import backup_now

    database = inv.open()
    ctx = inv.sign_in(database)
    inv.say(str(backup_now(ctx, inv.option("output"))))
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path,
                        help=msg("the backup to restore").render())


def _run_restore(inv: Invocation) -> int:
    from desktop.safety.files import inspect_backup
    from desktop.safety.restore import restore_backup

    source = inv.option("file")
    inspect_backup(source)  # a junk file is refused before anything else happens
    username, password = inv.credentials(
        msg("Password for {user} in the backup:", user=inv.username()))
    url = inv.url()
    path = sqlite_file(url)
    created = path is not None and not path.exists()
    database = inv.open(url, create=created)
    try:
        before = restore_backup(database, source, username, password, clock=inv.clock,
                                hasher=inv.hasher)
    except BaseException:
        if created and path is not None:  # a database made only to restore into: not kept
            inv.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        raise
    inv.say(msg("Restored {database} from {source}.", database=database.description,
                source=str(source)))
    inv.say(msg("The data it replaced is kept in {path}.", path=str(before)))
    return EXIT_OK


def _run_check(inv: Invocation) -> int:
    from desktop.safety.check import check_database

    database = inv.open(migrate=False)
    problems = check_database(database)
    if not problems:
        inv.say("ok")
        return EXIT_OK
    for problem in problems:
        inv.say(problem)
    _write(sys.stderr, msg("{n} problem(s) found in {database}.", n=len(problems),
                           database=database.description).render(inv.lang))
    return EXIT_DATABASE


def _reset_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", default="owner",
                        help=msg("the owner account (default: owner)").render())


def _new_password(inv: Invocation) -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not _interactive():
        raise UsageError(msg("No new password: set CLUBHOUSE_NEW_PASSWORD or run this in a "
                             "terminal."))
    first = getpass.getpass(msg("New password:").render(inv.lang) + " ")
    second = getpass.getpass(msg("The same password again:").render(inv.lang) + " ")
    if first != second:
        raise DomainError(msg("The two passwords differ; nothing was changed."))
    return first


def _run_reset_owner_password(inv: Invocation) -> int:
    from desktop.accounts.service import reset_owner_password

    database = inv.open()
    username = inv.option("username")
    password = _new_password(inv)
    ctx = Context(database, Actor.system("reset-owner-password"), clock=inv.clock,
                  hasher=inv.hasher)
    reset_owner_password(ctx, username, password)
    inv.say(msg("The password of {name} is reset; the audit log records it.", name=username))
    return EXIT_OK


@dataclass(frozen=True)
class Command:
    """One row of the command table."""

    name: str
    help: Callable[[], Message]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Invocation], int]


# Later capabilities add their rows (print, import, export) here.
COMMANDS: list[Command] = [
    Command("demo", lambda: msg("fill the database with the demo venue (no sign-in); demo "
                                "accounts owner / owner-demo and desk / desk-demo"),
            _demo_arguments, _run_demo),
    Command("screenshot", lambda: msg("render a view offscreen to a PNG and exit"),
            _screenshot_arguments, _run_screenshot),
    Command("backup", lambda: msg("back up the database now (owner)"),
            _backup_arguments, _run_backup),
    Command("restore", lambda: msg("replace the data with a backup's, signing in with an "
                                   "owner account of the backup"),
            _restore_arguments, _run_restore),
    Command("check", lambda: msg("check the database's integrity, links and schema "
                                 "(no sign-in)"),
            _no_arguments, _run_check),
    Command("reset-owner-password",
            lambda: msg("set a new password for a forgotten owner account (needs the database "
                        "file; written to the audit log)"),
            _reset_arguments, _run_reset_owner_password),
    Command("print", print_cli.help_text, print_cli.add_arguments, print_cli.run),
    Command("import", members_cli.import_help, members_cli.add_import_arguments,
            members_cli.run_import),
    Command("export", members_cli.export_help, members_cli.add_export_arguments,
            members_cli.run_export),
]


# -- parsing -------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, with wrong usage reported on one line instead of the whole usage text."""

    def error(self, message: str) -> NoReturn:
        hint = msg("Wrong usage: {detail} (see {prog} --help)", detail=message, prog=PROG)
        self.exit(EXIT_USAGE, f"{self.prog}: {hint.render()}\n")


def _global_options() -> _Parser:
    """--db, --user, --lang: accepted before and after the command (DESIGN.md)."""
    parent = _Parser(add_help=False)
    group = parent.add_argument_group(msg("global options").render())
    group.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                       help=msg("the database: a file or a postgresql:// URL (default: "
                                "CLUBHOUSE_DATABASE_URL, then the data folder)").render())
    group.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                       help=msg("the account that signs in (default: CLUBHOUSE_USER)").render())
    group.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS,
                       help=msg("the language of messages").render())
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (set before it is built)."""
    parent = _global_options()
    epilog = f"{_exit_codes().render()}\n\n{_environment().render()}"
    parser = _Parser(
        prog=PROG, parents=[parent], epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=msg("Clubhouse (山庄圈子): without a command, opens the app.").render(),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title=msg("commands").render())
    for command in COMMANDS:
        text = command.help().render()
        sub = commands.add_parser(command.name, parents=[parent], help=text, description=text,
                                  epilog=epilog,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        command.add_arguments(sub)
    return parser


def _early_language(argv: Sequence[str]) -> str:
    """--lang, read before parsing so that the help and the parse errors speak it."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in SUPPORTED_LANGUAGES:
            return value
    return "en"


def _database_error(error: BaseException) -> DatabaseProblem:
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    return DatabaseProblem(msg("The database cannot be used: {reason}",
                               reason=reason[0] if reason else type(error).__name__))


def _run(argv: list[str], lang: str) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, wrong usage
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    lang = getattr(args, "lang", lang)
    set_language(lang)
    runs = {command.name: command.run for command in COMMANDS}
    run = runs.get(args.command, _run_gui) if args.command else _run_gui
    inv = Invocation(args, lang)
    try:
        return run(inv)
    finally:
        inv.close()


def main(argv: list[str] | None = None) -> int:
    """The ``clubhouse`` console script and ``python -m desktop``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    setup_logging()
    previous = current_language()
    lang = _early_language(argv)
    set_language(lang)
    try:
        return _run(argv, lang)
    except ClubhouseError as error:
        _write(sys.stderr, f"{PROG}: {error.render(current_language())}")
        return error.exit_code
    except IntegrityError as error:  # a rule the database itself enforces
        log_unexpected(error, "refused by the database")
        _write(sys.stderr, f"{PROG}: " + msg("The database refused the change: {reason}",
                                             reason=str(error.orig).strip().splitlines()[0]
                                             ).render(current_language()))
        return EXIT_REFUSED
    except (OperationalError, SQLDatabaseError, sqlite3.DatabaseError) as error:
        log_unexpected(error, "database problem")
        problem = _database_error(error)
        _write(sys.stderr, f"{PROG}: {problem.render(current_language())}")
        return EXIT_DATABASE
    except KeyboardInterrupt:
        _write(sys.stderr, f"{PROG}: " + msg("Interrupted.").render(current_language()))
        return EXIT_REFUSED
    except Exception as error:
        path = log_unexpected(error)
        _write(sys.stderr, f"{PROG}: " + msg(
            "Unexpected error ({error}); the details are in {log}.",
            error=type(error).__name__, log=str(path)).render(current_language()))
        return EXIT_REFUSED
    finally:
        set_language(previous)
