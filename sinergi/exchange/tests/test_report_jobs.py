"""Long PDF reports (province report, kabupaten/kota summary) made by the task worker: the threshold, the job and its
page, the run in the requester's language and scope, the download (audited, only while the access is unchanged),
one job for a report asked twice, cancel, failures, the pending limit and the purge of the file."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.utils import timezone, translation

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.exchange import exports, report_jobs, runners
from sinergi.exchange.models import ExportJob, ExportStatus, ReportKind
from sinergi.exchange.services import exchange_files_purge
from sinergi.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SUMMARY = "/exchange/reports/regency/63.71.pdf"
PROVINCE = "/exchange/reports/province.pdf"


@pytest.fixture
def pdf_threshold(settings):
    """Reports over more than this many LKS are made by the task worker."""

    def set_to(lks: int) -> None:
        settings.SINERGI = {**settings.SINERGI, "PDF_SYNC_LKS": lks}

    return set_to


@pytest.fixture
def banjarmasin(db):
    """Three LKS in Kota Banjarmasin (the board member's kabupaten/kota) and one in Banjarbaru."""
    return [
        OrganisationFactory(name="LKSA Satu", region_id="63.71.01.1001"),
        OrganisationFactory(name="LKSA Dua", region_id="63.71.01.1001"),
        OrganisationFactory(name="LKSA Tiga", region_id="63.71.01.1001"),
        OrganisationFactory(name="LKSA Banjarbaru", region_id="63.72.02.1003"),
    ]


@pytest.fixture
def queued_summary(client, board_member, banjarmasin, pdf_threshold) -> ExportJob:
    """The board member's summary of Kota Banjarmasin, asked past the threshold and waiting for the worker (its task
    is sent on commit, which never comes in these tests)."""
    pdf_threshold(2)
    client.force_login(board_member)
    client.get(SUMMARY)
    return ExportJob.objects.get()


@pytest.fixture
def rendered(monkeypatch):
    """WeasyPrint replaced by a spy: what each layout was given, and in which language it ran."""
    seen: list[dict] = []

    def spy(template, context):
        seen.append({"language": translation.get_language(), "context": context})
        return b"%PDF-1.7 spy"

    monkeypatch.setattr(report_jobs, "render_pdf", spy)
    return seen


def actions() -> list[str]:
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


# ---------------------------------------------------------------------------------------------- the threshold


def test_a_summary_up_to_the_threshold_is_printed_in_the_request_and_one_past_it_is_queued(
    client, board_member, banjarmasin, pdf_threshold
):
    client.force_login(board_member)

    # Three LKS, threshold three: printed at once, as always
    pdf_threshold(3)
    inline = client.get(SUMMARY)
    assert inline["Content-Type"] == "application/pdf" and inline.content.startswith(b"%PDF")
    assert not ExportJob.objects.exists()

    # Threshold two: the worker makes it, and the link leads to its page
    pdf_threshold(2)
    response = client.get(SUMMARY)

    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.status, job.entity, job.report, job.region_id, job.file_format, job.rows_total) == (
        ExportStatus.QUEUED, "report", ReportKind.REGENCY, "63.71", "pdf", 3,
    )  # fmt: skip
    assert (job.requested_by, job.language, bool(job.access_key)) == (board_member, "id", True)
    events = AuditEvent.objects.filter(action="statistics.report.exported").order_by("pk")
    assert [event.data for event in events] == [
        {"format": "pdf", "report": "regency", "region": "63.71", "scope": ["63.71"], "aggregates": ["63.71"]},
        {
            "format": "pdf",
            "report": "regency",
            "region": "63.71",
            "scope": ["63.71"],
            "aggregates": ["63.71"],
            "lks_count": 3,
            "job": job.pk,
        },
    ]
    assert events[1].actor == board_member


def test_the_threshold_defaults_to_300_lks_and_is_read_from_the_environment():
    assert django_settings.SINERGI["PDF_SYNC_LKS"] == 300
    assert report_jobs.report_runs_in_background(lks=300) is False
    assert report_jobs.report_runs_in_background(lks=301) is True


def test_a_province_report_past_the_threshold_is_queued_for_a_province_admin(
    client, province_admin, banjarmasin, pdf_threshold
):
    pdf_threshold(3)
    otp_login(client, province_admin)

    response = client.get(PROVINCE)

    job = ExportJob.objects.get()
    assert response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.report, job.region_id, job.rows_total) == (ReportKind.PROVINCE, "63", 4)
    event = AuditEvent.objects.get(action="statistics.report.exported")
    assert event.data == {
        "format": "pdf",
        "report": "province",
        "region": "63",
        "scope": ["63"],
        "aggregates": ["63"],
        "lks_count": 4,
        "job": job.pk,
    }


# ---------------------------------------------------------------------------------------------- the run


def test_the_worker_stores_the_pdf_which_is_downloaded_and_audited(client, board_member, queued_summary):
    exports.export_job_run(job_id=queued_summary.pk)

    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.SUCCEEDED and job.finished_at is not None
    assert job.file.name == f"exchange/exports/{job.created_at:%Y/%m}/{job.token}.pdf"
    stored = Path(job.file.path)
    assert stored.read_bytes().startswith(b"%PDF")
    assert stored.stat().st_mode & 0o777 == 0o600

    page = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert "Siap diunduh" in page and "Unduh file (PDF)" in page and "hx-trigger" not in page
    assert "<h1>Ringkasan LKS Kota Banjarmasin (PDF)</h1>" in page

    response = client.get(f"/exchange/exports/{job.pk}/download/")

    assert response["Content-Type"] == "application/pdf"
    today = timezone.localdate(job.finished_at).isoformat()
    assert f'filename="ringkasan-lks-kota-banjarmasin-{today}.pdf"' in response["Content-Disposition"]
    assert downloaded(response) == stored.read_bytes()
    event = AuditEvent.objects.get(action="statistics.report.downloaded")
    assert (event.actor, event.data) == (
        board_member,
        {"format": "pdf", "report": "regency", "region": "63.71", "lks_count": 3, "job": job.pk},
    )


def test_the_report_is_made_in_the_requesters_language_and_scope_when_it_runs(
    client, board_member, banjarmasin, pdf_threshold, rendered
):
    # Given a summary asked for in English an hour ago
    pdf_threshold(2)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(board_member)
    client.get(SUMMARY)
    job = ExportJob.objects.get()
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ExportJob.objects.filter(pk=job.pk).update(created_at=an_hour_ago)
    # and an LKS registered since, in the board member's kabupaten/kota (none outside it is theirs)
    OrganisationFactory(name="LKSA Baru", region_id="63.71.01.1001")

    # When the worker runs it (in the worker's own language)
    with translation.override("id"):
        exports.export_job_run(job_id=job.pk)

    # Then it was laid out in English, with today's LKS of the board member's scope, printed at the time of the run
    [layout] = rendered
    context = layout["context"]
    assert layout["language"] == "en" and context["title"] == "LKS summary for Kota Banjarmasin"
    assert sorted(row[0] for row in context["tables"][4].rows) == ["LKSA Baru", "LKSA Dua", "LKSA Satu", "LKSA Tiga"]
    assert context["generated_at"] > an_hour_ago + datetime.timedelta(minutes=59)
    job.refresh_from_db()
    assert (job.status, job.download_name, job.rows_done) == (ExportStatus.SUCCEEDED, "lks-summary-Kota Banjarmasin", 4)


def test_a_report_whose_layout_fails_ends_failed_with_a_message_and_no_file(queued_summary, monkeypatch):
    def broken(template, context):
        raise RuntimeError("WeasyPrint stopped")

    monkeypatch.setattr(report_jobs, "render_pdf", broken)

    exports.export_job_run(job_id=queued_summary.pk)

    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.FAILED and not job.file and job.finished_at is not None
    assert job.message.startswith("Laporan gagal disusun karena kesalahan tak terduga.")
    assert not list(Path(django_settings.MEDIA_ROOT).rglob("*.pdf"))


def test_a_requester_who_lost_the_scope_before_the_run_gets_a_failed_job(board_member, queued_summary, rendered):
    board_member.memberships.update(is_active=False)

    exports.export_job_run(job_id=queued_summary.pk)

    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.FAILED and not job.file and not rendered
    assert job.message == "Laporan gagal: Anda tidak lagi berwenang mencetak laporan ini."


def test_a_report_job_left_running_by_a_dead_worker_fails_on_its_page(client, queued_summary):
    ExportJob.objects.filter(pk=queued_summary.pk).update(status=ExportStatus.RUNNING, started_at=timezone.now())

    page = client.get(f"/exchange/exports/{queued_summary.pk}/").content.decode()

    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.FAILED and "Ekspor terhenti di tengah jalan" in page
    assert f'id="export-again" href="{SUMMARY}"' in page  # "Ekspor lagi" asks for the same report


# ---------------------------------------------------------------------------------------------- asked twice, limits


def test_the_same_report_asked_again_while_it_is_pending_leads_to_the_first_job(client, queued_summary, rendered):
    again = client.get(SUMMARY, follow=True)

    assert again.redirect_chain == [(f"/exchange/exports/{queued_summary.pk}/", 302)]
    assert "Laporan yang sama sedang disusun untuk Anda" in again.content.decode()
    assert ExportJob.objects.count() == 1 and not rendered
    assert actions() == ["statistics.report.exported"]


def test_report_jobs_count_among_the_pending_jobs_of_a_user(client, board_member, queued_summary, settings):
    settings.SINERGI = {**settings.SINERGI, "JOBS_PENDING_PER_USER": 1, "EXPORT_XLSX_SYNC_ROWS": 0}

    listing = client.get("/exchange/export/lks/?format=xlsx")

    assert listing.status_code == 400 and "Anda sudah punya beberapa impor atau ekspor" in listing.content.decode()
    assert ExportJob.objects.count() == 1


def test_a_report_is_refused_while_the_user_has_too_many_jobs_pending(client, board_member, banjarmasin, settings):
    settings.SINERGI = {**settings.SINERGI, "JOBS_PENDING_PER_USER": 1, "EXPORT_XLSX_SYNC_ROWS": 0, "PDF_SYNC_LKS": 2}
    client.force_login(board_member)
    client.get("/exchange/export/lks/?format=xlsx")

    response = client.get(SUMMARY)

    assert response.status_code == 400 and "Anda sudah punya beberapa impor atau ekspor" in response.content.decode()
    assert list(ExportJob.objects.values_list("entity", flat=True)) == ["lks"]


# ---------------------------------------------------------------------------------------------- cancel


def test_a_queued_report_is_cancelled_from_its_page_and_never_rendered(client, queued_summary, rendered):
    response = client.post(f"/exchange/exports/{queued_summary.pk}/cancel/", follow=True)

    assert "Ekspor dibatalkan." in response.content.decode()
    exports.export_job_run(job_id=queued_summary.pk)  # its task, delivered anyway
    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.CANCELLED and not job.file and not rendered
    assert actions() == ["statistics.report.exported", "exchange.export.cancelled"]


def test_a_cancel_asked_while_the_report_is_laid_out_throws_the_file_away(queued_summary, monkeypatch):
    def cancelled_meanwhile(template, context):
        ExportJob.objects.filter(pk=queued_summary.pk).update(cancel_requested=True)
        return b"%PDF-1.7 laid out"

    monkeypatch.setattr(report_jobs, "render_pdf", cancelled_meanwhile)

    exports.export_job_run(job_id=queued_summary.pk)

    job = ExportJob.objects.get(pk=queued_summary.pk)
    assert job.status == ExportStatus.CANCELLED and not job.file
    assert not list(Path(django_settings.MEDIA_ROOT).rglob("*.pdf"))


# ---------------------------------------------------------------------------------------------- the download


def test_a_report_is_not_handed_over_once_the_requesters_roles_changed(client, board_member, queued_summary, rendered):
    exports.export_job_run(job_id=queued_summary.pk)
    # Given a second role since the report was made (it holds what the old scope saw)
    MembershipFactory(user=board_member, role=Role.REGENCY_BOARD, region_id="63.72")

    response = client.get(f"/exchange/exports/{queued_summary.pk}/download/", follow=True)

    assert response.redirect_chain == [(f"/exchange/exports/{queued_summary.pk}/", 302)]
    assert "Peran atau wilayah Anda berubah sejak ekspor ini diminta" in response.content.decode()
    assert "statistics.report.downloaded" not in actions()


def test_a_report_is_not_handed_to_someone_who_may_no_longer_print_it(client, board_member, queued_summary, rendered):
    exports.export_job_run(job_id=queued_summary.pk)
    board_member.memberships.update(is_active=False)

    assert client.get(f"/exchange/exports/{queued_summary.pk}/download/").status_code == 403
    assert "statistics.report.downloaded" not in actions()


def test_the_file_of_a_report_is_purged_after_the_retention_days(queued_summary, rendered):
    exports.export_job_run(job_id=queued_summary.pk)
    job = ExportJob.objects.get(pk=queued_summary.pk)
    name = job.file.name
    ExportJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - datetime.timedelta(days=31))

    purged = exchange_files_purge()

    job.refresh_from_db()
    assert [(p.kind, p.pk, p.files) for p in purged] == [("export", job.pk, [name])]
    assert not default_storage.exists(name) and not job.file and job.file_purged_at is not None


# ---------------------------------------------------------------------------------------------- the pages


def test_the_exchange_page_names_report_jobs_in_the_readers_language(client, queued_summary):
    index = client.get("/exchange/").content.decode()
    assert f'<a href="/exchange/exports/{queued_summary.pk}/">' in index
    assert "Ringkasan LKS Kota Banjarmasin</td>" in index and '<td data-label="Format">PDF</td>' in index
    assert "Laporan atas lebih dari 2 LKS disusun di latar" in index

    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/exchange/").content.decode()
    assert "LKS summary for Kota Banjarmasin</td>" in english


def test_the_page_of_a_report_being_made_polls_and_offers_a_cancel(client, queued_summary):
    ExportJob.objects.filter(pk=queued_summary.pk).update(status=ExportStatus.RUNNING, started_at=timezone.now())
    with runners.running("export", queued_summary.pk, claim=lambda: True):  # its worker is alive
        page = client.get(f"/exchange/exports/{queued_summary.pk}/").content.decode()

    assert "Sedang diproses" in page and 'hx-trigger="every 1s"' in page and 'id="export-cancel"' in page
    assert "Laporan ini mencakup 3 LKS dalam cakupan Anda" in page
    assert "Halaman laporan sedang disusun." in page and "baris" not in page.split('id="export-status"')[1]


def test_a_superuser_province_report_job_is_rendered_for_the_whole_province(client, banjarmasin, rendered, settings):
    from sinergi.accounts.tests.factories import UserFactory

    settings.SINERGI = {**settings.SINERGI, "PDF_SYNC_LKS": 1}
    admin = UserFactory(is_superuser=True, is_staff=True)
    otp_login(client, admin)
    client.get(PROVINCE)
    job = ExportJob.objects.get()

    exports.export_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.download_name) == (ExportStatus.SUCCEEDED, "laporan-lks-provinsi")
    assert rendered[0]["context"]["title"] == "Laporan LKS Kalimantan Selatan"
    assert AuditEvent.objects.get(action="statistics.report.exported").data["scope"] == ["*"]
