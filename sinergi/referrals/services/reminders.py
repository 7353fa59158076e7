"""Escalation of referrals not answered by their deadline (called by `manage.py send_reminders`)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Role
from sinergi.notifications.services import local_time, notify, translated, users_holding
from sinergi.organisations.choices import OrganisationStatus

from ..choices import (
    EventKind,
    ReferralStatus,
    Urgency,
)
from ..models import Referral
from ._common import (
    _audit,
    _event,
    _link,
    _receiver_users,
    _sender_users,
)


def _moment(today: datetime.date, now: datetime.datetime | None) -> datetime.datetime:
    """The instant deadlines are compared with: `now` when given; the current time when `today` is today;
    otherwise the end of `today` (the command's --date)."""
    if now is not None:
        return now
    if today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.max))


def _target(referral: Referral):
    """The receiving end as a recipient reads it: an LKS's name, or a service's kind in their language."""
    if referral.to_organisation_id:
        return referral.to_organisation.name
    return lambda user: referral.target_label


@transaction.atomic
def referrals_reminders(*, today: datetime.date, now: datetime.datetime | None = None) -> int:
    """Escalates referrals not answered by their deadline to the kabupaten/kota board of the receiving end (and the
    province administrators), reminds the receiving LKS, marks them escalated (once) and audits it. A receiving LKS
    deactivated meanwhile is not asked (it can no longer accept): the note says it is inactive, and that the sender
    may cancel the referral and refer elsewhere. Returns the number of notifications sent; a second run sends
    nothing."""
    moment = _moment(today, now)
    overdue = list(
        Referral.objects.select_for_update()
        .filter(status=ReferralStatus.SENT, due_at__lt=moment, escalated_at__isnull=True)
        .order_by("due_at", "pk")
    )
    sent = 0
    for referral in overdue:
        referral.escalated_at = moment
        referral.save(update_fields=["escalated_at", "updated_at"])
        _event(referral, EventKind.ESCALATED, actor=None, at=moment)
        _audit(
            actor=None,
            action="referrals.referral.escalated",
            referral=referral,
            changes={"escalated_at": [None, moment]},
            data={"due_at": referral.due_at, "to_regency": referral.to_regency_code},
        )
        boards = users_holding(
            roles=[Role.REGENCY_BOARD, Role.PROVINCE_ADMIN],
            region_code=referral.to_regency_code or referral.to_province_code,
        )
        # Each recipient reads it in their language and the deadline on their clock, its zone named.
        title = translated(
            _lazy("Rujukan #%(number)s belum dijawab %(receiver)s melewati batas waktu"),
            number=referral.pk,
            receiver=_target(referral),
        )
        closed = referral.to_organisation_id and referral.to_organisation.status == OrganisationStatus.INACTIVE
        if closed:
            body = translated(
                _lazy(
                    "Urgensi: %(urgency)s. Batas waktu: %(due)s. %(receiver)s sudah nonaktif dan tidak dapat menerima "
                    "rujukan ini: pengirim dapat membatalkannya lalu merujuk klien ke LKS atau layanan lain."
                ),
                urgency=Urgency(referral.urgency).label,
                due=local_time(referral.due_at),
                receiver=referral.to_organisation.name,
            )
        else:
            body = translated(
                _lazy("Urgensi: %(urgency)s. Batas waktu: %(due)s. Mohon ditindaklanjuti."),
                urgency=Urgency(referral.urgency).label,
                due=local_time(referral.due_at),
            )
        receivers = [] if closed else _receiver_users(referral)
        recipients = {u.pk: u for u in [*boards, *receivers, *_sender_users(referral)]}
        sent += len(
            notify(
                recipients=recipients.values(),
                kind="referrals.escalated",
                title=title,
                body=body,
                link=_link(referral),
                dedup_key=f"referral-{referral.pk}-escalated",
            )
        )
    return sent
