"""Files of personal data are written whole or not at all, readable by the service's account only from their first
byte; what a killed process left half-written is swept away once old."""

import datetime
import errno
import os
import stat

import pytest
from django.core.files.base import ContentFile

from sinergi.core.storage import PARTIAL_PREFIX, PrivateFileSystemStorage, partial_files_remove, storage_refused


class DiskFillsUp:
    """A file whose second chunk finds the disk full."""

    def chunks(self):
        yield b"PK\x03\x04 the first half of a list of children"
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def storage(tmp_path):
    return PrivateFileSystemStorage(location=tmp_path, file_permissions_mode=0o600, directory_permissions_mode=0o700)


def test_a_file_is_stored_whole_under_its_name_readable_by_its_owner_only(storage, tmp_path):
    name = storage.save("exchange/imports/upload", ContentFile(b"whole"))

    assert name == "exchange/imports/upload"
    assert (tmp_path / name).read_bytes() == b"whole"
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert [p.name for p in (tmp_path / "exchange" / "imports").iterdir()] == ["upload"]


def test_a_write_the_disk_refuses_leaves_nothing_behind(storage, tmp_path):
    with pytest.raises(OSError) as refused:
        storage.save("exchange/imports/upload", DiskFillsUp())

    assert storage_refused(refused.value)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_name_taken_meanwhile_is_not_written_over(storage, tmp_path):
    first = storage.save("exchange/reports/report.xlsx", ContentFile(b"first"))
    # The name was free when chosen, and taken before the file was whole (another process).
    storage.get_available_name = lambda name, max_length=None: "exchange/reports/report_2.xlsx"
    second = storage._save("exchange/reports/report.xlsx", ContentFile(b"second"))

    assert (first, second) == ("exchange/reports/report.xlsx", "exchange/reports/report_2.xlsx")
    assert (tmp_path / first).read_bytes() == b"first"
    assert (tmp_path / second).read_bytes() == b"second"


def test_the_partial_files_of_a_killed_process_are_removed_once_old(tmp_path):
    folder = tmp_path / "exchange" / "exports"
    folder.mkdir(parents=True)
    old, fresh, kept = folder / f"{PARTIAL_PREFIX}old", folder / f"{PARTIAL_PREFIX}fresh", folder / "done.xlsx"
    for path in (old, fresh, kept):
        path.write_bytes(b"x")
    day_ago = (datetime.datetime.now() - datetime.timedelta(days=1)).timestamp()
    os.utime(old, (day_ago, day_ago))
    os.utime(kept, (day_ago, day_ago))

    assert partial_files_remove(tmp_path, older_than=datetime.timedelta(hours=1)) == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept.name, fresh.name])
