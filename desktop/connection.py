"""The saved PostgreSQL connection: where several desks share one database.

Settings → Database writes a profile (host, port, database, user) as JSON in the data folder;
the password goes to the system keyring and never into the file.  ``desktop.db.resolve_url``
reads the profile when neither ``--db`` nor ``CLUBHOUSE_DATABASE_URL`` names a database.
A computer without a keyring backend (a bare Linux, CI) is told so; nothing crashes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop.errors import DatabaseProblem, DomainError
from desktop.i18n import Message, msg
from desktop.paths import data_dir

log = logging.getLogger(__name__)

KEYRING_SERVICE = "clubhouse"
DEFAULT_PORT = 5432
TEST_TIMEOUT_SECONDS = 5
_HOST_PATTERN = re.compile(r"^[A-Za-z0-9._:\[\]-]+$")


@dataclass(frozen=True)
class ConnectionProfile:
    """A PostgreSQL server and database, without the password."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "clubhouse"
    user: str = "clubhouse"

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


def profile_path() -> Path:
    return data_dir() / "connection.json"


def check_profile(profile: ConnectionProfile) -> None:
    """Refuse a profile that cannot name a server, with the message at the field."""
    if not profile.host.strip():
        raise DomainError(msg("This cannot be empty."), field="host")
    if not _HOST_PATTERN.match(profile.host.strip()):
        raise DomainError(msg("This is not a host name or address."), field="host")
    if not 1 <= profile.port <= 65535:
        raise DomainError(msg("A port is a number from 1 to 65535."), field="port")
    if not profile.database.strip():
        raise DomainError(msg("This cannot be empty."), field="database")
    if not profile.user.strip():
        raise DomainError(msg("This cannot be empty."), field="user")


def load_profile() -> ConnectionProfile | None:
    """The saved profile, or None; a damaged file is logged and ignored (the local file wins)."""
    path = profile_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        profile = ConnectionProfile(
            host=str(data["host"]), port=int(data.get("port", DEFAULT_PORT)),
            database=str(data["database"]), user=str(data["user"]),
        )
        check_profile(profile)
    except (OSError, ValueError, KeyError, TypeError, DomainError) as error:
        log.warning("ignoring the unreadable connection profile %s: %s", path, error)
        return None
    return profile


def keyring_available() -> bool:
    """Whether this computer has a keyring backend that can keep a password."""
    backend = keyring.get_keyring()
    return float(getattr(backend, "priority", 0)) > 0


def load_password(profile: ConnectionProfile) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, profile.keyring_key)
    except keyring.errors.KeyringError as error:
        log.info("no password from the keyring for %s: %s", profile.keyring_key, error)
        return None


def save_profile(profile: ConnectionProfile, password: str | None = None) -> None:
    """Remember the profile; a password goes to the keyring, or nothing is saved at all.

    An empty password saves the profile alone (the server may trust this computer or
    libpq may find the password in ``.pgpass``).
    """
    cleaned = ConnectionProfile(profile.host.strip(), profile.port, profile.database.strip(),
                                profile.user.strip())
    check_profile(cleaned)
    if password:
        if not keyring_available():
            raise DomainError(_NO_KEYRING, field="password")
        try:
            keyring.set_password(KEYRING_SERVICE, cleaned.keyring_key, password)
        except keyring.errors.KeyringError as error:
            log.warning("the keyring refused the password: %s", error)
            raise DomainError(_NO_KEYRING, field="password") from None
    path = profile_path()
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(asdict(cleaned), indent=2), encoding="utf-8")
    os.replace(temporary, path)


def clear_profile() -> None:
    """Forget the profile and its password: the app goes back to the local file."""
    profile = load_profile()
    if profile is not None:
        # Never stored, or no keyring: nothing to forget.
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(KEYRING_SERVICE, profile.keyring_key)
    profile_path().unlink(missing_ok=True)


def profile_url(profile: ConnectionProfile, password: str | None) -> URL:
    return URL.create(
        "postgresql+psycopg", username=profile.user, password=password or None,
        host=profile.host, port=profile.port, database=profile.database,
    )


def saved_url() -> URL | None:
    """The saved profile's URL with its password from the keyring (None without a profile)."""
    profile = load_profile()
    if profile is None:
        return None
    return profile_url(profile, load_password(profile))


def test_connection(profile: ConnectionProfile, password: str | None,
                    timeout: int = TEST_TIMEOUT_SECONDS) -> None:
    """Connect once and ask the server a trivial question; DatabaseProblem says what failed."""
    check_profile(profile)
    engine = create_engine(profile_url(profile, password), poolclass=NullPool,
                           connect_args={"connect_timeout": timeout})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        raise DatabaseProblem(_explain(profile, str(error.orig or error), timeout)) from error
    finally:
        engine.dispose()


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


_NO_KEYRING = msg(
    "This computer has no system keyring, so the password cannot be saved. Leave it empty "
    "(the server may trust this computer) or start Clubhouse with --db."
)


def _explain(profile: ConnectionProfile, reason: str, timeout: int) -> Message:
    """The driver's reason as a person can act on it."""
    lowered = reason.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return msg("The server refused the user name or password.")
    if "does not exist" in lowered and "database" in lowered:
        return msg("The server has no database called {name}.", name=profile.database)
    if "role" in lowered and "does not exist" in lowered:
        return msg("The server has no user called {name}.", name=profile.user)
    if "connection refused" in lowered:
        return msg("Nothing answers at {server}. Is the PostgreSQL server running there, and is "
                   "the port right?", server=profile.server)
    if "timeout" in lowered or "timed out" in lowered:
        return msg("The server at {server} did not answer within {seconds} s.",
                   server=profile.server, seconds=timeout)
    if "name or service not known" in lowered or "could not translate host name" in lowered \
            or "nodename nor servname" in lowered or "failed to resolve" in lowered:
        return msg("The host name {host} cannot be found.", host=profile.host)
    first_line = reason.strip().splitlines()[0] if reason.strip() else reason
    return msg("Cannot connect to {server}: {reason}", server=profile.server, reason=first_line)
