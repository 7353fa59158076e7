"""Seventy-seventh review: an age written in the "Tanggal lahir" column ("11", "13 thn", "11 tahun", a number cell
11) was refused as "bukan tanggal" or "tidak dapat dibaca", leaving the clerk to guess why. It is now said to be an
age, not a birth date, with what to write, as the notice of an "Umur" column words it. Nothing is stored: a birth date
worked out from an age would be kept as if known. Every name and NIK here is made up."""

import pytest

from sinergi.exchange.tests.conftest import problems_of
from sinergi.people.models import Person, Worker

from .test_exchange import (
    boy_row,
    clients_file,
    import_clients,
    import_workers,
    worker_row,
    world,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.django_db

AGE_MESSAGE = (
    "“{value}” adalah umur, bukan tanggal lahir. Umur berubah setiap tahun, jadi yang disimpan adalah tanggal lahir, "
    "dan tanggal lahir tidak ditebak dari umur: tulis tanggal lahirnya (mis. 17-08-2013), lihat akta kelahiran atau KK."
)


@pytest.mark.parametrize("written", ["11", "13 thn", "11 tahun", "11 th", 11])
def test_an_age_in_a_client_s_birth_date_is_refused_as_an_age(tmp_path, world, written):  # noqa: F811
    result = import_clients(clients_file(tmp_path, [boy_row(**{"Tanggal lahir": written})]), world.operator)

    assert result.status == "refused"
    assert [(row, column, message) for row, column, _value, message in problems_of(result)] == [
        (2, "Tanggal lahir", AGE_MESSAGE.format(value=written))
    ]
    assert not Person.objects.exists()


def test_an_age_in_a_worker_s_birth_date_is_refused_as_an_age(tmp_path, world):  # noqa: F811
    result = import_workers(tmp_path, [worker_row(**{"Tanggal lahir": "35 tahun"})], world.operator)

    assert [problem[3] for problem in problems_of(result)] == [AGE_MESSAGE.format(value="35 tahun")]
    assert not Worker.objects.exists()


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2013", "“2013” hanya tahun, bukan tanggal."),
        ("17-08-2013", None),
        ("0", "“0” bukan tanggal."),
    ],
)
def test_a_year_a_date_and_a_bare_nought_are_read_as_before(tmp_path, world, written, message):  # noqa: F811
    """Guard: only an age is newly named (passes with or without the fix)."""
    result = import_clients(clients_file(tmp_path, [boy_row(**{"Tanggal lahir": written})]), world.operator)

    found = [problem[3] for problem in problems_of(result) if problem[1] == "Tanggal lahir"]
    assert found[0].startswith(message) if message else found == [], found


def test_another_date_column_keeps_its_own_refusal(tmp_path, world):  # noqa: F811
    """Guard: a check date holding "11" is no birth date, so no age is named (passes with or without the fix)."""
    result = import_workers(tmp_path, [worker_row(**{"Tanggal pemeriksaan latar belakang": "11"})], world.operator)

    assert [problem[3] for problem in problems_of(result)] == [
        "“11” bukan tanggal. Tulis seperti 17-08-2023, atau format sel sebagai tanggal."
    ]
