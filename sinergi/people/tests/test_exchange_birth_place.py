"""A birth place cell that also holds the birth date, as office lists write "Tempat, Tanggal Lahir" in one cell: refused
naming both parts, not stored whole as the place with the birth date left empty."""

import pytest

from sinergi.people.models import Person

from .factories import people_world
from .test_exchange import HEADERS, boy_row, clients_file, import_clients

pytestmark = pytest.mark.django_db

WITH_PLACE = [*HEADERS, "Tempat lahir"]


@pytest.fixture
def world():
    return people_world()


@pytest.mark.parametrize(
    ("written", "date", "place"),
    [
        ("Banjarmasin, 17 Agustus 2014", "17 Agustus 2014", "Banjarmasin"),
        ("Martapura, 17-08-2014", "17-08-2014", "Martapura"),
        ("Kandangan 17 Agustus 2014", "17 Agustus 2014", "Kandangan"),
    ],
)
def test_a_birth_place_holding_the_birth_date_is_refused_naming_both_parts(tmp_path, world, written, date, place):
    result = import_clients(clients_file(tmp_path, [[*boy_row(), written]], headers=WITH_PLACE), world.operator)
    assert [(p.column, p.value, p.message) for p in result.problems] == [
        (
            "Tempat lahir",
            written,
            f"Tempat lahir ini juga berisi tanggal (“{date}”). Tulis tempatnya saja (“{place}”), dan tanggalnya di "
            "kolom Tanggal lahir.",
        )
    ]
    assert not Person.objects.exists()


@pytest.mark.parametrize("written", ["Banjarmasin", "Hulu Sungai Tengah", "Desa Sungai 12", "Km. 17"])
def test_a_place_with_a_number_that_is_no_date_is_a_place(tmp_path, world, written):
    result = import_clients(clients_file(tmp_path, [[*boy_row(), written]], headers=WITH_PLACE), world.operator)
    assert result.status == "succeeded", result.problems
    assert Person.objects.get().birth_place == written
