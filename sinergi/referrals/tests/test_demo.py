"""The demo referrals load on top of the Kalsel demo: one pending, one accepted, one declined, one escalated."""

import pytest

from sinergi.people.choices import DischargeReason, PlacementStatus
from sinergi.referrals.choices import ReferralStatus
from sinergi.referrals.models import Referral


@pytest.mark.django_db
def test_demo_referrals():
    from sinergi.demo.data import load_demo
    from sinergi.demo.referrals import load_demo_referrals

    counts = load_demo()  # the whole demo, referrals included

    referrals = list(Referral.objects.order_by("pk"))
    assert [r.status for r in referrals] == [
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED,
        ReferralStatus.DECLINED,
        ReferralStatus.SENT,
    ]
    assert {r.from_regency_code for r in referrals} == {"63.71"}
    assert {r.to_organisation.regency_code for r in referrals} == {"63.71"}
    pending, accepted, declined, late = referrals
    assert pending.escalated_at is None
    assert late.escalated_at is not None
    assert counts["escalation_notifications"] >= 3  # board of Banjarmasin, province admin, receiving operator
    assert counts["users"] == 5  # the receiving operator counted with the others, as demo_logins lists them
    old = accepted.from_placement
    old.refresh_from_db()
    assert (old.status, old.discharge_reason) == (PlacementStatus.DISCHARGED, DischargeReason.TRANSFERRED)
    assert accepted.new_placement.organisation == accepted.to_organisation
    assert declined.decline_reason
    # The mail of the late emergency names the deadline its page shows (the demo moves the sending back)
    from sinergi.notifications.models import Notification
    from sinergi.notifications.services import local_time

    [received] = Notification.objects.filter(dedup_key=f"referral-{late.pk}-received")
    assert local_time(late.due_at)(received.recipient) in received.body
    with pytest.raises(RuntimeError):
        load_demo_referrals()
