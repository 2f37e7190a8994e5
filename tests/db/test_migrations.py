"""The migrations are the schema: head equals the models, and every step keeps the data.

Runs on SQLite and on PostgreSQL.  The data walk goes through the revisions from the first
one: after reaching each revision it puts a row into every table (values made up from the
reflected column types, foreign keys pointing at rows made earlier), upgrades one step, and
checks that every row made so far is still there with the same values in the columns that
still exist.  At the end it downgrades step by step to nothing and upgrades again.

A later revision needs nothing here unless a table has a CHECK the generic values break
(add the column to ``OVERRIDES``) or the revision transforms existing values on purpose
(list the columns in ``TRANSFORMED``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, Connection, Engine

import desktop.models  # noqa: F401  (registers every table)
from desktop.db import (
    alembic_config,
    create_db_engine,
    head_revision,
    migration_connection,
    open_database,
)
from desktop.models.base import Base
from tests import pg

# Values for columns whose CHECK constraints the generic values would break: table -> column ->
# a value, or a function of the row number.
NULL = object()  # an OVERRIDES value: leave this column (a foreign key too) empty

OVERRIDES: dict[str, dict[str, Any]] = {
    "staff_account": {"role": "desk"},
    "payment": {"method": "cash"},
    "space": {"capacity": 4, "slot_minutes": 30, "min_minutes": 30, "max_minutes": 240,
              "buffer_minutes": 0, "advance_days": 60},
    "space_hours": {"weekday": 2, "opens": dt.time(9), "closes": dt.time(21)},
    "closure": {"starts": dt.datetime(2026, 5, 1, 9), "ends": dt.datetime(2026, 5, 2, 9)},
    "booking_series": {"duration_minutes": 120},
    "booking": {"status": "confirmed", "starts": dt.datetime(2026, 5, 6, 19),
                "ends": dt.datetime(2026, 5, 6, 21), "party_size": 4},
    "event": {"status": "scheduled", "capacity": 30, "fee": Decimal("80.00")},
    "registration": {"status": "registered", "companions": 1},
    "visit": {"source": "desk"},
    "event_partner": {"role": "sponsor"},
    "circle_item": {"side": "offer", "status": "open"},
    # a member introduced to a partner: the other member stays empty (one of the two)
    "introduction": {"member_b_id": NULL, "outcome": "not_yet"},
}

# Columns a revision changes on purpose (revision -> {"table.column"}): not compared across it.
TRANSFORMED: dict[str, set[str]] = {}

APP_TABLES = set(Base.metadata.tables)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """A database with no tables at all (PostgreSQL: btree_gist installed, as in production)."""
    if request.param == "sqlite":
        yield URL.create("sqlite", database=str(tmp_path / "empty.sqlite"))
        return
    with pg.fresh_database(migrated=False) as url:
        yield url


@pytest.fixture
def engine(empty_url: URL) -> Iterator[Engine]:
    """The app's own engine (SQLite pragmas, BEGIN IMMEDIATE), as migrations run in the app."""
    made = create_db_engine(empty_url)
    yield made
    made.dispose()


def revisions() -> list[str]:
    """Every revision from the first to head, in order."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions("base", "heads")))]


def upgrade(engine: Engine, target: str) -> None:
    with migration_connection(engine) as connection:  # as Database.migrate runs them
        command.upgrade(alembic_config(connection), target)


def downgrade(engine: Engine, target: str) -> None:
    with migration_connection(engine) as connection:
        command.downgrade(alembic_config(connection), target)


# -- the schema at head ----------------------------------------------------------------------


def test_revisions_form_one_line() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, f"several heads: {script.get_heads()}; merge them"
    chain = revisions()
    assert chain[-1] == head_revision()
    for before, revision in itertools.pairwise(chain):
        assert script.get_revision(revision).down_revision == before


def test_migrated_database_has_exactly_the_models_schema(empty_url: URL) -> None:
    database = open_database(empty_url, create=True)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        database.close()
    assert differences == [], "migrations and models differ (make migration m=...):\n" + "\n".join(
        map(str, differences)
    )


def _expected_names(table: sa.Table) -> dict[str, Any]:
    constraints = table.constraints
    return {
        "columns": {c.name for c in table.columns},
        "indexes": {
            str(i.name): (tuple(c.name for c in i.columns) or None, bool(i.unique))
            for i in table.indexes
        },
        "unique": {
            str(c.name): tuple(col.name for col in c.columns)
            for c in constraints if isinstance(c, sa.UniqueConstraint)
        },
        "checks": {str(c.name) for c in constraints if isinstance(c, sa.CheckConstraint)},
        "foreign_keys": {str(c.name) for c in table.foreign_key_constraints},
        "primary_key": str(table.primary_key.name),
    }


def _reflected_names(inspector: sa.Inspector, name: str) -> dict[str, Any]:
    indexes = {}
    for index in inspector.get_indexes(name):
        if index.get("duplicates_constraint"):  # PostgreSQL: the index behind a UNIQUE
            continue
        columns = tuple(index["column_names"])
        indexes[str(index["name"])] = (
            None if any(c is None for c in columns) else columns, bool(index["unique"])
        )
    return {
        "columns": {c["name"] for c in inspector.get_columns(name)},
        "indexes": indexes,
        "unique": {
            str(u["name"]): tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)
        },
        "checks": {str(c["name"]) for c in inspector.get_check_constraints(name)},
        "foreign_keys": {str(f["name"]) for f in inspector.get_foreign_keys(name)},
        "primary_key": str(inspector.get_pk_constraint(name)["name"]),
    }


def _postgres_constraints(connection: Connection) -> dict[str, set[str]]:
    """Every constraint by table, exclusion constraints included (the inspector skips them)."""
    rows = connection.execute(sa.text(
        "SELECT rel.relname, con.conname FROM pg_constraint con "
        "JOIN pg_class rel ON rel.oid = con.conrelid "
        "JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
        "WHERE ns.nspname = current_schema() AND con.contype <> 'n'"
    ))
    found: dict[str, set[str]] = {}
    for table, name in rows:
        found.setdefault(table, set()).add(name)
    return found


def test_migrated_database_has_every_named_table_column_index_and_constraint(
    empty_url: URL,
) -> None:
    database = open_database(empty_url, create=True)
    try:
        inspector = sa.inspect(database.engine)
        assert set(inspector.get_table_names()) == APP_TABLES | {"alembic_version"}
        for name, table in Base.metadata.tables.items():
            assert _reflected_names(inspector, name) == _expected_names(table), name
        if not database.is_sqlite:
            with database.engine.connect() as connection:
                found = _postgres_constraints(connection)
            for name, table in Base.metadata.tables.items():
                expected = {str(c.name) for c in table.constraints}
                assert found.get(name, set()) == expected, name
    finally:
        database.close()


# -- data through every revision -------------------------------------------------------------


class RowMaker:
    """Makes one plausible row per table from reflected column types."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)
        self.last_rows: dict[str, dict[str, Any]] = {}  # table -> the newest row made in it

    def value(self, table: str, column: sa.Column[Any], n: int, i: int) -> Any:
        override = OVERRIDES.get(table, {}).get(column.name)
        if override is NULL:
            return None
        if override is not None:
            return override(n) if callable(override) else override
        kind = column.type
        length = getattr(kind, "length", None)
        if isinstance(kind, sa.Enum):
            return kind.enums[0]
        if isinstance(kind, sa.Boolean):
            return False  # partial unique indexes are usually on the true flag
        if isinstance(kind, sa.Integer):
            return n * 100 + i + 1
        if isinstance(kind, sa.Float):
            return n + 0.5
        if isinstance(kind, sa.Numeric):
            return Decimal(n * 100 + i) + Decimal("0.25")
        if isinstance(kind, sa.DateTime):
            return dt.datetime(2026, 1, 1, 8, 0) + dt.timedelta(days=n, minutes=15 * i)
        if isinstance(kind, sa.Date):
            return dt.date(2026, 1, 1) + dt.timedelta(days=40 * n + i)
        if isinstance(kind, sa.Time):
            return dt.time(6 + i % 17, 15)
        if isinstance(kind, sa.Interval):
            return dt.timedelta(minutes=15 * (i + 1))
        if isinstance(kind, sa.Uuid):
            return uuid.UUID(int=n * 1000 + i)
        if isinstance(kind, sa.JSON):
            return {"n": n, "text": "山庄"}
        if isinstance(kind, sa.LargeBinary):
            return bytes([n % 256, i % 256, 0, 255])
        if isinstance(kind, sa.String):
            text = f"v{n}c{i}山"
            return text[-length:] if length else text
        raise AssertionError(
            f"no sample value for {table}.{column.name} ({kind!r}): add it to OVERRIDES"
        )

    def insert(self, connection: Connection, table: sa.Table) -> dict[str, Any]:
        """Insert one row and return it as the database reads it back."""
        n = next(self._numbers)
        values: dict[str, Any] = {}
        fk_columns: set[str] = set()
        for fk in table.foreign_key_constraints:
            target = fk.referred_table.name
            source = self.last_rows.get(target)
            for element in fk.elements:
                fk_columns.add(element.parent.name)
                if source is None:  # only a self-reference can point at nothing yet
                    values[element.parent.name] = None
                else:
                    values[element.parent.name] = source[element.column.name]
        for name, override in OVERRIDES.get(table.name, {}).items():
            if override is NULL:
                values[name] = None
        pk = list(table.primary_key.columns)
        generated_key = (
            len(pk) == 1 and isinstance(pk[0].type, sa.Integer) and pk[0].name not in fk_columns
        )
        for i, column in enumerate(table.columns):
            if column.name in values or (generated_key and column is pk[0]):
                continue
            values[column.name] = self.value(table.name, column, n, i)
        result = connection.execute(sa.insert(table).values(**values))
        if generated_key:
            inserted = result.inserted_primary_key
            assert inserted is not None
            values[pk[0].name] = inserted[0]
        key = {c.name: values[c.name] for c in pk}
        row = connection.execute(
            sa.select(table).where(*(table.c[k] == v for k, v in key.items()))
        ).mappings().one()
        self.last_rows[table.name] = dict(row)
        return dict(row)


def _reflect(connection: Connection) -> sa.MetaData:
    metadata = sa.MetaData()
    metadata.reflect(connection)
    return metadata


def _app_tables(metadata: sa.MetaData) -> list[sa.Table]:
    return [t for t in metadata.sorted_tables if t.name != "alembic_version"]


def _check_rows_kept(
    connection: Connection,
    kept: dict[str, list[tuple[dict[str, Any], dict[str, Any], str]]],
    revision: str,
) -> None:
    metadata = _reflect(connection)
    transformed = TRANSFORMED.get(revision, set())
    for table_name, rows in kept.items():
        table = metadata.tables.get(table_name)
        if table is None:
            continue  # the table was dropped on purpose by this revision
        for key, row, made_at in rows:
            if not all(k in table.c for k in key):
                continue  # its key changed: the revision rebuilt the table on purpose
            found = connection.execute(
                sa.select(table).where(*(table.c[k] == v for k, v in key.items()))
            ).mappings().one_or_none()
            assert found is not None, (
                f"{revision}: the row {key} of {table_name} (made at {made_at}) is gone"
            )
            for column, value in row.items():
                if column in found and f"{table_name}.{column}" not in transformed:
                    assert found[column] == value, (
                        f"{revision}: {table_name}.{column} of row {key} (made at {made_at}) "
                        f"was {value!r}, is {found[column]!r}"
                    )


def _sqlite_integrity(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    assert dangling == [], f"foreign keys point at nothing after the migration: {dangling}"


def test_every_revision_upgrades_from_the_one_before_with_data_kept(engine: Engine) -> None:
    maker = RowMaker()
    kept: dict[str, list[tuple[dict[str, Any], dict[str, Any], str]]] = {}
    chain = revisions()
    for step, revision in enumerate(chain):
        upgrade(engine, revision)
        with engine.begin() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == revision
            _check_rows_kept(connection, kept, revision)
            _sqlite_integrity(connection)
            metadata = _reflect(connection)
            for table in _app_tables(metadata):
                row = maker.insert(connection, table)
                key = {c.name: row[c.name] for c in table.primary_key.columns}
                kept.setdefault(table.name, []).append((key, row, revision))
        if step == len(chain) - 1:
            with engine.connect() as connection:
                assert {t.name for t in _app_tables(_reflect(connection))} == APP_TABLES

    # Down again, one step at a time, with all that data in it; then up again from nothing.
    for revision in reversed([*["base"], *chain[:-1]]):
        downgrade(engine, revision)
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == (
                None if revision == "base" else revision
            )
    with engine.connect() as connection:
        leftover = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
    assert leftover == set(), f"downgrade to base left tables behind: {leftover}"
    upgrade(engine, "head")
    with engine.connect() as connection:
        assert {t.name for t in _app_tables(_reflect(connection))} == APP_TABLES


def test_a_step_can_be_undone_and_redone_with_data(engine: Engine) -> None:
    """The newest revision's downgrade keeps the older tables' rows (what a rollback needs)."""
    chain = revisions()
    previous = chain[-2] if len(chain) > 1 else "base"
    upgrade(engine, previous)
    maker = RowMaker()
    with engine.begin() as connection:
        rows = {t.name: maker.insert(connection, t) for t in _app_tables(_reflect(connection))}
    upgrade(engine, "head")
    downgrade(engine, previous)
    with engine.begin() as connection:
        metadata = _reflect(connection)
        for name, row in rows.items():
            table = metadata.tables[name]
            assert connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 1
            assert dict(connection.execute(sa.select(table)).mappings().one()) == row
        _sqlite_integrity(connection)

