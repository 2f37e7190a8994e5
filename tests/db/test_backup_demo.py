"""The whole demo venue survives a backup and a restore, on SQLite and on PostgreSQL.

The demo grows with every capability (members, bookings, events…), so this test covers each
new table and column type without being told about it.
"""

from __future__ import annotations

from pathlib import Path

from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.demo import fill_demo
from desktop.safety.backup import restore_backup, write_backup
from desktop.security import Hasher
from tests.helpers.dump import dump, dump_file


def test_the_demo_venue_round_trips_through_a_backup(database: Database, tmp_path: Path,
                                                     clock: FixedClock, hasher: Hasher) -> None:
    fill_demo(database, clock=clock, hasher=hasher)
    original = dump(database)
    backup = write_backup(database, tmp_path / "demo-backup.sqlite")
    assert dump_file(backup) == original

    copy = open_database(str(tmp_path / "copy.sqlite"), create=True)
    try:
        restore_backup(copy, backup, "owner", "owner-demo", clock=clock, hasher=hasher)
        assert dump(copy, skip_audit_actions=("restore",)) == original
    finally:
        copy.close()

    fill_demo(database, clock=clock, hasher=hasher, replace=True)  # new rows, new ids
    restore_backup(database, backup, "owner", "owner-demo", clock=clock, hasher=hasher)
    assert dump(database, skip_audit_actions=("restore",)) == original
