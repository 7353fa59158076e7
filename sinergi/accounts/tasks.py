"""Background work of the accounts app: the password-reset e-mails, sent by the task worker so that a request for an
address with an account takes as long as one for an address without."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .models import User


def password_reset_message(user: User, *, domain: str, use_https: bool) -> EmailMessage:
    """The reset e-mail to one user, in their own language (not that of whoever asked), saying how long it works."""
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
        "timeout_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/password_reset_subject.txt", context).strip()
        body = render_to_string("accounts/email/password_reset_email.txt", context)
    return EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[user.email])


@task()
def password_reset_emails(user_ids: list[int], domain: str, use_https: bool) -> int:
    """Sends the reset e-mails of these users (none, for an address no account has); returns how many were sent.
    Users deactivated since the request get none."""
    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True).exclude(email=""):
        password_reset_message(user, domain=domain, use_https=use_https).send()
        sent += 1
    return sent


__all__ = ["password_reset_emails", "password_reset_message"]
