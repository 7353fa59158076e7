"""A name copied from a lettered list ("a. AHMAD FAUZI", "b) Nur Halizah") is refused as a numbered or bulleted one is
(seventy-fourth review): it was stored with its letter. An initial ("A. Rahman", "M. Rizki") stays accepted. A letter
and a parenthesis is a mark wherever it is; a lowercase letter and a full stop only before a name in capitals, or, in
a file, where the column holds the run a., b., … from "a." — alone before "Nur Halizah" it may be a small initial."""

import pytest

from sinergi.core.errors import ValidationError
from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people import services
from sinergi.people.models import Person, Worker

from .factories import WorkerFactory, people_world
from .test_exchange import ADMITTED, BOY, NIK_BOY, import_clients, snapshot
from .test_review71_gov_files import KK_BOY, gov_file
from .test_services import errors_of, worker_data, written

pytestmark = pytest.mark.django_db

HEADER = ["Nama lengkap", "Jenis kelamin", "Kategori PSKS", "Peran"]


def refusal(mark: str, name: str) -> str:
    message = (
        f"Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“{mark}”). Hapus tanda itu dan tulis "
        f"namanya saja (“{name}”), lalu unggah lagi."
    )
    if mark[0].islower() and mark[1:] == ".":  # (may be an initial written small: seventy-sixth review)
        message += f" Bila “{mark}” adalah inisial nama, tulis dengan huruf besar: “{mark.upper()} {name}”."
    return message


def import_workers(tmp_path, world, names: list[str]):
    rows = [HEADER, *[[name, "P", "lks", "Relawan"] for name in names]]
    return run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")


@pytest.fixture
def world():
    return people_world()


def test_a_lettered_list_copied_into_the_name_column_is_refused_row_by_row(tmp_path, world):
    # Given a staff list copied from a decision letter's annex, lettered a., b., c. by Word
    names = ["a. AHMAD FAUZI", "b. Nur Halizah", "c. Rina Contoh"]
    # When the operator imports it
    result = import_workers(tmp_path, world, names)
    # Then every lettered row is refused, naming its letter and the name to write, and nobody is registered
    assert result.status == "refused"
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "Nama lengkap", refusal("a.", "AHMAD FAUZI")),
        (3, "Nama lengkap", refusal("b.", "Nur Halizah")),
        (4, "Nama lengkap", refusal("c.", "Rina Contoh")),
    ]
    assert Worker.objects.count() == 0


def test_a_lettered_run_split_by_a_batch_is_refused_whole(tmp_path, world):
    # Given a lettered list whose "a." ends one batch of rows and whose "b." and "c." begin the next (seventy-fifth
    # review: "a." was read before the run was seen, and stored with its letter once "b." and "c." were corrected)
    names = ["Budi Contoh", "a. Nur Halizah", "b. Rina Contoh", "c. Sari Contoh"]
    rows = [HEADER, *[[name, "P", "lks", "Relawan"] for name in names]]
    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers", batch_size=2)
    # Then "a." is refused too, by the column, and nobody is registered
    assert result.status == "refused"
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (4, "Nama lengkap", refusal("b.", "Rina Contoh")),
        (5, "Nama lengkap", refusal("c.", "Sari Contoh")),
        (1, "Nama lengkap", "Nama berikut diawali huruf dari daftar berhuruf (a., b., c., …) yang disalin ke kolom "
         "ini: “a. Nur Halizah”. Hapus hurufnya dan tulis namanya saja, lalu unggah lagi."),
    ]  # fmt: skip
    assert Worker.objects.count() == 0


def test_a_stored_name_before_a_later_batchs_run_is_not_judged_again(tmp_path, world):
    # Given a worker stored with a small letter before the rule, sent back as it is with their ID, and a lettered
    # run's "b." and "c." in the next batch
    worker = WorkerFactory(organisation=world.lks, full_name="a. Nur Halizah")
    rows = [
        ["ID", *HEADER],
        ["", "Budi Contoh", "L", "lks", "Relawan"],
        [worker.pk, "a. Nur Halizah", "P", "lks", "Pengasuh"],
        ["", "b. Rina Contoh", "P", "lks", "Relawan"],
        ["", "c. Sari Contoh", "P", "lks", "Relawan"],
    ]
    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers", batch_size=2)
    # Then only the new rows are refused: the stored name is kept as the forms keep it
    assert [p.row for p in result.problems] == [4, 5]


@pytest.mark.parametrize(
    ("given", "mark", "name"),
    [("b) Nur Halizah", "b)", "Nur Halizah"), ("(c) Budi Contoh", "(c)", "Budi Contoh"),
     ("a. AHMAD FAUZI", "a.", "AHMAD FAUZI")],
)  # fmt: skip
def test_a_single_lettered_name_is_refused_when_its_mark_cannot_be_an_initial(tmp_path, world, given, mark, name):
    result = import_workers(tmp_path, world, [given])
    assert [(p.column, p.message) for p in result.problems] == [("Nama lengkap", refusal(mark, name))]
    assert Worker.objects.count() == 0


def test_initials_stay_accepted_even_in_alphabetical_order(tmp_path, world):
    # A list sorted by name may hold "A. Rahman" and "B. Santoso" one after the other: capitals are initials, and a
    # small initial alone (or outside a run from "a.") is one too.
    names = ["A. Rahman", "B. Santoso", "C. Wijaya", "M. Rizki", "m. Yusuf", "a. Rina Contoh"]
    result = import_workers(tmp_path, world, names)
    assert (result.status, result.created) == ("succeeded", 6), result.problems
    assert sorted(Worker.objects.values_list("full_name", flat=True)) == sorted(names)


def test_a_clients_lettered_name_is_refused_as_a_workers_is(tmp_path, world):
    before = snapshot()
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK"]
    result = import_clients(gov_file(tmp_path, headers, [["b) Budi Contoh", "L", BOY, NIK_BOY, KK_BOY]]),
                            world.operator)  # fmt: skip
    assert [(p.column, p.message) for p in result.problems] == [("Nama lengkap", refusal("b)", "Budi Contoh"))]
    assert snapshot() == before
    assert Person.objects.count() == 0


@pytest.mark.parametrize(("given", "mark"), [("b) Nur Halizah", "b)"), ("a. AHMAD FAUZI", "a.")])
def test_the_form_and_api_refuse_a_lettered_name_as_the_import_does(world, given, mark):
    before = written()
    with pytest.raises(ValidationError) as refused:
        services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(full_name=given))
    assert errors_of(refused)["full_name"][0].startswith(
        f"Nama ini diawali nomor urut atau tanda butir dari daftar yang disalin (“{mark}”)."
    )
    assert written() == before


@pytest.mark.parametrize("name", ["A. Rahman", "a. Rina Contoh"])
def test_the_form_keeps_an_initial_and_a_small_letter_it_cannot_tell_from_one(world, name):
    outcome = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(full_name=name))
    assert outcome.obj.full_name == name


def test_a_stored_workers_marked_name_sent_back_as_it_is_does_not_block_other_corrections(tmp_path, world):
    # Given a worker stored before the rule with a list's mark in the name, and their row of an export corrected
    worker = WorkerFactory(organisation=world.lks, full_name="1. Rina Contoh")
    header = ["ID", *HEADER, "Sertifikasi/pelatihan"]
    rows = [header, [worker.pk, "1. Rina Contoh", "P", "lks", "Pengasuh", "Pelatihan 2025"]]
    # When it is imported
    result = run(xlsx_file(tmp_path, rows, name="pekerja.xlsx"), world.operator, entity="workers")
    # Then the correction is saved, the name on record not judged again (as the form does)
    assert (result.status, result.updated) == ("succeeded", 1), result.problems
    worker.refresh_from_db()
    assert (worker.full_name, worker.certifications) == ("1. Rina Contoh", "Pelatihan 2025")

    renamed = [header, [worker.pk, "b) Rina Contoh", "P", "lks", "Pengasuh", "Pelatihan 2025"]]
    result = run(xlsx_file(tmp_path, renamed, name="lagi.xlsx"), world.operator, entity="workers")
    assert [(p.column, p.message) for p in result.problems] == [("Nama lengkap", refusal("b)", "Rina Contoh"))]


def test_a_stored_clients_marked_name_sent_back_as_it_is_does_not_block_other_corrections(tmp_path, world):
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "No KK"]
    assert import_clients(gov_file(tmp_path, headers, [["Budi Contoh", "L", BOY, NIK_BOY, KK_BOY]]), world.operator)
    person = Person.objects.get()
    Person.objects.filter(pk=person.pk).update(full_name="1. Budi Contoh")  # stored before the rule
    rows = [
        ["ID", "Nama lengkap", "Tanggal masuk", "Tempat lahir"],
        [person.pk, "1. Budi Contoh", ADMITTED, "Tabalong"],
    ]

    result = run(xlsx_file(tmp_path, rows, name="koreksi.xlsx"), world.operator, entity="clients")

    assert (result.status, result.updated) == ("succeeded", 1), result.problems
    person.refresh_from_db()
    assert (person.full_name, person.birth_place) == ("1. Budi Contoh", "Tabalong")
