"""Sign-ins and what follows from them: the audit of signing in and out, failed attempts and lockouts, password
changes and reset requests, the hourly removal of expired sessions and of django-axes' old log, and the API token
(issued at an API sign-in, revoked when the password changes).

Apart from the account writes (users.py, memberships.py): these are done by or for the person signing in.
"""

import datetime

from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from sinergi.audit.selectors import audit_event_count
from sinergi.audit.services import audit_record, client_ip

from ..models import User
from ..tasks import password_reset_emails


def login_record(*, user: User, request: HttpRequest | None, via: str = "web") -> None:
    """Audits a successful sign-in."""
    audit_record(actor=user, action="accounts.user.logged_in", obj=user, data={"via": via}, request=request)


def logout_record(*, user: User, request: HttpRequest | None) -> None:
    """Audits a sign-out (call it before the session is flushed, while the user is still known)."""
    audit_record(actor=user, action="accounts.user.logged_out", obj=user, request=request)


def login_failure_record(*, username: str, request: HttpRequest | None, via: str = "web") -> None:
    """Audits a failed sign-in and, when django-axes has just locked the account, the lockout itself.

    Called explicitly by the two places that check passwords (the sign-in page and the token endpoint) rather than
    from Django's user_login_failed signal, so that the record sits next to the code that knows the outcome.
    """
    user = User.objects.filter(username=username).first() if username else None
    locked_out = bool(request is not None and getattr(request, "axes_locked_out", False))
    # A name that is no account's is not kept: it is often the password typed into the wrong field, and the log is
    # read by administrators. That it was unknown is what the record needs.
    who: dict[str, object] = {"username": user.username} if user is not None else {"username_unknown": True}
    data = {**who, "via": via, "locked_out": locked_out}
    audit_record(actor=None, action="accounts.user.login_failed", obj=user, data=data, request=request)
    failures = getattr(request, "axes_failures_since_start", None)
    # Axes flags every attempt made during the lockout; only the attempt that reached the limit starts one.
    if locked_out and failures == settings.AXES_FAILURE_LIMIT:
        audit_record(
            actor=None,
            action="accounts.user.locked_out",
            obj=user,
            data={**who, "via": via, "failures": failures},
            request=request,
        )


def password_change_record(*, user: User, request: HttpRequest | None, via: str) -> bool:
    """Audits a password change (`via` is "change" from the profile or "reset" from an e-mailed link) and revokes the
    user's API token: a new password is the answer to a leaked one, and the token was issued on the old. Returns
    whether a token was revoked (the user is told: their scripts stop working)."""
    action = "accounts.user.password_changed" if via == "change" else "accounts.user.password_reset"
    with transaction.atomic():
        audit_record(actor=user, action=action, obj=user, request=request)
        return _api_token_drop(user=user, actor=user, reason=via, request=request)


PASSWORD_RESET_REQUESTED = "accounts.user.password_reset_requested"


class PasswordResetLimited(ValidationError):
    """Too many reset requests for one address or from one client in the last hour."""


def password_reset_request(*, email: str, request: HttpRequest) -> None:
    """Someone asked for a password-reset link for `email`: counted against the hourly limits, audited, and the mail
    (if an active account has that address) left to the task worker.

    The same work is done whether or not the address is known, so that neither the page nor its timing tells which
    addresses have accounts: the accounts are looked up and a task is queued either way (with no one to mail for an
    unknown address), and the event names no account, only the address masked and a keyed hash of it to count by.
    """
    key = _email_key(email)
    since = timezone.now() - datetime.timedelta(hours=1)
    address = client_ip(request)
    per_email = audit_event_count(action=PASSWORD_RESET_REQUESTED, since=since, data={"email_key": key})
    per_address = audit_event_count(action=PASSWORD_RESET_REQUESTED, since=since, ip_address=address) if address else 0
    if (
        per_email >= settings.SINERGI["PASSWORD_RESET_PER_EMAIL_HOUR"]
        or per_address >= settings.SINERGI["PASSWORD_RESET_PER_ADDRESS_HOUR"]
    ):
        # Counted on requests, not on mails sent, so the refusal is the same for a known and an unknown address.
        raise PasswordResetLimited(
            _("Terlalu banyak permintaan tautan kata sandi baru. Silakan coba lagi dalam satu jam."), code="limited"
        )
    user_ids = [user.pk for user in PasswordResetForm().get_users(email)]
    domain, use_https = request.get_host(), request.is_secure()
    with transaction.atomic():
        audit_record(
            actor=None,
            action=PASSWORD_RESET_REQUESTED,
            data={"email_masked": _email_masked(email), "email_key": key},
            request=request,
        )
        transaction.on_commit(lambda: password_reset_emails.enqueue(user_ids, domain, use_https))


def _email_key(email: str) -> str:
    """A keyed hash of the address (the same for any case), to count requests by without keeping the address."""
    return salted_hmac("sinergi.accounts.password_reset", email.strip().lower()).hexdigest()[:32]


def _email_masked(email: str) -> str:
    """siti.rahma@dinsos.go.id → s***@dinsos.go.id: enough to recognise one's own request, not to read the address."""
    local, _at, domain = email.strip().rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"


def sessions_expired_clear() -> list[str]:
    """Removes the sessions past their expiry (what `manage.py clearsessions` does) and returns their keys. Run
    hourly by `send_reminders`: every sign-in adds a row, and Django deletes one only at sign-out."""
    expired = Session.objects.filter(expire_date__lt=timezone.now())
    keys = list(expired.values_list("session_key", flat=True))
    expired.delete()
    return keys


def sign_in_log_clear() -> list[int]:
    """Removes django-axes' own log of sign-ins (user name, address, browser, times) and returns the ids removed.
    Sinergi has it write none (AXES_DISABLE_ACCESS_LOG: the audit log records sign-ins and sign-outs); these are the
    rows from before, removed by the first hourly run after the upgrade."""
    if not settings.AXES_DISABLE_ACCESS_LOG:
        return []
    ids = list(AccessLog.objects.values_list("pk", flat=True))
    AccessLog.objects.all().delete()
    return ids


# --- API tokens -------------------------------------------------------------------------------------------------


def api_token_issue(*, user: User, request: HttpRequest | None = None) -> Token:
    """The user's API token (one per user; an existing one is returned unchanged)."""
    with transaction.atomic():
        token, created = Token.objects.get_or_create(user=user)
        login_record(user=user, request=request, via="api")
        if created:
            audit_record(actor=user, action="accounts.token.created", obj=user, request=request)
    return token


def api_token_revoke(*, user: User, request: HttpRequest | None = None) -> bool:
    """Deletes the user's API token; False when they had none."""
    with transaction.atomic():
        return _api_token_drop(user=user, actor=user, reason="user", request=request)


def _api_token_drop(*, user: User, actor: User, reason: str, request: HttpRequest | None) -> bool:
    """Deletes the user's API token, if any, recording why (the user, a password change or reset, a two-factor reset,
    a role that needs the second factor); the caller holds the transaction."""
    deleted, _details = Token.objects.filter(user=user).delete()
    if deleted:
        audit_record(actor=actor, action="accounts.token.revoked", obj=user, data={"reason": reason}, request=request)
    return bool(deleted)
