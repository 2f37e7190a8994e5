"""The frame every service function runs in: who is acting, one transaction, the permission.

A public service function is written as ``fn(tx: Tx, ...)`` and decorated with
``@service(Permission.X)``; callers pass a ``Context`` instead of the ``Tx``.  The decorator
checks the permission before anything else, opens one transaction (write-locking unless
``write=False``), commits when the function returns and rolls back on any error, so one user
action is one transaction and nothing is ever half written.  A service called from inside
another joins the caller's transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from desktop.clock import Clock, SystemClock
from desktop.db import Database
from desktop.errors import PermissionDenied
from desktop.i18n import msg
from desktop.models.accounts import Role
from desktop.permissions import Permission, allows
from desktop.security import Argon2Hasher, Hasher

P = ParamSpec("P")
R = TypeVar("R")

SERVICE_REGISTRY: dict[str, Callable[..., Any]] = {}


@dataclass(frozen=True)
class Actor:
    """The signed-in account, as the services need it (no ORM object outlives its session)."""

    id: int | None
    username: str
    display_name: str
    role: Role

    @classmethod
    def system(cls, purpose: str = "system") -> Actor:
        """The actor of work that no person signed in for: demo fill, reset-owner-password."""
        return cls(id=None, username=purpose, display_name=purpose, role=Role.OWNER)


@dataclass
class Context:
    """What a caller hands to a service: the database, who acts, and the injectable pieces."""

    database: Database
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)
    hasher: Hasher = field(default_factory=Argon2Hasher)
    _session: Session | None = None

    def may(self, permission: Permission) -> bool:
        return allows(self.actor.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                msg("Your account ({role}) may not do this.", role=self.actor.role.value)
            )

    def as_actor(self, actor: Actor) -> Context:
        return replace(self, actor=actor, _session=None)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        if self._session is not None:
            yield Tx(self, self._session)
            return
        with self.database.session(write=write) as session, session.begin():
            session.info["actor"] = self.actor
            session.info["clock"] = self.clock
            inner = replace(self, _session=session)
            yield Tx(inner, session)


@dataclass(frozen=True)
class Tx:
    """Inside a service: the session of this one transaction, and the context it came from."""

    ctx: Context
    session: Session

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    @property
    def hasher(self) -> Hasher:
        return self.ctx.hasher


def service(
    permission: Permission, *, write: bool = True
) -> Callable[[Callable[Concatenate[Tx, P], R]], Callable[Concatenate[Context | Tx, P], R]]:
    """Declare a public service function's permission and give it one transaction.

    Called with a ``Context`` it opens the transaction; called with a ``Tx`` (from inside
    another service) it joins that one.  Either way the permission is checked first.
    """

    def decorate(
        fn: Callable[Concatenate[Tx, P], R],
    ) -> Callable[Concatenate[Context | Tx, P], R]:
        @functools.wraps(fn)
        def run(ctx: Context | Tx, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if isinstance(ctx, Tx):
                ctx.ctx.require(permission)
                return fn(ctx, *args, **kwargs)
            ctx.require(permission)
            with ctx.transaction(write=write) as tx:
                return fn(tx, *args, **kwargs)

        run.__permission__ = permission  # type: ignore[attr-defined]
        SERVICE_REGISTRY[f"{fn.__module__}.{fn.__qualname__}"] = run
        return run

    return decorate


def unauthenticated(fn: Callable[P, R]) -> Callable[P, R]:
    """Mark a public function that runs before anyone signs in (sign-in itself, first start)."""
    fn.__permission__ = None  # type: ignore[attr-defined]
    SERVICE_REGISTRY[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn
