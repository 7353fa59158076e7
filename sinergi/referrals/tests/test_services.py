"""Referral services: sending with consent and a valid target, the allowed transitions, acceptance moving the
placement with history intact, decline/complete/cancel, escalation of unanswered referrals, intake rules."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import MembershipFactory
from sinergi.audit.models import AuditEvent
from sinergi.core.errors import TransitionError
from sinergi.notifications.models import Notification
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, lks_kind
from sinergi.people.choices import ConsentGiver, DischargeReason, PlacementStatus
from sinergi.people.models import Consent, PersonAccess, Placement
from sinergi.people.services import age_on
from sinergi.referrals import services
from sinergi.referrals.choices import EventKind, ReferralStatus, ServiceKind, Shared, Urgency
from sinergi.referrals.models import Intake, Referral
from sinergi.referrals.tests.factories import ReferralFactory, referral_world

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


def lks_data(world, **changes) -> dict:
    data = {
        "to_organisation": world.people.lks_same_regency,
        "reason": "Butuh pengasuhan berbasis keluarga",
        "urgency": Urgency.URGENT,
        "consent_given_by": ConsentGiver.PARENT,
        "consent_giver_name": "Siti Ibu Contoh",
        "consent_given_on": TODAY,
        "share": {Shared.IDENTITY, Shared.CASE_SUMMARY},
        "case_summary": "Anak ditemukan telantar, sekolah kelas 4.",
    }
    return data | changes


def send(world, **changes) -> Referral:
    return services.referral_send(
        actor=world.people.operator,
        person=world.child.person,
        from_organisation=world.people.lks,
        data=lks_data(world, **changes),
    )


def test_send_records_summary_deadline_event_audit_and_notifies_receiving_operators(world):
    receiver = world.people.other_operator
    before = timezone.now()

    referral = send(world)

    assert referral.status == ReferralStatus.SENT
    assert referral.to_organisation == world.people.lks_same_regency
    assert (referral.from_province_code, referral.from_regency_code) == ("63", "63.71")
    assert (referral.to_province_code, referral.to_regency_code) == ("63", "63.71")
    assert referral.from_placement == world.child
    assert referral.ppks_category.code == "anak_telantar"
    assert referral.client_age == age_on(world.child.person.birth_date, TODAY)
    assert referral.client_sex == "L"
    assert referral.origin_regency_code == "63.71"
    assert (referral.share_identity, referral.share_ppks, referral.share_case_summary) == (True, False, True)
    assert before + datetime.timedelta(hours=24) <= referral.due_at <= timezone.now() + datetime.timedelta(hours=24)
    assert list(referral.events.values_list("kind", "actor_name")) == [(EventKind.SENT, "operator.harapan")]
    event = AuditEvent.objects.get(action="referrals.referral.sent")
    assert event.object_repr == f"Rujukan #{referral.pk}"
    assert "Budi" not in str(event.data)
    notification = Notification.objects.get(kind="referrals.received")
    assert notification.recipient == receiver
    assert notification.link == f"/referrals/{referral.pk}/"
    assert "Budi" not in notification.title + notification.body
    assert PersonAccess.objects.filter(person=world.child.person, what="referral_sent").count() == 1


def test_response_hours_come_from_settings(world, settings):
    settings.SINERGI = {**settings.SINERGI, "REFERRAL_RESPONSE_HOURS": {"emergency": 2}}
    referral = send(world, urgency=Urgency.EMERGENCY)
    assert referral.due_at - referral.sent_at == datetime.timedelta(hours=2)
    assert services.response_hours()["normal"] == 72


def test_send_without_consent_is_refused_and_writes_nothing(world):
    with pytest.raises(ValidationError) as refused:
        send(world, consent_given_by="", consent_giver_name="", consent_given_on=None)
    assert "persetujuan" in " ".join(refused.value.message_dict["consent"]).lower()
    assert Referral.objects.count() == 0
    assert Notification.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="referrals.").exists()


def test_vital_interest_allows_no_consent_but_needs_a_reason(world):
    empty = {"consent_given_by": "", "consent_giver_name": "", "consent_given_on": None, "vital_interest": True}
    with pytest.raises(ValidationError) as refused:
        send(world, **empty)
    assert list(refused.value.message_dict) == ["vital_interest_note"]
    referral = send(world, **empty, vital_interest_note="Anak dalam bahaya di rumah, orang tua pelaku")
    assert referral.vital_interest is True
    assert referral.consent_given_by == ""


def test_existing_consent_is_copied_and_a_withdrawn_one_refused(world):
    person = world.child.person
    consent = Consent.objects.create(
        person=person, given_by=ConsentGiver.GUARDIAN, giver_name="Wali Contoh", given_on=TODAY, legal_basis="consent"
    )
    referral = send(world, consent=consent, consent_given_by="", consent_giver_name="", consent_given_on=None)
    assert (referral.consent, referral.consent_given_by, referral.consent_giver_name) == (
        consent,
        ConsentGiver.GUARDIAN,
        "Wali Contoh",
    )
    referral.status = ReferralStatus.CANCELLED
    referral.save()
    consent.withdrawn_on = TODAY
    consent.save()
    with pytest.raises(ValidationError) as refused:
        send(world, consent=consent)
    assert list(refused.value.message_dict) == ["consent"]
    assert Referral.objects.count() == 1


def test_child_cannot_consent_for_themselves(world):
    with pytest.raises(ValidationError) as refused:
        send(world, consent_given_by=ConsentGiver.SELF)
    assert list(refused.value.message_dict) == ["consent_given_by"]


def test_refuses_every_problem_at_once(world):
    with pytest.raises(ValidationError) as refused:
        send(world, reason="  ", urgency="kilat", share={"rahasia"}, to_service=ServiceKind.HEALTH)
    assert set(refused.value.message_dict) == {"reason", "urgency", "share", "to_organisation"}
    assert Referral.objects.count() == 0


def test_child_is_not_referred_to_an_elderly_home_nor_to_its_own_lks(world):
    with pytest.raises(ValidationError) as elderly:
        send(world, to_organisation=world.people.elderly_home)
    assert "lanjut usia" in str(elderly.value.message_dict)
    with pytest.raises(ValidationError) as own:
        send(world, to_organisation=world.people.lks)
    assert own.value.message_dict["to_organisation"] == ["Pilih LKS lain sebagai tujuan."]
    assert Referral.objects.count() == 0


def test_only_one_unanswered_lks_referral_per_person(world):
    send(world)
    with pytest.raises(ValidationError) as refused:
        send(world, to_organisation=world.people.lks_other_regency)
    assert refused.value.message_dict["__all__"] == ["Orang ini masih memiliki rujukan ke LKS yang belum dijawab."]
    assert Referral.objects.count() == 1


def test_outsiders_and_other_lks_cannot_send(world):
    for actor in (world.people.other_operator, world.people.outsider, world.people.dinsos_viewer):
        with pytest.raises(PermissionDenied):
            services.referral_send(
                actor=actor, person=world.child.person, from_organisation=world.people.lks, data=lks_data(world)
            )
    assert Referral.objects.count() == 0


def test_board_refers_to_a_service_but_not_to_an_lks(world):
    board = world.people.regency_board
    with pytest.raises(ValidationError) as refused:
        services.referral_send(
            actor=board, person=world.child.person, from_organisation=world.board_bjm, data=lks_data(world)
        )
    assert "hanya LKS tempat orang ini dilayani" in refused.value.message_dict["to_organisation"][0]
    referral = services.referral_send(
        actor=board,
        person=world.child.person,
        from_organisation=world.board_bjm,
        data=lks_data(world, to_organisation=None, to_service=ServiceKind.LEGAL_AID, to_service_provider="LBH Contoh"),
    )
    assert referral.target_label == "Bantuan hukum — LBH Contoh"
    assert (referral.to_province_code, referral.to_regency_code) == ("63", "63.71")
    assert Notification.objects.filter(kind="referrals.received").count() == 0


def test_board_cannot_send_for_another_region(world):
    with pytest.raises(PermissionDenied):
        services.referral_send(
            actor=world.people.other_board,
            person=world.child.person,
            from_organisation=world.board_bjm,
            data=lks_data(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD"),
        )


def test_a_board_member_who_operates_the_childs_lks_elsewhere_cannot_file_its_referral_under_their_board(world):
    # The fiftieth review: the operator role gave the child, the board seat the sender, and the referral was filed
    # under Banjarbaru's board, out of sight of Banjarmasin's, where the child is served.
    board_bjb = BoardFactory(region_id="63.72", name="LKKKS Kota Banjarbaru")
    dual = world.people.other_board
    MembershipFactory(user=dual, role=Role.LKS_OPERATOR, region_id=None, organisation=world.people.lks)

    with pytest.raises(ValidationError) as refused:
        services.referral_send(
            actor=dual,
            person=world.child.person,
            from_organisation=board_bjb,
            data=lks_data(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD"),
        )

    assert refused.value.message_dict["__all__"] == [
        "Orang ini dilayani di luar wilayah LKKKS Kota Banjarbaru. Kirim rujukan atas nama LKS tempat ia dilayani, "
        "atau LKKKS wilayahnya."
    ]
    assert Referral.objects.count() == 0
    # ... and sent as the LKS's operator, it is the LKS's referral, seen by its own board
    referral = services.referral_send(
        actor=dual,
        person=world.child.person,
        from_organisation=world.people.lks,
        data=lks_data(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD"),
    )
    assert referral.from_regency_code == "63.71"


def test_accept_moves_the_placement_with_history_intact(world):
    referral = send(world)
    person = world.child.person
    receiver = world.people.other_operator
    Notification.objects.all().delete()

    services.referral_accept(actor=receiver, referral=referral)

    referral.refresh_from_db()
    old = Placement.objects.get(pk=world.child.pk)
    new = referral.new_placement
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.accepted_at is not None
    assert (old.status, old.discharge_reason, old.discharged_on) == (
        PlacementStatus.DISCHARGED,
        DischargeReason.TRANSFERRED,
        TODAY,
    )
    assert (new.status, new.organisation, new.admitted_on, new.ppks_category) == (
        PlacementStatus.ACTIVE,
        world.people.lks_same_regency,
        TODAY,
        old.ppks_category,
    )
    assert list(Placement.objects.filter(person=person).order_by("pk").values_list("pk", flat=True)) == [
        old.pk,
        new.pk,
    ]
    person.refresh_from_db()
    assert person.organisation == world.people.lks_same_regency
    assert list(referral.events.values_list("kind", flat=True)) == [EventKind.SENT, EventKind.ACCEPTED]
    assert referral.events.last().actor_name == receiver.username
    assert AuditEvent.objects.filter(action="referrals.referral.accepted", actor=receiver).count() == 1
    assert AuditEvent.objects.filter(action="people.placement.transferred").count() == 1
    assert set(
        Notification.objects.filter(kind="referrals.accepted").values_list("recipient__username", flat=True)
    ) == {"operator.harapan"}


def test_accept_is_refused_when_the_original_placement_has_ended(world):
    referral = send(world)
    Placement.objects.filter(pk=world.child.pk).update(status=PlacementStatus.DISCHARGED, discharged_on=TODAY)
    with pytest.raises(ValidationError):
        services.referral_accept(actor=world.people.other_operator, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    assert Placement.objects.filter(person=world.child.person).count() == 1


def test_only_the_receiver_answers(world):
    referral = send(world)
    for actor in (world.people.operator, world.people.far_operator, world.people.regency_board):
        with pytest.raises(PermissionDenied):
            services.referral_accept(actor=actor, referral=referral)
        with pytest.raises(PermissionDenied):
            services.referral_decline(actor=actor, referral=referral, reason="Penuh")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    assert list(referral.events.values_list("kind", flat=True)) == [EventKind.SENT]


def test_decline_needs_a_reason_and_notifies_the_sender(world):
    referral = send(world)
    receiver = world.people.other_operator
    with pytest.raises(ValidationError):
        services.referral_decline(actor=receiver, referral=referral, reason=" ")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT

    services.referral_decline(actor=receiver, referral=referral, reason="Tempat penuh untuk anak laki-laki")

    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == (ReferralStatus.DECLINED, "Tempat penuh untuk anak laki-laki")
    assert referral.declined_at is not None
    assert Placement.objects.get(pk=world.child.pk).status == PlacementStatus.ACTIVE
    notice = Notification.objects.get(kind="referrals.declined")
    assert notice.recipient == world.people.operator
    assert "Tempat penuh" in notice.body


@pytest.mark.parametrize(
    ("status", "call"),
    [
        (ReferralStatus.DECLINED, "accept"),
        (ReferralStatus.COMPLETED, "accept"),
        (ReferralStatus.CANCELLED, "decline"),
        (ReferralStatus.SENT, "complete"),
        (ReferralStatus.ACCEPTED, "cancel"),
        (ReferralStatus.ACCEPTED, "decline"),
    ],
)
def test_transitions_outside_the_table_are_refused(world, status, call):
    referral = ReferralFactory(from_placement=world.child, to_organisation=world.people.lks_same_regency, status=status)
    actor = world.people.operator if call == "cancel" else world.people.other_operator
    kwargs = {"reason": "alasan"} if call in ("decline", "cancel") else {}
    with pytest.raises(TransitionError):
        getattr(services, f"referral_{call}")(actor=actor, referral=referral, **kwargs)
    referral.refresh_from_db()
    assert referral.status == status
    assert referral.events.count() == 0


def test_complete_after_accept(world):
    referral = send(world)
    receiver = world.people.other_operator
    services.referral_accept(actor=receiver, referral=referral)
    services.referral_complete(actor=receiver, referral=referral, note="Anak sudah beradaptasi")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED
    assert list(referral.events.values_list("kind", "note")) == [
        (EventKind.SENT, ""),
        (EventKind.ACCEPTED, ""),
        (EventKind.COMPLETED, "Anak sudah beradaptasi"),
    ]


def test_sender_cancels_with_a_reason_and_the_receiver_is_told(world):
    referral = send(world)
    with pytest.raises(PermissionDenied):
        services.referral_cancel(actor=world.people.other_operator, referral=referral, reason="x")
    services.referral_cancel(actor=world.people.operator, referral=referral, reason="Keluarga menjemput")
    referral.refresh_from_db()
    assert (referral.status, referral.cancel_reason) == (ReferralStatus.CANCELLED, "Keluarga menjemput")
    assert Notification.objects.filter(kind="referrals.cancelled", recipient=world.people.other_operator).count() == 1


def test_service_referral_is_answered_and_completed_by_the_sender(world):
    referral = send(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD Ulin")
    operator = world.people.operator
    services.referral_accept(actor=operator, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.new_placement is None
    assert Placement.objects.get(pk=world.child.pk).status == PlacementStatus.ACTIVE
    services.referral_complete(actor=operator, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED


def test_escalation_notifies_the_receiving_board_once(world):
    referral = send(world)
    late = referral.due_at + datetime.timedelta(minutes=1)
    other_board = world.people.other_board

    sent = services.referrals_reminders(today=TODAY, now=late)

    referral.refresh_from_db()
    assert referral.escalated_at == late
    recipients = set(
        Notification.objects.filter(kind="referrals.escalated").values_list("recipient__username", flat=True)
    )
    assert recipients == {"pengurus.bjm", "admin.kalsel", "operator.tetangga", "operator.harapan"}
    assert other_board.username not in recipients
    assert sent == 4
    assert list(referral.events.values_list("kind", flat=True)) == [EventKind.SENT, EventKind.ESCALATED]
    assert AuditEvent.objects.filter(action="referrals.referral.escalated").count() == 1

    assert services.referrals_reminders(today=TODAY, now=late + datetime.timedelta(hours=1)) == 0
    assert Notification.objects.filter(kind="referrals.escalated").count() == 4
    assert referral.events.count() == 2


def test_escalation_skips_answered_and_not_yet_due(world):
    answered = send(world)
    services.referral_decline(actor=world.people.other_operator, referral=answered, reason="Penuh")
    pending = ReferralFactory(to_organisation=world.people.lks_other_regency)
    assert services.referrals_reminders(today=TODAY, now=pending.due_at - datetime.timedelta(minutes=1)) == 0
    assert services.referrals_reminders(today=TODAY, now=pending.due_at + datetime.timedelta(minutes=1)) > 0
    answered.refresh_from_db()
    pending.refresh_from_db()
    assert answered.escalated_at is None
    assert pending.escalated_at is not None
    # A referral to Banjarbaru goes to the Banjarbaru board, not Banjarmasin's.
    assert Notification.objects.filter(kind="referrals.escalated", recipient__username="pengurus.bjb").exists()
    assert not Notification.objects.filter(kind="referrals.escalated", recipient__username="pengurus.bjm").exists()


def test_reminders_with_only_a_date_use_the_end_of_that_day(world):
    referral = ReferralFactory(
        to_organisation=world.people.lks_same_regency, sent_at=timezone.now() - datetime.timedelta(days=5)
    )
    assert services.referrals_reminders(today=TODAY - datetime.timedelta(days=4)) == 0
    assert services.referrals_reminders(today=TODAY) == 3  # kabupaten board, province admin, receiving LKS
    referral.refresh_from_db()
    assert referral.escalated_at is not None


def test_intake_is_set_by_the_lks_operator_only(world):
    lks = world.people.lks
    with pytest.raises(PermissionDenied):
        services.intake_set(actor=world.people.other_operator, organisation=lks, data={"sex": "P"})
    with pytest.raises(ValidationError) as refused:
        services.intake_set(actor=world.people.operator, organisation=lks, data={"min_age": 12, "max_age": 6})
    assert list(refused.value.message_dict) == ["max_age"]
    assert Intake.objects.count() == 0
    intake = services.intake_set(
        actor=world.people.operator, organisation=lks, data={"sex": "P", "min_age": 6, "max_age": 17}
    )
    assert (intake.sex, intake.min_age, intake.max_age) == ("P", 6, 17)
    assert AuditEvent.objects.get(action="referrals.intake.changed").changes == {
        "sex": ["", "P"],
        "min_age": [None, 6],
        "max_age": [None, 17],
    }


def test_province_admin_does_not_answer_for_the_receiving_lks(world):
    referral = send(world)
    with pytest.raises(PermissionDenied):
        services.referral_accept(actor=world.people.province_admin, referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_an_lks_of_another_kind_is_refused_as_target(world):
    napza = OrganisationFactory(name="LKS NAPZA Contoh", primary_service_kind=lks_kind("napza"))
    with pytest.raises(ValidationError) as refused:
        send(world, to_organisation=napza)
    assert "tidak melayani kategori" in refused.value.message_dict["to_organisation"][0]
    assert Referral.objects.count() == 0


def test_a_referral_sent_to_an_lks_moved_meanwhile_goes_to_the_board_where_the_lks_now_is():
    # The thirty-eighth review: the referral kept the codes of the LKS as the form had read them, before another
    # user moved it to Banjarbaru; the old board saw it and got its reminders, the new one never did.
    from sinergi.organisations.models import Organisation
    from sinergi.organisations.services import organisation_update
    from sinergi.referrals.selectors import referral_list

    world = referral_world()
    people = world.people
    as_read = Organisation.objects.get(pk=people.lks_same_regency.pk)
    organisation_update(
        organisation=people.lks_same_regency, actor=people.province_admin, data={"region_id": "63.72.02.1003"},
        expected_version=people.lks_same_regency.version,
    )  # fmt: skip

    referral = services.referral_send(
        actor=people.operator, person=world.child.person, from_organisation=people.lks,
        data={"to_organisation": as_read, "reason": "Butuh pengasuhan", "urgency": Urgency.NORMAL,
              "consent_given_by": ConsentGiver.PARENT, "consent_giver_name": "Ibu Contoh",
              "consent_given_on": TODAY, "share": {Shared.IDENTITY}},
    )  # fmt: skip

    referral.refresh_from_db()
    assert (referral.to_province_code, referral.to_regency_code) == ("63", "63.72")
    assert referral in referral_list(actor=people.other_board)


def test_an_erasure_on_request_erases_what_the_persons_referrals_say_of_them_and_keeps_what_counts(world):
    from sinergi.people.services import person_erase, placement_discharge

    referral = send(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD Contoh",
                    share={"identity", "case_summary", "health"}, health_notes="Asma; obat X setiap pagi.")  # fmt: skip
    services.referral_accept(actor=world.people.operator, referral=referral)
    services.referral_complete(actor=world.people.operator, referral=referral, note="Sudah diperiksa di RSUD")
    placement_discharge(actor=world.people.operator, placement=world.child, discharged_on=TODAY, reason="reunified")
    person_erase(actor=world.people.province_admin, person=world.child.person, reason="Permintaan wali",
                 subject_asked=True)  # fmt: skip

    referral.refresh_from_db()
    said = ("consent_giver_name", "reason", "case_summary", "health_notes", "vital_interest_note")
    assert {name: getattr(referral, name) for name in said if getattr(referral, name)} == {}
    assert [event.note for event in referral.events.all() if event.note] == []
    # What the counts need stays
    assert (referral.status, referral.client_sex, referral.ppks_category.code) == (
        ReferralStatus.COMPLETED, world.child.person.sex, world.child.ppks_category.code)  # fmt: skip


def test_an_erasure_on_request_erases_what_the_notifications_about_the_persons_referrals_quoted(world):
    from sinergi.people.services import person_erase, placement_discharge

    referral = send(world)
    services.referral_decline(actor=world.people.other_operator, referral=referral, reason="Budi butuh terapi khusus")
    declined = Notification.objects.get(kind="referrals.declined")
    assert "Budi butuh terapi khusus" in declined.body
    placement_discharge(actor=world.people.operator, placement=world.child, discharged_on=TODAY, reason="reunified")
    person_erase(actor=world.people.province_admin, person=world.child.person, reason="Permintaan wali",
                 subject_asked=True)  # fmt: skip
    declined.refresh_from_db()
    # the title says the referral's number and the LKS only; the quoted reason goes
    assert (declined.body, declined.title) == (
        "",
        f"Rujukan #{referral.pk} ditolak oleh {world.people.lks_same_regency.name}",
    )
