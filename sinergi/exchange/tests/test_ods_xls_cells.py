"""What an .ods or an .xls cell holds beyond calamine's reading of it. A cell whose formula failed (a #N/A of a
VLOOKUP): its row is refused naming the error, as in an .xlsx (test_formula_errors.py), where calamine reads an empty
cell or (LibreOffice's .ods) the number 0. A line break or a tab inside an .ods cell, which calamine drops."""

import struct
import zipfile
from pathlib import Path

import pytest
from django.db import transaction

from sinergi.exchange import xls
from sinergi.exchange.values import formula_error_message
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files" / "ods_xls"
CONTENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Data LKS">'
)
CONTENT_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def text(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def ods_file(path: Path, rows: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
        body = "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
        archive.writestr("content.xml", CONTENT_HEAD + body + CONTENT_TAIL)
    return path


def test_errors_of_formulas_saved_by_libreoffice_in_an_ods_refuse_their_rows(tmp_path, board_member):
    # Given an .ods as LibreOffice saves failed formulas: a #N/A of a lookup kept as an empty text (read as an empty
    # cell), a #DIV/0! kept as the number 0 (read as a capacity of 0), each with the error as the cell's paragraph
    path = ods_file(
        tmp_path / "lks.ods",
        [
            "".join(text(header) for header in [*HEADERS, "Telepon"]),
            text("LKSA Satu") + text("anak") + text("63.71.01.1001") + text("TD/E/1")
            + '<table:table-cell office:value-type="float" office:value="30"><text:p>30</text:p></table:table-cell>'
            + '<table:table-cell table:formula="of:=VLOOKUP([.A2];$Kontak.A:B;2;0)" office:value-type="string" '
            'office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>',
            text("LKSA Dua") + text("anak") + text("63.71.01.1001") + text("TD/E/2")
            + '<table:table-cell table:formula="of:=[.F3]/0" office:value-type="float" office:value="0" '
            'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
        ],
    )  # fmt: skip
    # When it is imported
    result = run(path, board_member)
    # Then both rows are refused naming the error, and nothing is stored
    assert result.status == "refused"
    assert problems_of(result) == [
        (2, "Telepon", "#N/A", formula_error_message("#N/A")),
        (3, "Kapasitas (orang)", "#DIV/0!", formula_error_message("#DIV/0!")),
    ]
    assert not Organisation.objects.filter(name__startswith="LKSA ").exists()


def klien_xls_with(tmp_path: Path, kind: int, result: bytes) -> Path:
    """files/ods_xls/klien.xls with its first record of `kind` on row 2 given `result` from its 7th byte on."""
    data = bytearray((FILES / "klien.xls").read_bytes())
    container = xls.read_container(bytes(data))
    offset = container.book.sheets["Data penerima layanan"]
    for record_kind, body in xls._records(container.stream, offset):
        if record_kind == kind and struct.unpack_from("<H", body)[0] == 1:
            break
    at = data.find(body)  # the record's body, within one sector of the file
    assert at > 0 and data.count(body) == 1
    data[at + 6 : at + 6 + len(result)] = result
    if kind != 0x0006:  # an RK record of 10 bytes made a BOOLERR, its last two bytes spare
        data[at - 4 : at - 2] = struct.pack("<H", 0x0205)
    path = tmp_path / "klien.xls"
    path.write_bytes(bytes(data))
    return path


def test_an_error_cached_by_a_formula_in_an_xls_refuses_its_row(tmp_path):
    # Given the clients file saved as .xls by Calc, whose admission date on row 2 (=DATE(2024;1;15)) gave #N/A
    path = klien_xls_with(tmp_path, 0x0006, bytes([2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF]))
    world = people_world()
    # When it is imported
    result = run(path, world.operator, entity="clients")
    # Then its row is refused naming the error, not for an empty admission date, and nothing is stored
    assert result.status == "refused"
    assert [problem for problem in problems_of(result) if problem[0] == 2] == [
        (2, "Tanggal masuk *", "#N/A", formula_error_message("#N/A"))
    ]
    assert not Person.objects.filter(full_name__endswith="Contoh").exists()


def test_an_error_typed_as_a_value_in_an_xls_refuses_its_row(tmp_path):
    # Given the clients .xls whose birth date on row 2 is the error value #VALUE! (a BOOLERR record)
    path = klien_xls_with(tmp_path, 0x027E, bytes([0x0F, 1]))
    world = people_world()
    result = run(path, world.operator, entity="clients")
    assert result.status == "refused"
    assert [problem for problem in problems_of(result) if problem[0] == 2] == [
        (2, "Tanggal lahir", "#VALUE!", formula_error_message("#VALUE!"))
    ]


def test_a_line_break_or_a_tab_inside_an_ods_cell_keeps_the_words_apart(tmp_path, board_member):
    # Given an address typed over two lines and a name with a tab pasted into it, in an .ods and in an .xlsx
    ods_path = ods_file(
        tmp_path / "lks.ods",
        [
            "".join(text(header) for header in [*HEADERS, "Alamat"]),
            text("LKSA<text:tab/>Satu") + text("anak") + text("63.71.01.1001") + text("TD/B/1") + text("30")
            + text('Jl. Mawar No. 1<text:line-break/><text:span text:style-name="T1">Kel.</text:span> Mantuil'),
        ],
    )  # fmt: skip
    xlsx_path = xlsx_file(
        tmp_path,
        [
            [*HEADERS, "Alamat"],
            ["LKSA\tSatu", "anak", "63.71.01.1001", "TD/B/1", "30", "Jl. Mawar No. 1\nKel. Mantuil"],
        ],
    )
    stored = []
    for path in (xlsx_path, ods_path):
        with transaction.atomic():
            result = run(path, board_member)
            assert (result.status, problems_of(result)) == ("succeeded", [])
            stored.append(
                list(Organisation.objects.filter(registration_number="TD/B/1").values_list("name", "address"))
            )
            transaction.set_rollback(True)
    # When the .ods is imported, then it stores what the .xlsx stores: the words on either side of the break apart
    assert stored[1] == stored[0]
    assert "1Kel" not in stored[1][0][1] and stored[1][0][0] != "LKSASatu"
