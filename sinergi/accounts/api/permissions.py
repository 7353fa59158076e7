"""API permissions that carry the web's sign-in rules over to the JSON API.

Imported by DRF while rest_framework.views itself is being imported (DEFAULT_PERMISSION_CLASSES), so nothing here may
import that module at run time.
"""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BasicAuthentication, SessionAuthentication, TokenAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ..middleware import TWO_FACTOR_SESSION_KEY
from ..models import Membership, User
from ..services import TWO_FACTOR_ROLES, totp_device_for, two_factor_required

if TYPE_CHECKING:
    from rest_framework.authtoken.models import Token
    from rest_framework.views import APIView

# Authenticators that prove only a password. A token is issued only after the second factor (see AuthTokenView) to
# a user who needs one, so a token needs no further check unless that need came after it (below).
PASSWORD_ONLY_AUTHENTICATORS = (SessionAuthentication, BasicAuthentication)

TOKEN_BEFORE_SECOND_FACTOR = _(
    "Peran Anda kini mewajibkan verifikasi dua langkah, dan token ini diterbitkan sebelumnya tanpa kode. Minta token "
    "baru dengan kode dari aplikasi autentikator."
)


class SecondFactorPassed(BasePermission):
    """Refuses a user signed in by password only (a browser session) who must use TOTP and has not passed it.

    RequireTwoFactorMiddleware leaves /api/ alone (machines use tokens), so this is the API's half of that rule.
    Anonymous callers pass: whether they may see anything is for the view's other permissions to say.
    """

    message = _(
        "Verifikasi dua langkah diperlukan. Masukkan kode dari aplikasi autentikator di halaman masuk "
        "sebelum memakai API dengan sesi ini."
    )

    def has_permission(self, request: Request, view: "APIView") -> bool:
        user = request.user
        if user is None or not user.is_authenticated:
            return True
        if isinstance(request.successful_authenticator, TokenAuthentication):
            if _issued_before_second_factor_was_needed(user, request.auth):
                self.message = TOKEN_BEFORE_SECOND_FACTOR
                return False
            return True
        if not isinstance(request.successful_authenticator, PASSWORD_ONLY_AUTHENTICATORS):
            return True
        # django-otp's middleware installs is_verified() on the session user; without it nothing was verified.
        is_verified = getattr(user, "is_verified", None)
        if is_verified is not None and is_verified():
            return True
        if two_factor_required(user):
            return False
        # Turned on voluntarily: a session carries the flag set at sign-in (as the middleware reads it); a password
        # sent with each request has no session, so the device itself is looked up.
        if isinstance(request.successful_authenticator, SessionAuthentication):
            return not request._request.session.get(TWO_FACTOR_SESSION_KEY)
        return totp_device_for(user) is None


def _issued_before_second_factor_was_needed(user: User, token: "Token | None") -> bool:
    """Whether the token predates the role that makes the user need the second factor: it was then issued on a
    password alone. The services drop a token when they grant such a role; this also covers a role given elsewhere
    (a shell or a data fix, which call no service)."""
    if token is None or not two_factor_required(user):
        return False
    granted = (
        Membership.objects.filter(user=user, role__in=TWO_FACTOR_ROLES, is_active=True)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return granted is not None and token.created < granted
