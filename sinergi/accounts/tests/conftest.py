from binascii import unhexlify

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role
from sinergi.organisations.tests.factories import OrganisationFactory


def totp_code(hex_key: str, *, drift: int = 0) -> str:
    """The code an authenticator app would show now for this key (drift=1: the next time step's code)."""
    return f"{totp(unhexlify(hex_key), drift=drift):06d}"


def device_for(user, *, confirmed: bool = True) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="default", confirmed=confirmed)


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel")


@pytest.fixture
def regency_board(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")


@pytest.fixture
def superuser(db):
    return UserFactory(username="super", is_superuser=True, is_staff=True)


@pytest.fixture
def lks(db):
    return OrganisationFactory(name="LKSA Harapan Bangsa")


@pytest.fixture
def lks_operator(lks):
    return user_with_role(Role.LKS_OPERATOR, organisation=lks, username="operator.harapan")
