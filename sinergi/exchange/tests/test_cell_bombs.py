"""Small files whose cells make calamine allocate a huge grid (every cell from A1 to the last one with a value, 32
bytes each, a failed allocation ending the process): refused before calamine reads them. Also the other checks of
the .ods and .xls readers (formula scan, codepages, lying zip directory)."""

import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
import python_calamine

from sinergi.exchange import files, ods, xls
from sinergi.exchange.files import ODS, XLS, XLSX, FileRefused, inspect, open_table, read_all
from sinergi.exchange.ods._patterns import _ROW_START
from sinergi.exchange.xmlpieces import whole_pieces

FILES = Path(__file__).parent / "files"
CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
    "<office:spreadsheet>"
)
CONTENT_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def ods_file(path: Path, tables: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
        archive.writestr("content.xml", CONTENT_HEAD + tables + CONTENT_TAIL)
    return path


def xlsx_file(path: Path, sheet_data: str) -> Path:
    """A one-sheet .xlsx ("Data") whose <sheetData> is given as written."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{relationships}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{relationships}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{relationships}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{sheet_data}</sheetData>'
            "</worksheet>",
        )
    return path


@pytest.fixture
def calamine_never_called(monkeypatch):
    """Fails the test if calamine reads a sheet: on a bomb it would allocate gigabytes, or end the process. (It
    reads every sheet of an .ods or .xls when it opens the file, an .xlsx's sheet when asked for it.)"""

    def refuse(*args, **kwargs):
        raise AssertionError("calamine was asked to read the file")

    opened = python_calamine.CalamineWorkbook.from_path

    def from_path(path, *args, **kwargs):
        if not str(path).endswith(".xlsx"):
            refuse()
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", refuse)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", from_path)


def refused_unread(path: Path, kind: str) -> str:
    # Neither calamine (patched above) nor our own scan may build the grid: a scan that expanded the repeats
    # would hold millions of cells. Memory, not time, so that a busy machine cannot fail the test.
    tracemalloc.start()
    try:
        assert inspect(path).kind == kind
        with pytest.raises(FileRefused) as error:
            open_table(path, kind)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024
    return error.value.message


def grid_message(sheet: str, rows: str, columns: str) -> str:
    return (
        f"Lembar “{sheet}” terlalu besar untuk dibaca: ada isian sampai baris {rows} dan kolom {columns} (paling "
        "banyak 200.000 baris dan 8.500.000 sel). Hapus baris dan kolom di bawah dan di kanan data, atau salin "
        "datanya saja ke file baru, lalu unggah lagi."
    )


def rows_message(sheet: str, rows: str) -> str:
    # Too long, not too wide: the rows may be data (an export of a whole province), so splitting is said too.
    return (
        f"Lembar “{sheet}” berisi isian sampai baris {rows}; satu impor membaca paling banyak 200.000 baris. Bila "
        "baris-baris itu memang data, bagi menjadi beberapa file masing-masing paling banyak 200.000 baris. Bila di "
        "bawah data hanya ada sel sisa, hapus baris di bawah data, atau salin datanya saja ke file baru. Lalu unggah "
        "lagi."
    )


# ---------------------------------------------------------------------------------------------- .ods


def repeated_rows(rows: int, columns: int, name: str = "Data") -> str:
    return (
        f'<table:table table:name="{name}"><table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="float" office:value="1"/>'
        "</table:table-row></table:table>"
    )


def test_an_ods_of_a_few_hundred_bytes_spanning_ten_million_cells_is_refused_unread(tmp_path, calamine_never_called):
    path = ods_file(tmp_path / "bom.ods", repeated_rows(100_000, 100))
    assert path.stat().st_size < 1000
    assert refused_unread(path, ODS) == grid_message("Data", "100.000", "100")


def test_an_ods_of_a_million_repeated_rows_is_refused_unread(tmp_path, calamine_never_called):
    path = ods_file(tmp_path / "bom.ods", repeated_rows(1_000_000, 99))
    assert refused_unread(path, ODS) == grid_message("Data", "1.000.000", "99")


def test_an_ods_whose_sheets_are_each_within_the_cap_but_not_together_is_refused_unread(
    tmp_path, calamine_never_called
):
    # calamine reads every sheet of an .ods when it opens the file.
    path = ods_file(tmp_path / "bom.ods", "".join(repeated_rows(100_000, 30, name) for name in "ABC"))
    assert refused_unread(path, ODS) == (
        "Lembar-lembar file ini bersama-sama terlalu besar untuk dibaca (9.000.000 sel; paling banyak 8.500.000). "
        "Hapus lembar yang tidak diperlukan, atau salin datanya saja ke file baru, lalu unggah lagi."
    )


def test_one_value_far_to_the_right_of_an_ods_row_counts_the_empty_cells_before_it(tmp_path, calamine_never_called):
    row = (
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" '
        'office:value="1"/><table:table-cell table:number-columns-repeated="9000"/><table:table-cell '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    path = ods_file(tmp_path / "bom.ods", f'<table:table table:name="Data">{row}</table:table>')
    assert refused_unread(path, ODS) == grid_message("Data", "1.000", "9.002")


def test_empty_styled_cells_down_to_the_last_row_of_an_ods_take_no_room():
    # klien.ods: LibreOffice wrote styled empty rows down to row 1,048,576, 16,384 columns wide.
    sheets = ods.sheet_facts(FILES / "ods_xls" / "klien.ods")
    assert (sheets["Data penerima layanan"].rows, sheets["Data penerima layanan"].columns) == (3, 32)
    assert len(read_all(FILES / "ods_xls" / "klien.ods", ODS)) == 3


def test_a_wide_row_of_formulas_is_scanned_in_time_linear_in_its_width(tmp_path):
    def wide(width: int) -> Path:
        cells = '<table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"/>' * width
        row = f'<table:table-row>{cells}<table:table-cell table:formula="of:=A1"/></table:table-row>'
        return ods_file(tmp_path / f"lebar{width}.ods", f'<table:table table:name="Data">{row * 2}</table:table>')

    def fastest_scan(path: Path) -> float:
        # The best of three: a busy machine slows some runs, never all of them by the same factor.
        times = []
        for _ in range(3):
            started = time.perf_counter()
            ods.sheet_facts(path)
            times.append(time.perf_counter() - started)
        return min(times)

    narrow, broad = wide(1_600), wide(16_000)
    facts = ods.sheet_facts(broad)["Data"]
    assert (facts.rows, facts.columns) == (2, 16_001)
    assert facts.formulas_without_results == ["WQK1"]
    # Ten times the width: about ten times the time when linear, a hundred when quadratic (as it once was).
    assert fastest_scan(broad) < 35 * fastest_scan(narrow)


def test_formulas_without_results_are_looked_for_in_the_first_two_megabytes_of_a_sheet_only(tmp_path):
    plain = '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    late = '<table:table-row><table:table-cell table:formula="of:=A1"/></table:table-row>'
    rows = plain * (ods.FORMULA_SCAN_BYTES // len(plain) + 1) + late
    path = ods_file(tmp_path / "panjang.ods", f'<table:table table:name="Data">{late}{rows}</table:table>')
    assert ods.sheet_facts(path)["Data"].formulas_without_results == ["A1"]


def test_a_text_cell_that_looks_like_a_duration_stays_text(tmp_path):
    row = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>PT36H00M00S</text:p>'
        "</table:table-cell></table:table-row>"
    )
    path = ods_file(tmp_path / "teks.ods", f'<table:table table:name="Data">{row}</table:table>')
    assert read_all(path, ODS) == [(1, ["PT36H00M00S"])]


def test_a_zip_directory_that_lies_about_sizes_cannot_inflate_an_ods_past_them(tmp_path, settings):
    # The directory says content.xml holds 100 bytes; it inflates to 20 MB. The reader stops at the size declared
    # (the directory check and the streaming budget both count declared bytes), and the check sum then fails.
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_UNCOMPRESSED_BYTES": 5 * 1024 * 1024}
    path = tmp_path / "bohong.ods"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        archive.writestr("content.xml", b"<" + b"0" * (20 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")  # the last entry of the central directory: content.xml
    assert data[directory + 46 : directory + 57] == b"content.xml"
    struct.pack_into("<I", data, directory + 24, 100)  # its uncompressed size
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo("content.xml").file_size == 100
    with pytest.raises(FileRefused) as error:
        inspect(path)
    assert error.value.message == (
        "File OpenDocument (.ods) ini rusak atau tidak lengkap. Buka di LibreOffice atau Excel, simpan ulang, lalu "
        "unggah lagi."
    )


# ---------------------------------------------------------------------------------------------- .xlsx


def test_an_xlsx_with_values_at_a1_and_cu1000000_is_refused_unread(tmp_path, calamine_never_called):
    path = xlsx_file(
        tmp_path / "bom.xlsx",
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="CU1000000"><v>1</v></c></row>',
    )
    assert refused_unread(path, XLSX) == grid_message("Data", "1.000.000", "99")


def test_an_xlsx_cell_far_down_is_found_when_the_rows_are_out_of_order(tmp_path, calamine_never_called):
    path = xlsx_file(
        tmp_path / "bom.xlsx",
        '<row r="900000"><c r="A900000"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
    )
    assert refused_unread(path, XLSX) == rows_message("Data", "900.000")


def test_an_xlsx_wide_sheet_out_of_order_is_measured_cell_by_cell(tmp_path, calamine_never_called):
    # 150,000 rows (within the row cap) × 16,384 columns, the far cell written first.
    path = xlsx_file(
        tmp_path / "bom.xlsx",
        '<row r="150000"><c r="XFD150000"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
    )
    assert refused_unread(path, XLSX) == grid_message("Data", "150.000", "16.384")


def test_xlsx_cells_without_references_are_placed_as_calamine_places_them(tmp_path, calamine_never_called):
    # No r="" on the cells: the 300th of the row is at column 300.
    path = xlsx_file(tmp_path / "bom.xlsx", f'<row r="100000">{"<c><v>1</v></c>" * 300}</row>')
    assert refused_unread(path, XLSX) == grid_message("Data", "100.000", "300")


def test_an_xlsx_with_empty_styled_cells_down_to_the_last_row_still_imports(tmp_path):
    data = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>'
    data += '<row r="2"><c r="A2"><v>5</v></c><c r="ZZ2" s="1"/></row>'
    data += '<row r="1048576"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row>'
    path = xlsx_file(tmp_path / "gaya.xlsx", data)
    assert read_all(path, XLSX) == [(1, ["Nama"]), (2, [5.0])]


def test_every_candidate_sheet_is_measured_before_calamine_reads_it(monkeypatch):
    measured, read = [], []
    original = python_calamine.CalamineWorkbook.get_sheet_by_name

    def get_sheet_by_name(workbook, name):
        assert name in measured
        read.append(name)
        return original(workbook, name)

    monkeypatch.setattr(files.xlsx_caps, "_xlsx_grid", lambda path, name: measured.append(name))
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", get_sheet_by_name)
    path = FILES / "libreoffice" / "formula_as_text.xlsx"
    table = open_table(path, XLSX, is_header=lambda cells: False)
    table.close()
    assert read and read == measured


# ---------------------------------------------------------------------------------------------- .xls


def test_an_xls_cell_at_a_far_column_is_refused_unread(tmp_path, calamine_never_called):
    # BIFF8 stores a cell's column in 16 bits; Excel writes at most 256, calamine believes any.
    data = bytearray((FILES / "ods_xls" / "klien.xls").read_bytes())
    label = data.rfind(struct.pack("<HH", 0x00FD, 10))  # the last LABELSST record: a cell of "Petunjuk"
    struct.pack_into("<HH", data, label + 4, 60_000, 16_000)
    path = tmp_path / "bom.xls"
    path.write_bytes(bytes(data))
    assert refused_unread(path, XLS) == grid_message("Petunjuk", "60.001", "16.001")


def test_the_xls_fixtures_are_measured_by_their_cells_with_a_value():
    container = xls.read_container((FILES / "ods_xls" / "klien.xls").read_bytes())
    offset = container.book.sheets["Data penerima layanan"]
    assert xls.grid_at(container.stream, container.book, offset) == (3, 32)


@pytest.mark.parametrize(
    ("number", "codec"),
    [(1252, "cp1252"), (1200, "utf-16-le"), (10000, "mac_roman"), (32768, "mac_roman"), (32769, "cp1252"),
     (12345, "latin-1")],
)  # fmt: skip
def test_biff_codepages_map_to_python_codecs(number, codec):
    assert xls.codepage(number) == codec


def test_an_excel_5_mac_sheet_name_reads_in_mac_roman():
    name = "Café".encode("mac_roman")
    codepage = struct.pack("<HHH", 0x0042, 2, 0x8000)
    boundsheet = struct.pack("<HHIBBB", 0x0085, 7 + len(name), 0, 0, 0, len(name)) + name
    bof = struct.pack("<HHHH", 0x0809, 4, 0x0500, 0x0005)
    book = xls.read_globals(bof + codepage + boundsheet + struct.pack("<HH", 0x000A, 0))
    assert (book.biff8, list(book.sheets)) == (False, ["Café"])


# ---------------------------------------------------------------------------------------------- ways around


@pytest.mark.parametrize(
    "cell",
    [
        '<x:c r="J1000000"><x:v>1</x:v></x:c>',  # Open XML SDK style: every tag prefixed
        '<c r="J1000000"><v>1</v></c >',
        '<c r="J1000000"><v>1</v></c\n>',
    ],
)
def test_an_xlsx_cell_closed_with_a_prefix_or_a_space_is_measured(tmp_path, calamine_never_called, cell):
    path = xlsx_file(tmp_path / "bom.xlsx", f'<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000">{cell}</row>')
    assert refused_unread(path, XLSX) == grid_message("Data", "1.000.000", "10")


def test_an_xlsx_cell_without_a_reference_stays_on_its_row_tags_row(tmp_path, calamine_never_called):
    # A1's reference does not move calamine's row: the next cell is on row 1,000,000.
    path = xlsx_file(tmp_path / "bom.xlsx", '<row r="1000000"><c r="A1"><v>1</v></c><c><v>1</v></c></row>')
    assert refused_unread(path, XLSX) == rows_message("Data", "1.000.000")


def test_an_xlsx_cell_without_a_reference_goes_on_from_the_previous_cells_column(tmp_path, calamine_never_called):
    path = xlsx_file(
        tmp_path / "bom.xlsx",
        '<row r="1048576"><c r="A1"><v>1</v></c><c r="XFC1"><v>1</v></c><c><v>1</v></c></row>',
    )
    assert refused_unread(path, XLSX) == grid_message("Data", "1.048.576", "16.384")


@pytest.mark.parametrize(
    "sheet_data",
    [
        '<row r="5"><c r="A1"><v>1</v></c><c><v>2</v></c></row>',
        '<row r="3"><c><v>1</v></c></row><row><c><v>2</v></c></row>',
        '<row r="3"><c><v>1</v></c></row><row/><row><c><v>2</v></c></row>',
        '<row r="3"><c><v>1</v></c></row><row r="10"/><row><c><v>2</v></c></row>',
        '<row r="2"><c/><c><v>2</v></c><c r="D2"/><c><v>3</v></c></row>',
        '<row r="2"><c r="E2"><v>7</v></c></row><row r="3"><c><v>8</v></c></row>',
        '<row r="2"><c r="C2"></c><c r="E4"><f>1+1</f></c><c><v>9</v></c></row>',
        "<row r='2'><c r = 'c2'><v>7</v></c><c><v>8</v></c></row>",
        '<x:row r="4"><x:c><x:v>1</x:v></x:c><x:c r="B9"><x:v>1</x:v></x:c></x:row>'
        "<x:row><x:c><x:v>1</x:v></x:c></x:row>",
    ],
)
def test_the_careful_xlsx_measure_places_cells_where_calamine_does(tmp_path, sheet_data):
    # Small coordinates only: calamine is the reference here.
    path = xlsx_file(tmp_path / "klein.xlsx", sheet_data)
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows, columns, _cells = files._xlsx_extent(path, "Data", files._xlsx_extent_careful)
    assert (rows, columns) == (sheet.end[0] + 1, sheet.end[1] + 1)


def test_the_fast_xlsx_measure_leaves_cells_written_another_way_to_the_careful_one(tmp_path):
    for sheet_data in ('<row r="1"><c><v>1</v></c></row>', '<row r="1"><c s="1" r="A1"><v>1</v></c></row>'):
        path = xlsx_file(tmp_path / "lain.xlsx", sheet_data)
        assert files._xlsx_extent(path, "Data", files._xlsx_extent_fast) is None


def test_the_fast_xlsx_measure_finds_the_widest_column_and_the_last_row_in_any_order(tmp_path):
    path = xlsx_file(
        tmp_path / "urutan.xlsx",
        '<row r="7"><c r="C7"><v>1</v></c><c r="AB7" s="1"></c><c r="ZZ7" s="1"/></row>'
        '<row r="2"><c r="AA2"><v>1</v></c><c r="B300"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>',
    )
    assert files._xlsx_extent(path, "Data", files._xlsx_extent_fast)[:2] == (300, 27)


def test_a_tag_longer_than_two_kilobytes_across_two_pieces_is_kept_whole():
    import io

    tag = b'<c r="A1" x="' + b"y" * 5000 + b'">'
    stream = b"<a>" + b"z" * 9000 + tag + b"<v>1</v></c>"
    pieces = list(whole_pieces(io.BytesIO(stream), size=10_000))
    assert b"".join(pieces) == stream
    assert any(tag in piece for piece in pieces)
    rows = list(whole_pieces(io.BytesIO(stream), size=10_000, before=_ROW_START))
    assert b"".join(rows) == stream and any(tag in piece for piece in rows)


def test_a_tag_longer_than_a_piece_is_refused():
    import io

    stream = b'<c r="A1" x="' + b"y" * 30_000 + b'">'
    with pytest.raises(ValueError):
        list(whole_pieces(io.BytesIO(stream), size=10_000))
    with pytest.raises(ValueError):
        list(whole_pieces(io.BytesIO(stream), size=10_000, before=_ROW_START))


def xls_with_dimensions(tmp_path: Path, first_row: int, last_row: int, first_column: int, last_column: int) -> Path:
    data = bytearray((FILES / "ods_xls" / "klien.xls").read_bytes())
    dimensions = data.find(struct.pack("<HH", 0x0200, 14))  # the first sheet's DIMENSIONS record (BIFF8)
    assert dimensions > 0
    struct.pack_into("<IIHH", data, dimensions + 4, first_row, last_row, first_column, last_column)
    path = tmp_path / "bom.xls"
    path.write_bytes(bytes(data))
    return path


XLS_DAMAGED = "File Excel lama (.xls) ini rusak atau tidak lengkap."


@pytest.mark.parametrize(
    "dimensions", [(0, 0xFFFF_FFF0, 0, 0x4000), (0, 65_537, 0, 256), (10, 5, 0, 32), (0, 5, 40, 32)]
)
def test_an_xls_whose_dimensions_record_declares_a_huge_grid_is_refused_unread(
    tmp_path, calamine_never_called, dimensions
):
    # calamine reserves the declared grid before it reads a cell; last before first wraps round.
    path = xls_with_dimensions(tmp_path, *dimensions)
    assert refused_unread(path, XLS).startswith(XLS_DAMAGED)


def test_an_xls_dimensions_record_as_large_as_an_xls_sheet_is_accepted(tmp_path):
    container = xls.read_container(xls_with_dimensions(tmp_path, 0, 65_536, 0, 256).read_bytes())
    for _name, offset in container.book.all_sheets:
        xls.grid_at(container.stream, container.book, offset)


def test_an_ods_whose_attributes_use_single_quotes_or_spaces_is_measured(tmp_path, calamine_never_called):
    table = (
        "<table:table table:name = 'Data'><table:table-row table:number-rows-repeated = '1000000'>"
        "<table:table-cell table:number-columns-repeated= \"99\" office:value-type='float' office:value='1'/>"
        "</table:table-row></table:table>"
    )
    path = ods_file(tmp_path / "bom.ods", table)
    assert refused_unread(path, ODS) == grid_message("Data", "1.000.000", "99")


def test_an_ods_cell_with_only_a_spaced_formula_counts(tmp_path):
    row = '<table:table-row><table:table-cell/><table:table-cell table:formula = "of:=A1"/></table:table-row>'
    facts = ods.sheet_facts(ods_file(tmp_path / "rumus.ods", f'<table:table table:name="Data">{row}</table:table>'))
    assert (facts["Data"].rows, facts["Data"].columns) == (1, 2)


@pytest.mark.parametrize("names", [("A", "A", "A"), ("", "", "")])
def test_ods_sheets_sharing_a_name_or_without_one_are_added_up(tmp_path, calamine_never_called, names):
    tables = "".join(repeated_rows(100_000, 30, name) for name in names)
    if not names[0]:
        tables = tables.replace(' table:name=""', "")
    path = ods_file(tmp_path / "bom.ods", tables)
    assert refused_unread(path, ODS) == (
        "Lembar-lembar file ini bersama-sama terlalu besar untuk dibaca (9.000.000 sel; paling banyak 8.500.000). "
        "Hapus lembar yang tidak diperlukan, atau salin datanya saja ke file baru, lalu unggah lagi."
    )


def test_the_scan_for_hidden_rows_ends_before_its_table_is_closed(tmp_path, monkeypatch):
    # The scan runs in a thread beside the check; left running past its import, it read on beside the next file.
    import threading

    from sinergi.exchange import files
    from sinergi.exchange.tests.conftest import xlsx_file

    finished = threading.Event()
    scan = files.reading._hidden_rows_and_errors

    def slow_scan(*args):
        finished.wait(0.3)  # slower than the rest of the reading
        found = scan(*args)
        finished.set()
        return found

    monkeypatch.setattr(files.reading, "_hidden_rows_and_errors", slow_scan)
    table = open_table(xlsx_file(tmp_path, [["Nama LKS"], ["LKSA Satu"]]), XLSX)
    table.close()
    assert finished.is_set()
