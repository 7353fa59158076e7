"""Spreadsheets as LKS operators make them on a phone and in the office programs common in Indonesia (WPS Office,
Google Sheets and Forms, Excel for Android, Apple Numbers), imported through the real pipeline (seventy-fourth
review). Each test names the program or keyboard whose way of writing it copies. Every name and number is made up."""

import datetime
import zipfile

import pytest

from sinergi.exchange.files import FileRefused, inspect
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS as CLIENT_HEADERS
from sinergi.people.tests.test_exchange_review_findings import client_row

from .conftest import HEADERS, csv_file, problems_of, run, xlsx_file
from .test_nothing_left_out import workbook

pytestmark = pytest.mark.django_db

LKS_ROW = ["LKSA Pesisir Contoh", "anak", "63.71.01.1001", "TD/PESISIR/1", 20]


def test_a_latitude_copied_with_the_typographic_minus_sign_is_stored_south_of_the_equator(tmp_path, board_member):
    # given coordinates copied from a web page, which prints a negative number with the minus sign U+2212 ("−"),
    # not the keyboard's hyphen-minus: the cell shows -3.3166 and -3,316694 as anyone would type them
    headers = [*HEADERS, "Lintang", "Bujur"]
    second = ["LKSA Muara Contoh", "anak", "63.71.01.1001", "TD/MUARA/2", 15, "\u22123,316694", "114,590111"]
    path = xlsx_file(tmp_path, [headers, [*LKS_ROW, "\u22123.3166", "114.5901"], second])

    # when the list is imported
    result = run(path, board_member)

    # then both are read as the southern latitudes they are, instead of "−3.3166 bukan angka" on a number that looks
    # right
    assert (result.status, problems_of(result)) == ("succeeded", [])
    stored = {lks.registration_number: str(lks.latitude) for lks in Organisation.objects.filter(latitude__isnull=False)}
    assert stored == {"TD/PESISIR/1": "-3.316600", "TD/MUARA/2": "-3.316694"}


def test_a_pair_of_coordinates_with_the_typographic_minus_gets_the_pair_message(tmp_path, board_member):
    headers = [*HEADERS, "Lintang"]
    path = xlsx_file(tmp_path, [headers, [*LKS_ROW, "\u22123.3166, 114.5901"]])

    result = run(path, board_member)

    assert result.status == "refused"
    [(row, column, value, message)] = problems_of(result)
    assert (row, column, value) == (2, "Lintang", "\u22123.3166, 114.5901")
    assert "berisi dua angka" in message
    assert not Organisation.objects.filter(registration_number="TD/PESISIR/1").exists()


def test_a_long_date_typed_on_a_phone_with_its_curly_apostrophe_is_read(tmp_path):
    # given a client list typed on a phone: the birth date written out with its weekday, and the keyboard's smart
    # punctuation turning the apostrophe of "Jum'at" into "’", which nobody sees
    world = people_world()
    unknown_nik = {"NIK": "", "Alasan NIK kosong": "Tidak diketahui"}
    row = client_row(**{"Tanggal lahir": "Jum\u2019at, 15 Agustus 2014", **unknown_nik})
    row[CLIENT_HEADERS.index("Tanggal masuk")] = "Rabu, 01 Mei 2024"
    path = csv_file(tmp_path, [CLIENT_HEADERS, row], name="DOC-20261207-WA0003.csv.txt")

    # when it is imported
    result = run(path, world.operator, entity="clients")

    # then the date is read as "Jum'at, 15 Agustus 2014" is, not refused as unreadable
    assert (result.status, problems_of(result)) == ("succeeded", [])
    assert Person.objects.get().birth_date == datetime.date(2014, 8, 15)


NUMBERS_NOTE = (
    "This document was exported from Numbers. Each table was converted to an Excel worksheet. All other objects on "
    "each Numbers sheet were placed on separate worksheets. Please be aware that formula calculations may differ in "
    "Excel."
)


def numbers_summary(*tables: tuple[str, str, str]) -> list[list]:
    """The sheet Apple Numbers puts first in an .xlsx it exports: a note, then a table of its sheets and tables."""
    return [[NUMBERS_NOTE], [], ["Numbers Sheet Name", "Numbers Table Name", "Excel Worksheet Name"], *tables]


def test_the_summary_sheet_of_an_apple_numbers_export_is_not_called_rows_left_unread(tmp_path, board_member):
    # given a list kept in Numbers on an iPad and exported to Excel: the summary sheet first, then the table's sheet
    path = workbook(
        tmp_path / "Daftar LKS.xlsx",
        {
            "Export Summary": numbers_summary(("Sheet 1", "Table 1", "Sheet 1 - Table 1")),
            "Sheet 1 - Table 1": [HEADERS, LKS_ROW],
        },
    )

    # when it is imported
    result = run(path, board_member)

    # then the table is imported, and the summary is not named as rows that might be data to move and import
    assert (result.status, result.created, problems_of(result)) == ("succeeded", 1, [])
    assert "Data dibaca dari lembar “Sheet 1 - Table 1”." in result.notices
    assert not [notice for notice in result.notices if "Export Summary" in notice]


def test_rows_naming_sheets_over_and_over_are_still_rows_left_unread(tmp_path, board_member):
    # given a sheet of rows without a header whose cells name other sheets of the workbook, but not as a list of
    # them: records of one kabupaten each on a sheet of its name, pasted below one another
    banjarmasin = ["LKSA Lain Contoh", "anak", "Banjarmasin", "TD/LAIN/1", 20]
    path = workbook(
        tmp_path / "per-kabupaten.xlsx",
        {"Data LKS": [HEADERS, LKS_ROW], "Gabungan": [banjarmasin, banjarmasin], "Banjarmasin": []},
    )

    result = run(path, board_member, dry_run=True)

    assert (result.status, result.created) == ("checked", 1), result.message
    assert any(notice.startswith("Lembar “Gabungan” berisi baris isian tanpa judul") for notice in result.notices)


def refused(path) -> str:
    with pytest.raises(FileRefused) as caught:
        inspect(path)
    return caught.value.message


def test_a_zip_holding_the_spreadsheet_names_it_and_says_to_take_it_out(tmp_path):
    # given a list that came zipped (a cloud drive's download of a folder, an e-mail), with a Mac's metadata beside it
    inner = xlsx_file(tmp_path, [HEADERS, LKS_ROW], name="Data LKS Desember.xlsx")
    path = tmp_path / "drive-download-20261207.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(inner, "Data LKS/Data LKS Desember.xlsx")
        archive.writestr("__MACOSX/Data LKS/._Data LKS Desember.xlsx", b"\x00\x05\x16\x07")
        archive.writestr("Data LKS/catatan.txt", "Mohon diimpor.")

    # when it is uploaded, it is refused naming the spreadsheet inside and what to do
    assert refused(path) == (
        "File ZIP ini bukan spreadsheet, tetapi berisi spreadsheet: “Data LKS Desember.xlsx”. Keluarkan (ekstrak) file "
        "itu dari ZIP-nya, lalu unggah file itu sendiri."
    )


def test_a_zip_of_something_else_keeps_the_plain_message(tmp_path):
    path = tmp_path / "foto.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto/daftar.txt", "bukan spreadsheet")
    assert refused(path) == "File ZIP ini bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."


def test_a_powerpoint_deck_with_a_chart_is_not_told_to_take_its_charts_data_out(tmp_path):
    # A deck holds each chart's data as a workbook of its own (seventy-fifth review: it was named as a spreadsheet to
    # extract "from the ZIP", which a .pptx is not to its user)
    path = tmp_path / "paparan.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
        archive.writestr("ppt/embeddings/Microsoft_Excel_Worksheet.xlsx", "PK")
    assert refused(path) == "File ZIP ini bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),  # an iPhone's photo
        (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic", "HEIF"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "AVIF"),
        (b"RIFF\x24\x10\x00\x00WEBPVP8 ", "WebP"),  # a picture saved from a chat or a browser
    ],
)
def test_a_photo_of_the_paper_list_from_a_phone_is_named_as_such(tmp_path, head, kind):
    path = tmp_path / "IMG_20261207.xlsx"
    path.write_bytes(head + bytes(range(256)) * 4)
    assert refused(path) == f"File ini berisi {kind}, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."


def test_ticks_and_crosses_from_a_phones_emoji_keyboard_are_yes_and_no(tmp_path, board_member):
    # given a yes/no column filled on a phone: its emoji keyboard sends "☑️" as "☑" with the variation selector
    # U+FE0F (how it is drawn), and offers "✅" and "❌" first
    rows = [[*HEADERS, "Berbadan hukum"]]
    for number, mark in enumerate(["\u2611\ufe0f", "\u2705", "\u274c", "\u2611"], start=1):
        rows.append([f"LKSA Centang {number}", "anak", "63.71.01.1001", f"TD/CENTANG/{number}", 20, mark])

    # when the list is imported
    result = run(xlsx_file(tmp_path, rows), board_member)

    # then each is read as the yes or no it shows, instead of "Isi “Ya” atau “Tidak”, bukan “☑️”" on a tick that
    # reads as one without its selector
    assert (result.status, problems_of(result)) == ("succeeded", [])
    stored = dict(Organisation.objects.filter(name__startswith="LKSA Centang").values_list("name", "has_legal_entity"))
    assert stored == {"LKSA Centang 1": True, "LKSA Centang 2": True, "LKSA Centang 3": False, "LKSA Centang 4": True}


@pytest.mark.parametrize("rows", [2, 3000])  # the padding within the first bytes read, and after them
def test_a_csv_cut_short_and_padded_with_nul_bytes_is_refused_not_imported_with_its_last_row_cut(
    tmp_path, board_member, rows
):
    # An interrupted download or copy: the file's full size set aside, the rest never written (zeros).
    lines = [",".join(HEADERS)] + [f"LKSA Terpotong {i},lksa,63.71.01.1001,TD/{i}/X,10" for i in range(rows)]
    whole = ("\r\n".join(lines) + "\r\n").encode()
    path = tmp_path / "terpotong.csv"
    path.write_bytes(whole[:-7] + b"\x00" * 70_000)

    with pytest.raises(FileRefused, match=r"diakhiri deretan byte kosong \(NUL\)"):
        run(path, board_member)

    assert not Organisation.objects.filter(name__startswith="LKSA Terpotong").exists()


def test_a_utf16_csv_whose_last_byte_is_zero_is_still_read(tmp_path, board_member):
    lines = [",".join(HEADERS), "LKSA Enam Belas,lksa,63.71.01.1001,TD/16/X,10"]
    path = tmp_path / "utf16.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16-le"))  # no BOM; ends in "\n\x00"

    result = run(path, board_member)

    assert (result.status, result.created) == ("succeeded", 1), result.problems
