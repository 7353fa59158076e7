"""A nomor tanda daftar written a little differently (autocorrect's en dash, a stray space, letter case) is the same
number: it finds its LKS in the LKS import and in the LKS column of the clients import, instead of registering a
second LKS. A number that finds nothing beside an LKS of the same name in the kabupaten/kota is pointed out."""

import datetime

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.exchange import number_key
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.models import Person

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db

NUMBER = "TD/002/DINSOS-KALSEL/2024"
EN_DASH = "TD/002/DINSOS\u2013KALSEL/2024"


@pytest.fixture
def mutiara(db):
    return OrganisationFactory(
        name="LKSA Mutiara Contoh", region_id="63.71.04.1002", registration_number=NUMBER, capacity=50
    )


def test_the_number_key_forgives_dashes_spaces_and_case_but_not_other_characters():
    written = [
        "TD/002/DINSOS\u2013KALSEL/2024",  # en dash (autocorrect)
        "TD/002/DINSOS\u2014KALSEL/2024",  # em dash
        "TD/002/DINSOS\u2212KALSEL/2024",  # minus sign
        "TD/002/DINSOS\u2011KALSEL/2024",  # non-breaking hyphen
        "TD/002/DINSOS\uff0dKALSEL/2024",  # full-width hyphen
        "TD/002/DINSOS-KALSEL/ 2024",
        "TD / 002 / DINSOS - KALSEL / 2024",
        " td/002/Dinsos-Kalsel/2024 ",
    ]
    assert {number_key(number) for number in written} == {NUMBER}
    assert number_key("TD/002  DINSOS") == "TD/002 DINSOS"
    assert number_key("TD.002/DINSOS-KALSEL/2024") != NUMBER
    assert number_key("TD/002/DINSOS-KALSEL/2025") != NUMBER


@pytest.mark.parametrize("written", [EN_DASH, "TD/002/DINSOS-KALSEL/ 2024", "td / 002 / dinsos \u2014 kalsel/2024"])
def test_a_number_written_differently_finds_its_lks_and_keeps_the_stored_spelling(tmp_path, board_member, mutiara,
                                                                                  written):  # fmt: skip
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Mutiara Contoh", "anak", "63.71.04.1002", written, 50]])

    result = run(path, board_member)

    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 0, 1)
    assert list(Organisation.objects.values_list("registration_number", flat=True)) == [NUMBER]
    assert not result.warnings


def test_a_stored_number_with_an_en_dash_is_found_by_the_plain_one(tmp_path, board_member):
    stored = OrganisationFactory(name="LKSA Mutiara Contoh", region_id="63.71.04.1002", registration_number=EN_DASH,
                                 permit_number="IO/7\u20132023", capacity=50)  # fmt: skip
    headers = [*HEADERS, "Nomor izin operasional"]
    path = xlsx_file(tmp_path, [headers, ["LKSA Mutiara Contoh", "anak", "63.71.04.1002", NUMBER, 45, "IO/7-2023"]])

    result = run(path, board_member)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1)
    stored.refresh_from_db()
    assert (stored.capacity, stored.registration_number, stored.permit_number) == (45, EN_DASH, "IO/7\u20132023")


def test_a_permit_number_written_differently_finds_its_lks(tmp_path, board_member):
    OrganisationFactory(name="LKSA Izin Contoh", region_id="63.71.04.1002", permit_number="460/12/DINSOS-BJM/2023")
    path = xlsx_file(
        tmp_path,
        [
            ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor izin operasional"],
            ["LKSA Izin Contoh", "anak", "63.71.04.1002", "460 / 12 / Dinsos\u2013BJM / 2023"],
        ],
    )
    result = run(path, board_member)
    assert (result.status, result.created, result.unchanged) == ("succeeded", 0, 1)


def test_two_rows_with_one_number_written_two_ways_are_one_lks_twice(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Baru Contoh", "anak", "63.71.04.1002", "TD/BARU/7-2024", 10],
            ["LKSA Baru Contoh", "anak", "63.71.04.1002", "TD/BARU/7\u20132024", 10],
        ],
    )
    result = run(path, board_member)
    assert result.status == "refused"
    assert [(p.row, p.message) for p in result.problems] == [
        (3, "Baris ini duplikat baris 2 (nomor tanda daftar TD/BARU/7\u20132024 sama).")
    ]
    assert Organisation.objects.count() == 0


def test_a_new_number_beside_an_lks_of_the_same_name_in_the_kabupaten_kota_is_pointed_out(
    tmp_path, board_member, mutiara
):
    # A number that differs by more than the key forgives ("." for "/") registers a new draft LKS, with a warning
    path = xlsx_file(
        tmp_path, [HEADERS, ["LKSA  Mutiara Contoh", "anak", "63.71.01.1001", "TD.002/DINSOS-KALSEL/2024", 50]]
    )

    result = run(path, board_member, dry_run=True)

    assert (result.status, result.created) == ("checked", 1)
    assert [(w.row, w.column, w.value, w.message) for w in result.warnings] == [
        (
            2,
            "Nomor tanda daftar",
            "TD.002/DINSOS-KALSEL/2024",
            "Sudah ada LKS bernama sama di kabupaten/kota ini: “LKSA Mutiara Contoh — TD/002/DINSOS-KALSEL/2024”. "
            "Baris ini akan mendaftarkan LKS baru, yaitu LKS kedua dengan nama itu. Bila yang dimaksud LKS yang sudah "
            "ada, tulis nomor tanda daftarnya seperti yang tercatat (atau isi ID-nya dari ekspor) agar LKS itu yang "
            "diperbarui.",
        )
    ]


def test_an_lks_of_the_same_name_in_another_kabupaten_kota_is_not_a_twin(tmp_path, mutiara):
    admin = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kunci")
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Mutiara Contoh", "anak", "63.72.02.1003", "TD/BJB/1", 20]])
    result = run(path, admin, dry_run=True)
    assert (result.status, result.created, result.warnings) == ("checked", 1, [])


def test_a_name_with_no_latin_letter_never_makes_two_lks_one(tmp_path, board_member):
    stored = OrganisationFactory(name="دار الأيتام", region_id="63.71.01.1001", capacity=20)
    path = xlsx_file(tmp_path, [HEADERS, ["بيت الرحمة", "anak", "63.71.01.1001", "", 10]])

    result = run(path, board_member)

    assert (result.status, result.created, result.updated, result.warnings) == ("succeeded", 1, 0, [])
    stored.refresh_from_db()
    assert (stored.name, stored.capacity) == ("دار الأيتام", 20)


def test_a_client_row_naming_its_lks_by_a_number_written_differently_finds_it(tmp_path, mutiara):
    operator = user_with_role(Role.LKS_OPERATOR, organisation=mutiara, username="operator.mutiara")
    headers = [
        "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong", "Kategori PPKS",
        "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung", "LKS",
    ]  # fmt: skip
    row = [
        "Budi Contoh", "L", datetime.date(2014, 8, 17), "not_yet_recorded", "not_yet_recorded", "anak_telantar",
        "Dalam panti (residensial)", datetime.date(2024, 1, 15), "Siti Contoh", "td/002/Dinsos \u2013 Kalsel/2024",
    ]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, row], sheet="Data penerima layanan")

    result = run(path, operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 1)
    assert Person.objects.get().organisation == mutiara


def test_a_row_repeating_the_permit_of_a_row_already_told_a_duplicate_is_told_too(tmp_path, board_member):
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Nomor izin operasional"]
    path = xlsx_file(tmp_path, [
        headers,
        ["LKSA Satu", "anak", "63.71", "TD/1", "IZ/1"],
        ["LKSA Dua", "anak", "63.71", "TD/1", "IZ/2"],  # a duplicate of row 2 by its registration number
        ["LKSA Tiga", "anak", "63.71", "TD/3", "IZ/2"],  # a duplicate of row 3 by its permit
    ])  # fmt: skip
    result = run(path, board_member, dry_run=True)
    # each told once
    assert [p.row for p in result.problems if "duplikat" in p.message] == [3, 4]
