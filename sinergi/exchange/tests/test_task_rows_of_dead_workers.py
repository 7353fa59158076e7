"""A job whose worker died is ended by Sinergi (test_interrupted_jobs.py); the task queue's own row of that job
(django-tasks-db) is ended with it, as failed, instead of staying "running" for ever where the daily
`prune_db_task_results` (finished rows only) never removes it."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from sinergi.audit.models import AuditEvent
from sinergi.exchange import exports, runners, services
from sinergi.exchange.models import ExportStatus, ImportStatus
from sinergi.exchange.services import uploads
from sinergi.exchange.tasks import run_import_job

from .test_interrupted_jobs import left_running, uploaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def claimed_by_a_worker(job):
    """The job's task row as a worker leaves it when it is killed while running the task."""
    from django_tasks_db.models import DBTaskResult

    row = DBTaskResult.objects.get(pk=job.task_id)
    row.claim("worker-1")
    return row


def test_the_task_row_of_an_import_whose_worker_died_ends_failed_with_the_job(
    client, board_member, tmp_path, database_queue, django_capture_on_commit_callbacks
):
    job = uploaded(tmp_path, board_member)
    with django_capture_on_commit_callbacks(execute=True):
        uploads._enqueue(job)
    job.refresh_from_db()
    row = claimed_by_a_worker(job)
    left_running(job)

    client.force_login(board_member)
    client.get(f"/exchange/imports/{job.pk}/")

    job.refresh_from_db()
    row.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert (row.status, row.finished_at is not None) == (TaskResultStatus.FAILED, True)
    assert row.task_result.errors[0].exception_class is runners.WorkerDied
    assert f"import job {job.pk}" in row.traceback


def test_the_task_row_of_an_export_whose_worker_died_ends_failed_and_is_pruned_later(
    client, board_member, database_queue, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    job.refresh_from_db()
    row = claimed_by_a_worker(job)
    left_running(job)

    client.force_login(board_member)
    client.get(f"/exchange/exports/{job.pk}/")

    job.refresh_from_db()
    row.refresh_from_db()
    assert (job.status, row.status) == (ExportStatus.FAILED, TaskResultStatus.FAILED)
    # Weeks later the daily prune removes it as any other finished row
    DBTaskResult.objects.filter(pk=row.pk).update(finished_at=timezone.now() - datetime.timedelta(days=15))
    call_command("prune_db_task_results", stdout=io.StringIO())
    assert not DBTaskResult.objects.filter(pk=row.pk).exists()


def test_a_task_row_that_is_not_running_keeps_its_state(board_member, tmp_path, database_queue):
    from django_tasks_db.models import DBTaskResult

    job = uploaded(tmp_path, board_member)
    result = run_import_job.enqueue(job.pk)  # waiting for a worker

    runners.task_row_abandoned(str(result.id), job=f"import job {job.pk}")
    runners.task_row_abandoned("", job="import job run from the command line")

    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY


# A worker killed in the moment between taking a job's task and claiming the job: the task row says "running" and
# the job "queued", and nothing else would ever move either.


def taken_minutes_ago(job, minutes):
    """The job's task row as a worker leaves it when it dies right after taking it, `minutes` ago."""
    from django_tasks_db.models import DBTaskResult

    row = claimed_by_a_worker(job)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - datetime.timedelta(minutes=minutes))
    return row


def queued_import(tmp_path, board_member, capture):
    job = uploaded(tmp_path, board_member)
    with capture(execute=True):
        uploads._enqueue(job)
    job.refresh_from_db()
    return job


def test_an_import_whose_worker_died_before_claiming_it_ends_as_not_started_with_its_task_row(
    client, board_member, tmp_path, database_queue, django_capture_on_commit_callbacks
):
    job = queued_import(tmp_path, board_member, django_capture_on_commit_callbacks)
    row = taken_minutes_ago(job, 6)

    client.force_login(board_member)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    job.refresh_from_db()
    row.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, str(services.DROPPED_BY_ITS_WORKER))
    assert str(services.DROPPED_BY_ITS_WORKER) in page and "hx-trigger" not in page
    assert row.status == TaskResultStatus.FAILED and f"import job {job.pk}" in row.traceback
    assert AuditEvent.objects.filter(action="exchange.import.failed", object_id=str(job.pk)).count() == 1
    # A worker that takes the task up after all finds the job ended and leaves it so
    services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, str(services.DROPPED_BY_ITS_WORKER))


def test_an_export_whose_worker_died_before_claiming_it_is_ended_by_the_hourly_settling(
    board_member, database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    job.refresh_from_db()
    row = taken_minutes_ago(job, 6)

    assert job.pk in services.exchange_jobs_settle()

    job.refresh_from_db()
    row.refresh_from_db()
    assert (job.status, job.message) == (ExportStatus.FAILED, str(exports.EXPORT_DROPPED_BY_ITS_WORKER))
    assert row.status == TaskResultStatus.FAILED


def test_a_task_taken_a_moment_ago_leaves_its_job_waiting_for_the_claim(
    board_member, tmp_path, database_queue, django_capture_on_commit_callbacks
):
    job = queued_import(tmp_path, board_member, django_capture_on_commit_callbacks)
    row = taken_minutes_ago(job, 1)

    assert services.import_job_settle(job=job).status == ImportStatus.QUEUED
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


def test_a_job_whose_lock_is_held_is_not_taken_for_dropped_however_long_its_task_has_run(
    board_member, tmp_path, database_queue, django_capture_on_commit_callbacks
):
    job = queued_import(tmp_path, board_member, django_capture_on_commit_callbacks)
    row = taken_minutes_ago(job, 60)

    # A worker that holds the job's lock and has not claimed it yet (its claim waiting for the database)
    with runners.running("import", job.pk, claim=lambda: False):
        assert services.import_job_settle(job=job).status == ImportStatus.QUEUED

    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING
