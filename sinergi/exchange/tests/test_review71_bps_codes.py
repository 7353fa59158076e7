"""A BPS region code (DTKS and census lists: kecamatan and desa of three digits) is refused saying what it is, not
as "no code" or as a Kemendagri code that does not exist; a Kemendagri code run together is still read."""

import pytest

from sinergi.exchange import values as v
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, boy_row, clients_file, import_clients

from .conftest import problems_of

BPS_MESSAGE = (
    "“{value}” tampaknya kode wilayah BPS (kecamatan dan desa 3 angka, seperti di DTKS), bukan kode Kemendagri. "
    "Tulis kode Kemendagri, mis. 63.71.04.1002, atau kosongkan kolom ini dan tulis nama kecamatan dan "
    "desa/kelurahannya di kolomnya."
)


@pytest.mark.parametrize("written", ["63.71.040.002", "63-71-040-002", "6371040002", "63.71.040", "6371040"])
def test_a_bps_code_is_named_as_one(written):
    with pytest.raises(v.CellProblem) as refused:
        v.parse_region_code(written)
    assert str(refused.value) == BPS_MESSAGE.format(value=written)


@pytest.mark.parametrize(
    ("written", "read"),
    [("6371041002", "63.71.04.1002"), ("63.71.04.1002", "63.71.04.1002"), ("637104", "63.71.04"), ("6371", "63.71")],
)
def test_a_kemendagri_code_with_or_without_dots_is_still_read(written, read):
    assert v.parse_region_code(written) == read


@pytest.mark.django_db
def test_a_client_row_with_a_bps_origin_code_is_refused_saying_so(tmp_path):
    world = people_world()
    path = clients_file(tmp_path, [[*boy_row(), "63.71.040.002"]], headers=[*HEADERS, "Kode desa asal"])

    result = import_clients(path, world.operator)

    assert result.status == "refused"
    assert ("Kode desa asal", BPS_MESSAGE.format(value="63.71.040.002")) in [
        (column, message) for _row, column, _value, message in problems_of(result)
    ]
    assert not Person.objects.exists()
