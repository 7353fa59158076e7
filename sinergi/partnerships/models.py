import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.models import TimeStampedModel
from sinergi.core.storage import PrivateFileSystemStorage
from sinergi.vocabularies.models import Vocabulary

from .choices import REMINDER_THRESHOLDS, AgreementKind, AgreementStatus, PartyRole

# Agreement documents are never given a public URL: they live under MEDIA_ROOT/agreements/<id>/ and are served only
# by a view that checks scope. An instance without a location follows settings.MEDIA_ROOT (also when tests change it).
_private_storage = PrivateFileSystemStorage(base_url="/no-public-url/")


def agreement_storage() -> PrivateFileSystemStorage:
    return _private_storage


def agreement_document_path(instance: "AgreementDocument", filename: str) -> str:
    # The stored name is random; the uploader's file name is kept in `original_name` only for display.
    extension = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}.get(instance.content_kind, "bin")
    return f"agreements/{instance.agreement_id}/{uuid.uuid4().hex}.{extension}"


class Agreement(TimeStampedModel):
    """A cooperation agreement (MoU or PKS) between two or more organisations, with its scope, period and status."""

    kind = models.CharField(_("jenis perjanjian"), max_length=10, choices=AgreementKind.choices, db_index=True)
    title = models.CharField(_("judul"), max_length=250)
    number = models.CharField(_("nomor perjanjian"), max_length=120, blank=True)
    scope = models.TextField(_("ruang lingkup"), blank=True)
    participation_forms = models.ManyToManyField(
        "vocabularies.Term",
        verbose_name=_("bentuk peran serta"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PARTICIPATION_FORM},
    )
    welfare_pillars = models.ManyToManyField(
        "vocabularies.Term",
        verbose_name=_("pilar kesejahteraan sosial"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.WELFARE_PILLAR},
    )
    starts_on = models.DateField(_("berlaku mulai"))
    ends_on = models.DateField(_("berlaku sampai"), db_index=True)
    signed_on = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT, db_index=True
    )
    terminated_on = models.DateField(_("diakhiri pada"), null=True, blank=True)
    termination_reason = models.CharField(_("alasan pengakhiran"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic locking, as in the registry: an edit names the version it read.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["status", "ends_on"], name="agreement_status_ends_idx")]
        verbose_name = _("perjanjian kerja sama")
        verbose_name_plural = _("perjanjian kerja sama")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or self.title}".strip()

    @property
    def days_to_end(self) -> int:
        """Days from today to the end date (negative once it has passed)."""
        return (self.ends_on - timezone.localdate()).days

    @property
    def ends_soon(self) -> bool:
        """Active and ending within the first reminder threshold (90 days)."""
        return self.status == AgreementStatus.ACTIVE and 0 <= self.days_to_end <= max(REMINDER_THRESHOLDS)


class AgreementParty(models.Model):
    """An organisation of any kind taking part in an agreement, as first or second party or as witness."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisasi"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    role = models.CharField(_("kedudukan"), max_length=10, choices=PartyRole.choices)
    signatory = models.CharField(_("penanda tangan"), max_length=150, blank=True)

    class Meta:
        ordering = ["agreement", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="agreement_party_unique"),
        ]
        verbose_name = _("pihak perjanjian")
        verbose_name_plural = _("pihak perjanjian")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.organisation}"


class AgreementDocument(models.Model):
    """A file belonging to an agreement (the signed text, an addendum, a photo of signing): PDF or image only."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("judul dokumen"), max_length=200)
    file = models.FileField(storage=agreement_storage, upload_to=agreement_document_path, max_length=200)
    original_name = models.CharField(_("nama berkas asli"), max_length=200)
    content_kind = models.CharField(_("jenis isi"), max_length=10)  # pdf / png / jpeg, decided by the content
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "-uploaded_at", "-pk"]
        verbose_name = _("dokumen perjanjian")
        verbose_name_plural = _("dokumen perjanjian")

    def __str__(self) -> str:
        return self.title

    @property
    def mime_type(self) -> str:
        return {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}[self.content_kind]

    @property
    def download_name(self) -> str:
        extension = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}[self.content_kind]
        stem = self.original_name.rsplit(".", 1)[0] if "." in self.original_name else self.original_name
        return f"{stem or 'dokumen'}{extension}"
