"""Choices of the referral domain and the one table of allowed status changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Dikirim")
    ACCEPTED = "accepted", _("Diterima")
    DECLINED = "declined", _("Ditolak")
    COMPLETED = "completed", _("Selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


# Each status change is one explicit service; anything not listed here is refused.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    ReferralStatus.SENT: {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.CANCELLED},
    ReferralStatus.ACCEPTED: {ReferralStatus.COMPLETED},
    ReferralStatus.DECLINED: set(),
    ReferralStatus.COMPLETED: set(),
    ReferralStatus.CANCELLED: set(),
}
# Statuses in which the receiving LKS has taken the client on and may see what was shared.
RECEIVED_STATUSES = {ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED}


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Biasa")
    URGENT = "urgent", _("Segera")
    EMERGENCY = "emergency", _("Darurat")


# Hours the receiver has to answer; a deployment may override them in settings.SINERGI["REFERRAL_RESPONSE_HOURS"].
DEFAULT_RESPONSE_HOURS = {Urgency.NORMAL: 72, Urgency.URGENT: 24, Urgency.EMERGENCY: 4}


class ServiceKind(models.TextChoices):
    """Services outside the LKS network a client can be referred to."""

    HEALTH = "health", _("Layanan kesehatan")
    EDUCATION = "education", _("Pendidikan")
    LEGAL_AID = "legal_aid", _("Bantuan hukum")
    SOCIAL_ASSISTANCE = "social_assistance", _("Bantuan sosial")


class EventKind(models.TextChoices):
    SENT = "sent", _("Rujukan dikirim")
    ACCEPTED = "accepted", _("Rujukan diterima")
    DECLINED = "declined", _("Rujukan ditolak")
    COMPLETED = "completed", _("Rujukan selesai")
    CANCELLED = "cancelled", _("Rujukan dibatalkan")
    ESCALATED = "escalated", _("Melewati batas waktu, diteruskan ke LKKKS kabupaten/kota")


# The status each transition leads to, and the event it writes.
EVENT_FOR_STATUS = {
    ReferralStatus.ACCEPTED: EventKind.ACCEPTED,
    ReferralStatus.DECLINED: EventKind.DECLINED,
    ReferralStatus.COMPLETED: EventKind.COMPLETED,
    ReferralStatus.CANCELLED: EventKind.CANCELLED,
}


class IntakeSex(models.TextChoices):
    """Which clients an LKS takes in, by sex (e.g. a home for girls)."""

    ANY = "", _("Laki-laki dan perempuan")
    MALE = "L", _("Hanya laki-laki")
    FEMALE = "P", _("Hanya perempuan")


class Shared(models.TextChoices):
    """What the sender shares with the receiver once it accepts (the summary is always visible)."""

    IDENTITY = "identity", _("Identitas (nama, tanggal lahir, NIK tersamar, asal)")
    PPKS = "ppks", _("Kategori PPKS")
    CASE_SUMMARY = "case_summary", _("Ringkasan kasus")
    CARE_PLAN = "care_plan", _("Rencana pengasuhan (tahap SNPA dan tinjauan)")
    HEALTH = "health", _("Catatan kesehatan")
