"""A vocabulary term retired from the lists (is_active off) after records took it: their exports import back
unchanged, but no import sets it anew, as the forms no longer offer it. Every name and NIK here is made up."""

import datetime

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.models import Person, Worker
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world
from sinergi.vocabularies.models import Term

pytestmark = pytest.mark.django_db

RETIRED_MESSAGE = "“%s” sudah tidak dipakai lagi (tidak ada di daftar pilihan); pilih isian lain."


@pytest.fixture
def world():
    return people_world()


def retire(vocabulary: str, code: str) -> Term:
    term = Term.objects.get(vocabulary=vocabulary, code=code)
    term.is_active = False
    term.save()
    return term


def exported(entity_key: str, actor) -> list[list]:
    entity = get_entity(entity_key)
    headers = [str(column.header) for column in entity.export_columns()]
    rows = entity.export_rows(entity.export_queryset(actor=actor, purpose="service").iterator())
    return [headers, *(["" if cell is None else cell for cell in row] for row in rows)]


def test_a_client_holding_a_retired_category_imports_back_unchanged_but_no_row_takes_it_anew(tmp_path, world):
    # Given Budi in two PPKS categories, one of them retired since, and Ani in an active one
    street = Term.objects.get(vocabulary="ppks", code="anak_jalanan")
    budi = PersonFactory(organisation=world.lks, full_name="Budi Contoh", birth_date=datetime.date(2014, 8, 17))
    budi.ppks_categories.add(street)
    PlacementFactory(person=budi)
    ani = PersonFactory(organisation=world.lks, full_name="Ani Contoh", birth_date=datetime.date(2012, 3, 5))
    PlacementFactory(person=ani)
    retire("ppks", "anak_jalanan")
    table = exported("clients", world.operator)
    categories = table[0].index("Kategori PPKS")
    headers, budi_row, ani_row = table[0], *sorted(table[1:], key=lambda row: row[1] != "Budi Contoh")
    assert budi_row[categories] == "Anak Telantar; Anak Jalanan"
    before = sorted(Person.objects.values_list("pk", "version"))

    # When the export comes back unchanged, then with the retired category given to Ani
    unchanged = run(xlsx_file(tmp_path, [headers, budi_row, ani_row]), world.operator, entity="clients")
    ani_row[categories] = "Anak Telantar; Anak Jalanan"
    given = run(xlsx_file(tmp_path, [headers, budi_row, ani_row], name="b.xlsx"), world.operator, entity="clients")

    # Then the first changes nothing; the second is refused on Ani's row alone, naming the retired label
    assert (unchanged.status, unchanged.unchanged) == ("succeeded", 2), problems_of(unchanged) or unchanged.message
    assert given.status == "refused"
    assert [(p.row, p.column, p.message) for p in given.problems] == [
        (3, "Kategori PPKS", RETIRED_MESSAGE % "Anak Jalanan")
    ]
    assert sorted(Person.objects.values_list("pk", "version")) == before


def test_a_new_client_in_a_retired_category_is_refused_with_its_label_not_a_guess(tmp_path, world):
    retire("ppks", "anak_jalanan")
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    row = ["Ani Contoh", "P", datetime.date(2012, 3, 5), "not_yet_recorded", "not_yet_recorded", "Anak Jalanan",
           "Dalam panti (residensial)", datetime.date(2024, 3, 3), "Rina Contoh"]  # fmt: skip

    result = run(xlsx_file(tmp_path, [headers, row]), world.operator, entity="clients", dry_run=True)

    assert [(p.column, p.value, p.message) for p in result.problems] == [
        ("Kategori PPKS", "Anak Jalanan", RETIRED_MESSAGE % "Anak Jalanan")
    ]


def test_a_worker_in_a_retired_psks_category_imports_back_unchanged_and_no_one_is_moved_into_it(tmp_path, world):
    # Given Rina in a PSKS category retired since, and Tono in an active one
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", nik="", psks_category=retire("psks", "psm"))
    WorkerFactory(organisation=world.lks, full_name="Tono Contoh", nik="", birth_date=datetime.date(1990, 1, 2))
    table = exported("workers", world.operator)
    category = table[0].index("Kategori PSKS")
    assert sorted(row[category] for row in table[1:]) == ["Lembaga Kesejahteraan Sosial", "Pekerja Sosial Masyarakat"]
    before = list(Worker.objects.order_by("pk").values())

    unchanged = run(xlsx_file(tmp_path, table), world.operator, entity="workers")
    tono = next(index for index, row in enumerate(table) if row[1] == "Tono Contoh")
    table[tono][category] = "Pekerja Sosial Masyarakat"
    moved = run(xlsx_file(tmp_path, table, name="b.xlsx"), world.operator, entity="workers")

    assert (unchanged.status, unchanged.unchanged) == ("succeeded", 2), problems_of(unchanged) or unchanged.message
    assert [(p.row, p.message) for p in moved.problems] == [(tono + 1, RETIRED_MESSAGE % "Pekerja Sosial Masyarakat")]
    assert list(Worker.objects.order_by("pk").values()) == before


def test_a_retired_term_is_named_as_the_cell_writes_it_for_a_user_working_in_another_language(tmp_path, world):
    from django.utils import translation

    retire("ppks", "anak_jalanan")
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    row = ["Ani Contoh", "P", datetime.date(2012, 3, 5), "not_yet_recorded", "not_yet_recorded",
           "Anak Telantar; Anak Jalanan", "Dalam panti (residensial)", datetime.date(2024, 3, 3),
           "Rina Contoh"]  # fmt: skip

    with translation.override("en"):
        result = run(xlsx_file(tmp_path, [headers, row]), world.operator, entity="clients", dry_run=True)

    assert [p.message for p in result.problems] == [
        "“Anak Jalanan” is no longer in use (it is not in the list of choices); choose another value."
    ]
