"""A header asking a yes/no question ("Disabilitas (ada/tidak)", "NIK (ya/tidak)") is no column of the kind or the
number it asks about (seventy-sixth review): it was read as Ragam disabilitas or NIK, and every "Ada" in it refused
on its row. It stays unknown, its notice saying it holds yes/no answers; a yes/no column with that hint still maps,
and a bracket on an optional answer ("NIK (jika ada)") is still a hint."""

import pytest

from sinergi.exchange.columns import get_entity
from sinergi.exchange.pipeline import header_column, header_index
from sinergi.exchange.tests.conftest import run, xlsx_file
from sinergi.people.models import Person
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange import HEADERS, SHEET, boy_row


def key_of(entity: str, header: str) -> str | None:
    column = header_column(header, header_index(get_entity(entity)))
    return column.key if column is not None else None


@pytest.mark.parametrize(
    "header",
    ["Disabilitas (ada/tidak)", "NIK (ada/tidak)", "NIK (Ya/Tidak)", "NIK (ya atau tidak)", "No. KK (ada / tidak ada)",
     "Ragam disabilitas (ya/tidak)"],
)  # fmt: skip
def test_a_yes_no_question_about_a_column_that_is_no_yes_no_one_stays_unknown(header):
    assert key_of("clients", header) is None


@pytest.mark.parametrize(
    ("entity", "header", "key"),
    [("workers", "Bekerja dengan anak (ya/tidak)", "works_with_children"),
     ("workers", "Bekerja dengan anak (ada/tidak)", "works_with_children"),
     ("lks", "Berbadan hukum (Ya/Tidak)", "has_legal_entity"),
     ("clients", "Tanggal lahir perkiraan (ya/tidak)", "birth_date_estimated"),
     ("clients", "NIK (jika ada)", "nik"), ("clients", "No KK (bila ada)", "kk"),
     ("clients", "Jenis Kelamin (L/P)", "sex")],
)  # fmt: skip
def test_a_yes_no_column_keeps_its_hint_and_other_hints_stay_hints(entity, header, key):
    # Guard (passes before the fix too): the rule reaches only a yes/no question after a column that is none
    assert key_of(entity, header) == key


@pytest.mark.django_db
def test_a_disability_question_column_is_left_aside_with_a_notice_saying_why(tmp_path):
    # Given a clients list with a column "Disabilitas (ada/tidak)" answered "Ada" and "Tidak"
    world = people_world()
    rows = [[*HEADERS, "Disabilitas (ada/tidak)"], [*boy_row(), "Ada"]]
    # When it is imported
    result = run(xlsx_file(tmp_path, rows, sheet=SHEET), world.operator, entity="clients")
    # Then the client is admitted, and the notice names the column as a yes/no answer, not the kind of disability
    assert (result.status, result.created) == ("succeeded", 1), [p.message for p in result.problems]
    assert (
        "Kolom yang tidak dikenal diabaikan: “Disabilitas (ada/tidak)” (jawaban ya/tidak, bukan isi kolom “Ragam "
        "disabilitas”)." in result.notices
    )
    assert Person.objects.get().disability_type == ""


# ------------------------------------------------------------------------------------ the guardian's phone


@pytest.mark.parametrize(
    "header",
    ["Nomor HP/WA orang tua/wali", "No. HP Orang Tua/Wali", "No HP/WA Wali", "Telepon orang tua/wali",
     "Nomor WhatsApp wali"],
)  # fmt: skip
def test_a_phone_of_the_parent_or_guardian_is_read_as_the_guardians_phone(header):
    # The client's record keeps one contact number, the guardian's; a client has no phone column of their own
    assert key_of("clients", header) == "guardian_phone"


@pytest.mark.parametrize("header", ["No HP Ayah", "No. HP Ibu", "HP Orang Tua", "Nomor HP/WA", "Nama orang tua/wali"])
def test_a_parents_own_phone_or_a_phone_of_nobody_named_stays_unknown(header):
    # Guard (passes before the fix too): a parent may not be the guardian, and "HP" alone is whose?
    assert key_of("clients", header) is None


@pytest.mark.django_db
def test_a_clients_list_with_the_parents_or_guardians_whatsapp_number_keeps_it(tmp_path):
    world = people_world()
    rows = [[*HEADERS, "Nomor HP/WA orang tua/wali"], [*boy_row(), "0812-3456-7890"]]
    result = run(xlsx_file(tmp_path, rows, sheet=SHEET), world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 1), [p.message for p in result.problems]
    assert not any("tidak dikenal" in notice for notice in result.notices), result.notices
    assert Person.objects.get().guardian_phone == "0812-3456-7890"


@pytest.mark.django_db
def test_a_yes_to_a_disability_question_with_no_kind_given_is_warned_of_on_its_row(tmp_path):
    # Given a clients list whose "Disabilitas (ada/tidak)" says "Ada" for one child, "Tidak" for another, and "Ya"
    # for a third whose kind of disability is given in "Ragam disabilitas" (seventy-seventh review: the question's
    # column is ignored, so the first child's "Ada" was lost with only the file's notice)
    world = people_world()
    rows = [
        [*HEADERS, "Ragam disabilitas", "Disabilitas (ada/tidak)"],
        [*boy_row(**{"Nama lengkap": "Budi Contoh", "NIK": "6371011708140001"}), "", "Ada"],
        [*boy_row(**{"Nama lengkap": "Joko Contoh", "NIK": "6371011708140002"}), "", "Tidak"],
        [*boy_row(**{"Nama lengkap": "Eko Contoh", "NIK": "6371011708140003"}), "Disabilitas fisik", "Ya"],
    ]
    # When it is tried
    result = run(xlsx_file(tmp_path, rows, sheet=SHEET), world.operator, entity="clients", dry_run=True)
    # Then it would import, and the first child's row alone is warned that the answer is not recorded
    assert result.status == "checked", [p.message for p in result.problems]
    asked = [(w.row, w.column, w.value) for w in result.warnings if w.column == "Disabilitas (ada/tidak)"]
    assert asked == [(2, "Disabilitas (ada/tidak)", "Ada")]
    [warning] = [w for w in result.warnings if w.column == "Disabilitas (ada/tidak)"]
    assert "“Ragam disabilitas” kosong" in warning.message
