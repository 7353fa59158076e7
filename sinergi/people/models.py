from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sinergi.core.models import TimeStampedModel
from sinergi.vocabularies.models import Vocabulary

from .choices import (
    ACCESS_WHAT_LABELS,
    AccessPurpose,
    BackgroundCheckResult,
    CaseStage,
    ConsentGiver,
    DisabilityType,
    DischargeReason,
    DuplicateReason,
    DuplicateStatus,
    IncidentKind,
    LegalBasis,
    MissingIdReason,
    PlacementStatus,
    ServiceSetting,
    Sex,
    WorkerRole,
)


class LocatedByOrganisation(models.Model):
    """Rows located by the LKS that holds them: the codes are copied from it so scope checks are equality filters.

    The codes are indexed through `located_indexes()` in each model's Meta rather than `db_index=True`: on
    PostgreSQL Django adds a second (`varchar_pattern_ops`) index to every indexed CharField for LIKE queries, which
    scope checks never make and which every bulk import would have to maintain (docs/decisions/0004)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("LKS"), on_delete=models.PROTECT, related_name="+"
    )
    province_code = models.CharField(max_length=2)
    regency_code = models.CharField(max_length=5)

    class Meta:
        abstract = True


def located_indexes(prefix: str) -> list[models.Index]:
    return [
        models.Index(fields=["province_code"], name=f"{prefix}_province_idx"),
        models.Index(fields=["regency_code"], name=f"{prefix}_regency_idx"),
    ]


class PersonQuerySet(models.QuerySet):
    def current(self) -> "PersonQuerySet":
        """Neither erased nor merged into another record: the people every list, search and match may find."""
        return self.filter(erased_at__isnull=True, merged_into__isnull=True)


class Person(TimeStampedModel, LocatedByOrganisation):
    """A client (PPKS) served by an LKS. Identity numbers are stored encrypted with a keyed hash beside them."""

    full_name = models.CharField(_("nama lengkap"), max_length=150)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    birth_date_estimated = models.BooleanField(_("tanggal lahir perkiraan"), default=False)
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    # NIK and KK: ciphertext (Fernet), keyed hash (HMAC-SHA256) for exact lookup, and the masked form for lists.
    nik_encrypted = models.TextField(blank=True)
    nik_hash = models.CharField(max_length=64, blank=True)
    nik_masked = models.CharField(_("NIK"), max_length=16, blank=True)
    nik_missing_reason = models.CharField(
        _("alasan NIK tidak ada"), max_length=20, choices=MissingIdReason.choices, blank=True
    )
    kk_encrypted = models.TextField(blank=True)
    # Compared, never searched: no index.
    kk_hash = models.CharField(max_length=64, blank=True)
    kk_masked = models.CharField(_("nomor KK"), max_length=16, blank=True)
    kk_missing_reason = models.CharField(
        _("alasan KK tidak ada"), max_length=20, choices=MissingIdReason.choices, blank=True
    )
    origin_region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("desa/kelurahan asal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # nothing selects people by origin; regions are never deleted (kept as not current)
    )
    ppks_categories = models.ManyToManyField(
        "vocabularies.Term",
        verbose_name=_("kategori PPKS"),
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PPKS},
    )
    disability_type = models.CharField(
        _("ragam disabilitas"), max_length=12, choices=DisabilityType.choices, blank=True
    )
    mother_name = models.CharField(_("nama ibu kandung"), max_length=150, blank=True)
    father_name = models.CharField(_("nama ayah"), max_length=150, blank=True)
    guardian_name = models.CharField(_("nama wali"), max_length=150, blank=True)
    guardian_relation = models.CharField(_("hubungan wali"), max_length=60, blank=True)
    guardian_phone = models.CharField(_("telepon wali"), max_length=30, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    # Normalised name + birth date + mother's name, for the close-match duplicate check (see services).
    match_key = models.CharField(max_length=64, blank=True)
    # Data-subject rights (UU PDP): a restricted record is shown to nobody but administrators; an erased one
    # keeps only what the anonymous counts need.
    is_restricted = models.BooleanField(_("pemrosesan dibatasi"), default=False)
    erased_at = models.DateTimeField(_("dihapus pada"), null=True, blank=True)
    # A second record of the same human, retired into the kept one by the board (services.duplicate_merge): it keeps
    # what it said, holds nothing any more, and is found by nobody; an export ID naming it leads to the kept record.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("digabungkan ke"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        # Looked up by the kept record too (a merge into a merged record, an erasure, an access request): by a partial
        # index of the merged records only (Meta), which a client imported unmerged never enters (decision 0004).
        db_index=False,
    )
    merged_at = models.DateTimeField(_("digabungkan pada"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "pk"]
        indexes = [
            *located_indexes("person"),
            models.Index(fields=["nik_hash"], name="person_nik_hash_idx"),
            models.Index(fields=["match_key"], name="person_match_key_idx"),
            models.Index(
                fields=["merged_into"], name="person_merged_into_idx", condition=models.Q(merged_into__isnull=False)
            ),
        ]
        verbose_name = _("penerima layanan (PPKS)")
        verbose_name_plural = _("penerima layanan (PPKS)")

    def __str__(self) -> str:
        return self.full_name


class Placement(TimeStampedModel, LocatedByOrganisation):
    """A person's stay with (or service from) one LKS, from admission to discharge."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="placements")
    # placement_org_status_idx leads with the organisation, so its own index would only cost inserts.
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("LKS"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    ppks_category = models.ForeignKey(
        "vocabularies.Term",
        verbose_name=_("kategori PPKS utama"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PPKS},
    )
    setting = models.CharField(_("bentuk layanan"), max_length=12, choices=ServiceSetting.choices)
    admitted_on = models.DateField(_("tanggal masuk"))
    services = models.ManyToManyField(
        "vocabularies.Term",
        verbose_name=_("layanan yang diterima"),
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.WELFARE_PILLAR},
    )
    stage = models.CharField(_("tahap kasus (SNPA)"), max_length=12, choices=CaseStage.choices, blank=True)
    next_review_on = models.DateField(_("tinjauan rencana pengasuhan berikutnya"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.ACTIVE
    )
    discharged_on = models.DateField(_("tanggal keluar"), null=True, blank=True)
    discharge_reason = models.CharField(_("alasan keluar"), max_length=12, choices=DischargeReason.choices, blank=True)
    discharge_note = models.CharField(_("keterangan keluar"), max_length=300, blank=True)

    class Meta:
        ordering = ["-admitted_on", "-pk"]
        indexes = [
            *located_indexes("placement"),
            # Also serves every lookup by organisation alone (its leading column).
            models.Index(fields=["organisation", "status"], name="placement_org_status_idx"),
            models.Index(fields=["status"], name="placement_status_idx"),
        ]
        verbose_name = _("penempatan")
        verbose_name_plural = _("penempatan")

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation}"


class CarePlanReview(models.Model):
    """A six-monthly review of a child's care plan (SNPA)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("tanggal tinjauan"))
    summary = models.TextField(_("ringkasan"), blank=True)
    next_review_on = models.DateField(_("tinjauan berikutnya"))
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-reviewed_on"]
        verbose_name = _("tinjauan rencana pengasuhan")
        verbose_name_plural = _("tinjauan rencana pengasuhan")

    def __str__(self) -> str:
        return f"{self.placement} {self.reviewed_on}"


class Consent(models.Model):
    """Proof of the legal basis for processing a person's data (UU PDP Pasal 20, 25, 26)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField(_("diberikan oleh"), max_length=10, choices=ConsentGiver.choices)
    giver_name = models.CharField(_("nama pemberi persetujuan"), max_length=150)
    given_on = models.DateField(_("tanggal"))
    legal_basis = models.CharField(_("dasar pemrosesan"), max_length=20, choices=LegalBasis.choices)
    scope = models.CharField(_("cakupan"), max_length=300)
    withdrawn_on = models.DateField(_("dicabut pada"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("persetujuan")
        verbose_name_plural = _("persetujuan")

    def __str__(self) -> str:
        return f"{self.get_given_by_display()} {self.giver_name} {self.given_on}"


class IncidentQuerySet(models.QuerySet):
    def delete(self):
        # A bulk delete skips Model.delete(); refuse it here as well, so no code path can remove a report.
        raise PermissionError("Incidents cannot be deleted.")


class Incident(LocatedByOrganisation):
    """A suspicion of abuse or violence; notifies Dinas Sosial at once and can never be deleted."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="incidents")
    kind = models.CharField(_("jenis"), max_length=16, choices=IncidentKind.choices)
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    description = models.TextField(_("uraian"))
    reported_at = models.DateTimeField(_("dilaporkan pada"), auto_now_add=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    follow_up = models.TextField(_("tindak lanjut"), blank=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_at"]
        indexes = located_indexes("incident")
        verbose_name = _("insiden")
        verbose_name_plural = _("insiden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.reported_at:%Y-%m-%d})"

    def delete(self, *args, **kwargs):
        # Reports of abuse are evidence: the law expects them kept, so no code path may remove one.
        raise PermissionError("Incidents cannot be deleted.")


class Worker(TimeStampedModel, LocatedByOrganisation):
    """A person who serves (PSKS/TKSM): caregiver, social worker, PSM, TKSK, volunteer, board officer."""

    full_name = models.CharField(_("nama lengkap"), max_length=150)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    nik_encrypted = models.TextField(blank=True)
    nik_hash = models.CharField(max_length=64, blank=True)
    nik_masked = models.CharField(_("NIK"), max_length=16, blank=True)
    psks_category = models.ForeignKey(
        "vocabularies.Term",
        verbose_name=_("kategori PSKS"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PSKS},
    )
    role = models.CharField(_("peran"), max_length=10, choices=WorkerRole.choices)
    # The job as the LKS calls it ("Juru masak", "Kepala asrama"): the role list is what the board counts by.
    job_title = models.CharField(_("jabatan"), max_length=100, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    started_on = models.DateField(_("mulai bertugas"), null=True, blank=True)
    ended_on = models.DateField(_("berhenti bertugas"), null=True, blank=True)
    certifications = models.TextField(_("sertifikasi/pelatihan"), blank=True)
    works_with_children = models.BooleanField(_("bekerja dengan anak"), default=False)
    # Only the result and date of the check are kept, never the record itself (SNPA).
    background_check_on = models.DateField(_("tanggal pemeriksaan latar belakang"), null=True, blank=True)
    background_check_result = models.CharField(
        _("hasil pemeriksaan"), max_length=10, choices=BackgroundCheckResult.choices, blank=True
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["full_name", "pk"]
        indexes = [*located_indexes("worker"), models.Index(fields=["nik_hash"], name="worker_nik_hash_idx")]
        verbose_name = _("pekerja sosial (PSKS)")
        verbose_name_plural = _("pekerja sosial (PSKS)")

    def __str__(self) -> str:
        return self.full_name


class PersonRevision(models.Model):
    """What a correction replaced in a client's identifying fields (name, birth date, parents, guardian, phone,
    notes, NIK, KK), encrypted as the NIK is. The audit log keeps only that they changed, since it outlives an
    erasure; these values are kept for those who may change the record (a name blanked by mistake can be read back),
    and go with the person's data when they are erased (the fifty-fourth review M2)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField(auto_now_add=True)
    actor_name = models.CharField(max_length=150, blank=True)
    # {"field": [before, after]} as JSON, encrypted (sinergi.core.crypto)
    values_encrypted = models.TextField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person_id} {self.changed_at:%Y-%m-%d %H:%M}"


class DuplicateCandidate(models.Model):
    """Two person records that may be the same human, for a kabupaten/kota or province board to decide."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("alasan"), max_length=12, choices=DuplicateReason.choices)
    # Located at the kabupaten/kota of the record that triggered it, so that board sees it.
    province_code = models.CharField(max_length=2, db_index=True)
    regency_code = models.CharField(max_length=5, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["person", "other"], name="duplicate_pair_unique")]
        verbose_name = _("kandidat data ganda")
        verbose_name_plural = _("kandidat data ganda")

    def __str__(self) -> str:
        return f"{self.person_id} ~ {self.other_id} ({self.reason})"


class AdmissionClock(models.Model):
    """One row, advanced by every write that admits people with a NIK (a form's, an import's) just after its commit.

    Two admissions running at once cannot see each other's people until they commit, so neither records the other
    as a possible duplicate. A write that reads the clock before its check and again after its own advance knows
    whether anyone else committed admissions meanwhile, and only then looks again (services.duplicates): looking
    again always would cost an import of 100,000 people one to four seconds."""

    ticks = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.ticks)


class AccessEntry(models.Model):
    """One view, export or change of someone's personal data: who, when, what, from where, and for which purpose.

    One row per person per import or export (100,000 at a time), read only as that person's history: one index,
    (subject, time), serves that; the actor is kept for the record, not searched (decision 0004). No database
    constraint on either key (decision 0005): the log is append-only and its writers take the ids from the rows
    they have just read or written, while checking 100,000 keys cost more than writing the lines. Deletes through
    Django still cascade / set null."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    actor_name = models.CharField(max_length=150)
    occurred_at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=40)  # viewed, viewed_full_nik, exported, changed, ...
    purpose = models.CharField(max_length=20, choices=AccessPurpose.choices)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.what} {self.subject_id}"

    @property
    def what_label(self) -> str:
        return str(ACCESS_WHAT_LABELS.get(self.what, self.what))


class PersonAccess(AccessEntry):
    """The access log of a client (PPKS)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="accesses", db_index=False, db_constraint=False
    )

    class Meta(AccessEntry.Meta):
        indexes = [models.Index(fields=["person", "occurred_at"], name="person_access_history_idx")]
        verbose_name = _("akses data pribadi")
        verbose_name_plural = _("akses data pribadi")

    @property
    def subject_id(self) -> int:
        return self.person_id


class WorkerAccess(AccessEntry):
    """The access log of a worker (PSKS/TKSM): the same personal data (NIK, birth date, background check)."""

    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="accesses", db_index=False, db_constraint=False
    )

    class Meta(AccessEntry.Meta):
        indexes = [models.Index(fields=["worker", "occurred_at"], name="worker_access_history_idx")]
        verbose_name = _("akses data pekerja")
        verbose_name_plural = _("akses data pekerja")

    @property
    def subject_id(self) -> int:
        return self.worker_id


class SummaryLevel(models.IntegerChoices):
    """Which level of the region tree a summary row totals: the nation, a province or a kabupaten/kota."""

    NATION = 0, _("Nasional")
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/kota")


class SummaryArea(models.Model):
    """Where a summary row belongs: every change is counted at its kabupaten/kota, its province and the nation.

    Keeping the rollups as rows (instead of summing kabupaten rows on a page load) is what keeps a national
    dashboard to a few hundred rows; `parent_code` lets a page list the children of the area it shows.
    """

    level = models.PositiveSmallIntegerField(choices=SummaryLevel.choices)
    area_code = models.CharField(max_length=5)  # "" for the nation, "63" for a province, "63.71" for a kabupaten
    parent_code = models.CharField(max_length=5)  # "" for provinces (and the nation itself)

    class Meta:
        abstract = True


class PlacementActive(SummaryArea):
    """Summary: placements active now per area × PPKS category × setting; kept current by the services."""

    ppks_code = models.CharField(max_length=64)
    setting = models.CharField(max_length=12, choices=ServiceSetting.choices)
    # Signed on purpose: a summary briefly out of step with hand-edited data must not make a service fail.
    active = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area_code", "ppks_code", "setting"], name="placement_active_unique")
        ]
        indexes = [models.Index(fields=["parent_code", "level"], name="placement_active_parent_idx")]

    def __str__(self) -> str:
        return f"{self.area_code or '-'} {self.ppks_code} {self.setting}: {self.active}"


class PlacementMonthly(SummaryArea):
    """Summary: admissions and discharges per month × area × PPKS category × setting; kept current by the services.

    Active-at-end-of-month is not stored: it is PlacementActive minus the admissions and plus the discharges
    of the later months, so a back-dated change touches two rows instead of every month since.
    """

    month = models.DateField()  # first day of the month
    ppks_code = models.CharField(max_length=64)
    setting = models.CharField(max_length=12, choices=ServiceSetting.choices)
    admissions = models.IntegerField(default=0)
    discharges = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area_code", "month", "ppks_code", "setting"], name="placement_monthly_unique"
            )
        ]
        indexes = [models.Index(fields=["parent_code", "level", "month"], name="placement_monthly_parent_idx")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.area_code or '-'} {self.ppks_code} {self.setting}"


class PublicClientsMonthEnd(SummaryArea):
    """The public's clients figures, frozen: placements in care at the end of a month per area × PPKS category ×
    setting, worked out from the summaries when the public first asked for that month (PlacementActive minus the later
    admissions plus the later discharges), and never changed after. Worked out again on each reading, an entry made
    now but dated back into that month would show as +1 in its cell between two readings (docs/privacy.md)."""

    month = models.DateField()  # first day of the month whose end the figures are of
    ppks_code = models.CharField(max_length=64)
    setting = models.CharField(max_length=12, choices=ServiceSetting.choices)
    active = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "area_code", "ppks_code", "setting"], name="public_clients_month_end_unique"
            )
        ]
        indexes = [models.Index(fields=["month", "parent_code", "level"], name="public_clients_parent_idx")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.area_code or '-'} {self.ppks_code} {self.setting}: {self.active}"


class PublicClientsMonth(models.Model):
    """A month whose end the public's clients figures are frozen at (PublicClientsMonthEnd holds its rows): made
    first, in the transaction that writes them, so that two first readers at once write them once."""

    month = models.DateField(unique=True)
    frozen_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class WorkerCount(SummaryArea):
    """Summary: active workers per area × PSKS category × role; kept current by the services."""

    psks_code = models.CharField(max_length=64)
    role = models.CharField(max_length=10, choices=WorkerRole.choices)
    active = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area_code", "psks_code", "role"], name="worker_count_unique")]
        indexes = [models.Index(fields=["parent_code", "level"], name="worker_count_parent_idx")]

    def __str__(self) -> str:
        return f"{self.area_code or '-'} {self.psks_code} {self.role}: {self.active}"
