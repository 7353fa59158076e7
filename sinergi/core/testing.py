"""Helpers shared by the test suites of several apps."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def otp_login(client, user) -> None:
    """Signs `user` in with a second factor already passed, as the 2FA middleware requires of province admins."""
    device = TOTPDevice.objects.create(user=user, name="uji", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
