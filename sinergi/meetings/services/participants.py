"""Participants, invitations with RSVP, attendance by the organiser or by self check-in."""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.audit.services import audit_record
from sinergi.core.dates import shown
from sinergi.core.errors import ValidationError
from sinergi.notifications.services import local_date, notify, translated
from sinergi.organisations.models import Organisation

from .. import selectors
from ..choices import (
    CheckInMethod,
    MeetingStatus,
    ParticipantRole,
    Rsvp,
)
from ..links import rsvp_path
from ..models import (
    Attendance,
    Meeting,
    MeetingDay,
    Participant,
)
from ..tasks import meeting_invitation_emails
from ._common import _require_not_closed, _require_organiser

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _participant_repr(participant: Participant) -> str:
    # A participant's name stays out of the log's label; the id identifies them.
    return f"{participant.meeting} — peserta #{participant.pk}"


@transaction.atomic
def participant_add(
    *,
    actor: "User",
    meeting: Meeting,
    name: str,
    email: str = "",
    phone: str = "",
    organisation: Organisation | None = None,
    user=None,
    role: str = ParticipantRole.PARTICIPANT,
    request: HttpRequest | None = None,
) -> Participant:
    """Adds one invitee; the same e-mail address or user is not invited twice to one meeting."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    email = email.strip().lower()
    errors = {}
    if not name.strip():
        errors["name"] = _("Nama peserta wajib diisi.")
    if role not in ParticipantRole.values:
        errors["role"] = _("Peran dalam rapat tidak dikenal.")
    if email and meeting.participants.filter(email=email).exists():
        errors["email"] = _("Alamat surel ini sudah diundang ke rapat ini.")
    if user is not None and meeting.participants.filter(user=user).exists():
        errors["name"] = _("Pengguna ini sudah diundang ke rapat ini.")
    if errors:
        raise ValidationError(errors)
    participant = Participant.objects.create(
        meeting=meeting,
        name=name.strip(),
        email=email,
        phone=phone.strip(),
        organisation=organisation,
        user=user,
        role=role,
    )
    audit_record(
        actor=actor,
        action="meetings.participant.added",
        obj=participant,
        object_repr=_participant_repr(participant),
        data={"organisation": organisation.name if organisation else ""},
        request=request,
    )
    return participant


@transaction.atomic
def participants_invite_organisations(
    *, actor: "User", meeting: Meeting, organisations: Iterable[Organisation], request: HttpRequest | None = None
) -> list[Participant]:
    """Invites organisations: each user acting for one becomes a participant; an organisation without users is
    invited through its own address as "Perwakilan <name>". Who is already invited is skipped."""
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    taken_users = set(meeting.participants.exclude(user=None).values_list("user_id", flat=True))
    taken_emails = set(meeting.participants.exclude(email="").values_list("email", flat=True))
    created: list[Participant] = []
    for organisation in organisations:
        users = list(selectors.organisation_users(organisation).order_by("pk"))
        if users:
            candidates = [
                Participant(
                    meeting=meeting,
                    name=user.full_name or user.get_username(),
                    email=user.email.lower(),
                    phone=user.phone,
                    organisation=organisation,
                    user=user,
                )
                for user in users
                if user.pk not in taken_users and user.email.lower() not in taken_emails
            ]
        else:
            candidates = [
                Participant(
                    meeting=meeting,
                    name=_("Perwakilan %(organisation)s") % {"organisation": organisation.name},
                    email=organisation.email.lower(),
                    phone=organisation.phone,
                    organisation=organisation,
                )
            ]
            if meeting.participants.filter(organisation=organisation, user=None).exists() or (
                organisation.email and organisation.email.lower() in taken_emails
            ):
                candidates = []
        for participant in candidates:
            participant.save()
            taken_users.add(participant.user_id)
            if participant.email:
                taken_emails.add(participant.email)
            created.append(participant)
    audit_record(
        actor=actor,
        action="meetings.participant.organisations_invited",
        obj=meeting,
        data={"participants_added": len(created)},
        request=request,
    )
    return created


@transaction.atomic
def participant_remove(*, actor: "User", participant: Participant, request: HttpRequest | None = None) -> None:
    """Removes an invitee who has no recorded attendance."""
    meeting = participant.meeting
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    if participant.attendances.exists():
        raise ValidationError(_("Peserta yang sudah tercatat hadir tidak dapat dihapus."))
    label = _participant_repr(participant)
    participant.delete()
    audit_record(
        actor=actor, action="meetings.participant.removed", obj=meeting, data={"participant": label}, request=request
    )


@transaction.atomic
def meeting_invitations_send(*, actor: "User", meeting: Meeting, request: HttpRequest | None = None) -> int:
    """Invites everyone not invited yet: in-app for linked users, e-mail with own RSVP link and QR codes for every
    address. A draft meeting becomes "invited". Returns how many participants were invited."""
    _require_organiser(actor=actor, meeting=meeting)
    if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.INVITED):
        raise ValidationError(_("Undangan hanya dikirim sebelum rapat terlaksana."))
    pending = list(meeting.participants.filter(invited_at__isnull=True).select_related("user"))
    if not pending:
        raise ValidationError(_("Semua peserta sudah diundang. Tambahkan peserta terlebih dahulu."))
    now = timezone.now()
    first_day = meeting.days.first()
    when = local_date(first_day.date) if first_day else ""
    for participant in pending:
        if participant.user_id:
            notify(
                recipients=[participant.user],
                kind="meetings.invitation",
                title=translated(_lazy("Undangan rapat: %(title)s"), title=meeting.title),
                body=translated(
                    _lazy("Anda diundang ke %(title)s, %(when)s, %(venue)s. Mohon konfirmasi kehadiran."),
                    title=meeting.title,
                    when=when,
                    venue=meeting.venue or meeting.online_link,
                ),
                link=rsvp_path(participant),
                email=False,  # the invitation e-mail below carries the personal links and QR codes
                dedup_key=f"meetings.invitation:{participant.pk}",
            )
    Participant.objects.filter(pk__in=[p.pk for p in pending]).update(invited_at=now)
    if meeting.status == MeetingStatus.DRAFT:
        meeting.status = MeetingStatus.INVITED
        meeting.save(update_fields=["status", "updated_at"])
    with_address = [p.pk for p in pending if p.email]
    if with_address:
        transaction.on_commit(lambda: meeting_invitation_emails.enqueue(with_address))
    audit_record(
        actor=actor,
        action="meetings.invitations.sent",
        obj=meeting,
        data={"invited": len(pending), "emailed": len(with_address)},
        request=request,
    )
    return len(pending)


@transaction.atomic
def participant_rsvp(*, participant: Participant, answer: str, request: HttpRequest | None = None) -> Participant:
    """The participant's own answer through their secret link (no login)."""
    if answer not in (Rsvp.ACCEPTED, Rsvp.DECLINED):
        raise ValidationError(_("Jawaban tidak dikenal; pilih hadir atau tidak hadir."))
    if participant.meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        raise ValidationError(_("Rapat sudah terlaksana; konfirmasi kehadiran tidak lagi diterima."))
    previous = participant.rsvp
    participant.rsvp, participant.rsvp_at = answer, timezone.now()
    participant.save(update_fields=["rsvp", "rsvp_at"])
    audit_record(
        actor=participant.user,
        action="meetings.participant.rsvp",
        obj=participant,
        object_repr=_participant_repr(participant),
        changes={"rsvp": [previous, answer]},
        # Whoever holds the invitation's link acted, not necessarily the user it is linked to.
        data={"via": "link"},
        request=request,
    )
    return participant


@transaction.atomic
def attendance_record(
    *, actor: "User", day: MeetingDay, present: Iterable[int], request: HttpRequest | None = None
) -> tuple[int, int]:
    """The organiser's checklist for one day: exactly the participants in `present` are marked present.
    Returns (added, removed)."""
    meeting = day.meeting
    _require_organiser(actor=actor, meeting=meeting)
    _require_not_closed(meeting)
    wanted = set(present)
    valid = set(meeting.participants.values_list("pk", flat=True))
    if wanted - valid:
        raise ValidationError(_("Ada peserta yang bukan peserta rapat ini."))
    existing = set(day.attendances.values_list("participant_id", flat=True))
    removed = existing - wanted
    day.attendances.filter(participant_id__in=removed).delete()
    now = timezone.now()
    added = wanted - existing
    Attendance.objects.bulk_create(
        [
            Attendance(participant_id=pk, day=day, checked_in_at=now, method=CheckInMethod.ORGANISER, recorded_by=actor)
            for pk in sorted(added)
        ]
    )
    audit_record(
        actor=actor,
        action="meetings.attendance.recorded",
        obj=meeting,
        data={"day": day.date, "added": len(added), "removed": len(removed), "present": len(wanted)},
        request=request,
    )
    return len(added), len(removed)


@transaction.atomic
def attendance_self_check_in(
    *, participant: Participant, day: MeetingDay, today: datetime.date | None = None, request: HttpRequest | None = None
) -> tuple[Attendance, bool]:
    """Self check-in from the QR code: only on that very day. Returns (attendance, created); a second scan
    returns the existing record."""
    today = today or timezone.localdate()
    if day.meeting_id != participant.meeting_id:
        raise ValidationError(_("Kode presensi tidak cocok dengan rapat ini."))
    if day.date != today:
        raise ValidationError(
            _("Presensi mandiri hanya dapat dilakukan pada hari rapat, %(date)s.") % {"date": shown(day.date)}
        )
    if participant.meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("Rapat sudah ditutup."))
    attendance, created = Attendance.objects.get_or_create(
        participant=participant,
        day=day,
        defaults={"checked_in_at": timezone.now(), "method": CheckInMethod.SELF},
    )
    if created:
        audit_record(
            actor=participant.user,
            action="meetings.attendance.self_checked_in",
            obj=participant,
            object_repr=_participant_repr(participant),
            data={"day": day.date, "via": "link"},
            request=request,
        )
    return attendance, created
