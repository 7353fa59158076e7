"""API sign-in: exchange a password for a token, revoke it, and tell the caller who they are."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from ..services import api_token_issue, api_token_revoke, login_failure_record
from .serializers import ErrorSerializer, MeSerializer, TokenRequestSerializer, TokenSerializer


class TokenObtainThrottle(ScopedRateThrottle):
    """Limits password attempts per client (rate `token` in DEFAULT_THROTTLE_RATES); revoking is not limited."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


class AuthTokenView(APIView):
    """POST: username and password for an API token. DELETE: revoke the caller's token."""

    throttle_classes = [TokenObtainThrottle]
    throttle_scope = "token"

    def get_permissions(self) -> list:
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    @extend_schema(
        operation_id="auth_token_create",
        summary="Obtain an API token",
        description="Exchanges a username and password for the user's API token (send it as "
        "`Authorization: Token <token>`). Limited to 10 requests a minute per client; after 5 wrong passwords the "
        "account is locked for 15 minutes, during which even the right password gets 429.",
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Wrong username or password, or a missing field."),
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
            login_failure_record(username=username, request=django_request, via="api")
            # We answer in JSON here; the flag would make AxesMiddleware swap in its HTML lockout page.
            django_request.axes_locked_out = False
            minutes = int(settings.AXES_COOLOFF_TIME * 60)
            detail = _(
                "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah %(minutes)s menit."
            )
            return Response({"detail": detail % {"minutes": minutes}}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        if user is None:
            login_failure_record(username=username, request=django_request, via="api")
            return Response({"detail": _("Nama pengguna atau kata sandi salah.")}, status=status.HTTP_400_BAD_REQUEST)
        token = api_token_issue(user=user, request=django_request)
        return Response({"token": token.key})

    @extend_schema(
        operation_id="auth_token_destroy",
        summary="Revoke the caller's API token",
        description="Deletes the token the caller holds; a new one can be obtained with POST.",
        responses={204: None},
    )
    def delete(self, request: Request) -> Response:
        api_token_revoke(user=request.user, request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """The signed-in user and their active memberships."""

    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="auth_me_retrieve", summary="The signed-in user", responses={200: MeSerializer})
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)
