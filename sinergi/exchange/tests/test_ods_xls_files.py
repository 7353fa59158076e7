"""OpenDocument (.ods) and old Excel (.xls) uploads: our import templates filled in LibreOffice Calc 7.4 and saved
in each format (files/ods_xls/, made by files/ods_xls/README.md's steps), read to the same records as the same data
in an .xlsx, and refused, clearly, when protected, damaged or not a spreadsheet. Synthetic data only; the NIKs are
made with nik_compose like the people factories'."""

import datetime
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from django.db import transaction
from python_calamine import CalamineWorkbook

from sinergi.core.crypto import decrypt
from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import CSV, ODS, XLS, XLSX, FileRefused, inspect, open_table, read_all
from sinergi.exchange.workbook import error_report_bytes
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person, Placement
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world

from .conftest import problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files" / "ods_xls"
PASSWORD = (
    "File ini dilindungi kata sandi, jadi tidak dapat dibaca. Buka file, hapus kata sandinya, simpan, lalu unggah "
    "lagi. Di Excel: File › Info › Lindungi Buku Kerja › Enkripsikan dengan Kata Sandi, kosongkan sandinya. Di "
    "LibreOffice: Berkas › Simpan Sebagai, hilangkan centang “Simpan dengan kata sandi”."
)
LKS_FIELDS = ("name", "region_id", "registration_number", "registration_issued_on", "capacity", "deed_date", "address",
              "phone", "head_name", "primary_service_kind_id")  # fmt: skip
LKS_HEADERS = ["Nama LKS", "Jenis layanan utama", "Kode wilayah", "Nomor tanda daftar", "Kapasitas (orang)",
               "Tanggal tanda daftar", "Tanggal akta", "Alamat", "Telepon", "Nama pimpinan"]  # fmt: skip
# The rows typed into files/ods_xls/lks.* (row 4 hidden there), as an .xlsx would hold them.
LKS_ROWS = [
    ["LKSA Format Satu", "anak", "63.71.01.1001", "TD/ODS/1", 25, datetime.date(2021, 3, 4),
     datetime.date(2019, 7, 1), "Jl. Contoh No. 1", "0511-123456", None],
    ["LKSA Format Dua", "anak", "63.71.01.1001", "TD/ODS/2", 40, None, None, None, None, "Ahmad Contoh"],
    ["LKSA Format Tersembunyi", "anak", "63.71.01.1001", "TD/ODS/3", 10, None, None, None, None, None],
]  # fmt: skip
BOY, GIRL = datetime.date(2014, 8, 17), datetime.date(2012, 3, 5)
NIK_BOY = nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=1)
NIK_GIRL = nik_compose(district_code="63.71.02", birth_date=GIRL, sex="P", serial=2)
CLIENT_HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
                  "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
# files/ods_xls/klien.*: birth dates typed as dates, admission dates as formulas (=DATE(2024;1;15) and that +3).
CLIENT_ROWS = [
    ["Budi Contoh", "L", BOY, NIK_BOY, "unknown", "anak_telantar", "Dalam panti (residensial)",
     datetime.date(2024, 1, 15), "Siti Contoh"],
    ["Ani Contoh", "P", GIRL, NIK_GIRL, "unknown", "anak_telantar", "Dalam panti (residensial)",
     datetime.date(2024, 1, 18), "Rina Contoh"],
]  # fmt: skip


def refused(path: Path) -> str:
    with pytest.raises(FileRefused) as error:
        inspect(path)
    return error.value.message


def imported_lks(path: Path, actor):
    """The import's result and the LKS it stored, then rolled back, so that each format starts from the same data."""
    with transaction.atomic():
        result = run(path, actor)
        records = list(
            Organisation.objects.filter(name__startswith="LKSA Format").order_by("name").values_list(*LKS_FIELDS)
        )
        transaction.set_rollback(True)
    return result, records


def imported_clients(path: Path, actor):
    with transaction.atomic():
        result = run(path, actor, entity="clients")
        people = list(
            Person.objects.order_by("full_name").values_list(
                "full_name", "sex", "birth_date", "nik_hash", "nik_masked", "mother_name", "organisation_id"
            )
        )
        placements = list(
            Placement.objects.order_by("person__full_name").values_list(
                "person__full_name", "admitted_on", "setting", "ppks_category__code", "status"
            )
        )
        transaction.set_rollback(True)
    return result, people, placements


# ---------------------------------------------------------------------------------------------- recognised


@pytest.mark.parametrize(("name", "kind"), [("lks.ods", ODS), ("lks.xls", XLS), ("klien.ods", ODS)])
def test_ods_and_xls_files_are_recognised_by_content_whatever_their_name(tmp_path, name, kind):
    renamed = tmp_path / "data.xlsx"
    shutil.copy(FILES / name, renamed)
    assert inspect(renamed).kind == kind


@pytest.mark.parametrize("name", ["lks.ods", "lks.xls"])
def test_an_lks_file_saved_by_libreoffice_imports_the_same_records_as_the_same_data_in_xlsx(
    tmp_path, board_member, name
):
    # Given the LKS template filled in Calc and saved as .ods or .xls, and the same rows in an .xlsx
    xlsx = xlsx_file(tmp_path, [LKS_HEADERS, *LKS_ROWS], sheet="Data LKS")
    expected_result, expected = imported_lks(xlsx, board_member)
    assert expected_result.status == "succeeded", problems_of(expected_result)
    # When the .ods or .xls is imported
    result, records = imported_lks(FILES / name, board_member)
    # Then it stores the same three LKS, field by field (dates typed and from =DATE(), numbers, codes, text)
    assert (result.status, result.created, problems_of(result)) == ("succeeded", 3, [])
    assert records == expected
    assert records[0][:6] == ("LKSA Format Dua", "63.71.01.1001", "TD/ODS/2", None, 40, None)
    assert records[1][3:6] == (datetime.date(2021, 3, 4), 25, datetime.date(2019, 7, 1))
    # And the data sheet is found past the instructions sheet, the row hidden in Calc is named
    assert result.notices[:1] == ["Data dibaca dari lembar “Data LKS”."]
    assert "Baris tersembunyi di lembar ini (disaring atau disembunyikan) ikut dibaca: 4." in result.notices


@pytest.mark.parametrize("name", ["klien.ods", "klien.xls"])
def test_a_clients_file_saved_by_libreoffice_imports_the_same_people_as_the_same_data_in_xlsx(tmp_path, name):
    world = people_world()
    xlsx = xlsx_file(tmp_path, [CLIENT_HEADERS, *CLIENT_ROWS], sheet="Data penerima layanan")
    expected_result, expected_people, expected_placements = imported_clients(xlsx, world.operator)
    assert expected_result.status == "succeeded", problems_of(expected_result)

    result, people, placements = imported_clients(FILES / name, world.operator)

    assert (result.status, result.created, problems_of(result)) == ("succeeded", 2, [])
    assert (people, placements) == (expected_people, expected_placements)
    # The admission dates were formulas in Calc (=DATE(2024;1;15), and +3 for the second child)
    assert [row[1] for row in placements] == [datetime.date(2024, 1, 18), datetime.date(2024, 1, 15)]
    assert [row[2] for row in people] == [GIRL, BOY]


def test_a_nik_typed_as_a_number_in_an_xls_by_libreoffice_keeps_its_16_digits_and_is_read():
    # Given an .xls saved by LibreOffice whose NIK cell holds the number 6371011708140001 (the column not formatted
    # as text). LibreOffice keeps all 16 digits; Excel would have stored …0000, which is refused.
    world = people_world()
    cells = read_all(FILES / "nik_angka.xls", XLS)[1][1]
    assert float(NIK_BOY) in cells
    # When it is imported, then the NIK is the one typed
    result = run(FILES / "nik_angka.xls", world.operator, entity="clients")
    assert result.status == "succeeded", result.problems
    assert decrypt(Person.objects.get().nik_encrypted) == NIK_BOY


def test_numbers_of_an_xls_reach_the_rules_as_floats_as_from_an_xlsx():
    # calamine gives an .xls's whole numbers as int; the rules were written for an .xlsx's floats
    row = read_all(FILES / "lks.xls", XLS)[1][1]
    capacity = next(cell for cell in row if isinstance(cell, int | float))
    assert (capacity, type(capacity)) == (25.0, float)


# ---------------------------------------------------------------------------------------------- refused


@pytest.mark.parametrize("name", ["sandi.ods", "sandi.xls"])
def test_a_password_protected_ods_or_xls_is_refused_with_how_to_remove_the_password(name):
    # sandi.ods: saved by Calc with a password. sandi.xls: lks.xls with its globals marked encrypted (a FILEPASS
    # record in place of WRITEACCESS): Calc's API here cannot write an encrypted .xls.
    assert refused(FILES / name) == PASSWORD


def test_a_password_protected_xls_that_reaches_the_reader_is_refused_too():
    with pytest.raises(FileRefused) as error:
        open_table(FILES / "sandi.xls", XLS)
    assert error.value.message == PASSWORD


def test_a_word_97_document_is_refused_as_a_document():
    assert (
        refused(FILES / "surat.doc") == "Ini dokumen Word, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."
    )


def test_an_opendocument_text_is_refused_as_a_document(tmp_path):
    path = tmp_path / "surat.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    assert refused(path) == (
        "Ini dokumen OpenDocument (.odt), bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."
    )


def test_a_zip_bomb_disguised_as_an_ods_is_refused_by_the_caps(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_UNCOMPRESSED_BYTES": 5 * 1024 * 1024}
    path = tmp_path / "bom.ods"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        archive.writestr("content.xml", b"<" + b"0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert "bom zip" in refused(path)


def test_a_truncated_ods_is_refused_as_a_damaged_ods(tmp_path):
    good = (FILES / "lks.ods").read_bytes()
    path = tmp_path / "rusak.ods"
    # The end of the zip (its directory) is cut off: the file cannot be opened as a zip at all.
    path.write_bytes(good[: len(good) // 2])
    assert refused(path) == (
        "File ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu unggah lagi."
    )


def test_an_ods_with_a_damaged_part_is_refused_as_a_damaged_ods(tmp_path):
    # A whole zip directory, but content.xml's compressed bytes overwritten: found when inflating it.
    data = bytearray((FILES / "lks.ods").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("content.xml")
    start = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
    data[start + 10 : start + 200] = b"\xff" * 190
    path = tmp_path / "rusak.ods"
    path.write_bytes(bytes(data))
    assert refused(path) == (
        "File OpenDocument (.ods) ini rusak atau tidak lengkap. Buka di LibreOffice atau Excel, simpan ulang, lalu "
        "unggah lagi."
    )


def test_a_truncated_xls_is_refused_as_a_damaged_xls(tmp_path):
    good = (FILES / "lks.xls").read_bytes()
    path = tmp_path / "rusak.xls"
    path.write_bytes(good[:2048])
    assert refused(path) == (
        "File Excel lama (.xls) ini rusak atau tidak lengkap. Buka di Excel atau LibreOffice, simpan ulang, lalu "
        "unggah lagi."
    )


# ---------------------------------------------------------------------------------------------- report


def test_the_error_report_of_an_ods_import_is_an_xlsx_holding_the_original_rows(operator):
    # Given an .ods of LKS imported by an LKS operator (who may not add LKS): refused row by row
    path = FILES / "lks.ods"
    result = run(path, operator, dry_run=True)
    assert result.status == "refused" and result.problems
    # When its error report is made
    report = error_report_bytes(path=path, kind=ODS, entity=get_entity("lks"), result=result)
    # Then it is an .xlsx whose data sheet holds the .ods's rows as they were, with the error column
    assert report[:4] == b"PK\x03\x04" and inspect_bytes(report) == XLSX
    rows = CalamineWorkbook.from_filelike(io.BytesIO(report)).get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[:4]] == [
        "Nama LKS *",
        "LKSA Format Satu",
        "LKSA Format Dua",
        "LKSA Format Tersembunyi",
    ]
    assert rows[1][5] == 25
    assert rows[1][9] == datetime.date(2019, 7, 1)
    assert all(row[-1] for row in rows[1:4])  # every refused row has its message


def inspect_bytes(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return XLSX if "xl/workbook.xml" in archive.namelist() else CSV
