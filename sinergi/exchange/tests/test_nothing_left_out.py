"""Values a file holds that no column would read: refused or said, never dropped without a word."""

import pytest
import xlsxwriter

from sinergi.core.downloads import XLSX_MAX_TEXT, table_write
from sinergi.exchange.columns import TextColumn
from sinergi.exchange.files import XLSX, read_all
from sinergi.exchange.values import CellProblem
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, csv_file, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db


def lks_row(number: int) -> list:
    return [f"LKSA Lembar {number}", "anak", "63.71.01.1001", f"TD/LEMBAR/{number}", 20]


def workbook(path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()):
    book = xlsxwriter.Workbook(path)
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
        if name in hidden:
            sheet.hide()
        elif hidden:
            sheet.activate()  # Excel (and XlsxWriter) keep the active sheet visible
    book.close()
    return path


# ---------------------------------------------------------------------------------------------- sheets


def test_records_on_a_second_sheet_refuse_the_file_instead_of_being_left_out(tmp_path, board_member):
    path = workbook(
        tmp_path / "per-jenis.xlsx",
        {"LKSA": [HEADERS, lks_row(1), lks_row(2)], "Lansia": [HEADERS, lks_row(3)]},
    )
    result = run(path, board_member)
    assert result.status == "refused"
    assert "“Lansia” juga berisi judul kolom dan baris data" in result.message
    assert "satu impor membaca satu lembar saja (“LKSA”)" in result.message
    assert not Organisation.objects.filter(name__startswith="LKSA Lembar").exists()


def test_a_copy_of_the_template_sheet_holding_records_refuses_the_file_too(tmp_path, board_member):
    path = workbook(tmp_path / "templat.xlsx", {"Data LKS": [HEADERS, lks_row(1)], "LKS Lain": [HEADERS, lks_row(2)]})
    result = run(path, board_member, dry_run=True)
    assert result.status == "refused" and "“LKS Lain”" in result.message


def test_a_hidden_sheet_or_one_with_a_header_alone_does_not_stop_the_import(tmp_path, board_member):
    path = workbook(
        tmp_path / "rapi.xlsx",
        {
            "Data LKS": [HEADERS, lks_row(1)],
            "Arsip 2023": [HEADERS, lks_row(2)],
            "Kosong": [HEADERS],
            "Rekap": [["Jenis layanan", "Jumlah"], ["anak", 1]],
        },
        hidden=("Arsip 2023",),
    )
    result = run(path, board_member)
    assert (result.status, result.created) == ("succeeded", 1), result.message
    assert list(Organisation.objects.filter(name__startswith="LKSA Lembar").values_list("name", flat=True)) == [
        "LKSA Lembar 1"
    ]


def test_rows_on_another_sheet_without_a_header_are_named_as_not_read(tmp_path, board_member):
    path = workbook(
        tmp_path / "tanpa-judul.xlsx", {"Data LKS": [HEADERS, lks_row(1)], "Februari": [lks_row(2), lks_row(3)]}
    )
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.message
    assert (
        "Lembar “Februari” berisi baris isian tanpa judul kolom yang dikenali, jadi tidak dibaca. Bila itu data yang "
        "juga harus diimpor, pindahkan barisnya ke lembar “Data LKS”."
    ) in result.notices


def test_the_templates_sheet_hidden_by_the_user_is_not_the_one_read(tmp_path, board_member):
    path = workbook(
        tmp_path / "disembunyikan.xlsx",
        {"Data LKS": [HEADERS, lks_row(1)], "Februari": [HEADERS, lks_row(2), lks_row(3)]},
        hidden=("Data LKS",),
    )
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), result.message
    assert "Data dibaca dari lembar “Februari”." in result.notices


# ---------------------------------------------------------------------------------------------- columns


def test_a_csv_line_shifted_by_an_unquoted_comma_is_refused_with_the_reason(tmp_path, board_member):
    path = tmp_path / "koma.csv"
    path.write_text(
        ",".join(HEADERS)
        + "\r\n"
        + "LKSA Lembar 1,anak,63.71.01.1001,TD/LEMBAR/1,20\r\n"
        + "LKSA Harapan, Cabang Dua,anak,63.71.01.1001,TD/LEMBAR/2,20\r\n",
        encoding="utf-8",
    )
    result = run(path, board_member)
    assert result.status == "refused"
    [(row, column, value, message)] = [p for p in problems_of(result) if p[1].startswith("Kolom F")]
    assert (row, column, value) == (3, "Kolom F (tanpa judul)", "20")
    assert message.startswith("Baris ini punya 6 isian, padahal judul kolomnya 5: biasanya ada koma di dalam teks")
    assert not Organisation.objects.filter(registration_number__startswith="TD/LEMBAR/").exists()


def test_a_shifted_csv_line_whose_last_field_is_empty_names_the_comma_first(tmp_path, board_member):
    path = tmp_path / "koma-kosong.csv"
    path.write_text(
        ",".join([*HEADERS, "Catatan"]) + "\r\n" + "LKSA Harapan, Cabang Dua,anak,63.71.01.1001,TD/LEMBAR/2,20,\r\n",
        encoding="utf-8",
    )
    result = run(path, board_member, dry_run=True)
    assert result.status == "refused"
    first = result.problems[0]
    assert (first.row, first.column) == (2, "Kolom G (tanpa judul)")
    assert first.message.startswith("Baris ini punya 7 isian, padahal judul kolomnya 6")
    assert len(result.problems) > 1  # the shifted cells' own problems follow


def test_a_csv_with_an_empty_field_at_the_end_of_every_line_is_read(tmp_path, board_member):
    path = csv_file(tmp_path, [[*HEADERS, ""], [*lks_row(1), ""]])
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), problems_of(result)


def test_a_value_under_a_blank_header_refuses_its_row(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [[*HEADERS, None, "Catatan lama"], [*lks_row(1), None, "x"], [*lks_row(2), "rujuk ke RSUD Ulin", None]],
    )
    result = run(path, board_member)
    assert result.status == "refused"
    assert [p[:3] for p in problems_of(result)] == [(3, "Kolom F (tanpa judul)", "rujuk ke RSUD Ulin")]
    assert "kolom tanpa judul, jadi tidak akan terbaca" in result.problems[0].message
    assert "Kolom yang tidak dikenal diabaikan: “Catatan lama”." in result.notices  # a named column: a notice


def test_a_header_repeated_below_the_first_table_is_skipped_and_said(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, lks_row(1), [], [h.upper() for h in HEADERS], lks_row(2)])
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), problems_of(result)
    assert "Baris 4 mengulang judul kolom, bukan data, dan dilewati." in result.notices


# ---------------------------------------------------------------------------------------------- cells


def test_a_text_our_xlsx_cut_at_excels_limit_is_refused_rather_than_stored_cut(tmp_path):
    notes = "Riwayat kasus. " * 3000  # 45,000 characters: more than an Excel cell holds
    path = tmp_path / "ekspor.xlsx"
    with open(path, "wb") as handle:  # as an export or an error report writes it
        table_write(handle=handle, headers=["Catatan"], rows=[[notes]], file_format="xlsx")
    [_header, (_row, [cell])] = read_all(path, XLSX)
    assert len(cell) == XLSX_MAX_TEXT and notes.startswith(cell[:-1])
    column = TextColumn("notes", "Catatan", single_line=False)

    [problem] = column.clean_column([cell], ctx=None)

    assert isinstance(problem, CellProblem)
    assert problem.message.startswith("Isi sel ini terpotong di batas Excel (32.767 karakter) saat diekspor")
    assert column.clean_column([notes[:XLSX_MAX_TEXT]], ctx=None) == [notes[:XLSX_MAX_TEXT].strip()]


def test_control_characters_pasted_into_a_cell_are_not_stored(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA\x07 Lembar\x0b1", "anak", "63.71.01.1001", "TD/LEMBAR/1", 20]])
    result = run(path, board_member)
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert Organisation.objects.get(registration_number="TD/LEMBAR/1").name == "LKSA Lembar 1"


def test_a_hidden_column_that_is_read_is_said_to_be(tmp_path, board_member):
    path = tmp_path / "kolom-tersembunyi.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, [*HEADERS, "Catatan lama"])
    sheet.write_row(1, 0, [*lks_row(1), "x"])
    sheet.set_column(4, 5, None, None, {"hidden": True})  # Kapasitas (read) and an unknown column
    book.close()
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), problems_of(result)
    assert "Kolom tersembunyi di lembar ini ikut dibaca: E (“Kapasitas (orang)”)." in result.notices
