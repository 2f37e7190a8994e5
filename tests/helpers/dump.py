"""Every row of every table, to compare two databases (a backup and what it restored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, select
from sqlalchemy.engine import URL

import desktop.models  # noqa: F401  (every table on the metadata)
from desktop.db import Database
from desktop.models.base import Base

Dump = dict[str, list[tuple[Any, ...]]]


def dump_engine(engine: Engine, *, skip_audit_actions: tuple[str, ...] = ()) -> Dump:
    present = set(inspect(engine).get_table_names())
    result: Dump = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name not in present:
                continue
            query = select(table).order_by(*table.primary_key.columns)
            if table.name == "audit_entry" and skip_audit_actions:
                query = query.where(table.c.action.not_in(skip_audit_actions))
            result[table.name] = [tuple(row) for row in connection.execute(query)]
    return result


def dump(database: Database, **options: Any) -> Dump:
    return dump_engine(database.engine, **options)


def dump_file(path: Path, **options: Any) -> Dump:
    """A SQLite file read as it is (nothing switched to WAL, nothing written)."""
    engine = create_engine(URL.create("sqlite", database=str(path)))
    try:
        return dump_engine(engine, **options)
    finally:
        engine.dispose()
