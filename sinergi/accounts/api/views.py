"""API sign-in: exchange a password (and TOTP code) for a token, revoke it, and tell the caller who they are."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from sinergi.core.api import KnownQueryParameters

from ..models import User
from ..services import (
    api_token_issue,
    api_token_revoke,
    login_failure_record,
    totp_device_for,
    totp_verify,
    two_factor_required,
)
from .permissions import SecondFactorPassed
from .serializers import ErrorSerializer, MeSerializer, TokenRequestSerializer, TokenSerializer


class TokenObtainThrottle(ScopedRateThrottle):
    """Limits password attempts per client (rate `token` in DEFAULT_THROTTLE_RATES); revoking is not limited."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


class AuthTokenView(KnownQueryParameters, APIView):
    """POST: username, password and (for two-factor accounts) TOTP code for an API token. DELETE: revoke it."""

    throttle_classes = [TokenObtainThrottle]
    throttle_scope = "token"

    def get_permissions(self) -> list:
        # SecondFactorPassed is repeated here because this list replaces DEFAULT_PERMISSION_CLASSES.
        if self.request.method == "POST":
            return [AllowAny(), SecondFactorPassed()]
        return [IsAuthenticated(), SecondFactorPassed()]

    @extend_schema(
        operation_id="auth_token_create",
        summary="Obtain an API token",
        description="Exchanges a username and password for the user's API token (send it as "
        "`Authorization: Token <token>`). Accounts that use two-factor (province admins, superusers, and anyone who "
        "turned it on) must also send `otp`, the current 6-digit code of their authenticator app; each code works "
        "once. Limited to 10 requests a minute per client; after 5 wrong passwords or codes the account is locked "
        "for 15 minutes, during which even the right password gets 429.",
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(
                ErrorSerializer,
                description="Wrong username or password (`detail`), a missing or wrong code (`otp`), or a missing "
                "field.",
            ),
            429: OpenApiResponse(ErrorSerializer, description="Locked out after repeated failures, or throttled."),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        # The plain Django request goes to authenticate() so that django-axes counts the attempt and can lock out.
        django_request = request._request
        user = authenticate(django_request, username=username, password=serializer.validated_data["password"])
        if getattr(django_request, "axes_locked_out", False):
            return self.locked_out(username=username, django_request=django_request)
        if user is None:
            login_failure_record(username=username, request=django_request, via="api")
            return Response({"detail": _("Nama pengguna atau kata sandi salah.")}, status=status.HTTP_400_BAD_REQUEST)
        if two_factor_required(user) or totp_device_for(user) is not None:
            refusal = self.second_factor_refusal(
                user=user,
                username=username,
                otp=serializer.validated_data.get("otp", ""),
                django_request=django_request,
            )
            if refusal is not None:
                return refusal
        token = api_token_issue(user=user, request=django_request)
        return Response({"token": token.key})

    def second_factor_refusal(
        self, *, user: User, username: str, otp: str, django_request: HttpRequest
    ) -> Response | None:
        """None when `otp` is the user's current, unused code; otherwise the response refusing the token."""
        if totp_device_for(user) is None:
            message = _(
                "Verifikasi dua langkah belum disiapkan untuk akun ini. Masuk melalui situs web untuk menyiapkannya, "
                "lalu minta token lagi."
            )
            return Response({"otp": [message]}, status=status.HTTP_400_BAD_REQUEST)
        if not otp:
            # Not a guess, so not counted: the caller learns only that this account needs a code.
            message = _("Akun ini memakai verifikasi dua langkah: sertakan kode 6 digit dari aplikasi autentikator.")
            return Response({"otp": [message]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            # totp_verify refuses a code already used (django-otp keeps the last time step) and throttles misses.
            totp_verify(user=user, token=otp, request=django_request)
        except ValidationError as error:
            # A wrong code counts towards the django-axes lockout exactly like a wrong password: authenticate()
            # reports those through the same signal.
            user_login_failed.send(sender=__name__, credentials={"username": username}, request=django_request)
            if getattr(django_request, "axes_locked_out", False):
                return self.locked_out(username=username, django_request=django_request)
            login_failure_record(username=username, request=django_request, via="api")
            return Response({"otp": error.message_dict["token"]}, status=status.HTTP_400_BAD_REQUEST)
        return None

    def locked_out(self, *, username: str, django_request: HttpRequest) -> Response:
        """429 in JSON for a client that django-axes has locked out (now or by an earlier failure)."""
        login_failure_record(username=username, request=django_request, via="api")
        # We answer in JSON here; the flag would make AxesMiddleware swap in its HTML lockout page.
        django_request.axes_locked_out = False
        minutes = int(settings.AXES_COOLOFF_TIME * 60)
        detail = _("Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah %(minutes)s menit.")
        return Response({"detail": detail % {"minutes": minutes}}, status=status.HTTP_429_TOO_MANY_REQUESTS)

    @extend_schema(
        operation_id="auth_token_destroy",
        summary="Revoke the caller's API token",
        description="Deletes the token the caller holds; a new one can be obtained with POST.",
        responses={204: None},
    )
    def delete(self, request: Request) -> Response:
        api_token_revoke(user=request.user, request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(KnownQueryParameters, APIView):
    """The signed-in user and their active memberships."""

    permission_classes = [IsAuthenticated, SecondFactorPassed]

    @extend_schema(operation_id="auth_me_retrieve", summary="The signed-in user", responses={200: MeSerializer})
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)
