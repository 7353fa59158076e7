"""A CSV is read by some Excel with the separator it was not written with (fifty-seventh review, M2): the comma file
by Excel set to Indonesian, which splits a double-clicked .csv on ";", and the ";" file by an English one. Excel
honours a quote only at the start of a cell, so whatever follows the other separator inside a text cell is a cell
of its own there: it must not start a formula. Read here with Python's csv module, which splits as Excel does."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest

from sinergi.core.downloads import csv_header_line, csv_lines, table_download

# No double quote and no delimiter of the file: the writer used to leave them unquoted.
PAYLOADS = [
    "Jl. Contoh Uji 1;=2+3*7;",
    "Jl. Contoh Uji 1,=2+3*7,",
    "Uji;+62 811;-2+3;@SUM(1)",
    "Uji,+62 811,-2+3,@SUM(1)",
    "Uji;=cmd|'/C calc'!A0",
    'Uji;"=1+1";',  # a quoted cell in Excel's reading
    'Uji,"=1+1",',
    "=1+1;=2+2",  # the cell's start too
]
TRIGGERS = ("=", "+", "-", "@")
OTHER = {",": ";", ";": ","}


def formula_cells(data: bytes, separator: str) -> list[str]:
    """The cells that start a formula when the file is split on `separator` (a number, as "-3,5", is none)."""
    cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator) for c in row]
    return [c for c in cells if c.lstrip('"').startswith(TRIGGERS) and not _number(c)]


def _number(cell: str) -> bool:
    try:
        float(cell.replace(",", "."))
    except ValueError:
        return False
    return True


def rows_of(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("way", ["csv_lines", "table_download"])
def test_no_cell_starts_a_formula_when_the_file_is_split_on_either_separator(delimiter, way):
    # given text cells carrying a formula after the other separator, beside numbers and dates
    headers = ["Nama", "Alamat", "Kapasitas", "Lintang", "Tanggal"]
    rows = [["Budi Contoh", payload, 30, -3.3299, datetime.date(2025, 8, 17)] for payload in PAYLOADS]
    # when
    if way == "csv_lines":
        data = b"".join(csv_lines(headers, rows, delimiter=delimiter))
    else:
        response = table_download(headers=headers, rows=rows, name="uji", file_format="csv", delimiter=delimiter)
        data = response.content
    # then neither reading gives a formula cell
    assert formula_cells(data, OTHER[delimiter]) == []
    assert formula_cells(data, delimiter) == []
    # and the file's own reading gives one cell per column: the text (an apostrophe before a trigger that follows
    # the other separator, as before one that starts the cell), the numbers and dates as they were
    read = rows_of(data, delimiter)
    assert [len(row) for row in read] == [5] * (len(PAYLOADS) + 1)
    addresses = [row[1] for row in read[1:]]
    assert addresses[0] == "Jl. Contoh Uji 1;=2+3*7;" if delimiter == ";" else "Jl. Contoh Uji 1;'=2+3*7;"
    assert addresses[1] == "Jl. Contoh Uji 1,=2+3*7," if delimiter == "," else "Jl. Contoh Uji 1,'=2+3*7,"
    assert addresses[-1].startswith("'=1+1")
    assert read[1][2:] == ["30", "-3.3299" if delimiter == "," else "-3,3299", "2025-08-17"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_text_with_either_separator_is_quoted_numbers_and_dates_are_not(delimiter):
    rows = [["Anak Telantar; Anak Jalanan", "Jl. A, No. 5", Decimal("2.5"), 4, datetime.date(2025, 1, 2), None]]
    line = b"".join(csv_lines(["a", "b", "c", "d", "e", "f"], rows, delimiter=delimiter)).decode("utf-8-sig")
    number = "2.5" if delimiter == "," else "2,5"
    expected = delimiter.join(['"Anak Telantar; Anak Jalanan"', '"Jl. A, No. 5"', number, "4", "2025-01-02", ""])
    assert line.splitlines()[1] == expected
    # a row without either separator is written as before
    plain = b"".join(csv_lines(["a"], [["Budi Contoh"]], delimiter=delimiter)).decode("utf-8-sig")
    assert plain == "a\r\nBudi Contoh\r\n"


def test_a_header_with_the_other_separator_is_quoted_too():
    assert csv_header_line(["Nama", "Kota; kabupaten"]) == '\ufeffNama,"Kota; kabupaten"\r\n'.encode()


def test_the_semicolon_files_lines_are_the_csv_modules_where_no_text_holds_a_comma():
    # given rows of every kind of cell, no text with a "," (the ";" file's lines are written without the csv module)
    from sinergi.core.downloads import _csv_row_decimal_comma

    rows = [
        [1, -3.3299, Decimal("2.50"), datetime.date(2025, 1, 2), datetime.datetime(2025, 1, 2, 3, 4), None, True],
        ["Budi", "a;b", 'Kota "Baru"', "baris\r\nbaru", "", "=1+1", "'Aisyah"],
        [None, None, None, None, None, None, None],
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in rows:
        writer.writerow(_csv_row_decimal_comma(row))
    # when
    data = b"".join(csv_lines(["a", "b", "c", "d", "e", "f", "g"], rows, delimiter=";"))
    # then
    assert data.decode("utf-8-sig").split("\r\n", 1)[1] == buffer.getvalue()


# A tab or a line break inside a text cell starts a cell too for LibreOffice Calc (7.4): its text import lists Tab
# among the separators and evaluates formulas unless told not to, and a file opened with the other separator honours
# no quote, so a line break begins a row (sixtieth review; sinergi/exchange/tests/fixtures/libreoffice/README.md).
BREAK_PAYLOADS = ["\t=1+1", "Uji\t=1+1", "Uji\t\t=1+1", "Uji\r=1+1", "Uji\n@SUM(1)", "Uji\r\n+1+1", "Uji\t-2+3"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_no_cell_starts_a_formula_after_a_tab_or_a_line_break_inside_a_text(delimiter):
    # given texts holding a formula after a tab or a line break
    rows = [["Budi Contoh", payload, 30] for payload in BREAK_PAYLOADS]
    # when
    data = b"".join(csv_lines(["Nama", "Alamat", "Kapasitas"], rows, delimiter=delimiter))
    # then no reading that splits on a tab or on the other separator, where no quote is honoured and a line break
    # ends the row, gives a formula cell
    for separators in ("\t" + delimiter, OTHER[delimiter]):
        cells = re.split(f"[\r\n{re.escape(separators)}]", data.decode("utf-8-sig"))
        assert [c for c in cells if c.lstrip('"').startswith(TRIGGERS) and not _number(c)] == [], separators
    # and the file's own reading keeps one cell per column, which the import reads back as it was stored
    from sinergi.exchange import values as v

    read = rows_of(data, delimiter)
    assert [len(row) for row in read] == [3] * (len(BREAK_PAYLOADS) + 1)
    assert [v.text(row[1]) for row in read[1:]] == [p.strip() for p in BREAK_PAYLOADS[:1]] + BREAK_PAYLOADS[1:]
