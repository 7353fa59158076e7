"""How an imported row finds the person it is about: a workers export sent back, a worker row without NIK, names
in any script, and names with nothing left to compare. Every name and NIK here is made up."""

import datetime
import importlib

import pytest
from django.apps import apps

from sinergi.core.crypto import decrypt
from sinergi.exchange.columns import get_entity
from sinergi.exchange.tests.conftest import csv_file, problems_of, run, xlsx_file
from sinergi.people.choices import AccessPurpose, DischargeReason, DuplicateReason, PlacementStatus
from sinergi.people.exchange.common import match_name
from sinergi.people.models import DuplicateCandidate, Person, Worker, WorkerAccess
from sinergi.people.nik import nik_compose
from sinergi.people.services.rules import normalize_name, person_match_key
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world

pytestmark = pytest.mark.django_db

RINA = datetime.date(1985, 5, 17)
NIK_RINA = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=7)
BORN = datetime.date(2010, 5, 5)
ADMITTED = datetime.date(2024, 3, 3)

WORKER_HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Kategori PSKS", "Peran", "Telepon"]
CLIENT_HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong", "Kategori PPKS",
    "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung",
]  # fmt: skip


@pytest.fixture
def world():
    return people_world()


def worker_row(name: str = "Rina Contoh", *, birth=RINA, nik: str = "", phone: str = "") -> list:
    return [name, "P", birth, nik, "lks", "Pengasuh", phone]


def import_workers(tmp_path, rows, actor, *, headers=WORKER_HEADERS, name="pekerja.xlsx", **kwargs):
    path = xlsx_file(tmp_path, [headers, *rows], name=name, sheet="Data pekerja")
    return run(path, actor, entity="workers", **kwargs)


def client_row(name: str, mother: str, *, admitted=ADMITTED) -> list:
    return [name, "L", BORN, "not_yet_recorded", "not_yet_recorded", "anak_telantar", "Dalam panti (residensial)",
            admitted, mother]  # fmt: skip


def import_clients(tmp_path, rows, actor, *, name="klien.xlsx", **kwargs):
    path = xlsx_file(tmp_path, [CLIENT_HEADERS, *rows], name=name, sheet="Data penerima layanan")
    return run(path, actor, entity="clients", **kwargs)


def workers_export(actor) -> list[list]:
    entity = get_entity("workers")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = entity.export_rows(entity.export_queryset(actor=actor, purpose="service").iterator())
    return [headers, *(list(row) for row in rows)]


# ---------------------------------------------------------------------------------------------- workers export


def test_the_workers_export_sent_back_as_an_import_changes_nothing_and_says_its_masked_nik_is_not_read(tmp_path, world):
    # Given a worker with a NIK, exported (the NIK only masked)
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    before = list(Worker.objects.order_by("pk").values())
    path = xlsx_file(tmp_path, workers_export(world.operator), sheet="Data pekerja")
    # When the export is imported back unchanged
    result = run(path, world.operator, entity="workers")
    # Then the row is its stored worker, the NIK kept, and the user is told the masked column was not read
    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result) or result.message
    assert any(notice.startswith("Kolom “NIK (disamarkan)” berisi nomor yang disamarkan") for notice in result.notices)
    assert list(Worker.objects.order_by("pk").values()) == before


def test_the_workers_export_without_its_masked_nik_column_changes_nothing(tmp_path, world):
    # Given workers with and without a NIK, exported, and the masked NIK column deleted from the file
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    WorkerFactory(organisation=world.lks, full_name="Tono Contoh", birth_date=datetime.date(1990, 1, 2), nik="")
    table = workers_export(world.operator)
    masked = table[0].index("NIK (disamarkan)")
    before = list(Worker.objects.order_by("pk").values())
    # When it is imported back
    result = import_workers(tmp_path, [row[:masked] + row[masked + 1 :] for row in table[1:]], world.operator,
                            headers=table[0][:masked] + table[0][masked + 1 :])  # fmt: skip
    # Then each row is its stored worker, the NIK kept: nothing new, nothing changed
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 0, 2)
    assert list(Worker.objects.order_by("pk").values()) == before


# ---------------------------------------------------------------------------------------------- worker without NIK


def test_a_worker_row_without_nik_updates_the_stored_worker_of_that_name_and_birth_date_keeping_the_nik(
    tmp_path, world
):
    stored = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    nik_hash, nik_masked = stored.nik_hash, stored.nik_masked

    result = import_workers(tmp_path, [worker_row("RINA  CONTOH", phone="0811-5000-123")], world.operator)

    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1)
    # The preview names the worker by the stored NIK, so the user sees whom the row updates
    assert result.preview["update"][0]["key"] == "RINA CONTOH (6371********0007)"
    stored.refresh_from_db()
    assert (stored.phone, stored.nik_hash, stored.nik_masked) == ("0811-5000-123", nik_hash, nik_masked)
    assert Worker.objects.count() == 1


def test_a_workers_sex_corrected_by_a_row_without_nik_is_held_to_the_stored_nik(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)  # a woman's NIK
    result = import_workers(tmp_path, [["Rina Contoh", "L", RINA, "", "lks", "Pengasuh", ""]], world.operator,
                            dry_run=True)  # fmt: skip
    assert result.updated == 1, problems_of(result)
    warned = [(w.column, w.message) for w in result.warnings]
    assert [column for column, _message in warned] == ["Jenis kelamin"], warned
    assert "NIK" in warned[0][1]


def test_a_row_without_nik_matching_two_stored_workers_is_refused_asking_for_the_nik(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik="")

    result = import_workers(tmp_path, [worker_row(phone="0811-5000-123")], world.operator)

    assert problems_of(result) == [
        (2, "Nama lengkap", "Rina Contoh", "Lebih dari satu pekerja cocok dengan baris ini di LKS ini; isi NIK.")
    ]


def test_a_nik_for_a_worker_registered_without_one_completes_that_worker(tmp_path, world):
    # Given a worker registered without NIK
    stored = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik="")
    # When a list with her NIK is imported
    result = import_workers(tmp_path, [worker_row(nik=NIK_RINA)], world.operator)
    # Then the stored worker gets the NIK (shown as a change), nobody is registered twice
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    assert result.preview["update"][0]["changes"] == {"NIK": ["", "6371********0007"]}
    stored.refresh_from_db()
    assert (Worker.objects.count(), stored.nik_masked, decrypt(stored.nik_encrypted)) == (
        1,
        "6371********0007",
        NIK_RINA,
    )
    # and the same list again changes nothing
    again = import_workers(tmp_path, [worker_row(nik=NIK_RINA)], world.operator, name="lagi.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_a_nik_row_is_not_taken_for_a_namesake_with_another_nik(tmp_path, world):
    other = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=8)
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=other)
    result = import_workers(tmp_path, [worker_row(nik=NIK_RINA)], world.operator)
    assert (result.created, result.updated) == (1, 0)


# ---------------------------------------------------------------------------------------------- names in any script


def test_names_keep_the_letters_of_every_script_and_fold_latin_accents_as_before():
    # Latin: case, accents, punctuation and spacing do not matter, as before
    assert normalize_name("  Siti  Nur'aini ") == normalize_name("SITI NURAINI") == "siti nuraini"
    # the apostrophes of a word processor or a phone keyboard are apostrophes too, not letters
    assert normalize_name("Nurʼaini") == normalize_name("Nurʻaini") == normalize_name("Nur’aini") == "nuraini"
    assert normalize_name("José Ñúñez") == "jose nunez"
    assert normalize_name("Đặng Thị Søren Straße") == "dang thi soren strasse"
    # Other scripts keep their letters: different names stay different
    assert normalize_name("محمد علي") == "محمد علي"
    assert normalize_name("محمد علي") != normalize_name("عبد الله")
    assert normalize_name("王小明") == "王小明"
    assert normalize_name("ꦱꦶꦠꦶ") != normalize_name("ꦱꦠ")  # Javanese vowel signs are part of the name
    # Optional Arabic vowel marks and the tatweel do not make another name
    assert normalize_name("مُحَمَّد") == normalize_name("محمـــد") == "محمد"
    # A name of punctuation only leaves nothing to compare
    assert normalize_name("-") == normalize_name("?!") == ""


def test_a_non_latin_name_gets_a_match_key_of_its_own():
    first = person_match_key(full_name="محمد علي", birth_date=BORN, mother_name="فاطمة")
    other = person_match_key(full_name="عبد الله", birth_date=BORN, mother_name="زينب")
    assert first and other and first != other


def test_two_clients_with_arabic_names_and_the_same_birth_date_are_two_people(tmp_path, world):
    # Given a client whose name is written in Arabic script
    first = import_clients(tmp_path, [client_row("محمد علي", "فاطمة")], world.operator)
    assert first.created == 1
    # When another client, born the same day, is imported
    second = import_clients(tmp_path, [client_row("عبد الله", "زينب")], world.operator, name="b.xlsx")
    # Then they are admitted as a second person, and the first is not renamed
    assert (second.status, second.created, second.updated) == ("succeeded", 1, 0)
    assert sorted(Person.objects.values_list("full_name", flat=True)) == ["عبد الله", "محمد علي"]


def test_two_workers_with_arabic_names_and_the_same_birth_date_are_two_workers(tmp_path, world):
    result = import_workers(tmp_path, [worker_row("محمد علي"), worker_row("عبد الله")], world.operator)
    assert (result.status, result.created) == ("succeeded", 2)
    again = import_workers(tmp_path, [worker_row("سارة")], world.operator, name="b.xlsx")
    assert (again.created, again.updated) == (1, 0)
    assert Worker.objects.count() == 3


def test_an_arabic_named_client_admitted_twice_is_flagged_as_a_possible_duplicate(tmp_path, world):
    # Given a client with an Arabic-script name at another LKS
    elsewhere = PersonFactory(organisation=world.lks_same_regency, full_name="محمد علي", mother_name="فاطمة",
                              birth_date=BORN, nik="")  # fmt: skip
    PlacementFactory(person=elsewhere)
    # When the same name, birth date and mother's name are imported at this LKS
    result = import_clients(tmp_path, [client_row("محمد علي", "فاطمة")], world.operator)
    # Then the board is asked to check them, as for any other name
    assert result.created == 1
    new = Person.objects.get(organisation=world.lks)
    assert list(DuplicateCandidate.objects.values_list("person_id", "other_id", "reason")) == [
        (new.pk, elsewhere.pk, DuplicateReason.CLOSE_MATCH)
    ]


def test_the_migration_gives_stored_non_latin_names_their_match_key(world):
    stale = PersonFactory(full_name="محمد علي", mother_name="فاطمة", birth_date=BORN, nik="", match_key="")
    latin = PersonFactory(full_name="Budi Contoh", mother_name="Siti Contoh", birth_date=BORN, nik="")
    latin_key = latin.match_key
    migration = importlib.import_module("sinergi.people.migrations.0006_match_key_every_script")

    migration.recompute_non_ascii_keys(apps, None)

    stale.refresh_from_db()
    latin.refresh_from_db()
    assert stale.match_key == person_match_key(full_name="محمد علي", birth_date=BORN, mother_name="فاطمة") != ""
    assert latin.match_key == latin_key


# ---------------------------------------------------------------------------------------------- nothing to compare


def test_names_of_punctuation_only_never_make_two_workers_one(tmp_path, world):
    stored = WorkerFactory(organisation=world.lks, full_name="?", birth_date=RINA, nik="")
    result = import_workers(tmp_path, [worker_row("!"), worker_row("…")], world.operator)
    assert (result.status, result.created, result.updated) == ("succeeded", 2, 0)
    stored.refresh_from_db()
    assert stored.full_name == "?"


def test_names_of_punctuation_only_never_make_two_clients_one(tmp_path, world):
    stored = PersonFactory(organisation=world.lks, full_name="?", mother_name="", birth_date=BORN, nik="")
    PlacementFactory(person=stored, admitted_on=ADMITTED)
    result = import_clients(tmp_path, [client_row("!", "")], world.operator)
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 1, 0, 0)
    stored.refresh_from_db()
    assert stored.full_name == "?"


# ---------------------------------------------------------------------------------------------- NIK cell in words


@pytest.mark.parametrize("written", ["-", "Tidak ada", "belum ada"])
def test_no_nik_written_in_words_leaves_the_reason_column_to_count(tmp_path, world, written):
    headers = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Alasan NIK kosong", "Alasan KK kosong",
               "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung"]  # fmt: skip
    row = ["Budi Contoh", "L", BORN, written, "not_yet_recorded", "not_yet_recorded", "anak_telantar",
           "Dalam panti (residensial)", ADMITTED, "Siti Contoh"]  # fmt: skip
    result = run(xlsx_file(tmp_path, [headers, row], sheet="Data penerima layanan"), world.operator, entity="clients")
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    person = Person.objects.get()
    assert (person.nik_hash, person.nik_missing_reason) == ("", "not_yet_recorded")
    # without the reason, for someone new, the usual message, not "only digits"
    row[0], row[4] = "Ani Contoh", ""
    refused = run(xlsx_file(tmp_path, [headers, row], name="b.xlsx"), world.operator, entity="clients")
    assert [p.message for p in refused.problems] == ["Isi NIK atau pilih alasannya bila tidak ada."]


# ---------------------------------------------------------------------------------------------- several updates


def test_rows_correcting_different_fields_change_only_those_fields(tmp_path, world):
    # Given three workers, exported, with the masked NIK column deleted
    WorkerFactory(organisation=world.lks, full_name="Ani Contoh", birth_date=datetime.date(1990, 1, 2),
                  phone="0812-0000-0001", started_on=datetime.date(2018, 11, 5))  # fmt: skip
    WorkerFactory(organisation=world.lks, full_name="Budi Contoh", birth_date=datetime.date(1991, 2, 3),
                  phone="0812-0000-0002", started_on=datetime.date(2019, 1, 7))  # fmt: skip
    WorkerFactory(organisation=world.lks, full_name="Cici Contoh", birth_date=datetime.date(1992, 3, 4),
                  phone="0812-0000-0003", started_on=datetime.date(2020, 2, 8))  # fmt: skip
    table = workers_export(world.operator)
    headers = table[0]
    masked = headers.index("NIK (disamarkan)")
    rows = [row[:masked] + row[masked + 1 :] for row in table[1:]]
    headers = headers[:masked] + headers[masked + 1 :]
    by_name = {row[headers.index("Nama lengkap")]: row for row in rows}
    before = {w.full_name: w for w in Worker.objects.all()}
    # When one row corrects a phone, another a start date, the third the PSKS category
    by_name["Ani Contoh"][headers.index("Telepon")] = "0813-1111-2222"
    by_name["Budi Contoh"][headers.index("Mulai bertugas")] = datetime.date(2019, 2, 7)
    by_name["Cici Contoh"][headers.index("Kategori PSKS")] = "psm"
    result = import_workers(tmp_path, rows, world.operator, headers=headers)
    # Then exactly those fields change, and nothing else in any row
    assert (result.status, result.updated) == ("succeeded", 3), problems_of(result) or result.message
    changes = {item["key"].split(" (")[0]: item["changes"] for item in result.preview["update"]}
    assert changes["Cici Contoh"] == {"Kategori PSKS": ["Lembaga Kesejahteraan Sosial", "Pekerja Sosial Masyarakat"]}
    after = {w.full_name: w for w in Worker.objects.select_related("psks_category")}
    assert (after["Ani Contoh"].phone, after["Ani Contoh"].started_on) == (
        "0813-1111-2222",
        before["Ani Contoh"].started_on,
    )
    assert (after["Budi Contoh"].phone, after["Budi Contoh"].started_on) == (
        "0812-0000-0002",
        datetime.date(2019, 2, 7),
    )
    assert (after["Cici Contoh"].phone, after["Cici Contoh"].started_on, after["Cici Contoh"].psks_category.code) == (
        "0812-0000-0003", datetime.date(2020, 2, 8), "psm"
    )  # fmt: skip


def test_a_name_alone_finds_the_one_worker_of_that_name_at_the_lks_and_says_so(tmp_path, world):
    # (This once registered Siti a second time, the new phone on the copy: a staff list without birth dates.)
    WorkerFactory(organisation=world.lks, full_name="Siti Aminah", birth_date=RINA, nik=NIK_RINA, phone="0811-1")
    result = import_workers(tmp_path, [worker_row("Siti Aminah", birth=None, phone="0822-2222-2222")], world.operator)
    assert (result.created, result.updated) == (0, 1), problems_of(result)
    assert [w.message.split(" “")[0] for w in result.warnings] == ["Baris ini dicocokkan dengan pekerja tersimpan"]
    assert list(Worker.objects.values_list("phone", "nik_masked", "birth_date")) == [
        ("0822-2222-2222", "6371********0007", RINA)
    ]
    # Re-imported unchanged, the match by name alone is still said: a newcomer of that name would vanish into it.
    again = import_workers(
        tmp_path, [worker_row("Siti Aminah", birth=None, phone="0822-2222-2222")], world.operator, name="b.xlsx"
    )
    assert (again.unchanged, [w.message.split(" “")[0] for w in again.warnings]) == (
        1,
        ["Baris ini dicocokkan dengan pekerja tersimpan"],
    )


def test_a_worker_row_with_its_own_nik_and_birth_date_is_not_taken_for_a_namesake_stored_with_neither(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rahmawati", birth_date=None, nik="")
    nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(1998, 2, 2), sex="P", serial=3)
    result = import_workers(
        tmp_path, [worker_row("Rahmawati", birth=datetime.date(1998, 2, 2), nik=nik)], world.operator, dry_run=True
    )
    assert (result.created, result.updated) == (1, 0), problems_of(result)


def test_a_newcomer_is_not_taken_for_a_former_worker_of_the_same_name(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Nurul Hidayah", birth_date=datetime.date(1975, 4, 4),
                  started_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2020, 1, 1))  # fmt: skip
    result = import_workers(tmp_path, [worker_row("Nurul Hidayah", birth=None)], world.operator, dry_run=True)
    assert (result.status, result.created) == ("checked", 1), problems_of(result)


def test_the_lks_kabupaten_kota_column_reads_codes_and_names_as_the_region_columns_do(world):
    from sinergi.people.exchange.common import LksIndex

    index = LksIndex(world.operator)
    assert {written: index._regency_codes(written) for written in ("63.71", "63,71", "Bjm", "Kota Banjarmasin")} == {
        "63.71": {"63.71"},
        "63,71": {"63.71"},
        "Bjm": {"63.71"},
        "Kota Banjarmasin": {"63.71"},
    }
    assert index._regency_codes("Atlantis") == set()


def test_a_name_or_birth_date_corrected_in_the_export_updates_the_worker_found_by_its_id(tmp_path, world):
    # Given two workers, exported, the masked NIK column deleted, a name typo and a birth date corrected
    WorkerFactory(organisation=world.lks, full_name="Rina Cntoh", birth_date=RINA, nik=NIK_RINA)
    WorkerFactory(organisation=world.lks, full_name="Tono Contoh", birth_date=datetime.date(1990, 1, 2), nik="")
    table = workers_export(world.operator)
    masked = table[0].index("NIK (disamarkan)")
    headers = table[0][:masked] + table[0][masked + 1 :]
    rows = [row[:masked] + row[masked + 1 :] for row in table[1:]]
    name, birth = headers.index("Nama lengkap"), headers.index("Tanggal lahir")
    for row in rows:
        if row[name] == "Rina Cntoh":
            row[name] = "Rina Contoh"
        else:
            row[birth] = datetime.date(1990, 2, 1)
    # When imported back
    result = import_workers(tmp_path, rows, world.operator, headers=headers)
    # Then both are updated in place, found by their ID; nobody is registered again, the NIK is kept
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 2), problems_of(result)
    assert sorted(Worker.objects.values_list("full_name", "birth_date", "nik_masked")) == [
        ("Rina Contoh", RINA, "6371********0007"),
        ("Tono Contoh", datetime.date(1990, 2, 1), ""),
    ]


def test_an_id_of_no_worker_at_this_lks_is_refused(tmp_path, world):
    other = WorkerFactory(organisation=world.lks_same_regency, full_name="Lain Contoh")
    headers = [*WORKER_HEADERS, "ID"]
    result = import_workers(tmp_path, [[*worker_row(), other.pk]], world.operator, headers=headers)
    assert [p.message for p in result.problems] == [
        f"Tidak ada pekerja dengan ID {other.pk} di LKS ini. Kosongkan ID untuk menambah pekerja baru."
    ]


def test_an_id_of_a_worker_at_another_lks_the_user_sees_is_explained_as_a_move(tmp_path, world):
    # Given a worker of the neighbouring LKS, in an export whose LKS cell was changed to the Harapan one
    moved = WorkerFactory(organisation=world.lks_same_regency, full_name="Rina Contoh", birth_date=RINA)
    headers = [*WORKER_HEADERS, "LKS", "ID"]
    row = [*worker_row(), "LKSA Harapan Contoh", moved.pk]
    # When the province admin imports it
    result = import_workers(tmp_path, [row], world.province_admin, headers=headers)
    # Then the answer says where the worker is and how a move is recorded; nothing is written
    assert [p.message for p in result.problems] == [
        f"Pekerja dengan ID {moved.pk} tercatat di LKSA Tetangga Contoh, bukan di LKSA Harapan Contoh. Untuk "
        "mencatat kepindahannya, isi Berhenti bertugas pada barisnya di LKSA Tetangga Contoh, lalu tambahkan baris "
        "tanpa ID untuk LKSA Harapan Contoh."
    ]
    assert Worker.objects.get(pk=moved.pk).organisation_id == world.lks_same_regency.pk


def test_a_new_nik_for_a_worker_of_the_same_name_and_birth_date_is_warned_about(tmp_path, world):
    # Given Rina stored with a NIK
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    other_nik = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=8)
    # When a file gives "her" another NIK (a typo corrected, or a namesake)
    result = import_workers(tmp_path, [worker_row(nik=other_nik)], world.operator, dry_run=True)
    # Then the dry run warns that a second worker would be registered
    assert [w.message for w in result.warnings] == [
        "Pekerja bernama sama dengan tanggal lahir sama sudah tercatat di LKS ini dengan NIK lain (6371********0007). "
        "Bila NIK itu salah ketik, perbaiki lewat ekspor (baris dengan kolom ID); baris ini akan mendaftarkan "
        "pekerja kedua."
    ]
    assert (result.status, result.created) == ("checked", 1)


def test_a_new_nik_without_a_birth_date_for_a_serving_namesake_is_warned_about(tmp_path, world):
    # Given Rina stored with a NIK, and Tono stored with his birth date but no NIK
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    WorkerFactory(organisation=world.lks, full_name="Tono Contoh", birth_date=datetime.date(1990, 1, 2), nik="")
    other_nik = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=8)
    tono_nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(1990, 1, 2), sex="L", serial=9)
    # When a staff list without birth dates gives Rina another NIK, and Tono a NIK
    rows = [worker_row(birth=None, nik=other_nik), ["Tono Contoh", "L", None, tono_nik, "lks", "Pengasuh", ""]]
    result = import_workers(tmp_path, rows, world.operator, dry_run=True)
    # Then the trial says that each would be registered a second time, rather than registering them without a word
    assert (result.status, result.created) == ("checked", 2)
    assert [(w.row, w.column, w.message) for w in result.warnings] == [
        (
            2,
            "NIK",
            "Pekerja bernama sama sudah tercatat di LKS ini dengan NIK lain (6371********0007). Baris ini tanpa "
            "tanggal lahir, jadi tidak dapat dipastikan orangnya sama. Bila NIK itu salah ketik, perbaiki lewat "
            "ekspor (baris dengan kolom ID); baris ini akan mendaftarkan pekerja kedua.",
        ),
        (
            3,
            "NIK",
            "Pekerja bernama sama sudah tercatat di LKS ini tanpa NIK. Baris ini tanpa tanggal lahir, jadi tidak "
            "dicocokkan dengannya. Bila orangnya sama, isi tanggal lahirnya seperti yang tercatat, atau perbaiki "
            "lewat ekspor (baris dengan kolom ID); baris ini akan mendaftarkan pekerja kedua.",
        ),
    ]


def test_a_nik_without_a_birth_date_is_not_warned_about_a_namesake_who_left(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA,
                  started_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2020, 1, 1))  # fmt: skip
    other_nik = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=8)
    result = import_workers(tmp_path, [worker_row(birth=None, nik=other_nik)], world.operator, dry_run=True)
    assert (result.status, result.created, result.warnings) == ("checked", 1, [])


def test_a_trial_quoting_a_stored_workers_nik_logs_a_view_of_that_worker(tmp_path, world):
    rina = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    other_nik = nik_compose(district_code="63.71.01", birth_date=RINA, sex="P", serial=8)
    result = import_workers(tmp_path, [worker_row(nik=other_nik)], world.operator, dry_run=True)
    # The warning quotes Rina's stored (masked) NIK: the trial logs that view of her
    assert (result.status, result.created, len(result.warnings)) == ("checked", 1, 1)
    assert list(WorkerAccess.objects.filter(what="import_checked").values_list("worker_id", "purpose")) == [
        (rina.pk, AccessPurpose.SERVICE)
    ]


def test_a_refused_trial_naming_a_stored_worker_by_an_id_of_another_person_logs_that_worker(tmp_path, world):
    rina = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    other_nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(1990, 1, 2), sex="P", serial=9)
    row = [*worker_row("Dewi Lain", birth=datetime.date(1990, 1, 2), nik=other_nik), rina.pk]
    result = import_workers(tmp_path, [row], world.operator, headers=[*WORKER_HEADERS, "ID"], dry_run=True)
    # The problem quotes the stored worker's name
    assert [p.message.split(",")[0] for p in result.problems] == [f"ID {rina.pk} adalah pekerja “Rina Contoh”"]
    assert list(WorkerAccess.objects.filter(what="import_checked").values_list("worker_id", flat=True)) == [rina.pk]


def test_a_refused_real_import_naming_a_stored_worker_by_an_id_of_another_person_logs_that_worker(tmp_path, world):
    rina = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    other_nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(1990, 1, 2), sex="P", serial=9)
    row = [*worker_row("Dewi Lain", birth=datetime.date(1990, 1, 2), nik=other_nik), rina.pk]
    result = import_workers(tmp_path, [row], world.operator, headers=[*WORKER_HEADERS, "ID"])
    # Not a trial: the refusal still shows the stored worker's name, so that view is logged
    assert result.status == "refused"
    assert list(WorkerAccess.objects.values_list("worker_id", "what")) == [(rina.pk, "import_refused_checked")]


def test_a_kabupaten_kota_that_disagrees_with_the_lks_named_is_reported_as_such(tmp_path, world):
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    headers = [*WORKER_HEADERS, "LKS", "Kabupaten/Kota LKS"]
    result = import_workers(tmp_path, [[*worker_row(), "TD/HARAPAN/1", "Kota Banjarbaru"]], world.province_admin,
                            headers=headers)  # fmt: skip
    assert [p.message for p in result.problems] == [
        "LKS “TD/HARAPAN/1” tercatat di Kota Banjarmasin, bukan di “Kota Banjarbaru”. Perbaiki kolom Kabupaten/Kota "
        "LKS, atau kosongkan."
    ]
    # on the cell to fix, with its value (the thirty-first review found it on the LKS cell, showing the right LKS)
    assert [(p.column, p.value) for p in result.problems] == [("Kabupaten/Kota LKS", "Kota Banjarbaru")]


def test_a_kabupaten_kota_beside_the_lks_that_is_not_read_is_said_to_be_the_cell_to_fix(tmp_path, world):
    # A review found "LKS … tidak ditemukan" for an LKS that exists, beside a kabupaten/kota written as nobody lists it.
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    headers = [*WORKER_HEADERS, "LKS", "Kabupaten/Kota LKS"]
    result = import_workers(tmp_path, [[*worker_row(), "TD/HARAPAN/1", "Kota Antah Berantah"]], world.province_admin,
                            headers=headers)  # fmt: skip
    assert [p.message for p in result.problems] == [
        "Kabupaten/kota “Kota Antah Berantah” di kolom Kabupaten/Kota LKS tidak dikenali. Tulis namanya seperti di "
        "daftar wilayah Kemendagri (mis. “Kota Banjarmasin”) atau kodenya, atau kosongkan."
    ]
    assert [(p.column, p.value) for p in result.problems] == [("Kabupaten/Kota LKS", "Kota Antah Berantah")]


def test_the_workers_template_does_not_offer_the_id_column():
    import io

    from python_calamine import CalamineWorkbook

    from sinergi.exchange.workbook import template_bytes

    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity("workers"))))
    assert "ID" not in book.get_sheet_by_index(0).to_python()[0]


def test_an_id_row_cannot_give_a_worker_the_nik_another_worker_has(tmp_path, world):
    tono = WorkerFactory(organisation=world.lks, full_name="Tono Contoh", birth_date=datetime.date(1990, 1, 2), nik="")
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    headers = [*WORKER_HEADERS, "ID"]
    result = import_workers(
        tmp_path, [[*worker_row("Tono Contoh", birth=datetime.date(1990, 1, 2), nik=NIK_RINA), tono.pk]],
        world.operator, headers=headers,
    )  # fmt: skip
    assert [p.message for p in result.problems] == ["NIK ini sudah dipakai pekerja lain di LKS ini."]
    # nor two rows of one file
    both = import_workers(
        tmp_path,
        [[*worker_row("Tono Contoh", birth=datetime.date(1990, 1, 2), nik=NIK_RINA), tono.pk],
         [*worker_row("Rina Baru", nik=NIK_RINA), ""]],
        world.operator, headers=headers, name="dua.xlsx",
    )  # fmt: skip
    assert both.status == "refused"


def test_a_new_worker_written_twice_once_without_nik_is_one_person_not_two(tmp_path, world):
    result = import_workers(tmp_path, [worker_row(nik=NIK_RINA), worker_row(phone="0811-5000-123")], world.operator)
    assert [(p.row, p.message) for p in result.problems] == [
        (3, "Baris ini dan baris 2 tampaknya orang yang sama (nama dan tanggal lahir sama), satu dengan NIK dan satu "
            "tanpa. Satukan kedua baris, atau isi NIK di keduanya.")
    ]  # fmt: skip
    assert not Worker.objects.exists()


def test_a_running_number_under_an_id_header_does_not_rewrite_the_worker_of_that_number(tmp_path, world):
    rina = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik=NIK_RINA)
    headers = [*WORKER_HEADERS, "ID"]
    other = ["Tono Baru", "L", datetime.date(1991, 3, 4), "", "lks", "Pengasuh", "", rina.pk]
    result = import_workers(tmp_path, [other], world.operator, headers=headers)
    assert [p.message for p in result.problems] == [
        f"ID {rina.pk} adalah pekerja “Rina Contoh”, tetapi nama, tanggal lahir dan NIK di baris ini berbeda. Bila "
        "kolom ID di file ini nomor urut Anda sendiri, ubah judulnya (mis. “No”)."
    ]
    assert Worker.objects.get(pk=rina.pk).full_name == "Rina Contoh"


def test_a_workers_correction_file_without_an_lks_column_finds_the_lks_through_the_id_for_a_board(tmp_path, world):
    rina = WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA)
    result = import_workers(tmp_path, [[rina.pk, "0812-3456-7890"]], world.province_admin, headers=["ID", "Telepon"])
    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    assert Worker.objects.get(pk=rina.pk).phone == "0812-3456-7890"


def test_a_workers_row_from_an_export_older_than_a_change_is_refused(tmp_path, world):
    from django.db.models import F

    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, phone="0812-1111-2222")
    table = workers_export(world.operator)
    masked = table[0].index("NIK (disamarkan)")
    headers = table[0][:masked] + table[0][masked + 1 :]
    rows = [row[:masked] + row[masked + 1 :] for row in table[1:]]
    # Someone changes her phone after the export was made; the old file then corrects her role
    Worker.objects.update(phone="0812-3333-4444", version=F("version") + 1)
    rows[0][headers.index("Peran")] = "Pekerja sosial profesional"
    result = import_workers(tmp_path, rows, world.operator, headers=headers)
    assert [p.column for p in result.problems] == ["Versi"]
    assert Worker.objects.get().phone == "0812-3333-4444"


# ---------------------------------------------------------------------------------------------- a worker by name alone

STAFF_HEADERS = ["Nama", "Jenis kelamin", "Kategori PSKS", "Peran", "Telepon"]  # a staff list: no birth dates, no NIK


def test_a_staff_list_without_birth_dates_re_imported_registers_nobody_twice(tmp_path, world):
    # Given Siti (with NIK and birth date) and Tono (neither) registered at the LKS
    siti = WorkerFactory(organisation=world.lks, full_name="Siti Rahmah Uji", birth_date=RINA, nik=NIK_RINA,
                         phone="0811-1111-111")  # fmt: skip
    WorkerFactory(organisation=world.lks, full_name="Tono Contoh", sex="L", birth_date=None, nik="", phone="")
    # When their staff list, Siti's phone changed, is imported (a semicolon CSV as spreadsheets save it)
    rows = [["Siti Rahmah Uji", "P", "lks", "Pengasuh", "0822-2222-222"], ["Tono Contoh", "L", "lks", "Pengasuh", ""]]
    path = csv_file(tmp_path, [STAFF_HEADERS, *rows], delimiter=";")
    trial = run(path, world.operator, entity="workers", dry_run=True)
    result = run(path, world.operator, entity="workers")
    # Then the trial shows Siti's phone changing on her own record, and nobody is registered twice
    assert trial.preview["update"] == [
        {"row": 2, "key": "Siti Rahmah Uji (6371********0007)",
         "changes": {"Telepon": ["0811-1111-111", "0822-2222-222"]}}
    ]  # fmt: skip
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 1, 1)
    assert Worker.objects.count() == 2
    siti.refresh_from_db()
    assert (siti.phone, siti.nik_masked, siti.birth_date) == ("0822-2222-222", "6371********0007", RINA)


def test_a_worker_row_without_birth_date_naming_two_workers_of_that_name_is_refused(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Siti Rahmah Uji", birth_date=RINA, nik=NIK_RINA)
    WorkerFactory(organisation=world.lks, full_name="Siti Rahmah Uji", birth_date=datetime.date(1990, 1, 2), nik="")
    result = import_workers(
        tmp_path, [worker_row("Siti Rahmah Uji", birth=None, phone="0822-2222-2222")], world.operator
    )
    assert problems_of(result) == [
        (2, "Nama lengkap", "Siti Rahmah Uji", "Lebih dari satu pekerja bernama “Siti Rahmah Uji” tercatat di LKS ini. "
         "Isi Tanggal lahir atau NIK pada baris ini, atau perbaiki lewat ekspor (baris dengan kolom ID).")
    ]  # fmt: skip
    assert Worker.objects.count() == 2


def test_another_birth_date_is_another_worker_but_a_worker_stored_without_one_gets_the_rows(tmp_path, world):
    WorkerFactory(organisation=world.lks, full_name="Rina Contoh", birth_date=RINA, nik="")
    ani = WorkerFactory(organisation=world.lks, full_name="Ani Contoh", birth_date=None, nik="")
    result = import_workers(
        tmp_path, [worker_row("Rina Contoh", birth=datetime.date(1999, 9, 9)), worker_row("Ani Contoh")], world.operator
    )
    assert (result.status, result.created, result.updated) == ("succeeded", 1, 1), problems_of(result)
    assert Worker.objects.filter(full_name="Rina Contoh").count() == 2
    ani.refresh_from_db()
    assert (Worker.objects.filter(full_name="Ani Contoh").count(), ani.birth_date) == (1, RINA)


def test_a_name_with_academic_titles_is_the_stored_worker_of_that_name(tmp_path, world):
    # Given Budi stored without his degree
    budi = WorkerFactory(organisation=world.lks, full_name="Budi Santoso", sex="L", birth_date=RINA, nik="")
    # When a list names him with it, and with his birth date
    row = ["Drs. H. Budi Santoso, S.Sos., M.Si.", "L", RINA, "", "lks", "Pengasuh", "0822-2222-2222"]
    result = import_workers(tmp_path, [row], world.operator, dry_run=True)
    # Then the trial shows his record's name changing, not a second Budi
    assert (result.created, result.updated) == (0, 1), problems_of(result)
    changes = result.preview["update"][0]["changes"]
    assert changes["Nama lengkap"] == ["Budi Santoso", "Drs. H. Budi Santoso, S.Sos., M.Si."]
    assert Worker.objects.get().pk == budi.pk


def test_titles_and_degrees_are_compared_away_but_never_a_word_of_the_name():
    plain = match_name("Budi Santoso")
    written = ["Budi Santoso, S.Sos", "BUDI SANTOSO, S.Pd.", "Drs. Budi Santoso", "H. Budi Santoso",
               "Budi Santoso S.Pd.", "Hj Budi Santoso", "Budi Santoso, SE, M.Si"]  # fmt: skip
    assert {match_name(name) for name in written} == {plain} == {"budi santoso"}
    assert match_name("Hj. Siti Aminah") == match_name("Siti Aminah")
    # a word of the name, an initial, a name after a comma and a name of titles only are kept
    assert match_name("Budi Santoso SE") == "budi santoso se"
    assert match_name("Ahmad S.") == "ahmad s"
    assert match_name("Santoso, Budi") == "santoso budi"
    assert match_name("Hasan Irma") == "hasan irma"
    assert match_name("H.") == "h"


def test_one_worker_written_twice_in_a_file_once_without_birth_date_is_refused_not_registered_twice(tmp_path, world):
    rows = [
        worker_row("Siti Rahmah Uji", birth=None),
        worker_row("Siti Rahmah Uji", birth=None, phone="0822-2222-2222"),
    ]
    twice = import_workers(tmp_path, rows, world.operator)
    assert [(p.row, p.message) for p in twice.problems] == [
        (3, "Baris ini duplikat baris 2 (nama dan tanggal lahir “Siti Rahmah Uji” di LKS ini sama).")
    ]
    once_dated = import_workers(
        tmp_path, [worker_row("Siti Rahmah Uji", birth=None), worker_row("Siti Rahmah Uji, S.Pd.")], world.operator,
        name="b.xlsx",
    )  # fmt: skip
    assert [(p.row, p.message) for p in once_dated.problems] == [
        (3, "Baris ini dan baris 2 tampaknya orang yang sama (nama sama, tanggal lahir kosong di salah satunya). "
            "Satukan kedua baris, atau isi tanggal lahir di keduanya.")
    ]  # fmt: skip
    assert not Worker.objects.exists()
    # two birth dates are two people
    two = import_workers(
        tmp_path, [worker_row("Siti Rahmah Uji"), worker_row("Siti Rahmah Uji", birth=datetime.date(1990, 1, 2))],
        world.operator, name="c.xlsx",
    )  # fmt: skip
    assert (two.status, two.created) == ("succeeded", 2), problems_of(two)


# ---------------------------------------------------------------------------------------------- a client by fewer parts

FEWER_HEADERS = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Alasan NIK kosong", "Alasan KK kosong",
                 "Kategori PPKS", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung", "Tempat lahir"]  # fmt: skip


def registered_child(world, **fields):
    """Ahmad, active at the operator's LKS since ADMITTED, with NIK, birth date and mother's name."""
    person = PersonFactory(**{"organisation": world.lks, "full_name": "Ahmad Permata Contoh", "birth_date": BORN,
                              "mother_name": "Siti Contoh", **fields})  # fmt: skip
    PlacementFactory(person=person, admitted_on=ADMITTED)
    return person


def fewer_row(*, name="Ahmad Permata Contoh", birth=BORN, mother="Siti Contoh", place="", admitted=ADMITTED) -> list:
    return [name, "L", birth, "not_yet_recorded", "unknown", "anak_telantar", "Dalam panti (residensial)",
            admitted, mother, place]  # fmt: skip


def import_fewer(tmp_path, rows, actor, *, headers=FEWER_HEADERS, name="klien.xlsx", **kwargs):
    path = xlsx_file(tmp_path, [headers, *rows], name=name, sheet="Data penerima layanan")
    return run(path, actor, entity="clients", **kwargs)


@pytest.mark.parametrize("missing", [{"mother": ""}, {"birth": None}], ids=["mother", "birth"])
def test_a_registered_child_in_a_row_without_nik_and_missing_a_part_is_that_child(tmp_path, world, missing):
    child = registered_child(world)
    before = list(Person.objects.values())
    # Re-imported unchanged: nothing to do
    same = import_fewer(tmp_path, [fewer_row(**missing)], world.operator)
    assert (same.status, same.created, same.unchanged) == ("succeeded", 0, 1), problems_of(same)
    assert list(Person.objects.values()) == before
    # With his birthplace added: his record changes, shown before → after with a word on how he was found
    changed = import_fewer(tmp_path, [fewer_row(**missing, place="Martapura")], world.operator, name="b.xlsx")
    assert (changed.created, changed.updated) == (0, 1), problems_of(changed)
    assert changed.preview["update"][0]["changes"] == {"Tempat lahir": ["", "Martapura"]}
    assert [w.message.split(" “")[0] for w in changed.warnings] == [
        "Baris tanpa NIK ini dicocokkan dengan penerima layanan tersimpan"
    ]
    assert list(Person.objects.values_list("pk", "birth_place")) == [(child.pk, "Martapura")]


def test_a_child_stored_without_a_mothers_name_is_found_by_a_full_row(tmp_path, world):
    child = registered_child(world, mother_name="")
    result = import_fewer(tmp_path, [fewer_row()], world.operator)
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    assert list(Person.objects.values_list("pk", "mother_name")) == [(child.pk, "Siti Contoh")]


def test_a_row_whose_given_parts_differ_from_the_registered_childs_is_another_child(tmp_path, world):
    registered_child(world)
    born_otherwise = fewer_row(birth=datetime.date(2012, 1, 1), mother="")
    other_mother = fewer_row(birth=None, mother="Rina Lain")
    for n, row in enumerate([born_otherwise, other_mother]):
        result = import_fewer(tmp_path, [row], world.operator, name=f"{n}.xlsx", dry_run=True)
        assert (result.status, result.created) == ("checked", 1), problems_of(result)


def test_two_children_of_that_name_at_the_lks_make_a_row_without_their_parts_ambiguous(tmp_path, world):
    # Twins, say, stored without their mother's name: a row with the birth date only cannot tell them apart
    registered_child(world, mother_name="")
    registered_child(world, mother_name="")
    result = import_fewer(tmp_path, [fewer_row(mother="")], world.operator)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "Nama lengkap", "Lebih dari satu penerima layanan bernama “Ahmad Permata Contoh” tercatat di LKS ini, dan "
         "tanggal lahir serta nama ibu di baris ini tidak membedakan mereka. Isi NIK, Tanggal lahir dan Nama ibu "
         "kandung, atau perbaiki lewat ekspor (baris dengan kolom ID).")
    ]  # fmt: skip


def test_a_complete_new_child_is_not_taken_for_a_namesake_stored_without_birth_date_and_mother(tmp_path, world):
    # Given a Muhammad Rizky stored with his name only
    registered_child(world, full_name="Muhammad Rizky", birth_date=None, mother_name="")
    # When a row gives another Muhammad Rizky with his birth date and mother, admitted the same day or another
    same_day = fewer_row(name="Muhammad Rizky", birth=datetime.date(2016, 5, 20), mother="Halimah")
    other_day = fewer_row(name="Muhammad Rizky", birth=datetime.date(2016, 5, 20), mother="Halimah",
                          admitted=datetime.date(2024, 6, 1))  # fmt: skip
    for n, row in enumerate([same_day, other_day]):
        result = import_fewer(tmp_path, [row], world.operator, name=f"{n}.xlsx", dry_run=True)
        # Then he is a new child, flagged as a possible duplicate: neither merged nor refused
        assert (result.status, result.created, result.updated) == ("checked", 1, 0), problems_of(result)
        assert "Data ini mungkin sama dengan data lain di Sinergi." in [
            w.message.split(" Pengurus")[0] for w in result.warnings
        ]


def test_a_namesake_who_left_the_lks_is_flagged_as_a_possible_duplicate_of_a_new_client(tmp_path, world):
    # Given Ahmad, registered and discharged at this LKS years ago
    earlier = PersonFactory(organisation=world.lks, full_name="Ahmad Permata Contoh", birth_date=BORN,
                            mother_name="Siti Contoh")  # fmt: skip
    PlacementFactory(person=earlier, admitted_on=datetime.date(2020, 1, 6), status=PlacementStatus.DISCHARGED,
                     discharged_on=datetime.date(2021, 1, 6), discharge_reason=DischargeReason.REUNIFIED)  # fmt: skip
    # When a row without his mother's name admits an Ahmad again
    result = import_fewer(tmp_path, [fewer_row(mother="")], world.operator)
    # Then he is admitted, with the possible-duplicate warning the trial shows and a candidate for the board
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    assert "Data ini mungkin sama dengan data lain di Sinergi." in [
        w.message.split(" Pengurus")[0] for w in result.warnings
    ]
    new = Person.objects.exclude(pk=earlier.pk).get()
    assert list(DuplicateCandidate.objects.values_list("person_id", "other_id", "reason")) == [
        (new.pk, earlier.pk, DuplicateReason.CLOSE_MATCH)
    ]


def test_one_child_written_twice_in_a_file_once_without_the_mothers_name_is_refused(tmp_path, world):
    result = import_fewer(tmp_path, [fewer_row(), fewer_row(name="AHMAD PERMATA CONTOH", mother="")], world.operator)
    assert [(p.row, p.message) for p in result.problems] == [
        (3, "Baris ini dan baris 2 tampaknya orang yang sama (nama sama; tanggal lahir dan nama ibu tidak berbeda, "
            "hanya kosong di salah satunya). Satukan kedua baris, atau isi tanggal lahir dan nama ibu di keduanya.")
    ]  # fmt: skip
    assert not Person.objects.exists()


@pytest.mark.parametrize("nik_first", [True, False], ids=["nik-row-first", "nik-row-last"])
def test_one_child_written_twice_once_with_a_nik_once_without_the_mothers_name_is_flagged(tmp_path, world, nik_first):
    nik = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=5)
    with_nik = [*fewer_row(), nik]
    without = [*fewer_row(mother=""), ""]
    rows = [with_nik, without] if nik_first else [without, with_nik]
    result = import_fewer(tmp_path, rows, world.operator, headers=[*FEWER_HEADERS, "NIK"])
    assert (result.status, result.created) == ("succeeded", 2), problems_of(result)
    first, second = Person.objects.order_by("pk")
    assert list(DuplicateCandidate.objects.values_list("person_id", "other_id", "reason")) == [
        (second.pk, first.pk, DuplicateReason.CLOSE_MATCH)
    ]


# ---------------------------------------------------------------------------------------------- a client's ID


def test_a_new_child_typed_over_a_copied_export_row_does_not_rewrite_the_child_of_that_id(tmp_path, world):
    # Given Ahmad, and a file whose row carries his ID but a new sibling's name, sex, birth date and mother
    ahmad = registered_child(world)
    before = list(Person.objects.values())
    headers = [*FEWER_HEADERS, "ID"]
    row = ["Anak Baru Dua", "P", "01-03-2013", "not_yet_recorded", "unknown", "anak_telantar",
           "Dalam panti (residensial)", ADMITTED, "Rina Lain", "", ahmad.pk]  # fmt: skip
    result = import_fewer(tmp_path, [row], world.operator, headers=headers)
    # Then the row is refused, saying whose ID it is; Ahmad is unchanged
    assert [(p.column, p.message) for p in result.problems] == [
        ("ID", f"ID {ahmad.pk} adalah penerima layanan “Ahmad Permata Contoh”, tetapi nama, tanggal lahir dan NIK di "
         "baris ini berbeda. Bila baris ini orang lain, kosongkan ID-nya; bila kolom ID di file ini nomor urut Anda "
         "sendiri, ubah judulnya (mis. “No”).")
    ]  # fmt: skip
    assert list(Person.objects.values()) == before
    # while a typo corrected under his ID is still his correction
    typo = [*fewer_row(name="Ahmad Permata Kontoh", birth=None, mother=""), ahmad.pk]
    corrected = import_fewer(tmp_path, [typo], world.operator, headers=headers, name="b.xlsx")
    assert (corrected.status, corrected.updated) == ("succeeded", 1), problems_of(corrected)
    assert Person.objects.get().full_name == "Ahmad Permata Kontoh"


@pytest.mark.parametrize(
    ("header", "value", "field"),
    [
        ("Tanggal Kelahiran", "17-05-1985", "birth_date"),
        ("Nomor NIK", nik_compose(district_code="63.71.01", birth_date=datetime.date(1985, 5, 17), sex="P", serial=77),
         "nik_masked"),
        ("LKS tempat layanan", "", "organisation_id"),
    ],
)  # fmt: skip
def test_a_staff_list_is_read_by_the_headers_a_clients_file_is_read_by(tmp_path, world, header, value, field):
    # A staff list with "Tanggal Kelahiran" registered everyone without a birth date (a notice only)
    path = csv_file(tmp_path, [["Nama lengkap", "Jenis kelamin", header, "Kategori PSKS", "Peran"],
                               ["Rina Contoh", "P", value, "lks", "Pengasuh"]])  # fmt: skip
    result = run(path, world.operator, entity="workers")
    assert result.status == "succeeded", problems_of(result)
    assert not [notice for notice in result.notices if "tidak dikenal" in notice], result.notices
    stored = Worker.objects.values_list(field, flat=True).get()
    assert {
        "birth_date": datetime.date(1985, 5, 17), "nik_masked": "6371********0077", "organisation_id": world.lks.pk
    }[field] == stored  # fmt: skip


@pytest.mark.parametrize("with_nik", [True, False])
def test_a_staff_list_naming_both_stints_of_a_worker_who_came_back_is_read_stint_by_stint(tmp_path, world, with_nik):
    # A caregiver who left in 2012 and came back in 2013: two stints, as the form registers a return
    from sinergi.people.services.workers import worker_create, worker_end
    from sinergi.vocabularies.models import Term, Vocabulary

    nik = nik_compose(district_code="63.71.01", birth_date=datetime.date(1975, 3, 9), sex="P", serial=555)
    base = {
        "full_name": "Rahma Wulandari", "sex": "P", "birth_date": datetime.date(1975, 3, 9), "role": "pengasuh",
        "psks_category": Term.objects.get(vocabulary=Vocabulary.PSKS, code="lks"), **({"nik": nik} if with_nik else {}),
    }  # fmt: skip
    first = worker_create(
        actor=world.operator, organisation=world.lks, data=base | {"started_on": datetime.date(2010, 1, 4)}
    )
    worker_end(actor=world.operator, worker=first.obj, ended_on=datetime.date(2012, 6, 30))
    worker_create(actor=world.operator, organisation=world.lks, data=base | {"started_on": datetime.date(2013, 3, 1)})
    before = list(Worker.objects.order_by("pk").values())
    header = ["Nama lengkap", "Jenis kelamin", "Tanggal lahir", "NIK", "Kategori PSKS", "Peran", "Mulai bertugas",
              "Berhenti bertugas"]  # fmt: skip
    stints = [
        ["Rahma Wulandari", "P", "09-03-1975", nik if with_nik else "", "lks", "Pengasuh", "04-01-2010", "30-06-2012"],
        ["Rahma Wulandari", "P", "09-03-1975", nik if with_nik else "", "lks", "Pengasuh", "01-03-2013", ""],
    ]
    # The LKS's staff list (no ID column) lists both stints: each row is its own stint, unchanged
    result = run(csv_file(tmp_path, [header, *stints]), world.operator, entity="workers")
    assert (result.status, result.unchanged) == ("succeeded", 2), problems_of(result)
    assert list(Worker.objects.order_by("pk").values()) == before
    # The first stint's row alone is read as that stint too
    result = run(csv_file(tmp_path, [header, stints[0]], name="lama.csv"), world.operator, entity="workers")
    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result)
    # Two rows of her still serving are one too many, said once
    twice = run(csv_file(tmp_path, [header, stints[1], stints[1]], name="dua.csv"), world.operator, entity="workers")
    assert [p.message.split(" (")[0] for p in twice.problems] == ["Baris ini duplikat baris 2"]
