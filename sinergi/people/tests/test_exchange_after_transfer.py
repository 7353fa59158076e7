"""An LKS's own client list imported again after one of its children was transferred to another LKS: the row is
about the stay that ended there, not a new admission, so it changes nothing and is said to, instead of registering
the child a second time (counted at both LKS). Every name and NIK here is made up."""

import datetime

import pytest

from sinergi.exchange.tests.conftest import problems_of
from sinergi.people import services
from sinergi.people.models import Person, Placement, PlacementMonthly
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS, client_row, import_clients, stored_rows
from sinergi.people.tests.test_summaries import summary_rows

pytestmark = pytest.mark.django_db

ADMITTED = datetime.date(2024, 5, 1)
MOVED = datetime.date.today() - datetime.timedelta(days=10)
WITH_DISCHARGE = [*HEADERS, "Tanggal keluar", "Alasan keluar"]


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def transferred(tmp_path, world):
    """Budi imported by his LKS, then transferred (a referral) to an LKS in Kota Banjarbaru."""
    result = import_clients(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_other_regency, on=MOVED
    )
    return world


def moved_warning(result) -> list[str]:
    return [w.message for w in result.warnings if "sudah pindah dari LKS ini" in w.message]


def test_the_same_list_imported_again_changes_nothing_and_says_the_child_moved(tmp_path, transferred):
    before, summaries = stored_rows(), summary_rows()

    result = import_clients(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], transferred.operator)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 0), problems_of(result)
    assert stored_rows() == before
    assert summary_rows() == summaries
    assert Person.objects.count() == 1
    [message] = moved_warning(result)
    assert MOVED.strftime("%d-%m-%Y") in message
    assert "Banjarbaru" not in message  # where the child is now is not the old LKS's to know from an import


def test_the_leaving_date_written_into_the_list_changes_nothing_either(tmp_path, transferred):
    before = stored_rows()
    row = client_row(
        WITH_DISCHARGE,
        **{"Tanggal masuk": ADMITTED, "Tanggal keluar": MOVED, "Alasan keluar": "Dirujuk/pindah ke lembaga lain"},
    )

    result = import_clients(tmp_path, [row], transferred.operator, headers=WITH_DISCHARGE)

    assert (result.status, result.created) == ("succeeded", 0), problems_of(result)
    assert stored_rows() == before
    # one admission in the month he came, whatever the old LKS's list says afterwards
    month = PlacementMonthly.objects.filter(area_code="63.71", month=ADMITTED.replace(day=1))
    assert sum(month.values_list("admissions", flat=True)) == 1


def test_another_leaving_date_is_refused_on_its_column(tmp_path, transferred):
    before = stored_rows()
    other = MOVED - datetime.timedelta(days=3)
    row = client_row(
        WITH_DISCHARGE, **{"Tanggal masuk": ADMITTED, "Tanggal keluar": other, "Alasan keluar": "Kembali ke keluarga"}
    )

    result = import_clients(tmp_path, [row], transferred.operator, headers=WITH_DISCHARGE)

    assert result.status == "refused"
    [(row_number, column, _value, message)] = problems_of(result)
    assert column == "Tanggal keluar"
    assert f"pada {MOVED.strftime('%d-%m-%Y')}, bukan {other.strftime('%d-%m-%Y')}" in message
    assert stored_rows() == before


def test_a_row_without_nik_is_found_by_name_birth_date_and_mother(tmp_path, transferred):
    before = stored_rows()
    row = client_row(**{"Tanggal masuk": ADMITTED, "NIK": "", "Alasan NIK kosong": "Belum direkam"})

    result = import_clients(tmp_path, [row], transferred.operator)

    assert (result.status, result.created) == ("succeeded", 0), problems_of(result)
    assert stored_rows() == before
    assert len(moved_warning(result)) == 1


def test_a_new_stay_at_the_old_lks_is_still_an_admission(tmp_path, transferred):
    # Coming back later is another stay, with its own admission date: admitted (and flagged for the board, as the
    # child is active at the other LKS).
    back = MOVED + datetime.timedelta(days=5)
    result = import_clients(tmp_path, [client_row(**{"Tanggal masuk": back})], transferred.operator)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert moved_warning(result) == []


def test_the_summaries_stay_those_of_a_rebuild(tmp_path, transferred):
    import_clients(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], transferred.operator)
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental
    active = {(r[1], r[3]): r[5] for r in incremental["active"] if r[0] == 2}  # kabupaten/kota level
    assert active == {("63.72", "anak_telantar"): 1}
