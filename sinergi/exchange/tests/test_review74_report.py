"""The error report as the user reads it (seventy-fourth review): a date column refused as a whole (typed month
first) has its doubtful cells marked on the data sheet, with a word in the error column, not only a line in the
problems' sheet."""

import datetime
import re

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import inspect
from sinergi.exchange.workbook import error_report_bytes
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, boy_row, clients_file, import_clients

from .conftest import csv_file, run, xlsx_file
from .test_error_report_cycle import RED, cell_look, data_sheet, sheet_rows

pytestmark = pytest.mark.django_db

DOUBT = (
    "Tanggal lahir: hari dan bulan tanggal ini mungkin tertukar; lihat masalah kolom “Tanggal lahir” di lembar "
    "“Daftar kesalahan”."
)


def client(i: int, written, born: datetime.date) -> list:
    nik = nik_compose(district_code="63.71.01", birth_date=born, sex="L", serial=i + 1)
    return boy_row(**{"Nama lengkap": f"Anak Contoh {i}", "Tanggal lahir": written, "NIK": nik})


def report(path, result) -> bytes:
    return error_report_bytes(path=path, kind=inspect(path).kind, entity=get_entity("clients"), result=result)


def looks(content: bytes, column: str) -> dict[int, tuple[str | None, str | None]]:
    """Row -> (fill colour of the column's cell, error column's message), for the rows below the header."""
    rows = data_sheet(content)
    at, error_at = rows[0].index(column), rows[0].index("Kesalahan impor")
    letter = "ABCDEFGHIJ"[at]
    return {
        number: (cell_look(content, f"{letter}{number}")[0], _problems_only(row[error_at]) or None)
        for number, row in enumerate(rows[1:], start=2)
    }


def _problems_only(message: str) -> str:
    """A message cell without the row's warnings, which it names after its problems (seventy-sixth review)."""
    return re.sub(r"(^| \| )Peringatan( \(baris ini tetap dapat diimpor\))?: .*$", "", message or "")


def test_birth_dates_the_niks_show_month_first_are_marked_in_the_reports_data_sheet(tmp_path):
    # Given birth dates typed month first as text (3 May 2012 as 5/3/2012), which the NIKs show swapped, and one
    # whose day and month are the same (either way the same date)
    world = people_world()
    born = [datetime.date(2012, 5, 3), datetime.date(2013, 7, 11), datetime.date(2014, 2, 1), datetime.date(2012, 5, 5)]
    typed = ["5/3/2012", "7/11/2013", "2/1/2014", "5/5/2012"]
    path = clients_file(tmp_path, [client(i, t, b) for i, (t, b) in enumerate(zip(typed, born, strict=True))])
    result = import_clients(path, world.operator, dry_run=True)
    assert result.status == "refused"
    # When the report is opened
    content = report(path, result)
    # Then each date that reads both ways is marked red and its row says why, pointing to the column's problem
    assert looks(content, "Tanggal lahir") == {
        2: (RED, DOUBT),
        3: (RED, DOUBT),
        4: (RED, DOUBT),
        5: (None, None),
    }
    # and the column's problem itself is listed at the header, as before
    [listed] = [row for row in sheet_rows(content, "Daftar kesalahan") if row[1] == "Tanggal lahir"]
    assert listed[0] == 1 and "bulan-hari-tahun" in listed[3]


def test_date_cells_swapped_by_an_american_excel_are_marked_in_the_reports_data_sheet(tmp_path):
    # Given five date cells whose day is 12 or less beside a date left as text in day-first order (05/08/1990 became
    # 8 May; 17/08/1990 stayed text), and a date cell whose day and month are the same
    world = people_world()
    cells = [datetime.date(2012, 8, 5), datetime.date(2013, 9, 3), datetime.date(2014, 10, 1)]
    cells += [datetime.date(2011, 11, 7), datetime.date(2010, 12, 2), datetime.date(2012, 6, 6)]
    rows = [client(i, day, day) for i, day in enumerate(cells)]
    rows.append(client(9, "17/08/2012", datetime.date(2012, 8, 17)))
    path = clients_file(tmp_path, rows)
    result = import_clients(path, world.operator, dry_run=True)
    assert result.status == "refused"
    content = report(path, result)
    marked = looks(content, "Tanggal lahir")
    # Then the five swapped cells are marked and explained; the 6 June and the text date are not
    assert {row for row, (fill, _message) in marked.items() if fill == RED} == {2, 3, 4, 5, 6}
    assert {row for row, (_fill, message) in marked.items() if message == DOUBT} == {2, 3, 4, 5, 6}
    assert marked[7] == marked[8] == (None, None)
    # And a marked date cell is still a date cell, as the other marked cells are
    assert cell_look(content, "C2") == (RED, "dd-mm-yyyy")


def test_dates_that_read_both_ways_in_a_month_first_column_are_marked_in_the_reports_data_sheet(tmp_path):
    # Given a column that shows month-first order once (08/17/2012, refused on its row) and a date that reads both
    # ways (05/03/2012)
    world = people_world()
    rows = [client(0, "08/17/2012", datetime.date(2012, 8, 17)), client(1, "05/03/2012", datetime.date(2012, 3, 5))]
    rows.append(client(2, "20/03/2012", datetime.date(2012, 3, 20)))
    path = clients_file(tmp_path, rows)
    result = import_clients(path, world.operator, dry_run=True)
    marked = looks(report(path, result), "Tanggal lahir")
    # Then the one refused on its row keeps its own message; the doubtful one is marked and explained
    assert marked[2][0] == RED and marked[2][1].startswith("Tanggal lahir: Tanggal “08/17/2012” tidak ada di kalender")
    assert marked[3] == (RED, DOUBT)
    assert marked[4] == (None, None)


@pytest.mark.parametrize(
    ("kind", "advice"),
    [
        ("xlsx", "Sel ini berisi teks, bukan tanggal, jadi mengubah format selnya tidak mengubah isinya"),
        ("csv", "biasanya format sel “dd-mmm-yy” di Excel, tersimpan ke CSV sebagaimana tampil"),
    ],
)
def test_a_two_digit_year_is_refused_with_advice_that_fits_the_files_kind(tmp_path, kind, advice):
    # Given a birth date written as Excel's dd-mmm-yy shows it, in a workbook's text cell or in a CSV
    world = people_world()
    rows = [client(0, "17-Agu-12", datetime.date(2012, 8, 17))]
    path = clients_file(tmp_path, rows) if kind == "xlsx" else csv_file(tmp_path, [HEADERS, *rows], name="klien.csv")
    result = import_clients(path, world.operator, dry_run=True)
    # Then the refusal speaks of a CSV only for a CSV
    [problem] = [p for p in result.problems if p.column == "Tanggal lahir"]
    assert problem.message.startswith("Tahun pada tanggal “17-Agu-12” hanya 2 angka, jadi abadnya tidak jelas")
    assert advice in problem.message
    assert ("CSV" in problem.message) == (kind == "csv")


# ---------------------------------------------------------------------------------------------- region code parts

REGION_PARTS = (
    "Kolom “KD_PROP”, “KD_KAB”, “KD_KEC”, “KD_KEL” berisi bagian kode wilayah (kode BPS dari DTKS atau kode Kemendagri "
    "dari SIKS-NG), jadi tidak dibaca: bagian-bagian itu tidak digabung menjadi satu kode, karena kode BPS dan kode "
    "Kemendagri berbeda. Wilayah dibaca dari kolom “Kode wilayah”, yang berisi kode Kemendagri lengkap desa/kelurahan "
    "(mis. 63.71.01.1001), atau dari kolom nama wilayah “Kabupaten/Kota”, “Kecamatan”, “Desa/Kelurahan”."
)
LKS_CELLS = {
    "Nama LKS": "LKS Uji",
    "Jenis layanan utama": "Anak",
    "Nomor tanda daftar": "123/LKS/2020",
    "Kode wilayah": "63.71.01.1001",
    "KD_PROP": "63",
    "KD_KAB": "71",
    "KD_KEC": "010",
    "KD_KEL": "001",
}


@pytest.mark.parametrize("with_code", [True, False])
def test_region_code_parts_of_a_dtks_file_are_said_to_be_unread_not_hinted_as_the_region_code(
    tmp_path, board_member, with_code
):
    # Given an LKS file with DTKS's region code parts, with or without the full code
    headers = [h for h in LKS_CELLS if with_code or h != "Kode wilayah"]
    path = xlsx_file(tmp_path, [headers, [LKS_CELLS[h] for h in headers]])
    result = run(path, board_member, dry_run=True)
    # Then they are not named as what "Kode wilayah" may mean, but said to be parts, unread and not joined
    assert not [n for n in result.notices if "maksudnya" in n], result.notices
    assert REGION_PARTS in result.notices
    if with_code:
        assert result.status == "checked", result.problems
    else:
        assert result.status == "refused"
        assert result.message.startswith("Kolom wajib tidak ada: “Kode wilayah (atau Kabupaten/Kota, Kecamatan")


# ---------------------------------------------------------------------------------------------- the report's guide


def test_the_reports_instructions_begin_with_how_to_read_and_send_back_the_report(tmp_path):
    # Given a file with a problem (a sex not in the list) and a warning (the NIK's birth date differs)
    world = people_world()
    born = datetime.date(2012, 8, 17)
    rows = [client(0, born, born), client(1, born, born), client(2, born, born)]
    rows[0][HEADERS.index("Jenis kelamin")] = "X"
    rows[1][HEADERS.index("Tanggal lahir")] = datetime.date(2012, 8, 18)
    path = clients_file(tmp_path, rows)
    result = import_clients(path, world.operator, dry_run=True)
    assert result.problems and result.warnings
    # When its report is opened
    guide = [row[0] for row in sheet_rows(report(path, result), "Petunjuk")[:6]]
    # Then its instructions say first what the colours mean, where each problem is written, and what to do
    assert guide == [
        "Cara memakai laporan ini",
        "",
        "Lembar “Data penerima layanan” berisi baris file Anda seperti yang diunggah. Sel merah bermasalah: masalahnya "
        "tertulis di kolom “Kesalahan impor” di ujung kanan barisnya, dan semua masalah terdaftar di lembar “Daftar "
        "kesalahan”. Dua baris yang duplikat sama-sama diberi pesan yang menyebut baris lainnya.",
        "Sel kuning berisi peringatan: barisnya tetap dapat diimpor, tetapi periksa isinya. Peringatan sebuah baris "
        "tertulis di kolom “Kesalahan impor”, diawali “Peringatan”, dan semua peringatan terdaftar di lembar "
        "“Peringatan”.",
        "Perbaiki isinya di lembar “Data penerima layanan”, lalu unggah file ini lagi: kolom “Kesalahan impor” dan "
        "lembar lainnya diabaikan saat impor, jadi tidak perlu dihapus. Bila satu baris saja masih bermasalah, tidak "
        "ada data yang disimpan.",
        "",
    ]
    # and the template's instructions follow
    assert sheet_rows(report(path, result), "Petunjuk")[6][0] == "Petunjuk pengisian templat impor penerima layanan"
