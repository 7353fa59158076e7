import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.accounts.models import Role
from sinergi.accounts.tests.factories import UserFactory, user_with_role


def login_verified(client, user) -> None:
    """Signs in as if the user had also passed TOTP, as province admins and superusers must."""
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def province_admin(db):
    return user_with_role(Role.PROVINCE_ADMIN, region_code="63", username="admin.kalsel")


@pytest.fixture
def superuser(db):
    return UserFactory(username="super", is_superuser=True, is_staff=True)


@pytest.fixture
def regency_board(db):
    return user_with_role(Role.REGENCY_BOARD, region_code="63.71", username="pengurus.bjm")


@pytest.fixture
def admin_client(client, province_admin):
    login_verified(client, province_admin)
    return client
