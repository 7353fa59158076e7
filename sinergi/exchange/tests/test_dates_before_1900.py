"""A year before 1900 is a typo ("17-08-1019" for 2019): refused by the import and the forms alike, and one such date
already stored never breaks an XLSX export. Dates in export columns empty at the top still read as dates."""

import datetime
import io
import re
import zipfile

import pytest
from django.core.management import call_command
from python_calamine import CalamineWorkbook

from sinergi.core.downloads import _xlsx_write
from sinergi.exchange.columns import get_entity
from sinergi.exchange.files import inspect
from sinergi.exchange.tests.test_cell_bombs import ods_file
from sinergi.exchange.workbook import error_report_bytes
from sinergi.organisations.models import Organisation
from sinergi.people.models import Placement
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import HEADERS as CLIENT_HEADERS
from sinergi.people.tests.test_exchange_review_findings import client_row

from .conftest import HEADERS, csv_file, problems_of, run

pytestmark = pytest.mark.django_db

LKS_ROW = ["LKSA Rapi", "anak", "63.71.01.1001", "TD/RAPI/1", 20]


@pytest.mark.parametrize("typed", ["17-08-1019", "17-08-0215", "17 Agustus 1845"])
def test_an_lks_date_before_1900_is_refused_naming_its_year(tmp_path, board_member, typed):
    result = run(csv_file(tmp_path, [[*HEADERS, "Tanggal akta"], [*LKS_ROW, typed]]), board_member)

    assert result.created == 0
    (problem,) = problems_of(result)
    assert problem[:3] == (2, "Tanggal akta", typed)
    assert "tidak mungkin; periksa ketikan tahunnya (paling awal tahun 1900)" in problem[3]
    assert not Organisation.objects.filter(name="LKSA Rapi").exists()


def test_a_client_admission_before_1900_is_refused_by_the_import(tmp_path):
    world = people_world()
    rows = [CLIENT_HEADERS, client_row(**{"Tanggal masuk": "17-08-1019"})]

    result = run(csv_file(tmp_path, rows), world.operator, entity="clients")

    assert result.created == 0
    assert any(
        column == "Tanggal masuk" and message.startswith("Tahun 1019 tidak mungkin")
        for _row, column, _value, message in problems_of(result)
    ), problems_of(result)
    assert not Placement.objects.exists()


def test_an_lks_date_stored_before_1900_goes_out_as_text_and_the_export_is_made(tmp_path, board_member):
    """Stored before the rule (or by a script): the export of the whole scope must not fail on it."""
    run(csv_file(tmp_path, [HEADERS, LKS_ROW]), board_member)
    Organisation.objects.filter(name="LKSA Rapi").update(deed_date=datetime.date(1019, 8, 17))
    out = tmp_path / "lks.xlsx"

    call_command("export_data", "lks", str(out), "--as", board_member.username)

    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    name, deed = rows[0].index("Nama LKS"), rows[0].index("Tanggal akta")
    assert [row[deed] for row in rows[1:] if row[name] == "LKSA Rapi"] == ["17-08-1019"]


def _row_xml(content: bytes, row: int) -> str:
    sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    return re.search(rf'<row r="{row}".*?</row>', sheet).group(0)


def test_a_date_under_500_empty_cells_reads_as_a_date_not_as_a_day_count():
    rows = [[f"LKS {i}", None] for i in range(500)] + [["LKS akhir", datetime.date(2023, 8, 17)]]
    buffer = io.BytesIO()

    _xlsx_write(buffer, ["Nama LKS", "Tanggal akreditasi"], rows, "Data LKS")

    assert "45155" not in _row_xml(buffer.getvalue(), 502)
    cells = CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue())).get_sheet_by_index(0).to_python()
    assert cells[501] == ["LKS akhir", "17-08-2023"]


def _ods_row(cells: list) -> str:
    out = []
    for value in cells:
        if isinstance(value, datetime.date):
            out.append(
                f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%d-%m-%Y}</text:p></table:table-cell>"
            )
        else:
            out.append(f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>')
    return "<table:table-row>" + "".join(out) + "</table:table-row>"


def test_the_error_report_shows_a_refused_date_before_1900_as_the_user_wrote_it(tmp_path):
    world = people_world()
    born = datetime.date(1845, 8, 17)  # 1945 mistyped into LibreOffice as a real date cell
    table = '<table:table table:name="Data penerima layanan">'
    rows = _ods_row(CLIENT_HEADERS) + _ods_row(client_row(**{"Tanggal lahir": born}))
    path = ods_file(tmp_path / "klien.ods", f"{table}{rows}</table:table>")

    result = run(path, world.operator, entity="clients")
    report = error_report_bytes(path=path, kind=inspect(path).kind, entity=get_entity("clients"), result=result)

    assert any("1900" in message for *_cells, message in problems_of(result)), problems_of(result)
    cells = CalamineWorkbook.from_filelike(io.BytesIO(report)).get_sheet_by_index(0).to_python()
    assert cells[1][CLIENT_HEADERS.index("Tanggal lahir")] == "17-08-1845"
