"""Two-factor sign-in (TOTP): whether a user needs it, setting up, checking and turning off the device, and an
administrator's reset after a lost phone.
"""

import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinergi.audit.services import audit_record

from ..models import User
from ..scope import roles_of
from ._common import TWO_FACTOR_ROLES, _require_manageable
from .signins import _api_token_drop


def two_factor_required(user: User) -> bool:
    """Whether this user must pass TOTP in every session: superusers and province admins."""
    return bool(user.is_superuser or roles_of(user) & TWO_FACTOR_ROLES)


def totp_device_for(user: User) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def totp_device_confirm(*, user: User, key: str, token: str, request: HttpRequest | None = None) -> TOTPDevice:
    """Creates the user's TOTP device from the secret shown at set-up, once they prove it with a first code."""
    if totp_device_for(user) is not None:
        raise ValidationError({"token": _("Verifikasi dua langkah sudah aktif untuk akun ini.")})
    device = TOTPDevice(user=user, name="default", key=key, confirmed=True)
    # Checked with the bare algorithm because device.verify_token() saves the device on a miss; the device is
    # stored only once the code matches, so an abandoned set-up leaves nothing behind.
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    token = token.strip()
    # ASCII digits: "²" is a digit to str.isdigit, not to int (an error page instead of "Kode tidak cocok").
    if not (token.isascii() and token.isdigit() and totp.verify(int(token), device.tolerance)):
        raise ValidationError({"token": _("Kode tidak cocok. Periksa jam ponsel Anda lalu masukkan kode terbaru.")})
    device.last_t = totp.t()  # the same code cannot be replayed at the next sign-in
    with transaction.atomic():
        device.save()
        audit_record(actor=user, action="accounts.user.two_factor_enabled", obj=user, request=request)
    return device


def totp_verify(*, user: User, token: str, request: HttpRequest | None = None) -> TOTPDevice:
    """Checks a code against the user's device; raises with the reason when it fails (throttled after misses)."""
    device = totp_device_for(user)
    if device is None:
        raise ValidationError({"token": _("Verifikasi dua langkah belum disiapkan untuk akun ini.")})
    allowed, info = device.verify_is_allowed()
    if not allowed:
        raise ValidationError({"token": _("Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi.")})
    # verify_token() keeps django-otp's own counters (replay protection, throttling). The row lock makes two
    # simultaneous requests with the same code take turns, so the second sees the code as used; nothing is raised
    # inside the block, so a wrong code's counters are committed too.
    token = token.strip()
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        accepted = token.isascii() and token.isdigit() and device.verify_token(token)
    if not accepted:
        audit_record(actor=user, action="accounts.user.two_factor_failed", obj=user, request=request)
        raise ValidationError({"token": _("Kode salah atau sudah kedaluwarsa.")})
    audit_record(actor=user, action="accounts.user.two_factor_verified", obj=user, request=request)
    return device


def totp_disable(*, user: User, token: str, request: HttpRequest | None = None) -> None:
    """Turns optional two-factor off for a user whose role does not require it, after one last valid code."""
    if two_factor_required(user):
        raise PermissionDenied(_("Peran Anda mewajibkan verifikasi dua langkah; fitur ini tidak dapat dimatikan."))
    totp_verify(user=user, token=token, request=request)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit_record(actor=user, action="accounts.user.two_factor_disabled", obj=user, request=request)


def user_two_factor_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """An administrator removes a user's TOTP device (lost phone); the user sets it up again at next sign-in."""
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri."))
    with transaction.atomic():
        deleted, _details = TOTPDevice.objects.filter(user=user).delete()
        if not deleted:
            raise ValidationError(_("Pengguna ini belum mengaktifkan verifikasi dua langkah."))
        audit_record(actor=actor, action="accounts.user.two_factor_reset", obj=user, request=request)
        # A lost or stolen phone: the token issued with its codes goes with it.
        _api_token_drop(user=user, actor=actor, reason="two_factor_reset", request=request)
