"""events registrations check-ins visits

Events (one row per occurrence), registrations with their one-per-person unique indexes,
check-ins with one active check-in per registration, the door's append-only attempt log (its
rows cannot be changed or deleted: triggers on both databases), visits, and booking.event_id.

Adding booking.event_id with its foreign key rebuilds the booking table on SQLite, which drops
0006's overlap triggers: both directions create them again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 05:22:21.349164
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('host_member_id', sa.Integer(), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('fee', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('scheduled', 'cancelled')", name=op.f('ck_event_status')),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_event_capacity_positive')),
    sa.CheckConstraint('fee >= 0', name=op.f('ck_event_fee_not_negative')),
    sa.ForeignKeyConstraint(['host_member_id'], ['member.id'], name=op.f('fk_event_host_member_id_member'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['series_id'], ['booking_series.id'], name=op.f('fk_event_series_id_booking_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_host_member_id'), ['host_member_id'], unique=False)
        batch_op.create_index('ix_event_series', ['series_id'], unique=False)

    op.create_table('registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('guest_name', sa.String(length=120), nullable=True),
    sa.Column('guest_phone', sa.String(length=32), nullable=True),
    sa.Column('guest_key', sa.String(length=140), nullable=True),
    sa.Column('host_member_id', sa.Integer(), nullable=True),
    sa.Column('companions', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('paid', sa.Boolean(), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('warning_note', sa.String(length=200), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('promoted_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=200), nullable=True),
    sa.CheckConstraint("status IN ('registered', 'waitlisted', 'cancelled')", name=op.f('ck_registration_status')),
    sa.CheckConstraint('companions >= 0', name=op.f('ck_registration_companions_not_negative')),
    sa.CheckConstraint('member_id IS NOT NULL OR (guest_name IS NOT NULL AND host_member_id IS NOT NULL)', name=op.f('ck_registration_member_or_hosted_guest')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_registration_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['host_member_id'], ['member.id'], name=op.f('fk_registration_host_member_id_member'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_registration_member_id_member'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index('ix_registration_event_status', ['event_id', 'status', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_member_id'), ['member_id'], unique=False)
        batch_op.create_index('ux_registration_guest', ['event_id', 'guest_key'], unique=True, sqlite_where=sa.text("status != 'cancelled' AND guest_key IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND guest_key IS NOT NULL"))
        batch_op.create_index('ux_registration_member', ['event_id', 'member_id'], unique=True, sqlite_where=sa.text("status != 'cancelled' AND member_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND member_id IS NOT NULL"))

    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('annulled_at', sa.DateTime(), nullable=True),
    sa.Column('annulled_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_check_in_registration_id_registration'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in'))
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index('ux_check_in_active', ['registration_id'], unique=True, sqlite_where=sa.text('annulled_at IS NULL'), postgresql_where=sa.text('annulled_at IS NULL'))

    op.create_table('check_in_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=120), nullable=False),
    sa.Column('outcome', sa.String(length=24), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_check_in_attempt_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_check_in_attempt_registration_id_registration'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in_attempt'))
    )
    with op.batch_alter_table('check_in_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_check_in_attempt_event_at', ['event_id', 'at'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("source IN ('desk', 'booking', 'event')", name=op.f('ck_visit_source')),
    sa.ForeignKeyConstraint(['booking_id'], ['booking.id'], name=op.f('fk_visit_booking_id_booking'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_visit_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_visit_member_id_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_at', ['at'], unique=False)
        batch_op.create_index('ix_visit_member_at', ['member_id', 'at'], unique=False)

    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_booking_event_id_event'), 'event',
                                    ['event_id'], ['id'], ondelete='SET NULL')
    op.create_index(op.f('ix_booking_event_id'), 'booking', ['event_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":  # the rebuild dropped them
        for statement in _overlap_triggers():
            op.execute(statement)
    for statement in _append_only("check_in_attempt"):
        op.execute(statement)


def _append_only(table: str) -> list[str]:
    """Triggers that refuse to change or delete a row of ``table``."""
    if op.get_bind().dialect.name == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table} is append-only'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{table} is append-only'); END",
        ]
    return [
        f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{table} is append-only'; END $$",
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
    ]


def _drop_append_only(table: str) -> list[str]:
    if op.get_bind().dialect.name == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_update",
                f"DROP TRIGGER IF EXISTS {table}_no_delete"]
    return [f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_append_only()"]


def _overlap_triggers() -> list[str]:
    """0006's SQLite overlap guard, to create again after a rebuild of the booking table."""
    path = Path(__file__).with_name("0006_overlap_guard_bounded_window.py")
    spec = importlib.util.spec_from_file_location("clubhouse_migration_0006", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    statements: list[str] = module._triggers(bounded=True)
    return statements


def downgrade() -> None:
    for statement in _drop_append_only("check_in_attempt"):
        op.execute(statement)
    op.drop_index(op.f('ix_booking_event_id'), table_name='booking')
    with op.batch_alter_table('booking', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_booking_event_id_event'), type_='foreignkey')
        batch_op.drop_column('event_id')
    if op.get_bind().dialect.name == "sqlite":
        for statement in _overlap_triggers():
            op.execute(statement)

    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_member_at')
        batch_op.drop_index('ix_visit_at')

    op.drop_table('visit')
    with op.batch_alter_table('check_in_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_check_in_attempt_event_at')

    op.drop_table('check_in_attempt')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index('ux_check_in_active', sqlite_where=sa.text('annulled_at IS NULL'), postgresql_where=sa.text('annulled_at IS NULL'))

    op.drop_table('check_in')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index('ux_registration_member', sqlite_where=sa.text("status != 'cancelled' AND member_id IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND member_id IS NOT NULL"))
        batch_op.drop_index('ux_registration_guest', sqlite_where=sa.text("status != 'cancelled' AND guest_key IS NOT NULL"), postgresql_where=sa.text("status != 'cancelled' AND guest_key IS NOT NULL"))
        batch_op.drop_index(batch_op.f('ix_registration_member_id'))
        batch_op.drop_index('ix_registration_event_status')

    op.drop_table('registration')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_series')
        batch_op.drop_index(batch_op.f('ix_event_host_member_id'))

    op.drop_table('event')
