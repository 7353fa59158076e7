"""A referral is located at both ends; each end follows its LKS when the LKS moves to another kabupaten/kota."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from sinergi.notifications.models import Notification
from sinergi.organisations.models import Organisation
from sinergi.organisations.services import organisation_update
from sinergi.referrals import services
from sinergi.referrals.choices import ServiceKind
from sinergi.referrals.models import Referral
from sinergi.referrals.tests.factories import referral_world
from sinergi.referrals.tests.test_services import lks_data

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def world():
    return referral_world()


def send_to_a_service(world) -> Referral:
    people = world.people
    return services.referral_send(
        actor=people.operator, person=world.child.person, from_organisation=people.lks,
        data=lks_data(world, to_organisation=None, to_service=ServiceKind.HEALTH, to_service_provider="RSUD Contoh"),
    )  # fmt: skip


def test_a_referral_to_a_service_follows_its_sender_to_the_new_kabupaten_kota_and_its_board(world):
    # A service referral's receiving end is the sender's (the sender records the service's answer and its board
    # follows it up): when the sending LKS moves from Banjarmasin to Banjarbaru, both ends move.
    referral = send_to_a_service(world)
    lks = world.people.lks
    lks.refresh_from_db()

    organisation_update(organisation=lks, actor=world.people.province_admin, data={"region_id": "63.72.02.1003"},
                        expected_version=lks.version)  # fmt: skip

    referral.refresh_from_db()
    assert (referral.from_regency_code, referral.to_regency_code) == ("63.72", "63.72")
    services.referrals_reminders(today=TODAY, now=referral.due_at + datetime.timedelta(minutes=1))
    told = set(Notification.objects.filter(kind="referrals.escalated").values_list("recipient__username", flat=True))
    assert "pengurus.bjb" in told and "pengurus.bjm" not in told, told


def test_the_resync_command_brings_a_service_referral_to_where_its_sender_is():
    world = referral_world()
    referral = send_to_a_service(world)
    # The LKS was moved before its referrals followed it: its own codes changed, the referral's did not.
    Organisation.objects.filter(pk=world.people.lks.pk).update(province_code="63", regency_code="63.72")

    call_command("resync_located_records", "--lks", str(world.people.lks.pk), stdout=StringIO())

    referral.refresh_from_db()
    assert (referral.from_regency_code, referral.to_regency_code) == ("63.72", "63.72")
