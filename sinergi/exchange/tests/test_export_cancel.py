"""Cancelling a background export: a queued one at once, a running one by its worker at its next check, which throws
away the file it was writing; a finished one cannot be."""

import pytest
from django.db import connection

from sinergi.audit.models import AuditEvent
from sinergi.exchange import exports, runners
from sinergi.exchange.models import ExportJob, ExportStatus
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import media_root
from .factories import ExportJobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_lks():
    """Two LKS in Kota Banjarmasin, the board member's kabupaten/kota."""
    return [
        OrganisationFactory(name="LKSA Satu", region_id="63.71.01.1001"),
        OrganisationFactory(name="LKSA Dua", region_id="63.71.01.1001"),
    ]


def stored_exports() -> list[str]:
    folder = media_root() / "exchange" / "exports"
    return sorted(str(path) for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


def test_a_queued_export_is_cancelled_at_once_from_its_page_and_never_runs(client, board_member, two_lks):
    # Given an export waiting for the worker, its page offering to cancel it
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    client.force_login(board_member)
    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert f'action="/exchange/exports/{job.pk}/cancel/"' in page and 'id="export-cancel"' in page

    # When its owner cancels it
    response = client.post(f"/exchange/exports/{job.pk}/cancel/", follow=True)

    # Then it is cancelled, the page says so and stops polling, and the same export is offered again
    page = response.content.decode()
    assert response.redirect_chain == [(f"/exchange/exports/{job.pk}/", 302)]
    assert '<strong id="export-state" tabindex="-1">Dibatalkan</strong>' in page and "Ekspor dibatalkan." in page
    assert "hx-trigger" not in page and 'id="export-cancel"' not in page and 'id="export-progress"' not in page
    assert 'id="export-again" href="/exchange/export/lks/?format=xlsx"' in page
    job.refresh_from_db()
    assert (job.status, job.finished_at is not None) == (ExportStatus.CANCELLED, True)
    event = AuditEvent.objects.get(action="exchange.export.cancelled")
    assert (event.actor, event.data) == (board_member, {"entity": "lks", "started": False})
    assert "Dibatalkan" in client.get("/exchange/").content.decode()

    # And the task, delivered later, writes nothing
    exports.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name, stored_exports()) == (ExportStatus.CANCELLED, "", [])


def test_a_running_export_stops_at_its_next_check_and_throws_away_its_file(board_member, two_lks, monkeypatch):
    # Given an export whose worker checks after every row
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    monkeypatch.setattr(exports.running, "PROGRESS_EVERY", 1)  # where _RowCounter looks it up
    write = exports.running.table_write

    def cancelled_after_the_first_row(*, rows, **kwargs):
        def rows_then_cancel():
            for number, row in enumerate(rows):
                yield row
                if number == 0:  # the owner presses "Batalkan" while the file is being written
                    exports.export_job_cancel(job=ExportJob.objects.get(pk=job.pk), actor=board_member)

        write(rows=rows_then_cancel(), **kwargs)

    monkeypatch.setattr(exports.running, "table_write", cancelled_after_the_first_row)

    # When the worker runs it
    exports.export_job_run(job_id=job.pk)

    # Then it ends cancelled, without a file, and nothing is left in the storage
    job.refresh_from_db()
    assert (job.status, job.file.name, job.rows_done, job.cancel_requested) == (ExportStatus.CANCELLED, "", 1, True)
    assert stored_exports() == []
    assert AuditEvent.objects.get(action="exchange.export.cancelled").data == {"entity": "lks", "started": True}


def test_a_cancel_asked_while_the_file_is_stored_removes_the_stored_file(board_member, two_lks, monkeypatch):
    # Given an export whose rows are all written when the cancel comes
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    write = exports.running.table_write

    def cancelled_at_the_end(**kwargs):
        write(**kwargs)
        exports.export_job_cancel(job=ExportJob.objects.get(pk=job.pk), actor=board_member)

    monkeypatch.setattr(exports.running, "table_write", cancelled_at_the_end)

    exports.export_job_run(job_id=job.pk)

    # Then the file it had stored is removed: nobody wants it
    job.refresh_from_db()
    assert (job.status, job.file.name, stored_exports()) == (ExportStatus.CANCELLED, "", [])


def test_on_sqlite_the_worker_stops_on_the_file_left_beside_its_lock(board_member, two_lks, monkeypatch):
    # SQLite: the worker reads the rows in one snapshot, in which the job's row does not change
    if connection.vendor != "sqlite":
        pytest.skip("the stop file is SQLite's")
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    monkeypatch.setattr(exports.running, "PROGRESS_EVERY", 1)  # where _RowCounter looks it up
    write = exports.running.table_write

    def stop_asked_after_the_first_row(*, rows, **kwargs):
        def rows_then_stop():
            for number, row in enumerate(rows):
                yield row
                if number == 0:
                    runners.request_stop("export", job.pk)

        write(rows=rows_then_stop(), **kwargs)

    monkeypatch.setattr(exports.running, "table_write", stop_asked_after_the_first_row)

    exports.export_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.file.name, stored_exports()) == (ExportStatus.CANCELLED, "", [])


def test_the_page_of_a_running_export_says_its_cancel_was_asked(client, board_member):
    job = ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, rows_total=10, rows_done=4)
    client.force_login(board_member)

    with runners.running("export", job.pk, claim=lambda: True):  # its worker is alive
        before = client.get(f"/exchange/exports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
        response = client.post(f"/exchange/exports/{job.pk}/cancel/", follow=True)
        after = client.get(f"/exchange/exports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()

    assert 'id="export-cancel"' in before
    assert "Permintaan pembatalan dikirim" in response.content.decode()
    assert 'id="export-cancelling"' in after and 'id="export-cancel"' not in after and "hx-trigger" in after
    assert ExportJob.objects.get(pk=job.pk).status == ExportStatus.RUNNING  # its worker ends it


def test_an_export_whose_worker_died_after_a_cancel_was_asked_ends_cancelled(client, board_member):
    job = ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, rows_total=10, rows_done=4)
    with runners.running("export", job.pk, claim=lambda: True):
        exports.export_job_cancel(job=job, actor=board_member)
    # its worker died before its next check: nobody holds its lock
    client.force_login(board_member)

    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()

    assert '<strong id="export-state" tabindex="-1">Dibatalkan</strong>' in page
    assert ExportJob.objects.get(pk=job.pk).status == ExportStatus.CANCELLED


def test_a_finished_export_cannot_be_cancelled(client, board_member):
    job = ExportJobFactory(requested_by=board_member, content=b"PK-bytes")
    client.force_login(board_member)

    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    response = client.post(f"/exchange/exports/{job.pk}/cancel/", follow=True)

    assert 'id="export-cancel"' not in page
    assert "Ekspor ini sudah selesai sehingga tidak dapat dibatalkan." in response.content.decode()
    assert ExportJob.objects.get(pk=job.pk).status == ExportStatus.SUCCEEDED
    assert not AuditEvent.objects.filter(action="exchange.export.cancelled").exists()


def test_someone_elses_export_cannot_be_cancelled(client, board_member):
    job = ExportJobFactory()
    client.force_login(board_member)

    assert client.post(f"/exchange/exports/{job.pk}/cancel/").status_code == 404
    assert ExportJob.objects.get(pk=job.pk).status == ExportStatus.QUEUED
