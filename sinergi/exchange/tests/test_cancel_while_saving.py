"""A cancel pressed while an import saves. The run looks for it between batches and once more after the summaries,
and rolls everything back; the request must reach it while the import's transaction is open:
- PostgreSQL: the run no longer writes its progress inside that transaction, which held the job's row locked, so
  the user's cancel waited for the commit and came too late every time;
- SQLite: its one write lock is the import's until the commit, so the request is left in a file beside the job's
  lock (runners.request_stop) instead of on the job's row.
A cancel that still comes too late is kept on the job, and its page says the data was saved."""

import threading
import time

import pytest
from django.core.files import File
from django.db import connection

from sinergi.accounts.tests.factories import UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.exchange import runners, services
from sinergi.exchange.columns import get_entity
from sinergi.exchange.models import ImportJob, ImportStatus
from sinergi.exchange.pipeline import ImportResult
from sinergi.exchange.services import results, running
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, xlsx_file


def lks_rows(count: int) -> list[list]:
    return [HEADERS] + [[f"LKSA Batal {i}", "anak", "63.71.01.1001", f"TD/BATAL/{i}", 10] for i in range(count)]


def real_import(tmp_path, actor) -> ImportJob:
    path = xlsx_file(tmp_path, lks_rows(30))
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=actor, entity_key="lks", file=File(handle), original_name=path.name, dry_run=False, enqueue=False
        )
    return job


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
def test_a_cancel_pressed_while_the_import_saves_reaches_it_at_once_and_nothing_is_saved(tmp_path, monkeypatch):
    from sinergi.regions.services import region_tree_load
    from sinergi.vocabularies.models import Term
    from sinergi.vocabularies.seed import seed_vocabularies

    region_tree_load(provinces=["63"])  # a transactional test's database may have been emptied before
    seed_vocabularies(Term)
    actor = UserFactory(is_superuser=True, username="admin.batal")
    job = real_import(tmp_path, actor)
    monkeypatch.setattr(type(get_entity("lks")), "write_batch_size", 10)  # three batches of the 30 rows
    before = Organisation.objects.count()
    cancels: list[float] = []

    def press_cancel() -> None:
        # The user's request: another connection, as the web server's.
        started = time.monotonic()
        try:
            services.import_job_cancel(job=ImportJob.objects.get(pk=job.pk), actor=actor)
            cancels.append(time.monotonic() - started)
        finally:
            connection.close()

    def on_progress(phase: str, done: int, total: int) -> None:
        if phase == "saving" and done >= 20 and not cancels:  # after the first batch was saved
            user = threading.Thread(target=press_cancel)
            user.start()
            user.join(timeout=8)

    # When the user cancels while the rows are being saved
    services.import_job_run(job_id=job.pk, on_progress=on_progress)

    # Then the request did not wait for the import's commit, and the import stopped with nothing saved
    assert cancels and cancels[0] < 5, cancels
    job.refresh_from_db()
    assert (job.status, job.created_count, job.cancel_requested) == (ImportStatus.CANCELLED, 0, True)
    assert Organisation.objects.count() == before
    assert not runners.stop_requested("import", job.pk)  # the request's file went with the run


@pytest.mark.django_db
def test_a_cancel_that_came_too_late_is_kept_on_the_job_and_its_page_says_the_data_was_saved(
    client, tmp_path, board_member
):
    actor = board_member
    job = real_import(tmp_path, actor)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    job.refresh_from_db()
    # The run's own copy of the job was read before the cancel was recorded
    services.import_job_cancel(job=ImportJob.objects.get(pk=job.pk), actor=actor)
    results._store_result(job, ImportResult(status="succeeded", rows_total=30, created=30))

    job.refresh_from_db()
    assert (job.status, job.cancel_requested) == (ImportStatus.SUCCEEDED, True)
    client.force_login(actor)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Pembatalan Anda datang setelah penyimpanan selesai" in page


@pytest.mark.django_db
def test_cancelling_a_dry_run_does_not_speak_of_saving(client, tmp_path, board_member):
    actor = board_member
    path = xlsx_file(tmp_path, lks_rows(3))
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=actor, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    client.force_login(actor)
    with runners.running("import", job.pk, claim=lambda: True):
        page = client.post(f"/exchange/imports/{job.pk}/cancel/", follow=True).content.decode()
        assert services.import_job_stop_requested(job)
    assert "uji coba berhenti. Uji coba tidak menyimpan apa pun." in page
    assert "kecuali bila penyimpanannya" not in page


@pytest.mark.django_db
def test_once_saved_the_page_says_so_and_offers_no_cancel_while_the_report_is_written(
    client, tmp_path, board_member, monkeypatch
):
    job = real_import(tmp_path, board_member)
    seen: list[bool] = []
    store = running._store_result

    def store_after_looking(job, result):
        seen.append(ImportJob.objects.get(pk=job.pk).saved_pending_report)  # the report was written by now
        store(job, result)

    monkeypatch.setattr(running, "_store_result", store_after_looking)
    services.import_job_run(job_id=job.pk)
    assert seen == [True]

    # The page of such a job (running, all rows saved)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, phase="saving", rows_done=30, rows_total=30)
    client.force_login(board_member)
    with runners.running("import", job.pk, claim=lambda: True):  # its run alive
        page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
        assert "Semua baris tersimpan; hasilnya sedang disiapkan." in page and 'id="job-cancel"' not in page
        # while a save under way is said as such (its count is not seen before the commit), with its cancel
        ImportJob.objects.filter(pk=job.pk).update(rows_done=0)
        page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
        assert "Menyimpan 30 baris dalam satu kali simpan…" in page and 'id="job-cancel"' in page


@pytest.mark.django_db
def test_a_cancelled_dry_run_ends_as_a_cancelled_dry_run(tmp_path, board_member):
    path = xlsx_file(tmp_path, lks_rows(3))
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )
    services.import_job_run(job_id=job.pk, on_progress=lambda *args: services.import_job_cancel(
        job=ImportJob.objects.get(pk=job.pk), actor=board_member))  # fmt: skip
    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.CANCELLED, "Uji coba dibatalkan.")
    assert job.rows_total == 3  # the file's rows, as its progress counted them: the list does not say 0


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [True, False])
def test_an_import_cancelled_before_it_ran_is_audited_once_with_who_cancelled_it(tmp_path, board_member, dry_run):
    path = xlsx_file(tmp_path, lks_rows(3))
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, dry_run=dry_run,
            enqueue=False,
        )  # fmt: skip

    services.import_job_cancel(job=job, actor=board_member)

    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    [event] = AuditEvent.objects.filter(object_id=str(job.pk), action__startswith="exchange.import.")
    assert (event.action, event.actor, event.data["dry_run"]) == ("exchange.import.cancelled", board_member, dry_run)
    assert (event.data["created"], event.data["updated"]) == (0, 0)


@pytest.mark.django_db
def test_an_import_cancelled_from_its_page_before_it_ran_records_the_address_the_cancel_came_from(
    client, tmp_path, board_member
):
    path = xlsx_file(tmp_path, lks_rows(3))
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=board_member, entity_key="lks", file=File(handle), original_name=path.name, enqueue=False
        )
    ImportJob.objects.filter(pk=job.pk).update(ip_address="198.51.100.1")  # where it was uploaded from
    client.force_login(board_member)

    client.post(f"/exchange/imports/{job.pk}/cancel/", REMOTE_ADDR="203.0.113.9")

    event = AuditEvent.objects.get(object_id=str(job.pk), action="exchange.import.cancelled")
    assert event.ip_address == "203.0.113.9"
