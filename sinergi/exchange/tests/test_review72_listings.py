"""The error report's listing sheets (“Daftar kesalahan”, “Peringatan”, “Perubahan”) show each cell as it was typed
or stored (seventy-second review): a value that Excel would run as a formula once edited (-5, +62 811…, =TD/2)
carries Excel's invisible text mark, as in the data sheet, not an apostrophe that reads as part of the value."""

import io
import re
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import XLSX
from sinergi.exchange.pipeline import row_checks
from sinergi.exchange.workbook import error_report_bytes
from sinergi.organisations.tests.factories import OrganisationFactory

from .conftest import HEADERS, run, xlsx_file

pytestmark = pytest.mark.django_db


def _sheet(content: bytes, name: str) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(name).to_python()


def _quote_prefixed_cells(content: bytes, sheet_number: int) -> set[str]:
    """The references of the cells of the `sheet_number`th sheet whose format carries Excel's text mark."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        styles = package.read("xl/styles.xml").decode()
        sheet = package.read(f"xl/worksheets/sheet{sheet_number}.xml").decode()
    cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    marked = {index for index, xf in enumerate(re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", cell_xfs, re.S))
              if 'quotePrefix="1"' in xf}  # fmt: skip
    return {ref for ref, style in re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)"', sheet) if int(style) in marked}


def test_the_list_of_errors_shows_a_negative_number_as_typed(tmp_path, board_member):
    # Given a file whose capacity is typed as -5 (a number cell) and whose registration number starts with "="
    path = xlsx_file(tmp_path, [HEADERS, ["LKSA Minus Contoh", "anak", "63.71.01.1001", "=TD/9", -5]])

    # When its error report is made
    result = run(path, board_member)
    content = error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result)

    # Then the list of errors shows "-5", not "'-5", with Excel's invisible text mark on that cell only
    listing = _sheet(content, "Daftar kesalahan")
    assert listing[1] == [2.0, "Kapasitas (orang)", "-5", "Nilai paling kecil 0."]
    assert _quote_prefixed_cells(content, 2) == {"C2"}


def test_the_list_of_changes_shows_a_phone_number_as_stored_and_as_typed(tmp_path, board_member, monkeypatch):
    # Given two stored LKS whose phone numbers start with "+62", and a page that lists one changed record
    monkeypatch.setattr(row_checks, "PREVIEW_LIMIT", 1)
    for number in (1, 2):
        OrganisationFactory(name=f"LKSA Telepon {number} Contoh", region_id="63.71.01.1001",
                            registration_number=f"TD/T/{number}", phone=f"+62 511 325252{number}")  # fmt: skip
    rows = [[f"LKSA Telepon {n} Contoh", "anak", "63.71.01.1001", f"TD/T/{n}", None, f"+62 811 500{n}"] for n in (1, 2)]
    path = xlsx_file(tmp_path, [[*HEADERS, "Telepon"], *rows])

    # When a trial changes both phone numbers
    result = run(path, board_member, dry_run=True)
    content = error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result)

    # Then the list of changes shows before and after exactly, without an apostrophe no one typed
    changes = _sheet(content, "Perubahan")
    assert [row[2:] for row in changes[1:]] == [
        ["Telepon", "+62 511 3252521", "+62 811 5001"],
        ["Telepon", "+62 511 3252522", "+62 811 5002"],
    ]
    assert _quote_prefixed_cells(content, 2) == {"D2", "E2", "D3", "E3"}
