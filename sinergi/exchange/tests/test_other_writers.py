"""Files that the programs our users' files come from wrote themselves (sixty-second review): the "Export to Excel"
of web applications (SheetJS `xlsx` 0.18.5 and ExcelJS 4.4.0 on npm), Gnumeric 1.12.55 (`ssconvert`), and Python
apps' openpyxl 3.1.5, pandas 3.1.1 and xlwt 1.3.0. Each wrote the same LKS, clients and workers (rows.json, with
dates as date cells and as text, NIKs as text and as numbers, empty cells, capacities as numbers) under our
template's headers, some below a title row. Committed under fixtures/other_writers/ with the scripts that make
them (README.md there); none of those programs is needed to run these tests. Synthetic data only."""

import datetime
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.core.crypto import decrypt
from sinergi.exchange import files, ods
from sinergi.exchange.files import FileRefused, inspect
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.people.models import Person, Worker

from .conftest import HEADERS, problems_of, run, xlsx_file

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "other_writers"
# The LKS the clients and workers belong to (make_rows.PARENT_*).
PARENT_NUMBER, PARENT_NAME = "TD/WEB/100/2024", "LKSA Induk Uji Web"
# Every file that holds the rows as written (the writer, and how it was called, in README.md).
FAITHFUL = [
    "sheetjs-{}.xlsx", "sheetjs-{}.xls", "sheetjs-{}.ods", "exceljs-{}.xlsx", "exceljs-{}.csv",
    "gnumeric-{}.xlsx", "gnumeric-{}.xls", "gnumeric-{}.ods", "gnumeric-{}.csv",
    "openpyxl-{}.xlsx", "pandas-{}.xlsx", "pandas-{}.csv", "xlwt-{}.xls",
]  # fmt: skip
D = datetime.date


@pytest.fixture
def admin(db):
    OrganisationFactory(name=PARENT_NAME, registration_number=PARENT_NUMBER, region_id="63.71.01.1001")
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.web")


def _imported(name: str, entity: str, actor):
    result = run(FIXTURES / name.format(entity), actor, entity=entity)
    assert result.status == "succeeded", (result.message, problems_of(result))
    return result


@pytest.mark.parametrize("name", FAITHFUL)
def test_the_lks_another_program_wrote_are_stored_as_written(name, admin):
    result = _imported(name, "lks", admin)
    assert (result.created, result.updated) == (3, 0)
    one = Organisation.objects.get(registration_number="TD/WEB/001/2024")
    dates = (one.deed_date, one.registration_issued_on, one.registration_expires_on, one.accredited_on)
    assert (one.capacity, *dates) == (
        25, D(2014, 8, 17), D(2014, 8, 17), D(2029, 8, 17), D(2020, 8, 17),
    )  # fmt: skip
    assert (one.latitude, one.longitude, one.region_id, one.has_legal_entity) == (
        Decimal("-3.319400"), Decimal("114.590800"), "63.71.01.1001", True,
    )  # fmt: skip
    assert (one.permit_number, one.npwp, one.phone, one.head_phone) == (
        "0012", "01.234.567.8-901.000", "0511123456", "081234567890",
    )  # fmt: skip
    two = Organisation.objects.get(registration_number="TD/WEB/002/2024")
    assert (two.capacity, two.registration_issued_on, two.permit_issued_on, two.region_id, two.has_legal_entity) == (
        40, D(2024, 1, 5), D(2023, 12, 31), "63.71.01.1003", False,
    )  # fmt: skip
    assert sorted(k.code for k in two.service_kinds.all()) == ["disabilitas", "lainnya"]
    three = Organisation.objects.get(registration_number="TD/WEB/003/2024")
    assert (three.capacity, three.deed_date, three.head_name, three.head_phone) == (
        8, D(2003, 2, 1), "Siti 'Aisyah", "081234567891",
    )  # fmt: skip


def _nik(person) -> str:
    return decrypt(person.nik_encrypted) if person.nik_encrypted else ""


@pytest.mark.parametrize("name", FAITHFUL)
def test_the_clients_another_program_wrote_are_stored_as_written(name, admin):
    result = _imported(name, "clients", admin)
    assert (result.created, result.updated) == (4, 0)
    people = {p.full_name: p for p in Person.objects.filter(full_name__endswith="Uji Web")}
    stays = {name: p.placements.get() for name, p in people.items()}
    assert {name: (p.birth_date, _nik(p), stays[name].admitted_on) for name, p in people.items()} == {
        "Ahmad Uji Web": (D(2012, 8, 17), "6371011708129100", D(2024, 1, 2)),  # NIK as text
        "Bunga Uji Web": (D(2010, 3, 5), "6371014503109101", D(2023, 7, 1)),  # NIK as a number; dates as text
        "Citra Uji Web": (D(2015, 1, 1), "", D(2019, 8, 17)),
        "Dodi Uji Web": (D(2009, 1, 31), "6371013101099103", D(2024, 2, 15)),
    }
    ahmad, dodi = people["Ahmad Uji Web"], people["Dodi Uji Web"]
    assert (decrypt(ahmad.kk_encrypted), ahmad.guardian_phone, ahmad.consents.get().given_on) == (
        "6371010101100101", "081298765432", D(2024, 1, 2),
    )  # fmt: skip
    assert (decrypt(dodi.kk_encrypted), stays["Dodi Uji Web"].discharged_on) == ("6371013101090103", D(2024, 6, 30))
    assert people["Citra Uji Web"].birth_date_estimated is True  # a TRUE cell
    assert people["Bunga Uji Web"].origin_region_id == "63.71.01.1001"  # by the region's names


@pytest.mark.parametrize("name", FAITHFUL)
def test_the_workers_another_program_wrote_are_stored_as_written(name, admin):
    result = _imported(name, "workers", admin)
    assert (result.created, result.updated) == (3, 0)
    workers = {w.full_name: w for w in Worker.objects.filter(full_name__endswith="Uji Web")}
    read = {n: (w.birth_date, _nik(w), w.started_on, w.ended_on, w.works_with_children) for n, w in workers.items()}
    assert read == {
        "Fitri Uji Web": (D(1985, 4, 2), "6371014204859105", D(2015, 7, 1), None, True),
        "Gani Uji Web": (D(1990, 11, 23), "6371012311909106", D(2020, 1, 3), D(2023, 12, 31), False),
        "Hana Uji Web": (D(1944, 2, 14), "6371015402449107", D(2010, 5, 17), None, True),  # 1944: WITA was UTC+9
    }
    assert workers["Hana Uji Web"].background_check_on == D(2024, 12, 12)


def test_sheetjs_and_gnumeric_indent_an_ods_which_calamine_alone_refuses():
    # Whitespace between the cells of a row, which calamine 0.9 takes for a broken file: the import reads a copy
    # without it (the whole refused file is the test above without the copy).
    from python_calamine import CalamineWorkbook

    for name in ("sheetjs-lks.ods", "gnumeric-lks.ods"):
        assert ods.is_indented(FIXTURES / name)
        with pytest.raises(Exception, match="table-cell"):
            CalamineWorkbook.from_path(str(FIXTURES / name))
    assert not ods.is_indented(FIXTURES.parent / "libreoffice" / "template-lks.ods")


def test_an_indented_ods_leaves_no_copy_behind(admin, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    _imported("gnumeric-{}.ods", "lks", admin)
    assert list(tmp_path.glob("sinergi-ods-*")) == []


def test_the_copy_calamine_reads_has_no_name_a_killed_worker_could_leave_behind(admin, tmp_path, monkeypatch):
    # A worker killed while calamine reads (a large file: the likeliest moment) runs no clean-up of its own: a named
    # copy of the upload would stay in the temporary folder, beyond the retention's reach.
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    named_while_read = []
    reading = files.reading._open_sheet

    def watched(path, *args, **kwargs):
        named_while_read.extend(tmp_path.glob("sinergi-ods-*"))
        return reading(path, *args, **kwargs)

    monkeypatch.setattr(files.reading, "_open_sheet", watched)

    _imported("gnumeric-{}.ods", "lks", admin)

    assert named_while_read == []


def test_an_indented_ods_with_many_styles_before_its_table_is_imported(admin, tmp_path):
    # Gnumeric writes about 220 bytes for each cell style before the table: a workbook of a few hundred styles has
    # no row in the first 64 KB of content.xml, which the indentation was judged on.
    path = tmp_path / "many-styles.ods"
    styles = "".join(f'\n    <style:style style:name="extra{n}" style:family="table-cell"/>' for n in range(1500))
    with (
        zipfile.ZipFile(FIXTURES / "gnumeric-lks.ods") as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                data = data.replace(b"<office:automatic-styles>", b"<office:automatic-styles>" + styles.encode(), 1)
                assert data.index(b"<table:table-row") > 64 * 1024
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            copy.writestr(info.filename, data, compress_type=kind)

    assert ods.is_indented(path)
    assert _imported(str(path), "lks", admin).created == 3


def test_a_spreadsheet_ml_file_of_sheetjs_is_refused_in_words():
    with pytest.raises(FileRefused) as refused:
        inspect(FIXTURES / "sheetjs-workers.xml")
    assert "XML Spreadsheet 2003" in refused.value.message and ".xlsx" in refused.value.message


def test_a_flat_ods_is_refused_as_such_not_read_as_a_csv_without_headers():
    # SheetJS's "fods" (LibreOffice's "Flat XML ODF Spreadsheet"): one XML document, which was read as a CSV and
    # refused for having no header row among its first 20.
    with pytest.raises(FileRefused) as refused:
        inspect(FIXTURES / "sheetjs-workers.fods")
    assert "Flat XML ODF" in refused.value.message and ".ods" in refused.value.message


def test_sheetjs_csv_of_json_to_sheet_is_refused_on_its_two_digit_years_and_rounded_nik(admin):
    # json_to_sheet's default date format is m/d/yy, and a number column's General format writes 6.37101E+15:
    # sheet_to_csv writes what the cells show. Both refused, on their row and column, never guessed.
    result = run(FIXTURES / "sheetjs-json-workers.csv", admin, entity="workers")
    assert result.status == "refused"
    problems = {(p.row, p.column, p.value) for p in result.problems}
    assert (2, "Tanggal lahir", "4/2/85") in problems
    assert (3, "NIK", "6.37101E+15") in problems
    assert (4, "Tanggal lahir", "2/14/44") in problems
    assert not Worker.objects.filter(full_name__endswith="Uji Web").exists()


def test_date_cells_exceljs_made_at_local_midnight_are_read_as_shown_and_said(admin):
    # ExcelJS stores a JavaScript Date as its moment in UTC: local midnight in WITA is 16:00 the day before, which
    # Excel shows as that day. The import reads what the cell shows, and says so, with the likely day meant (the
    # NIK's birth date, warned of on its row, agrees with the next day).
    result = run(FIXTURES / "exceljs-stream-workers.xlsx", admin, entity="workers", dry_run=True)
    assert result.status == "checked", problems_of(result)
    notices = [str(notice) for notice in result.notices if "jam sore atau malam" in str(notice)]
    assert [notice.split("”")[0] for notice in notices] == [
        "Kolom “Tanggal lahir", "Kolom “Mulai bertugas", "Kolom “Berhenti bertugas",
        "Kolom “Tanggal pemeriksaan latar belakang",
    ]  # fmt: skip
    assert "“01-04-1985 16.00” → 01-04-1985" in notices[0] and "hari berikutnya" in notices[0]


def test_a_date_cell_a_few_seconds_past_midnight_keeps_its_day_unsaid(admin):
    # SheetJS in WITA writes 00:00:36 (the zone's offset in 1899 was 7:57:36): the day is the one meant.
    result = run(FIXTURES / "sheetjs-workers.xlsx", admin, entity="workers", dry_run=True)
    assert result.status == "checked", problems_of(result)
    assert not [notice for notice in result.notices if "jam sore atau malam" in str(notice)]


def test_a_date_cell_at_noon_is_not_named_and_the_notice_counts_dates_not_cells(admin, tmp_path):
    # Midnight of an Indonesian zone stored as UTC is 15:00 at the earliest: a date kept at noon or a real time of
    # 13:30 is not told to be "the day before"; five cells of one date are one date in the notice.
    late = datetime.datetime(2014, 8, 16, 16, 0)
    rows = [[*HEADERS, "Tanggal akta"]]
    rows += [[f"LKSA Siang {n}", "Anak", "63.71.01.1001", f"TD/SIANG/{n}", 20, late] for n in range(5)]
    rows += [["LKSA Siang 5", "Anak", "63.71.01.1001", "TD/SIANG/5", 20, datetime.datetime(2014, 8, 16, 12, 30)]]
    rows += [["LKSA Siang 6", "Anak", "63.71.01.1001", "TD/SIANG/6", 20, datetime.datetime(2014, 8, 16, 13, 30)]]

    result = run(xlsx_file(tmp_path, rows), admin, dry_run=True)

    notices = [str(notice) for notice in result.notices if "jam sore atau malam" in str(notice)]
    assert len(notices) == 1 and "Kolom “Tanggal akta”: 1 tanggal juga berisi" in notices[0]
    assert "“16-08-2014 16.00” → 16-08-2014" in notices[0] and "12.30" not in notices[0] and "13.30" not in notices[0]
