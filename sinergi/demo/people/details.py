"""A made-up person's details: a name ending in "Contoh", a birth date in an age range, a NIK with a serial running
per kecamatan (stored encrypted, hashed and masked as the services store it), the setting of a stay at an LKS."""

import datetime
import random

from sinergi.core.crypto import encrypt, keyed_hash, mask_identity_number
from sinergi.organisations.choices import CareSetting
from sinergi.organisations.models import Organisation
from sinergi.people.choices import ServiceSetting, Sex
from sinergi.people.models import Person
from sinergi.people.nik import nik_compose

from .profiles import FEMALE_NAMES, MALE_NAMES, MIDDLE_NAMES


def _name(rng: random.Random, sex: str) -> str:
    first = rng.choice(MALE_NAMES if sex == Sex.MALE else FEMALE_NAMES)
    return f"{first} {rng.choice(MIDDLE_NAMES)} Contoh"


def _birth_date(rng: random.Random, today: datetime.date, low: int, high: int) -> datetime.date:
    age_days = rng.randint(low * 365 + 30, high * 365 + 300)
    return today - datetime.timedelta(days=age_days)


def _kind(organisation: Organisation) -> str:
    return organisation.primary_service_kind.code if organisation.primary_service_kind_id else "lainnya"


def _setting(rng: random.Random, organisation: Organisation) -> str:
    if organisation.care_setting == CareSetting.COMMUNITY:
        return ServiceSetting.COMMUNITY
    if organisation.care_setting == CareSetting.BOTH:
        return rng.choice([ServiceSetting.RESIDENTIAL, ServiceSetting.COMMUNITY])
    return ServiceSetting.RESIDENTIAL


class _Serials:
    """NIK serials running per kecamatan, so two made-up people never share a NIK by accident (and the masked
    forms, which show the serial, differ)."""

    def __init__(self, rng: random.Random) -> None:
        self.next: dict[str, int] = {}
        self.rng = rng

    def nik(self, *, district: str, birth_date: datetime.date, sex: str) -> str:
        serial = self.next.get(district) or self.rng.randint(1, 5000)
        self.next[district] = serial % 9999 + 1
        return nik_compose(district_code=district, birth_date=birth_date, sex=sex, serial=serial)


def _identity(person: Person, nik: str) -> None:
    person.nik_encrypted, person.nik_hash, person.nik_masked = encrypt(nik), keyed_hash(nik), mask_identity_number(nik)
