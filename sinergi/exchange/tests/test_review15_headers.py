"""Headers as offices write them: abbreviations ("Tgl Lhr"), a format hint in brackets ("(tgl/bln/thn)"), the
column's name again in brackets ("Nomor Induk Kependudukan (NIK)"), alternatives ("NIK/No. KTP") and a group title
over two columns ("NAMA ORANG TUA" over "AYAH" and "IBU") name the column they mean, so that its cells are read, not
dropped with a notice; a header naming someone else's column by guess stays unknown."""

import datetime

import pytest
import xlsxwriter

from sinergi.core.crypto import decrypt
from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import header_column, header_index
from sinergi.exchange.tests.conftest import csv_file, run
from sinergi.people.models import Person, Worker
from sinergi.people.tests.test_exchange import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def key_of(entity: str, header: str) -> str | None:
    column = header_column(header, header_index(get_entity(entity)))
    return column.key if column is not None else None


@pytest.mark.parametrize(
    ("entity", "header", "key"),
    [
        ("workers", "Tanggal Lahir (tgl/bln/thn)", "birth_date"),
        ("workers", "NIK/No. KTP", "nik"),
        ("workers", "Tgl Mulai Tugas", "started_on"),
        ("workers", "No. Telp/HP", "phone"),
        ("clients", "Tgl Lhr", "birth_date"),
        ("clients", "Tmpt Lahir", "birth_place"),
        ("clients", "Nomor Induk Kependudukan (NIK)", "nik"),
        ("clients", "No. Kartu Keluarga", "kk"),
        ("clients", "Tanggal Masuk Panti", "admitted_on"),
        ("clients", "Tgl Masuk LKS", "admitted_on"),
        ("clients", "Nama Lengkap (sesuai KK)", "full_name"),
        ("clients", "Tanggal lahir (tanggal-bulan-tahun)", "birth_date"),
        ("lks", "Kel/Desa", "village_name"),
        ("lks", "Kepala Panti", "head_name"),
        ("lks", "Nama Pimpinan/Ketua", "head_name"),
    ],
)
def test_common_variants_of_a_header_name_its_column(entity, header, key):
    assert key_of(entity, header) == key


@pytest.mark.parametrize(
    "header",
    [
        "Nama Orang Tua",  # the father's or the mother's?
        "Nama Ayah/Ibu",  # "Nama Ayah" or "Nama Ibu": two columns
        "Nama Orang Tua/Wali",  # a parent's name is no guardian's
        "NIK (sesuai KK Ayah)",  # the father's number, not the child's
        "NIK/KK",  # two columns
        "Tempat/Tgl Lahir",  # two columns in one cell, warned about as such
    ],
)
def test_a_header_that_may_mean_another_column_stays_unknown(header):
    assert key_of("clients", header) is None


def test_a_workers_file_with_variant_headers_imports_every_column(tmp_path, world):  # noqa: F811
    path = csv_file(
        tmp_path,
        [
            [
                "Nama lengkap",
                "Jenis kelamin",
                "Tanggal Lahir (tgl/bln/thn)",
                "NIK/No. KTP",
                "Kategori PSKS",
                "Jabatan",
                "Tgl Mulai Tugas",
                "No. Telp/HP",
            ],
            [
                "Varian Pekerja Satu",
                "P",
                "12/03/1985",
                "6371015203850001",
                "lks",
                "Pengasuh",
                "01/07/2020",
                "0812-5555-0001",
            ],
        ],  # fmt: skip
        delimiter=";",
    )
    result = run(path, world.operator, entity="workers")
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    assert not any("tidak dikenal" in notice for notice in result.notices)
    worker = Worker.objects.get(full_name="Varian Pekerja Satu")
    assert worker.birth_date == datetime.date(1985, 3, 12)
    assert worker.started_on == datetime.date(2020, 7, 1)
    assert decrypt(worker.nik_encrypted) == "6371015203850001"
    assert worker.phone


def _grouped_parents_file(tmp_path, more: list[str], group: str, values: list[str]):
    """A clients sheet with a two-row header: titles merged down over both rows, and `group` merged over "AYAH" and
    "IBU" after NAMA, JK, TGL LAHIR, NIK and `more`; one row of `values` (then the columns every row needs)."""
    path = tmp_path / "rekap.xlsx"
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
    sheet = book.add_worksheet("Rekap")
    before = ["NAMA", "JK", "TGL LAHIR", "NIK", *more]
    after = ["ALASAN KK KOSONG", "KATEGORI PPKS", "BENTUK LAYANAN", "TANGGAL MASUK"]
    for column, title in enumerate(before):
        sheet.merge_range(0, column, 1, column, title)
    sheet.merge_range(0, len(before), 0, len(before) + 1, group)
    sheet.write_row(1, len(before), ["AYAH", "IBU"])
    for column, title in enumerate(after, start=len(before) + 2):
        sheet.merge_range(0, column, 1, column, title)
    sheet.write_row(2, 0, [*values, "unknown", "anak_telantar", "Dalam panti", "05-01-2024"])
    book.close()
    return path


def test_the_mothers_name_under_a_parents_group_title_is_read(tmp_path, world):  # noqa: F811
    # Given the usual office table: "NAMA ORANG TUA" merged over "AYAH" and "IBU"
    path = _grouped_parents_file(
        tmp_path, [], "NAMA ORANG TUA", ["Grup Satu", "L", "03-04-2012", "6371010304120077", "Ayah Satu", "Ibu Satu"]
    )
    # When it is imported, the mother's name (a key that finds the child again) is kept with the father's
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 1), result.problems
    person = Person.objects.get(full_name="Grup Satu")
    assert (person.father_name, person.mother_name) == ("Ayah Satu", "Ibu Satu")


def test_an_unknown_header_close_to_a_known_one_is_named_with_the_column_it_may_mean(tmp_path, world):  # noqa: F811
    path = csv_file(
        tmp_path,
        [
            ["Nama lengkap", "Jenis kelamin", "Tangal Lahir", "Kategori PSKS", "Peran", "Nama Orang Tua"],
            ["Salah Eja", "P", "12-03-1985", "lks", "Pengasuh", "Siti"],
        ],
    )
    result = run(path, world.operator, entity="workers", dry_run=True)
    assert (
        "Kolom yang tidak dikenal diabaikan: “Tangal Lahir” (maksudnya “Tanggal lahir”?), “Nama Orang Tua”."
        in result.notices
    )


def test_ayah_and_ibu_under_another_group_title_are_not_read_as_the_parents_names(tmp_path, world):  # noqa: F811
    # "PEKERJAAN ORANG TUA" merged over "AYAH" and "IBU": occupations, not names
    row = ["Grup Dua", "L", "03-04-2012", "6371010304120077", "Siti Dua", "Petani", "Ibu Rumah Tangga"]
    path = _grouped_parents_file(tmp_path, ["NAMA IBU KANDUNG"], "PEKERJAAN ORANG TUA", row)
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 1), [p.message for p in result.problems]
    person = Person.objects.get(full_name="Grup Dua")
    assert (person.father_name, person.mother_name) == ("", "Siti Dua")
    assert any("ORANG TUA AYAH”" in notice and "ORANG TUA IBU”" in notice for notice in result.notices), result.notices


@pytest.mark.parametrize(
    ("entity", "header"),
    [
        ("lks", "No. Izin Operasional/Tgl"),  # the number and its date in one cell
        ("lks", "No. Akta/Tgl"),
        ("workers", "Tgl Mulai/Selesai"),
        ("workers", "Mulai/Berhenti Tugas"),
        ("clients", "Alamat/Desa Asal"),
        ("clients", "Tgl Masuk/Terminasi"),
        ("clients", "Status/Keterangan"),
        ("clients", "Ayah"),  # an occupation or a name: which, only a group title over it can say
    ],
)
def test_headers_holding_something_besides_a_column_stay_unknown(entity, header):
    assert key_of(entity, header) is None


def test_an_unknown_header_about_another_person_gets_no_hint_towards_the_persons_column(tmp_path, world):  # noqa: F811
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Tgl Lahir Ibu", "No. KK/NIK"]
    path = csv_file(tmp_path, [headers, ["Hint Uji", "P", "lks", "Pengasuh", "01-01-1960", "6371"]])
    result = run(path, world.operator, entity="workers", dry_run=True)
    [unknown] = [notice for notice in result.notices if notice.startswith("Kolom yang tidak dikenal")]
    assert "maksudnya" not in unknown and "“Tgl Lahir Ibu”" in unknown
