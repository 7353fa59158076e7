"""Seventy-seventh review, dates in English messages: the age, NIK, admission and merge messages write their dates as
English pages do (2024-01-15, sinergi.core.dates.shown), not the Indonesian 15-01-2024 that an English reader may
take for another day. An import's messages are written in its job's language and stored so; Indonesian keeps
day-month-year."""

import datetime

import pytest
from django.utils import translation

from sinergi.people.nik import nik_check, nik_compose
from sinergi.people.selectors.duplicates import duplicate_merge_plan
from sinergi.people.services.rules import age_warnings, implausible_birth_warning
from sinergi.vocabularies.models import Term

from .factories import PersonFactory, people_world
from .test_exchange import ADMITTED, boy_row, clients_file, import_clients, world  # noqa: F401 (world: a fixture)

CHILDREN = Term(
    code="anak_telantar",
    label_id="Anak Telantar",
    label_en="Neglected children",
    attributes={"min_age": 6, "max_age": 18},
)
ADULT = datetime.date(1990, 4, 2)  # 2 April: day and month differ, so the order shows


@pytest.mark.parametrize(("language", "written"), [("en", "(2024-01-15)"), ("id", "(15-01-2024)")])
def test_an_age_outside_the_category_names_the_admission_date_as_the_reader_s_language_writes_dates(language, written):
    with translation.override(language):
        warnings = age_warnings(birth_date=ADULT, on=ADMITTED, categories=[CHILDREN])

    assert len(warnings) == 1
    assert written in warnings[0]


@pytest.mark.parametrize(("language", "written"), [("en", "1900-01-01"), ("id", "01-01-1900")])
def test_an_implausible_birth_date_is_written_as_the_reader_s_language_writes_dates(language, written):
    with translation.override(language):
        warning = implausible_birth_warning(datetime.date(1900, 1, 1), datetime.date(2026, 12, 8))

    assert f"{written})" in warning


@pytest.mark.parametrize(
    ("language", "nik_date", "record"),
    [("en", "2012-03-05", "2012-03-06"), ("id", "05-03-2012", "06-03-2012")],
)
def test_a_nik_disagreeing_with_the_birth_date_names_both_dates_in_the_reader_s_order(language, nik_date, record):
    nik = nik_compose(district_code="63.71.02", birth_date=datetime.date(2012, 3, 5), sex="P", serial=2)
    with translation.override(language):
        check = nik_check(nik, birth_date=datetime.date(2012, 3, 6), known_codes={"63.71", "63.71.02"})

    assert [warning for warning in check.warnings if nik_date in warning and record in warning] == check.warnings
    assert len(check.warnings) == 1


def test_a_nik_date_on_a_day_its_century_lacks_keeps_the_reader_s_order():
    # 29 February 2000 in the NIK beside a birth date in 1900, which had no 29 February: the digits as they are
    nik = nik_compose(district_code="63.71.02", birth_date=datetime.date(2000, 2, 29), sex="L", serial=2)
    with translation.override("en"):
        check = nik_check(nik, birth_date=datetime.date(1900, 3, 1), known_codes={"63.71", "63.71.02"})

    assert any("1900-02-29" in warning and "1900-03-01" in warning for warning in check.warnings), check.warnings


@pytest.mark.django_db
def test_an_english_import_stores_its_warnings_with_dates_year_first(tmp_path, world):  # noqa: F811
    # An import runs in its job's language (services/running.py), so its stored messages and their dates agree.
    nik = nik_compose(district_code="63.71.01", birth_date=ADULT, sex="L", serial=3)
    path = clients_file(tmp_path, [boy_row(**{"Tanggal lahir": ADULT, "NIK": nik})])
    with translation.override("en"):
        result = import_clients(path, world.operator)

    assert (result.status, result.created) == ("succeeded", 1)
    age = [warning.message for warning in result.warnings if "Age 33" in warning.message]
    assert len(age) == 1 and "(2024-01-15)" in age[0], [warning.message for warning in result.warnings]


@pytest.mark.django_db
def test_a_merge_refused_for_different_birth_dates_names_them_year_first_in_english():
    kept = PersonFactory(birth_date=datetime.date(2012, 3, 5))
    retired = PersonFactory(birth_date=datetime.date(2012, 3, 6), sex=kept.sex, nik="")
    with translation.override("en"):
        plan = duplicate_merge_plan(kept=kept, retired=retired)

    assert any("(2012-03-05 and 2012-03-06)" in problem for problem in plan.problems), plan.problems


@pytest.mark.django_db
def test_an_english_import_names_an_ended_stint_s_end_year_first(tmp_path):
    from sinergi.people.models import Worker
    from sinergi.people.services.workers import worker_end

    from . import test_exchange_workers_after_workflows as workflows

    lks_world = people_world()
    workflows.registered(tmp_path, lks_world)
    worker = Worker.objects.get()
    worker_end(actor=lks_world.operator, worker=worker, ended_on=workflows.ENDED)
    rows = [[worker.pk, *workflows.row(**{"Mulai bertugas": workflows.RETURNED})]]
    with translation.override("en"):
        result = workflows.import_workers(tmp_path, rows, lks_world.operator, headers=["ID", *workflows.HEADERS])

    [problem] = result.problems
    assert f"stopped serving on {workflows.ENDED:%Y-%m-%d}" in problem.message, problem.message
