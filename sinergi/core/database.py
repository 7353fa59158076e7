"""The SQLite database file is readable by its owner only: it holds every NIK, child and consent of the demo or a
small installation, and SQLite creates it (and its -wal and -shm files) with the process's umask, usually 0644."""

import logging
import os
import stat

from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

SIDE_FILES = ("", "-wal", "-shm")


def sqlite_files_private(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    """`connection_created` receiver: takes group and other permissions off the database's files. The -wal and -shm
    files exist by now (the connection set WAL mode); SQLite gives files it creates later the main file's mode."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    name = str(connection.settings_dict["NAME"])
    for path in (name + suffix for suffix in SIDE_FILES):
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode & 0o077:
                os.chmod(path, mode & 0o700)
        except FileNotFoundError:
            continue
        except PermissionError:  # another account's file: said, not fatal (the server's own account owns its file)
            logger.warning("Could not make %s readable by its owner only", path)
