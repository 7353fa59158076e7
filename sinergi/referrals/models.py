from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sinergi.core.models import TimeStampedModel
from sinergi.people.choices import ConsentGiver, Sex
from sinergi.vocabularies.models import Vocabulary

from .choices import EventKind, IntakeSex, ReferralStatus, ServiceKind, Urgency


class Referral(TimeStampedModel):
    """A client referred by an LKS (or a board) to another LKS or to an outside service, with consent and deadline.

    A referral is located at both ends: the sender's codes and the receiver's codes are copied onto it, so either
    side's users (and boards) find it with equality filters. For a referral to a service the receiving codes are the
    sender's, because the sender records the service's answer and its board follows it up.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    from_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("pengirim"), on_delete=models.PROTECT, related_name="+"
    )
    from_placement = models.ForeignKey(
        "people.Placement", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals_out"
    )
    from_province_code = models.CharField(max_length=2, db_index=True)
    from_regency_code = models.CharField(max_length=5, db_index=True)
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("LKS tujuan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_service = models.CharField(_("layanan tujuan"), max_length=20, choices=ServiceKind.choices, blank=True)
    to_service_provider = models.CharField(_("penyedia layanan"), max_length=200, blank=True)
    to_province_code = models.CharField(max_length=2, db_index=True)
    to_regency_code = models.CharField(max_length=5, db_index=True)
    new_placement = models.ForeignKey(
        "people.Placement", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals_in"
    )

    # The summary the receiver sees before it accepts: no name, no NIK; taken when the referral is sent.
    ppks_category = models.ForeignKey(
        "vocabularies.Term",
        verbose_name=_("kategori PPKS"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PPKS},
    )
    client_age = models.PositiveSmallIntegerField(_("usia saat dirujuk"), null=True, blank=True)
    client_sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    origin_regency_code = models.CharField(_("kabupaten/kota asal"), max_length=5, blank=True)
    reason = models.TextField(_("alasan rujukan"))
    urgency = models.CharField(_("tingkat urgensi"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    due_at = models.DateTimeField(_("batas waktu jawaban"), db_index=True)

    # Consent (UU PDP): who gave it and when, or the vital interest that allows a referral without it.
    consent = models.ForeignKey("people.Consent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    consent_given_by = models.CharField(
        _("persetujuan diberikan oleh"), max_length=10, choices=ConsentGiver.choices, blank=True
    )
    consent_giver_name = models.CharField(_("nama pemberi persetujuan"), max_length=150, blank=True)
    consent_given_on = models.DateField(_("tanggal persetujuan"), null=True, blank=True)
    vital_interest = models.BooleanField(_("tanpa persetujuan: kepentingan vital"), default=False)
    vital_interest_note = models.CharField(_("alasan kepentingan vital"), max_length=300, blank=True)

    # What the receiver may see once it accepts.
    share_identity = models.BooleanField(_("bagikan identitas"), default=True)
    share_ppks = models.BooleanField(_("bagikan kategori PPKS"), default=True)
    share_case_summary = models.BooleanField(_("bagikan ringkasan kasus"), default=True)
    share_care_plan = models.BooleanField(_("bagikan rencana pengasuhan"), default=False)
    share_health = models.BooleanField(_("bagikan catatan kesehatan"), default=False)
    case_summary = models.TextField(_("ringkasan kasus"), blank=True)
    health_notes = models.TextField(_("catatan kesehatan"), blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT, db_index=True
    )
    sent_at = models.DateTimeField(_("dikirim pada"))
    accepted_at = models.DateTimeField(_("diterima pada"), null=True, blank=True)
    declined_at = models.DateTimeField(_("ditolak pada"), null=True, blank=True)
    decline_reason = models.CharField(_("alasan penolakan"), max_length=300, blank=True)
    completed_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    cancel_reason = models.CharField(_("alasan pembatalan"), max_length=300, blank=True)
    escalated_at = models.DateTimeField(_("diteruskan ke LKKKS pada"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["status", "due_at"], name="referral_status_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(to_organisation__isnull=False, to_service="")
                    | models.Q(to_organisation__isnull=True) & ~models.Q(to_service="")
                ),
                name="referral_to_lks_xor_service",
            )
        ]
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")

    def __str__(self) -> str:
        # No person name: this string reaches audit logs and notifications.
        return f"Rujukan #{self.pk}"

    @property
    def is_to_service(self) -> bool:
        return not self.to_organisation_id

    @property
    def target_label(self) -> str:
        if self.to_organisation_id:
            return self.to_organisation.name
        provider = f" — {self.to_service_provider}" if self.to_service_provider else ""
        return f"{self.get_to_service_display()}{provider}"


class ReferralEvent(models.Model):
    """One dated step of a referral (sent, accepted, declined, completed, cancelled, escalated): its timeline."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("peristiwa"), max_length=10, choices=EventKind.choices)
    at = models.DateTimeField(_("waktu"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)
    note = models.CharField(_("keterangan"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat rujukan")
        verbose_name_plural = _("riwayat rujukan")

    def __str__(self) -> str:
        return f"{self.referral_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class Intake(models.Model):
    """Which clients an LKS takes in by sex and age, for the capacity search (no row: everyone its kinds serve)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="referral_intake"
    )
    sex = models.CharField(_("jenis kelamin yang diterima"), max_length=1, choices=IntakeSex.choices, blank=True)
    min_age = models.PositiveSmallIntegerField(_("usia minimal"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("usia maksimal"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ketentuan penerimaan")
        verbose_name_plural = _("ketentuan penerimaan")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.sex or '*'} {self.min_age}-{self.max_age}"
