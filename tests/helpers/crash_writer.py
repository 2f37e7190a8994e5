"""The process the crash test kills: a burst of committed writes, each reported when done.

``python -m tests.helpers.crash_writer DB COUNT`` opens the SQLite database DB and creates
COUNT staff accounts through the service, one transaction each.  After each commit it prints
the new account's id and flushes, so every id the test reads is a write that was reported
committed; the test then SIGKILLs this process at a moment of its choosing.
"""

from __future__ import annotations

import os
import sys

from desktop.accounts import service as accounts
from desktop.clock import SystemClock
from desktop.db import open_database
from desktop.models import Role
from desktop.security import cheap_hasher
from desktop.services import Actor, Context


def main(argv: list[str]) -> int:
    path, count = argv[0], int(argv[1])
    database = open_database(path)
    ctx = Context(database, Actor.system("crash-test"), clock=SystemClock(),
                  hasher=cheap_hasher())
    print("ready", flush=True)
    for index in range(count):
        row = accounts.create_staff(ctx, f"w{os.getpid()}-{index:05d}", f"Writer {index}",
                                    Role.DESK, "writer-pass")
        sys.stdout.write(f"{row.id}\n")
        sys.stdout.flush()
    database.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
