import io
import re
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import XLSX
from sinergi.exchange.workbook import error_report_bytes, template_bytes
from sinergi.organisations.models import Organisation

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db


def sheets(content: bytes) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_template_has_indonesian_headers_instructions_and_a_hidden_lookup_sheet():
    content = template_bytes(get_entity("lks"))
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.sheet_names == ["Data LKS", "Petunjuk", "Daftar"]
    assert [str(m.visible) for m in book.sheets_metadata][2].endswith("Hidden")
    data = sheets(content)
    assert data["Data LKS"][0][:4] == ["Nama LKS *", "Jenis organisasi", "Jenis layanan utama *", "Jenis layanan lain"]
    assert "ID" not in data["Data LKS"][0] and "Status" not in data["Data LKS"][0]  # export-only columns
    lookup = data["Daftar"]
    assert lookup[0][:2] == ["Jenis organisasi", "Kode"]
    # A vocabulary's dropdown lists its labels, each with its code beside it in the hidden sheet.
    service_kinds = [row[6] for row in lookup[1:] if row[6]]
    assert service_kinds == [
        "LKS Anak (LKSA)", "LKS Lanjut Usia", "LKS Penyandang Disabilitas", "LKS Korban Penyalahgunaan NAPZA",
        "LKS Lainnya",
    ]  # fmt: skip
    assert [row[7] for row in lookup[1:3]] == ["anak", "lanjut_usia"]
    instructions = "\n".join(" ".join(str(c) for c in row) for row in data["Petunjuk"])
    assert "LKS Anak (LKSA); LKS Lanjut Usia" in instructions and "lanjut_usia" not in instructions
    assert "nomor tanda daftar" in instructions


def test_every_list_column_has_a_dropdown_from_the_lookup_sheet():
    content = template_bytes(get_entity("lks"))
    xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    lists = re.findall(r'<dataValidation type="list"[^>]*sqref="([A-Z]+)2:[A-Z]+5001"[^>]*>\s*<formula1>([^<]+)', xml)
    headers = sheets(content)["Data LKS"][0]
    from xlsxwriter.utility import xl_cell_to_rowcol

    by_header = {headers[xl_cell_to_rowcol(f"{col}1")[1]]: source for col, source in lists}
    assert set(by_header) == {
        "Jenis organisasi",
        "Jenis layanan utama *",
        "Jenis layanan lain",
        "Bentuk layanan",
        "Bentuk badan hukum",
        "Berbadan hukum",
        "Peringkat akreditasi",
    }
    assert by_header["Jenis layanan utama *"].startswith("Daftar!$")


def test_a_filled_in_template_imports(tmp_path, board_member):
    headers = sheets(template_bytes(get_entity("lks")))["Data LKS"][0]
    row = dict.fromkeys(headers, "")
    row.update(
        {
            "Nama LKS *": "LKSA Dari Templat",
            "Jenis layanan utama *": "anak",
            "Bentuk layanan": "Dalam panti",
            "Berbadan hukum": "Ya",
            "Kode wilayah": "63.71.01.1001",
            "Nomor tanda daftar": "TD/TPL/1",
        }
    )
    path = xlsx_file(tmp_path, [headers, [row[h] for h in headers]])
    result = run(path, board_member)
    assert (result.status, result.created) == ("succeeded", 1)
    lks = Organisation.objects.get()
    assert (lks.care_setting, lks.has_legal_entity) == ("residential", True)


def test_the_error_report_keeps_the_original_rows_and_adds_an_error_column(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [
            ["Judul"],
            HEADERS,
            ["LKSA Baik", "anak", "63.71.01.1001", "TD/1", 3],
            ["LKSA Buruk", "lanjut usai", "63.71.01.1001", "=TD/2", "x"],
        ],
    )
    result = run(path, board_member)
    report = sheets(error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result))
    data = report["Data LKS"]
    assert data[0][0] == "Judul"
    assert data[1] == [*HEADERS, "Kesalahan impor"]
    assert data[2] == ["LKSA Baik", "anak", "63.71.01.1001", "TD/1", 3.0, ""]
    assert data[3][:5] == ["LKSA Buruk", "lanjut usai", "63.71.01.1001", "=TD/2", "x"]
    assert data[3][5] == (
        "Jenis layanan utama: “lanjut usai” tidak ada dalam daftar. "
        "Mungkin maksud Anda “LKS Lanjut Usia”? "
        "| Kapasitas (orang): “x” bukan bilangan bulat."
    )
    assert report["Daftar kesalahan"][0] == ["Baris", "Kolom", "Isi sel", "Masalah"]
    assert [row[:2] for row in report["Daftar kesalahan"][1:]] == [
        [4.0, "Jenis layanan utama"],
        [4.0, "Kapasitas (orang)"],
    ]


def test_a_corrected_error_report_imports_cleanly(tmp_path, board_member):
    path = xlsx_file(
        tmp_path,
        [HEADERS, ["LKSA Baik", "anak", "63.71.01.1001", "TD/1", 3], ["LKSA B", "lanjut usai", "63.71", "TD/2", 4]],
    )
    result = run(path, board_member)
    rows = sheets(error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result))["Data LKS"]
    rows[2][1] = "lanjut_usia"  # the user fixes the cell the report pointed at
    fixed = run(xlsx_file(tmp_path, rows, name="diperbaiki.xlsx"), board_member)
    assert (fixed.status, fixed.created) == ("succeeded", 2)
    assert [n for n in fixed.notices if not n.startswith("LKS baru tersimpan sebagai draf")] == []


def test_the_error_report_keeps_text_columns_as_text_so_a_retyped_number_stays_exact(tmp_path, board_member):
    import re
    import zipfile

    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Buruk", "anak", "99.99", "TD/2", 3]])
    result = run(path, board_member)
    assert [p.column for p in result.problems] == ["Kode wilayah"]
    report = tmp_path / "report.xlsx"
    report.write_bytes(error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result))
    with zipfile.ZipFile(report) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    text_formats = {"49", *re.findall(r'<numFmt numFmtId="(\d+)" formatCode="@"', styles)}  # "@" is Text
    text_styles = {
        str(index)
        for index, xf in enumerate(re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1].split("</cellXfs>")[0]))
        if re.search(r'numFmtId="(\d+)"', xf).group(1) in text_formats
    }
    columns = {
        column: style
        for first, last, style in re.findall(r'<col min="(\d+)" max="(\d+)"[^>]*style="(\d+)"', sheet)
        for column in range(int(first), int(last) + 1)
    }
    # Nama LKS (1), Kode wilayah (3), Nomor tanda daftar (4) are text; Kapasitas (5) is a number.
    assert {1, 3, 4} <= {c for c, style in columns.items() if style in text_styles}
    assert 5 not in {c for c, style in columns.items() if style in text_styles}
    # The marked problem cell in a text column stays text (its own format would otherwise override the column's).
    assert re.search(r'<c r="C2" s="(\d+)"', sheet).group(1) in text_styles


def test_the_english_template_names_its_sheets_in_english_and_its_dropdowns_still_point_at_the_lists(
    tmp_path, board_member
):
    from django.utils import translation

    with translation.override("en"):
        content = template_bytes(get_entity("lks"))
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    assert book.sheet_names == ["LKS data", "Instructions", "Lists"]
    xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert re.findall(r"<formula1>([A-Za-z']+)!", xml) and set(re.findall(r"<formula1>([A-Za-z']+)!", xml)) == {"Lists"}
    # and the English template, filled in, imports for a user working in Indonesian (headers and sheet alike)
    headers = sheets(content)["LKS data"][0]
    keys = [column.key for column in get_entity("lks").import_columns() if column.in_template]
    assert len(keys) == len(headers)
    values = {"name": "LKSA Inggris", "primary_service_kind": "anak", "region_code": "63.71.01.1001"}
    values["registration_number"] = "TD/EN/1"
    row = [values.get(key) for key in keys]
    filled = xlsx_file(tmp_path, [headers, row], name="filled.xlsx", sheet="LKS data")
    result = run(filled, board_member, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), result.problems


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("entity_key", ["lks", "clients", "workers"])
def test_every_list_columns_example_is_what_its_dropdown_offers_in_the_templates_language(entity_key, language):
    # ("Pengasuh" in an English template would be read, but is not what the English dropdown offers.)
    from django.utils import translation

    from sinergi.exchange.columns import BooleanColumn, ChoiceColumn, TermColumn
    from sinergi.exchange.files import INSTRUCTIONS_SHEET

    entity = get_entity(entity_key)
    with translation.override(language):
        content = template_bytes(entity)
        offered = {
            str(column.header): {value for value, _code in column.choices(None).items}
            for column in entity.import_columns()
            if column.in_template and isinstance(column, (ChoiceColumn, TermColumn, BooleanColumn))
        }
        instructions = sheets(content)[str(INSTRUCTIONS_SHEET)]
    examples = {row[0].rstrip(" *"): row[3] for row in instructions if row and row[0].rstrip(" *") in offered}
    assert set(examples) == set(offered)
    wrong = {header: example for header, example in examples.items() if example and example not in offered[header]}
    assert wrong == {}
    assert any(examples.values())


def test_the_clients_instructions_say_the_nik_and_kk_are_required_unless_their_reason_is_given():
    # A review found the "Wajib" column empty for both numbers, whose rule ("a number or its reason") was only in
    # the sheet's opening lines.
    rows = sheets(template_bytes(get_entity("clients")))["Petunjuk"]
    required = {row[0]: row[1] for row in rows if row and row[0]}

    assert (required["NIK"], required["Alasan NIK kosong"]) == ("Ya, atau alasannya", "Bila nomor kosong")
    assert (required["Nomor KK"], required["Alasan KK kosong"]) == ("Ya, atau alasannya", "Bila nomor kosong")
    assert (required["Nama lengkap"], required["Catatan"]) == ("Ya", "")


@pytest.mark.parametrize(
    ("language", "sheet", "scope", "example"),
    [
        ("id", "Petunjuk", "Cakupan persetujuan", "Pelayanan dan pengasuhan di LKS"),
        ("en", "Instructions", "Scope of consent", "Services and care at the LKS"),
    ],
)
def test_the_clients_instructions_give_the_consent_scopes_example_in_the_templates_language(
    language, sheet, scope, example
):
    from django.utils import translation

    with translation.override(language):
        rows = sheets(template_bytes(get_entity("clients")))[sheet]

    examples = {row[0].rstrip(" *"): row[3] for row in rows if row and row[0]}
    assert examples[scope] == example


def test_the_english_clients_instructions_use_the_columns_words():
    from django.utils import translation

    with translation.override("en"):
        rows = sheets(template_bytes(get_entity("clients")))["Instructions"]
    text = "\n".join(" ".join(str(cell) for cell in row) for row in rows)

    # "client" and "Care setting" as the sheet and its column say, not "service recipient" and "form of service"
    assert "A client may have more than one PPKS category" in text and "recipient" not in text
    assert "The main category and care setting of a placement" in text
    assert "form of service" not in text and "Regency/City" not in text


def test_a_dropdowns_error_names_the_instructions_sheet_as_the_template_names_it_in_each_language():
    from django.utils import translation

    for language, sheet in (("id", "Petunjuk"), ("en", "Instructions")):
        with translation.override(language):
            content = template_bytes(get_entity("workers"))
        xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
        assert f"&#8220;{sheet}&#8221;" in xml or f"“{sheet}”" in xml, language
        assert "Petunjuk" not in xml or language == "id"


def test_an_english_clients_template_of_before_client_everywhere_is_still_our_sheet(tmp_path):
    # English said "service recipient" in some places until it said "client" throughout: the data sheet of an
    # English template downloaded before is still the template's sheet. Left with its header only and the rows
    # pasted into another sheet, the rows are read from that sheet, as from a template of today.
    import xlsxwriter

    from sinergi.exchange.files import open_table
    from sinergi.exchange.pipeline import header_test

    entity = get_entity("clients")
    assert entity.sheet_names()[-1] == "Service recipient data"
    header = [str(column.header) for column in entity.import_columns() if column.in_template]
    path = tmp_path / "old.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Service recipient data").write_row(0, 0, header)
    pasted = book.add_worksheet("Sheet1")
    pasted.write_row(0, 0, header)
    pasted.write_row(1, 0, ["Rina", "P"])
    book.close()

    table = open_table(path, XLSX, preferred_sheets=entity.sheet_names(), is_header=header_test(entity))
    try:
        rows = [cells for _number, cells in table.rows]
    finally:
        table.close()
    assert rows[1][:2] == ["Rina", "P"]
    assert any("Sheet1" in notice for notice in table.notices)
