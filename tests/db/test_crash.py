"""A writing process killed with SIGKILL loses nothing it reported committed, and leaves a
database that passes ``check``.

The writer (tests/helpers/crash_writer.py) runs as a real process, started with subprocess
(not fork), and prints each new account's id after its transaction commits.  The test reads
until it has seen N ids, kills the writer mid-burst, then opens the database as the app would.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select as sql_select

from desktop.db import open_database
from desktop.models import AuditEntry, StaffAccount
from desktop.safety.check import check_database
from tests.helpers.cli import ROOT

SECONDS_PER_ATTEMPT = 90
BURST = 100_000  # more than any attempt reaches: the writer is always killed mid-burst


def _ids(lines: list[bytes]) -> list[int]:
    return [int(line) for line in lines if line.strip().isdigit()]


def _write_then_kill(path: Path, kill_after: int) -> list[int]:
    """Start the writer, wait for ``kill_after`` committed ids, SIGKILL it; every id seen."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", str(path), str(BURST)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    assert writer.stdout is not None and writer.stderr is not None
    pending = b""
    seen: list[int] = []
    deadline = time.monotonic() + SECONDS_PER_ATTEMPT
    try:
        while len(seen) < kill_after:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"the writer reported {len(seen)} of {kill_after} writes in "
                            f"{SECONDS_PER_ATTEMPT} s")
            ready, _, _ = select.select([writer.stdout], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(writer.stdout.fileno(), 65536)
            if not chunk:
                pytest.fail("the writer ended early: " + writer.stderr.read().decode())
            *lines, pending = (pending + chunk).split(b"\n")
            seen += _ids(lines)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait(timeout=30)
    # Ids printed before the kill landed are committed too: read what is left in the pipe.
    rest = pending + writer.stdout.read()
    seen += _ids(rest.split(b"\n"))
    writer.stdout.close()
    writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL, "the writer finished before it was killed"
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 37, 250])
def test_a_killed_writer_loses_no_committed_write(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "crash.sqlite"
    open_database(str(path), create=True).close()
    reported: list[int] = []
    for attempt in range(2):  # the second writer continues on what the first left behind
        reported += _write_then_kill(path, kill_after + attempt * 13)
    assert len(reported) == len(set(reported)) >= 2 * kill_after
    assert Path(f"{path}-wal").exists()  # killed: nobody checkpointed, recovery is real

    database = open_database(str(path))
    try:
        assert check_database(database) == []
        with database.transaction(write=False) as session:
            stored = set(session.scalars(sql_select(StaffAccount.id)))
            audited = set(session.scalars(
                sql_select(AuditEntry.entity_id).where(AuditEntry.entity == "staff_account",
                                                       AuditEntry.action == "create")))
        assert set(reported) <= stored
        # nothing half written: each account and its audit entry committed together
        assert {str(account_id) for account_id in stored} == audited
    finally:
        database.close()
