"""Spreadsheets made the way people make them (second round): what is accepted, what is refused and how."""

import datetime

import pytest
import xlsxwriter

from sinergi.exchange import values as v
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

ROW = ["LKSA Rapi", "anak", "63.71.01.1001", "TD/RAPI/1", 20]


# ---------------------------------------------------------------------------------------------- cells


@pytest.mark.parametrize("raw", ["1950", 1948, 1948.0, "2003"])
def test_a_year_alone_in_a_date_column_is_refused_not_read_as_a_day_in_1905(raw):
    with pytest.raises(v.CellProblem) as problem:
        v.parse_date(raw)
    assert "hanya tahun, bukan tanggal" in problem.value.message


def test_a_real_excel_serial_is_still_a_date():
    assert v.parse_date(45155) == datetime.date(2023, 8, 17)


@pytest.mark.parametrize("raw", ["-", " - ", "--", "–", "—", "'-"])
def test_a_lone_dash_is_an_empty_cell(raw):
    assert v.is_blank(raw) and v.text(raw) == ""
    assert v.parse_date(raw) is None and v.parse_int(raw) is None


def test_a_dash_in_a_yes_no_column_is_no():
    assert v.parse_bool("-") is False


@pytest.mark.parametrize("raw", ["√", "✔", "Iya", "Sudah"])
def test_the_ways_people_write_yes(raw):
    assert v.parse_bool(raw) is True


def test_belum_is_no():
    assert v.parse_bool("Belum") is False


def test_a_date_with_a_twelve_hour_time_is_read():
    assert v.parse_date("17/08/2012 10:30:00 AM") == datetime.date(2012, 8, 17)


def test_a_word_several_items_share_names_them_all_instead_of_guessing_one():
    choices = v.Choices(
        [("residential", "Dalam panti"), ("community", "Luar panti (berbasis masyarakat)")], suggest_labels=True
    )
    with pytest.raises(v.CellProblem) as problem:
        choices.match("Panti")
    assert problem.value.message == (
        "“Panti” tidak ada dalam daftar. Mungkin maksud Anda salah satu dari: “Dalam panti”, "
        "“Luar panti (berbasis masyarakat)”?"
    )


def test_an_unrelated_word_gets_the_list_not_a_misleading_suggestion():
    choices = v.Choices([("independent", "Mandiri"), ("family", "Kembali ke keluarga")], suggest_labels=True)
    with pytest.raises(v.CellProblem) as problem:
        choices.match("Melarikan diri")
    assert "Mungkin" not in problem.value.message and "Pilihan: Mandiri, Kembali ke keluarga" in problem.value.message


def test_a_typo_still_gets_its_suggestion():
    choices = v.Choices([("lanjut_usia", "LKS Lanjut Usia")])
    with pytest.raises(v.CellProblem) as problem:
        choices.match("lanjut usai")
    assert "Mungkin maksud Anda “lanjut_usia”" in problem.value.message


# ---------------------------------------------------------------------------------------------- files


def test_a_dash_for_none_stores_nothing_and_matches_nothing(tmp_path, board_member):
    # given two LKS that have no registration number yet, written "-" as paper forms do
    rows = [
        [*HEADERS, "Telepon"],
        ["LKSA Strip Satu", "anak", "63.71.01.1001", "-", 10, "-"],
        ["LKSA Strip Dua", "anak", "63.71.04.1005", "—", 12, "-"],
    ]
    # when
    result = run(xlsx_file(tmp_path, rows), board_member)
    # then both are created (not refused as duplicates of "-"), with empty numbers and phones
    assert (result.status, result.created) == ("succeeded", 2), problems_of(result)
    stored = Organisation.objects.filter(name__startswith="LKSA Strip").values_list("registration_number", "phone")
    assert set(stored) == {("", "")}


def test_a_format_hint_in_a_header_does_not_hide_the_column(tmp_path, board_member):
    rows = [
        ["Nama LKS", "Jenis layanan utama", "Kode wilayah [10 angka]", "Nomor tanda daftar",
         "Tanggal tanda daftar (dd-mm-yyyy)"],
        ["LKSA Petunjuk", "anak", "63.71.01.1001", "TD/PETUNJUK/1", "02-01-2024"],
    ]  # fmt: skip
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    lks = Organisation.objects.get(registration_number="TD/PETUNJUK/1")
    assert (lks.village_code, lks.registration_issued_on) == ("63.71.01.1001", datetime.date(2024, 1, 2))


def test_rows_with_only_a_row_number_or_a_section_title_are_not_data(tmp_path, board_member):
    # given a "No" column numbered in advance far below the data, and a section title in it
    rows = [["No", *HEADERS], ["A. ANAK DALAM PANTI"], [1, *ROW]]
    rows += [[number] for number in range(2, 30)]
    # when
    result = run(xlsx_file(tmp_path, rows), board_member)
    # then the one real row is imported and nothing is refused
    assert (result.status, result.created, result.rows_total) == ("succeeded", 1, 1), problems_of(result)
    # and the rows passed over are named, not dropped silently
    assert "Baris 4, 5, 6, 7, 8, 9, 10, 11, 12, 13… hanya berisi isian di kolom yang tidak dibaca, jadi dilewati." in (
        result.notices
    )
    assert "Baris 2 berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati." in result.notices


def test_a_row_numbering_the_columns_under_the_header_is_skipped(tmp_path, board_member):
    for numbering in ([1, 2, 3, 4, 5], ["(1)", "(2)", "(3)", "(4)", "(5)"]):
        result = run(xlsx_file(tmp_path, [HEADERS, numbering, ROW]), board_member, dry_run=True)
        assert (result.status, result.created) == ("checked", 1), problems_of(result)
        assert "Baris 2 berisi nomor kolom (1, 2, 3, …), bukan data, dan dilewati." in result.notices


def test_a_row_of_superscript_numbers_under_the_header_is_read_as_a_row_not_an_error(tmp_path, board_member):
    # "²" is a digit to str.isdigit and not to int: the check of a column-numbering row raised, and the import failed
    result = run(xlsx_file(tmp_path, [HEADERS, ["¹", "²", "³", "⁴", "⁵"], ROW]), board_member, dry_run=True)

    assert result.status == "refused" and 2 in {problem.row for problem in result.problems}
    assert not any("nomor kolom" in notice for notice in result.notices)


def test_data_pasted_into_another_sheet_beside_the_empty_template_sheet_is_found(tmp_path, board_member):
    path = tmp_path / "templat-terisi.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Data LKS").write_row(0, 0, HEADERS)  # the template's sheet, left with its header only
    data = book.add_worksheet("Sheet2")
    data.write_row(0, 0, HEADERS)
    data.write_row(1, 0, ROW)
    book.close()
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.message
    assert "Data dibaca dari lembar “Sheet2”." in result.notices


def test_a_column_shown_to_be_month_first_makes_its_two_way_dates_doubtful(tmp_path, board_member):
    # given American dates: one that can only be month/day, and one that reads both ways
    rows = [
        [*HEADERS, "Tanggal tanda daftar"],
        ["LKSA AS Satu", "anak", "63.71.01.1001", "TD/AS/1", 10, "08/17/2012"],
        ["LKSA AS Dua", "anak", "63.71.01.1001", "TD/AS/2", 10, "08/07/2012"],
        ["LKSA AS Tiga", "anak", "63.71.01.1001", "TD/AS/3", 10, "25/12/2012"],
    ]
    # when
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    # then the impossible one is refused on its row, and the column names the doubtful one (not the clear one)
    assert result.status == "refused"
    rows_with_problems = {p.row for p in result.problems}
    assert rows_with_problems == {1, 2}
    column_problem = next(p for p in result.problems if p.row == 1)
    assert column_problem.column == "Tanggal tanda daftar"
    assert "urutan bulan-hari-tahun (mis. “08/17/2012”)" in column_problem.message
    assert "“08/07/2012”" in column_problem.message and "25/12/2012" not in column_problem.message


def test_day_first_dates_that_read_both_ways_stay_accepted_without_a_month_first_sign(tmp_path, board_member):
    rows = [[*HEADERS, "Tanggal tanda daftar"], [*ROW, "08/07/2012"]]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "succeeded"
    assert Organisation.objects.get(registration_number="TD/RAPI/1").registration_issued_on == datetime.date(2012, 7, 8)


def test_the_same_header_twice_is_named_with_its_two_columns(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [[*HEADERS, "Nama LKS"], [*ROW, "LKSA Lain"]]), board_member, dry_run=True)
    assert result.status == "refused"
    assert result.message == "Kolom “Nama LKS” ada dua kali (kolom A dan F). Hapus salah satunya."


def test_two_headers_meaning_the_same_column_are_named_with_their_columns(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [[*HEADERS, "Nama lembaga"], [*ROW, "LKSA Lain"]]), board_member, dry_run=True)
    assert result.message == (
        "Kolom “Nama LKS” (kolom A) dan “Nama lembaga” (kolom F) sama-sama berarti “Nama LKS”. Hapus salah satunya."
    )


def test_a_latitude_far_out_of_range_gets_the_range_message_only(tmp_path, board_member):
    result = run(xlsx_file(tmp_path, [[*HEADERS, "Lintang", "Bujur"], [*ROW, "-33194", "114.59"]]), board_member)
    messages = [p.message for p in result.problems if p.column == "Lintang"]
    assert len(messages) == 1 and "Pastikan" not in messages[0], messages


def test_a_number_excel_turned_into_a_date_is_refused_not_stored_as_that_date(tmp_path, board_member):
    # given "12/2015" typed as a deed number, which Excel made the date 1 December 2015
    rows = [[*HEADERS, "Nomor akta"], [*ROW, datetime.datetime(2015, 12, 1)]]
    # when
    result = run(xlsx_file(tmp_path, rows), board_member)
    # then
    assert problems_of(result) == [
        (
            2,
            "Nomor akta",
            "01-12-2015",
            "Excel atau LibreOffice mengubah isian sel ini menjadi tanggal (01-12-2015). Format kolom ini sebagai "
            "Teks, lalu ketik ulang isinya.",
        )
    ]
    assert not Organisation.objects.filter(registration_number="TD/RAPI/1").exists()


def test_an_lks_form_of_service_reads_the_words_a_clients_does(tmp_path, board_member):
    rows = [
        [*HEADERS, "Bentuk layanan"],
        [*ROW, "Panti"],
        ["LKSA Non", "anak", "63.71.01.1001", "TD/NON/1", 5, "Non Panti"],
    ]
    result = run(xlsx_file(tmp_path, rows), board_member)
    assert result.status == "succeeded", problems_of(result)
    settings = dict(
        Organisation.objects.filter(registration_number__in=["TD/RAPI/1", "TD/NON/1"]).values_list(
            "registration_number", "care_setting"
        )
    )
    assert settings == {"TD/RAPI/1": "residential", "TD/NON/1": "community"}


def test_a_bracket_naming_someone_else_keeps_the_column_unknown():
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.pipeline import header_column, header_index

    known = header_index(get_entity("clients"))
    assert {cell: getattr(header_column(cell, known), "key", None) for cell in (
        "NIK (Ayah)", "Nama (Orang Tua/Wali)", "Tanggal lahir (Ibu)", "NIK (16 angka)", "Tanggal lahir (dd-mm-yyyy)",
        "Nama lengkap (wajib)", "Tanggal masuk [contoh: 17-08-2023]",
    )} == {
        "NIK (Ayah)": None, "Nama (Orang Tua/Wali)": None, "Tanggal lahir (Ibu)": None, "NIK (16 angka)": "nik",
        "Tanggal lahir (dd-mm-yyyy)": "birth_date", "Nama lengkap (wajib)": "full_name",
        "Tanggal masuk [contoh: 17-08-2023]": "admitted_on",
    }  # fmt: skip


def test_a_hint_row_under_the_header_is_read_with_it(tmp_path, board_member):
    rows = [HEADERS, ["(wajib)", "(kode)", "(10 angka)", "", "(orang)"], ROW]
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), problems_of(result) or result.message
    assert "Baris 2 berisi petunjuk pengisian, bukan data, dan dilewati." in result.notices


def test_a_title_carried_from_the_left_does_not_swallow_a_column_named_alone():
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.pipeline import _two_row_header, header_column, header_index

    known = header_index(get_entity("clients"))
    joined = _two_row_header(["Nama lengkap", "Kabupaten/Kota", ""], ["", "asal", "LKS"], known)
    assert [getattr(header_column(cell, known), "key", None) for cell in joined] == [
        "full_name",
        "origin_regency",
        "lks",
    ]


@pytest.mark.parametrize("entity", ["lks", "clients", "workers"])
def test_an_empty_template_is_refused_as_empty_not_read_from_its_instructions(tmp_path, board_member, entity):
    from sinergi.exchange.columns import get_entity
    from sinergi.exchange.workbook import template_bytes

    path = tmp_path / f"templat-{entity}.xlsx"
    path.write_bytes(template_bytes(get_entity(entity)))
    result = run(path, board_member, entity=entity, dry_run=True)
    assert result.message.startswith("Tidak ada baris data di bawah judul kolom"), result.message


def test_a_year_alone_is_refused_in_a_1904_date_system_workbook_too(tmp_path, board_member):
    path = tmp_path / "mac-tahun.xlsx"
    book = xlsxwriter.Workbook(path, {"date_1904": True})
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, [*HEADERS, "Tanggal izin operasional"])
    sheet.write_row(1, 0, [*ROW, 2015])
    book.close()
    result = run(path, board_member, dry_run=True)
    assert [p.message for p in result.problems] == [
        "“2015” hanya tahun, bukan tanggal. Tulis tanggal lengkap dengan hari dan bulannya; bila hanya tahunnya yang "
        "diketahui, Anda boleh menulis 01-01-2015, dan tanggal itulah yang disimpan."
    ]


def _with_sheet_xml(path, name: str, change):
    """The same workbook with its first sheet's XML passed through `change`."""
    import zipfile

    changed = path.with_name(f"{name}-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data) if item.filename == "xl/worksheets/sheet1.xml" else data)
    return changed


def _without_results(path, empty_result: bytes = b""):
    """The same workbook as a program that does not compute formulas writes it: no cached results. openpyxl and
    pandas write an empty value element ("<v/>") where Excel would write the result."""
    import re

    return _with_sheet_xml(path, "program", lambda data: re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1" + empty_result, data))


@pytest.mark.parametrize("empty_result", [b"", b"<v/>", b"<v />", b"<v></v>", b"<v>\n</v>"])
def test_formulas_without_a_stored_result_in_columns_read_are_refused_rather_than_read_as_empty(
    tmp_path, board_member, empty_result
):
    rows = [HEADERS, ["LKSA A", "anak", "63.71.01.1001", "TD/F/1", ("=10+20", 30)],
            ["LKSA B", "anak", "63.71.01.1001", "TD/F/2", ("=5*2", 10)]]  # fmt: skip
    computed = xlsx_file(tmp_path, rows)
    assert run(computed, board_member, dry_run=True).created == 2  # Excel's own file: the cached values are read
    result = run(_without_results(computed, empty_result), board_member, dry_run=True)
    assert result.status == "refused"
    assert result.message.startswith("Sel E2 berisi rumus tanpa hasil tersimpan")


def test_a_text_formula_whose_stored_result_is_empty_reads_as_an_empty_cell(tmp_path, board_member):
    """Excel stores =IF(…;"";…) as a string result with nothing in it (t="str", <v></v>): a result, not a lack of
    one."""
    rows = [HEADERS, ["LKSA A", "anak", "63.71.01.1001", "TD/F/1", ('=IF(TRUE,"",20)', "")]]
    as_excel_writes_it = _with_sheet_xml(
        xlsx_file(tmp_path, rows), "excel", lambda data: data.replace(b'<c r="E2"', b'<c r="E2" t="str"')
    )
    result = run(as_excel_writes_it, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.message


def test_a_formula_without_result_in_a_column_not_read_does_not_matter(tmp_path, board_member):
    rows = [["No", *HEADERS], [("=ROW()-1", 1), *ROW]]
    result = run(_without_results(xlsx_file(tmp_path, rows)), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.message


def test_section_titles_between_the_rows_are_not_data(tmp_path, board_member):
    rows = [HEADERS, ["A. ANAK DALAM PANTI"], ROW, ["II. LANJUT USIA"],
            ["LKSA Lansia", "lanjut_usia", "63.71.01.1001", "TD/L/1", 10]]  # fmt: skip
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), problems_of(result)
    assert "Baris 2, 4 berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati." in result.notices


def test_rows_hidden_in_the_sheet_are_read_and_said_to_be(tmp_path, board_member):
    path = tmp_path / "disaring.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data LKS")
    sheet.write_row(0, 0, HEADERS)
    sheet.write_row(1, 0, ROW)
    sheet.write_row(2, 0, ["LKSA Tersembunyi", "anak", "63.71.01.1001", "TD/H/1", 5])
    sheet.set_row(2, None, None, {"hidden": True})
    sheet.autofilter(0, 0, 2, 4)
    book.close()
    result = run(path, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2)
    assert "Baris tersembunyi di lembar ini (disaring atau disembunyikan) ikut dibaca: 3." in result.notices


def test_hidden_rows_are_found_across_the_chunks_of_a_large_sheet(tmp_path, monkeypatch):
    from sinergi.exchange import files

    path = tmp_path / "besar.xlsx"
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("Data LKS")
    for row in range(3000):
        if row in (1500, 2999):
            sheet.set_row(row, None, None, {"hidden": True})
        sheet.write_row(row, 0, [f"LKSA {row}", "anak", "63.71.01.1001", f"TD/{row}", 5])
    book.close()
    reads = []
    real_open = files.xlsx_xml.zipfile.ZipFile.open

    def small_reads(self, name, *args, **kwargs):
        handle = real_open(self, name, *args, **kwargs)
        real_read = handle.read
        handle.read = lambda size=-1: reads.append(size) or real_read(min(size, 997) if size > 0 else size)
        return handle

    monkeypatch.setattr(files.xlsx_xml.zipfile.ZipFile, "open", small_reads)
    assert files.xlsx_xml._hidden_rows_and_errors(path, "Data LKS") == ([1501, 3000], [])
    assert len(reads) > 10  # read in many small pieces: row tags were cut between them


def test_a_latitude_without_its_minus_sign_is_warned_about(tmp_path, board_member):
    rows = [[*HEADERS, "Lintang", "Bujur"], [*ROW, 3.3194, 114.59],
            ["LKSA Selatan", "anak", "63.71.01.1001", "TD/S/9", 5, -3.3194, 114.59]]  # fmt: skip
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert result.status == "checked", problems_of(result)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [
        (
            2,
            "Lintang",
            "Lintang 3.3194 berada di sisi khatulistiwa yang lain dari provinsi LKS ini. Periksa tanda minus.",
        )
    ]


def test_a_capacity_written_with_its_unit_is_read_as_the_number(tmp_path, board_member):
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Rapi", "anak", "63.71.01.1001", "TD/RAPI/1", "50 orang"]])
    result = run(path, board_member)
    assert problems_of(result) == []
    assert Organisation.objects.get(registration_number="TD/RAPI/1").capacity == 50


def test_coordinates_copied_in_degrees_minutes_and_seconds_are_stored_as_decimals(tmp_path, board_member):
    headers = [*HEADERS, "Lintang", "Bujur"]
    path = xlsx_file(tmp_path, [headers, [*ROW, "3°19'10\"S", "114°35'27\" BT"]])
    result = run(path, board_member)
    assert problems_of(result) == []
    stored = Organisation.objects.get(registration_number="TD/RAPI/1")
    assert (str(stored.latitude), str(stored.longitude)) == ("-3.319444", "114.590833")


def test_a_row_of_one_cell_between_a_subtotal_and_more_data_is_a_record_not_the_foot(tmp_path, board_member):
    # given a subtotal in the middle of the table, rows of data after it, and a row with only its name filled
    rows = [
        HEADERS,
        ROW,
        ["JUMLAH", 1],
        ["LKSA Kedua", "anak", "63.71.01.1001", "TD/KEDUA/1", 10],
        ["LKSA Setengah"],
        ["JUMLAH", 2],
        ["", "", "Banjarmasin, 30 November 2026"],
    ]
    # when
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    # then the half-filled row is refused as the record it is, not skipped as a line of the sheet's foot
    assert {problem.row for problem in result.problems} == {5}
    assert result.status != "checked"
    # and the subtotals and the real foot under the last total are still set aside, each said
    assert "Baris 3, 6 berisi jumlah/total, bukan data, dan dilewati." in result.notices
    assert (
        "Baris 7 di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau tanda tangan), "
        "bukan data, dan dilewati." in result.notices
    )


def test_a_section_title_in_a_column_not_read_is_named_as_a_section_title(tmp_path, board_member):
    elderly = ["LKS Lansia", "lansia", "63.71.01.1001", "TD/LANSIA/1", 5]
    rows = [["No", *HEADERS], ["A. LKS ANAK"], [1, *ROW], ["B. LKS LANSIA"], [2, *elderly]]
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), problems_of(result)
    assert "Baris 2, 4 berisi judul bagian (mis. “A. ANAK DALAM PANTI”), bukan data, dan dilewati." in result.notices
    assert not any("kolom yang tidak dibaca" in notice for notice in result.notices)


def test_a_row_of_one_cell_directly_under_a_subtotal_with_data_after_it_is_a_record(tmp_path, board_member):
    rows = [HEADERS, ROW, ["JUMLAH", 1], ["LKSA Setengah"], ["LKSA Kedua", "anak", "63.71.01.1001", "TD/KEDUA/1", 10]]
    rows += [["JUMLAH", 2], ["", "", "Banjarmasin, 30 November 2026"]]
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert {problem.row for problem in result.problems} == {4}
    assert "Baris 3, 6 berisi jumlah/total, bukan data, dan dilewati." in result.notices
    assert (
        "Baris 7 di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau tanda tangan), "
        "bukan data, dan dilewati." in result.notices
    )


def test_the_place_and_date_under_a_first_tables_total_stays_its_foot_when_a_second_table_follows(
    tmp_path, board_member
):
    second = ["LKSA Kedua", "anak", "63.71.01.1001", "TD/KEDUA/1", 10]
    rows = [HEADERS, ROW, ["JUMLAH", 1], ["", "", "Banjarmasin, 30 November 2026"], [], HEADERS, second]
    result = run(xlsx_file(tmp_path, rows), board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), problems_of(result)
    assert "Baris 6 mengulang judul kolom, bukan data, dan dilewati." in result.notices
    assert (
        "Baris 4 di bawah baris jumlah hanya berisi satu isian (mis. tempat dan tanggal, atau tanda tangan), "
        "bukan data, dan dilewati." in result.notices
    )
