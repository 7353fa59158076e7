"""An import runs in the worker, without a request: on a national server it is still read on the clock of the user
it runs for, as their form is. 2026-12-05 15:30 UTC is 00:30 WIT on the 6th; 16:30 UTC is 23:30 WIB on the 5th."""

import datetime
import re
from unittest import mock

import pytest
from django.core.files import File
from django.utils import timezone

from sinergi.exchange import exports, services
from sinergi.exchange.models import ExportJob, ImportJob, ImportStatus
from sinergi.exchange.tests.conftest import csv_file
from sinergi.people.models import Placement
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS, client_row
from sinergi.people.tests.test_time_zone_of_the_user import (
    FUTURE,
    HALF_PAST_ELEVEN_WIB,
    HALF_PAST_MIDNIGHT_WIT,
    lks_operator_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


def import_job(tmp_path, actor, admitted_on, *, at: datetime.datetime, dry_run: bool = True) -> ImportJob:
    """The client list with one row, run as the worker runs it (no request, no zone of its own)."""
    path = csv_file(tmp_path, [HEADERS, client_row(**{"Tanggal masuk": admitted_on, "Tanggal lahir": "17-08-2014"})])
    with path.open("rb") as handle:
        job = services.import_job_create(
            actor=actor, entity_key="clients", file=File(handle, name="klien.csv"), original_name="klien.csv",
            dry_run=dry_run, enqueue=False,
        )  # fmt: skip
    with mock.patch("django.utils.timezone.now", return_value=at):
        services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def future_date_problems(job: ImportJob) -> list:
    return [(column, message) for _, column, _, message in job.problems if message == FUTURE]


def test_a_papua_operators_import_takes_today_in_wit(tmp_path, world, national):
    _lks, operator = lks_operator_in("91", "operator.jayapura")

    job = import_job(tmp_path, operator, "06-12-2026", at=HALF_PAST_MIDNIGHT_WIT)

    assert job.status == ImportStatus.CHECKED, job.problems


def test_a_papua_operators_import_of_tomorrow_is_refused(tmp_path, world, national):
    _lks, operator = lks_operator_in("91", "operator.jayapura")

    job = import_job(tmp_path, operator, "07-12-2026", at=HALF_PAST_MIDNIGHT_WIT)

    assert job.status == ImportStatus.REFUSED
    assert future_date_problems(job) == [("Tanggal masuk", FUTURE)]


def test_a_jakarta_operators_import_of_tomorrow_is_refused_just_before_midnight_wib(tmp_path, world, national):
    _lks, operator = lks_operator_in("31", "operator.jakarta")

    job = import_job(tmp_path, operator, "06-12-2026", at=HALF_PAST_ELEVEN_WIB)

    assert job.status == ImportStatus.REFUSED
    assert future_date_problems(job) == [("Tanggal masuk", FUTURE)]


def test_a_province_servers_import_keeps_the_servers_clock(tmp_path, world):
    job = import_job(tmp_path, world.operator, "06-12-2026", at=HALF_PAST_MIDNIGHT_WIT)  # 23:30 WITA on the 5th

    assert job.status == ImportStatus.REFUSED
    assert future_date_problems(job) == [("Tanggal masuk", FUTURE)]


def test_a_form_tools_utc_timestamp_is_the_day_it_was_for_the_papua_operator(tmp_path, world, national):
    _lks, operator = lks_operator_in("91", "operator.jayapura")

    job = import_job(tmp_path, operator, "2025-01-31T15:30:00Z", at=HALF_PAST_MIDNIGHT_WIT, dry_run=False)

    assert job.status == ImportStatus.SUCCEEDED, job.problems
    assert Placement.objects.get().admitted_on == datetime.date(2025, 2, 1)  # 00:30 WIT; 23:30 WITA on the 31st


def test_the_import_data_command_reads_as_the_user_it_runs_as(tmp_path, world, national, capsys):
    from django.core.management import call_command

    _lks, operator = lks_operator_in("91", "operator.jayapura")
    path = csv_file(tmp_path, [HEADERS, client_row(**{"Tanggal masuk": "06-12-2026", "Tanggal lahir": "17-08-2014"})])

    with mock.patch("django.utils.timezone.now", return_value=HALF_PAST_MIDNIGHT_WIT):
        call_command("import_data", "clients", str(path), "--as", operator.username, "--dry-run")

    assert ImportJob.objects.get().status == ImportStatus.CHECKED


def test_an_export_job_runs_on_the_requesters_clock(world, national, settings):
    settings.TIME_ZONE = "Asia/Makassar"
    _lks, operator = lks_operator_in("91", "operator.jayapura")
    job = ExportJob.objects.create(
        requested_by=operator, entity="clients", file_format="csv", status="queued", token="zona"
    )
    seen = []

    with mock.patch.object(
        exports.running, "_export_job_run", side_effect=lambda job: seen.append(timezone.localtime())
    ):
        exports.export_job_run(job_id=job.pk)

    assert seen[0].tzname() == "WIT"
    assert timezone.get_current_timezone().key == "Asia/Makassar"


ZONED_TIME = r"\d\d-\d\d-\d{4} \d\d:\d\d (WIB|WITA|WIT)\b"


def test_the_job_pages_name_the_zone_of_their_times(client, tmp_path, world, national):
    _lks, operator = lks_operator_in("91", "operator.jayapura")
    job = import_job(tmp_path, operator, "06-12-2026", at=HALF_PAST_MIDNIGHT_WIT)
    client.force_login(operator)

    for page in (f"/exchange/imports/{job.pk}/", "/exchange/imports/"):
        shown = re.findall(ZONED_TIME, client.get(page).content.decode())
        assert shown and set(shown) == {"WIT"}, page


def test_a_province_servers_pages_name_its_zone(client, tmp_path, world):
    job = import_job(tmp_path, world.operator, "05-12-2026", at=HALF_PAST_MIDNIGHT_WIT)
    client.force_login(world.operator)

    assert set(re.findall(ZONED_TIME, client.get(f"/exchange/imports/{job.pk}/").content.decode())) == {"WITA"}
