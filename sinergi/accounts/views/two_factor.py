"""TOTP set-up and code entry (django-otp), and turning optional two-factor off."""

import base64
from binascii import unhexlify

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from ..forms import TokenForm
from ..middleware import TWO_FACTOR_SESSION_KEY
from ..services import totp_device_confirm, totp_device_for, totp_disable, totp_verify, two_factor_required
from ._helpers import form_errors_from, safe_next_url

# The secret being set up lives in the session until the first code proves the phone has it.
PENDING_KEY_SESSION_KEY = "accounts_totp_pending_key"


def qr_code_svg(data: str) -> str:
    """An inline SVG QR code of `data`, drawn here: the secret never leaves the server."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    return image.to_string(encoding="unicode")


def secret_for_display(hex_key: str) -> str:
    """The key in base32, in groups of four, as authenticator apps ask for it when typed in by hand."""
    secret = base64.b32encode(unhexlify(hex_key)).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class TwoFactorView(LoginRequiredMixin, View):
    """Set-up (QR code + secret, confirmed by a first code) for a user without a device; code entry otherwise."""

    template_name = "accounts/two_factor.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_verified():
            return redirect(safe_next_url(request))
        return self.render(TokenForm(), totp_device_for(request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        device = totp_device_for(request.user)
        form = TokenForm(request.POST)
        if form.is_valid():
            token = form.cleaned_data["token"]
            try:
                if device is None:
                    key = request.session.get(PENDING_KEY_SESSION_KEY)
                    if not key:
                        raise ValidationError({"token": _("Sesi penyiapan berakhir. Pindai kode QR yang baru.")})
                    device = totp_device_confirm(user=request.user, key=key, token=token, request=request)
                    del request.session[PENDING_KEY_SESSION_KEY]
                    messages.success(request, _("Verifikasi dua langkah telah diaktifkan."))
                else:
                    device = totp_verify(user=request.user, token=token, request=request)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                django_otp.login(request, device)
                return redirect(safe_next_url(request))
        return self.render(form, device)

    def render(self, form: TokenForm, device: TOTPDevice | None) -> HttpResponse:
        context = {"form": form, "device": device, "next": safe_next_url(self.request)}
        if device is None:
            key = self.request.session.get(PENDING_KEY_SESSION_KEY)
            if not key:
                key = random_hex(20)
                self.request.session[PENDING_KEY_SESSION_KEY] = key
            # An unsaved device gives us the standard otpauth:// URL (issuer, label, digits, period).
            config_url = TOTPDevice(user=self.request.user, key=key).config_url
            context.update({"qr_svg": mark_safe(qr_code_svg(config_url)), "secret": secret_for_display(key)})
        return render(self.request, self.template_name, context)


class TwoFactorDisableView(LoginRequiredMixin, View):
    """Turns optional two-factor off after one last valid code (POST from the profile page)."""

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Masukkan kode verifikasi untuk mematikan verifikasi dua langkah."))
            return redirect("accounts:profile")
        try:
            totp_disable(user=request.user, token=form.cleaned_data["token"], request=request)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            request.session.pop(TWO_FACTOR_SESSION_KEY, None)
            messages.success(request, _("Verifikasi dua langkah telah dimatikan."))
        return redirect("accounts:profile")


def two_factor_status(user) -> dict:
    """What the profile page shows about two-factor."""
    return {"two_factor_enabled": totp_device_for(user) is not None, "two_factor_required": two_factor_required(user)}
