"""The hourly reminders (`manage.py send_reminders`): expiring agreements past their end date and telling the
parties and boards 90, 30 and 7 days before the end; also who hears about an agreement. Apart because it runs
with no user, over every agreement.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Role, User
from sinergi.core.errors import TransitionError
from sinergi.notifications.services import local_date, notify, translated, users_holding

from ..choices import REMINDER_THRESHOLDS, AgreementStatus
from ..models import Agreement
from .status import agreement_expire


def agreement_recipients(agreement: Agreement) -> list[User]:
    """Who hears about an agreement: operators of each party organisation and the boards/admins of its region."""
    users: dict[int, User] = {}
    for party in agreement.parties.select_related("organisation"):
        organisation = party.organisation
        for user in users_holding(roles=[Role.LKS_OPERATOR], organisation_id=organisation.pk):
            users[user.pk] = user
        region = organisation.regency_code or organisation.province_code
        for user in users_holding(roles=[Role.REGENCY_BOARD, Role.PROVINCE_ADMIN], region_code=region):
            users[user.pk] = user
    return list(users.values())


def partnerships_reminders(*, today: datetime.date) -> int:
    """Expires agreements past their end date and reminds parties and boards 90, 30 and 7 days before the end.

    Each threshold is sent once per agreement and end date (an addendum that moves the end date starts again);
    returns the number of notifications created. Called by `manage.py send_reminders`."""
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for agreement in Agreement.objects.filter(status=AgreementStatus.ACTIVE, ends_on__lt=today).order_by("pk"):
            try:
                agreement = agreement_expire(agreement=agreement, today=today)
            except TransitionError:
                # No longer active when locked: another run (or a user) ended it since the list was read, and that
                # run told the parties. Raising would skip the other agreements' reminders until the next hour.
                continue
            created += len(
                notify(
                    recipients=agreement_recipients(agreement),
                    kind="partnerships.agreement_expired",
                    title=translated(_lazy("Perjanjian kerja sama berakhir: %(title)s"), title=agreement.title),
                    body=translated(
                        _lazy("Masa berlaku perjanjian “%(title)s” berakhir pada %(date)s."),
                        title=agreement.title,
                        date=local_date(agreement.ends_on),
                    ),
                    link=reverse("partnerships:detail", args=[agreement.pk]),
                    dedup_key=f"partnerships.agreement.{agreement.pk}.expired",
                )
            )
        horizon = today + datetime.timedelta(days=max(REMINDER_THRESHOLDS))
        expiring = Agreement.objects.filter(
            status=AgreementStatus.ACTIVE, ends_on__gte=today, ends_on__lte=horizon
        ).order_by("ends_on", "pk")
        for agreement in expiring:
            days_left = (agreement.ends_on - today).days
            threshold = min(t for t in REMINDER_THRESHOLDS if days_left <= t)
            created += len(
                notify(
                    recipients=agreement_recipients(agreement),
                    kind="partnerships.agreement_expiring",
                    title=translated(
                        _lazy("Perjanjian kerja sama berakhir dalam %(days)s hari: %(title)s"),
                        days=days_left,
                        title=agreement.title,
                    ),
                    body=translated(
                        _lazy(
                            "Perjanjian “%(title)s” berlaku sampai %(date)s. Siapkan perpanjangan atau pengakhirannya."
                        ),
                        title=agreement.title,
                        date=local_date(agreement.ends_on),
                    ),
                    link=reverse("partnerships:detail", args=[agreement.pk]),
                    dedup_key=f"partnerships.agreement.{agreement.pk}.ends.{agreement.ends_on.isoformat()}.{threshold}",
                )
            )
    return created
