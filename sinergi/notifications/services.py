"""Notifying people: in-app rows written in the caller's transaction, e-mail sent after it commits."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import task

from sinergi.accounts.models import Membership, Role, User

from .models import Notification


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    email: bool = True,
    dedup_key: str = "",
) -> list[Notification]:
    """Creates one notification per active recipient (once per `dedup_key`, if given) and e-mails them after commit."""
    users = {u.pk: u for u in recipients if u is not None and u.is_active}
    if dedup_key:
        already = set(
            Notification.objects.filter(dedup_key=dedup_key, recipient_id__in=users).values_list(
                "recipient_id", flat=True
            )
        )
        users = {pk: u for pk, u in users.items() if pk not in already}
    rows = Notification.objects.bulk_create(
        [
            Notification(recipient=u, kind=kind, title=title[:200], body=body, link=link, dedup_key=dedup_key)
            for u in users.values()
        ]
    )
    if email:
        ids = [n.pk for n in rows if n.recipient.email]
        if ids:
            # The mail goes out only if the change that caused it is committed, and never blocks the request.
            transaction.on_commit(lambda: notifications_email.enqueue(ids))
    return rows


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


__all__ = ["Role", "notification_mark_read", "notifications_email", "notify", "users_holding"]
