"""The seventy-first review: the error report wrote a cell whose formula failed in the uploaded file (#N/A of a
VLOOKUP, #DIV/0!, #REF!) as an empty cell, while its message named the error: the user fixing the report saw an empty
cell where their sheet showed "#N/A". The report now shows what the file showed, as text, and the corrected report
uploaded again still refuses a row whose cell says "#N/A"."""

import pytest

from sinergi.exchange.values import formula_error_message
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world

from .conftest import HEADERS, problems_of, run, xlsx_file
from .test_error_report_cycle import cell_look, data_sheet, report_of, saved
from .test_ods_xls_cells import klien_xls_with, ods_file, text

pytestmark = pytest.mark.django_db

RED = "F8D7DA"


def test_an_xlsx_cell_whose_formula_failed_shows_its_error_in_the_report(tmp_path, board_member):
    # Given an .xlsx whose phone lookup gave #N/A and whose region code lookup gave #REF!
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Telepon"],
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", ("=VLOOKUP(A2,Kontak!A:B,2,0)", "#N/A")],
            ["LKSA Dua", "anak", ("=VLOOKUP(A3,Kode!A:B,2,0)", "#REF!"), "TD/E/2", ("=1/0", "#DIV/0!"), "0511-1"],
        ],
    )
    result = run(path, board_member)
    assert result.status == "refused"

    # When its report is made
    content = report_of(path, result, "lks")

    # Then each such cell shows the error the file showed, marked, beside the message naming it
    rows = data_sheet(content)
    assert rows[1][5] == "#N/A" and rows[2][2] == "#REF!" and rows[2][4] == "#DIV/0!"
    assert rows[1][6] == f"Telepon: {formula_error_message('#N/A')}"
    assert cell_look(content, "F2")[0] == RED and cell_look(content, "C3")[0] == RED


def test_an_ods_cell_whose_formula_failed_shows_its_error_not_the_empty_text_or_0_it_reads_as(tmp_path, board_member):
    # Given an .ods as LibreOffice saves failed formulas: a #N/A kept as an empty text, a #DIV/0! as the number 0
    path = ods_file(
        tmp_path / "lks.ods",
        [
            "".join(text(header) for header in [*HEADERS, "Telepon"]),
            text("LKSA Satu") + text("anak") + text("63.71.01.1001") + text("TD/E/1")
            + '<table:table-cell office:value-type="float" office:value="30"><text:p>30</text:p></table:table-cell>'
            + '<table:table-cell table:formula="of:=VLOOKUP([.A2];$Kontak.A:B;2;0)" office:value-type="string" '
            'office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>',
            text("LKSA Dua") + text("anak") + text("63.71.01.1001") + text("TD/E/2")
            + '<table:table-cell table:formula="of:=[.F3]/0" office:value-type="float" office:value="0" '
            'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>' + text("0511-3252526"),
        ],
    )  # fmt: skip
    result = run(path, board_member)

    rows = data_sheet(report_of(path, result, "lks"))

    assert (rows[1][5], rows[2][4]) == ("#N/A", "#DIV/0!")


def test_an_xls_cell_whose_formula_failed_shows_its_error_in_the_report(tmp_path):
    # Given the clients .xls whose admission date on row 2 (=DATE(2024;1;15)) gave #N/A
    path = klien_xls_with(tmp_path, 0x0006, bytes([2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF]))
    world = people_world()
    result = run(path, world.operator, entity="clients")
    column = next(index for index, header in result.columns.items() if header == "Tanggal masuk *")

    rows = data_sheet(report_of(path, result, "clients"))

    assert rows[1][column] == "#N/A"


def test_the_report_uploaded_again_with_an_error_left_in_a_cell_still_refuses_that_row(tmp_path, board_member):
    # Given the report of an .xlsx whose phone lookup gave #N/A on row 2, its region code lookup #REF! on row 3
    path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Telepon"],
            ["LKSA Satu", "anak", "63.71.01.1001", "TD/E/1", "30", ("=VLOOKUP(A2,Kontak!A:B,2,0)", "#N/A")],
            ["LKSA Dua", "anak", ("=VLOOKUP(A3,Kode!A:B,2,0)", "#REF!"), "TD/E/2", "30", "0511-3252526"],
        ],
    )
    report = saved(tmp_path, report_of(path, run(path, board_member), "lks"), "laporan.xlsx")

    # When the user fixes row 3 in the report (its region code typed) and uploads it, the #N/A of row 2 left as it is
    rows = data_sheet(report.read_bytes())
    rows[2][2] = "63.71.01.1001"
    fixed = xlsx_file(tmp_path, rows, name="diperbaiki.xlsx")
    again = run(fixed, board_member)

    # Then row 2 is refused as before, naming the error, and "#N/A" is stored as no one's phone number
    assert again.status == "refused"
    assert problems_of(again) == [(2, "Telepon", "#N/A", formula_error_message("#N/A"))]
    assert not Organisation.objects.filter(name__startswith="LKSA ").exists()
    # ... and the report of that upload shows the text as it is, marked
    assert data_sheet(report_of(fixed, again, "lks"))[1][5] == "#N/A"


def test_the_clients_report_uploaded_again_with_its_date_cell_still_saying_na_refuses_that_row(tmp_path):
    # Given the clients .xls whose admission date gave #N/A, and its report uploaded again unchanged
    path = klien_xls_with(tmp_path, 0x0006, bytes([2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF]))
    world = people_world()
    report = saved(tmp_path, report_of(path, run(path, world.operator, entity="clients"), "clients"), "laporan.xlsx")

    again = run(report, world.operator, entity="clients")

    # Then the row is refused for the error in words, not read as a date nor as an empty cell
    assert [problem for problem in problems_of(again) if problem[0] == 2] == [
        (2, "Tanggal masuk *", "#N/A", formula_error_message("#N/A"))
    ]
    assert not Person.objects.filter(full_name__endswith="Contoh").exists()
