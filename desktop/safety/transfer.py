"""Copying every table's rows from one database to another, parents before children.

A PostgreSQL database is backed up by copying its rows into a new SQLite file, and restored by
copying them back; both directions go through ``copy_tables``.  Each side reads and writes
through its own column types, so JSON, dates and booleans arrive as the other side stores
them.  A foreign key that points into its own table (a member referred by a member) or closes
a cycle is filled in a second pass, so the order rows are inserted in never matters.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, MetaData, Table, bindparam, delete, exc, insert, inspect, select
from sqlalchemy import update as sql_update
from sqlalchemy.schema import sort_tables

import desktop.models  # noqa: F401  (registers every table on the metadata)
from desktop.guards import lifted_for_wipe
from desktop.models.base import Base

BATCH = 1000
ALEMBIC_TABLE = "alembic_version"


@dataclass(frozen=True)
class TablePair:
    """The same table as seen by the source and by the target connection."""

    source: Table
    target: Table
    columns: tuple[str, ...]
    later_keys: tuple[str, ...]  # foreign-key columns filled in the second pass


def _sorted(tables: Sequence[Table]) -> list[Table]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", exc.SAWarning)  # a cycle: handled by the second pass
        return list(sort_tables(tables))


def _reflect(connection: Connection) -> dict[str, Table]:
    metadata = MetaData()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", exc.SAWarning)  # types a dialect does not know
        metadata.reflect(connection)
    return {name: table for name, table in metadata.tables.items() if name != ALEMBIC_TABLE}


def pair_tables(source: Connection, target: Connection, *, use_models: bool) -> list[TablePair]:
    """The tables both sides have, parents first.

    ``use_models`` (both sides at the newest revision) copies through the models' own column
    types; otherwise (an older revision) each side is reflected and speaks for itself.
    """
    source_names = set(inspect(source).get_table_names()) - {ALEMBIC_TABLE}
    target_names = set(inspect(target).get_table_names()) - {ALEMBIC_TABLE}
    if use_models:
        source_tables = target_tables = {
            t.name: t for t in Base.metadata.sorted_tables
            if t.name in source_names and t.name in target_names
        }
    else:
        source_tables = _reflect(source)
        target_tables = _reflect(target)
    ordered = _sorted([t for name, t in target_tables.items() if name in source_tables])
    position = {table.name: index for index, table in enumerate(ordered)}
    pairs = []
    for table in ordered:
        source_table = source_tables[table.name]
        columns = tuple(c.name for c in table.columns if c.name in source_table.c)
        later = tuple(
            fk.parent.name for fk in table.foreign_keys
            if fk.parent.name in columns and fk.parent.nullable
            and position.get(fk.column.table.name, -1) >= position[table.name]
        )
        pairs.append(TablePair(source_table, table, columns, later))
    return pairs


def _primary_key(table: Table) -> list[str]:
    return [column.name for column in table.primary_key.columns]


def _rows(source: Connection, pair: TablePair, columns: Sequence[str]) -> Any:
    table = pair.source
    query = select(*[table.c[name] for name in columns])
    order = _primary_key(table) or list(columns)
    query = query.order_by(*[table.c[name] for name in order])
    return source.execution_options(stream_results=True).execute(query).partitions(BATCH)


def copy_tables(source: Connection, target: Connection, pairs: Sequence[TablePair]) -> int:
    """Insert every source row into the (empty) target tables; the number of rows copied."""
    copied = 0
    for pair in pairs:
        for batch in _rows(source, pair, pair.columns):
            rows = [dict(zip(pair.columns, row, strict=True)) for row in batch]
            for row in rows:
                for name in pair.later_keys:
                    row[name] = None
            target.execute(insert(pair.target), rows)
            copied += len(rows)
    for pair in pairs:
        if pair.later_keys:
            _fill_later_keys(source, target, pair)
    return copied


def _fill_later_keys(source: Connection, target: Connection, pair: TablePair) -> None:
    keys = _primary_key(pair.target)
    columns = [*keys, *pair.later_keys]
    statement = sql_update(pair.target).where(
        *[pair.target.c[name] == bindparam(f"k_{name}") for name in keys]
    ).values({name: bindparam(f"v_{name}") for name in pair.later_keys})
    for batch in _rows(source, pair, columns):
        values = []
        for row in batch:
            item = dict(zip(columns, row, strict=True))
            if all(item[name] is None for name in pair.later_keys):
                continue
            values.append({**{f"k_{n}": item[n] for n in keys},
                           **{f"v_{n}": item[n] for n in pair.later_keys}})
        if values:
            target.execute(statement, values)


def delete_all(connection: Connection, tables: Sequence[Table]) -> None:
    """Empty ``tables`` (given parents first), children first so no foreign key objects.

    The whole database is being replaced, so the append-only guards step aside for this one
    transaction (desktop/guards.py)."""
    with lifted_for_wipe(connection):
        for table in reversed(tables):
            connection.execute(delete(table))
