import factory

from sinergi.organisations.choices import CareSetting, OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Term, Vocabulary


def lks_kind(code: str) -> Term:
    return Term.objects.get(vocabulary=Vocabulary.LKS_KIND, code=code)


def grade(code: str) -> Term:
    return Term.objects.get(vocabulary=Vocabulary.ACCREDITATION_GRADE, code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An active LKSA in Kota Banjarmasin unless told otherwise; pass region_id to place it elsewhere."""

    class Meta:
        model = Organisation

    kind = OrganisationKind.LKS
    name = factory.Sequence(lambda n: f"LKS Contoh {n:03d}")
    primary_service_kind = factory.LazyFunction(lambda: lks_kind("anak"))
    care_setting = CareSetting.RESIDENTIAL
    status = OrganisationStatus.ACTIVE
    region_id = "63.71.01.1001"
    province_code = factory.LazyAttribute(lambda o: o.region_id[:2])
    regency_code = factory.LazyAttribute(lambda o: o.region_id[:5] if len(o.region_id) >= 5 else "")
    district_code = factory.LazyAttribute(lambda o: o.region_id[:8] if len(o.region_id) >= 8 else "")
    village_code = factory.LazyAttribute(lambda o: o.region_id if len(o.region_id) == 13 else "")
    address = factory.Sequence(lambda n: f"Jl. Contoh No. {n}")
    capacity = 30


class BoardFactory(OrganisationFactory):
    kind = OrganisationKind.LKKKS
    name = factory.LazyAttribute(lambda o: f"LKKKS {o.region_id}")
    primary_service_kind = None
    care_setting = ""
    region_id = "63.71"
