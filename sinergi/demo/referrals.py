"""Demo referrals among the demo LKS of Kota Banjarmasin: one waiting for an answer, one accepted (the child's
placement moved), one declined, and one emergency referral left unanswered past its deadline and escalated.

They go through the referral services (consent, capacity, transfer, audit, notifications), as users would make
them. A second demo operator, `operator.penerima`, works at the LKSA that receives them, so the other end of a
referral can be tried too (same demo password).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from sinergi.accounts.models import Role, User
from sinergi.accounts.services import user_create_with_role
from sinergi.notifications.models import Notification
from sinergi.people.choices import ConsentGiver, PlacementStatus
from sinergi.people.models import Placement
from sinergi.people.services import age_on
from sinergi.referrals import services
from sinergi.referrals.capacity import capacity_search, origin_of
from sinergi.referrals.choices import Shared, Urgency
from sinergi.referrals.models import Referral, ReferralEvent

RECEIVING_OPERATOR = "operator.penerima"
SENDING_OPERATOR = "operator.lks"
REASONS = [
    "Anak membutuhkan LKSA yang dekat dengan sekolah lanjutannya.",
    "Kebutuhan pendampingan psikososial yang tidak tersedia di LKSA kami.",
    "Kapasitas kamar anak laki-laki sudah penuh; anak perlu tempat yang lebih layak.",
    "Anak korban kekerasan perlu segera dipindahkan ke tempat yang aman.",
]


def demo_referrals_loaded() -> bool:
    return Referral.objects.exists()


def _children(organisation, today: datetime.date) -> list[Placement]:
    placements = (
        Placement.objects.filter(organisation=organisation, status=PlacementStatus.ACTIVE, person__erased_at=None)
        .select_related("person", "ppks_category")
        .order_by("pk")
    )
    return [
        p
        for p in placements
        if p.person.birth_date and 6 <= age_on(p.person.birth_date, today) < 17 and p.admitted_on < today
    ]


def _backdate(referral: Referral, hours: int) -> None:
    """Moves a referral's sending (and its deadline and first event) `hours` into the past, and tells its receivers
    again with the deadline moved (not yet mailed: mails go after the demo's transaction), so that the mail and the
    page say the same deadline."""
    shift = datetime.timedelta(hours=hours)
    Referral.objects.filter(pk=referral.pk).update(sent_at=referral.sent_at - shift, due_at=referral.due_at - shift)
    ReferralEvent.objects.filter(referral=referral, kind="sent").update(at=referral.sent_at - shift)
    referral.refresh_from_db()
    if referral.to_organisation_id:
        Notification.objects.filter(dedup_key=f"referral-{referral.pk}-received").delete()
        services.referral_received_notify(referral)


@transaction.atomic
def load_demo_referrals() -> dict[str, int]:
    """Loads four referrals from the demo operator's LKSA in Banjarmasin; needs load_demo (with people) first."""
    if demo_referrals_loaded():
        raise RuntimeError("Demo referrals are already loaded.")
    from sinergi.demo.data import DEMO_PASSWORD  # here, so load_demo may import this module without a cycle

    sender_user = User.objects.get(username=SENDING_OPERATOR)
    sender = sender_user.memberships.get(role=Role.LKS_OPERATOR).organisation
    today = timezone.localdate()
    children = _children(sender, today)
    if len(children) < 4:
        raise RuntimeError("The demo operator's LKSA has fewer than four children in care.")
    first = children[0]
    rows = capacity_search(
        ppks_category=first.ppks_category,
        age=age_on(first.person.birth_date, today),
        sex=None,
        origin=origin_of(sender),
        exclude_ids={sender.pk},
    )
    # The receiving LKSA: the nearest one in Banjarmasin with room for a few more.
    receiver = next(
        r.organisation
        for r in rows
        if r.organisation.regency_code == "63.71" and r.organisation.primary_service_kind.code == "anak" and r.free >= 4
    )
    receiver_user = user_create_with_role(
        username=RECEIVING_OPERATOR,
        role=Role.LKS_OPERATOR,
        organisation=receiver,
        full_name="Operator LKS Penerima (Demo)",
        email=f"{RECEIVING_OPERATOR}@contoh.test",
        password=DEMO_PASSWORD,
    )

    def send(placement: Placement, reason: str, urgency: str, share: set[str]) -> Referral:
        person = placement.person
        return services.referral_send(
            actor=sender_user,
            person=person,
            from_organisation=sender,
            data={
                "to_organisation": receiver,
                "ppks_category": placement.ppks_category,
                "reason": reason,
                "urgency": urgency,
                "consent_given_by": ConsentGiver.GUARDIAN,
                "consent_giver_name": f"Wali {person.full_name.split()[0]} Contoh",
                "consent_given_on": today,
                "share": share,
                "case_summary": "Ringkasan kasus contoh: riwayat pengasuhan, sekolah, dan kontak keluarga (fiktif).",
            },
        )

    shared = {Shared.IDENTITY, Shared.PPKS, Shared.CASE_SUMMARY, Shared.CARE_PLAN}
    # The receiving LKSA serves every child category; pick children whose category is one.
    fitting = [c for c in children if c.ppks_category.code.startswith("anak")]
    pending, accepted, declined, overdue = fitting[:4]

    waiting = send(pending, REASONS[0], Urgency.NORMAL, shared)
    _backdate(waiting, 20)

    taken = send(accepted, REASONS[1], Urgency.URGENT, shared)
    _backdate(taken, 30)
    services.referral_accept(actor=receiver_user, referral=taken)

    refused = send(declined, REASONS[2], Urgency.NORMAL, {Shared.PPKS, Shared.CASE_SUMMARY})
    _backdate(refused, 50)
    services.referral_decline(
        actor=receiver_user, referral=refused, reason="Kamar anak laki-laki penuh sampai akhir semester."
    )

    late = send(overdue, REASONS[3], Urgency.EMERGENCY, shared)
    _backdate(late, 6)  # an emergency has 4 hours: two hours late
    escalations = services.referrals_reminders(today=today)
    return {"referrals": 4, "escalation_notifications": escalations}
