"""Notifying people: in-app rows written in the caller's transaction, e-mail sent after it commits.

Each recipient reads a notification in their own language (`User.preferred_language`) and their own clock: the
callers pass the title and body as something to render for a recipient (`translated`, a lazy string or a callable
given the user), and `notify` renders it under the recipient's language; the stored row (and the e-mail) is the text
as rendered for them."""

import datetime
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django_tasks import task

from sinergi.accounts.models import Membership, Role, User
from sinergi.accounts.zones import user_time_zone
from sinergi.core.dates import shown

from .models import Notification

# A plain string is taken as it is (e.g. a note the user wrote); a lazy string is translated for each recipient; a
# callable is given the recipient and returns their text.
Text = str | Promise | Callable[[User], str]


def recipient_language(user: User) -> str:
    """The language a user reads notifications in: their profile's, or the site's when it is not offered."""
    language = getattr(user, "preferred_language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_for(value: Any, user: User) -> Any:
    """`value` as `user` reads it, in the language that is active (notify activates theirs)."""
    if isinstance(value, Promise):
        return str(value)
    if callable(value):
        return value(user)
    return value


def translated(template: Promise | str, **params: Any) -> Callable[[User], str]:
    """A message rendered for each recipient: the template (marked with `_lazy`) in their language, filled with the
    parameters, each rendered for them too (a lazy label translated, `local_time(...)` on their clock; a model
    instance given as it is turns into text in their language when it is formatted)."""

    def render(user: User) -> str:
        return str(template) % {name: render_for(value, user) for name, value in params.items()}

    return render


def local_time(moment: datetime.datetime) -> Callable[[User], str]:
    """A date and time as a recipient reads it: on their clock (their work area's zone on a national server), with
    the zone named as pages name it in their language ("07-12-2026 12:50 WIB", "2026-12-07 12:50 WIB")."""

    def render(user: User) -> str:
        return shown(timezone.localtime(moment, user_time_zone(user)), "zoned")

    return render


def local_date(day: datetime.date) -> Callable[[User], str]:
    """A date as a recipient reads it, written as pages write it in their language ("07-12-2026", "2026-12-07")."""

    def render(user: User) -> str:
        return shown(day)

    return render


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    title: Text,
    body: Text = "",
    link: str = "",
    email: bool = True,
    dedup_key: str = "",
) -> list[Notification]:
    """Creates one notification per active recipient (once per `dedup_key`, if given) and e-mails them after commit.

    The title and body are rendered for each recipient, in their language (see `Text`)."""
    users = {u.pk: u for u in recipients if u is not None and u.is_active}
    if dedup_key:
        already = set(
            Notification.objects.filter(dedup_key=dedup_key, recipient_id__in=users).values_list(
                "recipient_id", flat=True
            )
        )
        users = {pk: u for pk, u in users.items() if pk not in already}
    unsent: dict[int, Notification] = {}
    # Each recipient's text in their own language: one switch of language per language, not per recipient.
    for language, group in groupby(sorted(users.values(), key=recipient_language), key=recipient_language):
        with translation.override(language):
            for user in group:
                unsent[user.pk] = Notification(
                    recipient=user,
                    kind=kind,
                    title=str(render_for(title, user))[:200],
                    body=str(render_for(body, user)),
                    link=link,
                    dedup_key=dedup_key,
                )
    new = [unsent[pk] for pk in users]
    rows = _created_once(new) if dedup_key else Notification.objects.bulk_create(new)
    if email:
        ids = [n.pk for n in rows if n.recipient.email]
        if ids:
            # The mail goes out only if the change that caused it is committed, and never blocks the request.
            transaction.on_commit(lambda: notifications_email.enqueue(ids))
    return rows


def _created_once(rows: list[Notification]) -> list[Notification]:
    """Inserts notifications that carry a dedup key and returns those inserted, leaving out any that another run
    inserted since notify looked (two runs of `send_reminders` at once): the database keeps one per recipient and
    key (notification_once_per_dedup_key), and only the run that wrote a row mails it."""
    try:
        with transaction.atomic():
            return Notification.objects.bulk_create(rows)
    except IntegrityError:
        pass
    created = []
    for row in rows:
        row.pk = None
        try:
            with transaction.atomic():
                row.save(force_insert=True)
        except IntegrityError:
            continue
        created.append(row)
    return created


@task()
def notifications_email(notification_ids: list[int]) -> int:
    """Sends the e-mails of these notifications (background task); returns how many were sent."""
    sent = 0
    base_url = settings.SINERGI.get("BASE_URL", "")
    for notification in Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related(
        "recipient"
    ):
        link = f"\n\n{base_url}{notification.link}" if notification.link else ""
        send_mail(f"[Sinergi] {notification.title}", f"{notification.body}{link}", None, [notification.recipient.email])
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
        sent += 1
    return sent


def notification_mark_read(*, user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Marks the user's own notifications (all unread ones when no ids are given) as read."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def users_holding(*, roles: Iterable[str], region_code: str = "", organisation_id: int | None = None) -> QuerySet[User]:
    """Active users with one of `roles` bound to this organisation, or to this region or one containing it.

    E.g. the boards responsible for a kabupaten/kota are those bound to "63.71" and the province boards to "63".
    """
    condition = Q()
    if organisation_id is not None:
        condition |= Q(organisation_id=organisation_id)
    if region_code:
        condition |= Q(region_id__in=[region_code[:2], region_code[:5]])
    if not condition:
        return User.objects.none()
    memberships = Membership.objects.filter(condition, role__in=list(roles), is_active=True)
    return User.objects.filter(is_active=True, pk__in=memberships.values("user_id")).distinct()


__all__ = [
    "Role",
    "Text",
    "local_time",
    "notification_mark_read",
    "notifications_email",
    "notify",
    "recipient_language",
    "render_for",
    "translated",
    "users_holding",
]
