"""A date and time with a time zone in a CSV (a form tool's export, "2025-01-31T20:00:00Z") is read as the day it
was where the system keeps its dates (WITA); when that is another day than the one written, the run says so."""

import datetime

import pytest

from sinergi.exchange.tests.conftest import csv_file, problems_of, run
from sinergi.people.models import Placement
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS, client_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


def zoned_notices(result) -> list[str]:
    return [notice for notice in result.notices if "zona waktu" in notice]


def test_a_timestamp_that_falls_on_the_next_day_in_wita_is_read_so_and_said(tmp_path, world):
    rows = [HEADERS, client_row(**{"Tanggal masuk": "2024-05-01T20:00:00Z", "Tanggal lahir": "2014-08-17"})]

    result = run(csv_file(tmp_path, rows), world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Placement.objects.get().admitted_on == datetime.date(2024, 5, 2)
    [notice] = zoned_notices(result)
    assert "“2024-05-01T20:00:00Z” → 02-05-2024" in notice
    assert "Tanggal masuk" in notice and "WITA" in notice
    # Said as what such a file most often is (an app's local midnight kept in UTC: the day read is right), with
    # what to do when the day written is meant
    assert "Itu benar untuk file dari aplikasi yang menyimpan tengah malam waktu setempat" in notice
    assert "tulis tanggalnya saja" in notice


def test_a_timestamp_on_the_same_day_says_nothing(tmp_path, world):
    rows = [HEADERS, client_row(**{"Tanggal masuk": "2024-05-01T10:00:00Z", "Tanggal lahir": "2014-08-17"})]

    result = run(csv_file(tmp_path, rows), world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Placement.objects.get().admitted_on == datetime.date(2024, 5, 1)
    assert zoned_notices(result) == []
