"""A small registry with known numbers, shared by the statistics tests.

Active LKS (kind lks/lks_asing, status active), by primary kind:
  63.71 Kota Banjarmasin: anak 3, lanjut_usia 1, napza 1 (LKS asing), lainnya 1 (no primary kind)  -> 6
  63.72 Kota Banjarbaru:  anak 2, disabilitas 1                                                       -> 3
  63.03 Banjar:           napza 1                                                                     -> 1
  province level only:    anak 1 (no kabupaten/kota code)                                             -> 1
  total 11 = anak 6, lanjut_usia 1, disabilitas 1, napza 2, lainnya 1.
Not counted: a draft, a verified and an inactive LKS in 63.71, a draft in 63.72, a religious organisation and
the LKKKS boards. Permit dates are relative to TODAY (the real date, as the pages use it).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.organisations.choices import OrganisationKind, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.organisations.tests.factories import BoardFactory, OrganisationFactory, grade, lks_kind
from sinergi.statistics.models import OfficialFigure

TODAY = timezone.localdate()
BANJARMASIN = "63.71.01.1001"
BANJARBARU = "63.72.02.1003"


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@dataclass
class Registry:
    """The organisations of the scenario that tests refer to by name."""

    operated: Organisation  # the 63.71 LKS whose operator is `operator`
    elderly: Organisation
    draft: Organisation
    banjarbaru: Organisation


@pytest.fixture
def registry(db) -> Registry:
    operated = OrganisationFactory(
        name="LKSA Harapan Bunda",
        region_id=BANJARMASIN,
        accreditation_grade=grade("C"),
        permit_expires_on=day(30),
        registration_expires_on=day(200),
        latitude=Decimal("-3.319400"),
        longitude=Decimal("114.590800"),
        head_name="Budi Santoso",
        permit_number="503/123/DPMPTSP/2020",
    )
    OrganisationFactory.create_batch(2, region_id=BANJARMASIN)
    elderly = OrganisationFactory(
        name="LKS Lansia Sejahtera",
        region_id=BANJARMASIN,
        primary_service_kind=lks_kind("lanjut_usia"),
        registration_expires_on=day(-10),
        registration_number="TD-63-0042",
    )
    OrganisationFactory(kind=OrganisationKind.LKS_ASING, region_id=BANJARMASIN, primary_service_kind=lks_kind("napza"))
    OrganisationFactory(region_id=BANJARMASIN, primary_service_kind=None)
    draft = OrganisationFactory(
        name="LKS Draf",
        region_id=BANJARMASIN,
        status=OrganisationStatus.DRAFT,
        accreditation_grade=grade("A"),
        permit_expires_on=day(90),
        latitude=Decimal("-3.300000"),
        longitude=Decimal("114.600000"),
    )
    OrganisationFactory(
        region_id=BANJARMASIN, status=OrganisationStatus.VERIFIED, primary_service_kind=lks_kind("disabilitas")
    )
    OrganisationFactory(region_id=BANJARMASIN, status=OrganisationStatus.INACTIVE, permit_expires_on=day(5))
    OrganisationFactory(
        kind=OrganisationKind.RELIGIOUS,
        region_id=BANJARMASIN,
        primary_service_kind=None,
        permit_expires_on=day(1),
    )

    banjarbaru = OrganisationFactory(
        name="LKSA Banjarbaru Mandiri",
        region_id=BANJARBARU,
        permit_expires_on=day(91),
        registration_expires_on=day(60),
        latitude=Decimal("-3.442500"),
        longitude=Decimal("114.830500"),
    )
    OrganisationFactory(region_id=BANJARBARU)
    OrganisationFactory(
        region_id=BANJARBARU, primary_service_kind=lks_kind("disabilitas"), accreditation_grade=grade("A")
    )
    OrganisationFactory(region_id=BANJARBARU, status=OrganisationStatus.DRAFT)

    OrganisationFactory(region_id="63.03", primary_service_kind=lks_kind("napza"), accreditation_grade=grade("B"))
    OrganisationFactory(region_id="63")

    BoardFactory(name="LKKKS Provinsi Kalimantan Selatan", region_id="63")
    BoardFactory(name="LKKKS Kota Banjarmasin", region_id="63.71")
    BoardFactory(name="LKKKS Kota Banjarbaru", region_id="63.72", status=OrganisationStatus.DRAFT)
    BoardFactory(name="LKKKS Kabupaten Banjar", region_id="63.03", status=OrganisationStatus.INACTIVE)

    return Registry(operated, elderly, draft, banjarbaru)


@pytest.fixture
def official(db) -> list[OfficialFigure]:
    source = "Dinas Sosial Provinsi Kalimantan Selatan"
    return [
        OfficialFigure.objects.create(
            region_id="63",
            as_of=date(2022, 8, 24),
            total=135,
            by_kind={"anak": 120, "lanjut_usia": 3, "disabilitas": 9, "napza": 3},
            source=source,
            source_url="https://diskominfomc.kalselprov.go.id/2022/08/24/",
        ),
        OfficialFigure.objects.create(
            region_id="63",
            as_of=date(2023, 2, 20),
            total=154,
            by_kind={"anak": 140, "lanjut_usia": 4, "disabilitas": 7, "napza": 3},
            source="Rakor LKKKS Kalsel",
        ),
        OfficialFigure.objects.create(
            region_id="63", as_of=date(2025, 8, 17), total=1234, by_kind={}, source="Pengukuhan LKKKS"
        ),
    ]


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", full_name="Siti Admin Provinsi")


@pytest.fixture
def board_member(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", full_name="Ahmad Pengurus")


@pytest.fixture
def dinsos_viewer(db):
    return user_with_role(Role.DINSOS_VIEWER, region_code="63.72")


@pytest.fixture
def operator(registry):
    return user_with_role(Role.LKS_OPERATOR, organisation=registry.operated)


@pytest.fixture
def outsider(db):
    """Signed in, but with no role anywhere."""
    return UserFactory()


def otp_login(client, user) -> None:
    """Signs `user` in with a second factor already passed, as the 2FA middleware requires of province admins."""
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
