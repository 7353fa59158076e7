"""A registered number (or NIK) under a name that is hardly the stored one: most likely a mistyped number."""

import pytest

from sinergi.exchange.values import names_far_apart
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, problems_of, run, xlsx_file


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("Ahmad Fauzi", "Akhmad Fauzi"),
        ("Muhammad Rizky", "Muhamad Rizki"),
        ("Siti Aminah", "Siti Aminah binti Ahmad"),
        ("Muhammad Rizky", "M. Rizky"),
        ("LKSA Al Hidayah", "Panti Asuhan Al-Hidayah"),
        ("LKSA Lama Banjarmasin", "LKSA LAMA BANJARMASIN"),
        ("Budi Contoh", "Boedi Contoh"),  # half of the words is not fewer than half
    ],
)
def test_a_corrected_spelling_a_word_more_or_an_initial_keeps_names_close(stored, given):
    assert not names_far_apart(stored, given)


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("Siti Aminah Reviewtes", "Siti Lain Rv3"),
        ("Budi Contoh", "Rahmat Lain"),
        ("Dewi Lestari", "Siti Rahmawati"),
        ("LKSA Harapan Kita", "LKSA Lembar 60"),
    ],
)
def test_names_sharing_fewer_than_half_their_words_are_far_apart(stored, given):
    assert names_far_apart(stored, given)


def test_a_registered_number_in_another_kabupaten_is_another_offices_number_and_the_stored_lks_is_untouched(
    tmp_path, board_member, province_admin, banjarmasin_lks
):
    # TD/LAMA/1 is "LKSA Lama Banjarmasin" in Kota Banjarmasin (63.71); the row is an LKS in Banjarbaru with that
    # number. Matched across kabupaten/kota, it used to overwrite (or, under a far name, refuse) the stored LKS; a
    # national file moved, renamed and re-kinded LKS of other provinces that way (thirty-second review).
    before = Organisation.objects.get(pk=banjarmasin_lks.pk)
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "63.72.02.1003", "TD/LAMA/1", 30]])

    result = run(path, province_admin)

    assert (result.status, result.created, result.updated) == ("succeeded", 1, 0), problems_of(result)
    assert [(p.column, p.message.split(",")[0]) for p in result.warnings] == [
        ("Nomor tanda daftar", "Nomor ini juga tercatat untuk LKS lain di kabupaten/kota lain")
    ]
    after = Organisation.objects.get(pk=banjarmasin_lks.pk)
    assert (after.name, after.region_id, after.version) == (before.name, before.region_id, before.version)
    assert Organisation.objects.get(registration_number="TD/LAMA/1", regency_code="63.72").region_id == "63.72.02.1003"


def test_a_registered_number_under_another_name_in_the_same_kabupaten_warns(tmp_path, board_member, banjarmasin_lks):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Harapan Kita", "anak", "63.71.01.1001", "TD/LAMA/1", 30]])
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.updated) == ("checked", 1), problems_of(result)
    assert [(p.column, p.message.split(":")[0]) for p in result.warnings] == [
        (
            "Nama LKS",
            "Nama di file (“LKSA Harapan Kita”) jauh berbeda dari nama LKS yang tercatat dengan nomor ini (“LKSA Lama "
            "Banjarmasin”). Bila nomornya salah ketik, baris ini mengubah LKS lain",
        )
    ]
    renamed = run(
        xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin Baru", "anak", "63.71.01.1001", "TD/LAMA/1", 30]],
                  name="b.xlsx"),
        board_member,
        dry_run=True,
    )  # fmt: skip
    assert (renamed.updated, renamed.warnings) == (1, [])


def test_a_file_of_two_lks_of_two_kabupaten_with_one_number_updates_each_its_own(
    tmp_path, province_admin, banjarmasin_lks
):
    other = OrganisationFactory(
        name="LKSA Lama Banjarbaru", region_id="63.72.02.1003", registration_number="TD/LAMA/1", capacity=12
    )
    rows = [
        ["LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 31],
        ["LKSA Lama Banjarbaru", "anak", "63.72.02.1003", "TD/LAMA/1", 13],
    ]

    result = run(xlsx_file(tmp_path, [HEADERS, *rows]), province_admin)

    assert (result.status, result.updated, result.created) == ("succeeded", 2, 0), problems_of(result)
    assert Organisation.objects.get(pk=banjarmasin_lks.pk).capacity == 31
    assert Organisation.objects.get(pk=other.pk).capacity == 13


def test_an_export_comes_back_unchanged_when_another_kabupaten_holds_one_of_its_numbers(
    tmp_path, board_member, banjarmasin_lks
):
    OrganisationFactory(name="LKSA Lain", region_id="63.72.02.1003", registration_number="TD/LAMA/1")
    headers = ["ID", *HEADERS]
    row = [banjarmasin_lks.pk, "LKSA Lama Banjarmasin", "anak", "63.71.01.1001", "TD/LAMA/1", 30]

    result = run(xlsx_file(tmp_path, [headers, row]), board_member, dry_run=True)

    assert (result.status, result.unchanged) == ("checked", 1), problems_of(result)


def test_a_number_two_kabupaten_kota_issued_on_a_row_without_its_region_asks_for_the_region(
    tmp_path, province_admin, banjarmasin_lks
):
    OrganisationFactory(name="LKSA Lain", region_id="63.72.02.1003", registration_number="TD/LAMA/1")
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Lama Banjarmasin", "anak", "", "TD/LAMA/1", 33]])  # no region

    result = run(path, province_admin, dry_run=True)

    messages = {column: message for _row, column, _value, message in problems_of(result)}
    assert messages["Nomor tanda daftar"].startswith(
        "Nomor tanda daftar ini tercatat untuk LKS di beberapa kabupaten/kota. Isi Kode wilayah"
    )
