"""The keys generated into var/ for a local installation (`make run`): made once for a new database, never over a
database that already holds people, where a lost key file would otherwise be replaced silently by a key that opens
none of the stored NIKs (the fifty-sixth review, S2). Every value here is made up."""

import sqlite3

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import _generated_key


def database(path, *, people: bool = True, migrated: bool = True) -> str:
    """A SQLite database at `path` as `migrate` leaves it, with one (made-up) client or none; its URL."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")  # as the settings open it
    if migrated:
        connection.execute("CREATE TABLE people_person (id integer primary key, full_name text)")
        connection.execute("CREATE TABLE people_worker (id integer primary key, full_name text)")
        if people:
            connection.execute("INSERT INTO people_person (full_name) VALUES ('Anak Uji Kunci')")
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


@pytest.fixture
def no_keys_in_env(monkeypatch):
    for name in ("SINERGI_FIELD_KEYS", "SINERGI_HASH_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("env_name", "file_name"), [("SINERGI_FIELD_KEYS", "field_keys"), ("SINERGI_HASH_KEY", "hash_key")]
)
def test_a_lost_key_file_is_not_generated_anew_over_stored_people(tmp_path, no_keys_in_env, env_name, file_name):
    url = database(tmp_path / "sinergi.sqlite3")

    with pytest.raises(ImproperlyConfigured, match=f"{file_name} is missing.*Restore"):
        _generated_key(env_name, file_name, lambda: "new-key", var_dir=tmp_path, database_url=url)

    assert not (tmp_path / file_name).exists()


def test_a_new_installation_gets_its_key_generated_once(tmp_path, no_keys_in_env):
    url = f"sqlite:///{tmp_path / 'sinergi.sqlite3'}"  # not created yet: the first `make run`

    key = _generated_key("SINERGI_FIELD_KEYS", "field_keys", lambda: "new-key", var_dir=tmp_path, database_url=url)

    assert key == "new-key"
    assert (tmp_path / "field_keys").stat().st_mode & 0o777 == 0o600
    # and then it is read, not made again, even once people are stored
    database(tmp_path / "sinergi.sqlite3")
    assert _generated_key("SINERGI_FIELD_KEYS", "field_keys", lambda: "other", var_dir=tmp_path, database_url=url) == (
        "new-key"
    )


@pytest.mark.parametrize("state", ["migrated, nobody stored", "not migrated"])
def test_a_database_without_people_gets_a_key(tmp_path, no_keys_in_env, state):
    url = database(tmp_path / "sinergi.sqlite3", people=False, migrated=state != "not migrated")

    assert _generated_key("SINERGI_HASH_KEY", "hash_key", lambda: "new-key", var_dir=tmp_path, database_url=url) == (
        "new-key"
    )


def test_the_environment_wins_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_FIELD_KEYS", "key-from-env")
    url = database(tmp_path / "sinergi.sqlite3")

    assert _generated_key("SINERGI_FIELD_KEYS", "field_keys", lambda: "x", var_dir=tmp_path, database_url=url) == (
        "key-from-env"
    )
    assert not (tmp_path / "field_keys").exists()


def test_a_postgresql_database_is_left_to_the_checks(tmp_path, no_keys_in_env):
    # Not readable before Django is set up: sinergi.E002 and sinergi.E003 compare the keys with its data at the start.
    url = "postgres://postgres@127.0.0.1:5432/nothing-here"

    assert _generated_key("SINERGI_HASH_KEY", "hash_key", lambda: "new-key", var_dir=tmp_path, database_url=url) == (
        "new-key"
    )
