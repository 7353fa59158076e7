"""Minutes, decisions and action items with their allowed transitions and reviews at later meetings."""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError
from sinergi.organisations.models import Organisation

from .. import selectors
from ..choices import (
    ACTION_TRANSITIONS,
    OWNER_TRANSITIONS,
    ActionStatus,
    MeetingStatus,
)
from ..models import (
    ActionItem,
    ActionItemReview,
    Decision,
    Meeting,
    Minutes,
)
from ._common import _require_not_closed, _require_organiser

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@transaction.atomic
def minutes_save(*, actor: "User", meeting: Meeting, text: str, request: HttpRequest | None = None) -> Minutes:
    """Writes the minutes; approved minutes are final."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    if not text.strip():
        raise ValidationError({"text": _("Notulen tidak boleh kosong.")})
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.approved:
        raise ValidationError(_("Notulen sudah disahkan dan tidak dapat diubah lagi."))
    if minutes is None:
        minutes = Minutes.objects.create(meeting=meeting, text=text.strip())
    else:
        minutes.text = text.strip()
        minutes.save(update_fields=["text", "updated_at"])
    audit_record(
        actor=actor, action="meetings.minutes.saved", obj=meeting, data={"length": len(minutes.text)}, request=request
    )
    return minutes


@transaction.atomic
def minutes_approve(*, actor: "User", meeting: Meeting, request: HttpRequest | None = None) -> Minutes:
    _require_organiser(actor=actor, meeting=meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise ValidationError(_("Belum ada notulen untuk disahkan."))
    if minutes.approved:
        raise ValidationError(_("Notulen sudah disahkan."))
    minutes.approved, minutes.approved_at, minutes.approved_by = True, timezone.now(), actor
    minutes.save(update_fields=["approved", "approved_at", "approved_by", "updated_at"])
    audit_record(actor=actor, action="meetings.minutes.approved", obj=meeting, request=request)
    return minutes


@transaction.atomic
def decision_add(*, actor: "User", meeting: Meeting, text: str, request: HttpRequest | None = None) -> Decision:
    """Records a decision, numbered in order."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    if not text.strip():
        raise ValidationError({"text": _("Isi keputusan wajib diisi.")})
    number = (meeting.decisions.aggregate(m=Max("number"))["m"] or 0) + 1
    decision = Decision.objects.create(meeting=meeting, number=number, text=text.strip())
    audit_record(actor=actor, action="meetings.decision.added", obj=meeting, data={"number": number}, request=request)
    return decision


@transaction.atomic
def action_item_create(
    *,
    actor: "User",
    meeting: Meeting,
    description: str,
    owner: Organisation | None,
    due_on: datetime.date | None,
    decision: Decision | None = None,
    request: HttpRequest | None = None,
) -> ActionItem:
    """A follow-up with an owner organisation and a due date; it also goes onto the review list of the organiser's
    later meetings that have not been held yet."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    errors = {}
    if not description.strip():
        errors["description"] = _("Uraian tindak lanjut wajib diisi.")
    if owner is None:
        errors["owner"] = _("Pilih organisasi penanggung jawab.")
    if decision is not None and decision.meeting_id != meeting.pk:
        errors["decision"] = _("Keputusan ini bukan dari rapat ini.")
    if due_on is not None and due_on < meeting.starts_on:
        errors["due_on"] = _("Batas waktu tidak boleh sebelum tanggal rapat.")
    if errors:
        raise ValidationError(errors)
    item = ActionItem.objects.create(
        meeting=meeting, decision=decision, description=description.strip(), owner=owner, due_on=due_on
    )
    later = Meeting.objects.filter(
        organiser_id=meeting.organiser_id,
        starts_on__gt=meeting.starts_on,
        status__in=[MeetingStatus.DRAFT, MeetingStatus.INVITED],
    )
    ActionItemReview.objects.bulk_create([ActionItemReview(action_item=item, meeting=m) for m in later])
    audit_record(
        actor=actor,
        action="meetings.action_item.created",
        obj=item,
        data={"meeting": meeting.title, "owner": owner.name, "due_on": due_on},
        request=request,
    )
    return item


def _may_act_as_owner(actor: "User", item: ActionItem) -> bool:
    return item.owner_id in selectors.organisations_spoken_for(actor)


@transaction.atomic
def action_item_transition(
    *, actor: "User", item: ActionItem, to_status: str, note: str = "", request: HttpRequest | None = None
) -> ActionItem:
    """Changes an action item's status along the allowed table: the owner reports progress and completion,
    the organiser may also cancel and reopen."""
    if to_status not in ActionStatus.values:
        raise ValidationError({"status": _("Status tindak lanjut tidak dikenal.")})
    organiser = can(actor, Action.CHANGE, item.meeting)
    owner = _may_act_as_owner(actor, item)
    if not organiser and not owner:
        raise PermissionDenied(_("Anda tidak berwenang mengubah tindak lanjut ini."))
    if to_status not in ACTION_TRANSITIONS.get(item.status, set()):
        raise TransitionError(
            _("Status tindak lanjut tidak dapat diubah dari “%(from)s” ke “%(to)s”.")
            % {"from": item.get_status_display(), "to": ActionStatus(to_status).label}
        )
    if not organiser and (item.status, to_status) not in OWNER_TRANSITIONS:
        raise PermissionDenied(
            _("Hanya penyelenggara rapat yang dapat membatalkan atau membuka kembali tindak lanjut.")
        )
    previous = item.status
    item.status = to_status
    item.status_changed_at = timezone.now()
    item.done_on = timezone.localdate() if to_status == ActionStatus.DONE else None
    item.status_note = note.strip()[:500]
    item.save(update_fields=["status", "status_changed_at", "done_on", "status_note", "updated_at"])
    audit_record(
        actor=actor,
        action="meetings.action_item.status_changed",
        obj=item,
        changes={"status": [previous, to_status]},
        data={"note": item.status_note, "as": "organiser" if organiser else "owner"},
        request=request,
    )
    return item


@transaction.atomic
def action_item_review(
    *,
    actor: "User",
    review: ActionItemReview,
    note: str,
    to_status: str = "",
    request: HttpRequest | None = None,
) -> ActionItemReview:
    """Records the review of a carried action item at a meeting (a note, optionally a new status)."""
    meeting = review.meeting
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    if not note.strip():
        raise ValidationError({"note": _("Isi catatan tinjauan.")})
    item = review.action_item
    if to_status and to_status != item.status:
        action_item_transition(actor=actor, item=item, to_status=to_status, note=note, request=request)
    review.note = note.strip()
    review.status_at_review = item.status
    review.reviewed_at, review.reviewed_by = timezone.now(), actor
    review.save(update_fields=["note", "status_at_review", "reviewed_at", "reviewed_by"])
    audit_record(
        actor=actor,
        action="meetings.action_item.reviewed",
        obj=item,
        data={"meeting": meeting.title, "status": item.status},
        request=request,
    )
    return review
