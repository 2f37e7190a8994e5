"""A throwaway PostgreSQL server for the test session (a pytest plugin).

Why not pytest-postgresql: initdb and pg_ctl refuse to run as root, and CI runs as root
(FIELD-NOTES.md).  So this starts the server itself: as root through ``runuser -u postgres``
in a folder that user owns, otherwise directly as the calling user.  It listens on 127.0.0.1
on a free port with trust authentication, fsync off; it is up in under a second.

A template database is migrated to head once per session; each test gets its own copy
(``CREATE DATABASE t_N TEMPLATE clubhouse_template``), which costs a few milliseconds instead
of a migration.  The server is stopped and its folder removed at the end of the session (and
at exit, should the session die).

Without server binaries the PostgreSQL variants skip with the reason; with
``CLUBHOUSE_REQUIRE_POSTGRES=1`` (CI) they fail instead, so a missing server cannot pass as green.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import URL

REQUIRE_ENV = "CLUBHOUSE_REQUIRE_POSTGRES"
BINDIR_ENV = "CLUBHOUSE_PG_BINDIR"
TEMPLATE = "clubhouse_template"
EMPTY_TEMPLATE = "clubhouse_empty"
SERVER_TOOLS = ("initdb", "pg_ctl", "postgres")


def postgres_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0", "false", "no")


def _has_tools(folder: Path) -> bool:
    return all((folder / tool).is_file() for tool in SERVER_TOOLS)


def _version_key(folder: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", folder))


def find_bindir() -> tuple[Path | None, str]:
    """The folder holding initdb, pg_ctl and postgres, or None and where we looked."""
    looked: list[str] = []
    override = os.environ.get(BINDIR_ENV)
    if override:  # when set, it is the only place looked at
        if _has_tools(Path(override)):
            return Path(override), ""
        return None, f"PostgreSQL server binaries not found: none in ${BINDIR_ENV}={override}"
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        if _has_tools(Path(folder)):
            return Path(folder), ""
    looked.append("/usr/lib/postgresql/*/bin")
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 check=True, timeout=10).stdout.strip()
            if out and _has_tools(Path(out)):
                return Path(out), ""
            looked.append(f"pg_config --bindir ({out})")
    else:
        looked.append("pg_config --bindir (no pg_config)")
    initdb = shutil.which("initdb")
    if initdb and _has_tools(Path(initdb).parent):
        return Path(initdb).parent, ""
    looked.append("PATH")
    return None, (
        "PostgreSQL server binaries not found: looked in " + ", ".join(looked)
        + " (install postgresql, e.g. apt-get install postgresql postgresql-contrib)"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One postgres process in a temporary folder, and an admin connection to it."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="clubhouse-pg-"))
        self.port = 0
        self.version = ""
        self._admin: psycopg.Connection[Any] | None = None
        self._names = itertools.count(1)
        self._running = False

    # -- process ---------------------------------------------------------------------------

    def _run(self, *args: str, timeout: float = 60) -> str:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True,
                              timeout=timeout, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
            )
        return done.stdout

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.folder, user="postgres", group="postgres")
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        last_error: Exception | None = None
        for _attempt in range(3):  # a port picked as free can be taken before the server binds
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                       "-c max_connections=200")
            try:
                self._run("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"),
                          "-w", "-t", "60", "-o", options, "start")
            except RuntimeError as error:
                last_error = error
                continue
            self._running = True
            break
        else:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {last_error}\n{tail}")
        admin = self.admin()
        row = admin.execute("SHOW server_version").fetchone()
        self.version = str(row[0]) if row else "?"
        admin.execute(f"CREATE DATABASE {EMPTY_TEMPLATE}")
        with psycopg.connect(self.dsn(EMPTY_TEMPLATE), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it is worth keeping) and remove its folder."""
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
            self._admin = None
        if self._running:
            self._running = False
            with contextlib.suppress(Exception):
                self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                          "stop", timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- databases -------------------------------------------------------------------------

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def url(self, dbname: str) -> URL:
        return URL.create("postgresql+psycopg", username="postgres", host="127.0.0.1",
                          port=self.port, database=dbname)

    def admin(self) -> psycopg.Connection[Any]:
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.dsn(), autocommit=True)
        return self._admin

    def create_database(self, template: str, prefix: str = "t") -> str:
        name = f"{prefix}_{next(self._names)}"
        self.admin().execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Copier:
    """Copies of the migrated template made ahead, in a thread, while the tests run.

    A copy costs the server about 90 ms (most of it copying the catalogs); made while the
    previous test runs, it is ready when the next test asks.  Dropping is done here too.
    """

    AHEAD = 2

    def __init__(self, pg: PostgresServer, template: str) -> None:
        self._pg = pg
        self._template = template
        self._ready: queue.Queue[str | BaseException] = queue.Queue(maxsize=self.AHEAD)
        self._work: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="pg-copier", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        try:
            with psycopg.connect(self._pg.dsn(), autocommit=True) as conn:
                while True:
                    # Drops first (they free space and connections), then refill the queue.
                    while True:
                        try:
                            item = self._work.get(timeout=0 if not self._ready.full() else 0.05)
                        except queue.Empty:
                            break
                        if item is None:
                            return
                        conn.execute(f"DROP DATABASE IF EXISTS {item} WITH (FORCE)")
                    if not self._ready.full():
                        name = f"t_{next(self._pg._names)}"
                        conn.execute(f"CREATE DATABASE {name} TEMPLATE {self._template}")
                        self._ready.put(name)
        except BaseException as error:  # handed to the test that waits for a copy
            with contextlib.suppress(queue.Full):
                self._ready.put_nowait(error)

    def take(self) -> str:
        item = self._ready.get(timeout=120)
        if isinstance(item, BaseException):
            self._ready.put(item)  # every later test sees it too
            raise RuntimeError(f"copying the template database failed: {item}") from item
        return item

    def give_back(self, name: str) -> None:
        self._work.put(name)

    def stop(self) -> None:
        self._work.put(None)
        self._thread.join(timeout=30)


_server: PostgresServer | None = None
_server_error: str | None = None
_start_error: str | None = None
_copier: Copier | None = None
_version = ""


def _stop_at_exit() -> None:
    global _server, _copier
    if _copier is not None:
        _copier.stop()
        _copier = None
    if _server is not None:
        _server.stop()
        _server = None


def server() -> PostgresServer:
    """The session's server, started on first use; skips (or fails when required) without one."""
    global _server, _server_error, _start_error, _version
    if _server is not None:
        return _server
    if _start_error is not None:
        pytest.fail(_start_error, pytrace=False)
    if _server_error is None:
        bindir, reason = find_bindir()
        if bindir is None:
            _server_error = reason
        else:
            candidate = PostgresServer(bindir)
            atexit.register(candidate.stop)
            try:
                candidate.start()
            except Exception as error:
                candidate.stop()
                _start_error = (f"PostgreSQL server binaries found in {bindir} but the server "
                                f"did not start: {error}")
                pytest.fail(_start_error, pytrace=False)
            _server = candidate
            _version = candidate.version
            return candidate
    if postgres_required():
        pytest.fail(f"{_server_error} and {REQUIRE_ENV}=1", pytrace=False)
    pytest.skip(_server_error)


def copier() -> Copier:
    """The copier of the template database migrated to head (migrated on first use)."""
    global _copier
    pg = server()
    if _copier is None:
        from desktop.db import open_database

        pg.drop_database(TEMPLATE)  # left over when an earlier test's migration failed
        pg.admin().execute(f"CREATE DATABASE {TEMPLATE} TEMPLATE {EMPTY_TEMPLATE}")
        open_database(pg.url(TEMPLATE)).close()
        _copier = Copier(pg, TEMPLATE)
    return _copier


@contextlib.contextmanager
def fresh_database(*, migrated: bool) -> Iterator[URL]:
    """A new database for one test: a copy of the migrated template, or an empty one."""
    pg = server()
    if migrated:
        source = copier()
        name = source.take()
        try:
            yield pg.url(name)
        finally:
            source.give_back(name)
        return
    name = pg.create_database(EMPTY_TEMPLATE, prefix="e")
    try:
        yield pg.url(name)
    finally:
        pg.drop_database(name)


# -- pytest hooks --------------------------------------------------------------------------


def pytest_report_header(config: pytest.Config) -> str:
    bindir, reason = find_bindir()
    if bindir is None:
        action = "PostgreSQL tests FAIL" if postgres_required() else "PostgreSQL tests skip"
        return f"postgresql: {reason}; {action}"
    try:
        version = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True,
                                 text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        version = f"postgres --version failed: {error}"
    return f"postgresql: {version} from {bindir} (throwaway server started on first use)"


def pytest_sessionfinish(session: pytest.Session) -> None:
    _stop_at_exit()


_outcomes: dict[str, int] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "postgres" not in report.keywords:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _outcomes[report.outcome] = _outcomes.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _outcomes:
        return
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_outcomes.items()))
    version = f"PostgreSQL {_version}" if _version else "PostgreSQL"
    terminalreporter.write_sep("-", f"{version} tests: {counts}")
