"""Headers of the lists clerks keep by hand (seventy-seventh review): two tables side by side on one sheet, an
office's own "Status" column saying that a child has left, an address group over its street column, a numbering
row with a gap, and the notices that name what is missing or ignored."""

import datetime

import pytest
import xlsxwriter
from django.utils import translation
from django.utils.translation import trans_real

from sinergi.exchange.pipeline.header_notices import UNKNOWN_HEADERS_NAMED
from sinergi.exchange.tests.conftest import HEADERS, run, xlsx_file
from sinergi.exchange.tests.test_review76_messy_sheets import ANI, BUDI, HEADER, workbook
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------------------------------------- two tables


def test_two_tables_side_by_side_are_named_so_not_a_column_to_delete(tmp_path, world):  # noqa: F811
    # Putra in A–I, an empty column J, Putri in K–S, each table with its own header: "delete one of the columns"
    # would have the clerk delete the girls' table.
    path = tmp_path / "anak.xlsx"
    workbook(path, [["PUTRA", *[None] * 9, "PUTRI"], [*HEADER, None, *HEADER], [*BUDI, None, *ANI]])

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert result.message == (
        "Lembar ini berisi dua tabel berdampingan (kolom A–I dan K–S) dengan judul kolom yang sama. Pindahkan baris "
        "tabel kedua ke bawah baris tabel pertama (dengan satu baris judul saja), lalu unggah lagi."
    )
    assert not Person.objects.exists()


def test_one_title_written_twice_is_still_one_column_too_many(tmp_path, world):  # noqa: F811
    # A guard (passes either way): one repeated title, not a table, keeps the advice to delete one of them.
    path = tmp_path / "anak.xlsx"
    workbook(path, [[*HEADER, "Nama Lengkap"], [*BUDI, "Budi"]])

    result = run(path, world.operator, entity="clients")

    assert result.message == "Kolom “Nama Lengkap” ada dua kali (kolom B dan J). Hapus salah satunya."


# ---------------------------------------------------------------------------------------------- a status column


def test_a_status_column_saying_a_child_left_warns_as_the_notes_do(tmp_path, world):  # noqa: F811
    # "Status" is no column of ours (only the export's, read-only): ignored, it registered a dead child as served.
    path = tmp_path / "anak.xlsx"
    workbook(path, [[*HEADER, "Status"], [*BUDI, "Aktif"], [*ANI, "Meninggal"]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert [(w.row, w.column, w.value, w.message) for w in result.warnings if w.column == "Status"] == [
        (
            3,
            "Status",
            "Meninggal",
            "Kolom “Status” baris ini menyebut “Meninggal”, tetapi “Tanggal keluar” kosong: penerima layanan ini akan "
            "dicatat masih dilayani dan dihitung begitu. Bila ia sudah keluar atau meninggal, isi “Tanggal keluar” dan "
            "alasan keluarnya; bila tidak, abaikan peringatan ini.",
        )
    ]


def test_a_keterangan_status_column_saying_keluar_warns_too(tmp_path, world):  # noqa: F811
    path = tmp_path / "anak.xlsx"
    workbook(path, [[*HEADER, "Keterangan status"], [*BUDI, "Keluar (kembali ke orang tua)"], ANI])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert [(w.row, w.column, w.value) for w in result.warnings if w.column == "Keterangan status"] == [
        (2, "Keterangan status", "Keluar (kembali ke orang tua)")
    ]


def test_a_status_of_orphanhood_or_a_leaver_with_a_discharge_date_gets_no_such_warning(tmp_path, world):  # noqa: F811
    # A guard (passes either way): "Yatim" is no leaving, and a discharge date says it already.
    path = tmp_path / "anak.xlsx"
    header = [*HEADER, "Tanggal keluar", "Alasan keluar", "Status"]
    budi = [*BUDI, None, None, "Yatim piatu"]
    ani = [*ANI, datetime.date(2025, 6, 30), "Kembali ke keluarga", "Keluar"]
    workbook(path, [header, budi, ani])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "checked", [p.message for p in result.problems]
    assert not [w for w in result.warnings if w.column == "Status"]


# ---------------------------------------------------------------------------------------------- notices in English


def test_a_missing_region_column_is_named_as_the_file_names_it_with_or_in_the_reader_s_language(tmp_path, board_member):
    # An Indonesian template read by a user working in English: the columns stay the file's, the sentence theirs.
    path = xlsx_file(tmp_path, [["Nama LKS", "Jenis layanan utama", "Nomor tanda daftar"], ["LKSA Contoh", "", ""]])

    with translation.override("en"):
        result = run(path, board_member, dry_run=True)

    assert result.status == "refused"
    assert "“Kode wilayah (or Kabupaten/Kota, Kecamatan, Desa/Kelurahan)”" in result.message, result.message
    assert "atau" not in result.message


def test_a_missing_alternative_in_an_indonesian_file_is_unchanged_for_an_indonesian_reader(tmp_path, board_member):
    # A guard (passes either way): the same language on both sides keeps the entity's words as they are.
    path = xlsx_file(tmp_path, [["Nama LKS", "Jenis layanan utama", "Nomor tanda daftar"], ["LKSA Contoh", "", ""]])

    result = run(path, board_member, dry_run=True)

    assert "“Kode wilayah (atau Kabupaten/Kota, Kecamatan, Desa/Kelurahan)”" in result.message


@pytest.fixture
def english_plural_of_other_columns(monkeypatch):
    """The English plural forms of the count of unknown columns not named, as `make messages` writes them from
    locale/tools/en_strings.py (the lead runs it after merging): added here until the catalogue has them."""
    catalog = trans_real.translation("en")._catalog._catalogs[0]
    msgid = "%(columns)s, dan %(count)s kolom lain"
    forms = ("%(columns)s, and %(count)s other column", "%(columns)s, and %(count)s other columns")
    for index, text in enumerate(forms):
        if (msgid, index) not in catalog:
            monkeypatch.setitem(catalog, (msgid, index), text)


def test_one_more_unknown_column_than_the_notice_names_is_one_other_column(
    tmp_path,
    board_member,
    english_plural_of_other_columns,
):
    unknown = [f"Catatan {n}" for n in range(1, UNKNOWN_HEADERS_NAMED + 2)]
    header = [*HEADERS, *unknown]
    path = xlsx_file(tmp_path, [header, ["LKSA Contoh", "Panti", "63.71.01.1001", "TD/1", 10]])

    with translation.override("en"):
        result = run(path, board_member, dry_run=True)

    ignored = next(n for n in result.notices if n.startswith("Unknown columns ignored"))
    assert ignored.endswith(", and 1 other column."), ignored


# ---------------------------------------------------------------------------------------------- an address group


def lks_with_address_group(path, street_title: str) -> None:
    """An LKS list with "Alamat" merged over the street, the village, the district and the regency, the other titles
    merged down over both header rows."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data LKS")
    for column, title in enumerate(["Nama LKS", "Jenis layanan utama", "Nomor tanda daftar", "Kapasitas (orang)"]):
        sheet.merge_range(0, column, 1, column, title)
    sheet.merge_range(0, 4, 0, 7, "Alamat")
    for column, title in enumerate([street_title, "Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota"], start=4):
        sheet.write(1, column, title)
    lks = ["LKSA Contoh", "LKS Anak (LKSA)", "TD/CONTOH/1", "10", STREET, "Mantuil", "Banjarmasin Selatan",
           "Kota Banjarmasin"]  # fmt: skip
    for column, value in enumerate(lks):
        sheet.write_string(2, column, value)
    book.close()


STREET = "Jl. Ahmad Yani Km 2 No. 5 RT 03/RW 01"


@pytest.mark.parametrize("street_title", ["Jalan", "Nama jalan", "Jl./RT/RW", "JLN"])
def test_the_street_under_an_address_group_is_read_as_the_address(tmp_path, board_member, street_title):
    # "Jalan" was an unknown column: the LKS was registered without its street, with only the generic notice.
    path = tmp_path / "lks.xlsx"
    lks_with_address_group(path, street_title)

    result = run(path, board_member)

    assert (result.status, result.created, result.problems) == ("succeeded", 1, [])
    assert not [n for n in result.notices if "tidak dikenal" in n], result.notices
    assert Organisation.objects.get(name="LKSA Contoh").address == STREET


def test_rt_rw_alone_under_an_address_group_is_no_address(tmp_path, board_member):
    # A guard (passes either way): "RT/RW" is a part of an address, not the street the address column holds.
    path = tmp_path / "lks.xlsx"
    lks_with_address_group(path, "RT/RW")

    result = run(path, board_member, dry_run=True)

    assert "Kolom yang tidak dikenal diabaikan: “RT/RW”." in result.notices


# ---------------------------------------------------------------------------------------------- a numbering row


@pytest.mark.parametrize(
    "numbers",
    [
        [1, 2, 3, 4, 6, 7, 8, 9, 10],  # column E deleted after the table was numbered
        ["(1)", "(2)", "(3)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
        [1, 2, 3, 4, 5, 6, 7, 9, 11],  # two columns deleted, apart
    ],
)
def test_a_numbering_row_left_with_a_gap_by_a_deleted_column_is_skipped(tmp_path, world, numbers):  # noqa: F811
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, numbers, BUDI, ANI])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert (result.status, result.created, result.problems) == ("checked", 2, [])
    assert "Baris 2 berisi nomor kolom (1, 2, 3, …), bukan data, dan dilewati." in result.notices


@pytest.mark.parametrize(
    "numbers",
    [
        [1, 2, 4],  # too short to tell from counts
        [1, 3, 5, 7, 9],  # odd numbers: every step a gap
        [5, 6, 7, 9, 10],  # not counting from the first columns
        [1, 2, 3, 10, 11],  # a gap of columns no deletion leaves
    ],
)
def test_a_row_of_numbers_that_climbs_otherwise_is_no_numbering_row(tmp_path, world, numbers):  # noqa: F811
    # A guard (passes either way): such a row is read as data (and refused as a child without a name).
    path = tmp_path / "anak.xlsx"
    workbook(path, [HEADER, numbers, BUDI])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "refused"
    assert not any("nomor kolom" in notice for notice in result.notices)
