from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from sinergi.core.deployment import is_national_deployment

from .services import TWO_FACTOR_ROLES, two_factor_required
from .zones import user_time_zone

__all__ = ["TWO_FACTOR_ROLES", "TWO_FACTOR_SESSION_KEY", "RequireTwoFactorMiddleware", "UserTimeZoneMiddleware"]

# Set at sign-in for users who turned TOTP on although their role does not require it.
TWO_FACTOR_SESSION_KEY = "accounts_two_factor_required"


class RequireTwoFactorMiddleware:
    """Sends a user who must use TOTP (superuser, province admin, or anyone who turned it on) and has not passed
    it in this session to the set-up or code page, remembering where they were going."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._exempt: tuple[str, ...] | None = None

    def exempt_prefixes(self) -> tuple[str, ...]:
        # Only what a half-signed-in user needs; profile and user management stay behind the second factor.
        # The API is exempt because machines authenticate with tokens, not sessions.
        if self._exempt is None:
            self._exempt = (
                reverse("accounts:login"),
                reverse("accounts:logout"),
                reverse("accounts:two_factor"),
                reverse("accounts:password_reset"),
                "/accounts/reset/",
                "/static/",
                "/i18n/",
                "/api/",
            )
        return self._exempt

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(self.exempt_prefixes())
            and (request.session.get(TWO_FACTOR_SESSION_KEY) or two_factor_required(user))
            and not user.is_verified()
        ):
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """On a national server, the request runs on the clock of the user's province (accounts.zones.user_time_zone):
    a form's "today", its future-date rule and the times a page shows are the user's, not the server's. A province
    server keeps its one TIME_ZONE, without looking at the user. Placed after AuthenticationMiddleware.

    API calls signed with a token are authenticated by the view, after this: ZonedTokenAuthentication moves them
    onto the user's clock, and this override takes it back when the request ends."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_national_deployment():
            return self.get_response(request)
        zone = user_time_zone(getattr(request, "user", None))
        with timezone.override(zone):
            response = self.get_response(request)
        streamed = isinstance(response, StreamingHttpResponse) and not isinstance(response, FileResponse)
        if streamed and not response.is_async:
            # A streamed CSV is written after this returns: its rows must still be on the user's clock.
            response.streaming_content = _on_clock(response.streaming_content, zone)
        return response


def _on_clock(chunks: Iterable[bytes], zone: ZoneInfo) -> Iterator[bytes]:
    with timezone.override(zone):
        yield from chunks
