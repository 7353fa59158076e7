"""What others do between the check of a clients or workers file and its write: the import's check was made when the
file was read, and a large file takes minutes. A child admitted meanwhile under the same name, an LKS closed, or an
operator's role ended refuse the import as a whole; nothing is written twice or without the right to. And what
changes from one month's list to the next: a mother's name marked deceased, or misspelt, beside a child staying."""

import datetime

import pytest

from sinergi.audit.display import audit_log_entries
from sinergi.audit.models import AuditEvent
from sinergi.organisations.choices import OrganisationStatus
from sinergi.people.choices import AccessPurpose
from sinergi.people.models import DuplicateCandidate, Person, PersonAccess, Worker

from .factories import PersonFactory, PlacementFactory, people_world
from .test_exchange import (
    BOY,
    GIRL,
    HEADERS,
    NIK_BOY,
    NIK_GIRL,
    boy_row,
    clients_file,
    girl_row,
    import_clients,
    import_workers,
    worker_row,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = people_world()
    world.lks.registration_number = "TD/HARAPAN/1"
    world.lks.save()
    return world


NO_NIK = [*HEADERS, "Alasan NIK kosong"]


def without_nik(row: list) -> list:
    cells = dict(zip(HEADERS, row, strict=True)) | {"NIK": ""}
    return [*(cells[h] for h in HEADERS), "Tidak diketahui / belum diperoleh"]


def meanwhile(action):
    """A progress hook doing `action` once, after every row was checked and before anything is written."""

    def hook(phase, done, total):
        if phase == "saving" and done == 0 and not hook.done:
            hook.done = True
            action()
        return False

    hook.done = False
    return hook


def test_a_child_without_nik_admitted_at_the_lks_meanwhile_refuses_the_import(tmp_path, world):
    # given a colleague (or another import of the same list) who admits the boy, without NIK, while the file is checked
    def admit_the_boy():
        person = PersonFactory(organisation=world.lks, nik="", full_name="BUDI CONTOH", birth_date=BOY,
                               mother_name="Siti Contoh")  # fmt: skip
        PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2024, 1, 15))

    path = clients_file(tmp_path, [without_nik(girl_row()), without_nik(boy_row())], headers=NO_NIK)
    # when
    result = import_clients(path, world.operator, progress=meanwhile(admit_the_boy))
    # then nothing of the file is written, and the row is named: imported anyway, the boy would be there twice
    assert result.status == "refused"
    assert result.message == (
        "Baris 3: penerima layanan dengan nama ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir "
        "atau impor lain). Tidak ada yang disimpan; ulangi impor untuk melihat apa yang kini sudah tercatat."
    )
    assert list(Person.objects.values_list("full_name", flat=True)) == ["BUDI CONTOH"]


def test_every_row_admitted_meanwhile_is_named_with_their_count(tmp_path, world):
    # A review found a file of many children, all admitted meanwhile by another import, refused naming one row.
    def admit_both():
        for name, born, nik in (("Budi Contoh", BOY, NIK_BOY), ("Siti Contoh", GIRL, NIK_GIRL)):
            person = PersonFactory(organisation=world.lks, nik=nik, full_name=name, birth_date=born)
            PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2023, 5, 1))

    result = import_clients(clients_file(tmp_path, [girl_row(), boy_row()]), world.operator,
                            progress=meanwhile(admit_both))  # fmt: skip

    assert (result.status, result.message) == (
        "refused",
        "2 baris (2, 3): NIK-nya didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau impor lain). "
        "Tidak ada yang disimpan; ulangi impor.",
    )


def test_every_row_without_nik_admitted_meanwhile_is_named(tmp_path, world):
    def admit_both():
        for name, born in (("BUDI CONTOH", BOY), ("Ani Contoh", GIRL)):
            person = PersonFactory(organisation=world.lks, nik="", full_name=name, birth_date=born, mother_name="")
            PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2024, 1, 15))

    path = clients_file(tmp_path, [without_nik(girl_row()), without_nik(boy_row())], headers=NO_NIK)
    result = import_clients(path, world.operator, progress=meanwhile(admit_both))

    assert result.status == "refused"
    assert result.message.startswith("2 baris (2, 3): penerima layanan dengan nama itu didaftarkan di LKS yang sama")


def test_another_child_admitted_at_the_lks_meanwhile_does_not_stop_the_import(tmp_path, world):
    def admit_someone_else():
        person = PersonFactory(organisation=world.lks, nik="", full_name="Budi Contoh", birth_date=BOY,
                               mother_name="Ibu Lain")  # fmt: skip
        PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2024, 1, 15))

    path = clients_file(tmp_path, [without_nik(girl_row()), without_nik(boy_row())], headers=NO_NIK)
    result = import_clients(path, world.operator, progress=meanwhile(admit_someone_else))
    assert (result.status, result.created) == ("succeeded", 2), result.message


def test_an_lks_closed_meanwhile_takes_no_new_clients(tmp_path, world):
    def close_the_lks():
        type(world.lks).objects.filter(pk=world.lks.pk).update(status=OrganisationStatus.INACTIVE)

    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator, progress=meanwhile(close_the_lks))
    assert result.status == "refused"
    assert result.message == (
        f"LKS “{world.lks.name}” menjadi nonaktif selama impor berjalan, jadi tidak dapat menerima data baru. Tidak "
        "ada yang disimpan."
    )
    assert not Person.objects.exists()


def test_an_operator_whose_role_ends_meanwhile_has_nothing_written(tmp_path, world):
    def end_the_role():
        world.operator.memberships.update(is_active=False)

    result = import_clients(clients_file(tmp_path, [boy_row()]), world.operator, progress=meanwhile(end_the_role))
    assert result.status == "refused"
    assert result.message == (
        f"Hak Anda untuk mendaftarkan data di LKS “{world.lks.name}” dicabut selama impor berjalan. Tidak ada yang "
        "disimpan."
    )
    assert not Person.objects.exists()


def test_a_workers_import_checks_the_lks_and_the_role_again_before_writing(tmp_path, world):
    def end_the_role():
        world.operator.memberships.update(is_active=False)

    result = import_workers(tmp_path, [worker_row()], world.operator, progress=meanwhile(end_the_role))
    assert result.status == "refused"
    assert "dicabut selama impor berjalan" in result.message
    assert not Worker.objects.exists()


# ------------------------------------------------------------------ next month's list, the mother written otherwise
def stored_without_nik(world, mother: str) -> Person:
    person = PersonFactory(organisation=world.lks, nik="", full_name="Budi Contoh", birth_date=BOY, mother_name=mother)
    PlacementFactory(person=person, organisation=world.lks, admitted_on=datetime.date(2024, 1, 15))
    return person


@pytest.mark.parametrize("written", ["Siti Contoh", "Almh. Siti Contoh", "Siti Contoh (Almh)", "ALM SITI CONTOH"])
def test_a_mother_marked_deceased_in_one_list_and_not_in_the_next_is_the_same_mother(tmp_path, world, written):
    stored_without_nik(world, "Alm. Siti Contoh")
    path = clients_file(tmp_path, [without_nik(boy_row(**{"Nama ibu kandung": written}))], headers=NO_NIK)
    result = import_clients(path, world.operator, dry_run=True)
    assert (result.status, result.created, result.updated + result.unchanged) == ("checked", 0, 1), result.problems


def test_a_child_staying_here_under_a_mothers_name_written_otherwise_is_warned_and_flagged(tmp_path, world):
    stored = stored_without_nik(world, "Masniah")
    path = clients_file(tmp_path, [without_nik(boy_row(**{"Nama ibu kandung": "Masnyah"}))], headers=NO_NIK)
    result = import_clients(path, world.operator)
    # admitted (twins' namesakes are told apart by their mother), but said, and left to the board to decide
    assert (result.status, result.created) == ("succeeded", 1)
    assert [(w.column, w.message) for w in result.warnings if "nama ibu" in w.message] == [
        (
            "Nama ibu kandung",
            "“Budi Contoh” dengan tanggal lahir yang sama sudah terdaftar aktif di LKS ini, dengan nama ibu "
            "“Masniah”. Bila orang yang sama, tulis nama ibunya seperti itu agar tidak tercatat dua kali (atau "
            "perbaiki nama ibu lewat ekspor); bila orang lain, biarkan.",
        )
    ]
    new = Person.objects.exclude(pk=stored.pk).get()
    assert set(DuplicateCandidate.objects.values_list("person_id", "other_id")) == {(new.pk, stored.pk)}


def test_a_trial_quoting_a_stored_childs_mothers_name_logs_a_view_of_that_child(tmp_path, world):
    stored = stored_without_nik(world, "Masniah")
    path = clients_file(tmp_path, [without_nik(boy_row(**{"Nama ibu kandung": "Masnyah"}))], headers=NO_NIK)
    # A trial that would admit a new child, warned with the stored child's mother's name
    result = import_clients(path, world.operator, dry_run=True)
    assert (result.status, result.created) == ("checked", 1)
    assert any("“Masniah”" in w.message for w in result.warnings)
    assert list(PersonAccess.objects.filter(what="import_checked").values_list("person_id", "purpose")) == [
        (stored.pk, AccessPurpose.SERVICE)
    ]


def test_one_child_written_twice_in_a_file_once_with_nik_is_refused_as_one_child(tmp_path, world):
    path = clients_file(tmp_path, [[*boy_row(), ""], without_nik(boy_row())], headers=NO_NIK)
    result = import_clients(path, world.operator, dry_run=True)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (
            3,
            "Nama lengkap",
            "Baris ini dan baris 2 tampaknya orang yang sama (nama, tanggal lahir dan nama ibu sama; NIK hanya diisi "
            "di salah satunya). Satukan kedua baris menjadi satu, dengan NIK-nya.",
        )
    ]


def test_a_namesake_without_nik_and_without_mothers_name_is_flagged_not_refused(tmp_path, world):
    # the mother's name missing on one row: maybe the same child, maybe not; the board decides after the import
    path = clients_file(tmp_path, [[*boy_row(), ""], without_nik(boy_row(**{"Nama ibu kandung": ""}))], headers=NO_NIK)
    result = import_clients(path, world.operator, dry_run=True)
    assert (result.status, result.created) == ("checked", 2), result.problems


# ------------------------------------------------------------------ corrections
def test_a_record_corrected_on_its_page_meanwhile_refuses_the_import_in_the_imports_words(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    person = Person.objects.get()

    def correct_on_the_page():
        Person.objects.filter(pk=person.pk).update(version=person.version + 1, notes="dari halaman")

    path = clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Contoh Baru"})], name="b.xlsx")
    result = import_clients(path, world.operator, progress=meanwhile(correct_on_the_page))
    assert (result.status, result.message) == (
        "refused",
        "Baris 2: data orang ini diubah selama impor berjalan (lewat formulir atau impor lain). Tidak ada yang "
        "disimpan; ulangi impor untuk melihat perubahan terbarunya.",
    )
    person.refresh_from_db()
    assert (person.mother_name, person.notes) == ("Siti Contoh", "dari halaman")


def test_a_correction_made_by_an_import_names_its_job_in_the_audit_event(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row()]), world.operator)
    path = clients_file(tmp_path, [boy_row(**{"Nama ibu kandung": "Siti Contoh Baru"})], name="b.xlsx")
    result = import_clients(path, world.operator, audit_via={"import_job": 41})
    assert (result.status, result.updated) == ("succeeded", 1)
    event = AuditEvent.objects.get(action="people.person.updated")
    assert (event.data["fields"], event.data["import_job"]) == (["mother_name"], 41)
    # and the audit log says so in words, beside the field changed
    (entry,) = audit_log_entries([event])
    assert ("Melalui impor nomor", "#41") in [(d.label, d.value) for d in entry.details]


def test_next_months_list_without_a_child_who_left_says_that_child_stays_active(tmp_path, world):
    import_clients(clients_file(tmp_path, [boy_row(), girl_row()]), world.operator)
    result = import_clients(clients_file(tmp_path, [girl_row()], name="b.xlsx"), world.operator, dry_run=True)
    assert (result.status, result.unchanged) == ("checked", 1)
    assert [n for n in result.notices if "tidak ada di file ini" in n] == [
        "1 penerima layanan yang aktif di LKSA Harapan Contoh tidak ada di file ini, dan tetap tercatat aktif. Bila "
        "sudah keluar, catat keluarnya: isi Tanggal keluar dan Alasan keluar di barisnya, atau lewat halamannya."
    ]
    # a list naming everyone says nothing of the kind
    full = import_clients(clients_file(tmp_path, [boy_row(), girl_row()], name="c.xlsx"), world.operator, dry_run=True)
    assert [n for n in full.notices if "tidak ada di file ini" in n] == []
