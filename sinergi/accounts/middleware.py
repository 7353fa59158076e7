from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .scope import roles_of
from .models import Role

# Roles that must prove a second factor before they see anything.
TWO_FACTOR_ROLES = {Role.PROVINCE_ADMIN}


class RequireTwoFactorMiddleware:
    """Sends a province admin who has not passed TOTP in this session to set it up or enter a code."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(("/accounts/", "/static/", "/i18n/", "/api/"))
            and (user.is_superuser or roles_of(user) & TWO_FACTOR_ROLES)
            and not user.is_verified()
        ):
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)
