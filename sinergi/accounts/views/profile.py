"""The signed-in user's own profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from ..forms import OwnProfileForm, TokenForm
from ..models import User
from ..services import user_language_set, user_update
from ._helpers import LANGUAGE_CHOSEN_SESSION_KEY, form_errors_from, set_language_cookie
from .two_factor import two_factor_status


class ProfileView(LoginRequiredMixin, View):
    """Name, e-mail, phone and language (editable); roles, two-factor status and the password-change link."""

    template_name = "accounts/profile.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(OwnProfileForm(instance=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        # The form edits a copy so that a refused change never shows up half-applied in the page header.
        form = OwnProfileForm(request.POST, instance=User.objects.get(pk=request.user.pk))
        if form.is_valid():
            try:
                user = user_update(actor=request.user, user=request.user, request=request, **form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Profil Anda telah disimpan."))
                response = redirect("accounts:profile")
                set_language_cookie(response, user.preferred_language)
                return response
        return self.render(form)

    def render(self, form: OwnProfileForm) -> HttpResponse:
        memberships = request_memberships(self.request.user)
        context = {
            "form": form,
            "memberships": memberships,
            "token_form": TokenForm(),
            **two_factor_status(self.request.user),
        }
        return render(self.request, self.template_name, context)


def request_memberships(user) -> list:
    """All of the user's memberships, active first, with what they are bound to."""
    return list(user.memberships.select_related("region", "organisation").order_by("-is_active", "role", "id"))


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """The header's language switch: Django's set_language (the cookie, back to the page), and for a signed-in user
    also their preferred language. Else the choice was lost at the next sign-in, which sets the cookie from the
    profile, and the profile itself offered the other language, so that saving it switched the interface back."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        user_language_set(actor=request.user, language=language, request=request)
    else:
        # Chosen on the sign-in page: the sign-in makes it the user's language (LoginView), instead of undoing it.
        request.session[LANGUAGE_CHOSEN_SESSION_KEY] = language
    return response
