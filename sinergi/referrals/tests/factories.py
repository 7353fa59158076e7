"""Factories for referrals: rows written directly (no services), plus a world of two LKS ends and their users."""

import datetime
from dataclasses import dataclass
from typing import Any

import factory
from django.utils import timezone

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import user_with_role
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory
from sinergi.people.choices import ConsentGiver
from sinergi.people.tests.factories import PlacementFactory, people_world, ppks
from sinergi.referrals.choices import ReferralStatus, Urgency
from sinergi.referrals.models import Referral


class ReferralFactory(factory.django.DjangoModelFactory):
    """A normal referral, sent an hour ago, of a child at one LKSA to a neighbouring one; consent by a parent."""

    class Meta:
        model = Referral

    from_placement = factory.SubFactory(PlacementFactory)
    person = factory.LazyAttribute(lambda o: o.from_placement.person)
    from_organisation = factory.LazyAttribute(lambda o: o.from_placement.organisation)
    from_province_code = factory.LazyAttribute(lambda o: o.from_organisation.province_code)
    from_regency_code = factory.LazyAttribute(lambda o: o.from_organisation.regency_code)
    to_organisation = factory.SubFactory(OrganisationFactory)
    to_province_code = factory.LazyAttribute(lambda o: o.to_organisation.province_code)
    to_regency_code = factory.LazyAttribute(lambda o: o.to_organisation.regency_code)
    ppks_category = factory.LazyFunction(lambda: ppks("anak_telantar"))
    client_age = 10
    client_sex = "L"
    origin_regency_code = "63.71"
    reason = "Membutuhkan pengasuhan jangka panjang"
    urgency = Urgency.NORMAL
    sent_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    due_at = factory.LazyAttribute(lambda o: o.sent_at + datetime.timedelta(hours=72))
    consent_given_by = ConsentGiver.PARENT
    consent_giver_name = "Ibu Contoh"
    consent_given_on = factory.LazyFunction(datetime.date.today)
    case_summary = "Ringkasan kasus contoh"
    status = ReferralStatus.SENT


@dataclass
class ReferralWorld:
    """people_world plus a child at the operator's LKSA, the board organisations and a Banjarbaru board member."""

    people: Any
    child: Any  # active placement at people.lks
    board_bjm: Any
    province_board: Any


def referral_world() -> ReferralWorld:
    people = people_world()
    child = PlacementFactory(
        person__organisation=people.lks,
        person__full_name="Budi Rujukan Contoh",
        person__origin_region_id="63.71.01.1001",
    )
    return ReferralWorld(
        people=people,
        child=child,
        board_bjm=BoardFactory(region_id="63.71"),
        province_board=BoardFactory(region_id="63", name="LKKKS Provinsi Contoh"),
    )


def receiving_operator(organisation, **fields):
    return user_with_role(Role.LKS_OPERATOR, organisation=organisation, **fields)
