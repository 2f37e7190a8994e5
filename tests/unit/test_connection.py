"""The saved PostgreSQL connection: file without the password, keyring with it, clear errors."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from desktop import connection
from desktop.connection import ConnectionProfile
from desktop.db import resolve_url
from desktop.errors import DatabaseProblem, DomainError
from tests.helpers.keyrings import MemoryKeyring

PROFILE = ConnectionProfile(host="db.lodge.lan", port=5433, database="lodge", user="desk")


def test_profile_saved_without_password_and_password_in_keyring(
        memory_keyring: MemoryKeyring, _data_dir: Path) -> None:
    connection.save_profile(PROFILE, "s3cret-pass")

    stored = (_data_dir / "connection.json").read_text(encoding="utf-8")
    assert "s3cret-pass" not in stored
    assert json.loads(stored) == {"host": "db.lodge.lan", "port": 5433, "database": "lodge",
                                  "user": "desk"}
    assert memory_keyring.passwords == {("clubhouse", "desk@db.lodge.lan:5433/lodge"):
                                        "s3cret-pass"}
    assert connection.load_profile() == PROFILE
    assert connection.load_password(PROFILE) == "s3cret-pass"


def test_resolve_url_uses_saved_profile_after_flag_and_environment(
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    connection.save_profile(PROFILE, "s3cret-pass")

    url = resolve_url(None)
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "db.lodge.lan", 5433, "lodge", "desk", "s3cret-pass")

    flag = resolve_url(str(tmp_path / "other.sqlite"))
    assert flag.get_backend_name() == "sqlite"
    monkeypatch.setenv("CLUBHOUSE_DATABASE_URL", "postgresql://x@elsewhere/db")
    assert resolve_url(None).host == "elsewhere"


def test_clear_profile_forgets_file_and_password(memory_keyring: MemoryKeyring) -> None:
    connection.save_profile(PROFILE, "s3cret-pass")
    connection.clear_profile()

    assert connection.load_profile() is None
    assert memory_keyring.passwords == {}
    assert resolve_url(None).get_backend_name() == "sqlite"


def test_without_keyring_a_password_is_refused_at_its_field(no_keyring: None) -> None:
    assert not connection.keyring_available()
    with pytest.raises(DomainError) as refused:
        connection.save_profile(PROFILE, "s3cret-pass")
    assert refused.value.field == "password"
    assert "keyring" in refused.value.render("en")
    assert connection.load_profile() is None  # nothing half saved


def test_without_keyring_a_profile_without_password_is_saved(no_keyring: None) -> None:
    connection.save_profile(PROFILE, None)
    assert connection.load_profile() == PROFILE
    assert connection.load_password(PROFILE) is None
    assert resolve_url(None).password is None


@pytest.mark.parametrize(("profile", "field"), [
    (ConnectionProfile(host=""), "host"),
    (ConnectionProfile(host="bad host name"), "host"),
    (ConnectionProfile(host="db", port=0), "port"),
    (ConnectionProfile(host="db", database=" "), "database"),
    (ConnectionProfile(host="db", user=""), "user"),
])
def test_invalid_profile_names_the_field(memory_keyring: MemoryKeyring,
                                         profile: ConnectionProfile, field: str) -> None:
    with pytest.raises(DomainError) as refused:
        connection.save_profile(profile, "pw")
    assert refused.value.field == field
    assert memory_keyring.passwords == {}


def test_damaged_profile_file_is_ignored(_data_dir: Path) -> None:
    (_data_dir / "connection.json").write_text("{not json", encoding="utf-8")
    assert connection.load_profile() is None
    assert resolve_url(None).get_backend_name() == "sqlite"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_to_a_closed_port_says_nothing_answers() -> None:
    port = _closed_port()
    profile = ConnectionProfile(host="127.0.0.1", port=port, database="lodge", user="desk")
    with pytest.raises(DatabaseProblem) as problem:
        connection.test_connection(profile, "pw", timeout=2)
    text = problem.value.render("en")
    assert f"127.0.0.1:{port}" in text
    assert "Nothing answers" in text
    assert problem.value.exit_code == 4
    assert "没有响应" in problem.value.render("zh_CN")


@pytest.mark.postgres
def test_connection_to_the_test_server_succeeds_and_wrong_database_is_named(
        postgres_url: URL) -> None:
    profile = ConnectionProfile(host=postgres_url.host or "127.0.0.1",
                                port=postgres_url.port or 5432,
                                database=postgres_url.database or "",
                                user=postgres_url.username or "postgres")
    connection.test_connection(profile, postgres_url.password)

    missing = ConnectionProfile(profile.host, profile.port, "no_such_db", profile.user)
    with pytest.raises(DatabaseProblem) as problem:
        connection.test_connection(missing, postgres_url.password)
    assert "no_such_db" in problem.value.render("en")
