"""A background job whose worker dies (killed, out of memory, the server restarted) must not leave its page waiting
for ever: while a job runs its process holds a lock that dies with it, and a job found running without it is ended
with a message saying whether anything was saved, and can be run again from the same file."""

import datetime
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from sinergi.audit.models import AuditEvent
from sinergi.core.errors import TransitionError
from sinergi.exchange import exports, runners, services
from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus
from sinergi.exchange.services import running, uploads
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, xlsx_file

pytestmark = pytest.mark.django_db

ROWS = [HEADERS, ["LKSA Harapan Baru", "anak", "63.71.01.1001", "TD/BARU/1", 25]]
INTERRUPTED = (
    "Proses terhenti di tengah jalan (misalnya server dimulai ulang atau perintahnya dihentikan). Tidak ada data "
    "dari file ini yang disimpan; jalankan lagi."
)


def uploaded(tmp_path, actor, *, dry_run=True) -> ImportJob:
    path = xlsx_file(tmp_path, ROWS)
    with path.open("rb") as handle:
        return services.import_job_create(
            actor=actor, entity_key="lks", file=File(handle), original_name="lks.xlsx", dry_run=dry_run, enqueue=False
        )


def left_running(job) -> None:
    """As a worker that died mid-run leaves its job: marked running, its lock gone with its process."""
    type(job).objects.filter(pk=job.pk).update(status="running", started_at=timezone.now())
    job.refresh_from_db()


def test_a_job_left_running_by_a_dead_worker_is_ended_on_its_page_and_can_be_run_again(client, board_member, tmp_path):
    # Given a dry run whose worker died while checking it
    job = uploaded(tmp_path, board_member)
    left_running(job)

    # When its starter opens (or the page polls) it
    client.force_login(board_member)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    # Then it has ended, saying that nothing was saved, and the page stops polling
    job.refresh_from_db()
    assert (job.status, job.finished_at is not None) == (ImportStatus.FAILED, True)
    assert INTERRUPTED in page and "hx-trigger" not in page
    assert AuditEvent.objects.get(action="exchange.import.interrupted").data["saved"] is False
    # And its file can be checked again, as a new dry run, to its end
    assert 'id="job-retry"' in page
    response = client.post(f"/exchange/imports/{job.pk}/retry/")
    again = ImportJob.objects.exclude(pk=job.pk).get()
    assert response.url == f"/exchange/imports/{again.pk}/"
    services.import_job_run(job_id=again.pk)  # the task is sent on commit, which never comes in a test
    again.refresh_from_db()
    assert (again.status, again.dry_run, again.created_count, again.file.name) == (
        ImportStatus.CHECKED,
        True,
        1,
        job.file.name,
    )
    # And once only: the failed job's page then leads to that check
    assert client.post(f"/exchange/imports/{job.pk}/retry/").url == f"/exchange/imports/{again.pk}/"
    assert ImportJob.objects.count() == 2
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert 'id="job-retry"' not in page and f'href="/exchange/imports/{again.pk}/"' in page


def test_a_cancelled_job_is_checked_again_from_its_page_without_sending_the_file_again(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member, dry_run=False)
    services.import_job_cancel(job=job, actor=board_member)  # still queued: cancelled at once
    job.refresh_from_db()
    client.force_login(board_member)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert job.status == ImportStatus.CANCELLED and 'id="job-retry"' in page

    response = client.post(f"/exchange/imports/{job.pk}/retry/")

    again = ImportJob.objects.exclude(pk=job.pk).get()
    assert response.url == f"/exchange/imports/{again.pk}/"
    services.import_job_run(job_id=again.pk)
    again.refresh_from_db()
    assert (again.status, again.dry_run, again.file.name) == (ImportStatus.CHECKED, True, job.file.name)
    assert not Organisation.objects.filter(registration_number="TD/BARU/1").exists()


def test_a_job_that_ended_well_or_was_refused_is_not_run_again(board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.CHECKED and not job.can_retry

    with pytest.raises(TransitionError, match="Hanya proses yang gagal atau dibatalkan"):
        services.import_job_retry(job=job, actor=board_member)
    assert ImportJob.objects.count() == 1


def test_a_failed_real_import_is_checked_again_as_a_dry_run_to_confirm(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member, dry_run=False)
    left_running(job)
    job = services.import_job_settle(job=job)
    assert job.status == ImportStatus.FAILED

    again = services.import_job_retry(job=job, actor=board_member)

    assert again.dry_run and not Organisation.objects.filter(registration_number="TD/BARU/1").exists()


def test_a_job_whose_runner_is_alive_keeps_running(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    left_running(job)
    client.force_login(board_member)

    with runners.running("import", job.pk, claim=lambda: True):
        page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING and "hx-trigger" in page
    assert not AuditEvent.objects.filter(action="exchange.import.interrupted").exists()


def test_an_import_that_saved_before_its_worker_died_says_so_with_its_counts(board_member, tmp_path):
    # Given a real import that committed its data (and its audit event, in the same transaction), then lost its
    # worker before the job was marked finished
    job = uploaded(tmp_path, board_member, dry_run=False)
    services.import_job_run(job_id=job.pk)
    assert Organisation.objects.filter(registration_number="TD/BARU/1").exists()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, message="", created_count=0)

    job = services.import_job_settle(job=ImportJob.objects.get(pk=job.pk))

    # Then it is not said to have saved nothing: it succeeded, with the counts of its audit event
    assert (job.status, job.created_count, job.rows_total) == (ImportStatus.SUCCEEDED, 1, 1)
    assert job.message.startswith("Data dari file ini sudah tersimpan")


def test_the_recent_imports_and_exports_of_the_exchange_page_are_ended_too(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    left_running(job)
    export = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    left_running(export)
    client.force_login(board_member)

    assert client.get("/exchange/").status_code == 200

    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.FAILED
    assert ExportJob.objects.get(pk=export.pk).status == ExportStatus.FAILED


def test_an_export_left_running_by_a_dead_worker_fails_with_a_message(client, board_member):
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    left_running(job)
    client.force_login(board_member)

    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()

    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and "Ekspor terhenti di tengah jalan" in page


def test_only_a_failed_job_is_run_again(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    services.import_job_run(job_id=job.pk)
    client.force_login(board_member)

    client.post(f"/exchange/imports/{job.pk}/retry/")

    assert ImportJob.objects.count() == 1


def test_a_job_is_claimed_once_even_if_its_task_is_delivered_twice(board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    left_running(job)  # another worker has it

    services.import_job_run(job_id=job.pk)

    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.RUNNING


CHILD = """
import os, sys, time
import django
django.setup()
from sinergi.exchange import runners
with runners.running("import", int(sys.argv[1]), claim=lambda: True):
    print("held", flush=True)
    time.sleep(120)
"""


def test_the_lock_of_a_killed_process_is_released(tmp_path, settings):
    """The real thing, on the database in use: another process holds a job's lock, is killed with SIGKILL (no
    clean-up of its own runs), and the job is then seen without its runner."""
    settings.SINERGI_JOB_LOCK_DIR = tmp_path
    env = os.environ | {"SINERGI_JOB_LOCK_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    else:
        env.pop("DATABASE_URL", None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, "424242"], env=env, cwd=settings.BASE_DIR, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "held"
        assert runners.runner_alive("import", 424242)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        deadline = time.monotonic() + 10  # PostgreSQL ends the backend of a dropped connection within moments
        while runners.runner_alive("import", 424242) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not runners.runner_alive("import", 424242)
    finally:
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()


def test_a_job_waiting_long_for_a_worker_says_that_the_worker_may_not_be_running(client, board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    export = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    client.force_login(board_member)
    hint = "belum dimulai setelah lebih dari 2 menit"

    assert hint not in client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert hint not in client.get(f"/exchange/exports/{export.pk}/").content.decode()

    three_minutes_ago = timezone.now() - datetime.timedelta(minutes=3)
    ImportJob.objects.filter(pk=job.pk).update(created_at=three_minutes_ago)
    ExportJob.objects.filter(pk=export.pk).update(created_at=three_minutes_ago)
    assert hint in client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert hint in client.get(f"/exchange/exports/{export.pk}/").content.decode()


def test_an_import_stopped_on_the_command_line_is_cancelled_and_saves_nothing(tmp_path, monkeypatch):
    path = xlsx_file(tmp_path, ROWS)

    def stopped(**kwargs):
        raise KeyboardInterrupt  # Ctrl+C while checking

    monkeypatch.setattr(running, "run_import", stopped)
    with pytest.raises(CommandError, match="Impor dibatalkan; tidak ada data yang disimpan."):
        call_command("import_data", "lks", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.CANCELLED
    assert not Organisation.objects.filter(registration_number="TD/BARU/1").exists()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL holds advisory locks, not files")
def test_without_its_lock_folder_a_running_job_is_taken_to_be_alive(client, board_member, tmp_path, settings):
    # The workers were given another folder than the web (a configuration mistake): no job is called dead for it.
    settings.SINERGI_JOB_LOCK_DIR = tmp_path / "elsewhere"
    job = uploaded(tmp_path, board_member)
    left_running(job)

    assert services.import_job_settle(job=job).status == ImportStatus.RUNNING


def test_a_second_delivery_of_a_running_job_neither_waits_nor_takes_the_first_runs_lock(board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    left_running(job)  # claimed by its first run, which holds the lock
    with runners.running("import", job.pk, claim=lambda: True):
        services.import_job_run(job_id=job.pk)  # not claimed: returns at once
        assert runners.runner_alive("import", job.pk)


def test_the_lock_folder_of_sqlite_lies_beside_the_database(settings, monkeypatch):
    # Unless set, beside the database file, which the web, the workers and the hourly clean-up all open.
    settings.SINERGI_JOB_LOCK_DIR = ""
    monkeypatch.setitem(connection.settings_dict, "NAME", "/srv/sinergi/sinergi.sqlite3")
    assert runners.lock_folder() == Path("/srv/sinergi/sinergi.sqlite3-jobs")


def test_an_import_waiting_too_long_for_another_ones_write_lock_is_refused_whole(board_member, tmp_path, monkeypatch):
    # SQLite's write lock held by another import longer than the wait (or, on PostgreSQL, a deadlock between two
    # imports): a clear refusal, not "unexpected error … report to the admin".
    from django.db import OperationalError

    from sinergi.organisations.exchange import LksEntity

    def busy(self, plans, ctx):
        raise OperationalError("database is locked")

    monkeypatch.setattr(LksEntity, "save", busy)
    job = uploaded(tmp_path, board_member, dry_run=False)
    services.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ImportStatus.REFUSED
    assert job.message.startswith("Data yang akan disimpan impor ini sedang disimpan juga oleh proses lain")
    assert not Organisation.objects.filter(registration_number="TD/BARU/1").exists()


def test_a_failed_job_whose_file_was_removed_says_so_when_run_again(board_member, tmp_path):
    job = uploaded(tmp_path, board_member)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.FAILED, file="", files_purged_at=timezone.now())
    job.refresh_from_db()

    with pytest.raises(services.FileGone):
        services.import_job_retry(job=job, actor=board_member)
    assert ImportJob.objects.count() == 1


def test_a_waiting_job_says_how_much_is_ahead_of_it_and_that_the_worker_is_busy_rather_than_missing(
    client, board_member, tmp_path
):
    # Launch day (twenty-ninth review): a trial waited behind others' jobs, told only that the worker "may not run".
    earlier = uploaded(tmp_path, board_member)
    running = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    ExportJob.objects.filter(pk=running.pk).update(status="running")
    job = uploaded(tmp_path, board_member)
    ImportJob.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - datetime.timedelta(seconds=5))
    client.force_login(board_member)

    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Di depan proses ini: 1 sedang dikerjakan dan 1 menunggu" in page
    assert "belum dimulai" not in page

    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=3))
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "karena pekerja latar masih mengerjakan proses lain" in page
    assert "mungkin tidak berjalan" not in page


def test_a_small_file_goes_before_large_jobs_in_the_workers_queue(
    board_member, tmp_path, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    small, large = uploaded(tmp_path, board_member), uploaded(tmp_path, board_member)
    ImportJob.objects.filter(pk=large.pk).update(file_size=services.SMALL_FILE_BYTES + 1)
    large.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        uploads._enqueue(small)
        uploads._enqueue(large)

    priority = dict(DBTaskResult.objects.values_list("args_kwargs__args__0", "priority"))
    assert priority == {small.pk: services.SMALL_JOB_PRIORITY, large.pk: 0}


def test_a_small_file_is_not_told_that_large_jobs_it_goes_before_are_ahead_of_it(board_member, tmp_path):
    large = uploaded(tmp_path, board_member)
    ImportJob.objects.filter(pk=large.pk).update(
        file_size=services.SMALL_FILE_BYTES + 1, created_at=timezone.now() - datetime.timedelta(seconds=30)
    )
    exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    ExportJob.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=20))
    small = uploaded(tmp_path, board_member)

    assert small.queue_ahead == {"running": 0, "waiting": 0}
    large.refresh_from_db()
    assert large.queue_ahead == {"running": 0, "waiting": 0}
    ImportJob.objects.filter(pk=small.pk).update(file_size=services.SMALL_FILE_BYTES + 1)
    small.refresh_from_db()
    assert small.queue_ahead == {"running": 0, "waiting": 2}  # a large one waits its turn behind both


def test_the_result_of_an_import_links_each_record_it_created(client, board_member, tmp_path):
    # Thirty-first review: the note says to verify each new LKS on its page, and the page did not link them.
    trial = uploaded(tmp_path, board_member)
    services.import_job_run(job_id=trial.pk, actor=board_member)
    real = services.import_job_confirm(job=ImportJob.objects.get(pk=trial.pk), actor=board_member)
    services.import_job_run(job_id=real.pk, actor=board_member)
    client.force_login(board_member)

    page = client.get(f"/exchange/imports/{real.pk}/").content.decode()
    trial_page = client.get(f"/exchange/imports/{trial.pk}/").content.decode()

    created = Organisation.objects.get(registration_number="TD/BARU/1")
    assert f'href="/organisations/{created.pk}/"' in page
    assert "/organisations/" not in trial_page.split('id="job-creates"')[1].split("</ul>")[0]  # nothing made yet
    assert "menekan Verifikasi, lalu Aktifkan" in page


def test_a_problem_of_a_whole_column_comes_first_on_the_page_and_is_not_counted_as_a_row(board_member, tmp_path):
    # Thirty-first review: a month-first date column, as a US-set Excel or LibreOffice saves it.
    headers = [*HEADERS, "Tanggal tanda daftar"]
    rows = [[f"LKSA Uji {n}", "anak", "63.71.01.1001", f"TD/UJI/{n}", 5, day] for n, day in enumerate(
        ["01/31/2012", "02/03/2012", "12/25/2019", "03/04/2015"], start=1)]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, *rows])
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name="lks.xlsx", enqueue=False
        )

    services.import_job_run(job_id=job.pk, actor=board_member)

    job.refresh_from_db()
    assert job.problems[0][0] == 1 and "urutan bulan-hari-tahun" in job.problems[0][3], job.problems
    [group] = job.preview["problem_groups"]
    assert group["count"] == len({row for row, *_rest in job.problems if row > 1}) and 1 not in group["rows"]


def test_a_trial_cancelled_while_it_ran_is_audited_as_cancelled_not_as_a_finished_trial(tmp_path, board_member):
    # The thirty-eighth review: "Impor: uji coba" with no rows read like a finished trial of an empty file.
    path = xlsx_file(
        tmp_path, [HEADERS, *[[f"LKSA Batal {i}", "anak", "63.71.01.1001", f"TD/B/{i}", 10] for i in range(3)]]
    )
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )

    def cancel_on_progress(*args) -> None:
        services.import_job_cancel(job=ImportJob.objects.get(pk=job.pk), actor=board_member)

    services.import_job_run(job_id=job.pk, on_progress=cancel_on_progress)

    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    events = AuditEvent.objects.filter(action__startswith="exchange.import.", object_id=str(job.pk))
    assert list(events.values_list("action", flat=True)) == ["exchange.import.cancelled"]
