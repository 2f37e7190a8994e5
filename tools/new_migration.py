"""Autogenerate the next Alembic revision from the models: ``make migration m="what changed"``.

It migrates a scratch SQLite database to the current head, compares it with the models
(desktop.models) and writes migrations/versions/NNNN_what_changed.py with the next number.
Read the file before committing: autogenerate misses renames (it drops and adds), data
changes, and PostgreSQL-only constraints (exclusion constraints): write those by hand.
tests/db/test_migrations.py then proves the schema equals the models and data survives.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def next_revision_id(script: ScriptDirectory) -> str:
    numbers = [int(r.revision) for r in script.walk_revisions() if r.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("message", help="what the revision changes, e.g. 'spaces and closures'")
    args = parser.parse_args(argv)
    if not re.search(r"\w", args.message):
        parser.error("say what the revision changes")

    with tempfile.TemporaryDirectory(prefix="clubhouse-migration-") as scratch:
        os.environ["CLUBHOUSE_DATA_DIR"] = scratch  # nothing touches the real data folder
        from desktop.db import alembic_config, open_database

        database = open_database(str(Path(scratch) / "head.sqlite"), create=True)
        try:
            with database.engine.begin() as connection:
                config = alembic_config(connection)
                script = ScriptDirectory.from_config(config)
                revision = next_revision_id(script)
                made = command.revision(config, message=args.message, autogenerate=True,
                                        rev_id=revision)
        finally:
            database.close()
    scripts = made if isinstance(made, list) else [made]
    for item in scripts:
        if item is not None:
            print(f"wrote {Path(item.path).relative_to(ROOT)}: read it, then run make test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
