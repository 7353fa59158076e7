import datetime

import factory
from django.utils import timezone

from sinergi.organisations.models import Organisation
from sinergi.partnerships.choices import AgreementKind, AgreementStatus, PartyRole
from sinergi.partnerships.models import Agreement, AgreementParty


class AgreementFactory(factory.django.DjangoModelFactory):
    """An active PKS that started a month ago and runs for a year; add parties with `agreement_between`."""

    class Meta:
        model = Agreement

    kind = AgreementKind.PKS
    title = factory.Sequence(lambda n: f"Kerja sama uji {n:03d}")
    number = factory.Sequence(lambda n: f"{n:03d}/PKS/UJI/2025")
    scope = "Ruang lingkup uji."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=335))
    signed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=31))
    status = AgreementStatus.ACTIVE


def agreement_between(*organisations: Organisation, witnesses=(), **fields) -> Agreement:
    """An agreement whose first organisation is the first party and the others second parties."""
    agreement = AgreementFactory(**fields)
    for index, organisation in enumerate(organisations):
        AgreementParty.objects.create(
            agreement=agreement, organisation=organisation, role=PartyRole.FIRST if index == 0 else PartyRole.SECOND
        )
    for organisation in witnesses:
        AgreementParty.objects.create(agreement=agreement, organisation=organisation, role=PartyRole.WITNESS)
    return agreement
