"""Meetings: creation with carry-over of open action items, changes, status, agenda."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record
from sinergi.core.errors import TransitionError, ValidationError
from sinergi.organisations.models import Organisation

from ..choices import (
    ACTION_PENDING,
    MEETING_TRANSITIONS,
    MeetingStatus,
)
from ..models import (
    ActionItem,
    ActionItemReview,
    AgendaItem,
    Meeting,
    MeetingDay,
    Minutes,
)
from ._common import (
    DaySpec,
    _check_organiser_board,
    _require_not_closed,
    _require_organiser,
    _validate_days,
    _validate_meeting_fields,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@transaction.atomic
def meeting_create(
    *,
    actor: "User",
    organiser: Organisation,
    kind: str,
    title: str,
    days: Sequence[DaySpec],
    venue: str = "",
    online_link: str = "",
    description: str = "",
    time_zone: str = "",
    request: HttpRequest | None = None,
) -> Meeting:
    """A new draft meeting of a board; open action items of the board's earlier meetings go onto its review list."""
    _check_organiser_board(actor=actor, organiser=organiser)
    _validate_meeting_fields(kind=kind, title=title, venue=venue, online_link=online_link, time_zone=time_zone)
    ordered = _validate_days(days)
    meeting = Meeting.objects.create(
        kind=kind,
        title=title.strip(),
        organiser=organiser,
        province_code=organiser.province_code,
        regency_code=organiser.regency_code,
        venue=venue.strip(),
        time_zone=time_zone,
        online_link=online_link.strip(),
        description=description.strip(),
        starts_on=ordered[0].date,
        ends_on=ordered[-1].date,
        created_by=actor,
    )
    MeetingDay.objects.bulk_create(
        [MeetingDay(meeting=meeting, date=d.date, starts_at=d.starts_at, ends_at=d.ends_at) for d in ordered]
    )
    carried = _carry_open_items_to(meeting)
    audit_record(
        actor=actor,
        action="meetings.meeting.created",
        obj=meeting,
        data={"organiser": organiser.name, "days": [d.date for d in ordered], "carried_action_items": carried},
        request=request,
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: "User",
    meeting: Meeting,
    kind: str,
    title: str,
    days: Sequence[DaySpec],
    venue: str = "",
    online_link: str = "",
    description: str = "",
    time_zone: str = "",
    request: HttpRequest | None = None,
) -> Meeting:
    """Changes a meeting's particulars and days; a day on which attendance was recorded cannot be dropped."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    _validate_meeting_fields(kind=kind, title=title, venue=venue, online_link=online_link, time_zone=time_zone)
    ordered = _validate_days(days)
    wanted = {d.date: d for d in ordered}
    existing = {d.date: d for d in meeting.days.all()}
    dropped = [d for date, d in existing.items() if date not in wanted]
    if any(d.attendances.exists() for d in dropped):
        raise ValidationError({"days": _("Hari yang sudah berisi presensi tidak dapat dihapus.")})
    before = {"title": meeting.title, "venue": meeting.venue, "time_zone": meeting.time_zone, "days": sorted(existing)}
    for day in dropped:
        day.delete()
    for date, spec in wanted.items():
        MeetingDay.objects.update_or_create(
            meeting=meeting, date=date, defaults={"starts_at": spec.starts_at, "ends_at": spec.ends_at}
        )
    meeting.kind, meeting.title, meeting.venue, meeting.time_zone = kind, title.strip(), venue.strip(), time_zone
    meeting.online_link, meeting.description = online_link.strip(), description.strip()
    meeting.starts_on, meeting.ends_on = ordered[0].date, ordered[-1].date
    meeting.save()
    audit_record(
        actor=actor,
        action="meetings.meeting.updated",
        obj=meeting,
        changes={
            key: [before[key], value]
            for key, value in {
                "title": meeting.title,
                "venue": meeting.venue,
                "time_zone": meeting.time_zone,
                "days": sorted(wanted),
            }.items()
            if before[key] != value
        },
        request=request,
    )
    return meeting


@transaction.atomic
def meeting_transition(
    *, actor: "User", meeting: Meeting, to_status: str, request: HttpRequest | None = None
) -> Meeting:
    """Moves a meeting along the allowed transitions; closing needs approved minutes."""
    _require_organiser(actor=actor, meeting=meeting)
    if to_status not in MEETING_TRANSITIONS.get(meeting.status, set()):
        raise TransitionError(
            _("Status rapat tidak dapat diubah dari “%(from)s” ke “%(to)s”.")
            % {"from": meeting.get_status_display(), "to": MeetingStatus(to_status).label}
            if to_status in MeetingStatus.values
            else _("Status rapat tidak dikenal.")
        )
    if to_status == MeetingStatus.CLOSED and not Minutes.objects.filter(meeting=meeting, approved=True).exists():
        raise ValidationError(_("Rapat baru dapat ditutup setelah notulennya disahkan."))
    previous = meeting.status
    meeting.status = to_status
    meeting.closed_at = timezone.now() if to_status == MeetingStatus.CLOSED else None
    meeting.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="meetings.meeting.status_changed",
        obj=meeting,
        changes={"status": [previous, to_status]},
        request=request,
    )
    return meeting


def _carry_open_items_to(meeting: Meeting) -> int:
    """Puts every still-open action item of the organiser's earlier meetings onto this meeting's review list."""
    items = ActionItem.objects.filter(
        meeting__organiser_id=meeting.organiser_id,
        meeting__starts_on__lt=meeting.starts_on,
        status__in=ACTION_PENDING,
    ).exclude(reviews__meeting=meeting)
    reviews = ActionItemReview.objects.bulk_create(
        [ActionItemReview(action_item=item, meeting=meeting) for item in items]
    )
    return len(reviews)


@transaction.atomic
def agenda_item_add(
    *, actor: "User", meeting: Meeting, title: str, presenter: str = "", request: HttpRequest | None = None
) -> AgendaItem:
    """Appends an item to the agenda."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    if not title.strip():
        raise ValidationError({"title": _("Judul acara wajib diisi.")})
    order = (meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem.objects.create(meeting=meeting, order=order, title=title.strip(), presenter=presenter.strip())
    audit_record(
        actor=actor, action="meetings.agenda_item.added", obj=meeting, data={"title": item.title}, request=request
    )
    return item


@transaction.atomic
def agenda_item_remove(*, actor: "User", item: AgendaItem, request: HttpRequest | None = None) -> None:
    meeting = item.meeting
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    title = item.title
    item.delete()
    audit_record(
        actor=actor, action="meetings.agenda_item.removed", obj=meeting, data={"title": title}, request=request
    )
