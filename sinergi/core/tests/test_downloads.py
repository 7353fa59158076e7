import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from sinergi.core.downloads import download_filename, escape_formula, filter_slug, table_download

from .xlsx import read_xlsx


def test_escape_formula_prefixes_every_trigger_and_leaves_other_text():
    # given/when/then
    assert [escape_formula(t) for t in ["=SUM(A1)", "+62", "-1", "@x", "\tx", "\rx"]] == [
        "'=SUM(A1)",
        "'+62",
        "'-1",
        "'@x",
        "'\tx",
        "'\rx",
    ]
    # The apostrophe itself is doubled when it is data: an import drops one leading apostrophe.
    assert escape_formula("'Aisyah") == "''Aisyah"
    assert escape_formula("Yayasan = Harapan") == "Yayasan = Harapan"
    assert escape_formula("") == ""


def test_download_filename_carries_the_date_and_a_safe_name():
    today = date(2025, 8, 17)
    assert download_filename("LKS per jenis / kab", "csv", today=today) == "lks-per-jenis-kab-2025-08-17.csv"
    assert download_filename("!!!", "xlsx", today=today) == "tabel-2025-08-17.xlsx"


def test_csv_has_bom_quotes_properly_and_escapes_formulas():
    # given a table with commas, quotes, line breaks, a formula and typed values
    rows = [
        ["Yayasan Kasih, Bunda", 1234, date(2025, 8, 17)],
        ['LKS "Harapan"\nBaru', Decimal("2.50"), None],
        ['=HYPERLINK("http://x")', -3, True],
    ]
    # when
    response = table_download(
        headers=["Nama", "Jumlah", "Tanggal"], rows=rows, name="Contoh", file_format="csv", today=date(2025, 8, 17)
    )
    # then
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="contoh-2025-08-17.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.content.decode("utf-8-sig") == (
        "Nama,Jumlah,Tanggal\r\n"
        '"Yayasan Kasih, Bunda",1234,2025-08-17\r\n'
        '"LKS ""Harapan""\nBaru",2.50,\r\n'
        '"\'=HYPERLINK(""http://x"")",-3,Ya\r\n'
    )


def test_the_semicolon_csv_writes_decimals_with_a_comma_as_excel_set_to_indonesian_reads_them():
    rows = [["Yayasan Kasih; Bunda", 1234, Decimal("-3.329900"), 114.59, date(2025, 8, 17), "Jl. A. Yani 1.5"]]

    response = table_download(
        headers=["Nama", "Kapasitas", "Lintang", "Bujur", "Tanggal", "Alamat"],
        rows=rows,
        name="Contoh",
        file_format="csv",
        delimiter=";",
    )

    assert response.content.decode("utf-8-sig") == (
        "Nama;Kapasitas;Lintang;Bujur;Tanggal;Alamat\r\n"
        '"Yayasan Kasih; Bunda";1234;-3,329900;114,59;2025-08-17;Jl. A. Yani 1.5\r\n'
    )


def test_csv_writes_aware_datetimes_in_local_time(settings):
    settings.TIME_ZONE = "Asia/Makassar"
    response = table_download(
        headers=["Waktu"], rows=[[datetime(2025, 8, 17, 1, 30, tzinfo=UTC)]], name="w", file_format="csv"
    )
    assert response.content.decode("utf-8-sig") == "Waktu\r\n2025-08-17 09:30\r\n"


def test_xlsx_bold_header_numbers_as_numbers_dates_as_dates_and_formula_like_text_kept_as_text(settings):
    settings.TIME_ZONE = "Asia/Makassar"
    # given
    rows = [
        ["Kota Banjarmasin", 1234, date(2025, 8, 17), datetime(2025, 8, 17, 1, 30, tzinfo=UTC)],
        ["@cmd", Decimal("2.5"), None, None],
        ["+62 811", None, date(2025, 8, 18), False],
    ]
    # when
    response = table_download(
        headers=["Wilayah", "Jumlah", "Tanggal", "Waktu"],
        rows=rows,
        name="LKS per kabupaten",
        file_format="xlsx",
        sheet_title="LKS: per kab/kota [2025]",
        today=date(2025, 8, 17),
    )
    # then
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="lks-per-kabupaten-2025-08-17.xlsx"'
    sheet_rows, styles = read_xlsx(response.content)
    values = [[(k, float(v) if k == "n" else v) for k, v, _ in row] for row in sheet_rows]
    assert values == [
        [("inlineStr", "Wilayah"), ("inlineStr", "Jumlah"), ("inlineStr", "Tanggal"), ("inlineStr", "Waktu")],
        [("inlineStr", "Kota Banjarmasin"), ("n", 1234), ("n", 45886), ("n", pytest.approx(45886.39583333))],
        [("inlineStr", "@cmd"), ("n", 2.5)],  # 09:30 WITA above; empty cells are not written
        [("inlineStr", "+62 811"), ("n", 45887), ("b", "0")],
    ]
    # Formula-like text is written as it reads, in a quote-prefixed text cell: shown and kept as text when edited
    assert [styles[row[0][2]]["quote_prefix"] for row in sheet_rows[1:]] == [True, True, True]
    assert not any(styles[cell[2]]["quote_prefix"] for row in sheet_rows[1:] for cell in row[1:])
    assert all(styles[s]["bold"] for _, _, s in sheet_rows[0])
    assert not styles[sheet_rows[1][0][2]]["bold"]
    assert styles[sheet_rows[1][2][2]]["format"] == "dd-mm-yyyy"
    assert styles[sheet_rows[1][3][2]]["format"] == "dd-mm-yyyy hh:mm"
    workbook = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/workbook.xml").decode()
    assert 'name="LKS per kab kota 2025"' in workbook


@pytest.mark.parametrize(
    ("title", "sheet"),
    [
        ("Pekerja sosial (PSKS) aktif menurut kategori dan wilayah", "Pekerja sosial (PSKS) aktif…"),
        ("Anak dalam pengasuhan panti (residensial) dan berbasis keluarga", "Anak dalam pengasuhan panti…"),
        ("Cakupan LKKKS", "Cakupan LKKKS"),
        ("Tabelyangsangatpanjangtanpaspasisamasekali", "Tabelyangsangatpanjangtanpaspa…"),
    ],
)
def test_a_long_title_names_the_sheet_up_to_a_whole_word(title, sheet):
    response = table_download(headers=["A"], rows=[[1]], name="x", file_format="xlsx", sheet_title=title)
    workbook = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/workbook.xml").decode()
    assert f'name="{sheet}"' in workbook
    assert len(sheet) <= 31


def test_xlsx_formula_like_text_in_a_number_column_keeps_its_apostrophe():
    # A cell of a number column is not quote-prefixed: edited, "=1+1" would run
    response = table_download(headers=["Jumlah"], rows=[[5], ["=1+1"]], name="x", file_format="xlsx")
    rows, styles = read_xlsx(response.content)
    assert rows[2][0][:2] == ("inlineStr", "'=1+1")
    assert not styles[rows[2][0][2]]["quote_prefix"]


def test_xlsx_of_an_empty_table_has_its_header_and_long_or_equal_headers_survive():
    # given no rows, two equal headers and a text longer than a cell may hold
    empty = table_download(headers=["Nama", "Nama"], rows=[], name="x", file_format="xlsx")
    long = table_download(headers=["Catatan"], rows=[["a" * 40000]], name="x", file_format="xlsx")
    # then
    assert [[v for _k, v, _s in row] for row in read_xlsx(empty.content)[0]] == [["Nama", "Nama (2)"]]
    cell = read_xlsx(long.content)[0][1][0][1]
    assert len(cell) == 32767 and cell.endswith("…")


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        table_download(headers=["a"], rows=[], name="x", file_format="pdf")


def test_a_list_filters_summary_for_a_file_name_is_short_ascii_and_never_holds_the_words_searched_for():
    filters = [("status", ["active", "draft"]), ("region", ["63.71"]), ("q", ["Budi Ñoño"]), ("kind", [""])]

    assert filter_slug(filters) == "status-active-draft-region-6371-q"
    assert filter_slug([("organisation", ["12"]), ("ppks_category", ["anak_telantar"])], max_length=20) == (
        "organisation-12"
    )  # cut after a whole filter
    assert filter_slug([]) == ""


def test_an_xlsx_says_what_its_figures_are_on_a_second_sheet_and_keeps_the_first_a_plain_table():
    response = table_download(
        headers=["Wilayah", "Jumlah"],
        rows=[["Kota Banjarmasin", 3]],
        name="uji",
        file_format="xlsx",
        sheet_title="LKS aktif",
        notes=[("Tabel", "LKS aktif"), ("Cakupan", "=Kota Banjarmasin")],
    )

    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["LKS aktif", "Keterangan"]
    assert book.get_sheet_by_index(0).to_python() == [["Wilayah", "Jumlah"], ["Kota Banjarmasin", 3]]
    assert book.get_sheet_by_index(1).to_python() == [
        ["Keterangan", "Isi"], ["Tabel", "LKS aktif"], ["Cakupan", "=Kota Banjarmasin"]
    ]  # fmt: skip


def test_a_csv_stays_one_plain_table_whatever_the_notes():
    response = table_download(
        headers=["Wilayah"], rows=[["Kota Banjarmasin"]], name="uji", file_format="csv", notes=[("Tabel", "X")]
    )

    assert response.content.decode("utf-8-sig").splitlines() == ["Wilayah", "Kota Banjarmasin"]


def test_a_download_name_made_of_a_long_title_stays_short_enough_for_any_file_system():
    import datetime

    from sinergi.core.downloads import download_filename

    title = "Laporan LKS dalam cakupan " + ", ".join(f"LKSA Harapan Bangsa Cabang Nomor {n}" for n in range(20))
    name = download_filename(title, "pdf", today=datetime.date(2026, 12, 5))
    assert len(name) <= 120
    assert name.startswith("laporan-lks-dalam-cakupan-lksa-harapan-bangsa")
    assert name.endswith("-2026-12-05.pdf") and "--" not in name
