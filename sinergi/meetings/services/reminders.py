"""Reminders of due and overdue action items, run daily by `manage.py send_reminders`."""

import datetime

from django.utils.translation import gettext_lazy as _lazy

from sinergi.notifications.services import local_date, notify, translated

from .. import selectors
from ..choices import (
    ACTION_PENDING,
)
from ..models import (
    ActionItem,
)

DUE_SOON_DAYS = 3
OVERDUE_REMINDER_EVERY_DAYS = 7


def meetings_reminders(*, today: datetime.date) -> int:
    """Reminds owner organisations of action items due within three days (once per item and due date) and of
    overdue ones (on the first day overdue, then weekly). Returns how many notifications were created."""
    sent = 0
    pending = ActionItem.objects.filter(status__in=ACTION_PENDING, due_on__isnull=False).select_related(
        "meeting", "owner"
    )
    due_soon = pending.filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
    link = "/meetings/actions/"
    for item in due_soon:
        days_left = (item.due_on - today).days
        sent += len(
            notify(
                recipients=selectors.organisation_users(item.owner),
                kind="meetings.action_due",
                title=translated(_lazy("Tindak lanjut rapat jatuh tempo %(date)s"), date=local_date(item.due_on)),
                body=translated(
                    _lazy("%(description)s (rapat: %(meeting)s). Sisa %(days)s hari."),
                    description=item.description,
                    meeting=item.meeting.title,
                    days=days_left,
                ),
                link=link,
                dedup_key=f"meetings.action_due:{item.pk}:{item.due_on.isoformat()}",
            )
        )
    for item in pending.filter(due_on__lt=today):
        week = (today - item.due_on).days // OVERDUE_REMINDER_EVERY_DAYS
        sent += len(
            notify(
                recipients=selectors.organisation_users(item.owner),
                kind="meetings.action_overdue",
                title=translated(_lazy("Tindak lanjut rapat terlambat sejak %(date)s"), date=local_date(item.due_on)),
                body=translated(
                    _lazy("%(description)s (rapat: %(meeting)s). Mohon selesaikan atau laporkan kemajuannya."),
                    description=item.description,
                    meeting=item.meeting.title,
                ),
                link=link,
                dedup_key=f"meetings.action_overdue:{item.pk}:{item.due_on.isoformat()}:{week}",
            )
        )
    return sent
