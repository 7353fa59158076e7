"""Choices of the meetings app and the allowed status transitions (each edge is one explicit service call)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    RAKOR = "rakor", _("Rapat koordinasi (Rakor)")
    BOARD = "board", _("Rapat pengurus")
    TECHNICAL = "technical", _("Rapat teknis")
    OTHER = "other", _("Lainnya")


class MeetingZone(models.TextChoices):
    """The clock a meeting's hours are on, when it is not its organiser's province's (a Rakor held in another
    province, a national meeting): Indonesia keeps three."""

    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    INVITED = "invited", _("Undangan terkirim")
    HELD = "held", _("Terlaksana")
    CLOSED = "closed", _("Ditutup")


MEETING_TRANSITIONS: dict[str, set[str]] = {
    MeetingStatus.DRAFT: {MeetingStatus.INVITED, MeetingStatus.HELD},
    MeetingStatus.INVITED: {MeetingStatus.HELD},
    MeetingStatus.HELD: {MeetingStatus.CLOSED},
    # A closed meeting may be reopened to correct its record; the reopening is audited.
    MeetingStatus.CLOSED: {MeetingStatus.HELD},
}


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("Pimpinan rapat")
    SPEAKER = "speaker", _("Narasumber")
    SECRETARY = "secretary", _("Notulis")
    PARTICIPANT = "participant", _("Peserta")
    OBSERVER = "observer", _("Peninjau")


class Rsvp(models.TextChoices):
    PENDING = "pending", _("Belum menjawab")
    ACCEPTED = "accepted", _("Akan hadir")
    DECLINED = "declined", _("Tidak dapat hadir")


class CheckInMethod(models.TextChoices):
    ORGANISER = "organiser", _("Dicatat panitia")
    SELF = "self", _("Presensi mandiri (QR)")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Terbuka")
    IN_PROGRESS = "in_progress", _("Sedang dikerjakan")
    DONE = "done", _("Selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


# Items still to be followed up: carried to the next meeting of the organiser and reminded.
ACTION_PENDING = {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}

ACTION_TRANSITIONS: dict[str, set[str]] = {
    ActionStatus.OPEN: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED},
    ActionStatus.IN_PROGRESS: {ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.CANCELLED},
    # A review may find that "done" was not done after all.
    ActionStatus.DONE: {ActionStatus.IN_PROGRESS},
    ActionStatus.CANCELLED: {ActionStatus.OPEN},
}

# The owner organisation may report progress and completion; cancelling and reopening are the organiser's.
OWNER_TRANSITIONS: set[tuple[str, str]] = {
    (ActionStatus.OPEN, ActionStatus.IN_PROGRESS),
    (ActionStatus.OPEN, ActionStatus.DONE),
    (ActionStatus.IN_PROGRESS, ActionStatus.DONE),
}
