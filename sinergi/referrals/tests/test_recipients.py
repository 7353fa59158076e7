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
