"""When the server's environment fails in the middle of a job — a full or read-only disk, a database busy or gone
for a moment, an upload lost from the disk — the job still ends, says what happened in words the user can act on,
and leaves no half-written file of personal data behind (failure-injection review)."""

import datetime
import errno
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files import File
from django.db import OperationalError
from django.db.models.query import QuerySet
from django.utils import timezone

from sinergi.core.storage import PrivateFileSystemStorage
from sinergi.exchange import exports, pipeline, runners, services, tasks
from sinergi.exchange.models import ExportJob, ImportJob, ImportStatus
from sinergi.exchange.services import running
from sinergi.exchange.tests.factories import ImportJobFactory

from .conftest import HEADERS, xlsx_file

pytestmark = pytest.mark.django_db

GOOD = [HEADERS, ["LKSA Harapan Baru", "anak", "63.71.01.1001", "TD/BARU/1", 25]]
WITH_A_PROBLEM = [*GOOD, ["LKSA Salah", "anak", "99.99.99.9999", "TD/BARU/2", 25]]


def disk_fills_up(monkeypatch, folder: str) -> None:
    """The disk is full after the first chunk of any file stored under `folder`."""
    original = PrivateFileSystemStorage._save

    class Half:
        def chunks(self):
            yield b"PK\x03\x04 half of a list of children"
            raise OSError(errno.ENOSPC, "No space left on device")

    def _save(self, name, content):
        return original(self, name, Half() if name.startswith(folder) else content)

    monkeypatch.setattr(PrivateFileSystemStorage, "_save", _save)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def upload(tmp_path, actor, rows, *, dry_run=True) -> ImportJob:
    with xlsx_file(tmp_path, rows).open("rb") as handle:
        return services.import_job_create(
            actor=actor, entity_key="lks", file=File(handle), original_name="lks.xlsx", dry_run=dry_run, enqueue=False
        )


def test_an_upload_on_a_full_disk_is_refused_with_why_and_leaves_no_copy(tmp_path, board_member, monkeypatch):
    disk_fills_up(monkeypatch, "exchange/imports")

    with pytest.raises(services.FileRefused) as refused:
        upload(tmp_path, board_member, GOOD)

    assert refused.value.message == str(services.STORAGE_REFUSED)
    assert not ImportJob.objects.exists()
    assert files_under(Path(settings.MEDIA_ROOT)) == []


def test_a_run_whose_report_cannot_be_stored_ends_with_its_findings_and_says_why(tmp_path, board_member, monkeypatch):
    job = upload(tmp_path, board_member, WITH_A_PROBLEM)
    disk_fills_up(monkeypatch, "exchange/reports")

    job = services.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ImportStatus.REFUSED  # not left "running", to be called interrupted an hour later
    assert job.notices[:2] == [str(services.REPORT_FAILED), str(services.STORAGE_REFUSED)]
    assert [problem[0] for problem in job.problems] == [3]  # the trial's findings are on the page
    assert not job.error_report
    assert files_under(Path(settings.MEDIA_ROOT) / "exchange" / "reports") == []


def test_an_export_the_disk_cannot_hold_fails_saying_so_and_leaves_no_file(province_admin, monkeypatch):
    from sinergi.organisations.tests.factories import OrganisationFactory

    OrganisationFactory(name="LKSA Satu")
    job = exports.export_job_create(actor=province_admin, entity_key="lks", filters={}, file_format="xlsx", rows=1)
    disk_fills_up(monkeypatch, "exchange/exports")

    job = exports.export_job_run(job_id=job.pk)

    assert (job.status, job.message) == ("failed", str(services.STORAGE_REFUSED))
    assert files_under(Path(settings.MEDIA_ROOT) / "exchange" / "exports") == []


def test_a_job_whose_run_could_not_start_ends_at_once_instead_of_waiting_for_ever(tmp_path, board_member, monkeypatch):
    """The worker took the task, then the database was busy (SQLite) or gone (PostgreSQL) before the job was marked
    running: the task ended, and the job would have said "Menunggu" for ever."""
    job = upload(tmp_path, board_member, GOOD)

    def claimer(model, pk):
        def claim():
            raise OperationalError("database is locked")

        return claim

    monkeypatch.setattr(runners, "claimer", claimer)
    tasks.run_import_job.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, str(services.NOT_STARTED))
    assert job.can_retry  # "Periksa lagi" from the stored file, no second upload


def test_a_queued_job_no_task_will_run_is_ended_by_the_hourly_settling(tmp_path, board_member):
    """Its task was never stored (the connection dropped at the commit of the queueing)."""
    lost = upload(tmp_path, board_member, GOOD)
    ImportJob.objects.filter(pk=lost.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    waiting = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED)  # asked a moment ago

    ended = services.exchange_jobs_settle()

    assert ended == [lost.pk]
    lost.refresh_from_db()
    assert (lost.status, lost.message) == (ImportStatus.FAILED, str(services.NOT_STARTED))
    waiting.refresh_from_db()
    assert waiting.status == ImportStatus.QUEUED


def test_a_queued_export_no_task_will_run_is_ended_by_its_page(province_admin):
    job = exports.export_job_create(actor=province_admin, entity_key="lks", filters={}, file_format="xlsx", rows=1)
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    job.refresh_from_db()

    job = exports.export_job_settle(job=job)

    assert (job.status, job.message) == ("failed", str(exports.EXPORT_NOT_STARTED))


def test_confirming_a_trial_whose_upload_is_gone_says_the_file_is_gone(tmp_path, board_member):
    trial = services.import_job_run(job_id=upload(tmp_path, board_member, GOOD).pk)
    assert trial.status == ImportStatus.CHECKED
    Path(trial.file.path).unlink()  # lost: restored from a backup without its media, a clean-up by hand

    with pytest.raises(services.FileGone) as gone:
        services.import_job_confirm(job=trial, actor=board_member)

    assert gone.value.message == services.import_files_gone_message()


def test_a_run_whose_upload_is_gone_says_so_rather_than_blaming_the_users_file(tmp_path, board_member):
    job = upload(tmp_path, board_member, GOOD)
    Path(job.file.path).unlink()

    job = services.import_job_run(job_id=job.pk)

    assert (job.status, job.message) == (ImportStatus.FAILED, services.import_files_gone_message())


def test_a_trial_is_not_failed_because_its_progress_could_not_be_stored(tmp_path, board_member, monkeypatch):
    """SQLite's one write lock held past its timeout by another process: a trial writes nothing but its progress."""
    original = QuerySet.update

    def update(self, **fields):
        if self.model is ImportJob and "rows_done" in fields:
            raise OperationalError("database is locked")
        return original(self, **fields)

    monkeypatch.setattr(QuerySet, "update", update)
    job = services.import_job_run(job_id=upload(tmp_path, board_member, GOOD).pk)

    assert job.status == ImportStatus.CHECKED


def test_a_run_stopped_by_a_busy_database_says_so_and_to_run_it_again(tmp_path, board_member, monkeypatch):
    job = upload(tmp_path, board_member, GOOD, dry_run=False)

    def run_import(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(running, "run_import", run_import)
    job = services.import_job_run(job_id=job.pk)

    assert (job.status, job.message) == (ImportStatus.FAILED, str(services.JOB_BUSY))
    assert pipeline.BUSY != services.JOB_BUSY  # not "another import at the same LKS": any process may hold it


def test_a_run_that_failed_as_it_committed_does_not_say_nothing_was_saved(tmp_path, board_member, monkeypatch):
    """The connection dropped while the server committed: the rows are saved, and the audit event of the same
    transaction says so; the run must not tell the user to import them again."""
    job = upload(tmp_path, board_member, GOOD, dry_run=False)
    original = running.run_import

    def commits_then_loses_the_connection(**kwargs):
        original(**kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(running, "run_import", commits_then_loses_the_connection)
    job = services.import_job_run(job_id=job.pk)

    assert (job.status, job.message) == (ImportStatus.SUCCEEDED, str(services.INTERRUPTED_AFTER_SAVE))
    assert job.created_count == 1


def test_a_run_whose_connection_is_lost_is_ended_by_its_task_not_left_running(tmp_path, board_member, monkeypatch):
    job = upload(tmp_path, board_member, GOOD)

    def connection_lost(job, actor, on_progress):
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(running, "_import_job_run", connection_lost)
    tasks.run_import_job.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, str(services.INTERRUPTED))
