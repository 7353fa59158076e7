"""What Excel does to numbers and dates before a file reaches us, when the file still reads as if typed so."""

import datetime

import pytest

from sinergi.exchange.tests.conftest import csv_file, run, xlsx_file
from sinergi.people.models import Worker
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import BOY, HEADERS, WORKER_HEADERS, boy_row, worker_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return people_world()


def _boys(serials: list[int]) -> list[list]:
    rows = []
    for serial in serials:
        nik = nik_compose(district_code="63.71.01", birth_date=BOY, sex="L", serial=serial)
        rows.append(boy_row(**{"Nama lengkap": f"Budi Nomor {serial}", "NIK": nik, "Tanggal masuk": "15-01-2024"}))
    return rows


def test_a_nik_column_whose_numbers_all_end_in_0_is_refused_as_rounded_by_excel(tmp_path, world):
    # 6371011708140023 → 6371011708140020: Excel kept 15 digits, the column was then shown as "0" and saved as CSV.
    path = csv_file(tmp_path, [HEADERS, *_boys([20, 30, 40, 50])])

    result = run(path, world.operator, entity="clients", dry_run=True)

    assert result.status == "refused"
    assert [(p.row, p.column) for p in result.problems] == [(1, "NIK")]
    assert result.problems[0].message.startswith("Semua nomor di kolom ini berakhir dengan 0 (mis. “6371011708140020”")


def test_siblings_sharing_one_kk_ending_in_0_and_text_cells_of_a_spreadsheet_are_read_as_typed(tmp_path, world):
    siblings = [[*row, "6371011203200010"] for row in _boys([1, 2, 3, 4])]
    in_csv = run(csv_file(tmp_path, [[*HEADERS, "Nomor KK"], *siblings]), world.operator, entity="clients")
    assert (in_csv.status, in_csv.created) == ("succeeded", 4), [p.message for p in in_csv.problems]
    # Text cells of an .xlsx are what was typed: Excel rounds only number cells (refused one by one)
    typed = xlsx_file(tmp_path, [HEADERS, *_boys([110, 120, 130, 140])], sheet="Data penerima layanan")
    in_xlsx = run(typed, world.operator, entity="clients", dry_run=True)
    assert (in_xlsx.status, in_xlsx.created) == ("checked", 4), [p.message for p in in_xlsx.problems]


def test_numbers_of_which_some_end_in_0_are_read_as_typed(tmp_path, world):
    few = run(csv_file(tmp_path, [HEADERS, *_boys([10, 20, 30])], name="a.csv"), world.operator, entity="clients")
    mixed = csv_file(tmp_path, [HEADERS, *_boys([40, 50, 60, 61])], name="b.csv")
    mixed = run(mixed, world.operator, entity="clients")

    assert (few.status, few.created) == ("succeeded", 3)  # three in a row ending in 0 happens (1 in 1,000)
    assert (mixed.status, mixed.created) == ("succeeded", 4)


def test_the_masked_numbers_of_our_own_export_are_not_counted(tmp_path, world):
    masked = [boy_row(**{"Nama lengkap": f"Budi {n}", "NIK": "6371********0010"}) for n in range(4)]
    result = run(csv_file(tmp_path, [HEADERS, *masked]), world.operator, entity="clients", dry_run=True)
    assert not any("berakhir dengan 0" in p.message for p in result.problems)


def _workers_born(*births) -> list[list]:
    return [
        worker_row(**{"Nama lengkap": f"Pekerja {n}", "NIK": "", "Tanggal lahir": birth})
        for n, birth in enumerate(births, start=1)
    ]


def test_date_cells_swapped_by_an_american_excel_beside_text_it_could_not_read_are_refused(tmp_path, world):
    # Typed 05/08/1990 and 17/08/1990 on a computer set to English (US): the first became the date cell 8 May 1990,
    # the second stayed text.
    swapped = [datetime.date(1990, 5, 8), datetime.date(1988, 2, 3), datetime.date(1985, 11, 6),
               datetime.date(1992, 7, 10), datetime.date(1979, 3, 12)]  # fmt: skip
    rows = _workers_born(swapped[0], "17/08/1990", *swapped[1:])
    path = xlsx_file(tmp_path, [WORKER_HEADERS, *rows], sheet="Data pekerja")

    result = run(path, world.operator, entity="workers", dry_run=True)

    assert result.status == "refused"
    assert [(p.row, p.column) for p in result.problems] == [(1, "Tanggal lahir")]
    message = result.problems[0].message
    assert "urutan bulan/hari (pengaturan bahasa Inggris AS)" in message
    assert "“12-03-1979” mungkin maksudnya 03-12-1979, “06-11-1985” mungkin maksudnya 11-06-1985" in message


@pytest.mark.parametrize(
    "cells",
    [
        [datetime.date(1992, 3, 5), datetime.date(1993, 10, 2)],  # two: chance (about 1 in 7)
        [datetime.date(2000, month, 1) for month in range(1, 7)],  # the 1st of each month
    ],
    ids=["few", "first-of-month"],
)
def test_date_cells_that_do_not_show_a_swap_beside_a_text_date_are_read(tmp_path, world, cells):
    # (Adults' birth dates: a worker younger than 13 is refused, worker_age_check.)
    rows = _workers_born(*cells, "17-08-1995")
    path = xlsx_file(tmp_path, [WORKER_HEADERS, *rows], sheet="Data pekerja")
    result = run(path, world.operator, entity="workers", dry_run=True)
    assert (result.status, result.created) == ("checked", len(cells) + 1), [p.message for p in result.problems]


def test_date_cells_with_a_day_past_12_show_the_text_dates_are_not_a_swap(tmp_path, world):
    rows = _workers_born(datetime.date(1990, 5, 8), "17/08/1990", datetime.date(1988, 2, 23))
    path = xlsx_file(tmp_path, [WORKER_HEADERS, *rows], sheet="Data pekerja")

    result = run(path, world.operator, entity="workers")

    assert (result.status, result.created) == ("succeeded", 3)
    assert Worker.objects.get(full_name="Pekerja 2").birth_date == datetime.date(1990, 8, 17)


def test_a_birth_date_of_1900_is_warned_about_as_a_placeholder(tmp_path, world):
    workers = xlsx_file(tmp_path, [WORKER_HEADERS, *_workers_born("01-01-1900")], sheet="Data pekerja")
    clients = csv_file(tmp_path, [HEADERS, boy_row(**{"Tanggal lahir": "01-01-1900"})])

    worker = run(workers, world.operator, entity="workers", dry_run=True)
    client = run(clients, world.operator, entity="clients", dry_run=True)

    for result in (worker, client):
        assert any(
            p.column == "Tanggal lahir" and "tahun (lahir 01-01-1900) tidak wajar." in p.message
            for p in result.warnings
        ), [(p.column, p.message) for p in [*result.problems, *result.warnings]]
