"""Large XLSX exports as background jobs: the threshold, scope and masking in the worker, the job page and the
download (only for the one who asked), audit events, and failures."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from sinergi.accounts.tests.factories import UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.core.tests.xlsx import read_xlsx
from sinergi.exchange import exports, runners
from sinergi.exchange.models import ExportJob, ExportStatus, export_request_key
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.access import SESSION_KEY
from sinergi.people.models import PersonAccess
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, people_world

from .factories import ExportJobFactory

pytestmark = pytest.mark.django_db

NIK = nik_compose(district_code="63.71.01", birth_date=datetime.date(2014, 8, 17), sex="L", serial=1)


@pytest.fixture
def threshold(settings):
    """Exports of more than this many XLSX rows go to the background."""

    def set_to(rows: int) -> None:
        settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": rows}

    return set_to


@pytest.fixture
def three_lks():
    """Two active LKS in Kota Banjarmasin (the board member's kabupaten/kota) and one in Banjarbaru."""
    return [
        OrganisationFactory(name="LKSA Satu", region_id="63.71.01.1001", registration_number="=HYPERLINK(1)"),
        OrganisationFactory(name="LKSA Dua", region_id="63.71.01.1001"),
        OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003"),
    ]


def sheet_rows(path_or_bytes) -> list[list]:
    if isinstance(path_or_bytes, bytes):
        book = CalamineWorkbook.from_filelike(io.BytesIO(path_or_bytes))
    else:
        book = CalamineWorkbook.from_path(str(path_or_bytes))
    return book.get_sheet_by_index(0).to_python()


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


# ---------------------------------------------------------------------------------------------- the threshold


def test_an_xlsx_export_up_to_the_threshold_is_built_in_the_request(client, board_member, three_lks, threshold):
    threshold(2)
    client.force_login(board_member)

    response = client.get("/exchange/export/lks/?format=xlsx")

    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert sorted(row[1] for row in sheet_rows(response.content)[1:]) == ["LKSA Dua", "LKSA Satu"]
    assert not ExportJob.objects.exists()
    event = AuditEvent.objects.get(action="exchange.lks.exported")
    assert (event.data["format"], event.data["rows"], "job" in event.data) == ("xlsx", 2, False)


def test_a_synchronous_export_audits_every_value_of_a_repeated_filter(client, board_member, three_lks, threshold):
    # Given a draft LKS beside the two active ones of the board member's kabupaten/kota
    OrganisationFactory(name="LKSA Draf", region_id="63.71.01.1001", status=OrganisationStatus.DRAFT)
    threshold(100)
    client.force_login(board_member)

    # When they export the drafts and the active ones at once, built in the request
    response = client.get("/exchange/export/lks/?status=draft&status=active&format=xlsx")

    # Then the file holds both kinds, and the audit event names both, as a background export's event would
    assert sorted(row[1] for row in sheet_rows(response.content)[1:]) == ["LKSA Draf", "LKSA Dua", "LKSA Satu"]
    event = AuditEvent.objects.get(action="exchange.lks.exported")
    assert event.data == {"format": "xlsx", "rows": 3, "filters": {"status": ["draft", "active"]}}
    assert event.data["filters"] == exports.audit_filters({"status": ["draft", "active"]})


def test_a_csv_export_is_always_streamed_however_long(client, board_member, three_lks, threshold):
    threshold(0)
    client.force_login(board_member)

    response = client.get("/exchange/export/lks/?format=csv")

    assert isinstance(response, StreamingHttpResponse)
    assert not ExportJob.objects.exists()


def test_an_xlsx_export_past_the_threshold_is_written_by_the_worker_then_downloaded(
    client, board_member, three_lks, threshold, django_capture_on_commit_callbacks
):
    # Given a threshold of one row and two LKS in the board member's scope
    threshold(1)
    client.force_login(board_member)

    # When they ask for the XLSX (the task runs when the request's transaction commits)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/exchange/export/lks/?format=xlsx&status=active")

    # Then they are sent to the job's page, and the job holds a file of their two LKS
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.status, job.entity, job.file_format, job.rows_total, job.rows_done) == (
        ExportStatus.SUCCEEDED,
        "lks",
        "xlsx",
        2,
        2,
    )
    assert (job.requested_by, job.filters, job.language) == (board_member, {"status": ["active"]}, "id")
    assert job.file.name == f"exchange/exports/{job.created_at:%Y/%m}/{job.token}.xlsx"
    event = AuditEvent.objects.get(action="exchange.lks.exported")
    assert event.data == {"format": "xlsx", "rows": 2, "filters": {"status": "active"}, "job": job.pk}
    assert event.actor == board_member

    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert "Siap diunduh" in page and f"/exchange/exports/{job.pk}/download/" in page and "hx-trigger" not in page
    assert "Saringan: Status: <strong>Aktif</strong>" in page  # what the file holds, said on its page

    # And the download is the list, formula-looking cells made inert, audited once more
    response = client.get(f"/exchange/exports/{job.pk}/download/")
    assert isinstance(response, FileResponse)
    # named with its filters and the day its rows were read, as a list download is
    day = timezone.localdate(job.finished_at).isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="sinergi-lks-status-active-{day}.xlsx"'
    content = downloaded(response)
    rows = sheet_rows(content)
    assert rows[0][:2] == ["ID", "Nama LKS"]
    assert sorted(row[1] for row in rows[1:]) == ["LKSA Dua", "LKSA Satu"]
    cells, styles = read_xlsx(content)
    assert [
        styles[style]["quote_prefix"] for row in cells for _t, value, style in row if value == "'=HYPERLINK(1)"
    ] == [True]
    assert actions() == ["exchange.lks.exported", "exchange.lks.downloaded"]
    assert AuditEvent.objects.get(action="exchange.lks.downloaded").data == {"format": "xlsx", "rows": 2, "job": job.pk}


def test_the_export_buttons_of_the_exchange_page_lead_to_the_job_for_a_large_list(
    client, board_member, three_lks, threshold
):
    threshold(1)
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    assert 'href="/exchange/export/lks/?format=xlsx"' in page

    response = client.get("/exchange/export/lks/?format=xlsx")  # the worker has not run: no commit in this test

    job = ExportJob.objects.get()
    assert response["Location"] == f"/exchange/exports/{job.pk}/" and job.status == ExportStatus.QUEUED
    index = client.get("/exchange/").content.decode()
    assert 'id="export-jobs"' in index and f"/exchange/exports/{job.pk}/" in index


# ---------------------------------------------------------------------------------------------- asked twice


def test_the_same_export_asked_again_while_it_is_written_leads_to_the_first_job(
    client, board_member, three_lks, threshold
):
    # Given a large export of active LKS waiting for the worker
    threshold(1)
    client.force_login(board_member)
    first = client.get("/exchange/export/lks/?status=active&q=LKSA&format=xlsx")
    job = ExportJob.objects.get()

    # When the board member clicks "XLSX" again a few seconds later, with the same filters in another order
    again = client.get("/exchange/export/lks/?q=LKSA&format=xlsx&status=active", follow=True)

    # Then they are sent to the first job's page, told why, and nothing else is made or audited
    assert first["Location"] == f"/exchange/exports/{job.pk}/"
    assert again.redirect_chain == [(f"/exchange/exports/{job.pk}/", 302)]
    assert "Ekspor yang sama (data, format, dan saringan yang sama) sedang disusun untuk Anda" in again.content.decode()
    assert ExportJob.objects.count() == 1
    assert actions() == ["exchange.lks.exported"]


def test_the_same_export_asked_in_another_language_is_another_file_and_its_page_says_which(
    client, board_member, three_lks, threshold
):
    # Given an export asked for in Indonesian, waiting for the worker
    threshold(1)
    client.force_login(board_member)
    client.get("/exchange/export/lks/?format=xlsx")
    indonesian = ExportJob.objects.get()

    # When the user switches to English and asks for it again
    client.cookies["django_language"] = "en"
    client.get("/exchange/export/lks/?format=xlsx", HTTP_ACCEPT_LANGUAGE="en")

    # Then an English file is made, and the Indonesian one's page, read in English, says what its file is in
    english = ExportJob.objects.exclude(pk=indonesian.pk).get()
    assert (indonesian.language, english.language) == ("id", "en")
    page = client.get(f"/exchange/exports/{indonesian.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This file is written in Indonesian, the language the export was asked for in." in page
    assert 'id="export-language-note"' not in client.get(f"/exchange/exports/{english.pk}/").content.decode()


def test_a_failed_exports_message_read_in_another_language_is_marked_with_its_own(client, board_member):
    # Given an export that failed while the user read Indonesian
    failure = "Ekspor gagal karena kesalahan tak terduga."
    job = ExportJobFactory(
        requested_by=board_member,
        status=ExportStatus.FAILED,
        language="id",
        message=failure,
        finished_at=timezone.now(),
    )
    client.force_login(board_member)

    # When its page is read in Indonesian, the message needs no mark
    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert 'id="export-message">Ekspor gagal' in page

    # But read in English, it is marked Indonesian
    client.cookies["django_language"] = "en"
    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert 'id="export-message" lang="id">Ekspor gagal' in page


def test_another_export_while_one_is_written_is_a_job_of_its_own(client, board_member, three_lks, threshold):
    # Given someone else's export of the active LKS, being written
    asked = {"entity_key": "lks", "file_format": "xlsx", "filters": {"status": ["active"]}, "purpose": ""}
    someone_elses = ExportJobFactory(request_key=export_request_key(**asked))
    threshold(0)
    client.force_login(board_member)

    # The same export is one of their own; other filters, or all the LKS, are other exports
    client.get("/exchange/export/lks/?status=active&format=xlsx")
    client.get("/exchange/export/lks/?status=active&q=Dua&format=xlsx")
    client.get("/exchange/export/lks/?format=xlsx")

    mine = ExportJob.objects.exclude(pk=someone_elses.pk).order_by("pk")
    assert [(job.requested_by, job.filters) for job in mine] == [
        (board_member, {"status": ["active"]}),
        (board_member, {"status": ["active"], "q": ["Dua"]}),
        (board_member, {}),
    ]


def test_the_same_export_once_the_first_has_finished_or_is_being_cancelled_is_a_new_copy(
    client, board_member, three_lks, threshold
):
    threshold(1)
    client.force_login(board_member)
    client.get("/exchange/export/lks/?format=xlsx")
    finished = ExportJob.objects.get()
    ExportJob.objects.filter(pk=finished.pk).update(status=ExportStatus.SUCCEEDED)

    client.get("/exchange/export/lks/?format=xlsx")
    running = ExportJob.objects.exclude(pk=finished.pk).get()
    ExportJob.objects.filter(pk=running.pk).update(status=ExportStatus.RUNNING, cancel_requested=True)

    client.get("/exchange/export/lks/?format=xlsx")
    assert ExportJob.objects.count() == 3
    assert actions() == ["exchange.lks.exported"] * 3


def test_the_same_export_asked_twice_at_the_same_moment_makes_one_job(board_member, three_lks, monkeypatch):
    # Given two requests that both found no job pending (neither saw the other's before making its own)
    asked = {"actor": board_member, "entity_key": "lks", "filters": {"status": ["active"]}, "file_format": "xlsx"}
    first = exports.export_job_create(**asked, rows=2)
    looked = []

    def nothing_pending_the_first_time(**kwargs):
        looked.append(kwargs)
        return None if len(looked) == 1 else first

    monkeypatch.setattr(exports.asking, "export_job_pending", nothing_pending_the_first_time)  # where it is looked up

    # When the second one is made
    second = exports.export_job_create(**asked, rows=2)

    # Then the database lets only one in, and the second request is answered with it
    assert second == first and ExportJob.objects.count() == 1 and len(looked) == 2
    assert actions() == ["exchange.lks.exported"]


# ---------------------------------------------------------------------------------------------- scope, masking


def test_a_clients_export_job_holds_only_the_operators_lks_masked_and_logs_each_person(
    client, threshold, django_capture_on_commit_callbacks
):
    world = people_world()
    mine = PlacementFactory(person=PersonFactory(organisation=world.lks, nik=NIK, full_name="Budi Contoh"))
    PlacementFactory(person=PersonFactory(organisation=world.lks_same_regency, full_name="Orang Lain"))
    threshold(0)
    client.force_login(world.operator)
    session = client.session
    session[SESSION_KEY] = "case_review"
    session.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/exchange/export/clients/?format=xlsx")

    job = ExportJob.objects.get()
    rows = sheet_rows(Path(job.file.path))
    assert rows[0][6] == "NIK (disamarkan)"
    assert [(row[1], row[6]) for row in rows[1:]] == [("Budi Contoh", "6371********0001")]
    assert NIK not in str(rows)
    # logged with the purpose chosen in the session that asked, although the worker wrote the file
    assert job.purpose == "case_review"
    assert list(PersonAccess.objects.values_list("person_id", "what", "actor", "purpose")) == [
        (mine.person_id, "exported", world.operator.pk, "case_review")
    ]


def test_someone_elses_export_is_not_found_for_its_page_nor_its_file(client, board_member):
    job = ExportJobFactory(content=b"PK-bytes")
    client.force_login(board_member)

    assert client.get(f"/exchange/exports/{job.pk}/").status_code == 404
    assert client.get(f"/exchange/exports/{job.pk}/download/").status_code == 404
    assert not AuditEvent.objects.exists()


def test_a_superuser_may_fetch_someone_elses_export(client):
    job = ExportJobFactory(content=b"PK-bytes")
    admin = UserFactory(is_superuser=True, is_staff=True)
    otp_login(client, admin)

    response = client.get(f"/exchange/exports/{job.pk}/download/")

    assert downloaded(response) == b"PK-bytes"
    assert AuditEvent.objects.get(action="exchange.lks.downloaded").actor == admin


def test_a_requester_who_lost_the_export_permission_gets_a_failed_job_and_no_file(board_member, three_lks):
    # Given an export asked for while the user was a board member
    job = exports.export_job_create(
        actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2
    )  # its task is sent only on commit, which never comes in this test
    # When their membership ends before the worker picks the job up
    board_member.memberships.update(is_active=False)
    exports.export_job_run(job_id=job.pk)

    # Then the job fails, saying why, and holds no file
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and not job.file
    assert job.message == "Ekspor gagal: Anda tidak lagi berwenang mengekspor data LKS."


def test_a_file_is_not_handed_to_someone_who_lost_the_export_permission(client, board_member):
    job = ExportJobFactory(requested_by=board_member, content=b"PK-bytes")
    board_member.memberships.update(is_active=False)
    client.force_login(board_member)

    assert client.get(f"/exchange/exports/{job.pk}/download/").status_code == 403
    # no download is recorded: the refusal is
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["access.refused"]


# ---------------------------------------------------------------------------------------------- the run


def test_an_unexpected_error_fails_the_job_with_a_message_and_keeps_no_file(board_member, three_lks, monkeypatch):
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exports.running, "table_write", broken)  # where _write looks it up
    exports.export_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and not job.file and job.finished_at is not None
    assert job.message.startswith("Ekspor gagal karena kesalahan tak terduga.")


def test_a_job_runs_once_even_if_its_task_is_delivered_twice(board_member, three_lks):
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    exports.export_job_run(job_id=job.pk)
    first = ExportJob.objects.get(pk=job.pk)

    exports.export_job_run(job_id=job.pk)

    again = ExportJob.objects.get(pk=job.pk)
    assert (again.status, again.file.name, again.finished_at) == (
        ExportStatus.SUCCEEDED,
        first.file.name,
        first.finished_at,
    )


def test_progress_is_stored_while_the_rows_pass(board_member, monkeypatch):
    job = ExportJobFactory(requested_by=board_member, rows_total=5)
    monkeypatch.setattr(exports.running, "PROGRESS_EVERY", 2)  # where _RowCounter looks it up
    rows = exports._RowCounter(job.pk).count(iter([[1], [2], [3], [4], [5]]))

    seen = [next(rows) for _ in range(3)]

    assert seen == [[1], [2], [3]]
    assert ExportJob.objects.get(pk=job.pk).rows_done == 2


def test_the_page_polls_while_the_job_runs_and_stops_when_it_is_done(client, board_member):
    job = ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, rows_total=10, rows_done=4)
    client.force_login(board_member)

    with runners.running("export", job.pk, claim=lambda: True):  # its worker is alive
        part = client.get(f"/exchange/exports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert re.match(r'\s*<title>40% · Ekspor LKS · Sinergi</title>\s*<div id="export-status"', part)  # the tab too
    assert 'hx-trigger="every 1s"' in part and 'value="40"' in part and "4 dari 10 baris" in part
    assert "<html" not in part

    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED, message="Ekspor gagal: uji.")
    finished = client.get(f"/exchange/exports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in finished and "Ekspor gagal: uji." in finished
    assert 'href="/exchange/export/lks/?format=xlsx"' in finished  # "Ekspor lagi" asks for the same list
    # A failed export made no file: no full bar, and the rows it was asked for rather than how far it got
    assert 'id="export-progress"' not in finished and '<dd id="export-rows">10</dd>' in finished


def test_a_file_not_ready_yet_is_not_downloaded(client, board_member):
    job = ExportJobFactory(requested_by=board_member)
    client.force_login(board_member)

    response = client.get(f"/exchange/exports/{job.pk}/download/", follow=True)

    assert response.redirect_chain == [(f"/exchange/exports/{job.pk}/", 302)]
    assert "File ekspor ini belum siap diunduh." in response.content.decode()


def test_an_export_longer_than_an_import_reads_says_how_to_import_it_back(client, board_member, settings):
    # An export of a whole province can be longer than one import reads: its page says to split it.
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ROWS": 2}
    job = ExportJobFactory(requested_by=board_member, rows_total=3, rows_done=3)
    client.force_login(board_member)
    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert "File ini berisi 3 baris; satu impor membaca paling banyak 2 baris." in page
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ROWS": 3}
    assert "satu impor membaca" not in client.get(f"/exchange/exports/{job.pk}/").content.decode()


def test_an_export_asked_before_exports_kept_the_askers_access_is_not_handed_to_the_asker(client, board_member):
    # An upgrade review found such a file (asked for before the access key was kept) still downloadable after its
    # asker was moved to another LKS: whether their access is the same cannot be told.
    job = ExportJobFactory(requested_by=board_member, content=b"PK-old", access_key="")
    client.force_login(board_member)

    response = client.get(f"/exchange/exports/{job.pk}/download/", follow=True)

    assert "diminta sebelum pembaruan Sinergi" in response.content.decode()
    assert not AuditEvent.objects.filter(action="exchange.lks.downloaded").exists()


def test_a_superuser_may_fetch_someone_elses_export_whatever_its_askers_access(client, board_member):
    job = exports.export_job_create(actor=board_member, entity_key="lks", filters={}, file_format="xlsx", rows=2)
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.SUCCEEDED)
    job.refresh_from_db()
    job.file.save(f"{job.token}.xlsx", ContentFile(b"PK-theirs"))
    otp_login(client, UserFactory(is_superuser=True, is_staff=True))

    assert downloaded(client.get(f"/exchange/exports/{job.pk}/download/")) == b"PK-theirs"


def test_an_export_larger_than_an_import_accepts_says_so_when_it_is_ready(client, settings):
    # (An earlier note: a national export, edited and uploaded back, was refused for its size without warning.)
    from sinergi.exchange.tests.factories import ExportJobFactory

    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 1024 * 1024}
    user = UserFactory(is_superuser=True, is_staff=True)
    otp_login(client, user)
    large = ExportJobFactory(requested_by=user, content=b"x" * (1024 * 1024 + 200_000))
    small = ExportJobFactory(requested_by=user, content=b"x" * 1000)

    page = client.get(f"/exchange/exports/{large.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert re.search(
        r'id="export-over-import-size">File ini 1,2 MB, lebih besar dari yang diterima impor '
        r"\(paling besar 1 MB\)",
        page,
    ), page
    assert "saring per wilayah dan unduh beberapa file" in page
    assert 'id="export-over-import-size"' not in client.get(f"/exchange/exports/{small.pk}/").content.decode()
