from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    """The form of a cooperation agreement."""

    MOU = "mou", _("Nota kesepahaman (MoU)")
    PKS = "pks", _("Perjanjian kerja sama (PKS)")
    OTHER = "other", _("Lainnya")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    ACTIVE = "active", _("Berlaku")
    EXPIRED = "expired", _("Berakhir (habis masa berlaku)")
    TERMINATED = "terminated", _("Diakhiri")


# Status changes only along these edges. Expired and terminated are final: a renewal is a new agreement (or, before
# the end date, an addendum that moves the end date of the active one), so the history of each period stays intact.
ALLOWED_STATUS_TRANSITIONS: dict[str, set[str]] = {
    AgreementStatus.DRAFT: {AgreementStatus.ACTIVE, AgreementStatus.TERMINATED},
    AgreementStatus.ACTIVE: {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED},
    AgreementStatus.EXPIRED: set(),
    AgreementStatus.TERMINATED: set(),
}


class PartyRole(models.TextChoices):
    FIRST = "first", _("Pihak pertama")
    SECOND = "second", _("Pihak kedua")
    WITNESS = "witness", _("Saksi/mengetahui")


# Parties that actually cooperate (witnesses only acknowledge): these make the pairs of the network.
COOPERATING_ROLES = {PartyRole.FIRST, PartyRole.SECOND}

# Days before the end date at which the parties and their boards are reminded, largest first.
REMINDER_THRESHOLDS = (90, 30, 7)

# Documents: what may be uploaded, decided by the file's content.
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
