"""Excel can save a workbook as "Strict Open XML Spreadsheet (*.xlsx)": the same parts under other namespaces, and
dates written as ISO 8601 text (`t="d"`) instead of day counts. calamine reads such a file; our own checks, made
before calamine opens a sheet, must find its sheets too instead of calling the file damaged. Names here are made up."""

import datetime
import re
import zipfile
from pathlib import Path

import pytest

from sinergi.exchange.tests.conftest import HEADERS, problems_of, run, xlsx_file
from sinergi.organisations.models import Organisation
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import BORN, FILE_ADMISSION, SHEET, client_row
from sinergi.people.tests.test_exchange_review_findings import HEADERS as CLIENT_HEADERS

pytestmark = pytest.mark.django_db

TRANSITIONAL_TO_STRICT = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def strict_copy(path: Path) -> Path:
    """The workbook as Excel's Strict Open XML writes it: strict namespaces (relationship types included), the
    workbook marked `conformance="strict"`, and each date cell (xlsxwriter's first format, style 1) as ISO text."""
    out = path.with_name("strict-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                text = data.decode()
                for transitional, strict in TRANSITIONAL_TO_STRICT:
                    text = text.replace(transitional, strict)
                if item.filename == "xl/workbook.xml":
                    text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
                text = re.sub(r'<c r="([A-Z]+[0-9]+)" s="1"><v>([0-9.]+)</v></c>', _iso_date_cell, text)
                data = text.encode()
            target.writestr(item, data)
    return out


def _iso_date_cell(match: re.Match) -> str:
    day = EXCEL_EPOCH + datetime.timedelta(days=float(match.group(2)))
    return f'<c r="{match.group(1)}" s="1" t="d"><v>{day.isoformat()}T00:00:00</v></c>'


def test_an_lks_file_saved_as_strict_open_xml_is_imported(tmp_path, province_admin):
    path = strict_copy(xlsx_file(tmp_path, [HEADERS, ["LKSA Ketat Contoh", "Anak", "63.71.01.1001", "TD/S/1", 20]]))
    assert b"purl.oclc.org" in zipfile.ZipFile(path).read("xl/workbook.xml")

    result = run(path, province_admin)

    assert (result.status, result.message, problems_of(result)) == ("succeeded", "", [])
    assert Organisation.objects.get(registration_number="TD/S/1").name == "LKSA Ketat Contoh"


def test_the_iso_dates_of_a_strict_file_are_read_as_written(tmp_path):
    world = people_world()
    path = strict_copy(xlsx_file(tmp_path, [CLIENT_HEADERS, client_row()], name="klien.xlsx", sheet=SHEET))
    assert b't="d"><v>2014-08-17T00:00:00</v>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")

    result = run(path, world.operator, entity="clients")

    assert (result.status, problems_of(result)) == ("succeeded", [])
    person = Person.objects.get()
    assert person.birth_date == BORN
    assert person.placements.get().admitted_on == FILE_ADMISSION
