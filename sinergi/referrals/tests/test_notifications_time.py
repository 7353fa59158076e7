"""A referral notification's deadline is on each recipient's clock and names its zone (WIB, WITA, WIT), as pages do."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sinergi.accounts.zones import user_time_zone
from sinergi.notifications.models import Notification
from sinergi.notifications.services import notifications_email
from sinergi.organisations.tests.factories import OrganisationFactory
from sinergi.referrals import services
from sinergi.referrals.tests.factories import receiving_operator, referral_world
from sinergi.referrals.tests.test_services import lks_data, send
from sinergi.regions.models import Region, RegionLevel
from sinergi.regions.services import region_tree_load

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


def on_the_clock_of(moment: datetime.datetime, zone) -> str:
    return timezone.localtime(moment, zone).strftime("%d-%m-%Y %H:%M")


def test_the_deadline_on_a_province_server_names_the_servers_zone(world):
    referral = send(world)

    note = Notification.objects.get(recipient=world.people.other_operator, kind="referrals.received")
    assert f"sebelum {on_the_clock_of(referral.due_at, timezone.get_default_timezone())} WITA." in note.body, note.body


def test_a_receiver_in_another_zone_reads_the_deadline_on_their_own_clock(world, national, settings):
    # A national server: an LKSA in Kalimantan Selatan (WITA, UTC+8) refers a child to an LKS in DKI Jakarta (WIB,
    # UTC+7); the sender's request runs on WITA. The Jakarta operator reads the deadline in WIB, and is told so.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    region_tree_load(provinces=["31"])
    desa = Region.objects.filter(code__startswith="31.", level=RegionLevel.VILLAGE).order_by("code").first()
    jakarta = OrganisationFactory(name="LKSA Jakarta Contoh", region_id=desa.code)
    receiver = receiving_operator(jakarta, username="operator.jakarta", email="op@jakarta.example")
    sender = world.people.operator
    assert str(user_time_zone(sender)) == "Asia/Makassar" and str(user_time_zone(receiver)) == "Asia/Jakarta"

    with timezone.override(user_time_zone(sender)):
        referral = services.referral_send(actor=sender, person=world.child.person, from_organisation=world.people.lks,
                                          data=lks_data(world, to_organisation=jakarta))  # fmt: skip
    notification = Notification.objects.get(recipient=receiver, kind="referrals.received")
    notifications_email.call([notification.pk])

    in_jakarta = f"sebelum {on_the_clock_of(referral.due_at, user_time_zone(receiver))} WIB."
    assert in_jakarta in notification.body and in_jakarta in mail.outbox[-1].body, mail.outbox[-1].body


def test_the_escalation_gives_each_recipient_the_deadline_on_their_clock(world, national):
    region_tree_load(provinces=["31"])
    desa = Region.objects.filter(code__startswith="31.", level=RegionLevel.VILLAGE).order_by("code").first()
    jakarta = OrganisationFactory(name="LKSA Jakarta Contoh", region_id=desa.code)
    receiver = receiving_operator(jakarta, username="operator.jakarta")
    referral = send(world, to_organisation=jakarta)

    services.referrals_reminders(today=TODAY, now=referral.due_at + datetime.timedelta(minutes=1))

    notes = {n.recipient_id: n.body for n in Notification.objects.filter(kind="referrals.escalated")}
    assert f"{on_the_clock_of(referral.due_at, user_time_zone(receiver))} WIB." in notes[receiver.pk]
    sender = world.people.operator
    assert f"{on_the_clock_of(referral.due_at, user_time_zone(sender))} WITA." in notes[sender.pk]
