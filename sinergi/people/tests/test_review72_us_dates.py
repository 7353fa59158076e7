"""Birth dates typed month first (Excel set to English, US) that all read both ways (5/3/2012) left the column's order
unseen and were stored day first, each row only warned that its NIK's date differs (seventy-second review). The NIKs
tell the order: three or more whose date is the typed one with day and month swapped, and none agreeing with a date
that reads both ways, refuse the column."""

import datetime

import pytest

from sinergi.people.models import Person
from sinergi.people.nik import nik_compose

from .factories import people_world
from .test_exchange import boy_row, clients_file, import_clients, snapshot

pytestmark = pytest.mark.django_db

BORN = [datetime.date(2012, 5, 3), datetime.date(2013, 7, 11), datetime.date(2014, 2, 1), datetime.date(2011, 9, 4)]


def rows(typed: list[str], born: list[datetime.date]) -> list[list]:
    return [
        boy_row(**{"Nama lengkap": f"Anak Contoh {i}", "Tanggal lahir": written,
                   "NIK": nik_compose(district_code="63.71.01", birth_date=day, sex="L", serial=i + 1)})
        for i, (written, day) in enumerate(zip(typed, born, strict=True))
    ]  # fmt: skip


@pytest.fixture
def world():
    return people_world()


def test_birth_dates_typed_month_first_are_refused_when_the_niks_say_so(tmp_path, world):
    # Given birth dates typed month first (3 May 2012 as 5/3/2012), every one of which reads both ways
    typed = ["5/3/2012", "7/11/2013", "2/1/2014", "9/4/2011"]
    before = snapshot()

    result = import_clients(clients_file(tmp_path, rows(typed, BORN)), world.operator)

    # Then the column is refused, saying what the NIKs show, and nothing is saved
    assert result.status == "refused"
    [problem] = [p for p in result.problems if p.column == "Tanggal lahir" and "bulan-hari-tahun" in p.message]
    assert problem.message.startswith(
        "Tanggal di kolom ini tampaknya ditulis berurutan bulan-hari-tahun (pengaturan bahasa Inggris AS): pada 4 "
        "baris, tanggal lahir di NIK sama dengan tanggal yang diisi bila hari dan bulannya ditukar, mis. “05-03-2012” "
        "dibaca 5 Maret 2012, sedangkan NIK-nya 3 Mei 2012."
    )
    assert snapshot() == before


def test_day_first_dates_that_the_niks_confirm_import(tmp_path, world):
    typed = ["3/5/2012", "11/7/2013", "1/2/2014", "4/9/2011"]
    result = import_clients(clients_file(tmp_path, rows(typed, BORN)), world.operator)
    assert (result.status, result.created) == ("succeeded", 4), result.problems
    assert sorted(Person.objects.values_list("birth_date", flat=True)) == sorted(BORN)


def test_one_date_confirmed_day_first_outweighs_swapped_typos(tmp_path, world):
    # Three NIKs disagree by a swap, but a fourth agrees with a date that reads both ways: typos, not the order
    typed = ["5/3/2012", "7/11/2013", "2/1/2014", "4/9/2011"]
    result = import_clients(clients_file(tmp_path, rows(typed, BORN)), world.operator)
    assert (result.status, result.created) == ("succeeded", 4), result.problems
    assert len([w for w in result.warnings if "Tanggal lahir di NIK" in w.message]) == 3


def test_stored_birth_dates_say_nothing_of_the_files_order(world):
    # A stored record's NIK checked against its stored birth date (a correction's row without a birth date) is no
    # evidence of the order the file's dates are in
    from sinergi.people.exchange.common import NikChecker

    order = {"agrees": 0, "swapped": []}
    checker = NikChecker(order)
    for i, day in enumerate(BORN):
        nik = nik_compose(district_code="63.71.01", birth_date=day, sex="L", serial=i + 1)
        checker(nik, birth_date=day.replace(day=day.month, month=day.day), sex="L", typed=False)
    assert order == {"agrees": 0, "swapped": []}
    checker(nik, birth_date=BORN[-1].replace(day=BORN[-1].month, month=BORN[-1].day), sex="L")
    assert len(order["swapped"]) == 1
