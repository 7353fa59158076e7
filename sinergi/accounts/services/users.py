"""Accounts: creating a user (with their first role, and the e-mailed invitation to set a password), a loader's
idempotent creation, profile changes (with the notice to the old e-mail address), the preferred language, and
deactivating and reactivating.
"""

import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from sinergi.audit.services import audit_record
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region

from ..models import Membership, User
from ..selectors import user_is_manageable
from ._common import _require_manageable, _require_manager
from .memberships import _membership_audit, membership_validate
from .signins import _email_masked


def _check_identity(*, username: str | None, email: str, exclude_pk: int | None = None) -> None:
    errors = {}
    if username is not None and User.objects.filter(username__iexact=username).exclude(pk=exclude_pk).exists():
        errors["username"] = _("Nama pengguna ini sudah dipakai.")
    if email and User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists():
        # Password reset finds accounts by e-mail, so two accounts must not share one.
        errors["email"] = _("Alamat surel ini sudah dipakai pengguna lain.")
    if errors:
        raise ValidationError(errors)


def _check_language(language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"preferred_language": _("Bahasa tidak tersedia.")})


def user_create(
    *,
    actor: "User",
    username: str,
    email: str,
    role: str,
    region: Region | None = None,
    organisation: Organisation | None = None,
    full_name: str = "",
    phone: str = "",
    preferred_language: str = "id",
    request: HttpRequest | None = None,
) -> User:
    """Creates a user holding one role and e-mails them a link to set their own password."""
    _require_manager(actor=actor)
    if not email:
        raise ValidationError(
            {"email": _("Alamat surel wajib diisi: tautan untuk membuat kata sandi dikirim ke sana.")}
        )
    membership_validate(actor=actor, role=role, region=region, organisation=organisation)
    user = _user_build(
        username=username, email=email, full_name=full_name, phone=phone, preferred_language=preferred_language
    )
    with transaction.atomic():
        user.save()
        membership = Membership.objects.create(user=user, role=role, region=region, organisation=organisation)
        audit_record(
            actor=actor,
            action="accounts.user.created",
            obj=user,
            data={"username": user.username, "email": user.email},
            request=request,
        )
        _membership_audit(actor=actor, membership=membership, action="accounts.membership.added", request=request)
        # After commit, so no mail goes out for a user who was never saved; robust, so a mail failure does not
        # undo the account (the administrator can send the invitation again).
        transaction.on_commit(lambda: user_invitation_send(user=user, request=request), robust=True)
    return user


def _user_build(*, username: str, email: str, full_name: str, phone: str, preferred_language: str) -> User:
    _check_language(preferred_language)
    _check_identity(username=username, email=email)
    user = User(
        username=username,
        email=email,
        full_name=full_name,
        phone=phone,
        preferred_language=preferred_language,
    )
    # A random secret nobody knows rather than an unusable password: Django's "forgot password" form skips
    # unusable ones, and it is the fallback when the invitation link has expired.
    user.set_password(secrets.token_urlsafe(32))
    user.full_clean(exclude=["password"])
    return user


def user_invitation_send(*, user: User, request: HttpRequest | None = None) -> None:
    """E-mails a new user the link (Django's password-reset token) on which they choose their password."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    link = request.build_absolute_uri(path) if request is not None else settings.SINERGI.get("BASE_URL", "") + path
    context = {"user": user, "link": link, "timeout_days": settings.PASSWORD_RESET_TIMEOUT // 86400}
    # In the new user's language, not in that of the administrator who created them.
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_email.txt", context)
    send_mail(subject, body, None, [user.email])


def user_invitation_resend(*, actor: "User", user: User, request: HttpRequest | None = None) -> None:
    """Sends the set-your-password e-mail again (lost mail, or the link expired)."""
    _require_manageable(actor=actor, user=user)
    if not user.email:
        raise ValidationError(_("Pengguna ini belum memiliki alamat surel."))
    if not user.is_active:
        raise ValidationError(_("Pengguna ini nonaktif; aktifkan kembali sebelum mengirim undangan."))
    audit_record(actor=actor, action="accounts.user.invitation_sent", obj=user, request=request)
    user_invitation_send(user=user, request=request)


def user_create_with_role(
    *,
    username: str,
    role: str,
    region_code: str | None = None,
    organisation: Organisation | None = None,
    full_name: str = "",
    email: str = "",
    password: str | None = None,
    actor: "User | None" = None,
) -> User:
    """For loaders and commands: creates the user with this role, or — when the username exists — makes sure it
    holds the role (re-running a loader changes nothing). The binding rules always apply; the scope check only
    when an `actor` is given (None is the system itself)."""
    region = Region.objects.get(pk=region_code) if region_code else None
    if actor is not None:
        _require_manager(actor=actor)
    membership_validate(actor=actor, role=role, region=region, organisation=organisation)
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = _user_build(username=username, email=email, full_name=full_name, phone="", preferred_language="id")
            if password:
                user.set_password(password)
            user.save()
            audit_record(actor=actor, action="accounts.user.created", obj=user, data={"username": username})
        elif actor is not None and not user_is_manageable(actor=actor, user=user):
            raise PermissionDenied(_("Pengguna ini di luar wilayah kewenangan Anda."))
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        membership, created = Membership.objects.get_or_create(
            user=user, role=role, region=region, organisation=organisation, defaults={"is_active": True}
        )
        if created:
            _membership_audit(actor=actor, membership=membership, action="accounts.membership.added")
    return user


def user_update(
    *,
    actor: "User",
    user: User,
    full_name: str,
    email: str,
    phone: str,
    preferred_language: str,
    password: str | None = None,
    request: HttpRequest | None = None,
) -> User:
    """Changes a user's profile fields; a user may edit their own, an administrator those of users they manage.

    A user changing their own e-mail address gives their current `password`: the address is where a forgotten
    password's link goes, so a session left open would otherwise be enough to take the account for good. The old
    address is told of the change, whoever made it."""
    if actor.pk != user.pk:
        _require_manageable(actor=actor, user=user)
    _check_language(preferred_language)
    _check_identity(username=None, email=email, exclude_pk=user.pk)
    new = {"full_name": full_name, "email": email, "phone": phone, "preferred_language": preferred_language}
    changes = {f: [getattr(user, f), v] for f, v in new.items() if getattr(user, f) != v}
    if not changes:
        return user
    if "email" in changes and actor.pk == user.pk and not (password and user.check_password(password)):
        raise ValidationError({"password": _("Masukkan kata sandi Anda saat ini untuk mengubah alamat surel.")})
    for field, value in new.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    with transaction.atomic():
        user.save(update_fields=list(changes))
        audit_record(actor=actor, action="accounts.user.updated", obj=user, changes=changes, request=request)
        if "email" in changes and changes["email"][0]:
            old_address = changes["email"][0]
            # After commit and robust: a mail server that is down does not undo the change (it is in the audit log).
            transaction.on_commit(
                lambda: user_email_changed_notice_send(user=user, old_address=old_address, actor=actor), robust=True
            )
    return user


def user_email_changed_notice_send(*, user: User, old_address: str, actor: "User") -> None:
    """Tells the user's previous e-mail address that the account's address was changed (in the user's language), so
    that a change they did not make does not go unnoticed."""
    context = {
        "user": user,
        "new_address": _email_masked(user.email),
        "by_administrator": actor.pk != user.pk,
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/email_changed_subject.txt", context).strip()
        body = render_to_string("accounts/email/email_changed_email.txt", context)
    send_mail(subject, body, None, [old_address])


def user_language_set(*, actor: User, language: str, request: HttpRequest | None = None) -> User:
    """The user's own preferred language, as chosen with the header's switch: kept for their next sign-in, their
    profile, and what is sent to them (notifications, e-mails), as a choice in the profile would be."""
    _check_language(language)
    if actor.preferred_language == language:
        return actor
    changes = {"preferred_language": [actor.preferred_language, language]}
    with transaction.atomic():
        actor.preferred_language = language
        actor.save(update_fields=["preferred_language"])
        audit_record(actor=actor, action="accounts.user.updated", obj=actor, changes=changes, request=request)
    return actor


def user_deactivate(*, actor: "User", user: User, request: HttpRequest | None = None) -> User:
    """Stops a user from signing in (their sessions and API token stop working at once); history is kept."""
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat menonaktifkan akun Anda sendiri."))
    if not user.is_active:
        raise ValidationError(_("Pengguna ini sudah nonaktif."))
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        Token.objects.filter(user=user).delete()
        audit_record(actor=actor, action="accounts.user.deactivated", obj=user, request=request)
    return user


def user_reactivate(*, actor: "User", user: User, request: HttpRequest | None = None) -> User:
    """Lets a deactivated user sign in again."""
    _require_manageable(actor=actor, user=user)
    if user.is_active:
        raise ValidationError(_("Pengguna ini sudah aktif."))
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        audit_record(actor=actor, action="accounts.user.reactivated", obj=user, request=request)
    return user
