"""Seventy-sixth review, the Exchange in English: a date inside an English message or an English table's notes is
written as English pages write one (2024-06-05, sinergi.core.dates.shown), not the Indonesian 05-06-2024 that an
English reader takes for 6 May; the Indonesian side keeps its day-month-year."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from python_calamine import CalamineWorkbook

from sinergi.people.services.rules import worker_age_check
from sinergi.people.tests.factories import people_world

BIRTH = datetime.date(2012, 3, 1)  # 12 on starting: refused
STARTED = datetime.date(2024, 6, 5)  # 5 June: day and month differ, so the order shows


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "(2024-06-05)"), ("id", "(05-06-2024)")],
)
def test_a_too_young_worker_s_start_date_is_written_as_the_reader_s_language_writes_dates(language, written):
    with translation.override(language):
        problem, warning = worker_age_check(birth_date=BIRTH, started_on=STARTED, today=datetime.date(2026, 1, 1))

    assert warning == ""
    assert written in problem


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "(2024-06-05)"), ("id", "(05-06-2024)")],
)
def test_a_child_worker_s_warning_writes_the_start_date_as_the_reader_s_language_does(language, written):
    with translation.override(language):
        problem, warning = worker_age_check(
            birth_date=datetime.date(2008, 3, 1), started_on=STARTED, today=datetime.date(2026, 1, 1)
        )

    assert problem == ""
    assert written in warning


def test_the_english_age_message_reads_in_english_from_the_catalogue():
    with translation.override("en"):
        problem, _warning = worker_age_check(birth_date=BIRTH, started_on=STARTED, today=datetime.date(2026, 1, 1))

    assert problem.startswith("Aged 12 on starting work (2024-06-05): a worker must be at least 13.")


def _notes(response) -> dict[str, str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    return dict(book.get_sheet_by_index(1).to_python()[1:])


@pytest.mark.django_db
def test_a_downloaded_indicators_table_in_english_dates_its_notes_as_english_pages_do(client):
    world = people_world()
    client.force_login(world.regency_board)
    client.cookies["django_language"] = "en"
    today = timezone.localdate()

    response = client.get(reverse("indicators:dashboard"), {"month": "2025-04", "table": "workers", "format": "xlsx"})

    notes = _notes(response)
    assert notes["As of"] == f"current ({today:%Y-%m-%d})"
    assert notes["Table"].endswith(f"(current, {today:%Y-%m-%d})")
    assert notes["Created"].startswith(f"{today:%Y-%m-%d} ")


@pytest.mark.django_db
def test_a_downloaded_indicators_table_in_indonesian_keeps_day_month_year(client):
    """Guard: the Indonesian notes stay as they were (passes with or without the fix)."""
    world = people_world()
    client.force_login(world.regency_board)
    today = timezone.localdate()

    response = client.get(reverse("indicators:dashboard"), {"month": "2025-04", "table": "workers", "format": "xlsx"})

    notes = _notes(response)
    assert notes["Per"] == f"saat ini ({today:%d-%m-%Y})"
    assert notes["Tabel"].endswith(f"(saat ini, {today:%d-%m-%Y})")
    assert notes["Dibuat"].startswith(f"{today:%d-%m-%Y} ")
