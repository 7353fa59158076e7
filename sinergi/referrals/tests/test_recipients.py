"""Who hears about a referral, and who acts for its ends: the people who work at each end now."""

import datetime

import pytest

from sinergi.accounts.models import Membership, Role, User
from sinergi.accounts.tests.factories import user_with_role
from sinergi.notifications.models import Notification
from sinergi.referrals import services
from sinergi.referrals.choices import ServiceKind
from sinergi.referrals.selectors import FULL, referral_level, referral_role
from sinergi.referrals.tests.factories import referral_world
from sinergi.referrals.tests.test_services import lks_data, send

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


def leave_the_sending_lks(world) -> User:
    """The operator who sent leaves the LKS (membership ended); the account stays, now at another LKS."""
    operator = world.people.operator
    Membership.objects.filter(user=operator).update(is_active=False)
    Membership.objects.create(user=operator, role=Role.LKS_OPERATOR, organisation=world.people.lks_other_regency)
    return User.objects.get(pk=operator.pk)


def test_a_sender_who_has_left_the_sending_lks_hears_nothing_more_of_the_referral(world):
    referral = send(world)
    keeper = user_with_role(Role.LKS_OPERATOR, organisation=world.people.lks, username="operator.baru")
    former = leave_the_sending_lks(world)

    services.referrals_reminders(today=TODAY, now=referral.due_at + datetime.timedelta(minutes=1))
    services.referral_decline(actor=world.people.other_operator, referral=referral, reason="Penuh")

    assert not Notification.objects.filter(recipient=former).exclude(kind="referrals.received").exists()
    told = set(Notification.objects.filter(recipient=keeper).values_list("kind", flat=True))
    assert told == {"referrals.escalated", "referrals.declined"}  # the LKS still hears, through who works there now


def test_a_sender_who_has_left_the_sending_lks_no_longer_acts_for_it(world):
    referral = send(world)
    former = leave_the_sending_lks(world)

    assert "sender" not in referral_role(actor=former, referral=referral)
    assert referral_level(actor=former, referral=referral) != FULL


def test_a_board_member_who_sent_for_their_board_acts_for_it_while_they_sit_on_it(world):
    board = world.people.regency_board
    referral = services.referral_send(
        actor=board, person=world.child.person, from_organisation=world.board_bjm,
        data=lks_data(world, to_organisation=None, to_service=ServiceKind.LEGAL_AID, to_service_provider="LBH Contoh"),
    )  # fmt: skip
    assert referral_role(actor=User.objects.get(pk=board.pk), referral=referral) == {"sender", "receiver"}
    assert referral_level(actor=User.objects.get(pk=board.pk), referral=referral) == FULL

    Membership.objects.filter(user=board).update(region_id="63.72")  # now on the Banjarbaru board

    moved = User.objects.get(pk=board.pk)
    assert referral_role(actor=moved, referral=referral) == set()
    assert referral_level(actor=moved, referral=referral) != FULL


def close(organisation, world):
    from sinergi.organisations.services import organisation_deactivate

    organisation_deactivate(organisation=organisation, actor=world.people.regency_board, reason="Berhenti beroperasi")


def test_the_sender_of_a_referral_waiting_on_an_lks_that_closes_is_told_they_may_refer_elsewhere(world):
    from sinergi.referrals.choices import ReferralStatus

    waiting = send(world)
    english = user_with_role(Role.LKS_OPERATOR, organisation=world.people.lks, preferred_language="en")

    close(world.people.lks_same_regency, world)

    notes = {n.recipient_id: n for n in Notification.objects.filter(kind="referrals.receiver_inactive")}
    assert set(notes) == {world.people.operator.pk, english.pk}  # the senders; not the closed LKS's operators
    note = notes[world.people.operator.pk]
    assert note.title == f"Rujukan #{waiting.pk}: LKSA Tetangga Contoh sudah nonaktif", note.title
    assert "tidak dapat lagi menerima rujukan ini" in note.body and "membatalkan rujukan ini" in note.body
    assert note.link == f"/referrals/{waiting.pk}/"
    assert notes[english.pk].title == f"Referral #{waiting.pk}: LKSA Tetangga Contoh is no longer active"
    waiting.refresh_from_db()
    assert waiting.status == ReferralStatus.SENT  # not declined for them: the sender decides
    services.referral_cancel(actor=world.people.operator, referral=waiting, reason="LKS tujuan tutup")


def test_closing_an_lks_says_nothing_of_referrals_it_has_answered(world):
    answered = send(world)
    services.referral_decline(actor=world.people.other_operator, referral=answered, reason="Penuh")

    close(world.people.lks_same_regency, world)

    assert not Notification.objects.filter(kind="referrals.receiver_inactive").exists()


def test_the_escalation_of_a_referral_to_a_closed_lks_leaves_out_its_operators_and_says_it_is_inactive(world):
    referral = send(world)
    close(world.people.lks_same_regency, world)

    services.referrals_reminders(today=TODAY, now=referral.due_at + datetime.timedelta(minutes=1))

    notes = Notification.objects.filter(kind="referrals.escalated")
    told = set(notes.values_list("recipient__username", flat=True))
    assert told == {"pengurus.bjm", "admin.kalsel", "operator.harapan"}, told  # not operator.tetangga
    for note in notes:
        assert "LKSA Tetangga Contoh sudah nonaktif" in note.body and "Mohon ditindaklanjuti" not in note.body
