import datetime

import factory

from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory

from ..choices import MeetingKind
from ..models import ActionItem, Meeting, MeetingDay, Participant


class MeetingFactory(factory.django.DjangoModelFactory):
    """A one-day board meeting of the LKKKS board of Kota Banjarmasin (pass organiser= to change), with its day."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = MeetingKind.BOARD
    title = factory.Sequence(lambda n: f"Rapat Contoh {n}")
    organiser = factory.SubFactory(BoardFactory)
    province_code = factory.LazyAttribute(lambda m: m.organiser.province_code)
    regency_code = factory.LazyAttribute(lambda m: m.organiser.regency_code)
    venue = "Aula Contoh"
    starts_on = datetime.date(2025, 3, 10)
    ends_on = factory.LazyAttribute(lambda m: m.starts_on)

    @factory.post_generation
    def days(obj, create, extracted, **kwargs):
        if not create:
            return
        first, last = obj.starts_on, obj.ends_on
        for n in range((last - first).days + 1):
            MeetingDay.objects.create(
                meeting=obj,
                date=first + datetime.timedelta(days=n),
                starts_at=datetime.time(9, 0),
                ends_at=datetime.time(15, 0),
            )


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Peserta Contoh {n}")
    email = factory.Sequence(lambda n: f"peserta{n}@contoh.test")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    description = factory.Sequence(lambda n: f"Tindak lanjut contoh {n}")
    owner = factory.SubFactory(OrganisationFactory)
    due_on = datetime.date(2025, 4, 10)


def province_board():
    return BoardFactory(name="LKKKS Provinsi Contoh", region_id="63", regency_code="", district_code="")
