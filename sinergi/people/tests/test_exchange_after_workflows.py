"""An LKS's client list imported again after other workflows changed its records (a transfer, a stay corrected on
the page, an erasure on request, a restriction): nobody registered twice, nothing erased brought back without a
word, nothing of a restricted record said. From the eighteenth review (imports after other workflows); names and NIKs
are made up."""

import datetime

import pytest
from django.utils import translation

from sinergi.accounts.models import Membership
from sinergi.exchange.tests.conftest import _job_locks_in_tmp, _media_in_tmp, problems_of  # noqa: F401
from sinergi.organisations.services import organisation_deactivate, organisation_update
from sinergi.people import services
from sinergi.people.models import Consent, DuplicateCandidate, Person, Placement
from sinergi.people.services.consents import consent_withdraw
from sinergi.people.services.rights import person_erase, person_restrict
from sinergi.people.summaries import summaries_rebuild
from sinergi.people.tests.factories import people_world
from sinergi.people.tests.test_exchange_review_findings import BORN, HEADERS, client_row, import_clients, stored_rows
from sinergi.people.tests.test_services import person_data, placement_data
from sinergi.people.tests.test_summaries import summary_rows
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

pytestmark = pytest.mark.django_db

ADMITTED = datetime.date(2024, 5, 1)
LEFT = datetime.date.today() - datetime.timedelta(days=20)
CORRECTED = datetime.date(2024, 4, 1)
WITH_DISCHARGE = [*HEADERS, "Tanggal keluar", "Alasan keluar"]
NO_NIK = {"NIK": "", "Alasan NIK kosong": "Belum direkam"}
WITHOUT_MOTHER = [h for h in HEADERS if h != "Nama ibu kandung"]
CONSENT_HEADERS = [
    *HEADERS, "Persetujuan oleh", "Nama pemberi persetujuan", "Tanggal persetujuan", "Dasar pemrosesan",
    "Cakupan persetujuan",
]  # fmt: skip
CONSENT = {
    "Persetujuan oleh": "Orang tua",
    "Nama pemberi persetujuan": "Siti Contoh",
    "Tanggal persetujuan": datetime.date(2024, 5, 1),
    "Dasar pemrosesan": "Persetujuan",
    "Cakupan persetujuan": "Pelayanan di LKS",
}


@pytest.fixture
def world():
    return people_world()


def twice(tmp_path, rows, actor, *, headers=HEADERS):
    """The trial, then the real import of the same file: both results."""
    trial = import_clients(tmp_path, rows, actor, headers=headers, dry_run=True)
    real = import_clients(tmp_path, rows, actor, headers=headers)
    return trial, real


def said(result) -> list[str]:
    return [w.message for w in result.warnings] + [p.message for p in result.problems] + list(result.notices)


def assert_alike(trial, real):
    assert (trial.created, trial.updated, trial.unchanged, len(trial.problems)) == (
        real.created,
        real.updated,
        real.unchanged,
        len(real.problems),
    ), (said(trial), said(real))


def assert_summaries_rebuild():
    incremental = summary_rows()
    summaries_rebuild()
    assert summary_rows() == incremental


def first_import(tmp_path, world, rows=None, headers=HEADERS):
    result = import_clients(
        tmp_path, rows or [client_row(headers, **{"Tanggal masuk": ADMITTED})], world.operator, headers=headers
    )
    assert (result.status, result.created) == ("succeeded", 1), problems_of(result)
    return result


# ------------------------------------------------------------------------------------------- transfer (siblings)


def test_transfer_list_without_nik_and_without_mother_column_registers_nobody_twice(tmp_path, world):
    # The LKS's list has neither a NIK nor a mother's-name column (common); the child is stored from it.
    row = client_row(WITHOUT_MOTHER, **{"Tanggal masuk": ADMITTED, **NO_NIK})
    first_import(tmp_path, world, [row], WITHOUT_MOTHER)
    services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_other_regency, on=LEFT
    )
    before = stored_rows()

    trial, real = twice(tmp_path, [row], world.operator, headers=WITHOUT_MOTHER)

    assert_alike(trial, real)
    assert real.created == 0, said(real)
    assert stored_rows() == before
    assert Person.objects.count() == 1


def test_transfer_then_the_receiving_lks_corrects_the_mothers_name(tmp_path, world):
    # Found by name, birth date and mother's name (no NIK); the receiving LKS then corrects the mother's name.
    row = client_row(**{"Tanggal masuk": ADMITTED, **NO_NIK})
    first_import(tmp_path, world, [row])
    services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_other_regency, on=LEFT
    )
    person = Person.objects.get()
    services.person_update(
        actor=world.far_operator, person=person, data={"mother_name": "Siti Aminah Contoh"},
        expected_version=person.version,
    )  # fmt: skip
    before = stored_rows()

    trial, real = twice(tmp_path, [row], world.operator)

    assert_alike(trial, real)
    assert real.created == 0, said(real)
    assert stored_rows() == before


def test_a_row_transferred_and_back_again_is_unchanged(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    moved = services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_same_regency,
        on=LEFT,
    )  # fmt: skip
    services.placement_transfer(
        actor=world.province_admin, placement=moved, to_organisation=world.lks,
        on=LEFT + datetime.timedelta(days=5),
    )  # fmt: skip
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert (real.status, real.created, real.updated) == ("succeeded", 0, 0), said(real)
    assert stored_rows() == before
    assert_summaries_rebuild()


def admitted_earlier(world, stay) -> None:
    """The stay's admission date corrected on the client's page to 01-04-2024 (the list says ADMITTED)."""
    services.placement_correct(
        actor=world.operator, placement=stay,
        data={"admitted_on": CORRECTED, "ppks_category": stay.ppks_category, "setting": stay.setting},
    )  # fmt: skip


# ------------------------------------------------------------------------------------------- placement_correct


def test_an_ended_stays_admission_corrected_then_the_old_list_registers_nobody_twice(tmp_path, world):
    # Budi was imported, left (discharged on his page), then the admission date was corrected on his page
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    stay = services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(), discharged_on=LEFT, reason="reunified"
    )
    admitted_earlier(world, stay)
    before, summaries = stored_rows(), summary_rows()

    # the LKS's own spreadsheet, not updated, imported again
    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert real.created == 0, said(real)
    assert stored_rows() == before
    assert summary_rows() == summaries


def test_an_ended_stays_admission_corrected_then_the_list_with_its_leaving_date(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    stay = services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(), discharged_on=LEFT, reason="reunified"
    )
    admitted_earlier(world, stay)
    before = stored_rows()
    row = client_row(
        WITH_DISCHARGE, **{"Tanggal masuk": ADMITTED, "Tanggal keluar": LEFT, "Alasan keluar": "Kembali ke keluarga"}
    )

    trial, real = twice(tmp_path, [row], world.operator, headers=WITH_DISCHARGE)

    assert_alike(trial, real)
    assert real.created == 0, said(real)
    assert stored_rows() == before


def test_an_active_stays_admission_corrected_then_the_old_list_is_refused_with_advice(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    stay = Placement.objects.get()
    admitted_earlier(world, stay)
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert real.status == "refused"
    [(_row, column, _value, message)] = problems_of(real)
    assert column == "Tanggal masuk" and "tersimpan 01-04-2024" in message
    assert stored_rows() == before


def test_an_ended_stays_leaving_date_corrected_then_the_old_list_with_the_old_date(tmp_path, world):
    row = client_row(
        WITH_DISCHARGE, **{"Tanggal masuk": ADMITTED, "Tanggal keluar": LEFT, "Alasan keluar": "Kembali ke keluarga"}
    )
    first_import(tmp_path, world, [row], WITH_DISCHARGE)
    stay = Placement.objects.get()
    services.placement_correct(
        actor=world.operator, placement=stay,
        data={"admitted_on": stay.admitted_on, "ppks_category": stay.ppks_category, "setting": stay.setting,
              "discharged_on": LEFT - datetime.timedelta(days=2), "discharge_reason": stay.discharge_reason},
    )  # fmt: skip
    before = stored_rows()

    trial, real = twice(tmp_path, [row], world.operator, headers=WITH_DISCHARGE)

    assert_alike(trial, real)
    # not silently put back; refused naming the column (or unchanged with a warning)
    assert real.created == 0 and real.updated == 0, said(real)
    assert stored_rows() == before


# ------------------------------------------------------------------------------------------- discharge


def test_discharged_on_the_page_then_the_old_list_is_unchanged(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(), discharged_on=LEFT, reason="reunified"
    )
    before, summaries = stored_rows(), summary_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert (real.status, real.created, real.updated) == ("succeeded", 0, 0), said(real)
    assert stored_rows() == before
    assert summary_rows() == summaries


def test_discharged_on_the_page_then_the_list_with_another_leaving_date(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(), discharged_on=LEFT, reason="reunified"
    )
    before = stored_rows()
    row = client_row(
        WITH_DISCHARGE,
        **{"Tanggal masuk": ADMITTED, "Tanggal keluar": LEFT - datetime.timedelta(days=1),
           "Alasan keluar": "Kembali ke keluarga"},
    )  # fmt: skip

    trial, real = twice(tmp_path, [row], world.operator, headers=WITH_DISCHARGE)

    assert_alike(trial, real)
    assert real.status == "refused"
    [(_row, column, _value, message)] = problems_of(real)
    assert column == "Tanggal keluar", message
    assert stored_rows() == before


def discharged_and_erased(world) -> None:
    """The one stored child discharged, then erased at the mother's request (UU PDP)."""
    services.placement_discharge(
        actor=world.operator, placement=Placement.objects.get(), discharged_on=LEFT, reason="reunified"
    )
    person_erase(actor=world.province_admin, person=Person.objects.get(), reason="Permintaan ibu", subject_asked=True)


# ------------------------------------------------------------------------------------------- erasure


def test_an_erased_person_does_not_come_back_silently_from_the_old_list(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    discharged_and_erased(world)
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    # not registered again (the erased record's stay still counts this admission): refused, with what to do
    assert (real.status, real.created) == ("refused", 0), said(real)
    [(_row, _column, _value, message)] = problems_of(real)
    assert "telah dihapus dari Sinergi pada" in message
    assert "Bila baris ini tentang orang itu, hapus barisnya" in message
    assert stored_rows() == before


# ------------------------------------------------------------------------------------------- restriction


def test_a_restricted_client_is_not_named_by_a_row_with_the_mothers_name_written_otherwise(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED, **NO_NIK})])
    person_restrict(actor=world.province_admin, person=Person.objects.get(), restricted=True, reason="Permintaan")
    row = client_row(**{"Tanggal masuk": ADMITTED, **NO_NIK, "Nama ibu kandung": "Sity Contoh"})

    trial, real = twice(tmp_path, [row], world.operator)

    for result in (trial, real):
        for message in said(result):
            assert "Siti Contoh" not in message, message  # the restricted record's stored mother's name
        # the restricted row's one neutral answer, and no second, unrestricted record of the child
        assert (result.status, result.created) == ("refused", 0)
        assert [p.message for p in result.problems] == [str(services_restricted_row())]


def test_a_restricted_client_is_not_said_to_be_active_to_a_row_without_birth_date_and_mother(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED, **NO_NIK})])
    person_restrict(actor=world.province_admin, person=Person.objects.get(), restricted=True, reason="Permintaan")
    headers = [h for h in HEADERS if h not in ("Tanggal lahir", "Nama ibu kandung")]
    row = client_row(headers, **{"Tanggal masuk": ADMITTED, **NO_NIK})

    trial, real = twice(tmp_path, [row], world.operator, headers=headers)

    for result in (trial, real):
        for message in said(result):
            assert "sudah terdaftar aktif" not in message, message
        assert result.status == "refused"
        assert [p.message for p in result.problems] == [str(services_restricted_row())]


def test_a_restricted_client_with_nik_gets_the_neutral_answer(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    person_restrict(actor=world.province_admin, person=Person.objects.get(), restricted=True, reason="Permintaan")
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert said(real) == [str(services_restricted_row())]
    assert stored_rows() == before


def services_restricted_row():
    from sinergi.people.exchange.clients import RESTRICTED_ROW

    return RESTRICTED_ROW


# ------------------------------------------------------------------------------------------- consent withdrawn


# ------------------------------------------------------------------------------------------- duplicates resolved


def registered_again_on_the_form(world, admitted_on=ADMITTED):
    """The child of the LKS's list admitted again on the form by a colleague who did not find him (no NIK); the
    board finds the pair and decides "the same person", keeping the record of the list (finding M1)."""
    from sinergi.people.tests.test_exchange_review_findings import BORN

    services.person_admit(
        actor=world.operator,
        organisation=world.lks,
        person_data={
            "full_name": "Budi Contoh", "sex": "L", "birth_date": BORN, "nik": "", "nik_missing_reason": "unknown",
            "kk": "", "kk_missing_reason": "unknown", "mother_name": "Siti Contoh", "ppks_categories": [],
        },
        placement_data={
            "ppks_category": Term.objects.get(code="anak_telantar"), "setting": "residential",
            "admitted_on": admitted_on, "services": [],
        },
        consent_data=None,
    )  # fmt: skip
    candidate = DuplicateCandidate.objects.get()
    kept = Person.objects.order_by("pk").first()
    return candidate, kept


@pytest.mark.parametrize("nik", ["with", "without"])
def test_a_child_registered_twice_then_merged_is_one_child_when_the_list_comes_again(tmp_path, world, nik):
    row = client_row(**{"Tanggal masuk": ADMITTED, **(NO_NIK if nik == "without" else {})})
    first_import(tmp_path, world, [row])
    candidate, kept = registered_again_on_the_form(world, admitted_on=ADMITTED + datetime.timedelta(days=3))
    # before the merge the list's child is one of two records: the other one is "not in this file" (without NIK
    # too: the row's admission date names the stay of one of them, the thirty-eighth review)
    symptom = "tidak ada di file ini"
    before_merge = said(import_clients(tmp_path, [row], world.operator, dry_run=True))
    assert any(symptom in m for m in before_merge), before_merge

    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)
    before = stored_rows()
    trial, real = twice(tmp_path, [row], world.operator)

    assert_alike(trial, real)
    assert (real.status, real.created, real.updated, real.unchanged) == ("succeeded", 0, 0, 1), said(real)
    assert not [m for m in said(real) if symptom in m]
    assert stored_rows() == before
    assert list(Placement.objects.filter(status="active").values_list("person_id", flat=True)) == [kept.pk]
    assert_summaries_rebuild()


def test_the_id_of_a_merged_record_in_an_old_export_is_the_kept_record(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    candidate, kept = registered_again_on_the_form(world)
    retired = Person.objects.exclude(pk=kept.pk).get()
    headers, rows = export_of(world.operator)
    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)
    # the LKS corrects the birth place on the retired record's row of the export it took before the merge
    (row,) = [r for r in rows if r[headers.index("ID")] == retired.pk]
    row[headers.index("Tempat lahir")] = "Martapura"

    # with the row's version: the kept record changed since (the merge), so the row is refused as stale, not unknown
    stale = import_export(tmp_path, headers, [row], world.operator)
    assert stale.status == "refused"
    assert [m for m in said(stale) if m.startswith("Data ini sudah diubah sejak file ini diekspor")], said(stale)
    # without it (a partial correction file): the kept record takes the correction
    version = headers.index("Versi")
    real = import_export(
        tmp_path, headers[:version] + headers[version + 1 :], [row[:version] + row[version + 1 :]], world.operator
    )

    assert (real.status, real.created, real.updated) == ("succeeded", 0, 1), said(real)
    kept.refresh_from_db()
    assert kept.birth_place == "Martapura"
    assert Person.objects.filter(merged_into__isnull=True).count() == 1
    assert Placement.objects.count() == 1


def test_a_merged_record_is_in_no_export(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    candidate, kept = registered_again_on_the_form(world)
    services.duplicate_merge(actor=world.regency_board, candidate=candidate, keep=kept)

    headers, rows = export_of(world.operator)

    assert [r[headers.index("ID")] for r in rows] == [kept.pk]


# ------------------------------------------------------------------------------------------- the LKS moved / closed


def test_the_lks_moved_then_its_list_imported_again_with_a_new_child_and_a_discharge(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    world.lks.refresh_from_db()
    organisation_update(
        organisation=world.lks, actor=world.province_admin,
        data={"region": Region.objects.get(code="63.72.02.1003")}, expected_version=world.lks.version,
    )  # fmt: skip
    from sinergi.people.nik import nik_compose

    other = nik_compose(district_code="63.71.01", birth_date=datetime.date(2015, 2, 3), sex="P", serial=7)
    rows = [
        client_row(
            WITH_DISCHARGE,
            **{"Tanggal masuk": ADMITTED, "Tanggal keluar": LEFT, "Alasan keluar": "Kembali ke keluarga"},
        ),
        client_row(
            WITH_DISCHARGE,
            **{"Nama lengkap": "Ani Contoh", "Jenis kelamin": "Perempuan", "Tanggal lahir": datetime.date(2015, 2, 3),
               "NIK": other, "Nama ibu kandung": "Rina Contoh", "Tanggal masuk": LEFT},
        ),
    ]  # fmt: skip

    trial, real = twice(tmp_path, rows, world.operator, headers=WITH_DISCHARGE)

    assert_alike(trial, real)
    assert (real.status, real.created, real.updated) == ("succeeded", 1, 1), said(real)
    assert set(Placement.objects.values_list("regency_code", flat=True)) == {"63.72"}
    assert set(Person.objects.values_list("regency_code", flat=True)) == {"63.72"}
    assert_summaries_rebuild()


# ------------------------------------------------------------------------------------------- operator moved


# ------------------------------------------------------------------------------------------- an export sent back


def export_of(actor):
    """The operator's own export of the list, as rows of cells (what an LKS downloads, corrects and uploads)."""
    from sinergi.exchange.columns import get_entity

    entity = get_entity("clients")
    headers = [str(column.header) for column in entity.export_columns()]
    queryset = entity.export_queryset(actor=actor, purpose="service")
    return headers, [list(r) for r in entity.export_rows(queryset)]


def import_export(tmp_path, headers, rows, actor, **kwargs):
    from sinergi.exchange.tests.conftest import run, xlsx_file

    path = xlsx_file(tmp_path, [headers, *rows], name="ekspor.xlsx", sheet="Data penerima layanan")
    return run(path, actor, entity="clients", **kwargs)


def test_the_lks_own_export_sent_back_after_a_transfer_is_not_refused_whole(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    headers, rows = export_of(world.operator)
    services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_other_regency, on=LEFT
    )
    before = stored_rows()

    trial = import_export(tmp_path, headers, rows, world.operator, dry_run=True)
    real = import_export(tmp_path, headers, rows, world.operator)

    assert (trial.status, trial.created) == ("checked", 0), said(trial)
    assert (real.status, real.created) == ("succeeded", 0), said(real)  # as the same row without ID: unchanged, said
    assert stored_rows() == before


def test_the_lks_own_export_sent_back_after_an_erasure_does_not_invite_registering_again(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    headers, rows = export_of(world.operator)
    discharged_and_erased(world)

    real = import_export(tmp_path, headers, rows, world.operator)

    for message in said(real):
        assert "Kosongkan ID untuk menambah penerima layanan baru" not in message, message
    assert any("telah dihapus dari Sinergi pada" in message for message in said(real))


# ------------------------------------------------------------------------------------------- summaries = rebuild


@pytest.mark.parametrize("case", ["erased", "transfer_without_mother", "ended_stay_corrected", "restricted_mother"])
def test_the_summaries_after_each_reimport_equal_a_rebuild(tmp_path, world, case):
    """Whatever the import did (even the double registrations above), the counts it wrote are those of a rebuild."""
    headers = WITHOUT_MOTHER if case == "transfer_without_mother" else HEADERS
    row = client_row(headers, **{"Tanggal masuk": ADMITTED, **NO_NIK})
    first_import(tmp_path, world, [row], headers)
    stay, person = Placement.objects.get(), Person.objects.get()
    if case == "erased":
        services.placement_discharge(actor=world.operator, placement=stay, discharged_on=LEFT, reason="reunified")
        person_erase(actor=world.province_admin, person=person, reason="Permintaan", subject_asked=True)
    elif case == "transfer_without_mother":
        services.placement_transfer(
            actor=world.province_admin, placement=stay, to_organisation=world.lks_other_regency, on=LEFT
        )
    elif case == "ended_stay_corrected":
        stay = services.placement_discharge(
            actor=world.operator, placement=stay, discharged_on=LEFT, reason="reunified"
        )
        admitted_earlier(world, stay)
    else:
        person_restrict(actor=world.province_admin, person=person, restricted=True, reason="Permintaan")
        row = client_row(headers, **{"Tanggal masuk": ADMITTED, **NO_NIK, "Nama ibu kandung": "Sity Contoh"})

    import_clients(tmp_path, [row], world.operator, headers=headers)

    assert_summaries_rebuild()


def test_an_operator_moved_to_another_lks_is_told_where_a_list_without_lks_column_goes(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    Membership.objects.filter(user=world.operator).update(organisation=world.lks_same_regency)
    moved = type(world.operator).objects.get(pk=world.operator.pk)

    trial = import_clients(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], moved, dry_run=True)

    assert "File ini tanpa kolom LKS: semua barisnya dibaca untuk LKSA Tetangga Contoh, LKS akun Anda." in (
        trial.notices
    )


def test_a_form_of_service_corrected_on_the_page_then_the_old_list_names_both_values(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    stay = Placement.objects.get()
    services.placement_correct(
        actor=world.operator, placement=stay,
        data={"admitted_on": ADMITTED, "ppks_category": stay.ppks_category, "setting": "community"},
    )  # fmt: skip
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    [(_row, column, _value, message)] = problems_of(real)
    assert column == "Bentuk layanan"
    assert "tersimpan “Luar panti / berbasis keluarga”, di file “Dalam panti (residensial)”" in message
    assert "samakan file Anda" in message
    assert stored_rows() == before


def test_a_row_without_birth_date_like_an_erased_childs_stay_is_registered_with_a_warning(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    discharged_and_erased(world)
    headers = [h for h in HEADERS if h != "Tanggal lahir"]
    # no birth date: it cannot be told from a sibling admitted the same day, so it is admitted, with a warning
    row = client_row(headers, **{"Tanggal masuk": ADMITTED, **NO_NIK})

    trial, real = twice(tmp_path, [row], world.operator, headers=headers)

    assert_alike(trial, real)
    assert (real.status, real.created) == ("succeeded", 1), said(real)
    warned = [message for message in said(real) if "telah dihapus dari Sinergi pada" in message]
    assert len(warned) == 1 and "isi Tanggal lahir" in warned[0]


def test_another_child_admitted_the_day_an_erased_one_was_is_registered(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    discharged_and_erased(world)
    # a boy admitted the same day, same category, born another month: someone else
    other = client_row(
        **{"Tanggal masuk": ADMITTED, "Nama lengkap": "Andi Lain", "Tanggal lahir": datetime.date(2014, 3, 2), **NO_NIK}
    )

    result = import_clients(tmp_path, [other], world.operator)

    assert (result.status, result.created) == ("succeeded", 1), said(result)


def test_another_child_alike_to_an_erased_one_is_refused_saying_how_to_register_them_by_the_form(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    discharged_and_erased(world)
    # a boy admitted the same day, same category, born the same month: the import cannot tell him from the erased one
    alike = {"Nama lengkap": "Andi Lain", "Nama ibu kandung": "Ibu Andi", "Tanggal lahir": BORN.replace(day=3)}
    before = stored_rows()

    result = import_clients(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED, **alike, **NO_NIK})], world.operator)

    assert (result.status, result.created) == ("refused", 0), said(result)
    [(_row, _column, _value, message)] = problems_of(result)
    assert "Bila tentang orang lain yang masuk pada hari yang sama" in message
    assert "halaman Terima klien baru" in message
    assert stored_rows() == before
    # ... and the page it names registers him
    stay = Placement.objects.get()
    person = person_data(full_name="Andi Lain", mother_name="Ibu Andi", birth_date=BORN.replace(day=3), nik="")
    person["nik_missing_reason"] = "not_yet_recorded"
    place = placement_data(ppks_category=stay.ppks_category, setting=stay.setting, admitted_on=ADMITTED)
    outcome = services.person_admit(
        actor=world.operator, organisation=world.lks, person_data=person, placement_data=place, consent_data=None
    )
    assert Person.objects.filter(full_name="Andi Lain", erased_at__isnull=True).exists()
    # ... saying, in case it is the erased child after all (the page re-admits anyone the operator names)
    assert any("telah dihapus dari Sinergi pada" in warning for warning in outcome.warnings), outcome.warnings


def test_the_refusal_of_a_child_alike_to_an_erased_one_names_no_indonesian_column_in_english(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    discharged_and_erased(world)
    alike = {"Nama lengkap": "Andi Lain", "Nama ibu kandung": "Ibu Andi", "Tanggal lahir": BORN.replace(day=3)}

    row = client_row(**{"Tanggal masuk": ADMITTED, **alike, **NO_NIK})

    with translation.override("en"):
        result = import_clients(tmp_path, [row], world.operator)

    [(_row, _column, _value, message)] = problems_of(result)
    assert "record them with the new admission date" in message
    assert "Tanggal masuk" not in message and "Admit a new client page" in message


def test_a_transfer_after_the_stays_admission_date_was_corrected_registers_nobody_twice(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    stay = Placement.objects.get()
    admitted_earlier(world, stay)
    services.placement_transfer(
        actor=world.province_admin, placement=Placement.objects.get(), to_organisation=world.lks_other_regency, on=LEFT
    )
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert real.created == 0, said(real)
    assert stored_rows() == before


def test_a_deactivated_lks_list_imported_again_says_its_clients_are_still_active(tmp_path, world):
    first_import(tmp_path, world, [client_row(**{"Tanggal masuk": ADMITTED})])
    organisation_deactivate(organisation=world.lks, actor=world.province_admin, reason="Tutup")
    before = stored_rows()

    trial, real = twice(tmp_path, [client_row(**{"Tanggal masuk": ADMITTED})], world.operator)

    assert_alike(trial, real)
    assert (real.status, real.created, real.updated) == ("succeeded", 0, 0), said(real)
    assert stored_rows() == before
    assert (
        "LKSA Harapan Contoh sudah nonaktif, tetapi 1 penerima layanan masih tercatat aktif di sana. Catat keluarnya, "
        "atau rujuk ke LKS lain." in real.notices
    )


def test_a_withdrawn_consent_is_not_given_again_by_the_old_list(tmp_path, world):
    row = client_row(CONSENT_HEADERS, **{"Tanggal masuk": ADMITTED, **CONSENT})
    first_import(tmp_path, world, [row], CONSENT_HEADERS)
    consent = Consent.objects.get()
    consent_withdraw(actor=world.operator, consent=consent, on=LEFT)
    before = stored_rows()

    trial, real = twice(tmp_path, [row], world.operator, headers=CONSENT_HEADERS)

    assert_alike(trial, real)
    assert Consent.objects.count() == 1
    assert Consent.objects.get().withdrawn_on == LEFT
    assert stored_rows() == before
    # the operator is told the file's consent was withdrawn, on its row
    [warning] = [w for w in real.warnings if "dicabut" in w.message]
    assert warning.column == "Tanggal persetujuan"
    assert f"sudah dicabut pada {LEFT.strftime('%d-%m-%Y')}" in warning.message


def test_the_old_list_sent_again_does_not_bring_back_an_erased_child_beside_a_stored_one_alike(tmp_path, world):
    # Budi and Dodi admitted the same day, of one sex, birth month and category (a roll entered with one date)
    dodi = {"Nama lengkap": "Dodi Lain", "Nama ibu kandung": "Ibu Dodi", "Tanggal lahir": BORN.replace(day=3), **NO_NIK}
    rows = [client_row(**{"Tanggal masuk": ADMITTED}), client_row(**{"Tanggal masuk": ADMITTED, **dodi})]
    assert import_clients(tmp_path, rows, world.operator).created == 2
    # Budi discharged and erased at his mother's request
    services.placement_discharge(
        actor=world.operator,
        placement=Placement.objects.get(person__full_name="Budi Contoh"),
        discharged_on=LEFT,
        reason="reunified",
    )
    person_erase(
        actor=world.province_admin, person=Person.objects.get(full_name="Budi Contoh"), reason="Permintaan ibu",
        subject_asked=True,
    )  # fmt: skip
    before = stored_rows()
    # The old list sent again: refused on Budi's row, and nothing written
    result = import_clients(tmp_path, rows, world.operator)
    assert (result.status, result.created) == ("refused", 0), said(result)
    assert [row for row, *_rest in problems_of(result)] == [2]
    assert stored_rows() == before
