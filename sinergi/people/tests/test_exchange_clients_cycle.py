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
            "Nama lengkap": ["Budi Contoh", "BUDI CONTOH"], "Nama ibu kandung": ["Siti Contoh", "siti contoh"]}}
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
    assert result.status == "refused" and "hanya dapat diproses oleh admin provinsi" in result.problems[0].message
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
        "Kategori PPKS": ["Anak Telantar", "Anak Telantar; Anak Jalanan"]
    }
    assert result.updated == 1
    assert sorted(budi.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]


def budi_exported_in_two_categories(world, *, listed: str, discharged: bool = False) -> tuple[Person, list[list]]:
    """Budi, stored in "Anak Telantar" (his stay's main category) and "Anak Jalanan", and his export with the PPKS
    cell rewritten to `listed` (the "main category" column still naming his stay's)."""
    from sinergi.vocabularies.models import Term

    budi = stored_boy(world)
    budi.ppks_categories.add(Term.objects.get(vocabulary="ppks", code="anak_jalanan"))
    if discharged:
        Placement.objects.filter(person=budi).update(
            status="discharged", discharged_on=datetime.date(2024, 3, 1), discharge_reason="reunified"
        )
    table = clients_export(world.operator)
    cell = table[0].index("Kategori PPKS")
    assert table[1][cell] == "Anak Telantar; Anak Jalanan"
    table[1][cell] = listed
    return budi, table


def test_a_category_deleted_in_an_exports_cell_is_dropped_while_a_row_without_id_only_adds(tmp_path, world):
    # Given Budi in two categories, and his export with one of them deleted from the cell
    budi, table = budi_exported_in_two_categories(world, listed="Anak Telantar")

    # When checked and imported
    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])

    # Then the trial run shows the list as it will be stored, and the deleted category is gone
    assert checked.preview["update"][0]["changes"] == {
        "Kategori PPKS": ["Anak Telantar; Anak Jalanan", "Anak Telantar"]
    }, problems_of(checked)
    assert result.updated == 1
    assert list(budi.ppks_categories.values_list("code", flat=True)) == ["anak_telantar"]
    # and a row without the ID naming one category (another file) adds, never drops
    again = import_rows(tmp_path, [nik_row(**{"Kategori PPKS": "anak_jalanan"})], world.operator, name="b.xlsx")
    assert again.updated == 1
    assert sorted(budi.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]


def test_the_main_category_of_an_active_stay_deleted_in_an_exports_cell_is_refused_not_silently_kept(tmp_path, world):
    # Given Budi, active in "Anak Telantar" (his stay's main category) and "Anak Jalanan", and his export with the
    # main one deleted from the list
    budi, table = budi_exported_in_two_categories(world, listed="Anak Jalanan")

    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)

    assert [(p.column, p.message) for p in checked.problems] == [
        (
            "Kategori PPKS",
            "Kategori utama penempatan ini (“Anak Telantar”) tidak dapat dihapus dari Kategori PPKS lewat impor. "
            "Ubah dulu kategori utamanya di halaman penerima layanan.",
        )
    ]
    assert sorted(budi.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan", "anak_telantar"]


def test_the_category_of_an_ended_stay_deleted_in_an_exports_cell_is_dropped(tmp_path, world):
    # Given Budi discharged from a stay in "Anak Telantar", also recorded as "Anak Jalanan", and his export with
    # "Anak Telantar" deleted from the list
    budi, table = budi_exported_in_two_categories(world, listed="Anak Jalanan", discharged=True)

    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])

    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result) or result.message
    assert list(budi.ppks_categories.values_list("code", flat=True)) == ["anak_jalanan"]


def test_the_active_stays_category_deleted_on_the_row_of_an_ended_stay_is_refused_not_put_back_at_saving(
    tmp_path, world
):
    # A review found the trial showing "Anak Jalanan" alone, and the import storing the active stay's category too.
    budi, table = budi_exported_in_two_categories(world, listed="Anak Telantar; Anak Jalanan", discharged=True)
    PlacementFactory(person=budi, admitted_on=datetime.date(2024, 6, 1))  # readmitted: active in "Anak Telantar"
    table = clients_export(world.operator)
    cell, admitted = table[0].index("Kategori PPKS"), table[0].index("Tanggal masuk")
    ended = next(line for line in table[1:] if line[admitted] == ADMITTED)
    ended[cell] = "Anak Jalanan"

    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)

    assert [(p.column, p.message) for p in checked.problems] == [
        (
            "Kategori PPKS",
            "Kategori utama penempatan aktif orang ini (masuk 01-06-2024: “Anak Telantar”) tidak dapat dihapus dari "
            "Kategori PPKS lewat impor. Ubah dulu kategori utamanya di halaman penerima layanan.",
        )
    ]


# ---------------------------------------------------------------------------------------------- the export's ID

OTHER_NIK = nik_compose(district_code="63.71.01", birth_date=BORN, sex="L", serial=2)  # 6371011708140002


def exported_without_masks(actor) -> list[list]:
    return without_columns(clients_export(actor), "NIK (disamarkan)", "Nomor KK (disamarkan)")


def with_id(person, **changes) -> tuple[list[str], list]:
    """Budi's row (without NIK) with the export's ID column filled."""
    return [*HEADERS, "ID"], [*row(**changes), person.pk]


def test_an_exported_client_whose_name_and_birth_date_are_corrected_is_updated_not_admitted_again(tmp_path, world):
    # Given Budi exported, his name misspelt and his birth date wrong in the record
    budi = stored_boy(world, full_name="Budi Cntoh", birth_date=datetime.date(2014, 8, 7),
                      nik=nik_compose(district_code="63.71.01", birth_date=datetime.date(2014, 8, 7), sex="L",
                                      serial=1))  # fmt: skip
    table = exported_without_masks(world.operator)
    name, birth = table[0].index("Nama lengkap"), table[0].index("Tanggal lahir")
    # When both are corrected in the export and it is checked
    table[1][name], table[1][birth] = "Budi Contoh", BORN
    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)
    # Then the dry run shows the corrections on Budi's record, found by his ID
    assert checked.preview["update"] == [
        {"row": 2, "key": "Budi Cntoh (6371********0001)", "changes": {
            "Nama lengkap": ["Budi Cntoh", "Budi Contoh"], "Tanggal lahir": ["07-08-2014", "17-08-2014"]}}
    ], problems_of(checked)  # fmt: skip
    # and importing it corrects him; nobody is admitted again, his NIK is kept
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    budi.refresh_from_db()
    assert (budi.full_name, budi.birth_date, budi.nik_masked) == ("Budi Contoh", BORN, "6371********0001")
    assert (Person.objects.count(), Placement.objects.count()) == (1, 1)


def test_the_export_imported_back_unchanged_is_unchanged_row_by_row_and_the_template_has_no_id_column(tmp_path, world):
    import io

    from python_calamine import CalamineWorkbook

    from sinergi.exchange.workbook import template_bytes

    stored_boy(world, full_name="Budi Cntoh")
    PlacementFactory(person=PersonFactory(organisation=world.lks, full_name="Ani Contoh", nik=""))
    table = exported_without_masks(world.operator)
    before = stored_rows()

    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])

    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 0, 2)
    assert stored_rows() == before
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(get_entity("clients"))))
    assert "ID" not in book.get_sheet_by_index(0).to_python()[0]


def test_the_export_with_its_masked_columns_imports_unchanged(tmp_path, world):
    stored_boy(world)
    table = clients_export(world.operator)
    before = stored_rows()
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])
    assert (result.status, result.unchanged) == ("succeeded", 1), problems_of(result) or result.message
    assert any(notice.startswith("Kolom “NIK (disamarkan)”") for notice in result.notices)
    assert stored_rows() == before


def test_an_id_of_no_client_at_the_rows_lks_is_refused_whoever_it_names(tmp_path, world):
    budi = stored_boy(world)
    elsewhere = PersonFactory(organisation=world.lks_same_regency, full_name="Budi Contoh", birth_date=BORN,
                              mother_name="Siti Contoh", nik="")  # fmt: skip
    PlacementFactory(person=elsewhere, admitted_on=ADMITTED)
    headers = [*HEADERS, "ID"]
    rows = [[*row(), elsewhere.pk], [*row(**{"Nama lengkap": "Ani Contoh"}), budi.pk + elsewhere.pk + 100]]
    before = stored_rows()

    result = import_rows(tmp_path, rows, world.operator, headers=headers)

    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "ID", f"Tidak ada penerima layanan dengan ID {elsewhere.pk} di LKS ini. Kosongkan ID untuk menambah "
                  "penerima layanan baru."),
        (3, "ID", f"Tidak ada penerima layanan dengan ID {budi.pk + elsewhere.pk + 100} di LKS ini. Kosongkan ID "
                  "untuk menambah penerima layanan baru."),
    ]  # fmt: skip
    assert stored_rows() == before


def test_the_same_id_twice_in_a_file_is_a_duplicate_row(tmp_path, world):
    budi = stored_boy(world)
    headers, first = with_id(budi)
    _headers, second = with_id(budi, **{"Tempat lahir": "Martapura"})

    result = import_rows(tmp_path, [first, second], world.operator, headers=headers)

    assert result.status != "succeeded"
    assert {p.row for p in result.problems} == {3}
    assert f"Baris ini duplikat baris 2 (ID {budi.pk} sama)." in [p.message for p in result.problems]
    budi.refresh_from_db()
    assert budi.birth_place == ""


def test_a_row_with_an_id_and_another_admission_date_is_refused_not_admitted_again(tmp_path, world):
    budi = stored_boy(world)
    headers, cells = with_id(budi, **{"Tanggal masuk": datetime.date(2024, 2, 1)})

    result = import_rows(tmp_path, [cells], world.operator, headers=headers)

    assert [(p.column, "Tanggal masuk" in p.message) for p in result.problems] == [("Tanggal masuk", True)]
    assert Person.objects.count() == 1


def test_a_nik_on_a_row_with_an_id_is_added_to_a_client_stored_without_one(tmp_path, world):
    budi = stored_boy(world, nik="", nik_missing_reason="unknown")
    headers, cells = with_id(budi, **{"NIK": NIK, "Alasan NIK kosong": ""})

    checked = import_rows(tmp_path, [cells], world.operator, headers=headers, dry_run=True)
    result = import_rows(tmp_path, [cells], world.operator, headers=headers)

    assert checked.preview["update"][0]["changes"] == {"NIK": ["", "6371********0001"]}, problems_of(checked)
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    budi.refresh_from_db()
    assert (decrypt(budi.nik_encrypted), budi.nik_hash, budi.nik_missing_reason) == (NIK, keyed_hash(NIK), "")


def test_a_different_nik_on_a_row_with_an_id_corrects_the_stored_one_shown_masked(tmp_path, world):
    budi = stored_boy(world)
    headers, cells = with_id(budi, **{"NIK": OTHER_NIK, "Alasan NIK kosong": ""})

    checked = import_rows(tmp_path, [cells], world.operator, headers=headers, dry_run=True)
    result = import_rows(tmp_path, [cells], world.operator, headers=headers)

    assert checked.preview["update"][0]["changes"] == {"NIK": ["6371********0001", "6371********0002"]}
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    budi.refresh_from_db()
    assert (decrypt(budi.nik_encrypted), budi.nik_masked) == (OTHER_NIK, "6371********0002")


def test_a_nik_on_a_row_with_an_id_that_another_active_client_of_the_lks_has_is_refused(tmp_path, world):
    budi = stored_boy(world)
    stored_boy(world, full_name="Adi Contoh", nik=OTHER_NIK)
    headers, cells = with_id(budi, **{"NIK": OTHER_NIK, "Alasan NIK kosong": ""})
    before = stored_rows()

    result = import_rows(tmp_path, [cells], world.operator, headers=headers)

    assert [(p.column, p.message) for p in result.problems] == [
        ("NIK", "NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini.")
    ]
    assert stored_rows() == before


# ---------------------------------------------------------------------------------------------- a NIK completing


def test_a_row_with_a_new_nik_completes_the_client_of_that_name_birth_date_and_mother_stored_without_one(
    tmp_path, world
):
    budi = stored_boy(world, nik="", nik_missing_reason="unknown")

    checked = import_rows(tmp_path, [nik_row()], world.operator, dry_run=True)
    result = import_rows(tmp_path, [nik_row()], world.operator)

    assert checked.preview["update"][0]["changes"] == {"NIK": ["", "6371********0001"]}, problems_of(checked)
    assert (result.status, result.created, result.updated) == ("succeeded", 0, 1), problems_of(result)
    budi.refresh_from_db()
    assert (decrypt(budi.nik_encrypted), budi.nik_missing_reason) == (NIK, "")
    assert Person.objects.count() == 1


def test_a_row_with_a_new_nik_does_not_complete_a_client_stored_with_another_nik(tmp_path, world):
    stored_boy(world, nik=OTHER_NIK)

    result = import_rows(tmp_path, [nik_row()], world.operator)

    assert (result.status, result.created, result.updated) == ("succeeded", 1, 0), problems_of(result)
    assert sorted(Person.objects.values_list("nik_masked", flat=True)) == ["6371********0001", "6371********0002"]


def test_a_client_readmitted_at_the_lks_is_exported_as_two_stays_that_import_back_unchanged(tmp_path, world):
    budi = stored_boy(world)
    Placement.objects.filter(person=budi).update(
        status="discharged", discharged_on=datetime.date(2024, 3, 1), discharge_reason="reunified"
    )
    PlacementFactory(person=budi, admitted_on=datetime.date(2024, 6, 1))
    table = exported_without_masks(world.operator)
    before = stored_rows()

    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])

    assert (result.status, result.created, result.updated, result.unchanged) == ("succeeded", 0, 0, 2), problems_of(
        result
    )
    assert stored_rows() == before


def test_a_row_with_a_new_nik_for_a_client_active_since_another_date_is_refused_by_name_not_admitted_twice(
    tmp_path, world
):
    stored_boy(world, nik="", nik_missing_reason="unknown")

    result = import_rows(tmp_path, [nik_row(**{"Tanggal masuk": datetime.date(2024, 2, 1)})], world.operator)

    assert [(p.column, p.message) for p in result.problems] == [
        (
            "Tanggal masuk",
            "Penerima layanan dengan nama, tanggal lahir, dan nama ibu ini sudah terdaftar aktif di LKS ini dengan "
            "Tanggal masuk berbeda (tersimpan 15-01-2024, di file 01-02-2024). Bila baris ini tentang penempatan yang "
            "sama, samakan Tanggal masuk dengan yang tersimpan; bila yang tersimpan salah, ubah di halaman penerima "
            "layanan. Bila ia sudah keluar lalu masuk lagi, catat dulu Tanggal keluar penempatan yang tersimpan.",
        )
    ]
    assert Person.objects.count() == 1


# ---------------------------------------------------------------------------------------------- review round


def test_a_readmitted_client_corrected_the_same_on_both_rows_is_corrected_once(tmp_path, world):
    budi = stored_boy(world, full_name="Budi Cntoh")
    Placement.objects.filter(person=budi).update(
        status="discharged", discharged_on=datetime.date(2024, 3, 1), discharge_reason="reunified"
    )
    PlacementFactory(person=budi, admitted_on=datetime.date(2024, 6, 1))
    table = exported_without_masks(world.operator)
    name = table[0].index("Nama lengkap")
    for line in table[1:]:
        line[name] = "Budi Contoh"
    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)
    assert checked.status == "checked", problems_of(checked)
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])
    assert result.status == "succeeded", (result.message, problems_of(result))
    budi.refresh_from_db()
    assert budi.full_name == "Budi Contoh"


def test_a_readmitted_client_corrected_differently_on_two_rows_is_refused_in_the_dry_run(tmp_path, world):
    budi = stored_boy(world, full_name="Budi Cntoh")
    Placement.objects.filter(person=budi).update(
        status="discharged", discharged_on=datetime.date(2024, 3, 1), discharge_reason="reunified"
    )
    PlacementFactory(person=budi, admitted_on=datetime.date(2024, 6, 1))
    table = exported_without_masks(world.operator)
    name, place = table[0].index("Nama lengkap"), table[0].index("Tempat lahir")
    table[1][name] = "Budi Contoh"
    table[2][place] = "Martapura"
    checked = import_rows(tmp_path, table[1:], world.operator, headers=table[0], dry_run=True)
    assert [p.message for p in checked.problems] == [
        "Baris ini dan baris 2 mengubah data orang yang sama dengan isian berbeda. Tulis semua perbaikan orang ini "
        "di satu baris, atau sama persis di kedua baris."
    ]


def test_a_name_alone_beside_a_child_of_that_name_staying_at_the_lks_is_refused_not_doubled_or_merged(tmp_path, world):
    # (This once admitted Budi a second time: a list without the birth-date and mother columns re-imported doubled
    # every child who has a NIK. Taking him for the row instead would take any new child of that name for him.)
    stored_boy(world, birth_date=None, mother_name="")
    result = import_rows(
        tmp_path, [row(**{"Tanggal lahir": "", "Nama ibu kandung": "", "Tempat lahir": "Martapura"})], world.operator,
        dry_run=True,
    )  # fmt: skip
    assert (result.status, result.created, result.updated) == ("refused", 0, 0)
    assert [(p.column, p.message.split(", dan")[0]) for p in result.problems] == [
        ("Nama lengkap", "Penerima layanan bernama “Budi Contoh” sudah terdaftar aktif di LKS ini")
    ]


def test_rows_naming_an_lks_outside_the_users_scope_tell_nothing_about_who_is_stored_there(tmp_path, world):
    elsewhere = PersonFactory(organisation=world.lks_same_regency, full_name="Budi Contoh", birth_date=BORN,
                              mother_name="Siti Contoh", nik=NIK)  # fmt: skip
    PlacementFactory(person=elsewhere, admitted_on=ADMITTED)
    lks = world.lks_same_regency.registration_number or world.lks_same_regency.name
    headers = [*HEADERS, "LKS", "ID"]
    probe = {"Alasan NIK kosong": ""}
    rows = [
        [*row(**probe), lks, elsewhere.pk],  # someone stored there, by ID
        [*row(**probe), lks, elsewhere.pk + 1000],  # nobody
        [*row(**probe), lks, ""],  # someone stored there, by name, birth date and mother
        [*row(**{**probe, "Nama lengkap": "Tidak Ada Orang"}), lks, ""],  # nobody
    ]
    result = import_rows(tmp_path, rows, world.operator, headers=headers, dry_run=True)
    by_row = {n: sorted((p.column, p.message) for p in result.problems if p.row == n) for n in (2, 3, 4, 5)}
    assert by_row[2] == by_row[3] and by_row[4] == by_row[5], by_row


def test_a_huge_id_is_a_cell_problem_not_a_crash(tmp_path, world):
    result = import_rows(tmp_path, [[*row(), "99999999999999999999"]], world.operator, headers=[*HEADERS, "ID"])
    assert [p.column for p in result.problems] == ["ID"]


def test_a_birth_date_after_an_earlier_stay_is_refused_in_the_dry_run_not_only_when_saving(tmp_path, world):
    # Given Budi, admitted here in 2024 after an earlier stay (2015) at another LKS
    budi = stored_boy(world)
    PlacementFactory(
        person=budi,
        organisation=world.lks_same_regency,
        admitted_on=datetime.date(2015, 2, 1),
        status="discharged",
        discharged_on=datetime.date(2016, 1, 1),
    )
    # When his birth date is "corrected" to a day after that earlier admission
    headers, changed = with_id(budi, **{"Tanggal lahir": datetime.date(2015, 6, 1)})
    checked = import_rows(tmp_path, [changed], world.operator, headers=headers, dry_run=True)
    # Then the dry run already refuses the row, as saving would
    assert problems_of(checked) == [
        (2, "Tanggal lahir", "01-06-2015", "Tanggal lahir tidak mungkin sesudah tanggal masuk LKS.")
    ]


def test_a_correction_file_of_ids_admission_dates_and_one_column_changes_only_that_column(tmp_path, world):
    # Given Budi, stored with his NIK and without a guardian's phone
    budi = stored_boy(world)
    before = stored_rows()
    # When a file gives only his ID, the admission date of his stay (which the ID names) and a guardian's phone
    headers = ["ID", "Tanggal masuk", "Telepon wali"]
    result = import_rows(tmp_path, [[budi.pk, ADMITTED, "0812-3456-7890"]], world.operator, headers=headers)
    # Then that phone is added and nothing else changes
    assert (result.status, result.updated, result.created) == ("succeeded", 1, 0), problems_of(result)
    budi.refresh_from_db()
    assert (budi.guardian_phone, budi.full_name, budi.sex, budi.nik_masked) == (
        "0812-3456-7890",
        "Budi Contoh",
        "L",
        "6371********0001",
    )
    assert len(stored_rows()) == len(before)


def test_the_clients_of_an_lks_closing_down_may_still_be_discharged_by_import_but_no_one_admitted(tmp_path, world):
    from sinergi.organisations.models import Organisation

    budi = stored_boy(world)
    Organisation.objects.filter(pk=world.lks.pk).update(status="inactive")
    headers, discharged = with_id(budi)
    headers += ["Tanggal keluar", "Alasan keluar"]
    result = import_rows(tmp_path, [[*discharged, datetime.date(2025, 6, 30), "Kembali ke keluarga"]], world.operator,
                         headers=headers)  # fmt: skip
    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    assert Placement.objects.get(person=budi).status == "discharged"

    newcomer = row(**{"Nama lengkap": "Ani Contoh", "Nama ibu kandung": "Rina Contoh", "Jenis kelamin": "P"})
    refused = import_rows(tmp_path, [newcomer], world.operator, name="baru.xlsx")
    assert [p.message for p in refused.problems] == [
        "LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru."
    ]


def test_a_partial_file_naming_only_the_kabupaten_kota_of_origin_keeps_the_desa_on_record(tmp_path, world):
    from sinergi.regions.models import Region

    budi = stored_boy(world, origin_region=Region.objects.get(code="63.71.01.1001"))
    headers = ["ID", "Tanggal masuk", "Kabupaten/Kota asal", "Telepon wali"]
    result = import_rows(tmp_path, [[budi.pk, ADMITTED, "Kota Banjarmasin", "0812-3456-7890"]], world.operator,
                         headers=headers)  # fmt: skip
    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    budi.refresh_from_db()
    assert (budi.origin_region_id, budi.guardian_phone) == ("63.71.01.1001", "0812-3456-7890")


def test_a_correction_file_without_an_lks_column_finds_the_lks_through_the_id_for_a_board(tmp_path, world):
    # A board may import into several LKS: the ID names the client, and so the LKS of the stay
    budi = stored_boy(world)
    headers = ["ID", "Tanggal masuk", "Telepon wali"]
    result = import_rows(tmp_path, [[budi.pk, ADMITTED, "0812-3456-7890"]], world.province_admin, headers=headers)
    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)


def test_an_unknown_id_in_a_correction_file_gets_one_answer_not_the_cells_a_new_client_needs(tmp_path, world):
    stored_boy(world)
    headers = ["ID", "Tanggal masuk", "Telepon wali"]
    result = import_rows(tmp_path, [[987654, ADMITTED, "0812-3456-7890"]], world.province_admin, headers=headers)
    assert [(p.column, p.message) for p in result.problems] == [
        ("LKS", "Isi kolom LKS (nomor tanda daftar atau nama LKS). Baris ini memerlukan kolom “LKS”, yang tidak ada "
         "di file ini.")
    ]  # fmt: skip


NOT_YOURS = "Anda tidak berwenang mendaftarkan penerima layanan di LKS ini."


def lks_cell(lks) -> str:
    return lks.registration_number or lks.name


def test_a_correction_row_at_an_lks_the_user_may_not_import_into_is_refused_for_that_alone(tmp_path, world):
    from sinergi.organisations.models import Organisation

    # Given Ani, a client of the neighbouring LKS (which Harapan's operator may not import into), and an LKS outside
    # the operator's kabupaten/kota that has closed down
    ani = PersonFactory(organisation=world.lks_same_regency, full_name="Ani Contoh", nik="")
    PlacementFactory(person=ani, admitted_on=ADMITTED)
    cici = PersonFactory(organisation=world.lks_other_regency, full_name="Cici Contoh", nik="")
    PlacementFactory(person=cici, admitted_on=ADMITTED)
    Organisation.objects.filter(pk=world.lks_other_regency.pk).update(status="inactive")
    before = stored_rows()
    # When Harapan's operator imports a correction file naming her there by ID, an ID of nobody there, Cici at the
    # closed LKS, and an LKS that does not exist
    headers = ["ID", "Tanggal masuk", "LKS", "Telepon wali"]
    rows = [
        [ani.pk, ADMITTED, lks_cell(world.lks_same_regency), "0812-3456-7890"],
        [ani.pk + cici.pk + 1000, ADMITTED, lks_cell(world.lks_same_regency), "0812-3456-7890"],
        [cici.pk, ADMITTED, lks_cell(world.lks_other_regency), "0812-3456-7890"],
        [ani.pk + cici.pk + 2000, ADMITTED, "LKSA Fiktif Contoh", "0812-3456-7890"],
    ]
    result = import_rows(tmp_path, rows, world.operator, headers=headers)
    # Then each row is refused for its LKS alone (the same answer whoever the ID names), not asked for the name, sex,
    # form of service, category, NIK and KK a new client would need
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "LKS", NOT_YOURS),
        (3, "LKS", NOT_YOURS),
        (4, "LKS", NOT_YOURS),
        (5, "LKS", "LKS “LKSA Fiktif Contoh” tidak ditemukan. Tulis nomor tanda daftarnya, atau namanya persis "
                   "seperti di Sinergi."),
    ]  # fmt: skip
    assert stored_rows() == before


def test_an_export_row_with_an_empty_sex_at_an_lks_outside_the_users_province_is_refused_for_the_lks_alone(
    tmp_path, world
):
    from sinergi.organisations.tests.factories import OrganisationFactory

    # Given a client of an LKS in another province (Kalimantan Timur), outside the province admin's scope
    samarinda = OrganisationFactory(
        name="LKSA Samarinda Contoh", region_id=None, province_code="64", regency_code="64.72", district_code="",
        village_code="",
    )  # fmt: skip
    far = PersonFactory(organisation=samarinda, full_name="Budi Contoh", nik="")
    PlacementFactory(person=far, admitted_on=ADMITTED)
    before = stored_rows()
    # When the province admin imports a row of its export with the ID, its sex and NIK reason left empty
    row_cells = row(**{"Jenis kelamin": "", "Alasan NIK kosong": ""})
    result = import_rows(tmp_path, [[*row_cells, lks_cell(samarinda), far.pk]], world.province_admin,
                         headers=[*HEADERS, "LKS", "ID"])  # fmt: skip
    # Then the row is refused for its LKS only: no "Jenis kelamin wajib diisi", no NIK asked for
    assert [(p.column, p.message) for p in result.problems] == [("LKS", NOT_YOURS)]
    assert stored_rows() == before


@pytest.mark.parametrize("lks_status", ["active", "inactive"])
def test_a_correction_row_naming_no_stay_of_its_client_says_so_not_the_cells_a_new_client_needs(
    tmp_path, world, lks_status
):
    from sinergi.organisations.models import Organisation

    # Given Budi, whose stay at the operator's LKS (still open, or closed down since) ended in June 2024
    budi = stored_boy(world)
    Placement.objects.filter(person=budi).update(
        status="discharged", discharged_on=datetime.date(2024, 6, 30), discharge_reason="reunified"
    )
    Organisation.objects.filter(pk=world.lks.pk).update(status=lks_status)
    before = stored_rows()
    # When a correction file names him by ID with an admission date of no stay of his there
    headers = ["ID", "Tanggal masuk", "Telepon wali"]
    result = import_rows(tmp_path, [[budi.pk, datetime.date(2025, 1, 6), "0812-3456-7890"]], world.operator,
                         headers=headers)  # fmt: skip
    # Then the row is refused for that stay alone
    assert [(p.column, p.message) for p in result.problems] == [
        ("Tanggal masuk", f"Penerima layanan dengan ID {budi.pk} tidak punya penempatan di LKS ini yang masuk pada "
                          "06-01-2025. Periksa Tanggal masuk, atau kosongkan ID untuk menambah penerima layanan baru.")
    ]  # fmt: skip
    assert stored_rows() == before


def test_a_partial_correction_warns_as_the_form_does_about_what_the_row_leaves_to_the_record(tmp_path, world):
    budi = stored_boy(world)  # born 17-08-2014, his NIK says so, an "anak telantar"
    # When a file gives him only another birth date (an adult's)
    headers = ["ID", "Tanggal masuk", "Tanggal lahir"]
    checked = import_rows(tmp_path, [[budi.pk, ADMITTED, datetime.date(2000, 1, 2)]], world.operator,
                          headers=headers, dry_run=True)  # fmt: skip
    # Then the dry run warns that the stored NIK disagrees, and that the age does not fit his category
    messages = [w.message for w in checked.warnings]
    assert any("NIK" in message and "tanggal lahir" in message.lower() for message in messages), messages
    assert any("anak" in message.lower() for message in messages if "NIK" not in message), messages


def test_a_nik_another_person_has_is_flagged_for_the_board_in_the_dry_run_and_when_saved(tmp_path, world):
    from sinergi.people.models import DuplicateCandidate

    other = PersonFactory(organisation=world.lks, full_name="Andi Contoh", nik=OTHER_NIK)
    PlacementFactory(person=other, status="discharged", discharged_on=datetime.date(2023, 1, 1),
                     admitted_on=datetime.date(2022, 1, 1))  # fmt: skip
    budi = stored_boy(world)
    headers = ["ID", "Tanggal masuk", "NIK"]
    checked = import_rows(tmp_path, [[budi.pk, ADMITTED, OTHER_NIK]], world.operator, headers=headers, dry_run=True)
    assert "Pengurus LKKKS kabupaten/kota akan memeriksanya" in " ".join(w.message for w in checked.warnings)
    result = import_rows(tmp_path, [[budi.pk, ADMITTED, OTHER_NIK]], world.operator, headers=headers)
    assert (result.status, result.updated) == ("succeeded", 1), problems_of(result)
    assert DuplicateCandidate.objects.filter(person=budi, other=other).exists()


def test_an_erased_clients_id_gets_the_answer_of_an_id_never_stored(tmp_path, world):
    from django.utils import timezone

    erased = stored_boy(world)
    Person.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    headers = ["ID", "Tanggal masuk", "Telepon wali"]
    answers = [
        [p.message for p in import_rows(tmp_path, [[record, ADMITTED, "0812-3456-7890"]], world.province_admin,
                                         headers=headers, name=f"{record}.xlsx").problems]
        for record in (erased.pk, 987654)
    ]  # fmt: skip
    assert answers[0] == answers[1]


def test_a_nik_correction_with_the_birth_date_but_not_the_sex_warns_once(tmp_path, world):
    budi = stored_boy(world)
    wrong_day = nik_compose(district_code="63.71.01", birth_date=datetime.date(2013, 2, 3), sex="L", serial=1)
    headers = ["ID", "Tanggal masuk", "NIK", "Tanggal lahir"]
    checked = import_rows(tmp_path, [[budi.pk, ADMITTED, wrong_day, BORN]], world.operator, headers=headers,
                          dry_run=True)  # fmt: skip
    messages = [w.message for w in checked.warnings]
    assert len(messages) == len(set(messages)), messages


def test_a_sex_corrected_without_a_nik_column_is_held_to_the_stored_nik(tmp_path, world):
    # Budi's stored NIK says male; a file of "ID, Tanggal masuk, Jenis kelamin" makes him female
    budi = stored_boy(world)
    headers = ["ID", "Tanggal masuk", "Jenis kelamin"]
    checked = import_rows(tmp_path, [[budi.pk, ADMITTED, "P"]], world.operator, headers=headers, dry_run=True)
    assert checked.updated == 1, problems_of(checked)
    warned = [(w.column, w.message) for w in checked.warnings]
    assert [column for column, _message in warned] == ["Jenis kelamin"], warned
    assert "NIK" in warned[0][1]


def test_a_sex_agreeing_with_the_stored_nik_is_not_warned_about(tmp_path, world):
    budi = stored_boy(world, sex="P")  # stored wrongly as female; his NIK says male
    headers = ["ID", "Tanggal masuk", "Jenis kelamin"]
    checked = import_rows(tmp_path, [[budi.pk, ADMITTED, "L"]], world.operator, headers=headers, dry_run=True)
    assert checked.updated == 1 and not [w for w in checked.warnings if "NIK" in w.message]


def test_a_clients_row_from_an_export_older_than_a_correction_is_refused(tmp_path, world):
    from django.db.models import F

    budi = stored_boy(world)
    table = exported_without_masks(world.operator)
    # Someone corrects his mother's name after the export; the old file then adds a guardian's phone
    Person.objects.filter(pk=budi.pk).update(mother_name="Siti Aminah Contoh", version=F("version") + 1)
    table[1][table[0].index("Telepon wali")] = "0812-3456-7890"
    result = import_rows(tmp_path, table[1:], world.operator, headers=table[0])
    assert [p.column for p in result.problems] == ["Versi"]
    assert Person.objects.get(pk=budi.pk).mother_name == "Siti Aminah Contoh"
