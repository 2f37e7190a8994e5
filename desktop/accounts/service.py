"""Staff accounts: sign-in with a slow-down after wrong passwords, and the owner's staff admin."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.audit.recorder import record
from desktop.clock import Clock
from desktop.db import Database
from desktop.errors import DomainError, NotFound, SignInFailed
from desktop.i18n import msg
from desktop.models.accounts import Role, StaffAccount
from desktop.permissions import Permission
from desktop.security import Hasher
from desktop.services import Actor, Context, Tx, service, unauthenticated

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 15 * 60
MIN_PASSWORD_LENGTH = 6
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


@dataclass(frozen=True)
class StaffRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    last_sign_in: dt.datetime | None


def _row(account: StaffAccount) -> StaffRow:
    return StaffRow(account.id, account.username, account.display_name, Role(account.role),
                    account.active, account.last_sign_in)


def actor_of(account: StaffAccount) -> Actor:
    return Actor(account.id, account.username, account.display_name, Role(account.role))


def delay_after(failures: int) -> int:
    """Seconds a wrong password costs: nothing for the first few, then doubling to a cap."""
    if failures < FREE_ATTEMPTS:
        return 0
    doubled: int = FIRST_DELAY_SECONDS << (failures - FREE_ATTEMPTS)
    return min(doubled, MAX_DELAY_SECONDS)


def check_password_strength(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            msg("A password needs at least {n} characters.", n=MIN_PASSWORD_LENGTH), field=field
        )


def _check_username(username: str) -> str:
    cleaned = username.strip()
    if not USERNAME_PATTERN.match(cleaned):
        raise DomainError(
            msg("A user name has 2 to 64 letters, digits, dots, dashes or underscores."),
            field="username",
        )
    return cleaned


@unauthenticated
def sign_in(database: Database, username: str, password: str, *, clock: Clock,
            hasher: Hasher) -> Actor:
    """The account for these credentials, or SignInFailed (the same message either way).

    A wrong password is counted (and committed) before the refusal is raised, so the slow-down
    holds across restarts and across desks.
    """
    refusal: SignInFailed | None = None
    with database.transaction() as session:
        session.info["clock"] = clock
        account = session.scalar(
            select(StaffAccount).where(StaffAccount.username == username.strip())
        )
        if account is None:
            raise SignInFailed(msg("Wrong user name or password."), field="password")
        session.info["actor"] = actor_of(account)
        now = clock.now()
        if account.locked_until is not None and now < account.locked_until:
            seconds = math.ceil((account.locked_until - now).total_seconds())
            raise SignInFailed(
                msg("Too many wrong passwords. Try again in {seconds} s.", seconds=seconds),
                field="password",
            )
        if not hasher.verify(account.password_hash, password):
            account.failed_attempts += 1
            delay = delay_after(account.failed_attempts)
            account.locked_until = now + dt.timedelta(seconds=delay) if delay else None
            refusal = SignInFailed(msg("Wrong user name or password."), field="password")
        elif not account.active:
            raise SignInFailed(msg("This account is disabled. Ask the owner."), field="username")
        else:
            account.failed_attempts = 0
            account.locked_until = None
            account.last_sign_in = now
            actor = actor_of(account)
    if refusal is not None:
        raise refusal
    return actor


@unauthenticated
def has_accounts(database: Database) -> bool:
    """Whether anyone can sign in yet (first start and the demo's --replace ask this)."""
    with database.transaction(write=False) as session:
        return bool(session.scalar(select(func.count()).select_from(StaffAccount)))


def _add_account(tx: Tx, username: str, display_name: str, role: Role, password: str) -> StaffRow:
    username = _check_username(username)
    if not display_name.strip():
        raise DomainError(msg("This cannot be empty."), field="display_name")
    check_password_strength(password)
    taken = tx.session.scalar(select(StaffAccount.id).where(StaffAccount.username == username))
    if taken is not None:
        raise DomainError(msg("The user name {name} is taken.", name=username), field="username")
    account = StaffAccount(
        username=username, display_name=display_name.strip(), role=role.value,
        password_hash=tx.hasher.hash(password), active=True, failed_attempts=0,
        created_at=tx.clock.now(),
    )
    tx.session.add(account)
    tx.session.flush()
    return _row(account)


@unauthenticated
def create_first_owner(ctx: Context, username: str, display_name: str, password: str) -> StaffRow:
    """First start: the owner account of a new venue; refused once any account exists."""
    with ctx.transaction() as tx:
        if tx.session.scalar(select(func.count()).select_from(StaffAccount)):
            raise DomainError(msg("This database already has accounts."))
        return _add_account(tx, username, display_name, Role.OWNER, password)


@service(Permission.ADMINISTER, write=False)
def list_staff(tx: Tx) -> list[StaffRow]:
    accounts = tx.session.scalars(select(StaffAccount).order_by(StaffAccount.username))
    return [_row(account) for account in accounts]


@service(Permission.ADMINISTER)
def create_staff(tx: Tx, username: str, display_name: str, role: Role, password: str) -> StaffRow:
    return _add_account(tx, username, display_name, role, password)


def _account(tx: Tx, account_id: int) -> StaffAccount:
    account = tx.session.get(StaffAccount, account_id)
    if account is None:
        raise NotFound(msg("That account no longer exists."))
    return account


@service(Permission.ADMINISTER)
def reset_password(tx: Tx, account_id: int, new_password: str) -> None:
    """The owner sets a new password for a staff member who forgot theirs."""
    check_password_strength(new_password)
    account = _account(tx, account_id)
    account.password_hash = tx.hasher.hash(new_password)
    account.failed_attempts = 0
    account.locked_until = None


@service(Permission.ADMINISTER)
def set_active(tx: Tx, account_id: int, active: bool) -> None:
    """Disable or enable an account; the last active owner is never disabled."""
    account = _account(tx, account_id)
    if not active and account.role == Role.OWNER.value and account.active:
        owners = tx.session.scalar(
            select(func.count()).select_from(StaffAccount).where(
                StaffAccount.role == Role.OWNER.value, StaffAccount.active.is_(True)
            )
        )
        if (owners or 0) <= 1:
            raise DomainError(msg("The last active owner cannot be disabled."), field="active")
    account.active = active


@service(Permission.ADMINISTER)
def update_staff(tx: Tx, account_id: int, display_name: str, role: Role) -> None:
    account = _account(tx, account_id)
    if not display_name.strip():
        raise DomainError(msg("This cannot be empty."), field="display_name")
    if role != Role.OWNER and account.role == Role.OWNER.value and account.active:
        owners = tx.session.scalar(
            select(func.count()).select_from(StaffAccount).where(
                StaffAccount.role == Role.OWNER.value, StaffAccount.active.is_(True)
            )
        )
        if (owners or 0) <= 1:
            raise DomainError(msg("The last active owner must stay an owner."), field="role")
    account.display_name = display_name.strip()
    account.role = role.value


@service(Permission.USE_APP)
def change_own_password(tx: Tx, current: str, new_password: str) -> None:
    if tx.actor.id is None:
        raise NotFound(msg("That account no longer exists."))
    account = _account(tx, tx.actor.id)
    if not tx.hasher.verify(account.password_hash, current):
        raise DomainError(msg("The current password is wrong."), field="current_password")
    check_password_strength(new_password, field="new_password")
    account.password_hash = tx.hasher.hash(new_password)


@unauthenticated
def reset_owner_password(ctx: Context, username: str, new_password: str) -> None:
    """For a forgotten owner password: whoever can open the database file may reset it.

    It is written to the audit log as done by ``reset-owner-password``, so the owner sees it.
    """
    check_password_strength(new_password)
    with ctx.as_actor(Actor.system("reset-owner-password")).transaction() as tx:
        account = tx.session.scalar(select(StaffAccount).where(
            StaffAccount.username == username.strip()))
        if account is None or account.role != Role.OWNER.value:
            raise NotFound(msg("There is no owner account called {name}.", name=username))
        account.password_hash = tx.hasher.hash(new_password)
        account.failed_attempts = 0
        account.locked_until = None
        account.active = True
        record(tx.session, "reset_password", StaffAccount.__tablename__, str(account.id),
               note="clubhouse reset-owner-password")
