"""The SQLite database: its files are kept readable by their owner only, whatever the umask that created them, and
its commits are on the disk before they are reported done."""

import sqlite3
import stat

from django.db.utils import ConnectionHandler


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_sqlite_database_and_its_wal_files_are_made_private_when_django_opens_them(tmp_path, django_db_blocker):
    # Given a database file made by a process with the usual umask, as `make run` makes the demo's
    path = tmp_path / "sinergi.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)

    # When Django connects to it (with the WAL mode the settings ask for)
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path),
                  "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;"}}}
    )  # fmt: skip
    connection = handler["default"]  # a handler of its own, beside the tests' database
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x integer)")

        # Then no one else may read it, nor the WAL files beside it
        assert _mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = tmp_path / f"sinergi.sqlite3{suffix}"
            assert side.exists() and _mode(side) == 0o600, suffix
    finally:
        connection.close()


def test_a_sqlite_commit_is_on_the_disk_before_it_is_reported_done(settings, tmp_path, django_db_blocker):
    # Given a SQLite database opened with the settings' options (an office server on SQLite, where the power may fail)
    if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # PostgreSQL's own setting says the same: a commit returns once its WAL is flushed (decision 0008)
        from django.db import connection as postgresql

        with django_db_blocker.unblock(), postgresql.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"
        return
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "office.sqlite3"),
                     "OPTIONS": settings.DATABASES["default"]["OPTIONS"]}}
    )  # fmt: skip
    connection = handler["default"]
    try:
        # Then each commit syncs the WAL (FULL = 2): with NORMAL (1) a power cut may undo the last commits
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        connection.close()
