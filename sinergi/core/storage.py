"""Where uploads, reports and exports are kept: files holding personal data, written so that none is ever left
half-written or readable by others.

Django's FileSystemStorage creates the file under its final name with the process's umask (0644 here) and chmods
it to FILE_UPLOAD_PERMISSIONS only once the write succeeded. A write that fails (a full disk, a read-only folder)
left the partial file behind: named by no job, so never purged; readable by every account; filling the disk that
made the next try fail too. Here the file is written under a hidden temporary name, 0600 from its first byte, and
given its name only when whole; on any error the partial file is removed.
"""

import contextlib
import datetime
import errno
import os
import tempfile
import time
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs

PARTIAL_PREFIX = ".partial-"
# The storage refused the write: the disk (or the account's quota) is full, or the folder cannot be written.
STORAGE_REFUSED_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


def storage_refused(error: BaseException) -> bool:
    """Whether an error is the server's storage refusing a file (not a fault of the file or of the code)."""
    return isinstance(error, OSError) and error.errno in STORAGE_REFUSED_ERRNOS


class PrivateFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content) -> str:
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=PARTIAL_PREFIX)  # O_EXCL, mode 0600
        try:
            with os.fdopen(descriptor, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())  # whole on disk before it has its name
            full_path = self._name_whole(partial, name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")

    def _name_whole(self, partial: str, name: str) -> str:
        """Gives the finished file its name, never over another file (a name chosen free may be taken meanwhile)."""
        while True:
            full_path = self.path(name)
            try:
                os.link(partial, full_path)
                return full_path
            except FileExistsError:
                name = self.get_available_name(name)
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                    raise
                # A file system without hard links: renamed instead, after looking that the name is free.
                if os.path.exists(full_path):
                    name = self.get_available_name(name)
                    continue
                os.rename(partial, full_path)
                return full_path


def partial_files_remove(root: Path, *, older_than: datetime.timedelta) -> int:
    """Removes the partial files a process killed mid-write left (a write that failed removes its own); returns how
    many. Only those older than `older_than`, so that no write in progress loses its file."""
    if not root.is_dir():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for path in root.rglob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(FileNotFoundError):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed
