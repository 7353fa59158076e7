"""The error report's round trip: the user fixes the cells the report marks and uploads the report itself again.
Its messages must sit in the error column only (never in a data cell that would be imported), a marked cell must
show its value as the user wrote it (a date as a date), and a report of a report has one error column, the same one,
saying what is still wrong."""

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import inspect
from sinergi.exchange.workbook import error_report_bytes
from sinergi.people.models import Worker
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world

from .conftest import csv_file, run, xlsx_file

pytestmark = pytest.mark.django_db

WORKERS = "Data pekerja"
CLIENTS = "Data penerima layanan"
RED, YELLOW = "F8D7DA", "FFF3CD"
FUTURE = datetime.date.today().replace(day=1) + datetime.timedelta(days=400)


def report_of(path: Path, result, entity: str) -> bytes:
    return error_report_bytes(path=path, kind=inspect(path).kind, entity=get_entity(entity), result=result)


def data_sheet(content: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


def sheet_names(content: bytes) -> list[str]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).sheet_names


def sheet_rows(content: bytes, name: str) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(name).to_python()


def saved(tmp_path: Path, content: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def cell_look(content: bytes, ref: str) -> tuple[str | None, str]:
    """A data-sheet cell's background colour and number format code, as Excel shows them."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    cell = re.search(rf'<c r="{ref}"(?: s="(\d+)")?', sheet)
    assert cell is not None, f"no cell {ref} in the report"
    xfs = re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1].split("</cellXfs>")[0])
    xf = xfs[int(cell.group(1) or 0)]
    codes = {"0": "General", "14": "m/d/yyyy", "49": "@"}
    codes.update(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    fills = re.findall(r"<fill>.*?</fill>", styles.split("<fills")[1].split("</fills>")[0], re.S)
    colour = re.search(r'<fgColor rgb="FF([0-9A-F]{6})"', fills[int(re.search(r'fillId="(\d+)"', xf).group(1))])
    return (colour.group(1) if colour else None, codes[re.search(r'numFmtId="(\d+)"', xf).group(1)])


# ---------------------------------------------------------------------------------------------- short CSV rows


def test_a_short_csv_row_gets_its_message_in_the_error_column_and_the_fixed_report_imports_no_message(tmp_path):
    # Given a CSV whose first data row lost its trailing empty fields, with a wrong sex
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Sertifikasi/pelatihan", "Telepon"]
    path = csv_file(
        tmp_path,
        [
            headers,
            ["Hana Uji", "X", "psm", "Pengasuh"],
            ["Iwan Uji", "L", "psm", "Relawan", "Diklat", "0812-3333-1111"],
        ],
        delimiter=";",
    )
    result = run(path, world.operator, entity="workers")
    assert [(p.row, p.column) for p in result.problems] == [(2, "Jenis kelamin")]

    # When the report is made
    content = report_of(path, result, "workers")

    # Then the message is in the "Kesalahan impor" column, past every data column; the short row's cells stay empty
    rows = data_sheet(content)
    assert rows[0] == [*headers, "Kesalahan impor"]
    assert rows[1][:6] == ["Hana Uji", "X", "psm", "Pengasuh", "", ""]
    assert rows[1][6].startswith("Jenis kelamin: “X” tidak ada dalam daftar.")
    assert rows[2] == ["Iwan Uji", "L", "psm", "Relawan", "Diklat", "0812-3333-1111", ""]
    # wide enough to read a message (column G, the seventh), not Excel's default eight characters
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert float(re.search(r'<col min="7" max="7" width="([0-9.]+)"', sheet_xml).group(1)) >= 60

    # And fixing the marked cell and uploading the report stores no message as data
    rows[1][1] = "P"
    fixed = run(xlsx_file(tmp_path, rows, name="diperbaiki.xlsx", sheet=WORKERS), world.operator, entity="workers")
    assert (fixed.status, fixed.created) == ("succeeded", 2), fixed.problems
    assert Worker.objects.get(full_name="Hana Uji").certifications == ""


def test_the_report_offers_the_templates_dropdowns_and_instructions_to_fix_the_rows(tmp_path):
    # Given a workers file with a wrong sex, its columns in an order of the user's own
    world = people_world()
    headers = ["Telepon", "Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"]
    path = xlsx_file(tmp_path, [headers, ["0812-1", "Hana Uji", "X", "psm", "Pengasuh"]], sheet=WORKERS)
    result = run(path, world.operator, entity="workers")

    # When the report is made
    content = report_of(path, result, "workers")

    # Then its list columns have the template's dropdowns (warning, not blocking), in the file's own columns
    assert sheet_names(content) == [WORKERS, "Daftar kesalahan", "Petunjuk", "Daftar"]
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    validations = dict(re.findall(r'<dataValidation type="list" errorStyle="warning"[^>]*sqref="([A-Z]+)2:[A-Z]+\d+"'
                                  r'.*?<formula1>([^<]*)</formula1>', sheet_xml, re.S))  # fmt: skip
    assert set(validations) == {"C", "D", "E"}  # Jenis kelamin, Kategori PSKS, Peran; not the phone or the name
    # The lists are whole: the report's workbook writes row by row, and a list written column by column lost the
    # heads and first items of every list after the first
    report_lists = sheet_rows(content, "Daftar")
    from sinergi.exchange.workbook import template_bytes

    assert report_lists == sheet_rows(template_bytes(get_entity("workers")), "Daftar")
    assert "Laki-laki" in [row[0] for row in report_lists]
    # And its instructions are the template's, after how to use the report (seventy-fourth review)
    instructions = [row[0] for row in sheet_rows(content, "Petunjuk")]
    assert instructions[0] == "Cara memakai laporan ini"
    assert "Petunjuk pengisian templat impor pekerja sosial" in instructions


def test_a_problem_in_a_field_a_short_row_left_out_is_marked_in_its_column(tmp_path):
    # The row stops before "Peran", which is required: the empty Peran cell is the one to fill in.
    world = people_world()
    path = csv_file(
        tmp_path, [["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Telepon"], ["Hana Uji", "P", "psm"]]
    )
    result = run(path, world.operator, entity="workers")
    assert [(p.row, p.column) for p in result.problems] == [(2, "Peran")]

    content = report_of(path, result, "workers")

    rows = data_sheet(content)
    assert rows[1][:5] == ["Hana Uji", "P", "psm", "", ""]
    assert rows[1][5].startswith("Peran: ")
    assert cell_look(content, "D2") == (RED, "General")


# ---------------------------------------------------------------------------------------------- marked dates


def test_a_marked_date_cell_shows_a_date_and_a_marked_text_cell_stays_text(tmp_path):
    # Given a worker starting in the future (a problem on a date cell) and a phone that lost its leading zero
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Mulai bertugas", "Telepon"]
    path = xlsx_file(
        tmp_path,
        [headers, ["Dedi Uji", "L", "psm", "Pengasuh", FUTURE, 81234567890], ["Eka Uji", "P", "psm", "Pengasuh"]],
        sheet=WORKERS,
    )
    result = run(path, world.operator, entity="workers")
    assert sorted((p.row, p.column) for p in result.problems) == [(2, "Mulai bertugas"), (2, "Telepon")]

    content = report_of(path, result, "workers")

    # Then the marked date reads as a date (not the serial number 4xxxx) in a marked, date-formatted cell
    assert data_sheet(content)[1][4] == FUTURE
    assert cell_look(content, "E2") == (RED, "dd-mm-yyyy")
    # And the marked phone cell keeps the column's text format, so the number typed over it keeps its zero
    assert cell_look(content, "F2") == (RED, "@")


def test_a_warned_date_cell_shows_a_date(tmp_path):
    # An adult as an "anak telantar": the row imports, with a warning on the birth date.
    world = people_world()
    adult = datetime.date(1990, 4, 2)
    nik = nik_compose(district_code="63.71.01", birth_date=adult, sex="L", serial=3)
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
               "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    row = ["Budi Contoh", "L", adult, nik, "unknown", "anak_telantar", "Dalam panti (residensial)",
           datetime.date(2024, 1, 15), "Siti Contoh"]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, row], sheet=CLIENTS)
    result = run(path, world.operator, entity="clients", dry_run=True)
    assert (result.problems, [w.column for w in result.warnings]) == ([], ["Tanggal lahir", ""])

    content = report_of(path, result, "clients")

    assert data_sheet(content)[1][2] == adult
    assert cell_look(content, "C2") == (YELLOW, "dd-mm-yyyy")


# ---------------------------------------------------------------------------------------------- a report of a report

TOP = ["Nama lengkap", "Jenis kelamin", "Tanggal", "Kategori PSKS", "Peran"]
BOTTOM = ["", "", "lahir", "", ""]


def test_a_report_uploaded_again_gets_its_messages_in_the_same_error_column_on_the_right_rows(tmp_path):
    # Given a sheet as people keep it (title, a header over two rows, a blank row, a total row) with three bad rows
    world = people_world()
    path = xlsx_file(
        tmp_path,
        [
            ["DATA PEKERJA LKSA CONTOH"],  # 1
            [],  # 2
            TOP,  # 3
            BOTTOM,  # 4
            ["Ani Uji", "X", datetime.date(1990, 1, 1), "psm", "Pengasuh"],  # 5: sex
            [],  # 6
            ["Bayu Uji", "L", FUTURE, "psm", "Relawan"],  # 7: born in the future
            ["Cici Uji", "P", datetime.date(1991, 1, 1), "psk", "Relawan"],  # 8: category typo
            ["JUMLAH", "3 orang"],  # 9
        ],
        sheet=WORKERS,
    )
    first = run(path, world.operator, entity="workers")
    assert [(p.row, p.column) for p in first.problems] == [
        (5, "Jenis kelamin"),
        (7, "Tanggal lahir"),
        (8, "Kategori PSKS"),
    ]
    rows = data_sheet(report_of(path, first, "workers"))
    assert [row[5] != "" for row in rows[4:9]] == [True, False, True, True, False]

    # When the user fixes two of the rows in the report (leaving the old messages there) and uploads it
    rows[4][1] = "P"
    rows[6][2] = datetime.date(1992, 2, 2)
    corrected = xlsx_file(tmp_path, rows, name="laporan-diperbaiki.xlsx", sheet=WORKERS)
    second = run(corrected, world.operator, entity="workers")
    assert [(p.row, p.column) for p in second.problems] == [(8, "Kategori PSKS")]
    content = report_of(corrected, second, "workers")

    # Then the new report has one error column, the same one: the fixed rows' messages are gone, row 8 has its own
    again = data_sheet(content)
    assert [row.count("Kesalahan impor") for row in again] == [0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert again[3][5] == "Kesalahan impor" and max(len(row) for row in again) == 6
    assert [row[:2] for row in again] == [row[:2] for row in rows]  # every row where it was
    assert [row[5] for row in again[4:9]] == ["", "", "", again[7][5], ""]
    assert again[7][5].startswith("Kategori PSKS: “psk” tidak ada dalam daftar.")
    assert [row[:2] for row in sheet_rows(content, "Daftar kesalahan")[1:]] == [[8.0, "Kategori PSKS"]]

    # And once that row is fixed too, the report imports
    again[7][3] = "psm"
    done = run(xlsx_file(tmp_path, again, name="selesai.xlsx", sheet=WORKERS), world.operator, entity="workers")
    assert (done.status, done.created) == ("succeeded", 3)
    assert "Baris 9 berisi jumlah/total, bukan data, dan dilewati." in done.notices


def test_a_report_whose_problems_are_fixed_but_warnings_remain_keeps_no_old_messages(tmp_path):
    # Given a report of a clients file: one row with a wrong sex, one adult "anak telantar" (a warning)
    world = people_world()
    adult = datetime.date(1990, 4, 2)
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
               "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    rows = [
        ["Budi Contoh", "L", adult, nik_compose(district_code="63.71.01", birth_date=adult, sex="L", serial=3),
         "unknown", "anak_telantar", "Dalam panti (residensial)", datetime.date(2024, 1, 15), "Siti Contoh"],
        ["Dewi Contoh", "X", adult, nik_compose(district_code="63.71.01", birth_date=adult, sex="P", serial=4),
         "unknown", "anak_telantar", "Dalam panti (residensial)", datetime.date(2024, 1, 15), "Ina Contoh"],
    ]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, *rows], sheet=CLIENTS)
    first = run(path, world.operator, entity="clients", dry_run=True)
    assert [(p.row, p.column) for p in first.problems] == [(3, "Jenis kelamin")]
    report = data_sheet(report_of(path, first, "clients"))
    assert report[0][-1] == "Kesalahan impor" and report[2][-1] != ""

    # When the sex is fixed in the report and the report uploaded again (a run with warnings only)
    report[2][1] = "P"
    corrected = xlsx_file(tmp_path, report, name="laporan-diperbaiki.xlsx", sheet=CLIENTS)
    second = run(corrected, world.operator, entity="clients", dry_run=True)
    assert (second.status, second.problems, {w.row for w in second.warnings}) == ("checked", [], {2, 3})
    content = report_of(corrected, second, "clients")

    # Then its report is the rows and the warnings, the old error column now their warnings column, without the old
    # messages
    assert sheet_names(content) == [CLIENTS, "Peringatan", "Petunjuk", "Daftar"]
    again = data_sheet(content)
    assert again[0] == [*headers, "Peringatan impor"]
    assert [row[: len(headers)] for row in again[1:]] == [row[: len(headers)] for row in report[1:]]
    assert all(row[-1].startswith("Peringatan (baris ini tetap dapat diimpor): ") for row in again[1:])
    assert {row[0] for row in sheet_rows(content, "Peringatan")[1:]} == {2.0, 3.0}
    # And it imports again as it is
    third = run(saved(tmp_path, content, "laporan-peringatan.xlsx"), world.operator, entity="clients", dry_run=True)
    assert (third.status, third.created, third.problems) == ("checked", 2, [])


def test_a_report_with_two_error_columns_from_before_is_tidied_into_one(tmp_path):
    # Reports made before this fix got a second "Kesalahan impor" column on each round; the first one is kept.
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Kesalahan impor", "Kesalahan impor"]
    path = xlsx_file(
        tmp_path,
        [
            headers,
            ["Ani Uji", "P", "psm", "Pengasuh", "Jenis kelamin: lama", ""],
            ["Bayu Uji", "L", "psk", "Relawan", "Kategori PSKS: lama", "Kategori PSKS: lama juga"],
        ],
        sheet=WORKERS,
    )
    result = run(path, world.operator, entity="workers")
    assert [(p.row, p.column) for p in result.problems] == [(3, "Kategori PSKS")]

    rows = data_sheet(report_of(path, result, "workers"))

    assert rows[0] == headers[:5]  # the second column's header and messages gone
    assert rows[1] == ["Ani Uji", "P", "psm", "Pengasuh", ""]
    assert rows[2][:4] == ["Bayu Uji", "L", "psk", "Relawan"]
    assert rows[2][4].startswith("Kategori PSKS: “psk” tidak ada dalam daftar.") and len(rows[2]) == 5


def test_an_english_run_heads_its_error_column_in_english_and_its_report_imports_in_either_language(tmp_path):
    from django.utils import translation

    world = people_world()
    born = datetime.date(2014, 8, 17)
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan KK kosong", "Kategori PPKS",
               "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    nik = nik_compose(district_code="63.71.01", birth_date=born, sex="L", serial=5)
    bad = ["Budi Contoh", "X", born, nik, "unknown", "anak_telantar", "Dalam panti (residensial)",
           datetime.date(2024, 1, 15), "Siti Contoh"]  # fmt: skip
    path = xlsx_file(tmp_path, [headers, bad], sheet=CLIENTS)
    with translation.override("en"):
        first = run(path, world.operator, entity="clients", dry_run=True)
        report = data_sheet(report_of(path, first, "clients"))
    assert report[0][-1] == "Import errors"

    # Uploaded again by someone working in Indonesian, as it is: the column is known, and the new report has one
    again = xlsx_file(tmp_path, report, name="report.xlsx", sheet=CLIENTS)
    second = run(again, world.operator, entity="clients", dry_run=True)
    assert not any("Import errors" in notice for notice in second.notices), second.notices
    assert data_sheet(report_of(again, second, "clients"))[0] == [*headers, "Kesalahan impor"]


def test_the_report_uploaded_as_it_is_reads_its_rows_and_says_nothing_of_its_own_sheets(tmp_path):
    # Its list of problems and its warnings are rows of three values or more without our header: our own sheets,
    # never named as data left unread (nor taken for a second sheet of records)
    world = people_world()
    path = csv_file(
        tmp_path, [["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"], ["Hana Uji", "X", "psm", "Pengasuh"]]
    )
    result = run(path, world.operator, entity="workers")
    report = tmp_path / "laporan.xlsx"
    report.write_bytes(report_of(path, result, "workers"))
    again = run(report, world.operator, entity="workers", dry_run=True)
    assert [(p.row, p.column) for p in again.problems] == [(2, "Jenis kelamin")]
    assert not [notice for notice in again.notices if "tidak dibaca" in notice]


def test_a_formulas_text_in_a_date_column_stays_text_in_the_report_when_its_cell_is_edited(tmp_path):
    # A security review: "=…" written back as a plain string in a column not formatted as text becomes a formula
    # as soon as the user edits the cell (F2, Enter) to fix it.
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Kategori PSKS", "Peran"]
    path = csv_file(tmp_path, [headers, ["Hana Uji", "P", "=DATE(1990;1;1)", "psm", "Pengasuh"]], delimiter=",")
    result = run(path, world.operator, entity="workers")
    assert [(p.row, p.column) for p in result.problems] == [(2, "Tanggal lahir")]

    content = report_of(path, result, "workers")

    assert data_sheet(content)[1][2] == "=DATE(1990;1;1)"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    xfs = re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1].split("</cellXfs>")[0])
    style = lambda ref: xfs[int(re.search(rf'<c r="{ref}"(?: s="(\d+)")?', sheet).group(1) or 0)]  # noqa: E731
    # Excel's text mark, or (a date column: text since the sixtieth review) the Text format, on the marked (red) cell
    text_formats = {"49", *re.findall(r'<numFmt numFmtId="(\d+)" formatCode="@"', styles)}
    assert 'quotePrefix="1"' in style("C2") or re.search(r'numFmtId="(\d+)"', style("C2"))[1] in text_formats
    assert cell_look(content, "C2")[0] == RED
    assert 'quotePrefix="1"' not in style("A2")
