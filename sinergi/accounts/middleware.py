from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .services import TWO_FACTOR_ROLES, two_factor_required

__all__ = ["TWO_FACTOR_ROLES", "TWO_FACTOR_SESSION_KEY", "RequireTwoFactorMiddleware"]

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
