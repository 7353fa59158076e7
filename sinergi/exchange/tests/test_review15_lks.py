"""The same new LKS written twice in one file is one LKS: its rows are compared by name and kabupaten/kota as
resolved, whatever the region cells say beside them ("Kec. Banjarmasin Utara", a kecamatan left out), and the later
row is refused as a duplicate of the earlier, with words that read (no "yang sama sama")."""

import pytest

from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEADERS = ["Nama LKS", "Jenis layanan utama", "Kabupaten/Kota", "Kecamatan"]
ADVICE = "Bila keduanya memang LKS yang berbeda (mis. cabang satu yayasan), isi nomor tanda daftar masing-masing."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (["Kota Banjarmasin", "Banjarmasin Utara"], ["Kota Banjarmasin", "Kec. Banjarmasin Utara"]),
        (["Kota Banjarmasin", ""], ["Kota Banjarmasin", "Banjarmasin Utara"]),
        (["Banjarmasin", "Banjarmasin Utara"], ["Kota Banjarmasin", "Banjarmasin Tengah"]),
    ],
)
def test_a_new_lks_twice_in_a_file_with_its_region_written_differently_is_refused_once(
    tmp_path, board_member, first, second
):
    path = xlsx_file(
        tmp_path, [HEADERS, ["LKSA Baru Uji Tiga", "anak", *first], ["LKSA BARU  Uji Tiga", "anak", *second]]
    )
    result = run(path, board_member)
    assert problems_of(result) == [
        (3, "", "", f"Baris ini duplikat baris 2 (nama “LKSA BARU Uji Tiga” dan kabupaten/kota sama). {ADVICE}")
    ]
    assert not Organisation.objects.filter(name__icontains="Uji Tiga").exists()


def test_lks_of_one_name_in_two_kabupaten_kota_are_two_lks(tmp_path, province_admin):
    path = xlsx_file(
        tmp_path,
        [
            HEADERS,
            ["LKSA Nama Kembar", "anak", "Kota Banjarmasin", ""],
            ["LKSA Nama Kembar", "anak", "Kota Banjarbaru", ""],
        ],
    )
    result = run(path, province_admin, dry_run=True)
    assert (result.status, result.created, result.problems) == ("checked", 2, [])


def test_an_lks_written_twice_in_the_same_words_is_named_as_a_duplicate_without_a_doubled_word(tmp_path, board_member):
    row = ["LKSA Baru Uji Dua", "anak", "Kota Banjarmasin", "Banjarmasin Utara"]
    result = run(xlsx_file(tmp_path, [HEADERS, row, row]), board_member, dry_run=True)
    assert [p.message for p in result.problems] == [
        f"Baris ini duplikat baris 2 (nama “LKSA Baru Uji Dua” dan kabupaten/kota sama). {ADVICE}"
    ]


NUMBERED = ["Nama LKS", "Jenis layanan utama", "Kabupaten/Kota", "Kecamatan", "Nomor izin operasional"]
PASTED_TWICE = (
    "Baris ini duplikat baris 2 (nama “LKSA Review Sejahtera” dan kabupaten/kota sama). Satu baris berisi nomor tanda "
    "daftar atau izin dan yang lain tidak: hapus salah satunya. Bila keduanya memang LKS yang berbeda (mis. cabang "
    "satu yayasan), isi nomor masing-masing."
)


@pytest.mark.parametrize("numbered_first", [True, False])
def test_a_new_lks_pasted_twice_and_numbered_in_one_copy_only_is_refused_as_a_duplicate(
    tmp_path, board_member, numbered_first
):
    # Two drafts of one LKS otherwise, and a file that never imports again ("more than one LKS of this name").
    with_number = ["LKSA Review Sejahtera", "anak", "Kota Banjarmasin", "Banjarmasin Selatan", "460/999/DINSOS/2024"]
    without = ["LKSA Review Sejahtera", "anak", "Kota Banjarmasin", "", ""]
    rows = [with_number, without] if numbered_first else [without, with_number]
    result = run(xlsx_file(tmp_path, [NUMBERED, *rows]), board_member)
    assert problems_of(result) == [(3, "Nama LKS", "LKSA Review Sejahtera", PASTED_TWICE)]
    assert not Organisation.objects.filter(name="LKSA Review Sejahtera").exists()


def test_a_third_copy_without_number_is_told_once_that_it_repeats_the_first(tmp_path, board_member):
    with_number = ["LKSA Review Sejahtera", "anak", "Kota Banjarmasin", "Banjarmasin Selatan", "460/999/DINSOS/2024"]
    without = ["LKSA Review Sejahtera", "anak", "Kota Banjarmasin", "", ""]
    result = run(xlsx_file(tmp_path, [NUMBERED, without, with_number, without]), board_member, dry_run=True)
    assert [(p.row, p.message) for p in result.problems] == [
        (3, PASTED_TWICE),
        (4, f"Baris ini duplikat baris 2 (nama “LKSA Review Sejahtera” dan kabupaten/kota sama). {ADVICE}"),
    ]


def test_lks_of_one_name_in_one_kabupaten_kota_with_numbers_of_their_own_are_two_lks(tmp_path, board_member):
    rows = [
        ["LKSA Cabang Kembar", "anak", "Kota Banjarmasin", "", "460/1/DINSOS/2024"],
        ["LKSA Cabang Kembar", "anak", "Kota Banjarmasin", "", "460/2/DINSOS/2024"],
    ]
    result = run(xlsx_file(tmp_path, [NUMBERED, *rows]), board_member)
    assert (result.status, result.created, result.problems) == ("succeeded", 2, [])


def test_two_stored_lks_of_one_name_one_numbered_one_not_are_updated_together(tmp_path, board_member):
    # Branches of one foundation in Kota Banjarmasin, one registered and one not yet: each row reaches its own
    # stored LKS, so the file is two updates, not one LKS written twice.
    OrganisationFactory(name="LKSA Harapan Bunda", region_id="63.71.01.1001", registration_number="TD/HB/1")
    OrganisationFactory(name="LKSA Harapan Bunda", region_id="63.71.04.1002", registration_number="")
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]
    rows = [
        ["LKSA Harapan Bunda", "anak", "63.71.01.1001", "TD/HB/1", 40],
        ["LKSA Harapan Bunda", "anak", "63.71.04.1002", "", 25],
    ]
    result = run(xlsx_file(tmp_path, [headers, *rows]), board_member, dry_run=True)
    assert (result.status, result.created, result.updated, result.problems) == ("checked", 0, 2, [])


def test_a_registered_lks_updated_beside_a_new_branch_of_its_name_without_a_number_is_two_lks(tmp_path, board_member):
    OrganisationFactory(name="LKSA Cahaya", region_id="63.71.01.1001", registration_number="TD/C/1")
    headers = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)"]
    rows = [["LKSA Cahaya", "anak", "63.71.01.1001", "TD/C/1", 40], ["LKSA Cahaya", "anak", "63.71.04.1002", "", 25]]
    result = run(xlsx_file(tmp_path, [headers, *rows]), board_member, dry_run=True)
    assert result.problems == [], problems_of(result)
