"""Sign-in, sign-out and password pages: Django's views with our templates, and an audit record for each event."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..forms import LoginForm
from ..middleware import TWO_FACTOR_SESSION_KEY
from ..models import User
from ..services import (
    PasswordResetLimited,
    login_failure_record,
    login_record,
    logout_record,
    password_change_record,
    password_reset_request,
    totp_device_for,
    two_factor_required,
    user_language_set,
)
from ._helpers import LANGUAGE_CHOSEN_SESSION_KEY, set_language_cookie

# Scripts and other systems that used the token stop working: said, so that they are not taken for a fault.
TOKEN_REVOKED = gettext_lazy(
    "Token API Anda ikut dicabut karena kata sandi berganti. Minta token baru untuk skrip atau sistem yang memakai API."
)


class LoginView(auth_views.LoginView):
    """Sign-in page; records the outcome and sends users who need a second factor on to it."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        login_record(user=user, request=self.request)
        if chosen := self.request.session.pop(LANGUAGE_CHOSEN_SESSION_KEY, None):
            # The language the visitor switched to on the way in is theirs, as the switch makes it once signed in.
            user_language_set(actor=user, language=chosen, request=self.request)
        set_language_cookie(response, user.preferred_language)
        return response

    def form_invalid(self, form: LoginForm) -> HttpResponse:
        username = form.data.get("username", "")
        # Only a real attempt (both fields filled, so authenticate() ran and axes counted it) is worth a record.
        if username and form.data.get("password"):
            login_failure_record(username=username, request=self.request)
        return super().form_invalid(form)

    def get_success_url(self) -> str:
        url = super().get_success_url()
        user = self.request.user
        # Users who turned TOTP on voluntarily must use it too; the flag spares the middleware a query per request.
        if two_factor_required(user) or totp_device_for(user) is not None:
            self.request.session[TWO_FACTOR_SESSION_KEY] = True
            return f"{reverse('accounts:two_factor')}?{urlencode({'next': url})}"
        return url


class LogoutView(auth_views.LogoutView):
    """Signs out (POST only) and records it."""

    template_name = "accounts/logged_out.html"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            logout_record(user=request.user, request=request)
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password (the old one is asked first)."""

    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        revoked = password_change_record(user=form.user, request=self.request, via="change")
        messages.success(self.request, _("Kata sandi Anda telah diubah."))
        if revoked:
            messages.warning(self.request, TOKEN_REVOKED)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a password-reset link by e-mail (the page says the same whether or not the address is known)."""

    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form) -> HttpResponse:
        # Instead of Django's form.save(), which mails at once and only for a known address (the time taken told
        # which addresses have accounts): the service counts, audits and leaves the mail to the task worker.
        try:
            password_reset_request(email=form.cleaned_data["email"], request=self.request)
        except PasswordResetLimited as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return redirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """Tells the user to check their mailbox."""

    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from an e-mailed link (also how invited users set their first password)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_user(self, uidb64: str) -> User | None:
        # Django's view takes any account the link names, so a deactivated user's unexpired invitation or reset
        # link still set a password, which then waited for a reactivation; the page says the link is no longer valid.
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        if password_change_record(user=form.user, request=self.request, via="reset"):
            messages.warning(self.request, TOKEN_REVOKED)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    """Confirms the new password and points to the sign-in page."""

    template_name = "accounts/password_reset_complete.html"


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin site's sign-in: ours for a visitor (the admin's own would bypass lockout auditing and the second
    factor). A signed-in user who is not technical staff is told so (403) rather than sent to sign in again, which
    the admin would answer with this page again, for ever."""
    if request.user.is_authenticated:
        # The role page, answered here: raised, the expected refusal would be logged with a traceback.
        return render(request, "403.html", status=403)
    query = request.GET.urlencode()
    return redirect(f"{reverse('accounts:login')}?{query}" if query else reverse("accounts:login"))


def session_keepalive(request: HttpRequest) -> HttpResponse:
    """Asked by the page every few minutes while a form holds input not yet sent (sinergi.js): typing is no request,
    and a long form (an admission filled during an interview) outlived the 30-minute idle timeout, its input lost at
    "Simpan" (the fifty-third review). 204 renews the session (SessionActivityMiddleware); 401 says it has ended,
    so the page can tell the user before they send."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal in the site's layout and words. Its usual cause here: a form left open while the user
    signed out and in again in another tab (which renews the token); sinergi.js sends the current token with every
    form, so what remains is a page older than the browser's cookie, or cookies turned off."""
    return render(request, "errors/csrf.html", status=403)
