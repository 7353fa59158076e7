"""The report of a run with warnings only (seventy-seventh review): its rows' warnings are written on the data sheet,
in a column of its own, "Peringatan impor" ("Import warnings"), not "Kesalahan impor" (the rows are not wrong).
The import skips that column as it skips the error column, in either language and whatever the file was saved as,
so the report uploaded again as it is imports with the same warnings and nothing more. Synthetic data only."""

import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from django.utils import translation

from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, boy_row, clients_file, import_clients

from .conftest import csv_file, run, xlsx_file
from .test_cell_bombs import ods_file
from .test_error_report_cycle import CLIENTS, WORKERS, YELLOW, cell_look, data_sheet, report_of, sheet_rows
from .test_review76_report import CONSENT, WARNED, adult_row, comments

pytestmark = pytest.mark.django_db

COLUMN = {"id": "Peringatan impor", "en": "Import warnings"}


def warnings_of(result) -> list[tuple]:
    return [(w.row, w.column, w.message) for w in result.warnings]


def ods_from(tmp_path: Path, rows: list[list], *, sheet: str, name: str) -> Path:
    """An .ods of one sheet holding the rows as a spreadsheet program saves them: dates as date cells, the rest
    as text or numbers."""
    body = []
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, datetime.date):
                text = cell.strftime("%d-%m-%Y")
                cells.append(
                    f'<table:table-cell office:value-type="date" office:date-value="{cell:%Y-%m-%d}">'
                    f"<text:p>{text}</text:p></table:table-cell>"
                )
            elif isinstance(cell, int | float):
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{cell}"><text:p>{cell}</text:p>'
                    "</table:table-cell>"
                )
            elif cell in (None, ""):
                cells.append("<table:table-cell/>")
            else:
                cells.append(
                    f'<table:table-cell office:value-type="string"><text:p>{escape(str(cell))}</text:p>'
                    "</table:table-cell>"
                )
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    table = f'<table:table table:name="{escape(sheet)}">{"".join(body)}</table:table>'
    return ods_file(tmp_path / name, table)


def saved_as(tmp_path: Path, rows: list[list], kind: str) -> Path:
    """The report's data sheet saved by the user as an .xlsx, an .ods or a CSV (dates as the sheet shows them)."""
    if kind == "xlsx":
        return xlsx_file(tmp_path, rows, name="laporan-peringatan.xlsx", sheet=CLIENTS)
    if kind == "ods":
        return ods_from(tmp_path, rows, sheet=CLIENTS, name="laporan-peringatan.ods")
    shown = [[f"{c:%d-%m-%Y}" if isinstance(c, datetime.date) else c for c in row] for row in rows]
    return csv_file(tmp_path, shown, name="laporan-peringatan.csv", delimiter=";")


def as_dates(rows: list[list]) -> list[list]:
    """The data sheet as calamine reads it (dates as datetimes), with the date columns as dates."""
    return [[c.date() if isinstance(c, datetime.datetime) else c for c in row] for row in rows]


# ---------------------------------------------------------------------------------------------- the column


def test_a_report_with_warnings_only_writes_each_rows_warnings_in_a_warnings_column(tmp_path):
    # Given a trial of a file whose rows would all import, the second with two warnings (one on no single cell)
    world = people_world()
    path = clients_file(tmp_path, [boy_row(), adult_row(3)])
    result = import_clients(path, world.operator, dry_run=True)
    assert (result.status, result.problems) == ("checked", [])

    # When its report is made
    content = report_of(path, result, "clients")

    # Then the data sheet has a warnings column, not an error column, and the warned row says why it is yellow
    rows = data_sheet(content)
    assert rows[0] == [*HEADERS, "Peringatan impor"]
    message = rows[2][len(HEADERS)]
    assert message.startswith(WARNED + "Tanggal lahir: Usia 33 tahun saat masuk")
    assert message.endswith(" | " + CONSENT)
    assert cell_look(content, "J3") == (YELLOW, "General")
    assert rows[1][len(HEADERS)] == WARNED + CONSENT


def test_the_guide_of_a_warnings_report_names_its_column_and_says_the_file_may_be_sent_as_it_is(tmp_path):
    world = people_world()
    path = clients_file(tmp_path, [adult_row(3)])
    result = import_clients(path, world.operator, dry_run=True)

    guide = [row[0] for row in sheet_rows(report_of(path, result, "clients"), "Petunjuk")[:4]]

    assert guide[2] == (
        "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah baris "
        "tertulis di kolom “Peringatan impor” di ujung kanan barisnya, dan semua peringatan terdaftar di lembar "
        "“Peringatan”."
    )
    assert guide[3] == (
        "Bila isinya sudah benar, file ini dapat diunggah lagi apa adanya: kolom “Peringatan impor” dan lembar "
        "lainnya diabaikan saat impor, jadi tidak perlu dihapus."
    )
    assert not any("Kesalahan impor" in line for line in guide if line)


def test_a_file_warned_of_on_its_header_only_gets_no_message_column_and_a_guide_without_yellow_cells(tmp_path):
    # Given workers whose only warning is a header naming two fields in one cell (the birth date would be lost)
    world = people_world()
    headers = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Tempat, Tanggal Lahir"]
    row = ["Hana Uji", "P", "psm", "Pengasuh", "Banjarmasin, 01-01-1990"]
    path = xlsx_file(tmp_path, [headers, row], sheet=WORKERS)
    result = run(path, world.operator, entity="workers", dry_run=True)
    assert (result.problems, [(w.row, w.column) for w in result.warnings]) == ([], [(1, "Tempat, Tanggal Lahir")])

    # When its report is made
    content = report_of(path, result, "workers")

    # Then no row gets a message column (guard: the warning is the header cell's note)
    assert data_sheet(content) == [headers, row]
    assert comments(content)["E1"].startswith("Peringatan: Kolom “Tempat, Tanggal Lahir” menggabungkan")
    # and the guide speaks of that note, not of yellow cells there are none of, nor of sending the file as it is
    guide = [line for line, *_rest in sheet_rows(content, "Petunjuk")[:5]]
    assert guide[2] == (
        "Tidak ada baris yang bermasalah. Peringatan file ini menyangkut judul kolomnya: peringatan itu tertulis "
        "sebagai catatan pada judul kolomnya dan terdaftar di lembar “Peringatan”."
    )
    assert not any(line.startswith(("Sel kuning", "Bila isinya sudah benar")) for line in guide)


# ---------------------------------------------------------------------------------------------- uploaded again


@pytest.mark.parametrize("kind", ["xlsx", "ods", "csv"])
def test_the_warnings_report_uploaded_again_unchanged_gives_the_same_warnings_and_nothing_else(tmp_path, kind):
    # Given the warnings report of a trial, saved from the spreadsheet program as it is
    world = people_world()
    path = clients_file(tmp_path, [boy_row(), adult_row(3)])
    first = import_clients(path, world.operator, dry_run=True)
    rows = as_dates(data_sheet(report_of(path, first, "clients")))
    assert rows[0][-1] == "Peringatan impor"

    # When it is uploaded again
    again = import_clients(saved_as(tmp_path, rows, kind), world.operator, dry_run=True)

    # Then it is read as the file was: the same rows, the same warnings, no problem and no word of the column
    assert (again.status, again.created, again.problems) == ("checked", 2, [])
    assert warnings_of(again) == warnings_of(first)
    # (a CSV's notices begin with how it was read)
    assert [n for n in again.notices if not n.startswith("File CSV dibaca")] == first.notices
    assert not any("Peringatan impor" in notice for notice in again.notices)


def test_the_warnings_report_imports_for_real_without_storing_its_messages(tmp_path):
    world = people_world()
    path = clients_file(tmp_path, [adult_row(3)])
    first = import_clients(path, world.operator, dry_run=True)
    report = xlsx_file(tmp_path, data_sheet(report_of(path, first, "clients")), name="lap.xlsx", sheet=CLIENTS)

    done = import_clients(report, world.operator)

    assert (done.status, done.created, done.problems) == ("succeeded", 1, [])
    person = Person.objects.get(full_name="Dewasa Contoh 3")
    assert not any("Peringatan" in str(value) for value in vars(person).values())


@pytest.mark.parametrize(("made_in", "read_in"), [("en", "id"), ("id", "en")])
def test_a_warnings_report_made_in_one_language_is_read_in_the_other(tmp_path, made_in, read_in):
    # Given a warnings report made for a reader of one language
    world = people_world()
    path = clients_file(tmp_path, [adult_row(3)])
    with translation.override(made_in):
        first = import_clients(path, world.operator, dry_run=True)
        rows = as_dates(data_sheet(report_of(path, first, "clients")))
    assert rows[0][-1] == COLUMN[made_in]

    # When someone working in the other language uploads it as it is
    report = xlsx_file(tmp_path, rows, name="report.xlsx", sheet=CLIENTS)
    with translation.override(read_in):
        again = import_clients(report, world.operator, dry_run=True)
        again_rows = data_sheet(report_of(report, again, "clients"))

    # Then the column is skipped without a word, the same cells are warned, and its report has one column, in the
    # reader's language
    assert (again.status, again.problems, len(again.notices)) == ("checked", [], len(first.notices))
    assert not any(COLUMN[made_in] in notice for notice in again.notices), again.notices
    assert [(w.row, w.column) for w in again.warnings] == [(w.row, w.column) for w in first.warnings]
    assert again_rows[0] == [*HEADERS, COLUMN[read_in]]


# ---------------------------------------------------------------------------------------------- a column from before


def test_a_file_with_a_warnings_column_from_an_older_report_gets_its_messages_there_and_nothing_of_the_old(tmp_path):
    # Given a file that still has the warnings column of an earlier report, and now a wrong sex in its first row
    world = people_world()
    headers = [*HEADERS, "Peringatan impor"]
    old = WARNED + "Tanggal lahir: (pesan lama)"
    wrong = [*boy_row(**{"Jenis kelamin": "X"}), old]
    fine = [*adult_row(3), old]
    path = xlsx_file(tmp_path, [headers, wrong, fine], sheet=CLIENTS)

    # When it is imported
    result = import_clients(path, world.operator, dry_run=True)

    # Then the column is not read: no notice of an unknown column, no problem in it
    assert [(p.row, p.column) for p in result.problems] == [(2, "Jenis kelamin")]
    assert not any("Peringatan impor" in notice for notice in result.notices), result.notices
    # and its report writes the errors in that column, headed as errors, the old messages gone
    content = report_of(path, result, "clients")
    rows = data_sheet(content)
    assert rows[0] == [*HEADERS, "Kesalahan impor"]
    assert rows[1][-1].startswith("Jenis kelamin: “X” tidak ada dalam daftar.")
    assert rows[2][-1].startswith("Peringatan (baris ini tetap dapat diimpor): Tanggal lahir: Usia 33 tahun")
    assert "(pesan lama)" not in str(rows)
    # and its header is not noted as a column left unread
    assert comments(content) == {}


def test_a_file_with_both_message_columns_from_before_gets_one_warnings_column(tmp_path):
    # A report of a report of older times, both columns kept: the first is the report's, the second is emptied.
    world = people_world()
    headers = [*HEADERS, "Kesalahan impor", "Peringatan impor"]
    path = xlsx_file(tmp_path, [headers, [*adult_row(3), "lama", "lama"]], sheet=CLIENTS)
    result = import_clients(path, world.operator, dry_run=True)
    assert result.problems == [] and not any("impor" in notice for notice in result.notices), result.notices

    rows = data_sheet(report_of(path, result, "clients"))

    assert [row[len(HEADERS) :] for row in rows] == [["Peringatan impor"], [rows[1][len(HEADERS)]]]  # (none after)
    assert rows[1][len(HEADERS)].startswith(WARNED)


def test_an_offices_own_column_named_peringatan_is_still_said_to_be_unread(tmp_path):
    # Guard (passes either way): only the report's own header is skipped without a word, not a column of the office's
    # that merely begins the same way; its content is not imported, so the user must be told.
    world = people_world()
    path = xlsx_file(tmp_path, [[*HEADERS, "Peringatan"], [*adult_row(3), "cek ulang"]], sheet=CLIENTS)

    result = import_clients(path, world.operator, dry_run=True)

    assert any("“Peringatan”" in notice for notice in result.notices), result.notices
