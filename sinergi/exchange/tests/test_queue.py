"""The task workers' queue page (/exchange/queue/): what an admin without a shell sees of `exchange_jobs`."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.audit.models import AuditEvent
from sinergi.core.testing import otp_login
from sinergi.exchange import runners
from sinergi.exchange.models import QUEUE_PATIENCE, ExportStatus, ImportJob, ImportPhase, ImportStatus, ReportKind
from sinergi.regions.models import Region

from .factories import ExportJobFactory, ImportJobFactory

pytestmark = pytest.mark.django_db


def minutes_ago(minutes: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=minutes)


@pytest.fixture
def jobs(board_member):
    """A running trial and a waiting import of a Banjarmasin board member, a waiting report, a failed export, one
    finished import, and a waiting import of a board member in another province."""
    Region.objects.create(code="64", name="Kalimantan Timur", level=1, kind="provinsi")
    Region.objects.create(code="64.72", name="Kota Samarinda", level=2, kind="kota", parent_id="64")
    outsider = user_with_role(Role.REGENCY_BOARD, region_code="64.72", username="pengurus.samarinda")
    running = ImportJobFactory(
        created_by=board_member, status=ImportStatus.RUNNING, phase=ImportPhase.SAVING, rows_total=2000,
        rows_done=1500, file_size=3 * 1048576, original_name="anak Budi Santoso.xlsx", finished_at=None,
    )  # fmt: skip
    waiting = ImportJobFactory(
        created_by=board_member, status=ImportStatus.QUEUED, dry_run=False, file_size=1048576, finished_at=None
    )
    report = ExportJobFactory(requested_by=board_member, report=ReportKind.REGENCY, file_format="pdf",
                              region_id="63.71")  # fmt: skip
    failed = ExportJobFactory(requested_by=board_member, file_format="csv", status=ExportStatus.FAILED,
                              finished_at=minutes_ago(90))  # fmt: skip
    ImportJobFactory(created_by=board_member)  # a finished trial
    ImportJobFactory(created_by=outsider, status=ImportStatus.QUEUED, finished_at=None)
    for job, minutes in ((running, 30), (waiting, 20), (report, 10)):
        type(job).objects.filter(pk=job.pk).update(created_at=minutes_ago(minutes), started_at=minutes_ago(minutes))
    return {"running": running, "waiting": waiting, "report": report, "failed": failed}


def test_a_province_admin_sees_what_runs_waits_and_failed_of_their_province_without_file_names(
    client, jobs, province_admin
):
    otp_login(client, province_admin)
    with runners.running("import", jobs["running"].pk, claim=lambda: True):  # its worker is alive
        page = client.get("/exchange/queue/").content.decode()
    running = page.split('id="queue-running"')[1].split("</table>")[0]
    waiting = page.split('id="queue-waiting"')[1].split("</table>")[0]
    failed = page.split('id="queue-failed"')[1].split("</table>")[0]
    assert f"Uji coba impor #{jobs['running'].pk}" in running and "Menyimpan" in running
    assert "1.500 / 2.000" in running and "3,0 MB" in running and "pengurus.uji" in running
    # Oldest first: the import asked for 20 minutes ago, then the report
    assert waiting.index(f"Impor #{jobs['waiting'].pk}") < waiting.index(f"Laporan PDF #{jobs['report'].pk}")
    assert "Ringkasan LKS Kota Banjarmasin" in waiting
    assert f"Ekspor #{jobs['failed'].pk}" in failed and "CSV" in failed
    # The file's name may name a child: never shown; the other province's import is counted only
    assert "Budi" not in page
    assert "pengurus.samarinda" not in page
    assert "1 berjalan, 2 menunggu." in page
    assert "Juga 1 proses pengguna di luar wilayah Anda" in page


def test_a_superuser_sees_every_users_jobs(client, jobs):
    otp_login(client, UserFactory(is_superuser=True, is_staff=True))
    with runners.running("import", jobs["running"].pk, claim=lambda: True):
        page = client.get("/exchange/queue/").content.decode()
    assert "pengurus.samarinda" in page and "1 berjalan, 3 menunggu." in page
    assert "di luar wilayah Anda" not in page


@pytest.mark.parametrize("role", ["board_member", "operator"])
def test_other_roles_are_refused_the_queue_and_not_offered_it(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/exchange/queue/")
    assert response.status_code == 403
    assert "Hanya admin provinsi yang boleh melihat antrean proses latar." in response.content.decode()
    assert 'id="queue-link"' not in client.get("/exchange/").content.decode()


def test_the_exchange_page_offers_the_queue_to_a_province_admin(client, province_admin):
    otp_login(client, province_admin)
    assert 'href="/exchange/queue/"' in client.get("/exchange/").content.decode()


def test_the_page_polls_while_jobs_wait_and_says_when_nothing_runs(client, province_admin, board_member):
    otp_login(client, province_admin)
    quiet = client.get("/exchange/queue/").content.decode()
    assert "hx-trigger" not in quiet and "0 berjalan, 0 menunggu." in quiet
    job = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, finished_at=None)
    fragment = client.get("/exchange/queue/", headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="job-queue"') and 'hx-trigger="every 5s"' in fragment
    assert f"#{job.pk}" in fragment
    # Just asked for: a worker takes it up within seconds, so no alarm yet (the forty-fifth review: a false one)
    assert 'id="queue-idle-workers"' not in fragment
    # Waiting longer than a job's page is patient, and nothing runs: the workers may be down
    asked = timezone.now() - QUEUE_PATIENCE - datetime.timedelta(seconds=1)
    ImportJob.objects.filter(pk=job.pk).update(created_at=asked)
    fragment = client.get("/exchange/queue/", headers={"HX-Request": "true"}).content.decode()
    assert 'id="queue-idle-workers"' in fragment


def test_no_alarm_while_the_workers_run_a_job_the_admin_does_not_see(client, province_admin, board_member):
    # On a national server the workers are shared: another province's job runs while this one's waits its turn
    asked = timezone.now() - QUEUE_PATIENCE - datetime.timedelta(minutes=1)
    waiting = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, finished_at=None)
    ImportJob.objects.filter(pk=waiting.pk).update(created_at=asked)
    outsider = UserFactory(is_superuser=True)
    running = ImportJobFactory(created_by=outsider, status=ImportStatus.RUNNING, finished_at=None)
    ImportJob.objects.filter(pk=running.pk).update(started_at=timezone.now())
    otp_login(client, province_admin)

    page = client.get("/exchange/queue/").content.decode()

    assert "0 berjalan, 1 menunggu." in page and 'id="queue-idle-workers"' not in page


def test_a_job_still_opening_its_file_shows_no_rows_counted_rather_than_none_of_none(client, province_admin, jobs):
    ImportJob.objects.filter(pk=jobs["running"].pk).update(rows_done=0, rows_total=0)
    otp_login(client, province_admin)

    with runners.running("import", jobs["running"].pk, claim=lambda: True):
        page = client.get("/exchange/queue/").content.decode()

    running = page[page.index('id="queue-running"') : page.index('id="queue-waiting-title"')]
    assert "0 / 0" not in running and "—" in running


def test_a_run_whose_worker_died_is_ended_by_the_page_and_leaves_the_running_list(client, province_admin, jobs):
    otp_login(client, province_admin)
    # No runner holds the running trial's lock (its worker is gone): the page settles it as the lists do
    page = client.get("/exchange/queue/").content.decode()
    jobs["running"].refresh_from_db()
    assert jobs["running"].status == ImportStatus.FAILED
    assert "0 berjalan, 2 menunggu." in page


def test_a_queued_job_whose_task_was_lost_is_ended_by_the_page_and_not_taken_for_idle_workers(
    client, province_admin, board_member
):
    # An import queued an hour ago whose task was never stored (the database was busy at that moment)
    job = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, finished_at=None, task_id="")
    type(job).objects.filter(pk=job.pk).update(created_at=minutes_ago(60))
    otp_login(client, province_admin)
    page = client.get("/exchange/queue/").content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert 'id="queue-idle-workers"' not in page and "0 berjalan, 0 menunggu." in page


def test_an_admin_reading_english_ends_another_users_export_in_its_owners_language(
    client, province_admin, board_member
):
    province_admin.preferred_language = "en"
    province_admin.save(update_fields=["preferred_language"])
    export = ExportJobFactory(requested_by=board_member, status=ExportStatus.RUNNING, finished_at=None)
    otp_login(client, province_admin)
    client.cookies["django_language"] = "en"
    client.get("/exchange/queue/")
    export.refresh_from_db()
    # (its worker is gone) ended, with the message its owner reads, in Indonesian
    assert export.status == ExportStatus.FAILED
    assert export.message.startswith("Ekspor terhenti"), export.message


def test_a_queued_job_whose_task_was_lost_is_ended_with_its_one_audit_event(client, province_admin, board_member):
    job = ImportJobFactory(created_by=board_member, status=ImportStatus.QUEUED, dry_run=False, finished_at=None)
    otp_login(client, province_admin)

    with mock.patch("sinergi.exchange.services.settling.queue_lost", return_value=True):
        client.get("/exchange/queue/")

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    [event] = AuditEvent.objects.filter(object_id=str(job.pk), action__startswith="exchange.import.")
    assert (event.action, event.actor, event.data["dry_run"]) == ("exchange.import.failed", None, False)
