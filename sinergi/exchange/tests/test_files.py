import struct
import zipfile

import pytest

from sinergi.exchange.files import CSV, XLSX, FileRefused, inspect, read_all

from .conftest import csv_file, xlsx_file

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(path) -> str:
    with pytest.raises(FileRefused) as error:
        inspect(path)
    return error.value.message


def test_an_xlsx_is_recognised_by_content_whatever_its_name(tmp_path):
    path = xlsx_file(tmp_path, [["Nama LKS"], ["A"]], name="data.csv")
    assert inspect(path).kind == XLSX


def test_a_csv_is_recognised_by_content_whatever_its_name(tmp_path):
    path = csv_file(tmp_path, [["Nama LKS"], ["A"]], name="data.xlsx")
    assert inspect(path).kind == CSV


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    assert refused(path) == "File kosong (0 bita). Pilih file spreadsheet yang berisi data."


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 1000}
    path = csv_file(tmp_path, [["Nama LKS"]] + [["LKS " * 10]] * 100)
    assert refused(path).startswith("File terlalu besar")


def test_a_csv_over_the_size_limit_is_told_that_the_same_rows_as_xlsx_are_smaller(tmp_path, settings):
    # (An earlier note: a national export of workers is 28 MB as CSV, over the 25 MB limit, and under it as XLSX.)
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_BYTES": 1000}
    text = csv_file(tmp_path, [["Nama LKS"]] + [["LKS " * 10]] * 100)
    packed = xlsx_file(tmp_path, [["Nama LKS"]] + [[f"LKS {i}" * 10] for i in range(300)])

    assert "CSV tidak dipadatkan: disimpan sebagai XLSX" in refused(text)
    assert refused(packed).startswith("File terlalu besar") and "CSV" not in refused(packed)


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"MZ\x90\x00", "program Windows"),
    ],
)
def test_other_formats_are_named_and_refused(tmp_path, content, kind):
    path = tmp_path / "data.xlsx"
    path.write_bytes(content + b"\x00" * 100)
    assert refused(path) == f"File ini berisi {kind}, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."


def test_binary_noise_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 10)
    assert refused(path).startswith("File ini bukan spreadsheet")


def ole2_file(path, stream_names: list[str]):
    """A minimal OLE2 container (header, one FAT sector, one directory sector) whose empty streams have these
    names: what an encrypted .xlsx or another Office file looks like to the type check."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    header = bytearray(512)
    header[:8] = OLE2
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<IIII", header, 0x2C, 1, 1, 0, 4096)
    struct.pack_into("<IIII", header, 0x3C, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[free] * 108)
    fat = struct.pack("<128I", 0xFFFFFFFD, end, *[free] * 126)
    directory = b""
    entries = [(5, "Root Entry"), *[(2, name) for name in stream_names]]
    for number, (kind, name) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
        # The directory is a tree: the root's child is the first stream, each stream's right sibling the next.
        following = number + 1 if number + 1 < len(entries) else free
        links = (free, free, following) if number == 0 else (free, following, free)
        struct.pack_into("<III", entry, 68, *links)
        struct.pack_into("<II", entry, 116, end, 0)
        directory += bytes(entry)
    path.write_bytes(bytes(header) + fat + directory.ljust(512, b"\x00"))
    return path


def test_a_damaged_old_office_file_is_refused_as_a_damaged_xls(tmp_path):
    path = tmp_path / "lama.xls"
    path.write_bytes(OLE2 + b"\x00" * 600 + "Workbook".encode("utf-16-le"))
    assert refused(path).startswith("File Excel lama (.xls) ini rusak")


def test_a_password_protected_xlsx_is_recognised(tmp_path):
    path = ole2_file(tmp_path / "rahasia.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    assert refused(path).startswith("File ini dilindungi kata sandi")


def test_an_old_office_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = ole2_file(tmp_path / "slide.xls", ["PowerPoint Document"])
    assert (
        refused(path) == "Ini file Office lama, tetapi bukan buku kerja Excel. Unggah file .xlsx, .ods, .xls atau .csv."
    )


def test_a_truncated_xlsx_is_refused_as_corrupted(tmp_path):
    good = xlsx_file(tmp_path, [["Nama LKS"], ["A"]]).read_bytes()
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert refused(path).startswith("File ini rusak atau tidak lengkap")


def test_an_xlsx_packed_with_a_compression_method_python_lacks_is_refused_as_corrupted(tmp_path):
    # Method 99 (AES, from 7-Zip) in every local and central header: zipfile raises NotImplementedError on reading.
    path = tmp_path / "aes.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.find(signature)
        while start >= 0:
            struct.pack_into("<H", data, start + offset, 99)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    assert refused(path).startswith("File Excel (.xlsx) ini rusak atau tidak lengkap")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "dokumen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert refused(path) == "Ini dokumen Word, bukan spreadsheet. Unggah file .xlsx, .ods, .xls atau .csv."


def test_an_excel_binary_workbook_is_refused_with_how_to_save_it_as_xlsx(tmp_path):
    path = tmp_path / "pekerja.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        archive.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    assert refused(path).startswith("Ini buku kerja biner Excel (.xlsb)")
    assert "Buku Kerja Excel (.xlsx)" in refused(path)


def test_a_zip_bomb_is_refused_cheaply_from_its_directory(tmp_path, settings, monkeypatch):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_UNCOMPRESSED_BYTES": 50 * 1024 * 1024}
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(name))
    assert "bom zip" in refused(path)
    assert opened == []  # judged from the sizes its directory declares: nothing was decompressed


def test_a_zip_bomb_that_lies_about_its_size_is_stopped_at_the_cap(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_UNCOMPRESSED_BYTES": 5 * 1024 * 1024}
    path = tmp_path / "bohong.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    # Rewrite the declared uncompressed size of the sheet (local header and central directory) to 1 KB.
    real = (20 * 1024 * 1024).to_bytes(4, "little")
    assert data.count(real) == 2
    data = data.replace(real, (1024).to_bytes(4, "little"))
    path.write_bytes(bytes(data))
    message = refused(path)
    assert "bom zip" in message or "rusak" in message


def test_too_many_zip_entries_is_refused(tmp_path, settings):
    settings.SINERGI = {**settings.SINERGI, "IMPORT_MAX_ZIP_ENTRIES": 10}
    path = tmp_path / "banyak.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for index in range(20):
            archive.writestr(f"xl/media/{index}.bin", b"x")
    assert "bom zip" in refused(path)


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("cp1252", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-le", b""),  # "Unicode text" written without a byte-order mark
        ("utf-16-be", b""),
    ],
)
def test_csv_encodings_are_detected(tmp_path, encoding, bom):
    rows = [["Nama LKS", "Alamat"], ["Panti Sosial Tresna Werdha", "Jl. Ahmad Yani – Km 2 “Gang Café”"]]
    path = csv_file(tmp_path, rows, encoding=encoding)
    path.write_bytes(bom + path.read_bytes())
    assert inspect(path).kind == CSV
    assert read_all(path, CSV) == [(1, rows[0]), (2, rows[1])]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_delimiters_are_detected(tmp_path, delimiter):
    rows = [["Nama LKS", "Kapasitas"], ["LKSA A, B", "30"]]
    path = csv_file(tmp_path, rows, delimiter=delimiter)
    assert read_all(path, CSV) == [(1, rows[0]), (2, rows[1])]


@pytest.mark.parametrize("delimiter", [";", ","])
def test_a_csv_title_line_above_the_header_does_not_hide_the_delimiter(tmp_path, delimiter):
    rows = [["Data penerima layanan 2025"], ["Nama", "Kapasitas", "Alamat"], ["LKSA", "30", "Jl. A"]]
    path = csv_file(tmp_path, rows, delimiter=delimiter)
    assert read_all(path, CSV) == [(1, rows[0]), (2, rows[1]), (3, rows[2])]


def test_csv_rows_are_numbered_as_records_when_a_cell_spans_lines(tmp_path):
    rows = [["Nama", "Catatan"], ["LKSA A", "baris satu\nbaris dua"], ["LKSA B", "x"]]
    path = csv_file(tmp_path, rows)
    assert [number for number, _cells in read_all(path, CSV)] == [1, 2, 3]


def test_a_mostly_utf8_csv_with_a_stray_windows_byte_is_refused_not_garbled(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("Nama,Kota\nAndré,Banjarmasin\n".encode() + b"Jos\xe9,Banjarbaru\n")
    with pytest.raises(FileRefused) as refused:
        read_all(path, CSV)
    assert "baris 3" in refused.value.message and "CSV UTF-8" in refused.value.message


def test_xlsx_rows_keep_spreadsheet_row_numbers_and_formula_results(tmp_path):
    path = xlsx_file(tmp_path, [[], ["Nama LKS", "Kapasitas"], ["LKSA", ("=10*3", 30)]])
    assert read_all(path, XLSX) == [(1, ["", ""]), (2, ["Nama LKS", "Kapasitas"]), (3, ["LKSA", 30.0])]


def test_xlsx_columns_keep_their_position_when_the_first_columns_are_empty(tmp_path):
    path = xlsx_file(tmp_path, [[None, "Nama LKS"], [None, "LKSA"]])
    assert read_all(path, XLSX) == [(1, ["", "Nama LKS"]), (2, ["", "LKSA"])]


def test_a_broken_utf16_csv_is_refused_with_a_message_not_a_crash(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("Nama LKS,Kapasitas\r\nLKSA A,30\r\n".encode("utf-16-le") + b"\n")  # one stray byte at the end
    with pytest.raises(FileRefused) as refused_file:
        read_all(path, CSV)
    assert refused_file.value.message.startswith("File CSV ini tidak dapat dibaca sebagai UTF-16")
