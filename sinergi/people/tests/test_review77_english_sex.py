"""Seventy-seventh review: an English user's own table writes the sex "M" or "F" (for Male and Female, the English
labels); the clients and workers imports read them as Laki-laki and Perempuan and say so in the run's notice. The
column's codes stay "L" and "P". Every name and NIK here is made up."""

import pytest
from django.utils import translation

from sinergi.exchange.tests.conftest import problems_of
from sinergi.people.models import Person, Worker

from .test_exchange import (
    BOY,
    GIRL,
    boy_row,
    clients_file,
    girl_row,
    import_clients,
    import_workers,
    worker_row,
    world,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "id"])
def test_m_and_f_are_read_as_the_sex_of_clients(tmp_path, world, language):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(**{"Jenis kelamin": "M"}), girl_row(**{"Jenis kelamin": "f"})])
    with translation.override(language):
        result = import_clients(path, world.operator)

    assert (result.status, result.created) == ("succeeded", 2), problems_of(result)
    assert dict(Person.objects.values_list("birth_date", "sex")) == {BOY: "L", GIRL: "P"}


def test_the_read_is_said_in_the_run_s_notice(tmp_path, world):  # noqa: F811
    path = clients_file(tmp_path, [boy_row(**{"Jenis kelamin": "M"})])
    result = import_clients(path, world.operator)

    assert any("“M”" in notice and "Laki-laki" in notice for notice in result.notices), result.notices


def test_f_is_read_as_the_sex_of_a_worker(tmp_path, world):  # noqa: F811
    result = import_workers(tmp_path, [worker_row(**{"Jenis kelamin": "F"})], world.operator)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert list(Worker.objects.values_list("sex", flat=True)) == ["P"]


def test_another_letter_is_still_refused(tmp_path, world):  # noqa: F811
    """Guard: only M and F join the words read (passes with or without the fix)."""
    result = import_clients(clients_file(tmp_path, [boy_row(**{"Jenis kelamin": "X"})]), world.operator)

    assert result.status == "refused"
    assert [problem[1] for problem in problems_of(result)] == ["Jenis kelamin"]
    assert not Person.objects.exists()
