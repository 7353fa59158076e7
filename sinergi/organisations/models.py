from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.core.models import TimeStampedModel
from sinergi.vocabularies.models import Vocabulary

from .choices import CareSetting, LegalForm, OfficerPosition, OrganisationKind, OrganisationStatus

# The dates an organisation's record holds that a user enters (its accreditation's end is worked out from them).
DATE_FIELDS = (
    "deed_date",
    "kemenkumham_date",
    "permit_issued_on",
    "permit_expires_on",
    "registration_issued_on",
    "registration_expires_on",
    "accredited_on",
)


class Organisation(TimeStampedModel):
    """An organisation in the registry: an LKS, an LKKKS board, or another participating organisation."""

    kind = models.CharField(_("jenis organisasi"), max_length=20, choices=OrganisationKind.choices, db_index=True)
    name = models.CharField(_("nama"), max_length=200)
    primary_service_kind = models.ForeignKey(
        "vocabularies.Term",
        verbose_name=_("jenis layanan utama"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.LKS_KIND},
    )
    service_kinds = models.ManyToManyField(
        "vocabularies.Term",
        verbose_name=_("jenis layanan lain"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.LKS_KIND},
    )
    care_setting = models.CharField(_("bentuk layanan"), max_length=12, choices=CareSetting.choices, blank=True)
    legal_form = models.CharField(_("bentuk badan hukum"), max_length=12, choices=LegalForm.choices, blank=True)
    has_legal_entity = models.BooleanField(_("berbadan hukum"), default=False)
    deed_number = models.CharField(_("nomor akta notaris"), max_length=100, blank=True)
    deed_date = models.DateField(_("tanggal akta"), null=True, blank=True)
    notary_name = models.CharField(_("nama notaris"), max_length=150, blank=True)
    kemenkumham_number = models.CharField(_("nomor SK Kemenkumham"), max_length=100, blank=True)
    kemenkumham_date = models.DateField(_("tanggal SK Kemenkumham"), null=True, blank=True)
    npwp = models.CharField(_("NPWP"), max_length=20, blank=True)

    address = models.CharField(_("alamat"), max_length=300, blank=True)
    # The most precise region known (ideally the desa/kelurahan); the codes below are derived from it
    # so that scope checks and statistics are indexed equality filters.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    province_code = models.CharField(max_length=2, blank=True, db_index=True)
    regency_code = models.CharField(max_length=5, blank=True, db_index=True)
    district_code = models.CharField(max_length=8, blank=True)
    village_code = models.CharField(max_length=13, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)

    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    head_name = models.CharField(_("nama pimpinan"), max_length=150, blank=True)
    head_phone = models.CharField(_("telepon pimpinan"), max_length=30, blank=True)
    capacity = models.PositiveIntegerField(_("kapasitas (orang)"), null=True, blank=True)

    permit_number = models.CharField(_("nomor izin operasional"), max_length=100, blank=True)
    permit_issuer = models.CharField(_("penerbit izin operasional"), max_length=150, blank=True)
    permit_issued_on = models.DateField(_("tanggal izin operasional"), null=True, blank=True)
    permit_expires_on = models.DateField(_("izin operasional berlaku sampai"), null=True, blank=True)
    registration_number = models.CharField(_("nomor tanda daftar"), max_length=100, blank=True)
    registration_issuer = models.CharField(_("penerbit tanda daftar"), max_length=150, blank=True)
    registration_issued_on = models.DateField(_("tanggal tanda daftar"), null=True, blank=True)
    registration_expires_on = models.DateField(_("tanda daftar berlaku sampai"), null=True, blank=True)

    accreditation_grade = models.ForeignKey(
        "vocabularies.Term",
        verbose_name=_("peringkat akreditasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.ACCREDITATION_GRADE},
    )
    accredited_on = models.DateField(_("tanggal akreditasi"), null=True, blank=True)
    accreditation_expires_on = models.DateField(_("akreditasi berlaku sampai"), null=True, blank=True)
    accreditation_certificate_number = models.CharField(_("nomor sertifikat akreditasi"), max_length=100, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=OrganisationStatus.choices, default=OrganisationStatus.DRAFT, db_index=True
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    inactive_reason = models.CharField(_("alasan nonaktif"), max_length=300, blank=True)
    # Optimistic locking: every update must name the version it read.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "status", "regency_code"], name="org_kind_status_regency_idx"),
        ]
        verbose_name = _("organisasi")
        verbose_name_plural = _("organisasi")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The phones as stored: one written before today's rule is not judged again when left as it is.
        instance.stored_phones = {name: instance.__dict__.get(name) for name in ("phone", "head_phone")}  # no load
        return instance

    def __str__(self) -> str:
        return self.name

    @property
    def accreditation_has_ended(self) -> bool:
        """Accredited once, but past the end date: the grade stays as history and no longer counts (the
        statistics put it under "Kedaluwarsa")."""
        ends = self.accreditation_expires_on
        return bool(self.accreditation_grade_id and ends and ends < timezone.localdate())

    @property
    def is_lks(self) -> bool:
        return self.kind in (OrganisationKind.LKS, OrganisationKind.LKS_ASING)


class BoardTerm(models.Model):
    """One term of office of an LKKKS board (e.g. 2025–2030), with its inauguration."""

    board = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="terms")
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("berakhir"))
    inaugurated_on = models.DateField(_("dilantik pada"), null=True, blank=True)
    decree_number = models.CharField(_("nomor SK pengukuhan"), max_length=100, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("masa bakti")
        verbose_name_plural = _("masa bakti")

    def __str__(self) -> str:
        return f"{self.board} {self.starts_on:%Y}–{self.ends_on:%Y}"


class BoardOfficer(models.Model):
    """A person holding a position (ketua, sekretaris, ...) on an LKKKS board for one term."""

    term = models.ForeignKey(BoardTerm, on_delete=models.CASCADE, related_name="officers")
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=20, choices=OfficerPosition.choices)
    position_detail = models.CharField(_("keterangan jabatan"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("surel"), blank=True)

    class Meta:
        ordering = ["term", "position", "name"]
        verbose_name = _("pengurus")
        verbose_name_plural = _("pengurus")

    def __str__(self) -> str:
        return f"{self.get_position_display()} {self.name}"


class BoardMembership(models.Model):
    """An organisation (usually an LKS) that is a member of an LKKKS board."""

    board = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="board_links")
    joined_on = models.DateField(_("bergabung pada"), null=True, blank=True)
    ended_on = models.DateField(_("berakhir pada"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["board", "member"], name="board_member_unique")]
        verbose_name = _("keanggotaan LKKKS")
        verbose_name_plural = _("keanggotaan LKKKS")

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.board}"
