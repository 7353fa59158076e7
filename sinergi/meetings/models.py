import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sinergi.core.models import TimeStampedModel
from sinergi.core.zones import province_zone

from .choices import ActionStatus, CheckInMethod, MeetingKind, MeetingStatus, MeetingZone, ParticipantRole, Rsvp


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Meeting(TimeStampedModel):
    """A meeting organised by an LKKKS board: a Rakor, a board meeting, a technical meeting, ..."""

    kind = models.CharField(_("jenis rapat"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.BOARD)
    title = models.CharField(_("judul"), max_length=200)
    organiser = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("penyelenggara"), on_delete=models.PROTECT, related_name="meetings"
    )
    # Copied from the organiser so that scope checks are indexed equality filters.
    province_code = models.CharField(max_length=2, db_index=True)
    regency_code = models.CharField(max_length=5, blank=True, db_index=True)
    venue = models.CharField(_("tempat"), max_length=300, blank=True)
    # Empty: the organiser's province's clock, the usual case.
    time_zone = models.CharField(_("zona waktu"), max_length=20, choices=MeetingZone.choices, blank=True)
    online_link = models.URLField(_("tautan daring"), blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT, db_index=True
    )
    # Set when the meeting is closed and cleared when it is reopened: the invitees' links end some days after it.
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True, editable=False)
    # First and last day, kept by the services from the days below (for ordering and "earlier meeting").
    starts_on = models.DateField(_("mulai"), db_index=True)
    ends_on = models.DateField(_("selesai"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["organiser", "starts_on"], name="meeting_organiser_start_idx")]
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The clock its hours are on: the one chosen for it, else its organiser's province's, else the server's."""
        if self.time_zone:
            return zoneinfo.ZoneInfo(self.time_zone)
        return province_zone(self.province_code) or zoneinfo.ZoneInfo(settings.TIME_ZONE)


class MeetingDay(models.Model):
    """One day of a meeting, with its start and end time."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("tanggal"))
    starts_at = models.TimeField(_("jam mulai"))
    ends_at = models.TimeField(_("jam selesai"))

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["meeting", "date"], name="meeting_day_unique")]
        verbose_name = _("hari rapat")
        verbose_name_plural = _("hari rapat")

    def __str__(self) -> str:
        return f"{self.meeting} {self.date:%d-%m-%Y}"

    @property
    def hours(self) -> str:
        """The hours as "09:00–12:00 WITA": on the meeting's clock, its zone named, since an invitation (above all to
        an online meeting) may reach people who keep another of Indonesia's three clocks."""
        abbreviation = datetime.datetime.combine(self.date, self.starts_at, tzinfo=self.meeting.zone).tzname()
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M} {abbreviation}"


class AgendaItem(models.Model):
    """One item of a meeting's agenda, in order, with who presents it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("urutan"))
    title = models.CharField(_("acara"), max_length=300)
    presenter = models.CharField(_("penyaji"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("acara rapat")
        verbose_name_plural = _("acara rapat")

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Participant(models.Model):
    """A person invited to a meeting, with their answer and the secret token of their RSVP and check-in links."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("nama"), max_length=150)
    email = models.EmailField(_("surel"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participations",
    )
    role = models.CharField(
        _("peran dalam rapat"), max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )
    rsvp = models.CharField(_("konfirmasi kehadiran"), max_length=10, choices=Rsvp.choices, default=Rsvp.PENDING)
    rsvp_at = models.DateTimeField(null=True, blank=True)
    # Whoever holds the token may answer and check in: it is only ever sent to the participant.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_at = models.DateTimeField(_("diundang pada"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], condition=Q(user__isnull=False), name="participant_user_unique"
            ),
            models.UniqueConstraint(
                fields=["meeting", "email"], condition=~Q(email=""), name="participant_email_unique"
            ),
        ]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    """A participant's presence on one day of a meeting, recorded by the organiser or by self check-in."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendances")
    day = models.ForeignKey(MeetingDay, on_delete=models.CASCADE, related_name="attendances")
    checked_in_at = models.DateTimeField(_("hadir pada"))
    method = models.CharField(_("cara"), max_length=10, choices=CheckInMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["day", "participant__name"]
        constraints = [models.UniqueConstraint(fields=["participant", "day"], name="attendance_unique")]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")

    def __str__(self) -> str:
        return f"{self.participant} @ {self.day}"


class Minutes(TimeStampedModel):
    """The minutes (notulen) of a meeting; once approved they are no longer edited."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("notulen"))
    approved = models.BooleanField(_("disahkan"), default=False)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("notulen")
        verbose_name_plural = _("notulen")

    def __str__(self) -> str:
        return f"{self.meeting}"


class Decision(models.Model):
    """A decision taken at a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("nomor"))
    text = models.TextField(_("keputusan"))

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("keputusan")
        verbose_name_plural = _("keputusan")

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class ActionItem(TimeStampedModel):
    """A follow-up owed by an organisation by a due date; carried to the organiser's next meetings until done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("keputusan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    description = models.TextField(_("tindak lanjut"))
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="meeting_action_items",
    )
    due_on = models.DateField(_("batas waktu"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    done_on = models.DateField(_("selesai pada"), null=True, blank=True)
    status_note = models.CharField(_("catatan status"), max_length=500, blank=True)
    carried_to = models.ManyToManyField(
        Meeting, through="ActionItemReview", related_name="carried_action_items", blank=True
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")

    def __str__(self) -> str:
        return self.description[:80]


class ActionItemReview(models.Model):
    """An open action item of an earlier meeting, carried onto a later meeting's review list, with its note."""

    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="reviews")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_reviews")
    note = models.TextField(_("catatan tinjauan"), blank=True)
    status_at_review = models.CharField(max_length=12, choices=ActionStatus.choices, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["action_item__due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["action_item", "meeting"], name="action_review_unique")]
        verbose_name = _("tinjauan tindak lanjut")
        verbose_name_plural = _("tinjauan tindak lanjut")

    def __str__(self) -> str:
        return f"{self.action_item} @ {self.meeting}"
