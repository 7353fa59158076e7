"""A row with the export's ID that renames its record to a name still carrying a list's mark ("1. Rina Contoh",
"a. BUDI CONTOH") is refused for its name together with its other problems, not only on the next upload once those
are fixed (seventy-sixth review): every problem of a row is reported at once. A stored name sent back as it is stays
unjudged, refused row or not."""

import datetime

import pytest

from sinergi.core.errors import ValidationError
from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people import services
from sinergi.people.exchange.clients import RESTRICTED_ROW
from sinergi.people.models import Person, Worker

from .factories import WorkerFactory, people_world
from .test_exchange import HEADERS, boy_row, clients_file, import_clients, snapshot
from .test_exchange_after_transfer import ADMITTED, MOVED, WITH_DISCHARGE
from .test_exchange_review_findings import client_row
from .test_exchange_review_findings import import_clients as import_rows
from .test_review74_lettered_marks import refusal
from .test_services import errors_of, worker_data

pytestmark = pytest.mark.django_db

WORKER_HEADER = ["ID", "Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran", "Tanggal lahir"]
FUTURE = datetime.date(2099, 1, 1)
FUTURE_DATE = "Tanggal tidak boleh di masa depan."


@pytest.fixture
def world():
    return people_world()


def import_workers(tmp_path, world, rows, **kwargs):
    return run(xlsx_file(tmp_path, [WORKER_HEADER, *rows], name="pekerja.xlsx"), world.operator, entity="workers",
               **kwargs)  # fmt: skip


def test_a_workers_new_marked_name_is_refused_with_the_rows_other_problem(tmp_path, world):
    # Given a worker's export row renamed to the line of a numbered list, with a mistyped birth date too
    worker = WorkerFactory(organisation=world.lks, full_name="Rina Contoh")
    result = import_workers(tmp_path, world, [[worker.pk, "1. Rina Contoh", "P", "lks", "Pengasuh", FUTURE]])
    # Then both are reported at once
    assert [(p.column, p.message) for p in result.problems] == [
        ("Nama lengkap", refusal("1.", "Rina Contoh")),
        ("Tanggal lahir", FUTURE_DATE),
    ]
    worker.refresh_from_db()
    assert worker.full_name == "Rina Contoh"


def test_a_clients_new_lettered_name_is_refused_with_the_rows_other_problem(tmp_path, world):
    assert import_clients(clients_file(tmp_path, [boy_row()]), world.operator).created == 1
    person = Person.objects.get()
    before = snapshot()
    headers = ["ID", *HEADERS, "Telepon wali"]
    row = [person.pk, *boy_row(**{"Nama lengkap": "a. BUDI CONTOH"}), "0812"]
    result = import_clients(clients_file(tmp_path, [row], headers=headers, name="b.xlsx"), world.operator)
    assert [p.column for p in result.problems] == ["Nama lengkap", "Telepon wali"]
    assert result.problems[0].message == refusal("a.", "BUDI CONTOH")
    assert snapshot() == before


def test_a_stored_marked_name_sent_back_as_it_is_is_not_judged_on_a_refused_row(tmp_path, world):
    # Guard (passes before the fix too): the record's name from before the rule, kept as it is, is not refused
    worker = WorkerFactory(organisation=world.lks, full_name="1. Rina Contoh")
    result = import_workers(tmp_path, world, [[worker.pk, "1. Rina Contoh", "P", "lks", "Pengasuh", FUTURE]])
    assert [(p.column, p.message) for p in result.problems] == [("Tanggal lahir", FUTURE_DATE)]


def test_a_stored_small_letter_kept_on_a_refused_row_is_not_named_by_a_later_batchs_run(tmp_path, world):
    # Given a worker stored as "a. Nur Halizah" before the rule, sent back as it is with a mistyped birth date, and a
    # lettered run's "b." and "c." in the next batch
    worker = WorkerFactory(organisation=world.lks, full_name="a. Nur Halizah")
    rows = [
        ["", "Budi Contoh", "L", "lks", "Relawan", None],
        [worker.pk, "a. Nur Halizah", "P", "lks", "Pengasuh", FUTURE],
        ["", "b. Rina Contoh", "P", "lks", "Relawan", None],
        ["", "c. Sari Contoh", "P", "lks", "Relawan", None],
    ]
    result = import_workers(tmp_path, world, rows, batch_size=2)
    # Then the stored name is not asked to lose its letter: only the date and the new rows are refused
    assert [(p.row, p.column) for p in result.problems] == [
        (3, "Tanggal lahir"), (4, "Nama lengkap"), (5, "Nama lengkap"),
    ]  # fmt: skip
    assert Worker.objects.count() == 1


def test_a_restricted_clients_row_still_gets_its_one_neutral_answer(tmp_path, world):
    # Guard (passes before the fix too): whether the row's name is the stored one is not told of a restricted record
    assert import_clients(clients_file(tmp_path, [boy_row()]), world.operator).created == 1
    person = Person.objects.get()
    Person.objects.update(is_restricted=True)
    row = [person.pk, *boy_row(**{"Nama lengkap": "1. Budi Contoh"})]
    result = import_clients(clients_file(tmp_path, [row], headers=["ID", *HEADERS], name="b.xlsx"), world.operator)
    assert [p.message for p in result.problems] == [str(RESTRICTED_ROW)]


# ------------------------------------------------------------------ a small initial refused as a list's mark

INITIAL_ADVICE = "Bila “m.” adalah inisial nama, tulis dengan huruf besar: “M. RIZKI”."


def test_a_small_initial_before_a_name_in_capitals_is_told_how_to_write_it_as_an_initial(tmp_path, world):
    # "m. RIZKI" is refused as a lettered list's mark by design; the message says what to write if it is an initial
    result = import_workers(tmp_path, world, [["", "m. RIZKI", "L", "lks", "Relawan", None]])
    assert [p.message for p in result.problems] == [refusal("m.", "RIZKI")]
    assert result.problems[0].message.endswith(INITIAL_ADVICE)
    # and written so, it is registered
    again = run(xlsx_file(tmp_path, [WORKER_HEADER, ["", "M. RIZKI", "L", "lks", "Relawan", None]], name="b.xlsx"),
                world.operator, entity="workers")  # fmt: skip
    assert (again.status, again.created) == ("succeeded", 1), again.problems


def test_the_form_tells_the_same_of_a_small_initial(world):
    with pytest.raises(ValidationError) as refused:
        services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(full_name="m. RIZKI"))
    assert errors_of(refused)["full_name"] == [
        "Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“m.”). Tulis namanya saja (“RIZKI”). "
        + INITIAL_ADVICE
    ]


def test_a_transferred_clients_stored_marked_name_sent_back_on_a_refused_row_is_not_judged(tmp_path):
    # Given a child stored as "1. Budi Contoh" before the rule, since referred to another LKS, and the old LKS's export
    # row sent back with his ID and another leaving date (refused on its column)
    world = people_world()
    assert import_rows(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator).created == 1
    person = Person.objects.get()
    services.placement_transfer(actor=world.province_admin, placement=person.placements.get(),
                                to_organisation=world.lks_other_regency, on=MOVED)  # fmt: skip
    Person.objects.update(full_name="1. Budi Contoh")
    headers = ["ID", *WITH_DISCHARGE]
    row = client_row(headers, **{"ID": person.pk, "Nama lengkap": "1. Budi Contoh", "Tanggal masuk": ADMITTED,
                                 "Tanggal keluar": MOVED - datetime.timedelta(days=3),
                                 "Alasan keluar": "Kembali ke keluarga"})  # fmt: skip
    result = import_rows(tmp_path, [row], world.operator, headers=headers)
    # Then only the leaving date is refused: the name on record is kept as it is
    assert [p.column for p in result.problems] == ["Tanggal keluar"]
