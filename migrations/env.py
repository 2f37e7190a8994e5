"""Alembic environment: the app passes its own connection; the command line is not needed."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import desktop.models  # noqa: F401  (registers every table on the metadata)
from desktop.models.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url or pass a connection in config.attributes")
    with create_engine(url).begin() as conn:
        run_migrations(conn)
