"""Password hashing behind a small interface, so tests inject a cheap hasher."""

from __future__ import annotations

from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Hasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool: ...


class Argon2Hasher:
    """argon2id with argon2-cffi's recommended cost: slow on purpose for a stolen file."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def cheap_hasher() -> Argon2Hasher:
    """Real argon2id at the lowest cost: for tests and benchmarks, never for a venue."""
    return Argon2Hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
