"""Staff accounts as the owner and the desk meet them: first start, sign-in, slow-down, admin."""

from __future__ import annotations

import pytest

from desktop.accounts import service as accounts
from desktop.audit.browse import AuditFilter, find_entries
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.errors import DomainError, NotFound, SignInFailed
from desktop.models import Role
from desktop.security import Hasher
from desktop.services import Actor, Context


class CountingHasher:
    """The cheap hasher, counting how often a password is checked."""

    def __init__(self, inner: Hasher) -> None:
        self.inner = inner
        self.verified = 0

    def hash(self, password: str) -> str:
        return self.inner.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        self.verified += 1
        return self.inner.verify(password_hash, password)


def sign_in(ctx: Context, username: str, password: str, hasher: Hasher | None = None) -> Actor:
    return accounts.sign_in(ctx.database, username, password, clock=ctx.clock,
                            hasher=hasher or ctx.hasher)


def account_id(ctx: Context, username: str) -> int:
    return next(row.id for row in accounts.list_staff(ctx) if row.username == username)


def refused(error: pytest.ExceptionInfo[SignInFailed]) -> str:
    return error.value.render("en")


def refusal(ctx: Context, username: str, password: str, hasher: Hasher | None = None) -> str:
    """The message a refused sign-in shows (in English)."""
    with pytest.raises(SignInFailed) as error:
        sign_in(ctx, username, password, hasher)
    return refused(error)


# -- first start ---------------------------------------------------------------------------


def test_the_first_owner_is_created_once_only(system_ctx: Context) -> None:
    assert not accounts.has_accounts(system_ctx.database)
    row = accounts.create_first_owner(system_ctx, "boss", "王老板", "secret-1")
    assert (row.username, row.display_name, row.role, row.active) == ("boss", "王老板",
                                                                       Role.OWNER, True)
    assert accounts.has_accounts(system_ctx.database)
    with pytest.raises(DomainError, match="already has accounts"):
        accounts.create_first_owner(system_ctx, "intruder", "Intruder", "secret-2")
    with pytest.raises(SignInFailed):
        sign_in(system_ctx, "intruder", "secret-2")


def test_sign_in_gives_the_account_and_remembers_when(owner_ctx: Context,
                                                      clock: FixedClock) -> None:
    clock.advance(hours=2)
    actor = sign_in(owner_ctx, " owner ", "owner-pass")
    assert (actor.username, actor.role) == ("owner", Role.OWNER)
    row = next(r for r in accounts.list_staff(owner_ctx) if r.username == "owner")
    assert row.last_sign_in == clock.now()


def test_an_unknown_user_and_a_wrong_password_get_the_same_answer(owner_ctx: Context) -> None:
    with pytest.raises(SignInFailed) as unknown:
        sign_in(owner_ctx, "nobody", "owner-pass")
    with pytest.raises(SignInFailed) as wrong:
        sign_in(owner_ctx, "owner", "wrong-pass")
    assert refused(unknown) == refused(wrong) == "Wrong user name or password."
    assert wrong.value.field == "password"


# -- the slow-down after wrong passwords ---------------------------------------------------


def test_wrong_passwords_slow_down_by_the_clock(owner_ctx: Context, clock: FixedClock) -> None:
    hasher = CountingHasher(owner_ctx.hasher)
    for _ in range(accounts.FREE_ATTEMPTS):
        with pytest.raises(SignInFailed, match="Wrong user name or password"):
            sign_in(owner_ctx, "owner", "wrong-pass", hasher)
    assert hasher.verified == accounts.FREE_ATTEMPTS

    # The next attempt is refused without looking at the password, even the right one.
    with pytest.raises(SignInFailed) as locked:
        sign_in(owner_ctx, "owner", "owner-pass", hasher)
    wait = accounts.FIRST_DELAY_SECONDS
    assert refused(locked) == f"Too many wrong passwords. Try again in {wait} s."
    assert locked.value.render("zh_CN") == f"密码错误次数过多，请 {wait} 秒后再试。"
    assert hasher.verified == accounts.FREE_ATTEMPTS

    clock.advance(seconds=wait - 1)
    assert refusal(owner_ctx, "owner", "owner-pass", hasher).endswith("Try again in 1 s.")
    assert hasher.verified == accounts.FREE_ATTEMPTS

    # Once the time is up the password is checked again; another wrong one doubles the wait.
    clock.advance(seconds=1)
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        sign_in(owner_ctx, "owner", "wrong-pass", hasher)
    assert hasher.verified == accounts.FREE_ATTEMPTS + 1
    assert refusal(owner_ctx, "owner", "owner-pass", hasher).endswith(
        f"Try again in {2 * wait} s."
    )

    clock.advance(minutes=1)
    assert sign_in(owner_ctx, "owner", "owner-pass", hasher).username == "owner"
    # A success clears the count: the next wrong password is free again.
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        sign_in(owner_ctx, "owner", "wrong-pass", hasher)
    assert sign_in(owner_ctx, "owner", "owner-pass", hasher).username == "owner"


def test_the_slow_down_is_stored_so_another_desk_sees_it(owner_ctx: Context,
                                                         clock: FixedClock) -> None:
    for _ in range(accounts.FREE_ATTEMPTS):
        with pytest.raises(SignInFailed):
            sign_in(owner_ctx, "owner", "wrong-pass")
    other_desk: Database = open_database(owner_ctx.database.url)
    try:
        with pytest.raises(SignInFailed) as error:
            accounts.sign_in(other_desk, "owner", "owner-pass", clock=clock,
                             hasher=owner_ctx.hasher)
        assert "Try again in" in refused(error)
    finally:
        other_desk.close()


def test_a_disabled_account_cannot_sign_in(owner_ctx: Context, desk_ctx: Context) -> None:
    accounts.set_active(owner_ctx, account_id(owner_ctx, "desk"), False)
    with pytest.raises(SignInFailed) as error:
        sign_in(owner_ctx, "desk", "desk-pass")
    assert refused(error) == "This account is disabled. Ask the owner."
    accounts.set_active(owner_ctx, account_id(owner_ctx, "desk"), True)
    assert sign_in(owner_ctx, "desk", "desk-pass").role == Role.DESK


# -- the owner manages staff ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "display_name", "password", "field"),
    [
        ("owner", "Another", "long-enough", "username"),  # taken
        ("x", "Xiao", "long-enough", "username"),  # too short
        ("has space", "Xiao", "long-enough", "username"),
        ("小李", "Xiao", "long-enough", "username"),
        ("xiaoli", "   ", "long-enough", "display_name"),
        ("xiaoli", "小李", "short", "password"),
    ],
)
def test_a_desk_account_with_a_bad_field_is_refused_at_that_field(
    owner_ctx: Context, username: str, display_name: str, password: str, field: str
) -> None:
    before = accounts.list_staff(owner_ctx)
    with pytest.raises(DomainError) as error:
        accounts.create_staff(owner_ctx, username, display_name, Role.DESK, password)
    assert error.value.field == field
    assert error.value.render("zh_CN") != error.value.render("en")
    assert accounts.list_staff(owner_ctx) == before


def test_a_desk_account_is_created_and_signs_in(owner_ctx: Context) -> None:
    row = accounts.create_staff(owner_ctx, "xiaoli", "小李", Role.DESK, "desk-pass-2")
    assert (row.username, row.display_name, row.role, row.active) == ("xiaoli", "小李",
                                                                       Role.DESK, True)
    assert sign_in(owner_ctx, "xiaoli", "desk-pass-2").role == Role.DESK


def test_the_last_active_owner_cannot_be_disabled_nor_demoted(owner_ctx: Context) -> None:
    owner = account_id(owner_ctx, "owner")
    with pytest.raises(DomainError) as disabling:
        accounts.set_active(owner_ctx, owner, False)
    assert disabling.value.field == "active"
    with pytest.raises(DomainError) as demoting:
        accounts.update_staff(owner_ctx, owner, "Owner", Role.DESK)
    assert demoting.value.field == "role"
    assert sign_in(owner_ctx, "owner", "owner-pass").role == Role.OWNER

    accounts.create_staff(owner_ctx, "partner", "合伙人", Role.OWNER, "partner-pass")
    accounts.update_staff(owner_ctx, owner, "Former owner", Role.DESK)
    assert sign_in(owner_ctx, "owner", "owner-pass").role == Role.DESK
    partner = account_id(owner_ctx, "partner")
    # Now "partner" is the last active owner.
    with pytest.raises(DomainError):
        accounts.set_active(owner_ctx, partner, False)
    accounts.update_staff(owner_ctx, owner, "Owner again", Role.OWNER)
    accounts.set_active(owner_ctx, partner, False)
    with pytest.raises(SignInFailed, match="disabled"):
        sign_in(owner_ctx, "partner", "partner-pass")


def test_the_owner_resets_a_forgotten_password(owner_ctx: Context, desk_ctx: Context,
                                               clock: FixedClock) -> None:
    for _ in range(accounts.FREE_ATTEMPTS):
        with pytest.raises(SignInFailed):
            sign_in(owner_ctx, "desk", "forgotten")
    desk = account_id(owner_ctx, "desk")
    with pytest.raises(DomainError) as short:
        accounts.reset_password(owner_ctx, desk, "abc")
    assert short.value.field == "password"
    accounts.reset_password(owner_ctx, desk, "brand-new")
    # The reset also lifts the slow-down, at once.
    assert sign_in(owner_ctx, "desk", "brand-new").username == "desk"
    with pytest.raises(SignInFailed):
        sign_in(owner_ctx, "desk", "desk-pass")
    with pytest.raises(NotFound):
        accounts.reset_password(owner_ctx, 9999, "brand-new")


def test_anyone_changes_their_own_password(desk_ctx: Context) -> None:
    with pytest.raises(DomainError) as wrong:
        accounts.change_own_password(desk_ctx, "not-it", "new-desk-pass")
    assert wrong.value.field == "current_password"
    with pytest.raises(DomainError) as short:
        accounts.change_own_password(desk_ctx, "desk-pass", "abc")
    assert short.value.field == "new_password"
    accounts.change_own_password(desk_ctx, "desk-pass", "new-desk-pass")
    assert sign_in(desk_ctx, "desk", "new-desk-pass").username == "desk"
    with pytest.raises(SignInFailed):
        sign_in(desk_ctx, "desk", "desk-pass")


def test_reset_owner_password_reenables_and_is_in_the_audit_log(owner_ctx: Context) -> None:
    accounts.create_staff(owner_ctx, "partner", "合伙人", Role.OWNER, "partner-pass")
    accounts.set_active(owner_ctx, account_id(owner_ctx, "owner"), False)
    for _ in range(accounts.FREE_ATTEMPTS + 1):
        with pytest.raises(SignInFailed):
            sign_in(owner_ctx, "owner", "forgotten")

    # Whoever can open the database may do this; no one is signed in.
    anyone = owner_ctx.as_actor(Actor.system("cli"))
    accounts.reset_owner_password(anyone, "owner", "remembered")
    assert sign_in(owner_ctx, "owner", "remembered").role == Role.OWNER

    entries = find_entries(owner_ctx, AuditFilter(staff="reset-owner-password"))
    assert entries, "the reset is not in the audit log"
    assert {e.entity for e in entries} == {"staff_account"}
    assert any(e.action == "reset_password" for e in entries)
    changed = next(e for e in entries if e.action == "update")
    assert changed.after is not None and changed.after["password_hash"] == "***"
    assert changed.after["active"] is True

    with pytest.raises(NotFound):
        accounts.reset_owner_password(anyone, "desk-or-nobody", "remembered")
    accounts.create_staff(owner_ctx, "desk", "Desk", Role.DESK, "desk-pass")
    with pytest.raises(NotFound):  # a desk account is reset by the owner, not this way
        accounts.reset_owner_password(anyone, "desk", "remembered")
    with pytest.raises(DomainError):
        accounts.reset_owner_password(anyone, "owner", "abc")
