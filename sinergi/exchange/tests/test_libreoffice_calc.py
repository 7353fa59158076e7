"""Files LibreOffice Calc 7.4 itself wrote (sixtieth review), committed under fixtures/libreoffice/ with the UNO script
that makes them (make_fixtures.py; README.md there). The templates were filled in Calc set to English (United
States), as many Indonesian computers are, typing dates day first as the instructions say; the LKS export was opened
in Calc and saved again. LibreOffice is not needed to run these tests. Synthetic data only."""

import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.crypto import decrypt
from sinergi.exchange.columns import DateColumn, get_entity
from sinergi.exchange.files import XLSX
from sinergi.exchange.workbook import error_report_bytes, template_bytes
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.models import Person, Worker

from .conftest import problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "libreoffice"
FORMATS = ["xlsx", "ods", "xls", "csv"]
# The LKS the clients and workers of the filled templates belong to (make_fixtures.PARENT_*).
PARENT_NUMBER = "TD/LO/100/2024"
PARENT_NAME = "LKSA Induk Uji Calc"


def test_the_template_formats_its_date_columns_as_text():
    # A date column formatted as a date let the computer's regional setting read what was typed: Calc (and Excel)
    # set to English (United States) stored "02/01/2024" as 1 February. As text, it reaches the import as typed.
    for key in ("lks", "clients", "workers"):
        entity = get_entity(key)
        text_columns, _sheet, _styles = _text_styled_columns(template_bytes(entity))
        columns = [c for c in entity.import_columns() if c.in_template]
        dates = [index for index, c in enumerate(columns, start=1) if isinstance(c, DateColumn)]
        assert dates, key
        assert [d for d in dates if d not in text_columns] == [], key


def _text_styled_columns(content: bytes) -> tuple[set[int], str, set[str]]:
    """The first sheet's columns (1-based) formatted as text, its XML, and the styles that are text."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    text_formats = {"49", *re.findall(r'<numFmt numFmtId="(\d+)" formatCode="@"', styles)}
    cell_xfs = re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1].split("</cellXfs>")[0])
    text_styles = {str(i) for i, xf in enumerate(cell_xfs) if re.search(r'numFmtId="(\d+)"', xf)[1] in text_formats}
    columns = {
        column
        for first, last, style in re.findall(r'<col min="(\d+)" max="(\d+)"[^>]*style="(\d+)"', sheet)
        for column in range(int(first), int(last) + 1)
        if style in text_styles
    }
    return columns, sheet, text_styles


def test_the_error_report_formats_a_date_column_as_text_and_keeps_a_read_date_a_date(tmp_path):
    # The same regional-setting trap when a date is corrected in the report: its date columns are text as well.
    actor = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.calc")
    headers = [
        "Nama LKS",
        "Jenis layanan utama",
        "Kode wilayah",
        "Nomor tanda daftar",
        "Tanggal akta",
        "Tanggal SK Kemenkumham",
    ]
    rows = [
        headers,
        ["LKSA Tanggal Salah", "anak", "63.71.01.1001", "TD/LO/950/2024", "31-02-2014", datetime.date(2014, 8, 17)],
    ]
    path = xlsx_file(tmp_path, rows)
    result = run(path, actor)
    assert [p.column for p in result.problems] == ["Tanggal akta"]
    content = error_report_bytes(path=path, kind=XLSX, entity=get_entity("lks"), result=result)
    columns, sheet, text_styles = _text_styled_columns(content)
    assert {5, 6} <= columns  # both date columns
    assert re.search(r'<c r="E2" s="(\d+)"', sheet)[1] in text_styles  # the marked date, to be typed again
    assert re.search(r'<c r="F2" s="(\d+)"', sheet)[1] not in text_styles  # a date read from the file stays a date


def _parent() -> Organisation:
    return OrganisationFactory(name=PARENT_NAME, registration_number=PARENT_NUMBER, region_id="63.71.01.1001")


def _imported(entity: str, fmt: str, actor):
    result = run(FIXTURES / f"template-{entity}.{fmt}", actor, entity=entity)
    assert result.status == "succeeded", problems_of(result)
    return result


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_lks_template_filled_in_calc_imports_the_typed_values(fmt):
    actor = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.calc")
    result = _imported("lks", fmt, actor)
    assert (result.created, result.updated) == (3, 0)
    one = Organisation.objects.get(name="LKSA Uji Calc Satu")
    assert (one.deed_date, one.registration_issued_on, one.registration_expires_on, one.accredited_on) == (
        datetime.date(2014, 8, 17),  # typed 17-08-2014
        datetime.date(2014, 8, 17),  # 17/08/2014
        datetime.date(2029, 8, 17),  # 2029-08-17
        datetime.date(2020, 8, 17),  # 17 Agustus 2020
    )
    assert (one.region_id, one.npwp, one.permit_number, one.phone, one.head_phone) == (
        "63.71.01.1001", "01.234.567.8-901.000", "0012", "0511123456", "081234567890",
    )  # fmt: skip
    assert (one.latitude, one.longitude, one.capacity) == (Decimal("-3.319400"), Decimal("114.590800"), 25)
    two = Organisation.objects.get(name="LKS Lansia Uji Calc Dua")
    # typed 05-01-2024 and 31-12-2023; "=10+15" as the capacity; the region by its names
    assert (two.registration_issued_on, two.permit_issued_on, two.capacity) == (
        datetime.date(2024, 1, 5), datetime.date(2023, 12, 31), 25,
    )  # fmt: skip
    assert (two.region_id, two.phone) == ("63.71.01.1003", "+62 511 765432")
    assert sorted(k.code for k in two.service_kinds.all()) == ["disabilitas", "lainnya"]
    three = Organisation.objects.get(name="LKS Disabilitas Uji Calc Tiga")
    assert (three.deed_date, three.head_name) == (datetime.date(2003, 2, 1), "Siti 'Aisyah")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_clients_template_filled_in_calc_imports_the_typed_values(fmt):
    _parent()
    actor = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.calc")
    result = _imported("clients", fmt, actor)
    assert (result.created, result.updated) == (5, 0)
    people = {p.full_name: p for p in Person.objects.filter(full_name__endswith="Uji Calc")}
    # Birth dates typed 17-08-2012, 05/03/2010, 01-01-2015, 31-01-2009, 09/06/2013: day first, whatever the locale
    assert {name: p.birth_date for name, p in people.items()} == {
        "Ahmad Uji Calc": datetime.date(2012, 8, 17),
        "Bunga Uji Calc": datetime.date(2010, 3, 5),
        "Citra Uji Calc": datetime.date(2015, 1, 1),
        "Dodi Uji Calc": datetime.date(2009, 1, 31),
        "Eka Uji Calc": datetime.date(2013, 6, 9),
    }
    admitted = {p.full_name: p.placements.get().admitted_on for p in people.values()}
    assert admitted == {
        "Ahmad Uji Calc": datetime.date(2024, 1, 2),  # 02-01-2024
        "Bunga Uji Calc": datetime.date(2023, 7, 1),  # 2023-07-01
        "Citra Uji Calc": datetime.date(2019, 8, 17),  # 17 Agustus 2019
        "Dodi Uji Calc": datetime.date(2024, 2, 15),  # 15-02-2024
        "Eka Uji Calc": datetime.date(2024, 3, 1),  # 01/03/2024
    }
    ahmad = people["Ahmad Uji Calc"]
    assert (decrypt(ahmad.nik_encrypted), decrypt(ahmad.kk_encrypted)) == ("6371011708129000", "6371010101100001")
    assert (ahmad.guardian_phone, ahmad.origin_region_id) == ("081298765432", "63.71.01.1001")
    assert ahmad.consents.get().given_on == datetime.date(2024, 1, 2)  # typed 02/01/2024
    bunga = people["Bunga Uji Calc"]
    assert sorted(t.code for t in bunga.ppks_categories.all()) == ["anak_jalanan", "anak_telantar"]
    assert bunga.origin_region_id == "63.71.01.1001"  # Mantuil, by its names
    dodi = people["Dodi Uji Calc"].placements.get()
    assert (dodi.discharged_on, dodi.discharge_reason) == (datetime.date(2024, 6, 30), "reunified")
    assert people["Citra Uji Calc"].birth_date_estimated is True
    # The birth dates agree with the NIKs: no warning of a NIK whose date differs (as when Calc swapped day and month)
    assert not [w for w in result.warnings if "NIK" in str(w)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_workers_template_filled_in_calc_imports_the_typed_values(fmt):
    _parent()
    actor = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.calc")
    result = _imported("workers", fmt, actor)
    assert (result.created, result.updated) == (3, 0)
    workers = {w.full_name: w for w in Worker.objects.filter(full_name__endswith="Uji Calc")}
    assert {name: (w.birth_date, w.started_on, w.ended_on) for name, w in workers.items()} == {
        "Fitri Uji Calc": (datetime.date(1985, 4, 2), datetime.date(2015, 7, 1), None),  # 02-04-1985, 01/07/2015
        "Gani Uji Calc": (datetime.date(1990, 11, 23), datetime.date(2020, 1, 3), datetime.date(2023, 12, 31)),
        "Hana Uji Calc": (datetime.date(1978, 2, 14), datetime.date(2010, 5, 17), None),  # 14 Februari 1978
    }
    fitri = workers["Fitri Uji Calc"]
    assert (decrypt(fitri.nik_encrypted), fitri.phone) == ("6371014204859005", "081311112222")


def round_trip_lks() -> list[Organisation]:
    """The LKS whose export fixtures/libreoffice/export-lks-* holds after Calc saved it again (fixed ids: the file
    names them). Also run by make_round_trip_exports.py to write that export."""
    return [
        OrganisationFactory(
            id=880001, name="LKSA Pulang Pergi Satu", region_id="63.71.01.1001", registration_number="TD/LO/201/2024",
            address="Jl. Uji 1;=2+3*7", head_name="Siti 'Aisyah", phone="+62 511 123456", npwp="01.234.567.8-901.000",
            capacity=25, latitude=Decimal("-3.319400"), longitude=Decimal("114.590800"),
            deed_date=datetime.date(2014, 8, 17), permit_number="0012", notary_name="@Notaris Contoh",
        ),
        OrganisationFactory(
            id=880002, name="LKSA Pulang Pergi Dua", region_id="63.71.01.1003", registration_number="TD/LO/202/2024",
            address='=HYPERLINK("http://contoh.test","klik")', head_name="-2+3", phone="0511-765432",
            capacity=8, registration_issued_on=datetime.date(2024, 1, 5),
            registration_expires_on=datetime.date(2029, 1, 5),
        ),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "name", ["export-lks-resaved.xlsx", "export-lks-resaved.ods", "export-lks-resaved-comma.csv",
             "export-lks-resaved-semicolon.csv"],
)  # fmt: skip
def test_an_lks_export_saved_again_by_calc_imports_with_no_change(name):
    round_trip_lks()
    actor = user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.calc")
    result = run(FIXTURES / name, actor, dry_run=True)
    assert result.status == "checked", problems_of(result)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)


def test_the_fixtures_were_written_by_libreoffice():
    # (so that a regeneration by a Python library is noticed)
    for fmt in ("xlsx", "ods"):
        with zipfile.ZipFile(FIXTURES / f"template-lks.{fmt}") as archive:
            meta = archive.read("docProps/app.xml" if fmt == "xlsx" else "meta.xml").decode()
        assert "LibreOffice" in meta
    assert CalamineWorkbook.from_path(str(FIXTURES / "template-lks.xls")).sheet_names[0] == "Data LKS"
