"""Client lists made by hand, messy in the ways real ones are (sixty-seventh review): what the import refuses, with
the row and the column, instead of storing it otherwise than the file meant. Every name and NIK here is made up."""

import datetime

import pytest
import xlsxwriter

from sinergi.core.crypto import keyed_hash
from sinergi.exchange import values as v
from sinergi.exchange.tests.conftest import problems_of, run
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world

from .test_exchange_review_findings import HEADERS, NIK, client_row, import_clients

pytestmark = pytest.mark.django_db

KK = "6371010101100001"


@pytest.fixture
def world():
    return people_world()


def test_a_csv_cell_opening_a_quote_it_never_closes_refuses_the_file_instead_of_swallowing_the_next_rows(
    tmp_path, world
):
    # given a CSV typed by hand whose last cell starts with a quote mark and never closes it: a CSV reader takes
    # every line after it, separators and all, as the rest of that one cell
    headers = [*HEADERS, "Catatan"]
    lines = [";".join(headers)]
    for name, note in (("Budi Contoh", '"Kata ibu: pulang tiap libur'), ("Ani Contoh", "sehat"), ("Cici", "")):
        cells = client_row(headers, **{"Nama lengkap": name, "NIK": "", "Alasan NIK kosong": "Tidak diketahui"})
        cells[1], cells[2], cells[8] = "L", "17-08-2014", "01-05-2024"
        lines.append(";".join([*cells[:-1], note]))
    path = tmp_path / "klien.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    # when it is imported
    result = run(path, world.operator, entity="clients")

    # then the file is refused, naming the row and the column of the quote; nobody is stored (Budi with Ani's and
    # Cici's rows in his notes, Ani and Cici not at all)
    assert result.status == "refused"
    assert "Baris 2 file CSV, kolom K" in result.message and "tanda kutip" in result.message
    assert not Person.objects.exists()


@pytest.mark.parametrize(("nik_header", "kk_header"), [("N.I.K.", "No. K.K."), ("N I K", "NO. K K"), ("n.i.k", "K.K")])
def test_a_header_spelled_out_letter_by_letter_names_its_column(tmp_path, world, nik_header, kk_header):
    # given a list whose NIK and KK headers are written with a dot or a space between the letters, as some forms do
    values = {**dict(zip(HEADERS, client_row(), strict=True)), "Nomor KK": KK}
    del values["Alasan KK kosong"]
    headers = [{"NIK": nik_header, "Nomor KK": kk_header}.get(header, header) for header in values]
    row = list(values.values())

    # when it is imported
    result = import_clients(tmp_path, [row], world.operator, headers=headers)

    # then the numbers are read into NIK and Nomor KK, not left out as columns nobody knows
    assert result.status == "succeeded", problems_of(result)
    person = Person.objects.get()
    assert (person.nik_hash, person.kk_hash) == (keyed_hash(NIK), keyed_hash(KK))


def test_a_date_cell_holding_zero_is_refused_saying_what_excel_shows_and_why(tmp_path, world):
    # given a birth date filled by a formula from an empty cell (=VLOOKUP(…), =A2): 0 in a date format, which Excel
    # shows as 00-01-1900 and a reader gets as the time 00:00
    path = tmp_path / "klien.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, HEADERS)
    sheet.write_row(1, 0, client_row())
    sheet.write_formula(1, HEADERS.index("Tanggal lahir"), "=VLOOKUP(A2,Lain!A:B,2,0)", date, 0)
    sheet.write_datetime(1, HEADERS.index("Tanggal masuk"), datetime.datetime(2024, 5, 1), date)
    book.close()

    result = run(path, world.operator, entity="clients")

    # then the row is refused on Tanggal lahir, with what the sheet shows and where it comes from
    [(row, column, _value, message)] = problems_of(result)
    assert (row, column) == (2, "Tanggal lahir")
    assert "00-01-1900" in message and "sel yang kosong" in message
    assert not Person.objects.exists()


def test_a_time_of_day_in_a_date_column_is_refused_as_a_time():
    with pytest.raises(v.CellProblem) as problem:
        v.parse_date(datetime.time(10, 30))
    assert problem.value.message.startswith("“10.30” adalah jam, bukan tanggal.")


def test_a_csv_in_another_code_page_is_refused_instead_of_storing_names_changed(tmp_path, world):
    # given Excel's "CSV (MS-DOS)" (code page 437): André's é is a byte that Windows-1252 reads as "‚" and Mac Roman
    # as "Ç"
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk"]  # fmt: skip
    lines = [headers, ["André Contoh", "L", "17-08-2014", "Tidak diketahui", "Tidak diketahui", "anak_telantar",
                       "Dalam panti", "01-05-2024"]]  # fmt: skip
    path = tmp_path / "klien.csv"
    path.write_bytes("\r\n".join(";".join(line) for line in lines).encode("cp437"))

    result = run(path, world.operator, entity="clients")

    # then the file is refused, naming the line and the word as it reads, and what to save it as
    assert result.status == "refused"
    assert "baris 2: “Andr‚”" in result.message and "CSV UTF-8" in result.message
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("column", "written", "first", "second"),
    [
        ("Persetujuan oleh", "Wali/Orang tua", "Wali", "Orang tua"),
        ("Persetujuan oleh", "Orang Tua / Wali", "Orang tua", "Wali"),
        ("Jenis kelamin", "L/P", "Laki-laki", "Perempuan"),
        ("Bentuk layanan", "Dalam/Luar panti", "Dalam panti (residensial)", "Luar panti / berbasis keluarga"),
    ],
)
def test_two_choices_joined_by_a_slash_in_a_one_choice_column_are_named_both(
    tmp_path, world, column, written, first, second
):
    # given a cell holding both of two items, as a paper form's box prints them ("Orang tua/Wali")
    headers = [*HEADERS, "Persetujuan oleh"]
    row = client_row(headers, **{column: written})

    result = import_clients(tmp_path, [row], world.operator, headers=headers)

    # then the row is refused naming both, not suggesting the first listed (maybe the one not meant)
    [(_row, named, value, message)] = problems_of(result)
    assert (named, value) == (column, written)
    assert message == (
        f"“{written}” berisi dua pilihan, “{first}” dan “{second}”, padahal kolom ini hanya menerima satu. Isi salah "
        "satu saja."
    )
    assert not Person.objects.exists()


def test_a_quoted_csv_cell_with_quotes_inside_not_doubled_is_refused_instead_of_stored_shuffled(tmp_path, world):
    # given a CSV written by a program that quotes a cell without doubling the quote marks inside it: a CSV reader
    # takes "Ahmad "Ucok" Contoh" as Ahmad Ucok" Contoh"
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk"]  # fmt: skip
    cells = ["Tidak diketahui", "Tidak diketahui", "anak_telantar", "Dalam panti", "01-05-2024"]
    lines = [
        ";".join(headers),
        ";".join(['"Budi ""Ucok"" Contoh"', "L", "17-08-2014", *cells]),  # written right: kept as typed
        ";".join(['"Ahmad "Ucok" Contoh"', "L", "17-08-2014", *cells]),
    ]
    path = tmp_path / "klien.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    result = run(path, world.operator, entity="clients")

    # then the file is refused at that row and column, quoting the cell as it reads; nobody is stored
    assert result.status == "refused"
    assert result.message.startswith("Baris 3 file CSV, kolom A: ") and '“Ahmad Ucok" Contoh"”' in result.message
    assert not Person.objects.exists()
    # and the same file with the quotes doubled imports the names as written
    path.write_text("\r\n".join(lines).replace('"Ahmad "Ucok" Contoh"', '"Ahmad ""Ucok"" Contoh"'), encoding="utf-8")
    assert run(path, world.operator, entity="clients").status == "succeeded"
    assert sorted(Person.objects.values_list("full_name", flat=True)) == ['Ahmad "Ucok" Contoh', 'Budi "Ucok" Contoh']
