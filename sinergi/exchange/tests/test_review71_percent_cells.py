"""The seventy-first review: a number cell formatted as a percent in an .xlsx (0.25 shown "25%") was quoted in messages
as 0.25 and stored as calamine gives it: "100%" in Kapasitas as 1, "12.50%" as 125 (its text "0.125" read as a
thousands separator), "25%" in a text column as "0.25". It is now read as the sheet shows it. Every name here is made
up."""

import re
import zipfile

import pytest
import xlsxwriter

from sinergi.exchange.files.xlsx_xml import _percent_decimals
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, problems_of, run
from .test_ods_xls_cells import ods_file, text

pytestmark = pytest.mark.django_db

ISSUER = "Penerbit izin operasional"


def sheet_with_formats(tmp_path, rows, name="persen.xlsx"):
    """An .xlsx of `rows` under HEADERS and ISSUER; a (number, format) pair is a number cell with that format."""
    path = tmp_path / name
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
    formats: dict[str, object] = {}
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, [*HEADERS, ISSUER])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                number, code = value
                sheet.write_number(r, c, number, formats.setdefault(code, book.add_format({"num_format": code})))
            else:
                sheet.write(r, c, value)
    book.close()
    return path


def test_a_percent_in_a_number_column_is_refused_quoted_as_the_sheet_shows_it(tmp_path, board_member):
    rows = [
        ["LKSA Persen Satu", "anak", "63.71.01.1001", "460/1/2024", (1.0, "0%"), "Dinsos"],
        ["LKSA Persen Dua", "anak", "63.71.01.1001", "460/2/2024", (0.125, "0.00%"), "Dinsos"],
    ]

    result = run(sheet_with_formats(tmp_path, rows), board_member)

    assert problems_of(result) == [
        (2, "Kapasitas (orang)", "100%", "“100%” bukan bilangan bulat."),
        (3, "Kapasitas (orang)", "12.50%", "“12.50%” bukan bilangan bulat."),
    ]
    assert not Organisation.objects.exists()


def test_a_percent_in_a_text_column_is_stored_as_the_sheet_shows_it(tmp_path, board_member):
    rows = [
        ["LKSA Persen Satu", "anak", "63.71.01.1001", "460/1/2024", 10, (0.25, "0%")],
        ["LKSA Persen Dua", "anak", "63.71.01.1001", "460/2/2024", 10, (0.125, "0.0%")],  # a format of its own
        ["LKSA Persen Tiga", "anak", "63.71.01.1001", "460/3/2024", 10, (0.5, "0.00")],  # no percent: a number
    ]

    result = run(sheet_with_formats(tmp_path, rows), board_member)

    assert (result.status, result.created) == ("succeeded", 3), problems_of(result)
    assert dict(Organisation.objects.values_list("name", "permit_issuer")) == {
        "LKSA Persen Satu": "25%",
        "LKSA Persen Dua": "12.5%",
        "LKSA Persen Tiga": "0.5",
    }


def test_a_percent_cell_written_with_its_style_before_its_reference_is_read_as_shown(tmp_path, board_member):
    written = sheet_with_formats(tmp_path, [["LKSA Persen", "anak", "63.71.01.1001", "460/1/2024", 10, (0.25, "0%")]])
    swapped = tmp_path / "urutan.xlsx"  # <c s="1" r="F2">: another program's order of the attributes
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(swapped, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<c r="([A-Z]+[0-9]+)" s="([0-9]+)"', rb'<c s="\2" r="\1"', data)
                assert b'<c s="' in data
            target.writestr(item, data)

    result = run(swapped, board_member)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Organisation.objects.get().permit_issuer == "25%"


def test_a_fraction_in_a_whole_number_column_is_refused_not_read_as_thousands(tmp_path, board_member):
    rows = [["LKSA Pecahan", "anak", "63.71.01.1001", "460/1/2024", 0.125, "Dinsos"]]

    result = run(sheet_with_formats(tmp_path, rows), board_member)

    assert problems_of(result) == [(2, "Kapasitas (orang)", "0.125", "“0.125” bukan bilangan bulat.")]


@pytest.mark.parametrize(
    ("code", "decimals"),
    [
        ("0%", 0),
        ("0.0%", 1),
        ("#,##0.00%", 2),
        ("[Red]0.000%;[Blue]-0.000%", 3),
        ('0"%"', None),  # a percent sign shown as text: the number is not multiplied
        ("0\\%", None),
        ("0.00", None),
        ("dd-mm-yyyy", None),
    ],
)
def test_the_percent_formats_and_their_decimals(code, decimals):
    assert _percent_decimals(code) == decimals


def percentage(value: float, shown: str, repeated: int = 1) -> str:
    """An .ods cell as LibreOffice saves a percentage (its type named twice), repeated over `repeated` columns."""
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return (
        f'<table:table-cell office:value-type="percentage" office:value="{value}" calcext:value-type="percentage"'
        f"{repeat}><text:p>{shown}</text:p></table:table-cell>"
    )


def test_a_percentage_in_an_ods_is_read_as_the_sheet_shows_it_as_in_an_xlsx(tmp_path, board_member):
    cells = [text("LKSA Persen Satu"), text("anak"), text("63.71.01.1001"), text("460/1/2024")]
    rows = [
        "".join(text(header) for header in [*HEADERS, ISSUER]),
        "".join(cells) + text("10") + percentage(0.125, "12,50%"),  # LibreOffice in Indonesian writes a comma
        "".join(cells).replace("Satu", "Dua").replace("460/1", "460/2") + percentage(1, "100%", repeated=2),
    ]

    result = run(ods_file(tmp_path / "persen.ods", rows), board_member)

    assert problems_of(result) == [(3, "Kapasitas (orang)", "100%", "“100%” bukan bilangan bulat.")]
    result = run(ods_file(tmp_path / "persen2.ods", rows[:2]), board_member)
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Organisation.objects.get().permit_issuer == "12.50%"  # as from the same sheet saved as an .xlsx


@pytest.mark.parametrize(
    ("value", "shown", "stored"),
    [(12.5, "1.250%", "1250%"), (12.5, "1,250%", "1250%"), (0.0125, "1,250%", "1.250%"), (0.125, "12,5%", "12.5%")],
)
def test_an_ods_percentage_with_a_thousands_separator_is_no_fraction(tmp_path, board_member, value, shown, stored):
    # The seventy-third review: "1.250%" (1250 %, Indonesian thousands) was stored as "1250.000%"; the cell's value
    # tells a thousands separator from three decimals
    cells = [text("LKSA Persen Satu"), text("anak"), text("63.71.01.1001"), text("460/1/2024"), text("10")]
    rows = ["".join(text(header) for header in [*HEADERS, ISSUER]), "".join(cells) + percentage(value, shown)]

    result = run(ods_file(tmp_path / "persen.ods", rows), board_member)

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Organisation.objects.get().permit_issuer == stored
