"""How often a job's page asks for its progress: every second while the job is young, then less and less often,
and slowly for a job that has waited long in the queue; decided by the server in each status part it sends."""

import datetime
import re

import pytest
from django.utils import timezone

from sinergi.exchange import runners
from sinergi.exchange.models import ExportJob, ExportStatus, ImportJob, ImportStatus

from .factories import ExportJobFactory, ImportJobFactory

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def ago(seconds: float) -> datetime.datetime:
    return NOW - datetime.timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("status", "queued_for", "running_for", "seconds"),
    [
        # queued: counted from the upload (or the export's request)
        ("queued", 0, None, 1),
        ("queued", 14.9, None, 1),
        ("queued", 15, None, 2),
        ("queued", 59, None, 2),
        ("queued", 60, None, 5),
        ("queued", 120, None, 5),  # the page says the worker may not be running only after 2 minutes
        ("queued", 121, None, 15),
        ("queued", 6 * 3600, None, 15),
        # running: counted from the start of the run, however long it waited before
        ("running", 600, 0, 1),
        ("running", 600, 14, 1),
        ("running", 600, 15, 2),
        ("running", 600, 59, 2),
        ("running", 600, 60, 5),
        ("running", 600, 3600, 5),
        ("running", 30, -3, 1),  # the worker's clock a little ahead of the web server's
    ],
)
def test_the_interval_grows_with_the_age_of_the_wait_or_the_run(status, queued_for, running_for, seconds):
    started_at = None if running_for is None else ago(running_for)
    for job in (
        ImportJob(status=status, created_at=ago(queued_for), started_at=started_at),
        ExportJob(status=status, created_at=ago(queued_for), started_at=started_at),
    ):
        assert job.poll_seconds_at(NOW) == seconds


def test_a_running_job_without_a_start_time_is_counted_from_its_creation():
    job = ImportJob(status=ImportStatus.RUNNING, created_at=ago(90), started_at=None)
    assert job.poll_seconds_at(NOW) == 5


def test_the_interval_follows_the_clock():
    job = ImportJob(status=ImportStatus.QUEUED, created_at=timezone.now())
    assert job.poll_seconds == 1
    job.created_at = timezone.now() - datetime.timedelta(seconds=30)
    assert job.poll_seconds == 2


def trigger(html: str) -> str | None:
    found = re.search(r'<div id="(?:job|export)-status"[^>]*?hx-trigger="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.django_db
def test_each_status_part_of_an_import_sets_the_next_interval(client):
    # Given a running import whose worker is alive, started 5 seconds ago
    job = ImportJobFactory(status=ImportStatus.RUNNING, finished_at=None, rows_total=100, rows_done=10)
    ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - datetime.timedelta(seconds=5))
    client.force_login(job.created_by)
    url = f"/exchange/imports/{job.pk}/"

    with runners.running("import", job.pk, claim=lambda: True):
        # When the page and then its polls are fetched as the run grows older
        page = client.get(url).content.decode()
        young = client.get(url, headers={"HX-Request": "true"}).content.decode()
        ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - datetime.timedelta(seconds=30))
        middle = client.get(url, headers={"HX-Request": "true"}).content.decode()
        ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - datetime.timedelta(minutes=2))
        old = client.get(url, headers={"HX-Request": "true"}).content.decode()

    # Then each answer carries the interval of the job's age at that moment
    assert (trigger(page), trigger(young), trigger(middle), trigger(old)) == (
        "every 1s",
        "every 1s",
        "every 2s",
        "every 5s",
    )
    assert re.match(r'\s*<title>[^<]*</title>\s*<div id="job-status"', young) and "<html" not in young

    # And a finished job is no longer polled
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.CHECKED)
    assert "hx-trigger" not in client.get(url, headers={"HX-Request": "true"}).content.decode()


@pytest.mark.django_db
def test_an_import_waiting_long_in_the_queue_is_polled_slowly(client):
    job = ImportJobFactory(status=ImportStatus.QUEUED, finished_at=None)
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=3))
    client.force_login(job.created_by)

    part = client.get(f"/exchange/imports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()

    assert trigger(part) == "every 15s"
    assert 'id="job-waiting"' in part


@pytest.mark.django_db
def test_each_status_part_of_an_export_sets_the_next_interval(client):
    export = ExportJobFactory(status=ExportStatus.QUEUED)
    client.force_login(export.requested_by)
    url = f"/exchange/exports/{export.pk}/"

    assert trigger(client.get(url).content.decode()) == "every 1s"
    ExportJob.objects.filter(pk=export.pk).update(created_at=timezone.now() - datetime.timedelta(seconds=40))
    assert trigger(client.get(url, headers={"HX-Request": "true"}).content.decode()) == "every 2s"
    ExportJob.objects.filter(pk=export.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert trigger(part) == "every 15s" and 'id="export-waiting"' in part
