import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from sinergi.accounts.models import Role
from sinergi.accounts.scope import access_key
from sinergi.accounts.tests.factories import user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import TransitionError
from sinergi.core.testing import otp_login
from sinergi.exchange import runners, services
from sinergi.exchange.models import ImportJob, ImportPhase, ImportStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.access import SESSION_KEY
from sinergi.regions.models import Region

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db


def upload(client, path, *, entity="lks", name=None, callbacks=None):
    data = {"entity": entity, "file": SimpleUploadedFile(name or path.name, path.read_bytes())}
    return client.post("/exchange/", data)


def test_the_page_needs_a_login(client):
    response = client.get("/exchange/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_upload_runs_a_dry_run_then_the_import_after_confirmation(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Web", "anak", "63.71.01.1001", "TD/WEB/1", 12]])
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, path)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exchange/imports/{job.pk}/"
    assert (job.status, job.dry_run, job.created_count, job.original_name) == (
        ImportStatus.CHECKED,
        True,
        1,
        "data.xlsx",
    )
    assert not Organisation.objects.exists()
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Uji coba selesai" in page and "Impor sekarang" in page and "LKSA Web" in page
    # The new LKS opens on its cells as they were read
    assert "<summary>Baris 2: LKSA Web — TD/WEB/1</summary>" in page
    assert "<dt>Jenis layanan utama</dt><dd>LKS Anak (LKSA)</dd>" in page
    assert "<dt>Kapasitas (orang)</dt><dd>12</dd>" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exchange/imports/{job.pk}/confirm/", REMOTE_ADDR="10.1.2.3")
    real = ImportJob.objects.exclude(pk=job.pk).get()
    assert response["Location"] == f"/exchange/imports/{real.pk}/"
    assert (real.status, real.dry_run, real.source_id, real.created_count) == (ImportStatus.SUCCEEDED, False, job.pk, 1)
    assert Organisation.objects.get().name == "LKSA Web"
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "exchange.import.checked",
        "organisations.organisation.created",  # the new LKS's own history: registered through this import
        "exchange.import.succeeded",
    ]
    # The worker's audit event says where the import was asked from, and names the job by number, without a passing
    # status or the file's name
    jobs = AuditEvent.objects.filter(action__startswith="exchange.").order_by("pk")
    assert list(jobs.values_list("ip_address", "object_repr")) == [
        ("127.0.0.1", f"lks #{job.pk}"),
        ("10.1.2.3", f"lks #{real.pk}"),
    ]


STALE_TRIAL = (
    "Data tersimpan berubah sejak uji coba file ini (lewat formulir atau impor lain), jadi impor ini tidak lagi sama "
    "dengan yang Anda periksa dan setujui. Tidak ada yang disimpan. Periksa file ini lagi untuk melihat apa yang kini "
    "akan diubah, lalu impor."
)


def test_a_trial_confirmed_after_its_records_changed_writes_nothing_and_offers_a_new_trial(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a stored LKS, a trial that changes its capacity, and a correction of its address on its form meanwhile
    client.force_login(board_member)
    run(xlsx_file(tmp_path, [HEADERS, ["LKSA Ubah", "anak", "63.71.01.1001", "TD/UBAH/1", 12]], name="a.xlsx"),
        board_member)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx_file(tmp_path, [HEADERS, ["LKSA Ubah", "anak", "63.71.01.1001", "TD/UBAH/1", 20]]))
    trial = ImportJob.objects.get(dry_run=True)
    assert (trial.updated_count, len(trial.plan_digest)) == (1, 32)
    # (the same counts after the change: one update; the file would now also undo the colleague's change)
    Organisation.objects.filter(name="LKSA Ubah").update(capacity=15)
    # When the trial is confirmed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    real = ImportJob.objects.get(source=trial)
    # Then nothing is written, the page says why, and offers to check the file again
    assert (real.status, real.message) == (ImportStatus.REFUSED, STALE_TRIAL)
    assert Organisation.objects.get(name="LKSA Ubah").capacity == 15
    page = client.get(f"/exchange/imports/{real.pk}/").content.decode()
    assert STALE_TRIAL in page and 'id="job-retry"' in page
    # (headed "Ditolak", not "Ditolak: ada kesalahan": no row of the file is wrong)
    assert '<strong id="job-state" tabindex="-1">Ditolak</strong>' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{real.pk}/retry/")
    again = ImportJob.objects.get(pk=ImportJob.objects.get(pk=real.pk).retried_as_id)
    assert (again.dry_run, again.status, again.preview["update"][0]["changes"]) == (
        True, ImportStatus.CHECKED, {"Kapasitas (orang)": ["15", "20"]}
    )  # fmt: skip


def test_a_trial_confirmed_after_the_same_rows_were_saved_by_another_file_writes_nothing(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a trial of two new LKS, and the same two LKS saved since by another file
    client.force_login(board_member)
    rows = [["LKSA Kembar Satu", "anak", "63.71.01.1001", "TD/KBR/1", 12], ["LKSA Kembar Dua", "anak", "63.71.01.1001",
            "TD/KBR/2", 8]]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx_file(tmp_path, [HEADERS, *rows], name="a.xlsx"))
    trial = ImportJob.objects.get()
    run(xlsx_file(tmp_path, [HEADERS, *rows], name="b.xlsx"), board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    real = ImportJob.objects.get(source=trial)
    assert (real.status, real.message) == (ImportStatus.REFUSED, STALE_TRIAL)
    assert Organisation.objects.count() == 2


def test_a_trial_made_before_plans_were_kept_is_checked_again_not_imported(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a trial kept without its plan (checked before an upgrade that began keeping plans), and the LKS it would
    # change corrected on its page since: an upgrade review found the confirm writing the file over the correction.
    client.force_login(board_member)
    organisation = OrganisationFactory(name="LKSA Ubah", region_id="63.71.01.1001", registration_number="TD/U/1")
    Organisation.objects.filter(pk=organisation.pk).update(capacity=15)
    row = ["LKSA Ubah", "anak", "63.71.01.1001", "TD/U/1", 20]
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx_file(tmp_path, [HEADERS, row], name="a.xlsx"))
    trial = ImportJob.objects.get()
    assert trial.status == ImportStatus.CHECKED and trial.updated_count == 1
    ImportJob.objects.filter(pk=trial.pk).update(plan_digest="")
    Organisation.objects.filter(pk=organisation.pk).update(capacity=18)

    # When its page is opened, and its confirm sent anyway (a page left open from before the upgrade)
    page = client.get(f"/exchange/imports/{trial.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exchange/imports/{trial.pk}/confirm/", follow=True)

    # Then it offers to check the file again instead of importing, and nothing is written
    assert 'id="job-planless"' in page and 'id="job-confirm"' not in page and 'id="job-retry"' in page
    assert "versi Sinergi sebelumnya" in response.content.decode()
    assert not ImportJob.objects.filter(source=trial).exists()
    assert Organisation.objects.get(pk=organisation.pk).capacity == 18
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/retry/")
    again = ImportJob.objects.get(pk=ImportJob.objects.get(pk=trial.pk).retried_as_id)
    assert (again.status, again.preview["update"][0]["changes"]) == (
        ImportStatus.CHECKED, {"Kapasitas (orang)": ["18", "20"]}
    )  # fmt: skip


def test_an_import_counting_as_its_trial_did_says_nothing_more(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, xlsx_file(tmp_path, [HEADERS, ["LKSA Sama", "anak", "63.71.01.1001", "TD/SAMA/1", 12]]))
    trial = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{trial.pk}/confirm/")
    # nothing but what every new LKS gets: no word on counts that differ from the trial's
    assert [n for n in ImportJob.objects.get(source=trial).notices if not n.startswith("LKS baru tersimpan")] == []


def test_a_dry_run_already_imported_is_not_imported_again(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a dry run confirmed once, and its page opened again (the Back button, or the list of recent imports)
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Sekali Impor", "anak", "63.71.01.1001", "TD/SEKALI/9", 12]])
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    dry = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{dry.pk}/confirm/")
    real = ImportJob.objects.exclude(pk=dry.pk).get()
    page = client.get(f"/exchange/imports/{dry.pk}/").content.decode()
    # Then it links to the import instead of offering it again
    assert "Impor sekarang" not in page and f"/exchange/imports/{real.pk}/" in page
    # and a confirmation sent anyway (an old tab, a second tap) runs nothing and leads to that import
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/exchange/imports/{dry.pk}/confirm/")
    assert response["Location"] == f"/exchange/imports/{real.pk}/"
    assert (ImportJob.objects.count(), callbacks) == (2, [])


def test_a_dry_run_of_a_file_imported_since_through_another_dry_run_no_longer_offers_the_import(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given the same file checked twice (two tabs, or uploaded again), and imported from the second check
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Dua Tab", "anak", "63.71.01.1001", "TD/DUA/9", 12]])
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
        upload(client, path)
    first, second = ImportJob.objects.order_by("pk")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/exchange/imports/{second.pk}/confirm/")
    real = ImportJob.objects.get(dry_run=False)
    assert real.status == ImportStatus.SUCCEEDED
    # Then the first check's page says its figures are out of date and links to the import, without offering it
    page = client.get(f"/exchange/imports/{first.pk}/").content.decode()
    assert "Impor sekarang" not in page and "angka uji coba ini sudah tidak berlaku" in page
    assert f"/exchange/imports/{real.pk}/" in page
    # and its button, still on a page left open in another tab, imports nothing
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/exchange/imports/{first.pk}/confirm/", follow=True)
    assert "File yang sama sudah Anda impor setelah uji coba ini diperiksa" in response.content.decode()
    assert (ImportJob.objects.filter(dry_run=False).count(), callbacks) == (1, [])
    # while a file checked after that import is offered as usual (it would find the rows unchanged, and says so)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    third = ImportJob.objects.order_by("pk").last()
    assert third.same_file_imported_since() is None


def test_a_dry_run_whose_import_failed_may_be_confirmed_again(client, board_member, tmp_path):
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Coba Lagi", "anak", "63.71.01.1001", "TD/LAGI/9", 12]])
    upload(client, path)
    dry = ImportJob.objects.get()
    dry.status = ImportStatus.CHECKED
    dry.plan_digest = "0" * 32  # (not run: the plan is what a checked trial keeps)
    dry.save()
    ImportJob.objects.create(token="gagal", entity="lks", dry_run=False, source=dry, status=ImportStatus.FAILED)
    response = client.post(f"/exchange/imports/{dry.pk}/confirm/")
    assert ImportJob.objects.filter(source=dry, status=ImportStatus.QUEUED).count() == 1, response


def test_a_dry_run_whose_failed_import_was_checked_again_is_not_imported_from_again(client, board_member, tmp_path):
    # The user went on from the failed import's "check again" (a new dry run, confirmed there): the first dry run
    # must not offer its file a second time.
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Rantai", "anak", "63.71.01.1001", "TD/RANTAI/9", 12]])
    upload(client, path)
    dry = ImportJob.objects.get()
    dry.status = ImportStatus.CHECKED
    dry.save()
    again = ImportJob.objects.create(token="ulang", entity="lks", dry_run=True, status=ImportStatus.CHECKED)
    ImportJob.objects.create(
        token="gagal2", entity="lks", dry_run=False, source=dry, status=ImportStatus.FAILED, retried_as=again
    )
    assert "Impor sekarang" not in client.get(f"/exchange/imports/{dry.pk}/").content.decode()
    client.post(f"/exchange/imports/{dry.pk}/confirm/")
    assert not ImportJob.objects.filter(source=dry, status=ImportStatus.QUEUED).exists()


def test_htmx_polling_gets_only_the_status_part(client, board_member, tmp_path):
    client.force_login(board_member)
    job = ImportJob.objects.create(
        token="t1", entity="lks", file="x", created_by=board_member, rows_total=10, rows_done=4
    )
    job.status = ImportStatus.RUNNING
    job.save()
    with runners.running("import", job.pk, claim=lambda: True):  # its worker is alive
        part = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert re.match(r'\s*<title>36% · Uji coba impor LKS · [^<]*</title>\s*<div id="job-status"', part)  # the tab too
    assert 'hx-trigger="every 1s"' in part and 'value="36"' in part and "<html" not in part
    job.status = ImportStatus.SUCCEEDED
    job.save()
    finished = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in finished  # polling stops


def test_a_refused_file_shows_the_reason_and_keeps_nothing(client, board_member, tmp_path):
    client.force_login(board_member)
    fake = tmp_path / "laporan.xlsx"
    fake.write_bytes(b"%PDF-1.4\n\x00\x01binary")
    response = upload(client, fake)
    assert response.status_code == 400
    assert "File ini berisi PDF, bukan spreadsheet." in response.content.decode()
    assert not ImportJob.objects.exists()
    # ... but the refusal is recorded (a security review found files sent to probe the reader left no trace)
    event = AuditEvent.objects.get(action="exchange.import.upload_refused")
    assert (event.actor, event.data["file_type"], event.data["entity"]) == (board_member, ".xlsx", "lks")
    assert event.data["reason"].startswith("File ini berisi PDF")


def test_file_problems_are_listed_and_the_report_is_downloadable(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Web", "lanjut usai", "63.71.01.1001", "TD/WEB/1", 12]])
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    job = ImportJob.objects.get()
    assert (job.status, job.problem_count, job.refused_count) == (ImportStatus.REFUSED, 1, 1)
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Mungkin maksud Anda “LKS Lanjut Usia”" in page and "Impor sekarang" not in page
    report = client.get(f"/exchange/imports/{job.pk}/report/")
    assert report["Content-Disposition"].startswith('attachment; filename="laporan-kesalahan-data-')
    book = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(report.streaming_content)))
    assert book.get_sheet_by_index(0).to_python()[0][-1] == "Kesalahan impor"
    # The report holds the file's rows: who took it is recorded (a security review found no trace of it)
    event = AuditEvent.objects.get(action="exchange.import.report_downloaded")
    assert (event.actor, event.object_id, event.data["problems"]) == (board_member, str(job.pk), 1)


def test_an_error_report_is_named_in_the_language_its_content_was_written_in(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Web", "lanjut usai", "63.71.01.1001", "TD/WEB/1", 12]])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    job = ImportJob.objects.get()
    assert job.language == "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"

    report = client.get(f"/exchange/imports/{job.pk}/report/")

    assert report["Content-Disposition"].startswith('attachment; filename="error-report-data-')
    book = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(report.streaming_content)))
    assert book.get_sheet_by_index(0).to_python()[0][-1] == "Import errors"


def refused_trial(client, user, tmp_path, capture) -> ImportJob:
    """A trial `user` uploaded whose page and report hold the file's rows (one refused for its kind of service)."""
    client.force_login(user)
    with capture(execute=True):
        upload(client, xlsx_file(tmp_path, [HEADERS, ["LKSA Web", "lanjut usai", "63.71.01.1001", "TD/WEB/1", 12]]))
    return ImportJob.objects.get()


def test_an_import_is_no_longer_shown_once_its_starters_role_ended(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    job = refused_trial(client, board_member, tmp_path, django_capture_on_commit_callbacks)
    assert client.get(f"/exchange/imports/{job.pk}/report/").status_code == 200

    board_member.memberships.update(is_active=False)

    for url in (f"/exchange/imports/{job.pk}/", f"/exchange/imports/{job.pk}/report/"):
        assert client.get(url).status_code == 404, url


def test_an_import_is_no_longer_shown_once_its_starter_moved_to_another_area(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    # Given a trial whose page and report hold the rows of the file (a security review: an operator moved to another
    # LKS kept reading the old LKS's children, NIKs and stored values, for the whole retention)
    job = refused_trial(client, board_member, tmp_path, django_capture_on_commit_callbacks)
    assert client.get(f"/exchange/imports/{job.pk}/").status_code == 200

    # When the board member moves to another kabupaten/kota (they may still import LKS there)
    board_member.memberships.update(region_id="63.72")

    # Then the job's pages are refused, saying why, and nothing can be run from it
    for url in (f"/exchange/imports/{job.pk}/", f"/exchange/imports/{job.pk}/report/"):
        response = client.get(url)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert "Peran atau wilayah Anda berubah sejak impor ini diminta" in page
        # under a heading that does not claim the role lacks the page (they may still import LKS)
        assert "<h1>Akses ditolak</h1>" in page and "Peran Anda tidak mencakup halaman ini" not in page
    assert client.post(f"/exchange/imports/{job.pk}/retry/").status_code == 403
    assert ImportJob.objects.count() == 1
    # And back in the old area, it is theirs again
    board_member.memberships.update(region_id="63.71")
    assert client.get(f"/exchange/imports/{job.pk}/").status_code == 200


def test_an_import_under_way_when_its_starters_roles_change_shows_its_progress_and_may_be_cancelled(
    client, board_member
):
    # A review of the change above: a queued import's page stood at "Menunggu" (its poll refused) and could not be
    # cancelled, once a role was added to its user.
    client.force_login(board_member)
    job = ImportJob.objects.create(
        token="t5", entity="lks", file="x", created_by=board_member, dry_run=False, access_key=access_key(board_member)
    )
    user_with_role(Role.REGENCY_BOARD, region_code="63.72").memberships.update(user=board_member)

    assert client.get(f"/exchange/imports/{job.pk}/").status_code == 200
    client.post(f"/exchange/imports/{job.pk}/cancel/")
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    # Ended, its page is refused, and the page's poll reloads it to say why
    poll = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"})
    assert (poll.status_code, poll["HX-Refresh"]) == (200, "true")
    assert client.get(f"/exchange/imports/{job.pk}/").status_code == 403


def test_someone_elses_import_is_not_found(client, board_member, tmp_path):
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71")
    job = ImportJob.objects.create(token="t2", entity="lks", file="x", created_by=other)
    client.force_login(board_member)
    assert client.get(f"/exchange/imports/{job.pk}/").status_code == 404
    assert client.post(f"/exchange/imports/{job.pk}/cancel/").status_code == 404


def test_a_queued_import_can_be_cancelled_and_then_never_runs(client, board_member):
    from sinergi.exchange.services import import_job_run

    client.force_login(board_member)
    job = ImportJob.objects.create(token="t3", entity="lks", file="x", created_by=board_member, dry_run=False)
    client.post(f"/exchange/imports/{job.pk}/cancel/")
    job.refresh_from_db()
    assert (job.status, job.cancel_requested) == (ImportStatus.CANCELLED, True)
    import_job_run(job_id=job.pk)  # a worker picking it up later does nothing
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    # and its page says so, without a full progress bar or a count of "0 rows" that were never read
    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()
    assert "Impor dibatalkan sebelum dimulai; tidak ada data yang disimpan." in page
    assert 'id="job-progress"' not in page and 'id="job-counts"' not in page


def test_a_cancel_that_comes_after_the_import_ended_says_so_and_changes_nothing(board_member):
    from sinergi.exchange.services import import_job_cancel

    # Given the page was read while the import ran, and the import then saved and ended
    job = ImportJob.objects.create(token="t4", entity="lks", file="x", created_by=board_member)
    job.status = ImportStatus.RUNNING
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.SUCCEEDED, created_count=3)

    # When the cancel arrives, it is refused, and the job keeps its end
    with pytest.raises(TransitionError, match="sudah selesai"):
        import_job_cancel(job=job, actor=board_member)
    job.refresh_from_db()
    assert (job.status, job.cancel_requested) == (ImportStatus.SUCCEEDED, False)


def test_a_cancel_of_a_running_import_does_not_promise_that_nothing_is_saved(client, board_member):
    job = ImportJob.objects.create(token="t5", entity="lks", file="x", created_by=board_member, dry_run=False)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING)
    client.force_login(board_member)

    with runners.running("import", job.pk, claim=lambda: True):
        page = client.post(f"/exchange/imports/{job.pk}/cancel/", follow=True).content.decode()
        assert services.import_job_stop_requested(job)  # on SQLite beside the job's lock, on PostgreSQL on its row

    assert "kecuali bila penyimpanannya sudah selesai" in page


def test_a_viewer_cannot_import(client, tmp_path):
    viewer = user_with_role(Role.DINSOS_VIEWER, region_code="63")
    client.force_login(viewer)
    page = client.get("/exchange/").content.decode()
    assert "Peran Anda tidak mencakup impor data." in page
    assert "lalu unggah" not in page and "Mengimpor data tidak termasuk peran Anda." in page  # no "fill in, upload"
    response = upload(client, xlsx_file(tmp_path, [HEADERS]))
    assert response.status_code == 400 and not ImportJob.objects.exists()


def test_template_download(client, board_member):
    client.force_login(board_member)
    response = client.get("/exchange/templates/lks/")
    assert response["Content-Disposition"].startswith('attachment; filename="templat-impor-lks-')
    assert response.content[:2] == b"PK"
    assert client.get("/exchange/templates/tidak-ada/").status_code == 404


def test_csv_export_is_streamed_scoped_filtered_and_audited(client, board_member):
    OrganisationFactory(name="LKSA Banjarmasin A", region_id="63.71.01.1001", registration_number="=HYPERLINK(1)")
    OrganisationFactory(name="LKSA Banjarmasin B", region_id="63.71.01.1001", status="draft")
    OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003")
    client.force_login(board_member)
    response = client.get("/exchange/export/lks/?format=csv&status=active")
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("ID,Nama LKS,Jenis organisasi,Jenis layanan utama")
    assert len(lines) == 2 and "LKSA Banjarmasin A" in lines[1]
    assert "'=HYPERLINK(1)" in lines[1]  # a formula-looking cell is made inert
    event = AuditEvent.objects.get(action="exchange.lks.exported")
    assert event.data["rows"] == 1 and event.data["format"] == "csv"


def test_xlsx_export_reimports_without_changes(client, board_member, tmp_path):
    from .conftest import run

    OrganisationFactory(name="LKSA Ekspor", region_id="63.71.01.1001", registration_number="TD/EKS")
    client.force_login(board_member)
    response = client.get("/exchange/export/lks/?format=xlsx")
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(response.content)
    result = run(path, board_member)
    assert (result.status, result.unchanged, result.created, result.updated) == ("succeeded", 1, 0, 0)


def test_export_with_an_unknown_format_is_refused(client, board_member):
    client.force_login(board_member)
    assert client.get("/exchange/export/lks/?format=pdf").status_code == 400


def test_lks_profile_pdf_is_scoped_and_audited(client, board_member):
    inside = OrganisationFactory(name="LKSA Profil", region_id="63.71.01.1001")
    outside = OrganisationFactory(name="LKSA Luar", region_id="63.72.02.1003")
    client.force_login(board_member)
    response = client.get(f"/exchange/reports/lks/{inside.pk}.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert (
        AuditEvent.objects.filter(action="organisations.organisation.exported", object_id=str(inside.pk)).count() == 1
    )
    assert client.get(f"/exchange/reports/lks/{outside.pk}.pdf").status_code == 404


def test_regency_and_province_reports_render_for_their_readers(client, board_member):
    OrganisationFactory(name="LKSA Ringkas", region_id="63.71.01.1001")
    client.force_login(board_member)
    regency = client.get("/exchange/reports/regency/63.71.pdf")
    assert regency["Content-Type"] == "application/pdf" and regency.content.startswith(b"%PDF")
    assert client.get("/exchange/reports/regency/63.72.pdf").status_code == 404
    province = client.get("/exchange/reports/province.pdf")
    assert province.content.startswith(b"%PDF")
    reports = [e.data["report"] for e in AuditEvent.objects.filter(action="statistics.report.exported").order_by("pk")]
    assert reports == ["regency", "province"]


def test_report_file_names_follow_the_interface_language(client, board_member, settings):
    inside = OrganisationFactory(name="LKSA Profil", region_id="63.71.01.1001")
    client.force_login(board_member)
    today = timezone.localdate().isoformat()

    def file_name(url: str) -> str:
        return client.get(url)["Content-Disposition"].split('filename="')[1].rstrip('"')

    assert file_name(f"/exchange/reports/lks/{inside.pk}.pdf") == f"profil-lksa-profil-{today}.pdf"
    assert file_name("/exchange/reports/regency/63.71.pdf") == f"ringkasan-lks-kota-banjarmasin-{today}.pdf"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert file_name(f"/exchange/reports/lks/{inside.pk}.pdf") == f"profile-lksa-profil-{today}.pdf"
    assert file_name("/exchange/reports/regency/63.71.pdf") == f"lks-summary-kota-banjarmasin-{today}.pdf"
    # A kabupaten/kota board's "province" report covers its kabupaten/kota only, and its file name says so.
    assert file_name("/exchange/reports/province.pdf") == f"lks-report-within-the-scope-of-kota-banjarmasin-{today}.pdf"


def test_province_admin_with_second_factor_gets_the_province_report(client):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63")
    otp_login(client, admin)
    response = client.get("/exchange/reports/province.pdf")
    assert response.content.startswith(b"%PDF")
    assert f'filename="laporan-lks-provinsi-{timezone.localdate().isoformat()}.pdf"' in response["Content-Disposition"]


def test_the_page_offers_the_summaries_of_the_readers_regencies_only(client, board_member):
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    assert "/exchange/reports/regency/63.71.pdf" in page and "Ringkasan Kota Banjarmasin" in page
    assert "/exchange/reports/regency/63.72.pdf" not in page
    assert "/exchange/reports/province.pdf" in page


@pytest.mark.parametrize(
    ("reader", "links"),
    [
        (
            "operator",
            [
                "Profil LKSA Lama Banjarmasin",
                "Laporan LKS Anda: tabel dan grafik dasbor",
                "Ringkasan LKS Anda di Kota Banjarmasin",
            ],
        ),
        ("board_member", ["Laporan LKS Kota Banjarmasin: tabel dan grafik dasbor", "Ringkasan Kota Banjarmasin"]),
    ],
)
def test_the_report_links_of_a_scoped_reader_say_that_the_pdfs_cover_their_scope_only(client, request, reader, links):
    client.force_login(request.getfixturevalue(reader))

    page = client.get("/exchange/").content.decode()

    assert re.findall(r'<a href="/exchange/reports/[^"]+">([^<]*)</a>', page) == links


def test_the_report_links_of_a_province_reader_name_the_province_and_every_kabupaten_kota(client, province_admin):
    otp_login(client, province_admin)

    page = client.get("/exchange/").content.decode()

    links = re.findall(r'<a href="/exchange/reports/[^"]+">([^<]*)</a>', page)
    assert links[:2] == ["Laporan provinsi: tabel dan grafik dasbor", "Ringkasan Kabupaten Tanah Laut"]


def test_the_progress_bar_never_goes_back_when_saving_begins():
    from sinergi.exchange.models import ImportJob, ImportPhase, ImportStatus

    job = ImportJob(status=ImportStatus.RUNNING, dry_run=False, rows_total=20_000)
    seen = []
    for phase, done in [(ImportPhase.READING, 6_000), (ImportPhase.READING, 20_000), (ImportPhase.SAVING, 0),
                        (ImportPhase.SAVING, 10_000), (ImportPhase.SAVING, 20_000)]:  # fmt: skip
        job.phase, job.rows_done = phase, done
        seen.append(job.percent)
    assert seen == [18, 60, 60, 80, 100]
    # A trial's check fills 90%: its result and report take the rest, which took half of a run with many warnings
    assert ImportJob(status=ImportStatus.RUNNING, dry_run=True, rows_total=10, rows_done=5).percent == 45
    assert ImportJob(status=ImportStatus.RUNNING, dry_run=True, rows_total=10, rows_done=10).percent == 90


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_run_past_its_last_row_says_what_it_is_still_doing(client, board_member, monkeypatch, dry_run):
    # (Not "saving starts shortly" for a real import: one with problems never saves, and writes its report then.)
    said = "Semua baris sudah diperiksa; hasilnya sedang disiapkan."
    monkeypatch.setattr(services.runners, "runner_alive", lambda kind, pk: True)  # a worker is on it
    job = ImportJob.objects.create(
        token="t1", entity="lks", original_name="lks.xlsx", created_by=board_member, dry_run=dry_run,
        status=ImportStatus.RUNNING, phase=ImportPhase.READING, rows_total=9000, rows_done=9000,
    )  # fmt: skip
    client.force_login(board_member)

    page = client.get(f"/exchange/imports/{job.pk}/").content.decode()

    assert said in page and "9.000 dari 9.000 baris" not in page


def test_recent_imports_name_their_kind_of_data_and_stack_on_a_phone(client, board_member):
    ImportJob.objects.create(token="k1", entity="clients", original_name="klien.xlsx", created_by=board_member)
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    table = page[page.index('<table id="import-jobs" class="stack-on-phone">') :]
    table = table[: table.index("</table>")]
    assert '<td data-label="Data">Penerima layanan</td>' in table


def test_an_export_link_with_a_filter_value_that_is_not_offered_gets_a_page_saying_why(client, board_member):
    client.force_login(board_member)
    response = client.get("/exchange/export/lks/?format=csv&status=bogus")
    page = response.content.decode()
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert "<h1>Permintaan tidak valid</h1>" in page and 'href="/exchange/"' in page  # and the way back
    assert (
        "Saringan “Status”: Pilih pilihan yang valid." in page
        or "Saringan “Status”: Masukkan pilihan yang valid." in page
    )


def test_an_export_link_for_a_region_outside_the_users_scope_says_so_instead_of_an_empty_file(client, board_member):
    client.force_login(board_member)  # a board of Kota Banjarmasin (63.71)
    response = client.get("/exchange/export/lks/?format=csv&region=63.72")
    page = response.content.decode()
    assert response.status_code == 400
    name = Region.objects.get(code="63.72").name
    assert f"Saringan “Kode wilayah”: {name} (63.72) di luar wilayah kerja Anda" in page
    assert client.get("/exchange/export/lks/?format=csv&region=63.71.01").status_code == 200  # inside: served
    assert client.get("/exchange/export/lks/?format=csv&region=63").status_code == 200  # wider: their part of it


@pytest.mark.parametrize(
    ("entity", "who", "code"),
    [
        ("lks", "board_member", "63.7"),
        ("lks", "board_member", "99.99"),
        ("clients", "operator", "63.71.01"),  # the people lists filter by province or kabupaten/kota
        ("workers", "operator", "63,71"),
        ("clients", "operator", "63.72"),
    ],
)
def test_an_export_link_for_a_region_the_list_cannot_give_says_so(client, request, entity, who, code):
    client.force_login(request.getfixturevalue(who))
    session = client.session
    session[SESSION_KEY] = "supervision"
    session.save()
    response = client.get(f"/exchange/export/{entity}/", {"format": "csv", "region": code})
    page = response.content.decode()
    assert response.status_code == 400, page[:300]
    assert (
        f"Saringan “Kode wilayah”: “{code}” bukan kode wilayah yang dapat dipakai di sini" in page
        or f"({code}) di luar wilayah kerja Anda" in page
    )


def test_templates_and_exports_a_role_cannot_use_say_so(client, board_member):
    # A kabupaten/kota board imports LKS only: the other templates are offered to look at, and say so.
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    assert page.count("Hanya untuk dilihat: peran Anda tidak mengimpor data ini.") == 2
    assert '<option value="lks"' in page and '<option value="clients"' not in page


def test_the_upload_choices_start_with_a_capital(client, operator):
    client.force_login(operator)
    page = client.get("/exchange/").content.decode()
    assert re.search(r'<option value="clients"[^>]*>Penerima layanan</option>', page)


def test_an_operator_opens_the_profile_of_their_lks_offered_first_among_the_reports(client, operator):
    client.force_login(operator)
    page = client.get("/exchange/").content.decode()
    first = re.findall(r'<a href="(/exchange/reports/[^"]+)">', page)[0]
    response = client.get(first)
    assert first.startswith("/exchange/reports/lks/") and response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


# ---------------------------------------------------------------------------------------------- phone, slow link


def test_a_second_tap_on_import_now_goes_to_the_import_the_first_one_started(
    client, board_member, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Dua Kali", "anak", "63.71.01.1001", "TD/DUA/1", 12]])
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    trial = ImportJob.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/exchange/imports/{trial.pk}/confirm/")

    second = client.post(f"/exchange/imports/{trial.pk}/confirm/", follow=True)

    real = ImportJob.objects.exclude(pk=trial.pk).get()
    assert first["Location"] == second.redirect_chain[0][0] == f"/exchange/imports/{real.pk}/"
    assert "sudah diimpor" not in second.content.decode()
    assert Organisation.objects.count() == 1


def test_the_upload_form_says_its_size_limit_and_ties_its_help_and_error_to_the_field(
    client, board_member, tmp_path, settings
):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 3 * 1024 * 1024}
    client.force_login(board_member)
    page = client.get("/exchange/").content.decode()
    assert "Paling besar 3 MB." in page
    assert f'data-max-bytes="{3 * 1024 * 1024}"' in page

    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    refused = upload(client, empty).content.decode()
    described = re.search(r'<input type="file"[^>]*aria-describedby="([^"]+)"', refused).group(1).split()
    assert described and all(f'id="{name}"' in refused for name in described)


@pytest.mark.parametrize(("entity", "named"), [("clients", "penerima-layanan"), ("workers", "pekerja"), ("lks", "lks")])
def test_downloaded_files_are_named_in_the_interfaces_words(client, board_member, entity, named):
    client.force_login(board_member)
    response = client.get(f"/exchange/templates/{entity}/")

    assert response["Content-Disposition"].startswith(f'attachment; filename="templat-impor-{named}-')


def test_each_template_and_export_link_names_its_data_for_a_screen_reader(client, board_member):
    # Given the exchange page of a reader who may download the LKS template and export
    client.force_login(board_member)

    # When it is opened
    page = client.get("/exchange/").content.decode()

    # Then the data type heads its row, and every link of the row carries it in words a screen reader reads out
    row = page[page.index('<th scope="row">LKS</th>') :]
    row = row[: row.index("</tr>")]
    assert 'Unduh templat (.xlsx) <span class="visually-hidden">LKS</span></a>' in row
    assert 'XLSX <span class="visually-hidden">LKS</span></a>' in row
    assert 'CSV (,) <span class="visually-hidden">LKS</span></a>' in row
    assert "<td>LKS</td>" not in page


def test_a_user_working_in_english_is_told_of_an_indonesian_files_columns_and_values_in_its_own_words(
    board_member, tmp_path
):
    from django.utils import translation

    from .conftest import problems_of, run

    missing = xlsx_file(tmp_path, [HEADERS[:2] + HEADERS[3:], ["LKSA Web", "anak", "TD/WEB/1", 12]], name="a.xlsx")
    misspelt = xlsx_file(
        tmp_path, [HEADERS, ["LKSA Web", "LKS Lanjut Usai", "63.71.01.1001", "TD/WEB/1", 12]], name="b.xlsx"
    )

    with translation.override("en"):
        refused = run(missing, board_member, dry_run=True)
        checked = run(misspelt, board_member, dry_run=True)

    # the column the file lacks, named as its own header row names columns (not "Region code"), the words between
    # them the reader's (seventy-seventh review)
    assert refused.message.startswith("Required column missing: “Kode wilayah (or Kabupaten/Kota, "), refused.message
    # a typo of an Indonesian label suggests it as the file writes it, with the label the user reads beside it
    [(_row, _column, _value, message)] = problems_of(checked)
    assert "Did you mean “LKS Lanjut Usia” (" in message, message


def test_the_upload_script_learns_whether_its_first_sending_made_a_job_before_sending_again(client, board_member):
    import uuid

    from sinergi.accounts.models import Role
    from sinergi.accounts.tests.factories import user_with_role

    key = uuid.uuid4()
    job = ImportJob.objects.create(entity="lks", created_by=board_member, original_name="x.xlsx", upload_key=key)
    other = user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.lain")

    client.force_login(board_member)
    found = client.get(f"/exchange/imports/by-key/{key}/")
    unknown = client.get(f"/exchange/imports/by-key/{uuid.uuid4()}/")
    client.force_login(other)
    not_theirs = client.get(f"/exchange/imports/by-key/{key}/")

    assert (found.status_code, found["Location"]) == (204, f"/exchange/imports/{job.pk}/")
    assert unknown.status_code == not_theirs.status_code == 404
