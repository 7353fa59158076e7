"""A sex written as a mark under "L" or "P", the way Indonesian office tables draw it: "Jenis Kelamin" merged over two
columns titled "L" and "P", each row ticking one. Every name and NIK here is made up."""

import datetime

import pytest
import xlsxwriter

from sinergi.exchange.tests.conftest import csv_file, problems_of, run
from sinergi.people.models import Person, Worker

from .factories import WorkerFactory, people_world
from .test_exchange import BOY, GIRL, HEADERS, SHEET, boy_row, girl_row

pytestmark = pytest.mark.django_db

SEX_AT = HEADERS.index("Jenis kelamin")


@pytest.fixture
def world():
    return people_world()


def with_marks(row: list, male: object, female: object) -> list:
    return [*row[:SEX_AT], male, female, *row[SEX_AT + 1 :]]


def office_table(tmp_path, rows: list[list], *, group: str = "Jenis Kelamin", titles=("L", "P")):
    """Every title merged down over two rows, but the sex's: its group merged across two columns, "L" | "P" below."""
    path = tmp_path / "kantor.xlsx"
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
    sheet = book.add_worksheet(SHEET)
    date = book.add_format({"num_format": "dd-mm-yyyy"})
    headers = with_marks(HEADERS, *titles)
    for column, title in enumerate(headers):
        if column == SEX_AT:
            sheet.merge_range(0, column, 0, column + 1, group)
            sheet.write_row(1, column, titles)
        elif column != SEX_AT + 1:
            sheet.merge_range(0, column, 1, column, title)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(number, column, datetime.datetime.combine(value, datetime.time()), date)
            else:
                sheet.write(number, column, value)
    book.close()
    return path


def test_a_tick_under_l_or_p_is_read_as_the_sex(tmp_path, world):
    path = office_table(tmp_path, [with_marks(boy_row(), "√", ""), with_marks(girl_row(), "", "v")])

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 2), problems_of(result) or result.message
    assert dict(Person.objects.values_list("birth_date", "sex")) == {BOY: "L", GIRL: "P"}
    assert "Jenis kelamin dibaca dari tanda di kolom B (“L”) atau C (“P”)." in result.notices
    assert "Judul kolom dibaca dari dua baris (1 dan 2)." in result.notices


def test_one_row_of_titles_laki_laki_and_perempuan_with_ones_and_zeros_in_a_csv(tmp_path, world):
    headers = with_marks(HEADERS, "Laki-laki", "Perempuan")
    rows = [with_marks(boy_row(), 1, 0), with_marks(girl_row(), 0, 1)]
    path = csv_file(tmp_path, [headers, *rows], delimiter=";")

    result = run(path, world.operator, entity="clients")

    assert (result.status, result.created) == ("succeeded", 2), problems_of(result) or result.message
    assert dict(Person.objects.values_list("birth_date", "sex")) == {BOY: "L", GIRL: "P"}


def test_a_row_ticked_under_both_or_neither_is_refused_and_nothing_is_stored(tmp_path, world):
    path = office_table(tmp_path, [with_marks(boy_row(), "√", "√"), with_marks(girl_row(), "", "-")])

    result = run(path, world.operator, entity="clients")

    assert result.status == "refused"
    assert [(p.row, p.column, p.value, p.message) for p in result.problems] == [
        (3, "L/P", "√ | √", "Baris ini bertanda di kolom “L” dan “P”. Tandai satu saja."),
        (4, "L/P", "", "Tandai kolom “L” atau “P” (mis. dengan √)."),
    ]
    assert Person.objects.count() == 0


def test_l_and_p_beside_a_sex_column_are_not_read_as_marks(tmp_path, world):
    headers = [*HEADERS, "L", "P"]
    path = csv_file(tmp_path, [headers, [*boy_row(), "x", ""]])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "checked", problems_of(result)
    assert not any("tanda di kolom" in notice for notice in result.notices)
    assert "Kolom yang tidak dikenal diabaikan: “L”, “P”." in result.notices


def test_a_staff_list_with_l_and_p_columns(tmp_path, world):
    headers = ["Nama lengkap", "L", "P", "Kategori PSKS", "Peran"]
    path = csv_file(tmp_path, [headers, ["Rina Contoh", "", "v", "lks", "Pengasuh"]])

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 1), problems_of(result) or result.message
    assert Worker.objects.get().sex == "P"


def test_a_correction_file_keyed_by_the_exports_id_reads_the_marks_too(tmp_path, world):
    worker = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", sex="P")

    other = WorkerFactory(organisation=world.lks, full_name="Sari Contoh", sex="P")
    rows = [["ID", "L", "P"], [worker.pk, "√", ""], [other.pk, "", ""]]

    result = run(csv_file(tmp_path, rows), world.operator, entity="workers")

    # (a row marked under neither keeps the stored sex, as an empty cell does)
    assert (result.status, result.updated, result.unchanged) == ("succeeded", 1, 1), problems_of(result)
    worker.refresh_from_db()
    assert worker.sex == "L"
