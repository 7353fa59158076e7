"""The LKS column of the clients and workers imports compares names as the LKS import does: an abbreviation's dots
are no difference ("L.K.S.A. Harapan Contoh" is "LKSA Harapan Contoh")."""

import pytest

from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Person, Worker
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, boy_row, clients_file, import_clients

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()  # its LKS: "LKSA Harapan Contoh"


@pytest.mark.parametrize("written", ["L.K.S.A. Harapan Contoh", "L. K. S. A. Harapan Contoh", "lksa harapan contoh"])
def test_a_client_row_naming_the_lks_with_a_dotted_abbreviation_finds_it(tmp_path, world, written):
    path = clients_file(tmp_path, [[*boy_row(), written]], headers=[*HEADERS, "LKS"])

    result = import_clients(path, world.province_admin)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Person.objects.get().organisation == world.lks


def test_a_worker_row_naming_the_lks_with_a_dotted_abbreviation_finds_it(tmp_path, world):
    rows = [
        ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "LKS"],
        ["Rina Contoh", "P", "lks", "Pengasuh", "L.K.S.A. Harapan Contoh"],
    ]

    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.province_admin, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Worker.objects.get().organisation == world.lks


def test_a_single_initial_stays_part_of_the_name(tmp_path, world):
    # "M." is an initial, not an abbreviation's letter: "LKSA M. Harapan Contoh" is another name
    path = clients_file(tmp_path, [[*boy_row(), "LKSA M. Harapan Contoh"]], headers=[*HEADERS, "LKS"])

    result = import_clients(path, world.province_admin)

    assert result.status == "refused"
    assert Person.objects.count() == 0
