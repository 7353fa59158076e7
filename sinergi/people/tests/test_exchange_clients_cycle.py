"""Clients exported, edited and imported back, and a file completing what is stored: a row without NIK is the
stored client, consent given in the file is recorded, "Tidak ada" clears a disability, and the dry run shows what
the import writes. Every name, NIK and KK here is made up."""

import datetime

import pytest

from sinergi.core.crypto import decrypt, encrypt, keyed_hash
from sinergi.exchange.columns import get_entity
from sinergi.exchange.tests.conftest import problems_of, run, xlsx_file
from sinergi.people.choices import ConsentGiver, LegalBasis
from sinergi.people.models import Consent, Person, PersonAccess, Placement
from sinergi.people.nik import nik_compose
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, people_world

pytestmark = pytest.mark.django_db

SHEET = "Data penerima layanan"
BORN = datetime.date(2014, 8, 17)
NIK = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=1)  # 6371011708140001
KK = "6371010101100001"
ADMITTED = datetime.date(2024, 1, 15)
HEADERS = [
    "Nama lengkap", "Jenis kelamin", "Tanggal lahir", "Tempat lahir", "NIK", "Alasan NIK kosong", "Alasan KK kosong",
    "Kategori PPKS", "Ragam disabilitas", "Bentuk layanan", "Tanggal masuk", "Nama ibu kandung",
    "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan", "Cakupan persetujuan",
]  # fmt: skip
CONSENT = {
    "Persetujuan oleh": "Orang tua",
    "Nama pemberi persetujuan": "Siti Contoh",
    "Tanggal persetujuan": datetime.date(2024, 1, 15),
    "Dasar pemrosesan": "Persetujuan yang sah",
    "Cakupan persetujuan": "Pelayanan di LKS",
}


@pytest.fixture
def world():
    return people_world()


def stored_boy(world, **fields) -> Person:
    """Budi, stored at the operator's LKS with a NIK (and, by default, no KK), admitted on ADMITTED."""
    values = {"organisation": world.lks, "full_name": "Budi Contoh", "birth_date": BORN, "mother_name": "Siti Contoh",
              "nik": NIK, **fields}  # fmt: skip
    person = PersonFactory(**values)
    PlacementFactory(person=person, admitted_on=ADMITTED)
    return person


def row(**changes) -> list:
    """Budi's row without NIK: the reason filled, as a user must when the NIK column is empty."""
    values = dict.fromkeys(HEADERS, "")
    values.update({
        "Nama lengkap": "Budi Contoh", "Jenis kelamin": "L", "Tanggal lahir": BORN,
        "Alasan NIK kosong": "Tidak diketahui / belum diperoleh", "Alasan KK kosong": "unknown",
        "Kategori PPKS": "anak_telantar", "Bentuk layanan": "Dalam panti (residensial)", "Tanggal masuk": ADMITTED,
        "Nama ibu kandung": "Siti Contoh",
    })  # fmt: skip
    values.update(changes)
    return [values[h] for h in HEADERS]


def nik_row(**changes) -> list:
    """Budi's row with his NIK."""
    return row(**{"NIK": NIK, "Alasan NIK kosong": "", **changes})


def import_rows(tmp_path, rows, actor, *, headers=HEADERS, name="klien.xlsx", **kwargs):
    return run(xlsx_file(tmp_path, [headers, *rows], name=name, sheet=SHEET), actor, entity="clients", **kwargs)


def clients_export(actor) -> list[list]:
    entity = get_entity("clients")
    headers = [str(column.header) for column in entity.export_columns()]
    rows = entity.export_rows(entity.export_queryset(actor=actor, purpose="service").iterator())
    return [headers, *(list(r) for r in rows)]


def without_columns(table: list[list], *names: str) -> list[list]:
    drop = {table[0].index(name) for name in names}
    return [[cell for index, cell in enumerate(r) if index not in drop] for r in table]


def stored_rows():
    return (
        list(Person.objects.order_by("pk").values()),
        list(Placement.objects.order_by("pk").values()),
        list(Consent.objects.order_by("pk").values()),
    )


# ---------------------------------------------------------------------------------------------- export round trip


def test_the_export_without_its_masked_columns_and_with_a_reason_filled_imports_back_as_the_same_clients(
    tmp_path, world
):
    # Given a client with a NIK and a KK, and one without either, exported
    budi = stored_boy(world, kk_encrypted=encrypt(KK), kk_hash=keyed_hash(KK), kk_masked="6371********0001",
                      kk_missing_reason="")  # fmt: skip
    PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Ani Contoh", nik=""))
    table = without_columns(clients_export(world.operator), "NIK (disamarkan)", "Nomor KK (disamarkan)")
    # and the masked columns deleted, a reason written wherever the NIK or KK cell is now empty
    for cells in table[1:]:
        for column in ("Alasan NIK kosong", "Alasan KK kosong"):
            cells[table[0].index(column)] = cells[table[0].index(column)] or "Tidak diketahui / belum diperoleh"
    before = stored_rows()
    # When it is imported back
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])
    # Then each row is its stored client: nobody admitted twice, the NIK and KK kept, nothing changed
    counts = (result.status, result.created, result.updated, result.unchanged)
    assert counts == ("succeeded", 0, 0, 2), problems_of(result)
    assert stored_rows() == before
    budi.refresh_from_db()
    assert (decrypt(budi.nik_encrypted), decrypt(budi.kk_encrypted)) == (NIK, KK)


def test_the_export_without_its_masked_columns_imports_back_even_without_a_reason_for_numbers_that_are_stored(
    tmp_path, world
):
    stored_boy(world, kk_encrypted=encrypt(KK), kk_hash=keyed_hash(KK), kk_masked="6371********0001",
               kk_missing_reason="")  # fmt: skip
    table = without_columns(clients_export(world.operator), "NIK (disamarkan)", "Nomor KK (disamarkan)")
    before = stored_rows()

    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])

    # The empty NIK and KK cells keep the stored numbers: no reason needs inventing for numbers the record holds
    assert (result.status, result.created, result.unchanged) == ("succeeded", 0, 1), problems_of(result)
    assert stored_rows() == before


def test_a_row_without_nik_corrects_the_stored_client_of_that_name_birth_date_and_mother_keeping_the_nik(
    tmp_path, world
):
    budi = stored_boy(world)
    nik_hash = budi.nik_hash

    result = import_rows(tmp_path, [row(**{"Nama lengkap": "BUDI  CONTOH", "Nama ibu kandung": "siti contoh"})],
                         world.operator, dry_run=True)  # fmt: skip
    # Only the spelling of the name differs; the preview names the client by the stored (masked) NIK
    assert result.preview["update"] == [
        {"row": 2, "key": "Budi Contoh (6371********0001)", "changes": {
            "Nama lengkap": ["Budi Contoh", "BUDI  CONTOH"], "Nama ibu kandung": ["Siti Contoh", "siti contoh"]}}
    ]  # fmt: skip

    written = import_rows(tmp_path, [row(**{"Tempat lahir": "Martapura"})], world.operator, name="b.xlsx")
    assert (written.status, written.created, written.updated) == ("succeeded", 0, 1), problems_of(written)
    budi.refresh_from_db()
    assert (budi.birth_place, budi.nik_hash, decrypt(budi.nik_encrypted), budi.nik_missing_reason) == (
        "Martapura", nik_hash, NIK, ""
    )  # fmt: skip
    assert (Person.objects.count(), Placement.objects.count()) == (1, 1)


def test_a_row_without_nik_matching_two_stored_clients_is_refused_asking_for_the_nik(tmp_path, world):
    stored_boy(world)
    stored_boy(world, nik=nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=2))
    before = stored_rows()

    result = import_rows(tmp_path, [row()], world.operator)

    assert problems_of(result) == [
        (2, "Nama lengkap", "Budi Contoh",
         "Lebih dari satu penerima layanan dengan nama, tanggal lahir, dan nama ibu ini tercatat di LKS ini; isi NIK.")
    ]  # fmt: skip
    assert stored_rows() == before


def test_a_row_without_nik_is_not_taken_for_a_client_at_another_lks(tmp_path, world):
    elsewhere = PersonFactory(organisation=world.lks_same_regency, full_name="Budi Contoh", birth_date=BORN,
                              mother_name="Siti Contoh", nik=NIK)  # fmt: skip
    PlacementFactory(person=elsewhere, admitted_on=ADMITTED)

    result = import_rows(tmp_path, [row()], world.operator)

    assert (result.status, result.created, result.updated) == ("succeeded", 1, 0)
    assert Person.objects.get(organisation=world.lks).nik_hash == ""


def test_a_name_of_punctuation_only_never_matches_a_stored_client_with_a_nik(tmp_path, world):
    stored = stored_boy(world, full_name="?", mother_name="")
    result = import_rows(tmp_path, [row(**{"Nama lengkap": "!", "Nama ibu kandung": ""})], world.operator)
    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 1, 0, 0)
    stored.refresh_from_db()
    assert stored.full_name == "?"


# ---------------------------------------------------------------------------------------------- consent


def test_consent_given_in_the_file_for_a_stored_client_is_recorded_shown_first_and_not_recorded_twice(tmp_path, world):
    # Given a client admitted without a record of consent
    budi = stored_boy(world)
    path = xlsx_file(tmp_path, [HEADERS, nik_row(**CONSENT)], sheet=SHEET)
    # When a file completing the consent is checked
    checked = run(path, world.operator, entity="clients", dry_run=True)
    # Then the dry run shows the consent as a change
    assert checked.preview["update"] == [
        {"row": 2, "key": "Budi Contoh", "changes": {
            "Persetujuan oleh": ["", "Orang tua"], "Nama pemberi persetujuan": ["", "Siti Contoh"],
            "Tanggal persetujuan": ["", "15-01-2024"], "Dasar pemrosesan": ["", "Persetujuan yang sah"],
            "Cakupan persetujuan": ["", "Pelayanan di LKS"]}}
    ]  # fmt: skip
    assert not Consent.objects.exists()
    # and when imported, the consent is recorded by the importing user, the access logged
    result = run(path, world.operator, entity="clients")
    assert (result.status, result.updated, result.extra["consents"]) == ("succeeded", 1, 1)
    assert list(
        Consent.objects.values_list("person", "given_by", "giver_name", "given_on", "legal_basis", "scope",
                                    "recorded_by")
    ) == [
        (budi.pk, ConsentGiver.PARENT, "Siti Contoh", datetime.date(2024, 1, 15), LegalBasis.CONSENT,
         "Pelayanan di LKS", world.operator.pk)
    ]  # fmt: skip
    assert PersonAccess.objects.filter(person=budi, what="changed", actor=world.operator).count() == 1
    # And the same file again changes nothing
    again = run(path, world.operator, entity="clients")
    assert (again.updated, again.unchanged, Consent.objects.count()) == (0, 1, 1)


def test_a_different_consent_is_recorded_beside_the_earlier_one_and_an_old_file_changes_nothing(tmp_path, world):
    budi = stored_boy(world)
    assert import_rows(tmp_path, [nik_row(**CONSENT)], world.operator).updated == 1
    wider = {**CONSENT, "Cakupan persetujuan": "Pelayanan dan pengasuhan di LKS",
             "Tanggal persetujuan": datetime.date(2024, 6, 1)}  # fmt: skip

    checked = import_rows(tmp_path, [nik_row(**wider)], world.operator, name="b.xlsx", dry_run=True)
    assert checked.preview["update"][0]["changes"] == {
        "Tanggal persetujuan": ["15-01-2024", "01-06-2024"],
        "Cakupan persetujuan": ["Pelayanan di LKS", "Pelayanan dan pengasuhan di LKS"],
    }
    assert import_rows(tmp_path, [nik_row(**wider)], world.operator, name="b.xlsx").updated == 1

    # The history is kept: both consents are on record, the newer one first
    assert list(budi.consents.values_list("given_on", "scope")) == [
        (datetime.date(2024, 6, 1), "Pelayanan dan pengasuhan di LKS"),
        (datetime.date(2024, 1, 15), "Pelayanan di LKS"),
    ]
    # and the first file, imported again, finds its consent on record
    old = import_rows(tmp_path, [nik_row(**CONSENT)], world.operator, name="c.xlsx")
    assert (old.updated, old.unchanged, Consent.objects.count()) == (0, 1, 2)


def test_a_withdrawn_consent_is_not_given_again_by_re_importing_the_file_that_recorded_it(tmp_path, world):
    stored_boy(world)
    assert import_rows(tmp_path, [nik_row(**CONSENT)], world.operator).updated == 1
    Consent.objects.update(withdrawn_on=datetime.date(2024, 3, 1))

    again = import_rows(tmp_path, [nik_row(**CONSENT)], world.operator, name="b.xlsx")

    assert (again.updated, again.unchanged) == (0, 1)
    assert list(Consent.objects.values_list("withdrawn_on", flat=True)) == [datetime.date(2024, 3, 1)]


def test_a_childs_consent_for_a_stored_client_is_checked_against_the_stored_birth_date(tmp_path, world):
    stored_boy(world)
    by_himself = nik_row(**{**CONSENT, "Persetujuan oleh": "Yang bersangkutan", "Tanggal lahir": ""})

    result = import_rows(tmp_path, [by_himself], world.operator)

    assert problems_of(result) == [
        (2, "Persetujuan oleh", "Yang bersangkutan",
         "Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri."),
    ]  # fmt: skip
    assert not Consent.objects.exists()


def test_consent_for_a_restricted_client_is_refused(tmp_path, world):
    stored_boy(world, is_restricted=True)
    result = import_rows(tmp_path, [nik_row(**CONSENT)], world.operator)
    assert result.status == "refused" and "dibatasi" in result.problems[0].message
    assert not Consent.objects.exists()


# ---------------------------------------------------------------------------------------------- disability


def test_tidak_ada_clears_a_stored_disability_and_an_empty_cell_keeps_it(tmp_path, world):
    budi = stored_boy(world, disability_type="fisik")
    # An empty cell keeps the stored disability
    kept = import_rows(tmp_path, [nik_row()], world.operator)
    assert (kept.updated, kept.unchanged) == (0, 1)
    # "Tidak ada" chosen from the list clears it, shown as a change first
    cleared = nik_row(**{"Ragam disabilitas": "Tidak ada"})
    checked = import_rows(tmp_path, [cleared], world.operator, name="b.xlsx", dry_run=True)
    assert checked.preview["update"][0]["changes"] == {"Ragam disabilitas": ["Disabilitas fisik", "Tidak ada"]}
    assert import_rows(tmp_path, [cleared], world.operator, name="b.xlsx").updated == 1
    budi.refresh_from_db()
    assert budi.disability_type == ""
    # and "Tidak ada" for someone without a disability changes nothing
    assert import_rows(tmp_path, [cleared], world.operator, name="c.xlsx").unchanged == 1


# ---------------------------------------------------------------------------------------------- PPKS categories


def test_the_dry_run_shows_the_ppks_categories_that_will_be_stored_the_new_one_added(tmp_path, world):
    budi = stored_boy(world)
    added = nik_row(**{"Kategori PPKS": "anak_jalanan"})

    checked = import_rows(tmp_path, [added], world.operator, dry_run=True)
    result = import_rows(tmp_path, [added], world.operator)

    assert checked.preview["update"][0]["changes"] == {
        "Kategori PPKS": ["anak_telantar", "anak_jalanan; anak_telantar"]
    }
    assert result.updated == 1
    assert sorted(budi.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]
