"""Findings of a review by a new user: an empty upload, web pages named .xls, the CSV progress total, Indonesian
month abbreviations, and instructions that agree with the template's dropdowns."""

import codecs
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import CSV, FileRefused, inspect, open_table
from sinergi.exchange.models import ImportJob
from sinergi.exchange.values import parse_date
from sinergi.exchange.workbook import template_bytes
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, problems_of, run

HTML_MESSAGE = (
    "File ini halaman web (HTML) yang diberi nama seperti file spreadsheet, bukan file spreadsheet sebenarnya "
    "(banyak aplikasi mengekspor tabel dengan cara ini). Buka file di Excel atau LibreOffice, pilih Simpan "
    "Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu."
)
XML_MESSAGE = (
    "File ini “XML Spreadsheet 2003” (format XML lama dari Excel), yang tidak dapat dibaca di sini. Buka file di "
    "Excel atau LibreOffice, pilih Simpan Sebagai dengan jenis Excel Workbook (.xlsx), lalu unggah file .xlsx itu."
)


def refused(path) -> str:
    with pytest.raises(FileRefused) as error:
        inspect(path)
    return error.value.message


# ---------------------------------------------------------------------------------------------- an empty upload


@pytest.mark.django_db
def test_an_empty_upload_gets_the_apps_own_message_through_the_page_and_nothing_is_kept(client, board_member):
    client.force_login(board_member)

    response = client.post("/exchange/", {"entity": "lks", "file": SimpleUploadedFile("kosong.xlsx", b"")})

    assert response.status_code == 400
    page = response.content.decode()
    assert "File kosong (0 bita). Pilih file spreadsheet yang berisi data." in page
    assert "Berkas kosong" not in page
    assert not ImportJob.objects.exists()


# ---------------------------------------------------------------------------------------------- web pages as .xls


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><table><tr><td>Nama LKS</td></tr></table></body></html>",
        b"<!DOCTYPE html>\n<html lang='id'><head><title>Data</title></head></html>",
        b'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<HTML><BODY></BODY></HTML>',
        b"<table border='1'><tr><th>Nama LKS</th></tr></table>",
        codecs.BOM_UTF8 + b"\r\n  \t<html xmlns:o='urn:schemas-microsoft-com:office:office'><body></body></html>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        b"<!-- dibuat oleh SIKS -->\n<table><tr><td>1</td></tr></table>",
        codecs.BOM_UTF16_LE + "<html><body><table></table></body></html>".encode("utf-16-le"),
    ],
)
def test_a_web_page_named_as_a_spreadsheet_is_refused_with_what_to_do(tmp_path, content):
    path = tmp_path / "data_penerima.xls"
    path.write_bytes(content + b" " * 200)

    assert refused(path) == HTML_MESSAGE


def test_an_xml_spreadsheet_2003_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "data.xls"
    path.write_bytes(
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\n'
        b' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="Sheet1"><Table>'
        b'<Row><Cell><Data ss:Type="String">Nama LKS</Data></Cell></Row></Table></Worksheet></Workbook>'
    )

    assert refused(path) == XML_MESSAGE


@pytest.mark.django_db
def test_a_csv_whose_first_cell_begins_with_a_bracket_still_imports(tmp_path, board_member):
    path = csv_file(tmp_path, [["<5 tahun", *HEADERS], ["", "LKSA Kurung", "anak", "63.71.01.1001", "TD/K/1", "10"]])

    assert inspect(path).kind == CSV
    result = run(path, board_member)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Organisation.objects.get().name == "LKSA Kurung"


@pytest.mark.django_db
def test_a_web_page_upload_is_refused_through_the_page_and_nothing_is_kept(client, board_member):
    client.force_login(board_member)
    page = b"<html><body><table><tr><td>Nama LKS</td></tr></table></body></html>"

    response = client.post("/exchange/", {"entity": "lks", "file": SimpleUploadedFile("laporan.xls", page)})

    assert response.status_code == 400
    assert "File ini halaman web (HTML)" in response.content.decode()
    assert not ImportJob.objects.exists()


# ---------------------------------------------------------------------------------------------- CSV progress


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("last_line_ended", [True, False])
def test_a_csvs_total_counts_its_lines_not_the_break_after_the_last(tmp_path, ending, last_line_ended):
    lines = ["Nama LKS,Jenis layanan utama"] + [f"LKS {n},anak" for n in range(20)]
    path = tmp_path / "data.csv"
    path.write_text(ending.join(lines) + (ending if last_line_ended else ""), newline="")

    table = open_table(path, CSV)
    try:
        assert table.total == 21  # the header and 20 data rows
    finally:
        table.close()


@pytest.mark.django_db
def test_the_progress_of_a_csv_import_counts_its_data_rows(tmp_path, board_member):
    rows = [[f"LKSA Nomor {n}", "anak", "63.71.01.1001", f"TD/P/{n}", "10"] for n in range(30)]
    path = csv_file(tmp_path, [HEADERS, *rows])
    seen = []

    result = run(path, board_member, dry_run=True, progress=lambda phase, done, total: seen.append(total) and False)

    assert result.rows_total == 30
    assert set(seen) == {30}


# ---------------------------------------------------------------------------------------------- month names


@pytest.mark.parametrize(
    "written, day",
    [
        ("1 Peb 2025", datetime.date(2025, 2, 1)),
        ("1 Peb. 2025", datetime.date(2025, 2, 1)),
        ("3 Pebr 2025", datetime.date(2025, 2, 3)),
        ("3 Febr 2025", datetime.date(2025, 2, 3)),
        ("14 Febuari 2020", datetime.date(2020, 2, 14)),
        ("14 Pebuari 2020", datetime.date(2020, 2, 14)),
        ("5 Mrt 2021", datetime.date(2021, 3, 5)),
        ("17 Agus 2014", datetime.date(2014, 8, 17)),
        ("17 Spt 2014", datetime.date(2014, 9, 17)),
        # Already read before; kept so that none is lost.
        ("17 Agt 2014", datetime.date(2014, 8, 17)),
        ("17 Agu 2014", datetime.date(2014, 8, 17)),
        ("17 Ags 2014", datetime.date(2014, 8, 17)),
        ("10 Nop 2023", datetime.date(2023, 11, 10)),
        ("25 Des 2023", datetime.date(2023, 12, 25)),
        ("2 Mei 2022", datetime.date(2022, 5, 2)),
        ("2 Okt 2022", datetime.date(2022, 10, 2)),
    ],
)
def test_indonesian_month_abbreviations_are_read(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize("written", ["1 Ju 2025", "1 Ma 2025", "1 Pe 2025", "1 A 2025"])
def test_a_month_abbreviation_that_two_months_share_is_not_guessed(written):
    with pytest.raises(Exception, match="tidak dapat dibaca"):
        parse_date(written)


# ---------------------------------------------------------------------------------------------- the template


def instructions(entity: str) -> dict[str, list]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity(entity))))
    rows = book.get_sheet_by_name("Petunjuk").to_python()
    return {row[0]: row for row in rows if row and row[0]}


def dropdown(entity: str, header: str) -> list[str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity(entity))))
    lookup = book.get_sheet_by_name("Daftar").to_python()
    column = lookup[0].index(header)
    return [row[column] for row in lookup[1:] if row[column]]


@pytest.mark.django_db
def test_the_instructions_name_only_what_the_sex_dropdown_accepts_and_its_example_is_in_it():
    for entity, example in (("clients", "Laki-laki"), ("workers", "Perempuan")):
        row = instructions(entity)["Jenis kelamin"]
        accepted = dropdown(entity, "Jenis kelamin")

        assert accepted == ["Laki-laki", "Perempuan"]
        assert row[2] == "Laki-laki; Perempuan"
        assert row[3] == example


@pytest.mark.django_db
def test_the_instructions_show_no_internal_codes_of_a_choice_column():
    rows = instructions("clients")

    assert rows["Alasan NIK kosong"][2] == (
        "Wajib bila NIK kosong. Bayi/anak telantar, identitas belum diketahui; Hidup di jalan, belum punya dokumen "
        "kependudukan; Komunitas adat terpencil, belum terdaftar; Belum direkam Dukcapil; Tidak diketahui / belum "
        "diperoleh; Alasan lain"
    )
    listed = "\n".join(str(row[2]) for row in rows.values())
    for code in (
        "abandoned_infant",
        "not_yet_recorded",
        "reunified",
        "legal_obligation",
        "residential",
        "Laki-laki = L",
    ):
        assert code not in listed


@pytest.mark.django_db
def test_every_example_of_a_column_with_a_dropdown_is_in_its_dropdown():
    for entity in ("lks", "clients", "workers"):
        rows = instructions(entity)
        for column in get_entity(entity).import_columns():
            if not column.in_template or column.choices(None) is None or column.allows_many:
                continue
            example = rows[str(column.header)][3]
            if not example:
                continue
            assert example in dropdown(entity, str(column.header)), (entity, column.header, example)


@pytest.mark.django_db
def test_a_vocabulary_column_offers_its_labels_not_its_codes():
    header = "Kategori PPKS utama"
    assert dropdown("clients", header)[:2] == ["Anak Balita Telantar", "Anak Telantar"]
    column, _required, notes, example = instructions("clients")[header]
    assert "Anak Balita Telantar; Anak Telantar;" in notes and "anak_telantar" not in notes
    assert example == "Anak Telantar"
