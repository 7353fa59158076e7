"""Reminders about clients: care-plan reviews that are due or overdue, sent to the operators of their LKS."""

import datetime

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Role
from sinergi.notifications.services import notify, translated, users_holding

from ..choices import PlacementStatus
from ..models import Placement

DUE_SOON_DAYS = 7


def people_reminders(*, today: datetime.date) -> int:
    """One notification per LKS with reviews overdue or due within a week: a count, never a child's name.

    Sent at most once a week per LKS (the dedup key names the ISO week), however often the command runs.
    """
    limit = today + datetime.timedelta(days=DUE_SOON_DAYS)
    per_lks = (
        Placement.objects.filter(status=PlacementStatus.ACTIVE, next_review_on__isnull=False, next_review_on__lte=limit)
        .values("organisation_id")
        .annotate(due=Count("pk"), earliest=Min("next_review_on"))
        .order_by("organisation_id")
    )
    year, week, _day = today.isocalendar()
    sent = 0
    for row in per_lks:
        overdue = row["earliest"] < today
        sent += len(
            notify(
                recipients=users_holding(roles=[Role.LKS_OPERATOR], organisation_id=row["organisation_id"]),
                kind="people.review_overdue" if overdue else "people.review_due",
                title=translated(_lazy("%(n)s tinjauan rencana pengasuhan perlu dilakukan"), n=row["due"]),
                body=translated(
                    _lazy("Ada tinjauan rencana pengasuhan yang terlambat atau jatuh tempo dalam %(days)s hari."),
                    days=DUE_SOON_DAYS,
                ),
                link=reverse("people:reviews_due"),
                dedup_key=f"people.reviews:{row['organisation_id']}:{year}-W{week:02d}",
            )
        )
    return sent
