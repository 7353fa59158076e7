"""Factories for clients, placements and workers: obviously synthetic names, made-up but structurally valid NIKs.

They write rows directly (no services, no summaries), so tests of summaries rebuild or call the services.
"""

import datetime
from dataclasses import dataclass
from typing import Any

import factory

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.core.crypto import encrypt, keyed_hash, mask_identity_number
from sinergi.organisations.tests.factories import OrganisationFactory, lks_kind
from sinergi.people.choices import PlacementStatus, ServiceSetting, Sex, WorkerRole
from sinergi.people.models import Person, Placement, Worker
from sinergi.people.nik import nik_compose
from sinergi.people.services import person_match_key
from sinergi.vocabularies.models import Term, Vocabulary


def ppks(code: str) -> Term:
    return Term.objects.get(vocabulary=Vocabulary.PPKS, code=code)


def psks(code: str) -> Term:
    return Term.objects.get(vocabulary=Vocabulary.PSKS, code=code)


def pillar(code: str) -> Term:
    return Term.objects.get(vocabulary=Vocabulary.WELFARE_PILLAR, code=code)


def synthetic_nik(*, birth_date: datetime.date | None, sex: str, serial: int, district_code: str = "63.71.01") -> str:
    """A made-up NIK registered in Banjarmasin Selatan by default; serials keep them distinct."""
    return nik_compose(
        district_code=district_code,
        birth_date=birth_date or datetime.date(2000, 1, 1),
        sex=sex,
        serial=serial % 9999 + 1,
    )


class PersonFactory(factory.django.DjangoModelFactory):
    """A boy of ten at an LKSA in Kota Banjarmasin with a synthetic NIK; pass nik="" for none (reason "unknown")."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    class Params:
        nik = factory.LazyAttributeSequence(
            lambda o, n: synthetic_nik(birth_date=o.birth_date, sex=o.sex, serial=n + 1000)
        )

    organisation = factory.SubFactory(OrganisationFactory)
    province_code = factory.LazyAttribute(lambda o: o.organisation.province_code)
    regency_code = factory.LazyAttribute(lambda o: o.organisation.regency_code)
    full_name = factory.Sequence(lambda n: f"Anak Contoh {n:04d}")
    sex = Sex.MALE
    birth_date = factory.LazyFunction(lambda: datetime.date.today().replace(day=1) - datetime.timedelta(days=365 * 10))
    mother_name = factory.Sequence(lambda n: f"Ibu Contoh {n:04d}")
    nik_encrypted = factory.LazyAttribute(lambda o: encrypt(o.nik))
    nik_hash = factory.LazyAttribute(lambda o: keyed_hash(o.nik))
    nik_masked = factory.LazyAttribute(lambda o: mask_identity_number(o.nik) if o.nik else "")
    nik_missing_reason = factory.LazyAttribute(lambda o: "" if o.nik else "unknown")
    kk_missing_reason = "unknown"
    match_key = factory.LazyAttribute(
        lambda o: person_match_key(full_name=o.full_name, birth_date=o.birth_date, mother_name=o.mother_name)
    )

    @factory.post_generation
    def ppks_categories(obj, create, extracted, **kwargs):
        if create:
            obj.ppks_categories.set(extracted if extracted is not None else [ppks("anak_telantar")])


class PlacementFactory(factory.django.DjangoModelFactory):
    """An active residential placement at the person's LKS, admitted a month ago, as an "anak telantar"."""

    class Meta:
        model = Placement

    person = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda o: o.person.organisation)
    province_code = factory.LazyAttribute(lambda o: o.organisation.province_code)
    regency_code = factory.LazyAttribute(lambda o: o.organisation.regency_code)
    ppks_category = factory.LazyFunction(lambda: ppks("anak_telantar"))
    setting = ServiceSetting.RESIDENTIAL
    admitted_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    status = PlacementStatus.ACTIVE


class WorkerFactory(factory.django.DjangoModelFactory):
    """A caregiver (pengasuh, PSKS "lks") at an LKSA in Kota Banjarmasin, with a synthetic NIK."""

    class Meta:
        model = Worker

    class Params:
        nik = factory.LazyAttributeSequence(
            lambda o, n: synthetic_nik(birth_date=o.birth_date, sex=o.sex, serial=n + 5000)
        )

    organisation = factory.SubFactory(OrganisationFactory)
    province_code = factory.LazyAttribute(lambda o: o.organisation.province_code)
    regency_code = factory.LazyAttribute(lambda o: o.organisation.regency_code)
    full_name = factory.Sequence(lambda n: f"Pengasuh Contoh {n:04d}")
    sex = Sex.FEMALE
    birth_date = datetime.date(1985, 5, 17)
    nik_encrypted = factory.LazyAttribute(lambda o: encrypt(o.nik))
    nik_hash = factory.LazyAttribute(lambda o: keyed_hash(o.nik))
    nik_masked = factory.LazyAttribute(lambda o: mask_identity_number(o.nik) if o.nik else "")
    psks_category = factory.LazyFunction(lambda: psks("lks"))
    role = WorkerRole.CAREGIVER
    started_on = datetime.date(2020, 1, 6)


@dataclass
class PeopleWorld:
    """Two LKSA in Kota Banjarmasin, one in Kota Banjarbaru, an elderly home, and one user per scope."""

    lks: Any
    lks_same_regency: Any
    lks_other_regency: Any
    elderly_home: Any
    operator: Any
    other_operator: Any
    far_operator: Any
    regency_board: Any
    other_board: Any
    province_admin: Any
    dinsos_viewer: Any
    dinsos_province: Any
    dinsos_other: Any
    outsider: Any


def people_world() -> PeopleWorld:
    """Organisations and users for scope tests; usernames are fixed so tests can assert on audit data."""
    lks = OrganisationFactory(name="LKSA Harapan Contoh")
    lks_same = OrganisationFactory(name="LKSA Tetangga Contoh")
    lks_far = OrganisationFactory(name="LKSA Banjarbaru Contoh", region_id="63.72.02.1003")
    elderly = OrganisationFactory(name="Panti Werdha Contoh", primary_service_kind=lks_kind("lanjut_usia"))
    return PeopleWorld(
        lks=lks,
        lks_same_regency=lks_same,
        lks_other_regency=lks_far,
        elderly_home=elderly,
        operator=user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator.harapan"),
        other_operator=user_with_role(Role.LKS_OPERATOR, organisation=lks_same, username="operator.tetangga"),
        far_operator=user_with_role(Role.LKS_OPERATOR, organisation=lks_far, username="operator.banjarbaru"),
        regency_board=user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm"),
        other_board=user_with_role(Role.REGENCY_BOARD, region_code="63.72", username="pengurus.bjb"),
        province_admin=user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel"),
        dinsos_viewer=user_with_role(Role.DINSOS_VIEWER, region_code="63.71", username="dinsos.bjm"),
        dinsos_province=user_with_role(Role.DINSOS_VIEWER, region_code="63", username="dinsos.kalsel", email=""),
        dinsos_other=user_with_role(Role.DINSOS_VIEWER, region_code="63.72", username="dinsos.bjb"),
        outsider=UserFactory(username="orang.luar"),
    )
