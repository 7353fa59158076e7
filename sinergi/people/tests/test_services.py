import datetime

import pytest
from django.core import mail
from django.db import connection

from sinergi.audit.models import AuditEvent
from sinergi.core.crypto import decrypt
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind
from sinergi.people import services
from sinergi.people.choices import CaseStage, DuplicateReason, DuplicateStatus, PlacementStatus
from sinergi.people.models import (
    CarePlanReview,
    Consent,
    DuplicateCandidate,
    Incident,
    Person,
    PersonAccess,
    Placement,
    Worker,
)
from sinergi.people.nik import nik_compose
from sinergi.people.selectors import person_list
from sinergi.people.services import add_months

from .factories import PersonFactory, PlacementFactory, WorkerFactory, people_world, pillar, ppks, psks

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
CHILD_BIRTH = datetime.date(TODAY.year - 10, 3, 15)
ADULT_BIRTH = datetime.date(TODAY.year - 70, 7, 1)
CHILD_NIK = nik_compose(district_code="63.71.01", birth_date=CHILD_BIRTH, sex="L", serial=21)
ADMITTED = TODAY - datetime.timedelta(days=10)


@pytest.fixture
def world():
    return people_world()


def person_data(**overrides):
    data = {
        "full_name": "Anak Uji Satu",
        "sex": "L",
        "birth_date": CHILD_BIRTH,
        "birth_date_estimated": False,
        "birth_place": "Banjarmasin",
        "nik": CHILD_NIK,
        "nik_missing_reason": "",
        "kk": "",
        "kk_missing_reason": "not_yet_recorded",
        "origin_region": None,
        "ppks_categories": [],
        "disability_type": "",
        "mother_name": "Ibu Uji Satu",
        "father_name": "",
        "guardian_name": "",
        "guardian_relation": "",
        "guardian_phone": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def placement_data(**overrides):
    data = {"ppks_category": ppks("anak_telantar"), "setting": "residential", "admitted_on": ADMITTED, "services": []}
    data.update(overrides)
    return data


def consent_data(**overrides):
    data = {
        "given_by": "parent",
        "giver_name": "Ibu Uji Satu",
        "given_on": ADMITTED,
        "legal_basis": "consent",
        "scope": "Pelayanan dan pengasuhan di LKS",
    }
    data.update(overrides)
    return data


def admit(world, *, actor=None, organisation=None, person=None, placement=None, consent="default"):
    return services.person_admit(
        actor=actor or world.operator,
        organisation=organisation or world.lks,
        person_data=person or person_data(),
        placement_data=placement or placement_data(),
        consent_data=consent_data() if consent == "default" else consent,
    )


def written():
    """Row counts of everything a people service may write."""
    return (
        Person.objects.count(),
        Placement.objects.count(),
        Consent.objects.count(),
        DuplicateCandidate.objects.count(),
        Incident.objects.count(),
        CarePlanReview.objects.count(),
        Worker.objects.count(),
        PersonAccess.objects.count(),
        AuditEvent.objects.filter(action__startswith="people.").count(),
    )


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# --- admission ----------------------------------------------------------------------------------------------


def test_operator_admits_a_child_with_nik_consent_and_care_plan_reminder(world):
    # given an LKSA operator and a ten-year-old with a valid NIK and a parent's consent
    # when the child is admitted
    outcome = admit(world)
    # then the person, the placement and the consent exist, located at the LKS
    person = outcome.obj
    assert outcome.warnings == []
    assert outcome.duplicate_candidates == 0
    assert (person.organisation, person.province_code, person.regency_code) == (world.lks, "63", "63.71")
    assert list(person.ppks_categories.values_list("code", flat=True)) == ["anak_telantar"]
    # the NIK is stored encrypted, hashed and masked, never in plain text
    assert person.nik_encrypted != CHILD_NIK and decrypt(person.nik_encrypted) == CHILD_NIK
    assert len(person.nik_hash) == 64
    assert person.nik_masked == f"6371********{CHILD_NIK[-4:]}"
    assert person.nik_missing_reason == ""
    assert person.kk_missing_reason == "not_yet_recorded"
    # the child's case starts at "rujukan" and the care plan is due six months after admission
    placement = person.placements.get()
    assert placement.stage == CaseStage.REFERRAL
    assert placement.next_review_on == add_months(ADMITTED, 6)
    assert placement.status == PlacementStatus.ACTIVE
    assert (placement.organisation, placement.regency_code) == (world.lks, "63.71")
    consent = person.consents.get()
    assert (consent.given_by, consent.legal_basis, consent.recorded_by) == ("parent", "consent", world.operator)
    # and the creation is audited (without the name) and logged as an access
    event = AuditEvent.objects.get(action="people.person.created")
    assert event.object_id == str(person.pk)
    assert "Anak Uji Satu" not in event.object_repr
    assert event.data["placement"] == placement.pk
    assert event.data["child"] is True
    access = PersonAccess.objects.get(person=person)
    assert (access.what, access.purpose, access.actor) == ("created", "service", world.operator)
    assert person.match_key != ""


def test_an_adult_gets_no_snpa_stage_and_no_review_date(world):
    outcome = admit(
        world,
        actor=world.province_admin,
        organisation=world.elderly_home,
        person=person_data(birth_date=ADULT_BIRTH, nik="", nik_missing_reason="street"),
        placement=placement_data(ppks_category=ppks("lansia_telantar")),
        consent=consent_data(given_by="self"),
    )
    placement = outcome.obj.placements.get()
    assert placement.stage == ""
    assert placement.next_review_on is None
    assert outcome.obj.nik_hash == "" and outcome.obj.nik_masked == ""
    assert outcome.obj.nik_missing_reason == "street"


def test_admission_with_services_and_extra_categories_keeps_them(world):
    outcome = admit(
        world,
        person=person_data(ppks_categories=[ppks("anak_korban_kekerasan")]),
        placement=placement_data(services=[pillar("rehabilitasi_sosial")]),
    )
    assert sorted(outcome.obj.ppks_categories.values_list("code", flat=True)) == [
        "anak_korban_kekerasan",
        "anak_telantar",
    ]
    assert list(outcome.obj.placements.get().services.values_list("code", flat=True)) == ["rehabilitasi_sosial"]


def test_neither_nik_nor_reason_is_refused_and_nothing_is_written(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(world, person=person_data(nik="", nik_missing_reason=""))
    assert errors_of(excinfo) == {"nik": ["Isi NIK atau pilih alasannya bila tidak ada."]}
    assert written() == before


def test_neither_kk_nor_reason_is_refused(world):
    with pytest.raises(ValidationError) as excinfo:
        admit(world, person=person_data(kk="", kk_missing_reason=""))
    assert errors_of(excinfo) == {"kk": ["Isi nomor KK atau pilih alasannya bila tidak ada."]}


def test_a_kk_is_stored_like_a_nik(world):
    person = admit(world, person=person_data(kk="6371012003150007", kk_missing_reason="")).obj
    assert decrypt(person.kk_encrypted) == "6371012003150007"
    assert person.kk_masked == "6371********0007"
    assert person.kk_missing_reason == ""


def test_an_excel_mangled_nik_is_refused_with_a_clear_message(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(world, person=person_data(nik="6.37101E+15"))
    assert list(errors_of(excinfo)) == ["nik"]
    assert "Excel" in errors_of(excinfo)["nik"][0]
    assert written() == before


def test_every_problem_is_reported_at_once(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(
            world,
            person=person_data(full_name=" ", sex="", nik="6371010101900000"),
            placement=placement_data(admitted_on=TODAY + datetime.timedelta(days=3), setting="moon"),
            consent=consent_data(giver_name="", legal_basis=""),
        )
    assert errors_of(excinfo) == {
        "full_name": ["Nama lengkap wajib diisi."],
        "sex": ["Pilih salah satu."],
        "nik": [
            (
                "Nomor urut NIK (4 angka terakhir) tidak boleh 0000. Bila NIK diketik sebagai angka di Excel atau "
                "LibreOffice, angka terakhirnya dibulatkan menjadi 0: format kolom sebagai Teks lalu ketik ulang."
            )
        ],
        "setting": ["Pilihan “moon” tidak dikenal."],
        "admitted_on": ["Tanggal tidak boleh di masa depan."],
        "giver_name": ["Nama pemberi persetujuan wajib diisi."],
        "legal_basis": ["Pilih salah satu."],
    }
    assert written() == before


def test_impossible_dates_are_refused(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(
            world,
            person=person_data(birth_date=TODAY + datetime.timedelta(days=1), nik="", nik_missing_reason="unknown"),
        )
    assert errors_of(excinfo)["birth_date"] == ["Tanggal tidak boleh di masa depan."]
    with pytest.raises(ValidationError) as excinfo:
        admit(world, placement=placement_data(admitted_on=CHILD_BIRTH - datetime.timedelta(days=1)))
    assert errors_of(excinfo) == {"admitted_on": ["Tanggal masuk tidak mungkin sebelum tanggal lahir."]}
    assert written() == before


def test_a_year_before_1900_is_refused_as_a_typo_on_every_date_of_the_form(world):
    """The same rule as the import's: a spreadsheet cannot hold such a date, and one stored broke every export."""
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(
            world,
            person=person_data(birth_date=datetime.date(1845, 8, 17), nik="", nik_missing_reason="unknown"),
            consent=consent_data(given_on=datetime.date(1019, 8, 17)),
        )
    errors = errors_of(excinfo)
    assert errors["birth_date"] == ["Tahun 1845 tidak mungkin; periksa ketikan tahunnya (paling awal tahun 1900)."]
    assert errors["given_on"][0] == "Tahun 1019 tidak mungkin; periksa ketikan tahunnya (paling awal tahun 1900)."
    assert written() == before


def test_a_child_in_an_elderly_home_is_refused(world):
    # given a home whose only kind is lanjut usia, and a child whose category the home would serve
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(
            world,
            actor=world.province_admin,
            organisation=world.elderly_home,
            placement=placement_data(ppks_category=ppks("lansia_telantar")),
        )
    assert errors_of(excinfo) == {"__all__": ["Anak tidak dapat ditempatkan di LKS lanjut usia."]}
    assert written() == before


def test_a_category_the_lks_kind_does_not_serve_is_refused(world):
    with pytest.raises(ValidationError) as excinfo:
        admit(
            world,
            person=person_data(birth_date=ADULT_BIRTH, nik="", nik_missing_reason="unknown"),
            placement=placement_data(ppks_category=ppks("lansia_telantar")),
            consent=consent_data(given_by="self"),
        )
    assert errors_of(excinfo) == {
        "ppks_category": [
            "LKSA Harapan Contoh tidak melayani kategori “Lanjut Usia Telantar” menurut jenis layanannya."
        ]
    }


def test_further_kinds_and_the_other_kind_widen_what_an_lks_serves(world):
    # an LKSA that also serves disabilitas takes an adult with a disability; an "lainnya" LKS takes anyone
    world.lks.service_kinds.add(lks_kind("disabilitas"))
    adult = {"birth_date": ADULT_BIRTH, "nik": "", "nik_missing_reason": "unknown"}
    admit(world, person=person_data(**adult), placement=placement_data(ppks_category=ppks("penyandang_disabilitas")))
    other = OrganisationFactory(name="LKS Serba Guna", primary_service_kind=lks_kind("lainnya"))
    operator = services_user_for(other)
    outcome = admit(
        world,
        actor=operator,
        organisation=other,
        person=person_data(full_name="Dewasa Uji", **adult),
        placement=placement_data(ppks_category=ppks("fakir_miskin")),
        consent=consent_data(given_by="self"),
    )
    assert outcome.obj.organisation == other


def services_user_for(organisation):
    from sinergi.accounts.models import Role
    from sinergi.accounts.tests.factories import user_with_role

    return user_with_role(Role.LKS_OPERATOR, organisation=organisation)


def test_age_outside_the_category_rule_is_a_warning_not_a_refusal(world):
    toddler = datetime.date(TODAY.year - 3, 1, 10)
    outcome = admit(world, person=person_data(birth_date=toddler, nik="", nik_missing_reason="abandoned_infant"))
    assert outcome.warnings == [
        f"Usia 3 tahun saat masuk ({ADMITTED:%d-%m-%Y}) di luar batas usia kategori “Anak Telantar” (6–18 tahun)."
    ]
    assert Person.objects.count() == 1


def test_exclusive_upper_age_bound_warns_at_eighteen(world):
    eighteen = ADMITTED.replace(year=ADMITTED.year - 18) - datetime.timedelta(days=1)
    outcome = admit(
        world,
        person=person_data(birth_date=eighteen, nik="", nik_missing_reason="unknown"),
        placement=placement_data(ppks_category=ppks("anak_berhadapan_hukum")),
        consent=consent_data(given_by="self"),
    )
    assert outcome.warnings == [
        f"Usia 18 tahun saat masuk ({ADMITTED:%d-%m-%Y}) di luar batas usia kategori “Anak yang Berhadapan dengan "
        "Hukum” (12 sampai di bawah 18 tahun)."
    ]
    assert outcome.obj.placements.get().stage == ""  # an adult by admission day


def test_minimum_age_warning_for_the_elderly(world):
    outcome = admit(
        world,
        actor=world.province_admin,
        organisation=world.elderly_home,
        person=person_data(birth_date=datetime.date(TODAY.year - 50, 1, 1), nik="", nik_missing_reason="unknown"),
        placement=placement_data(ppks_category=ppks("lansia_telantar")),
        consent=consent_data(given_by="self"),
    )
    assert outcome.warnings == [
        f"Usia 50 tahun saat masuk ({ADMITTED:%d-%m-%Y}) di luar batas usia kategori “Lanjut Usia Telantar” "
        "(60 tahun ke atas)."
    ]


def test_nik_details_differing_from_the_record_are_warnings(world):
    outcome = admit(world, person=person_data(sex="P"), consent=consent_data())
    assert outcome.warnings == ["Jenis kelamin menurut NIK (Laki-laki) berbeda dengan yang diisi."]


def test_no_consent_is_a_warning(world):
    outcome = admit(world, consent=None)
    assert outcome.warnings == ["Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."]
    assert Consent.objects.count() == 0


def test_a_child_cannot_consent_for_themselves(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(world, consent=consent_data(given_by="self"))
    assert errors_of(excinfo) == {
        "given_by": ["Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri."]
    }
    assert written() == before


def test_the_same_nik_active_at_the_same_lks_is_refused(world):
    admit(world)
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        admit(world, person=person_data(full_name="Nama Lain", mother_name="Ibu Lain"))
    assert errors_of(excinfo) == {"nik": ["NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."]}
    assert written() == before


def test_the_same_nik_active_at_another_lks_becomes_a_candidate_without_revealing_it(world):
    # given the child is active at another LKS in Banjarbaru
    first = admit(world, actor=world.far_operator, organisation=world.lks_other_regency).obj
    # when an operator in Banjarmasin admits the same NIK under another name
    outcome = admit(world, person=person_data(full_name="Nama Berbeda", mother_name="Ibu Berbeda"))
    # then it is admitted, and a candidate is located at the new record's kabupaten/kota
    assert outcome.duplicate_candidates == 1
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person, candidate.other, candidate.reason) == (
        outcome.obj,
        first,
        DuplicateReason.SAME_NIK_OTHER_LKS,
    )
    assert (candidate.province_code, candidate.regency_code, candidate.status) == ("63", "63.71", DuplicateStatus.OPEN)
    # and the operator learns nothing about the other LKS or person
    message = " ".join(outcome.warnings)
    assert "Pengurus LKKKS kabupaten/kota akan memeriksanya" in message
    for secret in ("Banjarbaru", "Anak Uji Satu", str(first.pk)):
        assert secret not in message
    # nor does the person's own audit trail point at the other record (the candidate has its own events)
    event = AuditEvent.objects.get(object_type="people.person", object_id=str(outcome.obj.pk))
    assert set(event.data) == {
        "placement",
        "organisation",
        "ppks_category",
        "setting",
        "admitted_on",
        "child",
        "consent",
        "duplicate_candidates",
    }
    assert event.data["organisation"] == world.lks.pk
    assert event.data["duplicate_candidates"] == 1


def test_a_close_match_on_name_birth_date_and_mother_becomes_a_candidate(world):
    first = admit(world, person=person_data(nik="", nik_missing_reason="unknown")).obj
    outcome = admit(
        world,
        actor=world.other_operator,
        organisation=world.lks_same_regency,
        person=person_data(
            full_name="  ANAK  uji SATU ", mother_name="ibu UJI satu", nik="", nik_missing_reason="street"
        ),
    )
    assert outcome.duplicate_candidates == 1
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person, candidate.other, candidate.reason) == (outcome.obj, first, DuplicateReason.CLOSE_MATCH)


def test_no_candidate_without_a_mothers_name(world):
    admit(world, person=person_data(nik="", nik_missing_reason="unknown", mother_name=""))
    outcome = admit(
        world,
        actor=world.other_operator,
        organisation=world.lks_same_regency,
        person=person_data(nik="", nik_missing_reason="unknown", mother_name=""),
    )
    assert outcome.duplicate_candidates == 0
    assert DuplicateCandidate.objects.count() == 0


@pytest.mark.parametrize(
    "who", ["other_operator", "far_operator", "regency_board", "dinsos_viewer", "dinsos_province", "outsider"]
)
def test_only_the_lks_operator_or_province_admin_may_admit(world, who):
    before = written()
    with pytest.raises(PermissionDenied):
        admit(world, actor=getattr(world, who))
    assert written() == before


def test_the_province_admin_may_admit(world):
    assert admit(world, actor=world.province_admin).obj.organisation == world.lks


def test_no_admission_at_a_board_or_an_inactive_lks(world):
    world.lks.status = "inactive"
    world.lks.save()
    with pytest.raises(ValidationError) as excinfo:
        admit(world, actor=world.province_admin)
    assert errors_of(excinfo)["__all__"] == ["LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru."]


def test_admission_updates_the_summaries_in_the_same_call(world, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "summary_placement_added", lambda placement: calls.append(placement.pk))
    outcome = admit(world)
    assert calls == [outcome.obj.placements.get().pk]


def test_the_database_never_holds_a_plain_nik_or_kk(world):
    # given admissions, an update, an export and a duplicate flag involving NIK and KK
    kk = "6371012003150007"
    person = admit(world, person=person_data(kk=kk, kk_missing_reason="")).obj
    admit(world, actor=world.far_operator, organisation=world.lks_other_regency)
    services.person_update(
        actor=world.operator, person=person, data={"notes": "catatan"}, expected_version=person.version
    )
    services.person_subject_access_export(actor=world.province_admin, person=person)
    # when every row of the people and audit tables is read as text
    dump = []
    with connection.cursor() as cursor:
        for table in [m._meta.db_table for m in (Person, Placement, Consent, DuplicateCandidate, PersonAccess)] + [
            AuditEvent._meta.db_table
        ]:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            dump.extend(str(row) for row in cursor.fetchall())
    text = "\n".join(dump)
    # then neither number appears anywhere
    assert CHILD_NIK not in text
    assert kk not in text
    assert person.nik_masked in text  # the masked form is what is kept for display


# --- correction ---------------------------------------------------------------------------------------------


def test_person_update_changes_fields_audits_without_values_and_bumps_version(world):
    person = admit(world).obj
    outcome = services.person_update(
        actor=world.operator,
        person=person,
        data={"full_name": "Anak Uji Dua", "disability_type": "fisik"},
        expected_version=1,
    )
    updated = outcome.obj
    assert (updated.full_name, updated.disability_type, updated.version) == ("Anak Uji Dua", "fisik", 2)
    event = AuditEvent.objects.get(action="people.person.updated")
    assert event.changes == {"disability_type": ["", "fisik"]}
    assert sorted(event.data["fields"]) == ["disability_type", "full_name"]
    assert "Anak Uji" not in str(event.changes) + event.object_repr
    assert PersonAccess.objects.filter(person=person, what="changed").count() == 1
    assert updated.match_key != person.match_key


def test_person_update_refuses_a_stale_version(world):
    person = admit(world).obj
    services.person_update(actor=world.operator, person=person, data={"notes": "a"}, expected_version=1)
    before = written()
    with pytest.raises(ConflictError):
        services.person_update(actor=world.operator, person=person, data={"notes": "b"}, expected_version=1)
    assert written() == before
    assert Person.objects.get().notes == "a"


def test_nik_update_rules_absent_keeps_empty_removes_digits_replace(world):
    person = admit(world).obj
    kept = services.person_update(actor=world.operator, person=person, data={"notes": "x"}, expected_version=1).obj
    assert kept.nik_hash == person.nik_hash
    with pytest.raises(ValidationError) as excinfo:
        services.person_update(actor=world.operator, person=person, data={"nik": ""}, expected_version=2)
    assert errors_of(excinfo) == {"nik": ["Isi NIK atau pilih alasannya bila tidak ada."]}
    removed = services.person_update(
        actor=world.operator, person=person, data={"nik": "", "nik_missing_reason": "unknown"}, expected_version=2
    ).obj
    assert (removed.nik_encrypted, removed.nik_hash, removed.nik_masked) == ("", "", "")
    new_nik = nik_compose(district_code="63.71.02", birth_date=CHILD_BIRTH, sex="L", serial=77)
    replaced = services.person_update(
        actor=world.operator, person=person, data={"nik": new_nik}, expected_version=3
    ).obj
    assert decrypt(replaced.nik_encrypted) == new_nik
    assert replaced.nik_missing_reason == ""


def test_person_update_refuses_a_birth_date_after_admission_and_a_nik_active_here(world):
    person = admit(world).obj
    other = admit(world, person=person_data(full_name="Anak Lain", nik="", nik_missing_reason="unknown")).obj
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.person_update(
            actor=world.operator,
            person=other,
            data={"birth_date": TODAY - datetime.timedelta(days=1), "nik": CHILD_NIK},
            expected_version=1,
        )
    errors = errors_of(excinfo)
    assert errors["birth_date"] == ["Tanggal lahir tidak mungkin sesudah tanggal masuk LKS."]
    assert errors["nik"] == ["NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."]
    assert written() == before
    assert person.pk != other.pk


def test_correcting_the_birth_date_rechecks_the_stored_nik(world):
    person = admit(world).obj
    outcome = services.person_update(
        actor=world.operator, person=person, data={"birth_date": CHILD_BIRTH.replace(day=16)}, expected_version=1
    )
    assert outcome.warnings == [
        f"Tanggal lahir di NIK ({CHILD_BIRTH:%d-%m-%Y}) berbeda dengan tanggal lahir yang diisi "
        f"({CHILD_BIRTH.replace(day=16):%d-%m-%Y})."
    ]
    assert outcome.obj.birth_date == CHILD_BIRTH.replace(day=16)


def test_the_placement_category_stays_among_the_persons_categories(world):
    person = admit(world).obj
    updated = services.person_update(
        actor=world.operator,
        person=person,
        data={"ppks_categories": [ppks("anak_korban_kekerasan")]},
        expected_version=1,
    ).obj
    assert sorted(updated.ppks_categories.values_list("code", flat=True)) == ["anak_korban_kekerasan", "anak_telantar"]
    with pytest.raises(ValidationError) as excinfo:
        services.person_update(actor=world.operator, person=person, data={"ppks_categories": []}, expected_version=2)
    assert errors_of(excinfo) == {"ppks_categories": ["Pilih paling sedikit satu kategori PPKS."]}


@pytest.mark.parametrize("who", ["other_operator", "regency_board", "dinsos_viewer", "outsider"])
def test_person_update_is_refused_outside_scope(world, who):
    person = admit(world).obj
    before = written()
    with pytest.raises(PermissionDenied):
        services.person_update(actor=getattr(world, who), person=person, data={"notes": "x"}, expected_version=1)
    assert written() == before


def test_province_admin_may_correct_a_record(world):
    person = admit(world).obj
    updated = services.person_update(
        actor=world.province_admin, person=person, data={"birth_place": "Martapura"}, expected_version=1
    ).obj
    assert updated.birth_place == "Martapura"


# --- placements ---------------------------------------------------------------------------------------------


def test_stages_move_only_along_the_allowed_transitions(world):
    placement = admit(world).obj.placements.get()
    placement = services.placement_advance_stage(actor=world.operator, placement=placement, stage="asesmen")
    assert placement.stage == "asesmen"
    before = written()
    with pytest.raises(TransitionError) as excinfo:
        services.placement_advance_stage(actor=world.operator, placement=placement, stage="pelaksanaan")
    assert str(excinfo.value) == "Tahap tidak dapat diubah dari “Asesmen” menjadi “Pelaksanaan”."
    with pytest.raises(TransitionError):
        services.placement_advance_stage(actor=world.operator, placement=placement, stage="rujukan")
    assert written() == before
    assert AuditEvent.objects.get(action="people.placement.stage_changed").changes == {"stage": ["rujukan", "asesmen"]}


def test_an_adult_placement_has_no_stage_to_advance(world):
    placement = PlacementFactory(person__organisation=world.lks, stage="")
    with pytest.raises(TransitionError):
        services.placement_advance_stage(actor=world.operator, placement=placement, stage="asesmen")


def test_another_lks_cannot_advance_a_stage(world):
    placement = admit(world).obj.placements.get()
    with pytest.raises(PermissionDenied):
        services.placement_advance_stage(actor=world.other_operator, placement=placement, stage="asesmen")
    assert Placement.objects.get().stage == "rujukan"


def test_a_care_plan_review_sets_the_next_review_six_months_later(world):
    placement = admit(world).obj.placements.get()
    reviewed_on = TODAY - datetime.timedelta(days=1)
    review = services.care_plan_review_record(
        actor=world.operator, placement=placement, reviewed_on=reviewed_on, summary="Rencana pengasuhan ditinjau."
    )
    assert review.next_review_on == add_months(reviewed_on, 6)
    assert review.reviewed_by == world.operator
    assert Placement.objects.get().next_review_on == add_months(reviewed_on, 6)


def test_a_review_with_bad_dates_or_no_summary_is_refused(world):
    placement = admit(world).obj.placements.get()
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.care_plan_review_record(
            actor=world.operator, placement=placement, reviewed_on=ADMITTED - datetime.timedelta(days=1), summary=" "
        )
    assert errors_of(excinfo) == {
        "reviewed_on": ["Tanggal tinjauan tidak mungkin sebelum tanggal masuk."],
        "summary": ["Ringkasan tinjauan wajib diisi."],
    }
    with pytest.raises(ValidationError):
        services.care_plan_review_record(
            actor=world.operator, placement=placement, reviewed_on=TODAY + datetime.timedelta(days=1), summary="x"
        )
    assert written() == before


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2025, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2023, 8, 31), 6) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2025, 1, 15), 6) == datetime.date(2025, 7, 15)
    assert add_months(datetime.date(2025, 9, 30), 6) == datetime.date(2026, 3, 30)
    assert add_months(datetime.date(2025, 3, 31), -12 * 10) == datetime.date(2015, 3, 31)


def test_discharging_a_child_terminates_the_case(world, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "summary_placement_discharged", lambda placement: calls.append(placement.pk))
    placement = admit(world).obj.placements.get()
    discharged = services.placement_discharge(
        actor=world.operator, placement=placement, discharged_on=TODAY, reason="reunified", note="Kembali ke ibu"
    )
    assert (discharged.status, discharged.stage, discharged.next_review_on) == ("discharged", "terminasi", None)
    assert (discharged.discharged_on, discharged.discharge_reason) == (TODAY, "reunified")
    assert calls == [placement.pk]
    with pytest.raises(TransitionError):
        services.placement_discharge(actor=world.operator, placement=placement, discharged_on=TODAY, reason="other")


def test_discharge_before_admission_or_in_the_future_or_without_reason_is_refused(world):
    placement = admit(world).obj.placements.get()
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.placement_discharge(
            actor=world.operator, placement=placement, discharged_on=ADMITTED - datetime.timedelta(days=1), reason=""
        )
    assert errors_of(excinfo) == {
        "discharged_on": ["Tanggal keluar tidak mungkin sebelum tanggal masuk."],
        "discharge_reason": ["Pilih salah satu."],
    }
    with pytest.raises(ValidationError) as excinfo:
        services.placement_discharge(
            actor=world.operator,
            placement=placement,
            discharged_on=TODAY + datetime.timedelta(days=1),
            reason="reunified",
        )
    assert errors_of(excinfo) == {"discharged_on": ["Tanggal tidak boleh di masa depan."]}
    assert written() == before
    assert Placement.objects.get().status == "active"


def test_a_transfer_moves_the_person_and_their_scope(world):
    person = admit(world).obj
    placement = person.placements.get()
    moved = services.placement_transfer(
        actor=world.operator, placement=placement, to_organisation=world.lks_other_regency, on=TODAY
    )
    old = Placement.objects.get(pk=placement.pk)
    assert (old.status, old.discharge_reason, old.discharged_on) == ("discharged", "transferred", TODAY)
    assert (moved.organisation, moved.regency_code, moved.status, moved.stage) == (
        world.lks_other_regency,
        "63.72",
        "active",
        "rujukan",
    )
    person.refresh_from_db()
    assert (person.organisation, person.regency_code) == (world.lks_other_regency, "63.72")
    # the old LKS no longer sees the person, the new one does
    assert list(person_list(actor=world.operator).qs) == []
    assert list(person_list(actor=world.far_operator).qs) == [person]


def test_a_transfer_to_an_lks_moved_meanwhile_places_the_client_where_the_lks_now_is(world):
    # The thirty-seventh review (random sequences): the transfer wrote the destination's codes as the form had read
    # them, before another user moved that LKS to Banjarbaru; the child stayed counted, and seen, in Banjarmasin.
    from sinergi.organisations.models import Organisation
    from sinergi.organisations.services import organisation_update

    placement = admit(world).obj.placements.get()
    as_read = Organisation.objects.get(pk=world.lks_same_regency.pk)
    organisation_update(
        organisation=world.lks_same_regency, actor=world.province_admin, data={"region_id": "63.72.02.1003"},
        expected_version=world.lks_same_regency.version,
    )  # fmt: skip

    moved = services.placement_transfer(actor=world.operator, placement=placement, to_organisation=as_read, on=TODAY)

    moved.refresh_from_db()
    assert (moved.province_code, moved.regency_code, moved.person.regency_code) == ("63", "63.72", "63.72")


def test_a_worker_registered_at_an_lks_moved_meanwhile_is_counted_where_the_lks_now_is(world):
    # The thirty-eighth review: the worker kept the codes of the LKS as the form had read them.
    from sinergi.organisations.models import Organisation
    from sinergi.organisations.services import organisation_update
    from sinergi.people.models import WorkerCount
    from sinergi.people.selectors import worker_list

    as_read = Organisation.objects.get(pk=world.lks.pk)
    organisation_update(
        organisation=world.lks, actor=world.province_admin, data={"region_id": "63.72.02.1003"},
        expected_version=world.lks.version,
    )  # fmt: skip

    worker = services.worker_create(actor=world.operator, organisation=as_read, data={
        "full_name": "Eko Contoh", "sex": "L", "psks_category": psks("lks"), "role": "pengasuh"}).obj  # fmt: skip

    worker.refresh_from_db()
    assert (worker.province_code, worker.regency_code) == ("63", "63.72")
    assert list(WorkerCount.objects.filter(level=2, active__gt=0).values_list("area_code", flat=True)) == ["63.72"]
    assert worker in worker_list(actor=world.other_board).qs


def test_a_transfer_of_a_child_to_an_elderly_home_is_refused(world):
    placement = admit(world).obj.placements.get()
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.placement_transfer(
            actor=world.operator, placement=placement, to_organisation=world.elderly_home, on=TODAY
        )
    assert errors_of(excinfo)["__all__"] == ["Anak tidak dapat ditempatkan di LKS lanjut usia."]
    assert written() == before


# --- consent ------------------------------------------------------------------------------------------------


def test_consent_is_recorded_and_withdrawn_once(world):
    person = admit(world, consent=None).obj
    consent = services.consent_record(actor=world.operator, person=person, data=consent_data())
    assert consent.recorded_by == world.operator
    withdrawn = services.consent_withdraw(actor=world.operator, consent=consent, on=TODAY)
    assert withdrawn.withdrawn_on == TODAY
    with pytest.raises(TransitionError):
        services.consent_withdraw(actor=world.operator, consent=consent, on=TODAY)


def test_withdrawal_before_the_consent_is_refused(world):
    person = admit(world).obj
    consent = person.consents.get()
    with pytest.raises(ValidationError) as excinfo:
        services.consent_withdraw(actor=world.operator, consent=consent, on=ADMITTED - datetime.timedelta(days=1))
    assert errors_of(excinfo) == {"withdrawn_on": ["Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan."]}
    assert Consent.objects.get().withdrawn_on is None


def test_another_lks_cannot_record_consent(world):
    person = admit(world, consent=None).obj
    with pytest.raises(PermissionDenied):
        services.consent_record(actor=world.other_operator, person=person, data=consent_data())
    assert Consent.objects.count() == 0


# --- incidents ----------------------------------------------------------------------------------------------


def test_an_incident_notifies_dinas_sosial_of_the_kabupaten_and_province(world, django_capture_on_commit_callbacks):
    person = admit(world).obj
    with django_capture_on_commit_callbacks(execute=True):
        incident = services.incident_report(
            actor=world.operator,
            person=person,
            data={"kind": "physical", "occurred_on": TODAY, "description": "Memar di lengan.", "follow_up": ""},
        )
    assert (incident.organisation, incident.regency_code, incident.reported_by) == (world.lks, "63.71", world.operator)
    # Banjarmasin's and the province's Dinas Sosial are told; Banjarbaru's is not; no address, no mail
    event = AuditEvent.objects.get(action="people.incident.reported")
    assert event.data["recipients"] == ["dinsos.bjm", "dinsos.kalsel"]
    assert event.data["emailed"] == 1
    assert [m.to for m in mail.outbox] == [[world.dinsos_viewer.email]]
    assert "LKSA Harapan Contoh" in mail.outbox[0].subject
    assert "Anak Uji Satu" not in mail.outbox[0].subject + mail.outbox[0].body


def test_an_incident_reaches_each_official_in_their_own_language(world):
    from sinergi.notifications.models import Notification

    world.dinsos_viewer.preferred_language = "en"
    world.dinsos_viewer.save(update_fields=["preferred_language"])
    person = admit(world).obj

    services.incident_report(
        actor=world.operator, person=person, data={"kind": "physical", "occurred_on": TODAY, "description": "Memar."}
    )

    notes = {n.recipient_id: n for n in Notification.objects.filter(kind="people.incident_reported")}
    english, indonesian = notes[world.dinsos_viewer.pk], notes[world.dinsos_province.pk]
    assert english.title == "Report of suspected abuse at LKSA Harapan Contoh", english.title
    assert "suspected case of physical abuse against" in english.body and "Sebuah" not in english.body, english.body
    assert indonesian.title == "Laporan dugaan kekerasan di LKSA Harapan Contoh"
    assert "dugaan kekerasan fisik terhadap" in indonesian.body


def test_no_mail_leaves_before_the_report_is_committed(world, django_capture_on_commit_callbacks):
    person = admit(world).obj
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.incident_report(
            actor=world.operator, person=person, data={"kind": "neglect", "description": "Tidak diberi makan."}
        )
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_an_incident_without_description_or_with_a_future_date_is_refused(world):
    person = admit(world).obj
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.incident_report(
            actor=world.operator,
            person=person,
            data={"kind": "", "occurred_on": TODAY + datetime.timedelta(days=2), "description": ""},
        )
    assert errors_of(excinfo) == {
        "kind": ["Pilih salah satu."],
        "occurred_on": ["Tanggal tidak boleh di masa depan."],
        "description": ["Uraian kejadian wajib diisi."],
    }
    assert written() == before
    assert mail.outbox == []


@pytest.mark.parametrize("who", ["other_operator", "dinsos_viewer", "regency_board", "outsider"])
def test_incidents_are_reported_by_the_lks_or_province_only(world, who):
    person = admit(world).obj
    with pytest.raises(PermissionDenied):
        services.incident_report(actor=getattr(world, who), person=person, data={"kind": "other", "description": "x"})
    assert Incident.objects.count() == 0


def test_an_incident_cannot_be_deleted(world):
    person = admit(world).obj
    incident = services.incident_report(actor=world.operator, person=person, data={"kind": "other", "description": "x"})
    with pytest.raises(PermissionError):
        incident.delete()
    assert Incident.objects.count() == 1


def test_a_queryset_delete_of_incidents_is_refused(world):
    person = admit(world).obj
    services.incident_report(actor=world.operator, person=person, data={"kind": "other", "description": "x"})
    with pytest.raises(PermissionError):
        Incident.objects.all().delete()
    assert Incident.objects.count() == 1


# --- duplicates ---------------------------------------------------------------------------------------------


def make_candidate(world):
    admit(world, actor=world.far_operator, organisation=world.lks_other_regency)
    admit(world, person=person_data(full_name="Nama Berbeda", mother_name="Ibu Berbeda"))
    return DuplicateCandidate.objects.get()


def test_the_regency_board_resolves_a_candidate_as_two_people(world):
    candidate = make_candidate(world)
    resolved = services.duplicate_resolve(actor=world.regency_board, candidate=candidate, same_person=False)
    assert (resolved.status, resolved.resolved_by) == ("dismissed", world.regency_board)
    assert resolved.resolved_at is not None
    event = AuditEvent.objects.get(action="people.duplicate.resolved")
    assert event.changes == {"status": ["open", "dismissed"]}
    with pytest.raises(TransitionError):
        services.duplicate_resolve(actor=world.regency_board, candidate=candidate, same_person=False)


def test_the_same_person_is_merged_never_only_linked(world):
    # A bare link left the client counted twice (review finding M1): "the same person" is duplicate_merge.
    candidate = make_candidate(world)
    with pytest.raises(TransitionError, match="halaman penggabungan"):
        services.duplicate_resolve(actor=world.regency_board, candidate=candidate, same_person=True)
    assert DuplicateCandidate.objects.get().status == "open"


def test_the_province_admin_may_resolve_too(world):
    candidate = make_candidate(world)
    assert services.duplicate_resolve(actor=world.province_admin, candidate=candidate, same_person=False).status == (
        "dismissed"
    )


@pytest.mark.parametrize("who", ["operator", "other_board", "dinsos_viewer", "outsider"])
def test_others_cannot_resolve_a_candidate(world, who):
    # the Banjarbaru board holds the other record but the candidate belongs to Banjarmasin's board
    candidate = make_candidate(world)
    before = written()
    with pytest.raises(PermissionDenied):
        services.duplicate_resolve(actor=getattr(world, who), candidate=candidate, same_person=True)
    assert written() == before
    assert DuplicateCandidate.objects.get().status == "open"


# --- workers ------------------------------------------------------------------------------------------------


def worker_data(**overrides):
    data = {
        "full_name": "Pengasuh Uji",
        "sex": "P",
        "birth_date": datetime.date(1988, 2, 3),
        "nik": nik_compose(district_code="63.71.01", birth_date=datetime.date(1988, 2, 3), sex="P", serial=9),
        "psks_category": psks("lks"),
        "role": "pengasuh",
        "phone": "081234567890",
        "started_on": datetime.date(2021, 1, 4),
        "certifications": "Pelatihan pengasuhan 2022",
        "works_with_children": True,
        "background_check_on": datetime.date(2021, 1, 2),
        "background_check_result": "clear",
    }
    data.update(overrides)
    return data


def test_a_worker_with_a_clear_background_check_is_registered(world, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "summary_worker_changed", lambda before, worker: calls.append((before, worker.pk)))
    outcome = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data())
    worker = outcome.obj
    assert outcome.warnings == []
    assert (worker.organisation, worker.regency_code, worker.nik_masked) == (world.lks, "63.71", "6371********0009")
    assert calls == [(None, worker.pk)]
    assert AuditEvent.objects.filter(action="people.worker.created", object_id=str(worker.pk)).count() == 1


def test_clients_and_workers_are_registered_only_at_an_active_lks(world):
    draft = OrganisationFactory(name="LKSA Baru Contoh", status="draft")
    before = written()
    with pytest.raises(ValidationError, match="belum aktif"):
        admit(world, actor=world.province_admin, organisation=draft)
    with pytest.raises(ValidationError, match="belum aktif"):
        services.worker_create(actor=world.province_admin, organisation=draft, data=worker_data())
    assert written() == before


def test_a_phone_number_that_lost_its_zero_is_refused_by_the_service_as_by_the_import(world):
    with pytest.raises(ValidationError) as excinfo:
        services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(phone="81234567890"))
    assert "tidak diawali 0, +62 atau 62" in errors_of(excinfo)["phone"][0]
    local = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(phone="3301234"))
    assert local.obj.phone == "3301234"  # a local landline without its area code lost nothing


def test_a_workers_phone_stored_before_the_rule_does_not_block_other_changes(world):
    worker = WorkerFactory(organisation=world.lks, phone="812-3456-7890")
    data = {"phone": "812-3456-7890", "certifications": "Pelatihan 2025"}  # a form sends every field back
    outcome = services.worker_update(actor=world.operator, worker=worker, data=data, expected_version=worker.version)
    assert outcome.obj.certifications == "Pelatihan 2025"


def test_a_worker_with_a_record_cannot_work_with_children(world):
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.worker_create(
            actor=world.operator, organisation=world.lks, data=worker_data(background_check_result="not_clear")
        )
    assert errors_of(excinfo) == {
        "background_check_result": [
            "Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak."
        ]
    }
    assert written() == before


def test_a_missing_or_pending_background_check_is_a_warning(world):
    missing = services.worker_create(
        actor=world.operator,
        organisation=world.lks,
        data=worker_data(background_check_on=None, background_check_result=""),
    )
    assert missing.warnings == ["Pemeriksaan latar belakang untuk bekerja dengan anak belum dicatat."]
    pending = services.worker_create(
        actor=world.operator,
        organisation=world.lks,
        data=worker_data(full_name="Relawan Uji", background_check_result="pending"),
    )
    assert pending.warnings == ["Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat."]


def test_a_worker_not_working_with_children_needs_no_check(world):
    outcome = services.worker_create(
        actor=world.operator,
        organisation=world.lks,
        data=worker_data(works_with_children=False, background_check_on=None, background_check_result=""),
    )
    assert outcome.warnings == []
    assert Worker.objects.get().works_with_children is False


def test_worker_input_problems_are_all_reported(world):
    with pytest.raises(ValidationError) as excinfo:
        services.worker_create(
            actor=world.operator,
            organisation=world.lks,
            data=worker_data(
                full_name="",
                psks_category=ppks("anak_telantar"),
                role="chief",
                nik="6.37101E+15",
                started_on=datetime.date(1980, 1, 1),
                background_check_on=None,
            ),
        )
    errors = errors_of(excinfo)
    assert set(errors) == {"full_name", "psks_category", "role", "nik", "started_on", "background_check_on"}
    assert errors["started_on"] == ["Tanggal mulai bertugas tidak mungkin sebelum tanggal lahir."]
    assert Worker.objects.count() == 0


def test_worker_update_and_end(world):
    worker = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data()).obj
    updated = services.worker_update(
        actor=world.operator, worker=worker, data={"role": "peksos", "nik": None}, expected_version=1
    ).obj
    assert (updated.role, updated.version, updated.nik_masked) == ("peksos", 2, worker.nik_masked)
    with pytest.raises(ConflictError):
        services.worker_update(actor=world.operator, worker=worker, data={"role": "psm"}, expected_version=1)
    with pytest.raises(ValidationError) as excinfo:
        services.worker_end(actor=world.operator, worker=worker, ended_on=datetime.date(2020, 1, 1))
    assert errors_of(excinfo) == {"ended_on": ["Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas."]}
    ended = services.worker_end(actor=world.operator, worker=worker, ended_on=TODAY)
    assert ended.ended_on == TODAY
    with pytest.raises(TransitionError):
        services.worker_end(actor=world.operator, worker=worker, ended_on=TODAY)


@pytest.mark.parametrize("who", ["other_operator", "regency_board", "dinsos_viewer", "outsider"])
def test_workers_are_kept_by_their_own_lks(world, who):
    worker = WorkerFactory(organisation=world.lks)
    with pytest.raises(PermissionDenied):
        services.worker_update(actor=getattr(world, who), worker=worker, data={"role": "psm"}, expected_version=1)
    with pytest.raises(PermissionDenied):
        services.worker_create(actor=getattr(world, who), organisation=world.lks, data=worker_data())
    assert Worker.objects.get().role == "pengasuh"


# --- data-subject rights ------------------------------------------------------------------------------------


def test_an_access_request_exports_everything_held_with_the_nik_masked(world):
    person = admit(world).obj
    services.incident_report(actor=world.operator, person=person, data={"kind": "other", "description": "Uraian."})
    export = services.person_subject_access_export(actor=world.province_admin, person=person)
    assert export["person"]["full_name"] == "Anak Uji Satu"
    assert export["person"]["nik"] == person.nik_masked
    assert CHILD_NIK not in str(export)
    assert [p["status"] for p in export["placements"]] == ["Dilayani"]
    assert [c["giver_name"] for c in export["consents"]] == ["Ibu Uji Satu"]
    assert [i["description"] for i in export["incidents"]] == ["Uraian."]
    assert [a["what"] for a in export["accesses"]] == ["incident_reported", "created"]
    access = PersonAccess.objects.filter(person=person).first()
    assert (access.what, access.purpose, access.actor) == ("exported", "subject_request", world.province_admin)


@pytest.mark.parametrize("who", ["operator", "regency_board", "dinsos_viewer", "outsider"])
def test_only_the_province_admin_answers_access_requests(world, who):
    person = admit(world).obj
    before = written()
    with pytest.raises(PermissionDenied):
        services.person_subject_access_export(actor=getattr(world, who), person=person)
    with pytest.raises(PermissionDenied):
        services.person_restrict(actor=getattr(world, who), person=person, restricted=True, reason="x")
    with pytest.raises(PermissionDenied):
        services.person_erase(actor=getattr(world, who), person=person, reason="x")
    assert written() == before


def test_a_restricted_person_vanishes_from_lists_and_cannot_be_changed(world):
    person = admit(world).obj
    restricted = services.person_restrict(
        actor=world.province_admin, person=person, restricted=True, reason="Permintaan wali"
    )
    assert restricted.is_restricted is True
    assert list(person_list(actor=world.operator).qs) == []
    assert list(person_list(actor=world.regency_board).qs) == []
    assert list(person_list(actor=world.province_admin).qs) == [person]
    with pytest.raises(PermissionDenied):
        services.person_update(actor=world.province_admin, person=person, data={"notes": "x"}, expected_version=2)
    with pytest.raises(PermissionDenied):
        services.placement_discharge(
            actor=world.operator, placement=person.placements.get(), discharged_on=TODAY, reason="other"
        )
    with pytest.raises(TransitionError):
        services.person_restrict(actor=world.province_admin, person=person, restricted=True, reason="lagi")
    lifted = services.person_restrict(actor=world.province_admin, person=person, restricted=False, reason="Selesai")
    assert list(person_list(actor=world.operator).qs) == [lifted]


def test_restriction_needs_a_reason(world):
    person = admit(world).obj
    with pytest.raises(ValidationError) as excinfo:
        services.person_restrict(actor=world.province_admin, person=person, restricted=True, reason=" ")
    assert errors_of(excinfo) == {"reason": ["Alasan wajib diisi."]}
    assert Person.objects.get().is_restricted is False


def test_erasure_is_refused_while_served_or_when_an_incident_exists(world):
    person = admit(world).obj
    before = written()
    with pytest.raises(ValidationError) as excinfo:
        services.person_erase(actor=world.province_admin, person=person, reason="Permintaan", subject_asked=True)
    assert errors_of(excinfo) == {"__all__": ["Orang ini masih dilayani; selesaikan penempatannya dahulu."]}
    assert written() == before
    services.incident_report(actor=world.operator, person=person, data={"kind": "other", "description": "x"})
    services.placement_discharge(
        actor=world.operator, placement=person.placements.get(), discharged_on=TODAY, reason="other"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.person_erase(actor=world.province_admin, person=person, reason="Permintaan", subject_asked=True)
    assert errors_of(excinfo) == {"__all__": ["Ada laporan insiden untuk orang ini; laporan kekerasan wajib disimpan."]}


def test_erasure_within_the_retention_period_needs_the_subjects_request(world, settings):
    settings.SINERGI = {**settings.SINERGI, "PERSON_RETENTION_YEARS": 10}
    person = admit(world).obj
    services.placement_discharge(
        actor=world.operator, placement=person.placements.get(), discharged_on=TODAY, reason="other"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.person_erase(actor=world.province_admin, person=person, reason="Masa simpan")
    assert errors_of(excinfo)["__all__"][0].startswith("Masa simpan data belum berakhir (10 tahun")
    assert Person.objects.get().full_name == "Anak Uji Satu"
    erased = services.person_erase(actor=world.province_admin, person=person, reason="Permintaan", subject_asked=True)
    assert erased.erased_at is not None


def test_erasure_after_retention_blanks_identity_but_keeps_the_counts(world, settings):
    settings.SINERGI = {**settings.SINERGI, "PERSON_RETENTION_YEARS": 10}
    # given a child discharged eleven years ago with an origin village, a KK and a consent
    old_birth = datetime.date(TODAY.year - 25, 5, 20)
    person = PersonFactory(
        organisation=world.lks,
        birth_date=old_birth,
        full_name="Anak Lama Contoh",
        mother_name="Ibu Lama",
        origin_region_id="63.71.01.1001",
        notes="catatan pribadi",
    )
    PlacementFactory(
        person=person,
        admitted_on=datetime.date(TODAY.year - 15, 1, 1),
        status="discharged",
        discharged_on=datetime.date(TODAY.year - 11, 1, 1),
        discharge_reason="reunified",
        discharge_note="Ke rumah paman",
    )
    Consent.objects.create(
        person=person, given_by="parent", giver_name="Ibu Lama", given_on=old_birth, legal_basis="consent", scope="x"
    )
    # when the province admin erases the record
    erased = services.person_erase(actor=world.province_admin, person=person, reason="Masa simpan habis")
    # then identifying fields are blank, while sex, birth year/month, categories and placements remain
    assert (erased.full_name, erased.mother_name, erased.notes, erased.nik_hash, erased.nik_masked) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert erased.birth_date == old_birth.replace(day=1)
    assert erased.sex == "L"
    assert erased.origin_region_id == "63.71"
    assert list(erased.ppks_categories.values_list("code", flat=True)) == ["anak_telantar"]
    placement = erased.placements.get()
    assert (placement.status, placement.discharge_note) == ("discharged", "")
    assert Consent.objects.count() == 0
    # and the person is gone from every list, also the admin's, and no row holds the name
    assert list(person_list(actor=world.province_admin).qs) == []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Person._meta.db_table}")  # noqa: S608
        rows = str(cursor.fetchall())
        cursor.execute(f"SELECT * FROM {AuditEvent._meta.db_table}")  # noqa: S608
        rows += str(cursor.fetchall())
    assert "Anak Lama Contoh" not in rows
    assert "Ibu Lama" not in rows
    with pytest.raises(TransitionError):
        services.person_erase(actor=world.province_admin, person=erased, reason="lagi")


# --- summaries stay in step -----------------------------------------------------------------------------------


def summary_rows():
    from sinergi.people.models import PlacementActive, PlacementMonthly, WorkerCount

    def rows(model, fields):
        return sorted(tuple(row) for row in model.objects.filter(level=2).values_list(*fields))

    return (
        rows(PlacementActive, ["area_code", "ppks_code", "setting", "active"]),
        rows(PlacementMonthly, ["area_code", "month", "ppks_code", "setting", "admissions", "discharges"]),
        rows(WorkerCount, ["area_code", "psks_code", "role", "active"]),
    )


def test_services_keep_the_summaries_equal_to_a_rebuild(world):
    from sinergi.people.summaries import summaries_rebuild

    # given admissions, a transfer, a discharge and worker changes made through the services
    first = admit(world).obj
    second = admit(world, person=person_data(full_name="Anak Uji Dua", nik="", nik_missing_reason="unknown")).obj
    services.placement_transfer(
        actor=world.operator, placement=first.placements.get(), to_organisation=world.lks_other_regency, on=TODAY
    )
    services.placement_discharge(
        actor=world.operator, placement=second.placements.get(), discharged_on=TODAY, reason="reunified"
    )
    worker = services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data()).obj
    services.worker_update(actor=world.operator, worker=worker, data={"role": "peksos"}, expected_version=1)
    services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(full_name="Lain", nik=""))
    services.worker_end(actor=world.operator, worker=worker, ended_on=TODAY)
    incremental = summary_rows()
    # then the active counts are where the people are now (zero rows may be dropped)
    assert [row for row in incremental[0] if row[3]] == [("63.72", "anak_telantar", "residential", 1)]
    assert [row for row in incremental[2] if row[3]] == [("63.71", "lks", "pengasuh", 1)]
    # and a rebuild from scratch gives the same rows
    summaries_rebuild()
    assert summary_rows() == incremental


def test_a_birth_date_of_1900_is_warned_about_in_the_forms_as_in_the_imports(world):
    placeholder = datetime.date(1900, 1, 1)
    person = admit(world, person=person_data(birth_date=placeholder, nik="", nik_missing_reason="not_yet_recorded"))
    worker = services.worker_create(
        actor=world.operator, organisation=world.lks, data=worker_data(birth_date=placeholder, nik="")
    )
    for outcome in (person, worker):
        assert any("tahun (lahir 01-01-1900) tidak wajar." in warning for warning in outcome.warnings), outcome.warnings


@pytest.mark.parametrize("phone", ["=1+1", "@SUM(A1)", "rumah", "12345"])
def test_a_phone_that_is_no_number_is_refused_by_the_service_as_by_the_import(world, phone):
    with pytest.raises(ValidationError) as excinfo:
        services.worker_create(actor=world.operator, organisation=world.lks, data=worker_data(phone=phone))
    assert errors_of(excinfo)["phone"] == [
        f"“{phone}” bukan nomor telepon: tulis nomornya, mis. 0812-3456-7890, atau kosongkan."
    ]


def test_an_admission_that_fails_half_way_leaves_nothing_behind(world, monkeypatch):
    # The person, stay and consent are written before the duplicates are looked for: one transaction, all or nothing
    before = written()

    def broken(**_kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("sinergi.people.services.persons.admission._flag_duplicates", broken)
    with pytest.raises(RuntimeError):
        admit(world)

    assert written() == before
