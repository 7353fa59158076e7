"""`manage.py backup_database`: a copy of the live database that holds every commit, written private, never over an
earlier backup (the fifty-sixth review, S1: a `cp` of a live SQLite file lost the commits still in its WAL)."""

import io
import shutil
import sqlite3
import stat
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from sinergi.audit.models import AuditEvent
from sinergi.core.backup import BackupRefused, _postgresql_backup, _sqlite_backup, database_backup


def test_a_backup_of_a_live_sqlite_database_holds_the_commits_still_in_its_wal(tmp_path):
    live = sqlite3.connect(tmp_path / "live.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("CREATE TABLE person (name TEXT)")
    live.executemany("INSERT INTO person VALUES (?)", [(f"Anak {i} Contoh",) for i in range(893)])
    live.commit()  # committed, and still in live.sqlite3-wal while the connection stays open
    shutil.copy(tmp_path / "live.sqlite3", tmp_path / "cp.sqlite3")

    _sqlite_backup(SimpleNamespace(ensure_connection=lambda: None, connection=live), tmp_path / "backup.sqlite3")

    def count(name: str) -> int:
        copy = sqlite3.connect(tmp_path / name)
        try:
            return copy.execute("SELECT count(*) FROM person").fetchone()[0]
        except sqlite3.OperationalError:
            return 0  # the table itself is still in the WAL
        finally:
            copy.close()

    assert count("cp.sqlite3") == 0  # what a plain copy of the file keeps
    assert count("backup.sqlite3") == 893
    live.close()


def test_a_database_locked_for_too_long_is_given_up_with_a_message(tmp_path, monkeypatch):
    import sinergi.core.backup as backup

    monkeypatch.setattr(backup, "LOCKED_FOR_AT_MOST", 0.3)
    path = tmp_path / "live.sqlite3"
    source = sqlite3.connect(path)
    source.execute("CREATE TABLE person (name TEXT)")
    source.commit()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # a write left open elsewhere (rollback journal: readers are locked out)

    with pytest.raises(BackupRefused, match="terkunci"):
        _sqlite_backup(SimpleNamespace(ensure_connection=lambda: None, connection=source), tmp_path / "copy")

    writer.rollback()
    writer.close()
    source.close()


# Outside a test's transaction, as the command runs: SQLite's backup cannot read a database whose own connection holds
# a write transaction open (it waits for it to end).
@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
def test_the_command_writes_a_private_copy_and_says_so_in_the_audit_log(tmp_path):
    target = tmp_path / "sinergi-backup"

    out = io.StringIO()
    call_command("backup_database", str(target), stdout=out)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it holds everyone's personal data
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(target)
        assert copy.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 0
        copy.close()
    else:
        assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format, for pg_restore
    assert list(tmp_path.iterdir()) == [target]  # nothing left beside it
    event = AuditEvent.objects.get(action="core.database.backed_up")
    assert (event.actor, event.data["file"], event.data["database"]) == (None, "sinergi-backup", connection.vendor)
    assert "Cadangan ditulis" in out.getvalue() and "SINERGI_FIELD_KEYS" in out.getvalue()


@pytest.mark.django_db
def test_an_earlier_backup_is_never_replaced(tmp_path):
    earlier = tmp_path / "sinergi-backup"
    earlier.write_bytes(b"last night's backup")

    with pytest.raises(CommandError, match="sudah ada"):
        call_command("backup_database", str(earlier))

    assert earlier.read_bytes() == b"last night's backup"
    assert list(tmp_path.iterdir()) == [earlier]
    assert not AuditEvent.objects.filter(action="core.database.backed_up").exists()


def test_a_missing_pg_dump_is_named_with_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda program: None)

    with pytest.raises(BackupRefused, match="postgresql-client"):
        _postgresql_backup({"NAME": "sinergi"}, tmp_path / "backup")


def test_a_failing_pg_dump_says_why(tmp_path):
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed here")
    settings_dict = {"NAME": "sinergi_no_such_database", "HOST": "127.0.0.1", "PORT": "5432", "USER": "postgres"}

    with pytest.raises(BackupRefused, match="pg_dump gagal.*sinergi_no_such_database"):
        _postgresql_backup(settings_dict, tmp_path / "backup")


@pytest.mark.django_db
def test_a_copy_that_fails_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    import sinergi.core.backup as backup

    def fail(*args):
        (tmp_path / ".sinergi-backup.partial").write_bytes(b"half a copy")
        raise BackupRefused("pg_dump gagal (status 1): connection lost")

    monkeypatch.setattr(backup, "_sqlite_backup" if connection.vendor == "sqlite" else "_postgresql_backup", fail)

    with pytest.raises(CommandError, match="connection lost"):
        call_command("backup_database", str(tmp_path / "sinergi-backup"))

    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def database_named(django_db_blocker):
    """A connection to a SQLite file other than the test database (as a command run without the service's
    environment gets the development defaults'), closed and forgotten afterwards."""
    aliases = []

    def named(path) -> str:
        alias = f"elsewhere{len(aliases)}"
        connections.settings[alias] = {**connections.settings["default"], "ENGINE": "django.db.backends.sqlite3",
                                       "NAME": str(path), "OPTIONS": {}, "TEST": {}}  # fmt: skip
        aliases.append(alias)
        return alias

    with django_db_blocker.unblock():
        yield named
        for alias in aliases:
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]


def test_a_database_that_does_not_exist_is_refused_and_not_created(tmp_path, database_named):
    missing = tmp_path / "var" / "sinergi.sqlite3"
    missing.parent.mkdir()

    with pytest.raises(BackupRefused, match="tidak ada; tidak ada cadangan yang ditulis"):
        database_backup(tmp_path / "backup", alias=database_named(missing))

    assert sorted(tmp_path.rglob("*")) == [missing.parent]  # no backup, and no empty database made by asking


def test_a_database_without_sinergi_in_it_is_refused(tmp_path, database_named):
    empty = tmp_path / "sinergi.sqlite3"
    sqlite3.connect(empty).close()  # made by a connection from the wrong environment

    with pytest.raises(BackupRefused, match="tidak berisi data Sinergi"):
        database_backup(tmp_path / "backup", alias=database_named(empty))

    assert not (tmp_path / "backup").exists()
