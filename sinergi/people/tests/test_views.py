"""People pages: the purpose prompt, masking, admission, care, rights, workers and exports — and scope for each role."""

import datetime
import io
import json
import re

import pytest
from django.utils import timezone
from python_calamine import CalamineWorkbook

from sinergi.accounts.models import Membership, Role
from sinergi.accounts.tests.factories import MembershipFactory, UserFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.crypto import decrypt
from sinergi.core.testing import export_link_labels, export_links, otp_login
from sinergi.exchange import exports
from sinergi.exchange.models import ExportJob
from sinergi.people.access import SESSION_KEY
from sinergi.people.choices import CaseStage, DuplicateReason, DuplicateStatus, PlacementStatus
from sinergi.people.models import (
    Consent,
    DuplicateCandidate,
    Incident,
    Person,
    PersonAccess,
    Placement,
    Worker,
    WorkerAccess,
)
from sinergi.people.tests.factories import PersonFactory, PlacementFactory, WorkerFactory, people_world, ppks, psks

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
# A structurally valid, made-up NIK: Banjarmasin Selatan (63.71.01), girl born 12-03-2015 (day + 40), serial 0042.
NEW_NIK = "6371015203150042"


@pytest.fixture
def world():
    return people_world()


@pytest.fixture
def child(world):
    """A boy at the operator's LKSA, in assessment, whose care-plan review is overdue."""
    return PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Budi Contoh",
        stage=CaseStage.ASSESSMENT,
        next_review_on=TODAY - datetime.timedelta(days=3),
    )


@pytest.fixture
def far_child(world):
    """A child at an LKSA in Kota Banjarbaru (outside the Banjarmasin operator's and board's scope)."""
    return PlacementFactory(
        person__organisation=world.lks_other_regency,
        person__full_name="Rina Jauh Contoh",
        stage=CaseStage.REFERRAL,
        next_review_on=TODAY + datetime.timedelta(days=5),
    )


def sign_in(client, user, *, purpose: str | None = "service"):
    """Signs in (with the second factor for province admins) and, unless told not to, picks a purpose."""
    if user.memberships.filter(role="province_admin").exists():
        otp_login(client, user)
    else:
        client.force_login(user)
    if purpose:
        session = client.session
        session[SESSION_KEY] = purpose
        session.save()
    return client


def admit_data(world, **changes) -> dict:
    data = {
        "organisation": world.lks.pk,
        "full_name": "Putri Baru Contoh",
        "sex": "P",
        "birth_date": "2015-03-12",
        "birth_place": "Banjarmasin",
        "nik": NEW_NIK,
        "kk_missing_reason": "unknown",
        "origin_region": "63.71.01.1001",
        "ppks_categories": [ppks("anak_telantar").pk],
        "mother_name": "Siti Ibu Contoh",
        "ppks_category": ppks("anak_telantar").pk,
        "setting": "residential",
        "admitted_on": TODAY.isoformat(),
        "given_by": "parent",
        "giver_name": "Siti Ibu Contoh",
        "given_on": TODAY.isoformat(),
        "legal_basis": "consent",
        "scope": "Pelayanan dan pelaporan",
    }
    return {k: v for k, v in (data | changes).items() if v is not None}


# --- purpose prompt -----------------------------------------------------------------------------------------


def test_list_requires_login(client):
    response = client.get("/people/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_first_person_level_access_asks_for_a_purpose_then_continues(client, world, child):
    sign_in(client, world.operator, purpose=None)
    url = f"/people/{child.person_id}/"

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/people/purpose/?next=%2Fpeople%2F{child.person_id}%2F"
    assert PersonAccess.objects.count() == 0

    response = client.post("/people/purpose/", {"purpose": "case_review", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert client.get(url).status_code == 200
    access = PersonAccess.objects.get()
    assert (access.person_id, access.what, access.purpose, access.actor_name) == (
        child.person_id,
        "viewed",
        "case_review",
        "operator.harapan",
    )


def test_purpose_prompt_refuses_an_unknown_purpose_and_an_outside_next(client, world):
    sign_in(client, world.operator, purpose=None)
    response = client.post("/people/purpose/", {"purpose": "curiosity", "next": "/people/"})
    assert response.status_code == 400
    assert SESSION_KEY not in client.session
    response = client.post("/people/purpose/", {"purpose": "service", "next": "https://evil.example/"})
    assert response["Location"] == "/people/"


def test_htmx_request_without_purpose_is_told_to_navigate(client, world):
    sign_in(client, world.operator, purpose=None)
    response = client.get("/people/", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/people/purpose/?next=")


# --- list and detail ----------------------------------------------------------------------------------------


def test_operator_lists_only_their_lks_with_masked_nik(client, world, child, far_child):
    sign_in(client, world.operator)
    page = client.get("/people/").content.decode()
    nik = decrypt(child.person.nik_encrypted)
    assert "Budi Contoh" in page
    assert child.person.nik_masked in page
    assert nik not in page
    assert "Rina Jauh Contoh" not in page


def test_list_filters_overdue_reviews_and_htmx_gets_only_results(client, world, child):
    PlacementFactory(person__organisation=world.lks, person__full_name="Tepat Waktu Contoh", next_review_on=TODAY)
    sign_in(client, world.operator)
    body = client.get("/people/", {"review": "overdue"}, headers={"HX-Request": "true"}).content.decode()
    assert "Budi Contoh" in body
    assert "Tepat Waktu Contoh" not in body
    assert "<html" not in body


def test_list_query_count_is_bounded(client, world, django_assert_max_num_queries):
    for _ in range(30):
        PlacementFactory(person__organisation=world.lks)
    sign_in(client, world.operator)
    with django_assert_max_num_queries(20):
        assert client.get("/people/").status_code == 200


def test_detail_shows_masked_nik_reminder_consent_and_access_history(client, world, child):
    Consent.objects.create(
        person=child.person,
        given_by="guardian",
        giver_name="Wali Contoh",
        given_on=TODAY,
        legal_basis="consent",
        scope="Pelayanan",
    )
    sign_in(client, world.operator)
    page = client.get(f"/people/{child.person_id}/").content.decode()
    assert child.person.nik_masked in page
    assert decrypt(child.person.nik_encrypted) not in page
    assert "Tampilkan NIK" in page
    assert "Tinjauan rencana pengasuhan berikutnya:" in page and "terlambat" in page
    assert "Wali Contoh" in page
    assert "Riwayat akses data ini" in page and "operator.harapan" in page


def test_board_sees_detail_without_the_show_nik_button(client, world, child):
    sign_in(client, world.regency_board)
    page = client.get(f"/people/{child.person_id}/").content.decode()
    assert child.person.nik_masked in page
    assert "Tampilkan NIK" not in page
    assert "Lanjut ke tahap berikutnya" not in page  # boards view only


def test_operator_reveals_the_full_nik_and_it_is_logged(client, world, child):
    sign_in(client, world.operator)
    response = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert decrypt(child.person.nik_encrypted) in response.content.decode()
    assert PersonAccess.objects.filter(person=child.person, what="viewed_full_nik", purpose="service").count() == 1


def test_the_revealed_nik_takes_the_place_of_its_button_which_is_not_offered_again(client, world, child):
    sign_in(client, world.operator)
    assert "Tampilkan NIK" in client.get(f"/people/{child.person_id}/").content.decode()

    answer = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"}).content.decode()

    assert decrypt(child.person.nik_encrypted) in answer and "(ditampilkan dan dicatat)" in answer
    assert "Tampilkan NIK" not in answer  # a second click would log a second reveal of what is already shown


def test_a_reveal_refused_after_the_button_was_offered_says_so_in_its_place(client, world, child):
    # An operator who also sits on the kabupaten/kota board, whose operator role ends after the page was loaded
    MembershipFactory(user=world.operator, role=Role.REGENCY_BOARD, region_id="63.71")
    sign_in(client, world.operator)
    assert "Tampilkan NIK" in client.get(f"/people/{child.person_id}/").content.decode()
    Membership.objects.filter(user=world.operator, role=Role.LKS_OPERATOR).delete()

    response = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"})

    answer = response.content.decode()
    # An error htmx would not swap by itself: marked as the target's fragment (sinergi.js swaps it)
    assert (response.status_code, response.headers.get("Sinergi-Fragment")) == (403, "1")
    assert f'id="nik-{child.person_id}"' in answer and "Anda tidak berwenang melihat NIK lengkap." in answer
    assert decrypt(child.person.nik_encrypted) not in answer and "Tampilkan NIK" not in answer
    assert not PersonAccess.objects.filter(what="viewed_full_nik").exists()


def test_a_reveal_of_someone_restricted_since_the_page_was_loaded_says_so_in_its_place(client, world, child):
    sign_in(client, world.operator)
    assert "Tampilkan NIK" in client.get(f"/people/{child.person_id}/").content.decode()
    Person.objects.filter(pk=child.person_id).update(is_restricted=True)  # no longer visible to the operator

    response = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"})

    answer = response.content.decode()
    assert (response.status_code, response.headers.get("Sinergi-Fragment")) == (404, "1")
    assert f'id="nik-{child.person_id}"' in answer and "Anda tidak berwenang melihat NIK lengkap." in answer
    # Not even the masked number of someone the user may no longer see
    assert child.person.nik_masked not in answer and decrypt(child.person.nik_encrypted) not in answer
    assert not PersonAccess.objects.filter(what="viewed_full_nik").exists()


@pytest.mark.parametrize("role", ["regency_board", "province_admin", "other_operator"])
def test_others_cannot_reveal_the_full_nik(client, world, child, role):
    sign_in(client, getattr(world, role))
    response = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"})
    assert response.status_code in {403, 404}
    assert decrypt(child.person.nik_encrypted) not in response.content.decode()
    assert not PersonAccess.objects.filter(what="viewed_full_nik").exists()


def test_a_superuser_is_neither_offered_nor_shown_the_full_nik_unless_they_operate_the_lks(client, world, child):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    otp_login(client, superuser)
    session = client.session
    session[SESSION_KEY] = "service"
    session.save()

    assert "Tampilkan NIK" not in client.get(f"/people/{child.person_id}/").content.decode()
    response = client.post(f"/people/{child.person_id}/nik/", headers={"HX-Request": "true"})
    assert response.status_code in {403, 404}
    assert decrypt(child.person.nik_encrypted) not in response.content.decode()
    assert not PersonAccess.objects.filter(what="viewed_full_nik").exists()
    # ... as the operator of the child's LKS, they are
    Membership.objects.create(user=superuser, role=Role.LKS_OPERATOR, organisation=child.person.organisation)
    assert "Tampilkan NIK" in client.get(f"/people/{child.person_id}/").content.decode()


# --- admission ----------------------------------------------------------------------------------------------


def test_operator_admits_a_child_and_sees_masked_nik_consent_and_reminder(client, world):
    sign_in(client, world.operator)
    assert client.get("/people/admit/").status_code == 200

    response = client.post("/people/admit/", admit_data(world), follow=True)

    person = Person.objects.get(full_name="Putri Baru Contoh")
    assert response.redirect_chain[-1][0] == f"/people/{person.pk}/"
    page = response.content.decode()
    assert person.nik_masked == "6371********0042"
    assert "6371********0042" in page and NEW_NIK not in page
    placement = person.placements.get()
    assert (placement.stage, placement.next_review_on) == (CaseStage.REFERRAL, _add_six_months(TODAY))
    assert "Tinjauan rencana pengasuhan berikutnya:" in page
    consent = person.consents.get()
    assert (consent.given_by, consent.giver_name, consent.legal_basis) == ("parent", "Siti Ibu Contoh", "consent")
    assert "Orang tua" in page and "Persetujuan yang sah" in page


def _add_six_months(day: datetime.date) -> datetime.date:
    from sinergi.people.services import add_months

    return add_months(day, 6)


def test_admission_shows_age_rule_warnings_as_messages(client, world):
    sign_in(client, world.operator)
    # A four-year-old as "anak telantar" (6–18): saved, with a warning.
    data = admit_data(world, birth_date="2021-05-01", nik="6371014105210007")
    response = client.post("/people/admit/", data, follow=True)
    assert response.status_code == 200
    assert Person.objects.filter(full_name="Putri Baru Contoh").count() == 1
    assert "di luar batas usia" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"nik": "637101520315004"}, "16 angka"),
        ({"nik": "6.37101E+15"}, "Excel"),
        ({"nik": "", "nik_missing_reason": ""}, "alasan NIK tidak ada"),
        ({"birth_date": "2015-02-30"}, "tanggal yang valid"),
        ({"admitted_on": "2014-01-01"}, "sebelum tanggal lahir"),
        ({"given_by": "", "giver_name": ""}, "Bidang ini harus diisi."),
    ],
)
def test_bad_admission_input_is_refused_inline_and_nothing_is_written(client, world, changes, field_message):
    sign_in(client, world.operator)
    response = client.post("/people/admit/", admit_data(world, **changes))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Data belum tersimpan" in body and field_message in body
    assert Person.objects.count() == 0
    assert Placement.objects.count() == 0
    assert Consent.objects.count() == 0
    assert not AuditEvent.objects.filter(action="people.person.created").exists()


def test_the_area_of_origin_may_be_a_kecamatan_when_the_desa_is_unknown(client, world):
    # As the import takes it ("Kabupaten/Kota asal" + "Kecamatan asal" without a desa).
    sign_in(client, world.operator)
    response = client.post("/people/admit/", admit_data(world, origin_region="63.71.01"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Person.objects.get(full_name="Putri Baru Contoh").origin_region_id == "63.71.01"


def test_a_child_cannot_be_admitted_to_an_elderly_home(client, world):
    sign_in(client, world.province_admin)
    data = admit_data(world, organisation=world.elderly_home.pk)
    response = client.post("/people/admit/", data)
    assert response.status_code == 400
    assert "Anak tidak dapat ditempatkan di LKS lanjut usia." in response.content.decode()
    assert Person.objects.count() == 0


def test_same_nik_active_at_the_same_lks_is_refused(client, world, child):
    sign_in(client, world.operator)
    response = client.post("/people/admit/", admit_data(world, nik=decrypt(child.person.nik_encrypted)))
    assert response.status_code == 400
    assert "sudah terdaftar sebagai penerima layanan aktif di LKS ini" in response.content.decode()
    assert Person.objects.count() == 1


@pytest.mark.parametrize("role", ["regency_board", "dinsos_viewer", "outsider"])
def test_roles_that_may_not_admit_get_403(client, world, role):
    sign_in(client, getattr(world, role))
    assert client.get("/people/admit/").status_code == 403
    assert client.post("/people/admit/", admit_data(world)).status_code == 403
    assert Person.objects.count() == 0


def test_operator_cannot_admit_into_another_lks(client, world):
    sign_in(client, world.operator)
    response = client.post("/people/admit/", admit_data(world, organisation=world.lks_same_regency.pk))
    assert response.status_code == 400
    assert Person.objects.count() == 0


# --- care: stage, review, discharge, consent, incident -------------------------------------------------------


def test_operator_advances_the_stage(client, world, child):
    sign_in(client, world.operator)
    response = client.post(f"/people/placements/{child.pk}/stage/", {"stage": "perencanaan"})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.stage == CaseStage.PLANNING


def test_skipping_a_stage_is_refused(client, world, child):
    sign_in(client, world.operator)
    response = client.post(f"/people/placements/{child.pk}/stage/", {"stage": "pelaksanaan"}, follow=True)
    child.refresh_from_db()
    assert child.stage == CaseStage.ASSESSMENT
    assert "msg-error" in response.content.decode()


def test_board_cannot_advance_the_stage(client, world, child):
    sign_in(client, world.regency_board)
    client.post(f"/people/placements/{child.pk}/stage/", {"stage": "perencanaan"})
    child.refresh_from_db()
    assert child.stage == CaseStage.ASSESSMENT


def test_recording_a_review_moves_the_next_one_six_months_on(client, world, child):
    sign_in(client, world.operator)
    response = client.post(
        f"/people/placements/{child.pk}/review/", {"reviewed_on": TODAY.isoformat(), "summary": "Baik"}, follow=True
    )
    child.refresh_from_db()
    assert child.next_review_on == _add_six_months(TODAY)
    assert child.reviews.get().summary == "Baik"
    assert "Tinjauan tercatat" in response.content.decode()


def test_review_without_summary_is_refused_inline(client, world, child):
    sign_in(client, world.operator)
    response = client.post(f"/people/placements/{child.pk}/review/", {"reviewed_on": TODAY.isoformat()})
    assert response.status_code == 400
    assert child.reviews.count() == 0


def test_discharge_before_admission_is_refused_and_nothing_changes(client, world, child):
    sign_in(client, world.operator)
    before = (child.admitted_on - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        f"/people/placements/{child.pk}/discharge/", {"discharged_on": before, "reason": "reunified"}
    )
    assert response.status_code == 400
    assert "Tanggal keluar tidak mungkin sebelum tanggal masuk." in response.content.decode()
    child.refresh_from_db()
    assert (child.status, child.discharged_on) == (PlacementStatus.ACTIVE, None)


def test_discharge_ends_the_placement(client, world, child):
    sign_in(client, world.operator)
    assert client.get(f"/people/placements/{child.pk}/discharge/").status_code == 200
    response = client.post(
        f"/people/placements/{child.pk}/discharge/", {"discharged_on": TODAY.isoformat(), "reason": "reunified"}
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert (child.status, child.discharged_on, child.discharge_reason, child.stage) == (
        PlacementStatus.DISCHARGED,
        TODAY,
        "reunified",
        CaseStage.TERMINATION,
    )


def test_board_cannot_open_the_discharge_form(client, world, child):
    sign_in(client, world.regency_board)
    assert client.get(f"/people/placements/{child.pk}/discharge/").status_code == 403


def test_a_board_member_who_operates_an_lks_elsewhere_is_not_offered_forms_for_a_stay_they_may_not_change(
    client, world, child
):
    # The fiftieth review: the operator role opened the forms (200, a button), the board seat showed the stay, and the
    # save was refused
    MembershipFactory(
        user=world.regency_board, role=Role.LKS_OPERATOR, region_id=None, organisation=world.lks_other_regency
    )
    sign_in(client, world.regency_board)

    assert client.get(f"/people/placements/{child.pk}/discharge/").status_code == 404
    assert client.get(f"/people/placements/{child.pk}/correct/").status_code == 404


def test_consent_and_incident_forms(client, world, child, mailoutbox, django_capture_on_commit_callbacks):
    sign_in(client, world.operator)
    consent = {
        "given_by": "guardian",
        "giver_name": "Wali Contoh",
        "given_on": TODAY.isoformat(),
        "legal_basis": "consent",
        "scope": "Pelayanan",
    }
    assert client.post(f"/people/{child.person_id}/consent/", consent).status_code == 302
    assert child.person.consents.get().giver_name == "Wali Contoh"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/people/{child.person_id}/incident/", {"kind": "physical", "description": "Memar di lengan."}
        )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert (incident.person_id, incident.kind, incident.regency_code) == (child.person_id, "physical", "63.71")


def given_consent(person, given_on=TODAY - datetime.timedelta(days=30)) -> Consent:
    return Consent.objects.create(
        person=person, given_by="guardian", giver_name="Wali Contoh", given_on=given_on, legal_basis="consent",
        scope="Pelayanan",
    )  # fmt: skip


def test_the_operator_records_that_a_consent_was_withdrawn_and_the_record_stays(client, world, child):
    consent = given_consent(child.person)
    sign_in(client, world.operator)
    page = client.get(f"/people/{child.person_id}/").content.decode()
    assert f'action="/people/consents/{consent.pk}/withdraw/"' in page

    unconfirmed = client.post(
        f"/people/consents/{consent.pk}/withdraw/", {"withdrawn_on": TODAY.isoformat()}, follow=True
    )
    consent.refresh_from_db()
    assert consent.withdrawn_on is None  # a slip of the button withdraws nothing
    assert "centang “Pencabutan tidak dapat dibatalkan”" in unconfirmed.content.decode()

    response = client.post(
        f"/people/consents/{consent.pk}/withdraw/", {"withdrawn_on": TODAY.isoformat(), "confirm": "on"}
    )

    assert response.status_code == 302 and response["Location"] == f"/people/{child.person_id}/#consents"
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY
    assert AuditEvent.objects.filter(action="people.consent.withdrawn").count() == 1
    page = client.get(f"/people/{child.person_id}/").content.decode()
    assert f'action="/people/consents/{consent.pk}/withdraw/"' not in page  # withdrawn once


def test_a_withdrawal_before_the_consent_or_by_a_board_changes_nothing(client, world, child, far_child):
    consent = given_consent(child.person)
    far = given_consent(far_child.person)
    sign_in(client, world.operator)
    early = (consent.given_on - datetime.timedelta(days=1)).isoformat()

    refused = client.post(
        f"/people/consents/{consent.pk}/withdraw/", {"withdrawn_on": early, "confirm": "on"}, follow=True
    )
    outside = client.post(f"/people/consents/{far.pk}/withdraw/", {"withdrawn_on": TODAY.isoformat(), "confirm": "on"})
    client.logout()
    sign_in(client, world.regency_board)  # sees the child, may not change their data
    board = client.post(
        f"/people/consents/{consent.pk}/withdraw/", {"withdrawn_on": TODAY.isoformat(), "confirm": "on"}, follow=True
    )

    assert "Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan." in refused.content.decode()
    assert outside.status_code == 404
    assert "tidak berwenang" in board.content.decode()
    assert not Consent.objects.filter(withdrawn_on__isnull=False).exists()


def test_a_withdrawal_recorded_on_the_wrong_day_is_corrected_and_the_audit_keeps_both_days(client, world, child):
    consent = given_consent(child.person)
    slip, right = TODAY, TODAY - datetime.timedelta(days=3)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=slip)
    sign_in(client, world.operator)
    page = client.get(f"/people/{child.person_id}/").content.decode()
    correct = f"/people/consents/{consent.pk}/withdrawal/correct/"
    assert f'action="{correct}"' in page

    without_reason = client.post(correct, {"withdrawn_on": right.isoformat(), "note": ""}, follow=True)
    consent.refresh_from_db()
    assert consent.withdrawn_on == slip
    assert "Isi tanggal pencabutan yang benar dan alasan koreksinya." in without_reason.content.decode()

    response = client.post(correct, {"withdrawn_on": right.isoformat(), "note": "Salah ketik tanggal surat"})

    assert response.status_code == 302 and response["Location"] == f"/people/{child.person_id}/#consents"
    consent.refresh_from_db()
    assert consent.withdrawn_on == right
    event = AuditEvent.objects.get(action="people.consent.withdrawal_corrected")
    assert event.changes == {"withdrawn_on": [slip.isoformat(), right.isoformat()]}
    assert event.data["note"] == "Salah ketik tanggal surat"


def test_a_correction_cannot_undo_a_withdrawal_or_move_it_before_the_consent(client, world, child):
    consent = given_consent(child.person)
    open_consent = given_consent(child.person, given_on=TODAY - datetime.timedelta(days=5))
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=TODAY)
    sign_in(client, world.operator)
    early = (consent.given_on - datetime.timedelta(days=1)).isoformat()
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()

    pages = [
        client.post(
            f"/people/consents/{consent.pk}/withdrawal/correct/", {"withdrawn_on": day, "note": "Koreksi"}, follow=True
        ).content.decode()
        for day in (early, tomorrow, TODAY.isoformat())
    ]
    not_withdrawn = client.post(
        f"/people/consents/{open_consent.pk}/withdrawal/correct/",
        {"withdrawn_on": TODAY.isoformat(), "note": "Koreksi"},
        follow=True,
    ).content.decode()
    client.logout()
    sign_in(client, world.regency_board)
    board = client.post(
        f"/people/consents/{consent.pk}/withdrawal/correct/",
        {"withdrawn_on": (TODAY - datetime.timedelta(days=1)).isoformat(), "note": "Koreksi"},
        follow=True,
    ).content.decode()

    assert "Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan." in pages[0]
    assert "Tanggal tidak boleh di masa depan." in pages[1]
    assert "Tanggal itu sudah tercatat; tidak ada yang dikoreksi." in pages[2]
    assert "belum dicabut" in not_withdrawn
    assert "tidak berwenang" in board
    assert Consent.objects.get(pk=consent.pk).withdrawn_on == TODAY
    assert Consent.objects.get(pk=open_consent.pk).withdrawn_on is None
    assert not AuditEvent.objects.filter(action="people.consent.withdrawal_corrected").exists()


def test_the_clients_page_shows_what_changed_from_what_to_what_to_those_who_may_change_it(client, world, child):
    # The fifty-fourth review M1: the values were kept in the audit but shown nowhere
    from sinergi.people import services

    consent = given_consent(child.person)
    services.consent_withdraw(actor=world.operator, consent=consent, on=TODAY)
    services.consent_withdrawal_correct(
        actor=world.operator, consent=consent, on=TODAY - datetime.timedelta(days=2), note="Salah tanggal"
    )
    person = child.person
    person.refresh_from_db()
    services.person_update(actor=world.operator, person=person, data={"sex": "P"}, expected_version=person.version)

    sign_in(client, world.operator)
    history = client.get(f"/people/{child.person_id}/").content.decode().split('id="history"')[1]
    client.logout()
    sign_in(client, world.regency_board)  # sees the child, may not change the record
    board_page = client.get(f"/people/{child.person_id}/").content.decode()

    assert "Tanggal penarikan persetujuan dikoreksi" in history and "Persetujuan ditarik" in history
    from django.utils.formats import date_format

    today, two_days_ago = date_format(TODAY), date_format(TODAY - datetime.timedelta(days=2))
    assert f"— → {today}" in history and f"{today} → {two_days_ago}" in history
    assert "Laki-laki" in history and "Perempuan" in history  # the sex, before and after, in words
    assert 'id="history"' not in board_page


def test_incident_without_description_is_refused_inline(client, world, child):
    sign_in(client, world.operator)
    response = client.post(f"/people/{child.person_id}/incident/", {"kind": "physical", "description": ""})
    assert response.status_code == 400
    assert Incident.objects.count() == 0


def test_reviews_due_page_lists_overdue_and_soon_in_scope(client, world, child, far_child):
    PlacementFactory(
        person__organisation=world.lks,
        person__full_name="Nanti Contoh",
        next_review_on=TODAY + datetime.timedelta(days=60),
    )
    sign_in(client, world.operator)
    page = client.get("/people/reviews/").content.decode()
    assert "Budi Contoh" in page and "terlambat" in page
    assert "Nanti Contoh" not in page
    assert "Rina Jauh Contoh" not in page


# --- duplicates ---------------------------------------------------------------------------------------------


@pytest.fixture
def duplicate(world, child):
    """Budi, served before at the neighbouring LKS (gone home since), registered there without his NIK."""
    twin = PersonFactory(organisation=world.lks_same_regency, full_name="Budi Contoh", nik="")
    PlacementFactory(
        person=twin,
        admitted_on=TODAY - datetime.timedelta(days=100),
        status=PlacementStatus.DISCHARGED,
        discharged_on=TODAY - datetime.timedelta(days=50),
        discharge_reason="reunified",
    )
    return DuplicateCandidate.objects.create(
        person=twin, other=child.person, reason=DuplicateReason.CLOSE_MATCH, province_code="63", regency_code="63.71"
    )


def test_board_sees_both_records_masked_and_decides_same_person(client, world, child, duplicate):
    sign_in(client, world.regency_board)
    page = client.get("/people/duplicates/").content.decode()
    assert page.count("Budi Contoh") >= 2
    assert child.person.nik_masked in page and decrypt(child.person.nik_encrypted) not in page
    assert PersonAccess.objects.filter(what="viewed_duplicate", purpose="duplicate").count() == 2

    # "Orang yang sama" from the list leads to the merge page; nothing is decided before it is confirmed there
    response = client.post(f"/people/duplicates/{duplicate.pk}/resolve/", {"decision": "same"})
    assert response["Location"] == f"/people/duplicates/{duplicate.pk}/merge/"
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.OPEN
    assert f'href="/people/duplicates/{duplicate.pk}/merge/"' in page


def test_board_dismisses_a_candidate(client, world, duplicate):
    sign_in(client, world.regency_board)
    client.post(f"/people/duplicates/{duplicate.pk}/resolve/", {"decision": "different"})
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.DISMISSED


@pytest.mark.parametrize(("role", "status"), [("other_board", 404), ("operator", 403), ("dinsos_viewer", 403)])
def test_others_cannot_resolve(client, world, duplicate, role, status):
    sign_in(client, getattr(world, role))
    assert client.post(f"/people/duplicates/{duplicate.pk}/resolve/", {"decision": "same"}).status_code == status
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.OPEN


def test_the_merge_page_shows_both_records_and_what_happens_to_each_stay(client, world, child, duplicate):
    sign_in(client, world.regency_board)

    page = client.get(f"/people/duplicates/{duplicate.pk}/merge/").content.decode()

    assert page.count("Budi Contoh") >= 4
    assert child.person.nik_masked in page and decrypt(child.person.nik_encrypted) not in page
    # the record with a NIK is offered to keep; the other's stay (at another LKS) moves to it
    assert f'value="{child.person.pk}" checked' in page
    assert f'value="{duplicate.person_id}">' in page
    assert "Dipindahkan ke data ini: LKSA Tetangga Contoh, masuk" in page
    assert PersonAccess.objects.filter(what="viewed_duplicate", purpose="duplicate").count() == 2


def test_the_board_merges_and_the_retired_record_leads_to_the_kept_one(client, world, child, duplicate):
    sign_in(client, world.regency_board)
    twin = duplicate.person

    response = client.post(f"/people/duplicates/{duplicate.pk}/merge/", {"keep": child.person.pk}, follow=True)

    assert response.redirect_chain == [("/people/duplicates/", 302)]
    assert "Kedua data digabungkan menjadi satu: Budi Contoh (ID" in response.content.decode()
    twin.refresh_from_db()
    assert twin.merged_into == child.person
    assert set(Placement.objects.values_list("person_id", flat=True)) == {child.person.pk}
    # the retired record's page leads to the kept one, with a word why
    response = client.get(f"/people/{twin.pk}/", follow=True)
    assert response.redirect_chain == [(f"/people/{child.person.pk}/", 302)]
    assert "Data ini telah digabungkan ke data Budi Contoh" in response.content.decode()
    # and no list or search finds it
    listed = client.get("/people/?q=budi").content.decode()
    assert f"/people/{child.person.pk}/" in listed and f"/people/{twin.pk}/" not in listed


def test_the_retired_records_page_is_not_found_for_those_who_may_not_see_the_kept_one(client, world, child, duplicate):
    from sinergi.people import services

    twin = duplicate.person
    # the kept record stays located at the operator's LKS, where it is served now
    services.duplicate_merge(actor=world.regency_board, candidate=duplicate, keep=child.person)
    child.person.refresh_from_db()
    assert child.person.organisation == world.lks
    # the neighbouring LKS held the retired record, but may not see the kept one
    sign_in(client, world.other_operator)
    assert client.get(f"/people/{twin.pk}/").status_code == 404
    assert client.get(f"/people/{child.person.pk}/").status_code == 404
    sign_in(client, world.far_operator)
    assert client.get(f"/people/{twin.pk}/").status_code == 404


def test_a_refused_merge_is_said_on_the_page_and_nothing_changes(client, world, child, duplicate):
    Person.objects.filter(pk=duplicate.person_id).update(sex="P")
    sign_in(client, world.regency_board)
    before = list(Person.objects.order_by("pk").values()), list(Placement.objects.order_by("pk").values())

    response = client.post(f"/people/duplicates/{duplicate.pk}/merge/", {"keep": child.person.pk})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Data belum digabungkan." in page and "Kedua data memiliki jenis kelamin berbeda" in page
    assert (list(Person.objects.order_by("pk").values()), list(Placement.objects.order_by("pk").values())) == before
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.OPEN


@pytest.mark.parametrize(("role", "status"), [("other_board", 404), ("operator", 403), ("dinsos_viewer", 403)])
def test_others_cannot_open_or_confirm_a_merge(client, world, child, duplicate, role, status):
    sign_in(client, getattr(world, role))
    assert client.get(f"/people/duplicates/{duplicate.pk}/merge/").status_code == status
    assert client.post(f"/people/duplicates/{duplicate.pk}/merge/", {"keep": child.person.pk}).status_code == status
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


def test_the_merge_page_asks_for_a_purpose_first(client, world, duplicate):
    sign_in(client, world.regency_board, purpose=None)
    response = client.get(f"/people/duplicates/{duplicate.pk}/merge/")
    assert response.status_code == 302 and response["Location"].startswith("/people/purpose/")


# --- data-subject rights ------------------------------------------------------------------------------------


def test_admin_answers_an_access_request_as_page_and_json(client, world, child):
    sign_in(client, world.province_admin)
    page = client.get(f"/people/{child.person_id}/subject-request/").content.decode()
    assert "Budi Contoh" in page and child.person.nik_masked in page
    assert "Data pribadi" in page and "Penempatan" in page

    response = client.get(f"/people/{child.person_id}/subject-request/?format=json")
    assert response["Content-Disposition"].startswith('attachment; filename="permintaan-akses-')
    export = json.loads(response.content)
    assert export["person"]["full_name"] == "Budi Contoh"
    assert export["person"]["nik"] == child.person.nik_masked
    assert decrypt(child.person.nik_encrypted) not in response.content.decode()
    assert AuditEvent.objects.filter(action="people.person.subject_access_exported").count() == 2


def test_the_audit_tells_the_access_request_page_read_from_its_copy_downloaded(client, world, child):
    # Given an administrator who opens the access-request page (as for an erasure) and then downloads the copy
    sign_in(client, world.province_admin)
    client.get(f"/people/{child.person_id}/subject-request/")
    client.get(f"/people/{child.person_id}/subject-request/?format=json")

    # Then the audit records how each was handed over, and the log says it in words
    from sinergi.audit.display import audit_log_entries

    events = AuditEvent.objects.filter(action="people.person.subject_access_exported").order_by("pk")
    assert [event.data.get("format") for event in events] == ["page", "json"]
    viewed, downloaded = (entry.action for entry in audit_log_entries(events))
    assert "dilihat" in viewed and "diunduh" not in viewed
    assert "diunduh" in downloaded


def test_the_reasons_the_audit_keeps_say_not_to_name_the_person(client, world, child):
    # (Fifty-fourth review M7: an erasure's reason naming the mother outlived the erasure in the audit.)
    hint = "Jangan menulis nama atau NIK; alasan ini disimpan di log audit."
    sign_in(client, world.province_admin)
    page = client.get(f"/people/{child.person_id}/subject-request/").content.decode()
    # under the restriction's reason and the erasure's
    assert page.count(hint) == 2
    assert 'aria-describedby="restrict-reason-help"' in page and 'aria-describedby="erase-reason-help"' in page

    # and under the reason of a withdrawal's correction, on the client's page
    consent = given_consent(child.person)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=TODAY)
    operator = sign_in(type(client)(), world.operator)
    page = operator.get(f"/people/{child.person_id}/").content.decode()
    assert f'id="withdrawal-note-help-{consent.pk}"' in page and hint in page


def test_the_access_request_page_writes_moments_in_local_time_not_iso(client, world, child):
    # Given a client recorded at 02:15 UTC (10:15 in Banjarmasin)
    Person.objects.filter(pk=child.person_id).update(
        created_at=datetime.datetime(2026, 12, 6, 2, 15, 36, 815877, tzinfo=datetime.UTC)
    )
    sign_in(client, world.province_admin)

    # When the administrator reads the access-request page
    page = client.get(f"/people/{child.person_id}/subject-request/").content.decode()

    # Then moments read as the rest of the site writes them, in local time, and no ISO text is left
    assert "6 Desember 2026 10.15" in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page)
    assert "2026-12-06" not in page


@pytest.mark.parametrize("role", ["operator", "regency_board", "dinsos_viewer"])
def test_only_administrators_answer_access_requests(client, world, child, role):
    sign_in(client, getattr(world, role))
    assert client.get(f"/people/{child.person_id}/subject-request/").status_code == 403
    assert client.post(f"/people/{child.person_id}/erase/", {"reason": "x", "confirm": "on"}).status_code == 403
    assert Person.objects.get(pk=child.person_id).full_name == "Budi Contoh"


def test_restricting_hides_the_person_from_the_operator_until_lifted(client, world, child):
    sign_in(client, world.province_admin)
    client.post(f"/people/{child.person_id}/restrict/", {"restricted": "1", "reason": "Permintaan wali"})
    assert Person.objects.get(pk=child.person_id).is_restricted is True
    operator = sign_in(type(client)(), world.operator)
    assert operator.get(f"/people/{child.person_id}/").status_code == 404
    assert "Budi Contoh" not in operator.get("/people/").content.decode()

    client.post(f"/people/{child.person_id}/restrict/", {"restricted": "0", "reason": "Selesai"})
    assert operator.get(f"/people/{child.person_id}/").status_code == 200


def test_restricting_without_reason_changes_nothing(client, world, child):
    sign_in(client, world.province_admin)
    client.post(f"/people/{child.person_id}/restrict/", {"restricted": "1", "reason": ""})
    assert Person.objects.get(pk=child.person_id).is_restricted is False


def test_erasure_is_refused_while_the_person_is_served(client, world, child):
    sign_in(client, world.province_admin)
    response = client.post(
        f"/people/{child.person_id}/erase/",
        {"reason": "Permintaan", "confirm": "on", "subject_asked": "on"},
        follow=True,
    )
    assert "masih dilayani" in response.content.decode()
    assert Person.objects.get(pk=child.person_id).full_name == "Budi Contoh"


def test_erasure_needs_the_confirmation(client, world, child):
    Placement.objects.filter(pk=child.pk).update(status="discharged", discharged_on=TODAY, discharge_reason="other")
    sign_in(client, world.province_admin)
    client.post(f"/people/{child.person_id}/erase/", {"reason": "Permintaan", "subject_asked": "on"})
    assert Person.objects.get(pk=child.person_id).erased_at is None


def test_erasure_on_request_after_discharge_blanks_the_identity(client, world, child):
    Placement.objects.filter(pk=child.pk).update(status="discharged", discharged_on=TODAY, discharge_reason="other")
    sign_in(client, world.province_admin)
    response = client.post(
        f"/people/{child.person_id}/erase/", {"reason": "Permintaan", "confirm": "on", "subject_asked": "on"}
    )
    assert response["Location"] == "/people/"
    person = Person.objects.get(pk=child.person_id)
    assert (person.full_name, person.nik_hash, person.nik_masked, person.sex) == ("", "", "", "L")
    assert person.erased_at is not None


# --- exports ------------------------------------------------------------------------------------------------


def test_the_client_list_downloads_through_the_exchange_export_with_its_filters(client, world, child):
    PlacementFactory(person__organisation=world.lks, person__full_name="Ani Contoh")
    sign_in(client, world.operator)
    links = export_links(client.get("/people/", {"q": "budi", "stage": "asesmen"}).content.decode())
    assert links == {
        "csv": "/exchange/export/clients/?q=budi&stage=asesmen&format=csv",
        "csv;": "/exchange/export/clients/?q=budi&stage=asesmen&format=csv&sep=semicolon",
        "xlsx": "/exchange/export/clients/?q=budi&stage=asesmen&format=xlsx",
    }

    response = client.get(links["csv"])

    text = b"".join(response.streaming_content).decode("utf-8-sig")  # streamed, not built in memory
    assert [line.split(",")[1] for line in text.splitlines()[1:]] == ["Budi Contoh"]
    assert decrypt(child.person.nik_encrypted) not in text and child.person.nik_masked in text
    event = AuditEvent.objects.get(action="exchange.clients.exported")
    assert (event.data["rows"], event.data["format"], event.actor_name) == (1, "csv", "operator.harapan")
    assert list(PersonAccess.objects.values_list("person_id", "what", "purpose")) == [
        (child.person_id, "exported", "service")
    ]


def test_the_client_list_xlsx_follows_the_interface_language(client, world, child, settings):
    sign_in(client, world.operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(export_links(client.get("/people/").content.decode())["xlsx"])

    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names[0] == "Client data"
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["ID", "Full name", "Sex"]
    assert rows[1][1:3] == ["Budi Contoh", "Male"]


def test_a_large_client_list_xlsx_is_made_in_the_background(client, world, child, settings, monkeypatch):
    monkeypatch.setattr(exports.asking, "_enqueue", lambda job: None)
    settings.SINERGI = {**settings.SINERGI, "EXPORT_XLSX_SYNC_ROWS": 0}
    sign_in(client, world.operator, purpose="supervision")

    response = client.get(export_links(client.get("/people/", {"q": "budi"}).content.decode())["xlsx"])

    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exchange/exports/{job.pk}/"
    assert (job.entity, job.filters, job.purpose) == ("clients", {"q": ["budi"]}, "supervision")


def test_the_old_client_download_address_sends_to_the_exchange_export_unchanged(client, world):
    sign_in(client, world.operator)

    response = client.get("/people/export/?status=active&review=due&sex=P&format=xlsx")

    assert response.status_code == 302
    assert response["Location"] == "/exchange/export/clients/?status=active&review=due&sex=P&format=xlsx"
    assert client.get("/people/export/")["Location"] == "/exchange/export/clients/"


@pytest.mark.parametrize("role", ["regency_board", "dinsos_viewer", "outsider"])
def test_roles_without_export_permission_get_no_buttons_nor_a_file_and_nothing_is_logged(client, world, child, role):
    sign_in(client, getattr(world, role))
    page = client.get("/people/")
    assert page.status_code == 403 or not export_links(page.content.decode())
    assert client.get("/exchange/export/clients/?format=csv").status_code == 403
    assert not AuditEvent.objects.filter(action="exchange.clients.exported").exists()
    assert not PersonAccess.objects.exists()


# --- workers ------------------------------------------------------------------------------------------------


def test_operator_registers_a_worker_who_works_with_children(client, world):
    sign_in(client, world.operator)
    assert client.get("/people/workers/new/").status_code == 200
    response = client.post(
        "/people/workers/new/",
        {
            "organisation": world.lks.pk,
            "full_name": "Pengasuh Baru Contoh",
            "sex": "P",
            "psks_category": psks("psm").pk,
            "role": "pengasuh",
            "job_title": "Pengasuh asrama putri",
            "certifications": "Pelatihan pengasuhan 2024",
            "works_with_children": "on",
            "background_check_on": "2025-01-10",
            "background_check_result": "clear",
        },
    )
    worker = Worker.objects.get(full_name="Pengasuh Baru Contoh")
    assert response["Location"] == f"/people/workers/{worker.pk}/"
    assert (worker.organisation, worker.background_check_result, worker.background_check_on) == (
        world.lks,
        "clear",
        datetime.date(2025, 1, 10),
    )
    page = client.get(response["Location"]).content.decode()
    assert "Pelatihan pengasuhan 2024" in page and "Tidak ada catatan kekerasan terhadap anak" in page
    assert worker.job_title == "Pengasuh asrama putri" and "Pengasuh asrama putri" in page


def test_worker_form_refuses_bad_input_and_writes_nothing(client, world):
    sign_in(client, world.operator)
    response = client.post(
        "/people/workers/new/", {"organisation": world.lks.pk, "full_name": "", "sex": "", "role": "pengasuh"}
    )
    assert response.status_code == 400
    assert Worker.objects.count() == 0


def test_operator_edits_a_worker_and_a_stale_version_is_refused(client, world):
    worker = WorkerFactory(organisation=world.lks)
    sign_in(client, world.operator)
    data = {
        "full_name": "Pengasuh Diubah Contoh",
        "sex": "P",
        "psks_category": worker.psks_category_id,
        "role": "peksos",
        "version": worker.version,
    }
    assert client.post(f"/people/workers/{worker.pk}/edit/", data).status_code == 302
    worker.refresh_from_db()
    assert (worker.full_name, worker.role) == ("Pengasuh Diubah Contoh", "peksos")
    response = client.post(f"/people/workers/{worker.pk}/edit/", data | {"full_name": "Lagi Contoh"})
    assert response.status_code == 409
    worker.refresh_from_db()
    assert worker.full_name == "Pengasuh Diubah Contoh"


def test_a_tksk_and_a_wpks_read_naturally_on_the_english_workers_list(client, world, settings):
    # The list showed "Sub-district social welfare worker" beside a bare "TKSK", and "Women social welfare leader"
    WorkerFactory(organisation=world.lks, psks_category=psks("tksk"), role="tksk", full_name="Tksk Contoh")
    WorkerFactory(organisation=world.lks, psks_category=psks("wpks"), role="relawan", full_name="Wpks Contoh")
    sign_in(client, world.operator)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/people/workers/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    indonesian = client.get("/people/workers/").content.decode()

    assert english.count("District social welfare worker (TKSK)") >= 2  # the category and the role
    assert "Women&#x27;s social welfare leader (WPKS)" in english
    assert "Sub-district" not in english and "Women social welfare leader" not in english
    assert "Tenaga Kesejahteraan Sosial Kecamatan" in indonesian and ">TKSK<" in indonesian
    assert "Wanita Pemimpin Kesejahteraan Sosial" in indonesian


def test_a_workers_page_asks_for_the_purpose_first_and_logs_every_view_with_it(client, world):
    # A worker's NIK, birth date and background check are personal data, as a client's are (UU PDP).
    worker = WorkerFactory(organisation=world.lks, full_name="Pengasuh Dicatat Contoh")
    sign_in(client, world.operator, purpose=None)
    for url in ("/people/workers/", f"/people/workers/{worker.pk}/"):
        assert client.get(url)["Location"].startswith("/people/purpose/?next=")
    assert not WorkerAccess.objects.exists()

    client.post("/people/purpose/", {"purpose": "supervision", "next": f"/people/workers/{worker.pk}/"})
    page = client.get(f"/people/workers/{worker.pk}/").content.decode()

    access = WorkerAccess.objects.get()
    assert (access.worker, access.what, access.purpose, access.actor_name) == (
        worker,
        "viewed",
        "supervision",
        world.operator.username,
    )
    assert "Riwayat akses data ini" in page and "dilihat" in page and "Pengawasan / monitoring" in page


def test_registering_and_editing_a_worker_is_logged_with_the_sessions_purpose(client, world):
    sign_in(client, world.operator, purpose="case_review")
    data = {"organisation": world.lks.pk, "full_name": "Pekerja Log Contoh", "sex": "L"}
    data |= {"psks_category": psks("psm").pk, "role": "psm"}
    client.post("/people/workers/new/", data)
    worker = Worker.objects.get(full_name="Pekerja Log Contoh")
    client.post(f"/people/workers/{worker.pk}/edit/", data | {"phone": "0811 5555 0101", "version": worker.version})

    logged = list(WorkerAccess.objects.filter(worker=worker).order_by("pk").values_list("what", "purpose"))
    assert logged == [("created", "case_review"), ("changed", "case_review")]
    event = AuditEvent.objects.filter(action="people.worker.updated").get()
    assert event.purpose == "case_review"


def test_the_operator_records_that_a_worker_stopped_serving(client, world):
    worker = WorkerFactory(organisation=world.lks, started_on=TODAY - datetime.timedelta(days=400))
    sign_in(client, world.operator)
    assert f'action="/people/workers/{worker.pk}/end/"' in client.get(f"/people/workers/{worker.pk}/").content.decode()

    response = client.post(f"/people/workers/{worker.pk}/end/", {"ended_on": TODAY.isoformat()}, follow=True)

    worker.refresh_from_db()
    assert worker.ended_on == TODAY
    assert "Pekerja tercatat berhenti bertugas." in response.content.decode()
    assert AuditEvent.objects.filter(action="people.worker.ended").count() == 1


def test_a_worker_end_before_the_start_or_by_a_board_changes_nothing(client, world):
    worker = WorkerFactory(organisation=world.lks, started_on=TODAY - datetime.timedelta(days=10))
    sign_in(client, world.operator)
    early = (TODAY - datetime.timedelta(days=11)).isoformat()

    refused = client.post(f"/people/workers/{worker.pk}/end/", {"ended_on": early}, follow=True)
    client.logout()
    sign_in(client, world.regency_board)
    board = client.post(f"/people/workers/{worker.pk}/end/", {"ended_on": TODAY.isoformat()})

    assert "Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas." in refused.content.decode()
    assert board.status_code == 403
    worker.refresh_from_db()
    assert worker.ended_on is None


def test_worker_list_is_scoped(client, world):
    WorkerFactory(organisation=world.lks, full_name="Pekerja Sini Contoh")
    WorkerFactory(organisation=world.lks_other_regency, full_name="Pekerja Jauh Contoh")
    sign_in(client, world.regency_board)
    page = client.get("/people/workers/").content.decode()
    assert "Pekerja Sini Contoh" in page and "Pekerja Jauh Contoh" not in page


# --- every role × every page --------------------------------------------------------------------------------

ROLES = [
    "anonymous",
    "outsider",
    "operator",
    "other_operator",
    "regency_board",
    "other_board",
    "dinsos_viewer",
    "province_admin",
]
LOGIN = 302
# url -> expected status per role, in ROLES order
PAGES = {
    "/people/": [LOGIN, 403, 200, 200, 200, 200, 403, 200],
    "/people/purpose/": [LOGIN, 403, 200, 200, 200, 200, 403, 200],
    "/people/{person}/": [LOGIN, 403, 200, 404, 200, 404, 403, 200],
    "/people/{far}/": [LOGIN, 403, 404, 404, 404, 200, 403, 200],
    "/people/admit/": [LOGIN, 403, 200, 200, 403, 403, 403, 200],
    "/people/reviews/": [LOGIN, 403, 200, 200, 200, 200, 403, 200],
    "/people/duplicates/": [LOGIN, 403, 403, 403, 200, 200, 403, 200],
    "/people/{person}/subject-request/": [LOGIN, 403, 403, 403, 403, 403, 403, 200],
    "/people/placements/{placement}/discharge/": [LOGIN, 403, 200, 404, 403, 403, 403, 200],
    "/exchange/export/clients/?format=csv": [LOGIN, 403, 200, 200, 403, 403, 403, 200],
    "/people/workers/": [LOGIN, 403, 200, 200, 200, 200, 403, 200],
    "/people/workers/{worker}/": [LOGIN, 403, 200, 404, 200, 404, 403, 200],
    "/people/workers/{worker}/edit/": [LOGIN, 403, 200, 404, 403, 404, 403, 200],
    "/people/workers/new/": [LOGIN, 403, 200, 200, 403, 403, 403, 200],
}


@pytest.mark.parametrize("url", PAGES)
def test_every_role_on_every_page(client, world, child, far_child, url):
    worker = WorkerFactory(organisation=world.lks)
    path = url.format(person=child.person_id, far=far_child.person_id, placement=child.pk, worker=worker.pk)
    got = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            sign_in(client, getattr(world, role))
        got.append(client.get(path).status_code)
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, PAGES[url], strict=True))


def test_masking_holds_on_every_page_for_every_role(client, world, child):
    nik = decrypt(child.person.nik_encrypted)
    pages = ["/people/", f"/people/{child.person_id}/", "/people/reviews/", "/exchange/export/clients/?format=csv"]
    for role in ROLES[1:]:
        client.logout()
        sign_in(client, getattr(world, role))
        for path in pages:
            response = client.get(path)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert nik not in body.decode(errors="ignore"), (role, path)


def test_nav_links_for_roles_with_person_access(client, world):
    client.force_login(world.operator)
    page = client.get("/organisations/").content.decode()
    assert 'href="/people/">Penerima layanan' in page and 'href="/people/workers/">Pekerja sosial' in page
    client.logout()
    client.force_login(world.dinsos_viewer)
    assert "Penerima layanan" not in client.get("/organisations/").content.decode()


def test_detail_view_uses_the_session_purpose_for_every_access(client, world, child):
    sign_in(client, world.regency_board, purpose="supervision")
    client.get(f"/people/{child.person_id}/")
    client.get(f"/people/{child.person_id}/")
    assert list(PersonAccess.objects.values_list("what", "purpose")) == [("viewed", "supervision")] * 2
    assert timezone.now() - PersonAccess.objects.first().occurred_at < datetime.timedelta(minutes=1)


def test_the_client_download_buttons_follow_the_filters_applied_through_htmx(client, world, child):
    sign_in(client, world.operator)
    fragment = client.get("/people/", {"q": "budi"}, headers={"HX-Request": "true"}).content.decode()
    assert 'id="export-links" hx-swap-oob="true"' in fragment
    assert "/exchange/export/clients/?q=budi&amp;format=csv" in fragment


def test_the_worker_list_offers_downloads_with_its_filters(client, world):
    WorkerFactory(organisation=world.lks, full_name="Siti Pekerja")
    sign_in(client, world.operator)
    page = client.get("/people/workers/", {"q": "siti"}).content.decode()
    assert "/exchange/export/workers/?q=siti&amp;format=csv" in page
    fragment = client.get("/people/workers/", {"q": "sit"}, headers={"HX-Request": "true"}).content.decode()
    assert "/exchange/export/workers/?q=sit&amp;format=xlsx" in fragment
    response = client.get("/exchange/export/workers/", {"q": "siti", "format": "csv"})
    assert response.status_code == 200
    assert "Siti Pekerja" in b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize("path", ["/people/", "/people/workers/"])
def test_the_two_csv_downloads_of_a_list_say_on_the_button_which_one_excel_in_indonesian_needs(
    client, world, child, path
):
    sign_in(client, world.operator)

    labels = export_link_labels(client.get(path).content.decode())

    # Visible text, not a tooltip: a phone shows no title=.
    assert labels == {"xlsx": "XLSX", "csv;": "CSV untuk Excel Indonesia (;)", "csv": "CSV (,)"}


@pytest.mark.parametrize(
    ("path", "query", "export", "message", "empty_count"),
    [
        ("/people/workers/", {"role": "caregiver"}, "workers", "Saringan “Peran”: Masukkan pilihan yang", "0 pekerja"),
        ("/people/", {"sex": "F"}, "clients", "Saringan “Jenis kelamin”: Masukkan pilihan yang", "0 orang"),
        ("/people/", {"region": "63.71.01"}, "clients", "“63.71.01” bukan kode wilayah yang dapat dipakai", "0 orang"),
    ],
)  # fmt: skip
def test_a_filter_value_that_is_not_valid_is_said_on_the_list_in_the_words_its_download_refuses_it_with(
    client, world, child, path, query, export, message, empty_count
):
    sign_in(client, world.operator)

    page = client.get(path, query).content.decode()
    refusal = client.get(f"/exchange/export/{export}/", {**query, "format": "csv"})

    assert refusal.status_code == 400 and message in refusal.content.decode()
    assert message in page
    assert empty_count not in page and not export_links(page)  # no empty list that reads as "nothing matches"


def test_the_duplicates_list_goes_a_page_at_a_time_counts_them_all_and_logs_only_those_shown(client, world):
    # A year of imports leaves hundreds of candidates: each is read and logged for both records when shown.
    for n in range(23):
        first = PersonFactory(organisation=world.lks, full_name=f"Anak Kembar {n:02d}")
        second = PersonFactory(organisation=world.lks, full_name=f"Anak Kembar {n:02d}", nik="")
        DuplicateCandidate.objects.create(
            person=second, other=first, reason=DuplicateReason.CLOSE_MATCH, province_code="63", regency_code="63.71"
        )
    sign_in(client, world.regency_board)

    first_page = client.get("/people/duplicates/").content.decode()
    assert "23 kandidat menunggu keputusan" in first_page and "Halaman 1 dari 2" in first_page
    assert first_page.count('class="card duplicate"') == 20
    assert PersonAccess.objects.filter(what="viewed_duplicate").count() == 40

    second_page = client.get("/people/duplicates/?page=2").content.decode()
    assert second_page.count('class="card duplicate"') == 3 and "Anak Kembar 00" in second_page  # the oldest


def test_a_long_access_history_goes_a_page_at_a_time_and_says_how_long_it_is(client, world, child):
    # A client exported weekly and imported monthly: hundreds of lines within a year, none of them hidden.
    PersonAccess.objects.bulk_create(
        PersonAccess(person=child.person, actor_name="pengurus.bjm", what="exported", purpose="reporting")
        for _ in range(59)
    )
    sign_in(client, world.operator)

    first = client.get(f"/people/{child.person.pk}/").content.decode()
    section = first[first.index('id="accesses"') :]
    assert "60 akses tercatat" in section  # the 59, and this view
    assert section.count("<tr><td>") == 50 and "Halaman 1 dari 2" in section

    second = client.get(f"/people/{child.person.pk}/?access_page=2").content.decode()
    assert second[second.index('id="accesses"') :].count("<tr><td>") == 11  # and the second view, newest first
