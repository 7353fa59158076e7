"""A consistent copy of the database while the service runs (`manage.py backup_database`; the fifty-sixth review, S1).

A plain `cp` of a live SQLite file is not a backup: in WAL mode the latest commits stay in `sinergi.sqlite3-wal` for as
long as any process holds the database open, so the copied file passes `PRAGMA integrity_check` and lacks them. SQLite's
online backup reads the database as one transaction sees it, WAL included; PostgreSQL's `pg_dump` does the same for
a server. Either way the copy holds every client's name and consents in plain text and their NIK under the field keys:
it is written private (0600), and the keys are backed up apart from it (docs/deployment.md, "Backup and restore").
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _


class BackupRefused(Exception):
    """Why no backup was written (in the user's language); nothing was left at the destination."""


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    seconds: float
    vendor: str


def database_backup(destination: Path, *, alias: str = "default") -> Backup:
    """Writes a consistent copy of the database to `destination` (a new file; an existing one is never replaced):
    SQLite's online backup checked with `integrity_check`, or `pg_dump --format=custom` for PostgreSQL. The file
    appears whole or not at all (written beside it under a temporary name, then renamed)."""
    destination = Path(destination)
    if destination.exists():
        raise BackupRefused(
            _("%(path)s sudah ada; pilih nama file baru (cadangan lama tidak ditimpa).") % {"path": destination}
        )
    if not destination.parent.is_dir():
        raise BackupRefused(_("Folder %(folder)s tidak ada.") % {"folder": destination.parent})
    connection = connections[alias]
    _refuse_another_database(connection)
    partial = destination.with_name(f".{destination.name}.partial")
    started = time.monotonic()
    try:
        # Private from the first byte: the copy holds personal data
        partial.touch(mode=0o600, exist_ok=False)
        if connection.vendor == "sqlite":
            _sqlite_backup(connection, partial)
        elif connection.vendor == "postgresql":
            _postgresql_backup(connection.settings_dict, partial)
        else:
            raise BackupRefused(_("Basis data %(vendor)s tidak didukung.") % {"vendor": connection.vendor})
        partial.rename(destination)
    except FileExistsError:
        raise BackupRefused(
            _("Ada cadangan yang sedang ditulis ke %(path)s (atau sisa yang terhenti); hapus dulu bila tidak ada.")
            % {"path": partial}
        ) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Backup(destination, destination.stat().st_size, time.monotonic() - started, connection.vendor)


# How long the copy may find the database locked without a step of progress before it gives up: SQLite's backup
# otherwise retries for ever (a write transaction left open elsewhere would hang the nightly timer).
LOCKED_FOR_AT_MOST = 120.0


def _refuse_another_database(connection) -> None:
    """Refuses a database that is not Sinergi's before anything is written: a command run without the service's
    environment (`sudo -u` and cron drop it) reads the development defaults and would back up a new, empty SQLite
    file, leaving a "backup" that holds nothing (the fifty-eighth review)."""
    name = connection.settings_dict["NAME"]
    said = {"database": name, "vendor": connection.vendor}
    if connection.vendor == "sqlite" and not connection.is_in_memory_db() and not Path(name).is_file():
        raise BackupRefused(
            _(
                "Basis data %(database)s tidak ada; tidak ada cadangan yang ditulis. Apakah perintah ini berjalan "
                "dengan lingkungan layanan (DATABASE_URL, DJANGO_SETTINGS_MODULE)?"
            )
            % said
        )
    recorder = MigrationRecorder(connection)
    if not recorder.has_table() or not recorder.applied_migrations():
        raise BackupRefused(
            _(
                "Basis data %(database)s (%(vendor)s) tidak berisi data Sinergi (belum ada migrasi); tidak ada "
                "cadangan yang ditulis. Apakah perintah ini berjalan dengan lingkungan layanan (DATABASE_URL, "
                "DJANGO_SETTINGS_MODULE)?"
            )
            % said
        )


def _sqlite_backup(connection, target: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    locked_since: list[float] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if status not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            locked_since.clear()
        elif not locked_since:
            locked_since.append(time.monotonic())
        elif time.monotonic() - locked_since[0] > LOCKED_FOR_AT_MOST:
            raise BackupRefused(
                _("Basis data terkunci oleh proses lain lebih dari %(seconds)s detik; tidak ada cadangan yang ditulis. "
                  "Ulangi nanti.") % {"seconds": int(LOCKED_FOR_AT_MOST)}
            )  # fmt: skip

    try:
        # Pages in steps, so that the service's writers wait at most one step for the read lock between them
        connection.connection.backup(copy, pages=4096, progress=progress, sleep=0.1)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, whatever mode the source runs in
        problems = copy.execute("PRAGMA integrity_check").fetchall()
    finally:
        copy.close()
    if problems != [("ok",)]:
        raise BackupRefused(
            _("Salinan tidak utuh menurut SQLite (%(problem)s); tidak ada cadangan yang ditulis.")
            % {"problem": "; ".join(row[0] for row in problems[:3])}
        )


def _postgresql_backup(settings_dict: dict, target: Path) -> None:
    program = shutil.which("pg_dump")
    if program is None:
        raise BackupRefused(
            _("pg_dump tidak ditemukan; pasang klien PostgreSQL (apt-get install postgresql-client) yang versinya "
              "sama dengan server atau lebih baru.")
        )  # fmt: skip
    environment = {**os.environ}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    command = [program, "--format=custom", "--no-owner", f"--file={target}", "--dbname", settings_dict["NAME"]]
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise BackupRefused(
            _("pg_dump gagal (status %(status)s): %(error)s")
            % {"status": finished.returncode, "error": finished.stderr.strip()[-500:]}
        )
