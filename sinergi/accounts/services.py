"""Writes for accounts: users, memberships, sign-in events and two-factor devices, each with its audit record."""

import datetime
import secrets
import time

from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from sinergi.audit.selectors import audit_event_count
from sinergi.audit.services import audit_record, client_ip
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel

from .models import ORGANISATION_ROLES, REGION_ROLES, Membership, Role, User
from .scope import Action, active_memberships, managed_provinces, restrict, roles_of
from .selectors import user_is_manageable
from .tasks import password_reset_emails

# Which region levels each region role may be bound to.
ROLE_REGION_LEVELS: dict[str, set[int]] = {
    Role.PROVINCE_ADMIN: {RegionLevel.PROVINCE},
    Role.REGENCY_BOARD: {RegionLevel.REGENCY},
    Role.DINSOS_VIEWER: {RegionLevel.PROVINCE, RegionLevel.REGENCY},
}

# Roles whose holders must pass TOTP in every session (superusers too).
TWO_FACTOR_ROLES = {Role.PROVINCE_ADMIN}


# --- Sign-in events ---------------------------------------------------------------------------------------------


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


# --- Two-factor (TOTP) ------------------------------------------------------------------------------------------


def two_factor_required(user: User) -> bool:
    """Whether this user must pass TOTP in every session: superusers and province admins."""
    return bool(user.is_superuser or roles_of(user) & TWO_FACTOR_ROLES)


def totp_device_for(user: User) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def totp_device_confirm(*, user: User, key: str, token: str, request: HttpRequest | None = None) -> TOTPDevice:
    """Creates the user's TOTP device from the secret shown at set-up, once they prove it with a first code."""
    if totp_device_for(user) is not None:
        raise ValidationError({"token": _("Verifikasi dua langkah sudah aktif untuk akun ini.")})
    device = TOTPDevice(user=user, name="default", key=key, confirmed=True)
    # Checked with the bare algorithm because device.verify_token() saves the device on a miss; the device is
    # stored only once the code matches, so an abandoned set-up leaves nothing behind.
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    token = token.strip()
    # ASCII digits: "²" is a digit to str.isdigit, not to int (an error page instead of "Kode tidak cocok").
    if not (token.isascii() and token.isdigit() and totp.verify(int(token), device.tolerance)):
        raise ValidationError({"token": _("Kode tidak cocok. Periksa jam ponsel Anda lalu masukkan kode terbaru.")})
    device.last_t = totp.t()  # the same code cannot be replayed at the next sign-in
    with transaction.atomic():
        device.save()
        audit_record(actor=user, action="accounts.user.two_factor_enabled", obj=user, request=request)
    return device


def totp_verify(*, user: User, token: str, request: HttpRequest | None = None) -> TOTPDevice:
    """Checks a code against the user's device; raises with the reason when it fails (throttled after misses)."""
    device = totp_device_for(user)
    if device is None:
        raise ValidationError({"token": _("Verifikasi dua langkah belum disiapkan untuk akun ini.")})
    allowed, info = device.verify_is_allowed()
    if not allowed:
        raise ValidationError({"token": _("Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi.")})
    # verify_token() keeps django-otp's own counters (replay protection, throttling). The row lock makes two
    # simultaneous requests with the same code take turns, so the second sees the code as used; nothing is raised
    # inside the block, so a wrong code's counters are committed too.
    token = token.strip()
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        accepted = token.isascii() and token.isdigit() and device.verify_token(token)
    if not accepted:
        audit_record(actor=user, action="accounts.user.two_factor_failed", obj=user, request=request)
        raise ValidationError({"token": _("Kode salah atau sudah kedaluwarsa.")})
    audit_record(actor=user, action="accounts.user.two_factor_verified", obj=user, request=request)
    return device


def totp_disable(*, user: User, token: str, request: HttpRequest | None = None) -> None:
    """Turns optional two-factor off for a user whose role does not require it, after one last valid code."""
    if two_factor_required(user):
        raise PermissionDenied(_("Peran Anda mewajibkan verifikasi dua langkah; fitur ini tidak dapat dimatikan."))
    totp_verify(user=user, token=token, request=request)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit_record(actor=user, action="accounts.user.two_factor_disabled", obj=user, request=request)


def user_two_factor_reset(*, actor: User, user: User, request: HttpRequest | None = None) -> None:
    """An administrator removes a user's TOTP device (lost phone); the user sets it up again at next sign-in."""
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri."))
    with transaction.atomic():
        deleted, _details = TOTPDevice.objects.filter(user=user).delete()
        if not deleted:
            raise ValidationError(_("Pengguna ini belum mengaktifkan verifikasi dua langkah."))
        audit_record(actor=actor, action="accounts.user.two_factor_reset", obj=user, request=request)
        # A lost or stolen phone: the token issued with its codes goes with it.
        _api_token_drop(user=user, actor=actor, reason="two_factor_reset", request=request)


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


# --- Users and memberships --------------------------------------------------------------------------------------


def _require_manager(*, actor: "User") -> None:
    if managed_provinces(actor) == []:
        raise PermissionDenied(_("Anda tidak berwenang mengelola pengguna."))


def _require_manageable(*, actor: "User", user: User) -> None:
    _require_manager(actor=actor)
    if not user_is_manageable(actor=actor, user=user):
        raise PermissionDenied(_("Pengguna ini di luar wilayah kewenangan Anda."))


def membership_validate(
    *, actor: "User | None", role: str, region: Region | None, organisation: Organisation | None
) -> None:
    """Raises unless this role may be bound to this region/organisation and `actor` may grant it there.

    `actor=None` is the system (a management command): the binding rules apply, the scope check does not.
    """
    if role not in Role.values:
        raise ValidationError({"role": _("Peran tidak dikenal.")})
    if role in REGION_ROLES:
        if region is None or organisation is not None:
            raise ValidationError({"region": _("Peran ini harus dikaitkan dengan wilayah, bukan organisasi.")})
        if region.level not in ROLE_REGION_LEVELS[role]:
            messages = {
                Role.PROVINCE_ADMIN: _("Admin provinsi harus dikaitkan dengan provinsi."),
                Role.REGENCY_BOARD: _("Pengurus LKKKS kabupaten/kota harus dikaitkan dengan kabupaten/kota."),
                Role.DINSOS_VIEWER: _("Dinas Sosial harus dikaitkan dengan provinsi atau kabupaten/kota."),
            }
            raise ValidationError({"region": messages[role]})
    elif role in ORGANISATION_ROLES:
        if organisation is None or region is not None:
            raise ValidationError({"organisation": _("Operator LKS harus dikaitkan dengan satu LKS.")})
        if organisation.kind not in LKS_KINDS:
            raise ValidationError({"organisation": _("Operator LKS hanya dapat dikaitkan dengan LKS atau LKS asing.")})
    if actor is None:
        return
    provinces = managed_provinces(actor)
    if provinces is None:
        return
    if not provinces:
        raise PermissionDenied(_("Anda tidak berwenang memberikan peran."))
    if region is not None:
        if region.province_code not in provinces:
            raise PermissionDenied(_("Wilayah %(region)s di luar kewenangan Anda.") % {"region": region})
        if role == Role.PROVINCE_ADMIN:
            # A province admin may appoint a peer for a region they administer, never above it.
            own = [m.region for m in active_memberships(actor) if m.role == Role.PROVINCE_ADMIN and m.region]
            if not any(region.code == r.code or region.code.startswith(f"{r.code}.") for r in own):
                raise PermissionDenied(_("Anda tidak dapat memberikan peran admin di atas tingkat Anda."))
    if organisation is not None:
        visible = restrict(Organisation.objects.filter(pk=organisation.pk), actor=actor, action=Action.VIEW)
        if not visible.filter(province_code__in=provinces).exists():
            raise PermissionDenied(
                _("Organisasi %(organisation)s di luar kewenangan Anda.") % {"organisation": organisation}
            )


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


def membership_add(
    *,
    actor: "User",
    user: User,
    role: str,
    region: Region | None = None,
    organisation: Organisation | None = None,
    request: HttpRequest | None = None,
) -> Membership:
    """Grants `user` one more role, within `actor`'s scope and the binding rules."""
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengubah peran Anda sendiri."))
    membership_validate(actor=actor, role=role, region=region, organisation=organisation)
    if Membership.objects.filter(user=user, role=role, region=region, organisation=organisation).exists():
        raise ValidationError({"role": _("Pengguna ini sudah memiliki peran tersebut.")})
    with transaction.atomic():
        membership = Membership.objects.create(user=user, role=role, region=region, organisation=organisation)
        _membership_audit(actor=actor, membership=membership, action="accounts.membership.added", request=request)
        if role in TWO_FACTOR_ROLES:
            # A token issued without a code would carry the new role's reach with a password alone.
            _api_token_drop(user=user, actor=actor, reason="two_factor_role", request=request)
    return membership


def membership_remove(*, actor: "User", membership: Membership, request: HttpRequest | None = None) -> None:
    """Takes a role away from a user; their last role cannot go (deactivate the user instead)."""
    user = membership.user
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengubah peran Anda sendiri."))
    if not Membership.objects.filter(user=user).exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("Pengguna harus tetap memiliki paling sedikit satu peran. Nonaktifkan pengguna bila tidak lagi bertugas.")
        )
    with transaction.atomic():
        _membership_audit(actor=actor, membership=membership, action="accounts.membership.removed", request=request)
        membership.delete()


def _membership_audit(
    *, actor: "User | None", membership: Membership, action: str, request: HttpRequest | None = None
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=membership.user,
        data={
            "membership_id": membership.pk,
            "role": membership.role,
            "region": membership.region_id,
            "organisation": membership.organisation_id,
        },
        request=request,
    )
