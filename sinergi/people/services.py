"""Writes about clients (PPKS) and workers (PSKS): each function checks scope, validates everything at once,
writes, audits, logs the access to personal data and keeps the summary tables current — in one transaction.

Privacy rules that hold throughout:
- NIK and KK are stored only as ciphertext, keyed hash and masked form; never in plain text, never in an audit
  event. Audit events about a person name it by id ("Penerima layanan #12"), not by name, because the audit log
  outlives an erasure.
- A duplicate candidate is never explained to the operator who triggered it: they learn only that a board will
  check, never which LKS or which person matched.
"""

import datetime
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Model, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.models import Membership, Role
from sinergi.accounts.scope import Action, ScopeFields, can, restrict, scope_q
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record
from sinergi.core.crypto import decrypt, encrypt, keyed_hash, mask_identity_number
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region, RegionLevel
from sinergi.vocabularies.models import Term, Vocabulary

from .access import person_access_record, purpose_for
from .choices import (
    ALLOWED_STAGE_TRANSITIONS,
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
from .models import CarePlanReview, Consent, DuplicateCandidate, Incident, Person, Placement, Worker
from .nik import kk_check, nik_check
from .summaries import (
    summary_placement_added,
    summary_placement_changed,
    summary_placement_discharged,
    summary_snapshot,
    summary_snapshot_worker,
    summary_worker_changed,
)

logger = logging.getLogger(__name__)

ADULT_AGE = 18
REVIEW_INTERVAL_MONTHS = 6
# LKS kinds are vocabulary items; "lainnya" (other) serves any PPKS category, the others those in attributes["ppks"].
KIND_SERVES_ALL = "lainnya"
KIND_ELDERLY = "lanjut_usia"
PERSON_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "birth_date_estimated",
    "birth_place",
    "origin_region",
    "disability_type",
    "mother_name",
    "father_name",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "notes",
)
# Fields whose values never go into the audit log (only the fact that they changed).
IDENTIFYING_FIELDS = {
    "full_name",
    "birth_date",
    "birth_place",
    "origin_region",
    "mother_name",
    "father_name",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "notes",
    "nik",
    "kk",
}
WORKER_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "psks_category",
    "role",
    "phone",
    "started_on",
    "certifications",
    "works_with_children",
    "background_check_on",
    "background_check_result",
)
MAX_LENGTHS = {
    "full_name": 150,
    "birth_place": 100,
    "mother_name": 150,
    "father_name": 150,
    "guardian_name": 150,
    "guardian_relation": 60,
    "guardian_phone": 30,
    "phone": 30,
    "giver_name": 150,
    "scope": 300,
    "note": 300,
}


@dataclass
class Outcome:
    """What a write produced: the object, warnings to show (never errors), and how many duplicates it flagged."""

    obj: Any
    warnings: list[str] = field(default_factory=list)
    duplicate_candidates: int = 0


class _Problems:
    """Collects every problem of one request so the operator sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


class _AuditRef:
    """Names a person-level object in the audit log by type and id only; its str() would contain a name."""

    def __init__(self, obj: Model) -> None:
        self._meta = obj._meta
        self.pk = obj.pk

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


# --- small rules --------------------------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 Aug + 6 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Age in completed years on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def is_child_on(person: Person, day: datetime.date) -> bool:
    """Under 18 on `day`; without a birth date nobody is treated as a child by the rules that depend on it."""
    return person.birth_date is not None and age_on(person.birth_date, day) < ADULT_AGE


def normalize_name(value: str) -> str:
    """Lower case, no accents or punctuation, single spaces: "Siti  Nur'aini" and "SITI NURAINI" compare equal."""
    text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9 ]+", "", text)
    return " ".join(text.split())


def person_match_key(*, full_name: str, birth_date: datetime.date | None, mother_name: str) -> str:
    """Keyed hash of normalised name + birth date + mother's name; "" when any part is missing (too weak)."""
    name, mother = normalize_name(full_name), normalize_name(mother_name)
    if not name or not mother or birth_date is None:
        return ""
    return keyed_hash(f"{name}|{birth_date.isoformat()}|{mother}")


def age_warnings(*, birth_date: datetime.date | None, on: datetime.date, categories: list[Term]) -> list[str]:
    """Warnings when the age on `on` falls outside a PPKS category's age rule (domain.md: warnings, not refusals)."""
    if birth_date is None:
        return []
    age = age_on(birth_date, on)
    warnings = []
    for term in categories:
        rule = term.attributes or {}
        low, high, below = rule.get("min_age"), rule.get("max_age"), rule.get("max_age_exclusive")
        outside = (
            (low is not None and age < low) or (high is not None and age > high) or (below is not None and age >= below)
        )
        if outside:
            if below is not None:
                bounds = _("%(low)s sampai di bawah %(high)s tahun") % {"low": low or 0, "high": below}
            elif high is not None:
                bounds = _("%(low)s–%(high)s tahun") % {"low": low or 0, "high": high}
            else:
                bounds = _("%(low)s tahun ke atas") % {"low": low}
            warnings.append(
                _("Usia %(age)d tahun di luar batas usia kategori “%(category)s” (%(bounds)s).")
                % {"age": age, "category": term.label, "bounds": bounds}
            )
    return warnings


def lks_kind_codes(organisation: Organisation) -> set[str]:
    """Codes of the primary and further service kinds of an LKS."""
    codes = {organisation.primary_service_kind.code} if organisation.primary_service_kind_id else set()
    return codes | set(organisation.service_kinds.values_list("code", flat=True))


def check_lks_serves(
    problems: _Problems, *, organisation: Organisation, category: Term | None, child: bool, field_name: str
) -> None:
    """A placement must fit the LKS: its kinds must serve the category, and no child goes to an elderly home."""
    kinds = lks_kind_codes(organisation)
    if child and kinds == {KIND_ELDERLY}:
        problems.add("__all__", _("Anak tidak dapat ditempatkan di LKS lanjut usia."))
    if category is None or KIND_SERVES_ALL in kinds:
        return
    served: set[str] = set()
    for term in Term.objects.filter(vocabulary=Vocabulary.LKS_KIND, code__in=kinds):
        served.update(term.attributes.get("ppks", []))
    if category.code not in served:
        problems.add(
            field_name,
            _("%(lks)s tidak melayani kategori “%(category)s” menurut jenis layanannya.")
            % {"lks": organisation.name, "category": category.label},
        )


def _may_at(actor, action: str, organisation: Organisation) -> bool:
    """Whether `actor` may perform `action` on rows located at this LKS (same rule as `restrict`)."""
    condition = scope_q(actor, action, ScopeFields(organisation="pk"))
    return condition is not None and Organisation.objects.filter(condition, pk=organisation.pk).exists()


def _require(actor, action: str, obj: Model, message: str) -> None:
    if not can(actor, action, obj):
        raise PermissionDenied(message)


def _refuse_if_restricted(person: Person) -> None:
    if person.erased_at is not None:
        raise PermissionDenied(_("Data orang ini sudah dihapus dan tidak dapat diubah."))
    if person.is_restricted:
        raise PermissionDenied(
            _("Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah.")
        )


def _audit(
    *,
    actor,
    action: str,
    obj: Model,
    changes: dict | None = None,
    data: dict | None = None,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> AuditEvent:
    return audit_record(
        actor=actor, action=action, obj=_AuditRef(obj), changes=changes, data=data, purpose=purpose, request=request
    )


def _text(data: dict, name: str, problems: _Problems, *, required: bool = False, label: str = "") -> str:
    value = (data.get(name) or "").strip()
    if required and not value:
        problems.add(name, _("%(label)s wajib diisi.") % {"label": label})
    limit = MAX_LENGTHS.get(name)
    if limit and len(value) > limit:
        problems.add(name, _("Paling banyak %(limit)d karakter.") % {"limit": limit})
    return value


def _choice(value: Any, choices, name: str, problems: _Problems, *, required: bool = True) -> str:
    value = value or ""
    if not value:
        if required:
            problems.add(name, _("Pilih salah satu."))
        return ""
    if value not in choices.values:
        problems.add(name, _("Pilihan “%(value)s” tidak dikenal.") % {"value": value})
        return ""
    return value


def _date(
    value: Any, name: str, problems: _Problems, *, required: bool = False, label: str = ""
) -> datetime.date | None:
    if value in (None, ""):
        if required:
            problems.add(name, _("%(label)s wajib diisi.") % {"label": label})
        return None
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        problems.add(name, _("Tanggal tidak valid."))
        return None
    if value > timezone.localdate():
        problems.add(name, _("Tanggal tidak boleh di masa depan."))
    return value


def _term(value: Any, vocabulary: str, name: str, problems: _Problems, *, required: bool = True) -> Term | None:
    if value is None:
        if required:
            problems.add(name, _("Pilih salah satu."))
        return None
    if not isinstance(value, Term) or value.vocabulary != vocabulary:
        problems.add(name, _("Pilihan tidak dikenal."))
        return None
    return value


# --- identity numbers and duplicates ------------------------------------------------------------------------


def _apply_identity(
    person: Person, data: dict, problems: _Problems, warnings: list[str], *, creating: bool
) -> tuple[bool, bool]:
    """Sets NIK and KK (ciphertext, hash, mask) from `data`. On update an absent or None key keeps the stored
    number, "" removes it. Returns whether the NIK and the KK changed."""
    changed = {"nik": False, "kk": False}
    for kind, checker in (("nik", nik_check), ("kk", kk_check)):
        reason_key = f"{kind}_missing_reason"
        raw = data.get(kind)
        if raw is not None or creating:
            raw = (raw or "").strip()
            if raw:
                check = (
                    checker(raw, birth_date=person.birth_date, sex=person.sex or None)
                    if kind == "nik"
                    else checker(raw)
                )
                for message in check.errors:
                    problems.add(kind, message)
                warnings.extend(check.warnings)
                if check.valid:
                    digest = keyed_hash(check.normalized)
                    changed[kind] = digest != getattr(person, f"{kind}_hash")
                    setattr(person, f"{kind}_encrypted", encrypt(check.normalized))
                    setattr(person, f"{kind}_hash", digest)
                    setattr(person, f"{kind}_masked", mask_identity_number(check.normalized))
            else:
                changed[kind] = bool(getattr(person, f"{kind}_hash"))
                setattr(person, f"{kind}_encrypted", "")
                setattr(person, f"{kind}_hash", "")
                setattr(person, f"{kind}_masked", "")
        if reason_key in data or creating:
            setattr(
                person, reason_key, _choice(data.get(reason_key), MissingIdReason, reason_key, problems, required=False)
            )
        has_number = bool(getattr(person, f"{kind}_hash")) or bool(problems.errors.get(kind))
        if has_number:
            setattr(person, reason_key, "")  # a number makes the reason moot
        elif not getattr(person, reason_key) and not problems.errors.get(reason_key):
            label = _("NIK") if kind == "nik" else _("nomor KK")
            problems.add(kind, _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": label})
    return changed["nik"], changed["kk"]


def _nik_active_at(nik_hash: str, organisation: Organisation, *, exclude_pk: int | None) -> bool:
    if not nik_hash:
        return False
    placements = Placement.objects.filter(
        person__nik_hash=nik_hash, organisation=organisation, status=PlacementStatus.ACTIVE
    )
    if exclude_pk:
        placements = placements.exclude(person_id=exclude_pk)
    return placements.exists()


def _flag_duplicates(*, actor, person: Person, request: HttpRequest | None) -> int:
    """Records candidates for the board of the person's kabupaten/kota; returns how many new ones were flagged."""
    found: dict[int, str] = {}
    if person.nik_hash:
        same_nik = (
            Placement.objects.filter(person__nik_hash=person.nik_hash, status=PlacementStatus.ACTIVE)
            .exclude(person_id=person.pk)
            .values_list("person_id", flat=True)
        )
        found.update(dict.fromkeys(same_nik, DuplicateReason.SAME_NIK_OTHER_LKS))
    if person.match_key:
        close = (
            Person.objects.filter(match_key=person.match_key, erased_at__isnull=True)
            .exclude(pk=person.pk)
            .values_list("pk", flat=True)[:50]
        )
        for other_id in close:
            found.setdefault(other_id, DuplicateReason.CLOSE_MATCH)
    if not found:
        return 0
    already = set(
        DuplicateCandidate.objects.filter(
            Q(person=person, other_id__in=found) | Q(other=person, person_id__in=found)
        ).values_list("person_id", "other_id")
    )
    known = {pk for pair in already for pk in pair} - {person.pk}
    created = 0
    for other_id, reason in sorted(found.items()):
        if other_id in known:
            continue
        candidate = DuplicateCandidate.objects.create(
            person=person,
            other_id=other_id,
            reason=reason,
            province_code=person.province_code,
            regency_code=person.regency_code,
        )
        _audit(
            actor=actor,
            action="people.duplicate.flagged",
            obj=candidate,
            data={"person": person.pk, "other": other_id, "reason": reason},
            request=request,
        )
        created += 1
    return created


def _duplicate_warning(count: int) -> str:
    # Deliberately says nothing about where or whom: the operator may not learn another LKS's clients.
    return _(
        "Data ini mungkin sama dengan data lain di Sinergi. Pengurus LKKKS kabupaten/kota akan memeriksanya; "
        "pelayanan tetap dapat berjalan seperti biasa."
    )


# --- people --------------------------------------------------------------------------------------------------


def _apply_person_data(
    person: Person, data: dict, problems: _Problems, warnings: list[str], *, creating: bool
) -> list[Term] | None:
    """Copies and checks the person fields present in `data`; returns the PPKS categories when given."""
    for name in PERSON_FIELDS:
        if name not in data and not creating:
            continue
        value = data.get(name)
        if name == "full_name":
            value = _text(data, name, problems, required=True, label=_("Nama lengkap"))
        elif name == "sex":
            value = _choice(value, Sex, name, problems)
        elif name == "birth_date":
            value = _date(value, name, problems)
            if value and value.year < 1900:
                problems.add(name, _("Tanggal lahir tidak mungkin sebelum tahun 1900."))
        elif name == "birth_date_estimated":
            value = bool(value)
        elif name == "disability_type":
            value = _choice(value, DisabilityType, name, problems, required=False)
        elif name == "origin_region":
            if value is not None and not isinstance(value, Region):
                problems.add(name, _("Wilayah tidak dikenal."))
                value = None
        else:
            value = _text(data, name, problems)
        setattr(person, name, value)
    categories: list[Term] | None = None
    if "ppks_categories" in data or creating:
        categories = []
        for term in data.get("ppks_categories") or []:
            if _term(term, Vocabulary.PPKS, "ppks_categories", problems) and term not in categories:
                categories.append(term)
    return categories


def _identity_changes(before: dict, person: Person, categories: list[Term] | None) -> tuple[dict, list[str]]:
    """Audit diff with identifying values left out, and the list of every changed field."""
    after = _person_snapshot(person)
    if categories is not None:
        after["ppks_categories"] = sorted(t.code for t in categories)
    else:
        after["ppks_categories"] = before.get("ppks_categories")
    changed = [name for name in after if before.get(name) != after[name]]
    shown = {name: [before.get(name), after[name]] for name in changed if name not in IDENTIFYING_FIELDS}
    return shown, changed


def _person_snapshot(person: Person) -> dict[str, Any]:
    values = {name: getattr(person, name) for name in PERSON_FIELDS if name != "origin_region"}
    values["origin_region"] = person.origin_region_id
    values["nik"] = person.nik_hash
    values["kk"] = person.kk_hash
    values["nik_missing_reason"] = person.nik_missing_reason
    values["kk_missing_reason"] = person.kk_missing_reason
    if person.pk:
        values["ppks_categories"] = sorted(person.ppks_categories.values_list("code", flat=True))
    return values


def _apply_placement_data(placement: Placement, data: dict, problems: _Problems) -> list[Term]:
    placement.ppks_category = _term(data.get("ppks_category"), Vocabulary.PPKS, "ppks_category", problems)
    placement.setting = _choice(data.get("setting"), ServiceSetting, "setting", problems)
    placement.admitted_on = _date(
        data.get("admitted_on"), "admitted_on", problems, required=True, label=_("Tanggal masuk")
    )
    services = []
    for term in data.get("services") or []:
        if _term(term, Vocabulary.WELFARE_PILLAR, "services", problems):
            services.append(term)
    return services


def _check_consent(data: dict, problems: _Problems, *, person: Person) -> Consent:
    """A Consent from form data; a child's consent must come from a parent or guardian (UU PDP Pasal 25)."""
    consent = Consent(person=person)
    consent.given_by = _choice(data.get("given_by"), ConsentGiver, "given_by", problems)
    consent.giver_name = _text(data, "giver_name", problems, required=True, label=_("Nama pemberi persetujuan"))
    consent.given_on = _date(data.get("given_on"), "given_on", problems, required=True, label=_("Tanggal persetujuan"))
    consent.legal_basis = _choice(data.get("legal_basis"), LegalBasis, "legal_basis", problems)
    consent.scope = _text(data, "scope", problems, required=True, label=_("Cakupan persetujuan"))
    on = consent.given_on or timezone.localdate()
    if consent.given_by == ConsentGiver.SELF and is_child_on(person, on):
        problems.add(
            "given_by", _("Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri.")
        )
    if consent.given_on and person.birth_date and consent.given_on < person.birth_date:
        problems.add("given_on", _("Tanggal persetujuan tidak mungkin sebelum tanggal lahir."))
    return consent


@transaction.atomic
def person_admit(
    *,
    actor,
    organisation: Organisation,
    person_data: dict,
    placement_data: dict,
    consent_data: dict | None,
    request: HttpRequest | None = None,
) -> Outcome:
    """Registers a client at an LKS: the person, the first placement and (optionally) the consent.

    Refuses (ValidationError listing every problem): malformed NIK/KK or neither number nor reason, impossible
    dates, a category the LKS does not serve, a child in an elderly home, the same NIK already active at this LKS.
    Warns: age outside the category's rule, NIK details differing from the record, no consent recorded, and a
    possible duplicate elsewhere (recorded as a DuplicateCandidate for the board; the message reveals nothing).
    """
    if not _may_at(actor, Action.PERSON_CREATE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan penerima layanan di LKS ini."))
    # Serialises admissions per LKS so two operators cannot both register the same NIK at once.
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    problems, warnings = _Problems(), []
    if organisation.kind not in LKS_KINDS:
        problems.add("__all__", _("Penerima layanan hanya dapat didaftarkan di LKS."))
    elif organisation.status == OrganisationStatus.INACTIVE:
        problems.add("__all__", _("LKS ini sudah nonaktif; tidak dapat menerima penerima layanan baru."))
    person = Person(
        organisation=organisation,
        province_code=organisation.province_code,
        regency_code=organisation.regency_code,
    )
    categories = _apply_person_data(person, person_data, problems, warnings, creating=True) or []
    _apply_identity(person, person_data, problems, warnings, creating=True)
    placement = Placement(
        person=person,
        organisation=organisation,
        province_code=organisation.province_code,
        regency_code=organisation.regency_code,
    )
    services = _apply_placement_data(placement, placement_data, problems)
    if placement.ppks_category and placement.ppks_category not in categories:
        categories.insert(0, placement.ppks_category)
    if not categories and not problems.errors.get("ppks_category"):
        problems.add("ppks_categories", _("Pilih paling sedikit satu kategori PPKS."))
    admitted_on = placement.admitted_on
    child = bool(admitted_on) and is_child_on(person, admitted_on)
    if admitted_on and person.birth_date and admitted_on < person.birth_date:
        problems.add("admitted_on", _("Tanggal masuk tidak mungkin sebelum tanggal lahir."))
    elif admitted_on:
        warnings.extend(age_warnings(birth_date=person.birth_date, on=admitted_on, categories=categories))
    if organisation.kind in LKS_KINDS:
        check_lks_serves(
            problems,
            organisation=organisation,
            category=placement.ppks_category,
            child=child,
            field_name="ppks_category",
        )
    consent = _check_consent(consent_data, problems, person=person) if consent_data else None
    if consent is None:
        warnings.append(_("Dasar pemrosesan data (persetujuan) belum dicatat; catat segera."))
    if _nik_active_at(person.nik_hash, organisation, exclude_pk=None):
        problems.add("nik", _("NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."))
    problems.raise_if_any()

    person.match_key = person_match_key(
        full_name=person.full_name, birth_date=person.birth_date, mother_name=person.mother_name
    )
    person.save()
    person.ppks_categories.set(categories)
    if child:
        placement.stage = CaseStage.REFERRAL
        placement.next_review_on = add_months(admitted_on, REVIEW_INTERVAL_MONTHS)
    placement.save()
    placement.services.set(services)
    if consent is not None:
        consent.person = person
        consent.recorded_by = actor
        consent.save()
    duplicates = _flag_duplicates(actor=actor, person=person, request=request)
    if duplicates:
        warnings.append(_duplicate_warning(duplicates))
    purpose = purpose_for(request)
    _audit(
        actor=actor,
        action="people.person.created",
        obj=person,
        data={
            "placement": placement.pk,
            "organisation": organisation.pk,
            "ppks_category": placement.ppks_category.code,
            "setting": placement.setting,
            "admitted_on": admitted_on,
            "child": child,
            "consent": consent.pk if consent else None,
            "duplicate_candidates": duplicates,
        },
        purpose=purpose,
        request=request,
    )
    person_access_record(actor=actor, person=person, what="created", purpose=purpose, request=request)
    summary_placement_added(placement)
    return Outcome(obj=person, warnings=warnings, duplicate_candidates=duplicates)


@transaction.atomic
def person_update(
    *, actor, person: Person, data: dict, expected_version: int, request: HttpRequest | None = None
) -> Outcome:
    """Corrects a person's record (same keys as person_admit's person_data).

    `nik`/`kk`: absent or None keeps the stored number, "" removes it (then a reason is needed), digits replace it.
    Re-checks NIK, age rules against the active placement and the elderly-home rule; a changed NIK or match key
    may flag new duplicate candidates.
    """
    _require(actor, Action.PERSON_CHANGE, person, _("Anda tidak berwenang mengubah data orang ini."))
    current = Person.objects.select_for_update().get(pk=person.pk)
    _refuse_if_restricted(current)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    before = _person_snapshot(current)
    placements = list(current.placements.select_related("organisation", "ppks_category"))
    snapshots = {p.pk: summary_snapshot(p) for p in placements}
    problems, warnings = _Problems(), []
    categories = _apply_person_data(current, data, problems, warnings, creating=False)
    # The NIK is checked against the record as it will be after this change (birth date and sex included).
    _apply_identity(current, data, problems, warnings, creating=False)
    if data.get("nik") is None and current.nik_encrypted and ({"birth_date", "sex"} & set(data)):
        # The stored NIK may now disagree with a corrected birth date or sex: say so, as on admission.
        warnings.extend(
            nik_check(decrypt(current.nik_encrypted), birth_date=current.birth_date, sex=current.sex).warnings
        )
    active = [p for p in placements if p.status == PlacementStatus.ACTIVE]
    if categories:
        # The category a person is served under stays among their categories.
        for placement in active:
            if placement.ppks_category not in categories:
                categories.append(placement.ppks_category)
    for placement in placements:
        if current.birth_date and placement.admitted_on < current.birth_date:
            problems.add("birth_date", _("Tanggal lahir tidak mungkin sesudah tanggal masuk LKS."))
            break
    if categories is not None and not categories:
        problems.add("ppks_categories", _("Pilih paling sedikit satu kategori PPKS."))
    for placement in active:
        child = is_child_on(current, placement.admitted_on)
        check_lks_serves(
            problems, organisation=placement.organisation, category=None, child=child, field_name="ppks_category"
        )
        if current.birth_date and placement.admitted_on >= current.birth_date:
            warnings.extend(
                age_warnings(
                    birth_date=current.birth_date,
                    on=placement.admitted_on,
                    categories=categories if categories is not None else list(current.ppks_categories.all()),
                )
            )
        if current.nik_hash != before["nik"] and _nik_active_at(
            current.nik_hash, placement.organisation, exclude_pk=current.pk
        ):
            problems.add("nik", _("NIK ini sudah terdaftar sebagai penerima layanan aktif di LKS ini."))
    problems.raise_if_any()

    current.match_key = person_match_key(
        full_name=current.full_name, birth_date=current.birth_date, mother_name=current.mother_name
    )
    shown, changed = _identity_changes(before, current, categories)
    if not changed:
        return Outcome(obj=current, warnings=warnings)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    if categories is not None:
        current.ppks_categories.set(categories)
    duplicates = _flag_duplicates(actor=actor, person=current, request=request)
    if duplicates:
        warnings.append(_duplicate_warning(duplicates))
    purpose = purpose_for(request)
    _audit(
        actor=actor,
        action="people.person.updated",
        obj=current,
        changes=shown,
        data={"fields": changed},
        purpose=purpose,
        request=request,
    )
    person_access_record(actor=actor, person=current, what="changed", purpose=purpose, request=request)
    if "birth_date" in changed:
        # Summaries may count children separately, so an age correction can move a placement between cells.
        for placement in placements:
            placement.person = current
            summary_placement_changed(snapshots[placement.pk], placement)
    return Outcome(obj=current, warnings=warnings, duplicate_candidates=duplicates)


# --- placements ----------------------------------------------------------------------------------------------


def _locked_placement(actor, placement: Placement) -> Placement:
    _require(actor, Action.PERSON_CHANGE, placement, _("Anda tidak berwenang mengubah penempatan ini."))
    current = Placement.objects.select_for_update().select_related("person", "organisation").get(pk=placement.pk)
    _refuse_if_restricted(current.person)
    return current


def _record_change(*, actor, person: Person, action: str, obj: Model, changes=None, data=None, request=None) -> None:
    purpose = purpose_for(request)
    _audit(actor=actor, action=action, obj=obj, changes=changes, data=data, purpose=purpose, request=request)
    person_access_record(actor=actor, person=person, what="changed", purpose=purpose, request=request)


@transaction.atomic
def placement_advance_stage(
    *, actor, placement: Placement, stage: str, request: HttpRequest | None = None
) -> Placement:
    """Moves a child's case to the next SNPA stage, only along ALLOWED_STAGE_TRANSITIONS."""
    current = _locked_placement(actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai; tahapnya tidak dapat diubah."))
    if not current.stage:
        raise TransitionError(_("Tahap kasus SNPA hanya berlaku untuk anak."))
    if stage not in CaseStage.values or stage not in ALLOWED_STAGE_TRANSITIONS.get(current.stage, set()):
        label = CaseStage(stage).label if stage in CaseStage.values else stage
        raise TransitionError(
            _("Tahap tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.")
            % {"from": current.get_stage_display(), "to": label}
        )
    before = current.stage
    current.stage = stage
    current.save(update_fields=["stage", "updated_at"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.stage_changed",
        obj=current,
        changes={"stage": [before, stage]},
        request=request,
    )
    return current


@transaction.atomic
def care_plan_review_record(
    *, actor, placement: Placement, reviewed_on: datetime.date, summary: str, request: HttpRequest | None = None
) -> CarePlanReview:
    """Records a care-plan review; the next one falls due six months later (SNPA)."""
    current = _locked_placement(actor, placement)
    problems = _Problems()
    if current.status != PlacementStatus.ACTIVE:
        problems.add("__all__", _("Penempatan ini sudah selesai; tinjauan tidak dapat dicatat."))
    day = _date(reviewed_on, "reviewed_on", problems, required=True, label=_("Tanggal tinjauan"))
    if day and day < current.admitted_on:
        problems.add("reviewed_on", _("Tanggal tinjauan tidak mungkin sebelum tanggal masuk."))
    text = (summary or "").strip()
    if not text:
        problems.add("summary", _("Ringkasan tinjauan wajib diisi."))
    problems.raise_if_any()
    next_on = add_months(day, REVIEW_INTERVAL_MONTHS)
    review = CarePlanReview.objects.create(
        placement=current, reviewed_on=day, summary=text, next_review_on=next_on, reviewed_by=actor
    )
    before = current.next_review_on
    current.next_review_on = next_on
    current.save(update_fields=["next_review_on", "updated_at"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.reviewed",
        obj=current,
        changes={"next_review_on": [before, next_on]},
        data={"review": review.pk, "reviewed_on": day},
        request=request,
    )
    return review


@transaction.atomic
def placement_discharge(
    *,
    actor,
    placement: Placement,
    discharged_on: datetime.date,
    reason: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Placement:
    """Ends a placement; a child's case moves to terminasi. The person stays located at this (last) LKS."""
    current = _locked_placement(actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai."))
    problems = _Problems()
    day = _date(discharged_on, "discharged_on", problems, required=True, label=_("Tanggal keluar"))
    if day and day < current.admitted_on:
        problems.add("discharged_on", _("Tanggal keluar tidak mungkin sebelum tanggal masuk."))
    reason = _choice(reason, DischargeReason, "discharge_reason", problems)
    note = _text({"note": note}, "note", problems)
    problems.raise_if_any()
    current.status = PlacementStatus.DISCHARGED
    current.discharged_on = day
    current.discharge_reason = reason
    current.discharge_note = note
    current.next_review_on = None
    if current.stage:
        current.stage = CaseStage.TERMINATION
    current.save()
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.discharged",
        obj=current,
        changes={"status": [PlacementStatus.ACTIVE, current.status]},
        data={"discharged_on": day, "reason": reason},
        request=request,
    )
    summary_placement_discharged(current)
    return current


@transaction.atomic
def placement_transfer(
    *, actor, placement: Placement, to_organisation: Organisation, on: datetime.date, request: HttpRequest | None = None
) -> Placement:
    """Moves a client to another LKS: the current placement ends as "transferred", a new one starts there, and
    the person is located at the new LKS from now on (so the old LKS no longer sees them)."""
    current = _locked_placement(actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai; tidak dapat dipindahkan."))
    problems = _Problems()
    day = _date(on, "on", problems, required=True, label=_("Tanggal pindah"))
    if day and day < current.admitted_on:
        problems.add("on", _("Tanggal pindah tidak mungkin sebelum tanggal masuk."))
    if to_organisation.pk == current.organisation_id:
        problems.add("to_organisation", _("Pilih LKS lain sebagai tujuan."))
    elif to_organisation.kind not in LKS_KINDS or to_organisation.status == OrganisationStatus.INACTIVE:
        problems.add("to_organisation", _("Tujuan harus LKS yang masih aktif."))
    else:
        child = bool(day) and is_child_on(current.person, day)
        check_lks_serves(
            problems,
            organisation=to_organisation,
            category=current.ppks_category,
            child=child,
            field_name="to_organisation",
        )
        if _nik_active_at(current.person.nik_hash, to_organisation, exclude_pk=current.person_id):
            problems.add("to_organisation", _("NIK orang ini sudah terdaftar aktif di LKS tujuan."))
    problems.raise_if_any()
    person = current.person
    current.status = PlacementStatus.DISCHARGED
    current.discharged_on = day
    current.discharge_reason = DischargeReason.TRANSFERRED
    current.discharge_note = to_organisation.name[:300]
    current.next_review_on = None
    if current.stage:
        current.stage = CaseStage.TERMINATION
    current.save()
    child = is_child_on(person, day)
    moved = Placement.objects.create(
        person=person,
        organisation=to_organisation,
        province_code=to_organisation.province_code,
        regency_code=to_organisation.regency_code,
        ppks_category=current.ppks_category,
        setting=current.setting,
        admitted_on=day,
        stage=CaseStage.REFERRAL if child else "",
        next_review_on=add_months(day, REVIEW_INTERVAL_MONTHS) if child else None,
    )
    moved.services.set(current.services.all())
    person.organisation = to_organisation
    person.province_code = to_organisation.province_code
    person.regency_code = to_organisation.regency_code
    person.version = F("version") + 1
    person.save(update_fields=["organisation", "province_code", "regency_code", "version", "updated_at"])
    person.refresh_from_db()
    _record_change(
        actor=actor,
        person=person,
        action="people.placement.transferred",
        obj=current,
        data={"from": current.organisation_id, "to": to_organisation.pk, "new_placement": moved.pk, "on": day},
        request=request,
    )
    summary_placement_discharged(current)
    summary_placement_added(moved)
    return moved


# --- consent -------------------------------------------------------------------------------------------------


@transaction.atomic
def consent_record(*, actor, person: Person, data: dict, request: HttpRequest | None = None) -> Consent:
    """Records the legal basis for processing a person's data (who gave it, when, on which basis, for what)."""
    _require(actor, Action.PERSON_CHANGE, person, _("Anda tidak berwenang mengubah data orang ini."))
    _refuse_if_restricted(person)
    problems = _Problems()
    consent = _check_consent(data, problems, person=person)
    problems.raise_if_any()
    consent.recorded_by = actor
    consent.save()
    _record_change(
        actor=actor,
        person=person,
        action="people.consent.recorded",
        obj=consent,
        data={"person": person.pk, "given_by": consent.given_by, "legal_basis": consent.legal_basis},
        request=request,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent, on: datetime.date, request: HttpRequest | None = None) -> Consent:
    """Marks a consent as withdrawn from `on`; the record stays as proof of what held before."""
    _require(actor, Action.PERSON_CHANGE, consent, _("Anda tidak berwenang mengubah data orang ini."))
    current = Consent.objects.select_for_update().select_related("person").get(pk=consent.pk)
    _refuse_if_restricted(current.person)
    if current.withdrawn_on:
        raise TransitionError(_("Persetujuan ini sudah dicabut."))
    problems = _Problems()
    day = _date(on, "withdrawn_on", problems, required=True, label=_("Tanggal pencabutan"))
    if day and day < current.given_on:
        problems.add("withdrawn_on", _("Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan."))
    problems.raise_if_any()
    current.withdrawn_on = day
    current.save(update_fields=["withdrawn_on"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.consent.withdrawn",
        obj=current,
        changes={"withdrawn_on": [None, day]},
        request=request,
    )
    return current


# --- incidents -----------------------------------------------------------------------------------------------


def incident_recipients(*, province_code: str, regency_code: str) -> list:
    """Dinas Sosial viewers whose membership covers this kabupaten/kota (or its whole province)."""
    memberships = (
        Membership.objects.filter(
            role=Role.DINSOS_VIEWER, is_active=True, user__is_active=True, region_id__in=[regency_code, province_code]
        )
        .select_related("user")
        .order_by("user__username")
    )
    users: dict[int, Any] = {}
    for membership in memberships:
        users.setdefault(membership.user_id, membership.user)
    return list(users.values())


@transaction.atomic
def incident_report(*, actor, person: Person, data: dict, request: HttpRequest | None = None) -> Incident:
    """Records a suspicion of abuse or violence at the person's LKS and notifies Dinas Sosial of that
    kabupaten/kota at once (e-mail after commit; in-app notifications come with a later issue).

    Allowed for restricted persons too: reporting harm to a child is a vital interest (UU PDP Pasal 20(2)(d)).
    The e-mail names the LKS and the kind of incident, never the person: the details are behind the login.
    """
    _require(actor, Action.PERSON_CHANGE, person, _("Anda tidak berwenang melaporkan insiden untuk orang ini."))
    if person.erased_at is not None:
        raise PermissionDenied(_("Data orang ini sudah dihapus."))
    problems = _Problems()
    kind = _choice(data.get("kind"), IncidentKind, "kind", problems)
    occurred_on = _date(data.get("occurred_on"), "occurred_on", problems)
    if occurred_on and person.birth_date and occurred_on < person.birth_date:
        problems.add("occurred_on", _("Tanggal kejadian tidak mungkin sebelum tanggal lahir."))
    description = (data.get("description") or "").strip()
    if not description:
        problems.add("description", _("Uraian kejadian wajib diisi."))
    problems.raise_if_any()
    organisation = person.organisation
    incident = Incident.objects.create(
        person=person,
        organisation=organisation,
        province_code=person.province_code,
        regency_code=person.regency_code,
        kind=kind,
        occurred_on=occurred_on,
        description=description,
        follow_up=(data.get("follow_up") or "").strip(),
        reported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    recipients = incident_recipients(province_code=person.province_code, regency_code=person.regency_code)
    addresses = [user.email for user in recipients if user.email]
    purpose = purpose_for(request)
    _audit(
        actor=actor,
        action="people.incident.reported",
        obj=incident,
        data={
            "person": person.pk,
            "organisation": organisation.pk,
            "kind": kind,
            "recipients": [user.get_username() for user in recipients],
            "emailed": len(addresses),
        },
        purpose=purpose,
        request=request,
    )
    person_access_record(actor=actor, person=person, what="incident_reported", purpose=purpose, request=request)
    if addresses:
        subject = _("[Sinergi] Laporan dugaan kekerasan di %(lks)s") % {"lks": organisation.name}
        body = _(
            "Sebuah dugaan %(kind)s terhadap penerima layanan %(lks)s baru saja dilaporkan di Sinergi "
            "(laporan #%(id)s). Rincian hanya dapat dibuka setelah masuk ke Sinergi."
        ) % {"kind": IncidentKind(kind).label.lower(), "lks": organisation.name, "id": incident.pk}

        # After commit: a rolled-back report must not have alerted anyone; one mail per recipient keeps
        # the addresses of other officials private.
        def notify() -> None:
            for address in addresses:
                try:
                    send_mail(subject, body, None, [address])
                except Exception:  # a mail outage must not turn a saved report into an error page
                    logger.exception("Incident %s: notification to %s failed", incident.pk, address)

        transaction.on_commit(notify)
    return incident


# --- duplicates ----------------------------------------------------------------------------------------------


@transaction.atomic
def duplicate_resolve(
    *, actor, candidate: DuplicateCandidate, same_person: bool, request: HttpRequest | None = None
) -> DuplicateCandidate:
    """A board decides: the same human (linked) or two different people (dismissed)."""
    visible = restrict(DuplicateCandidate.objects.filter(pk=candidate.pk), actor=actor, action=Action.DUPLICATE_RESOLVE)
    if not visible.exists():
        raise PermissionDenied(_("Anda tidak berwenang memutuskan kandidat data ganda ini."))
    current = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    if current.status != DuplicateStatus.OPEN:
        raise TransitionError(_("Kandidat data ganda ini sudah diputuskan."))
    current.status = DuplicateStatus.LINKED if same_person else DuplicateStatus.DISMISSED
    current.resolved_at = timezone.now()
    current.resolved_by = actor
    current.save(update_fields=["status", "resolved_at", "resolved_by"])
    _audit(
        actor=actor,
        action="people.duplicate.resolved",
        obj=current,
        changes={"status": [DuplicateStatus.OPEN, current.status]},
        data={"person": current.person_id, "other": current.other_id},
        purpose=AccessPurpose.DUPLICATE,
        request=request,
    )
    return current


# --- workers -------------------------------------------------------------------------------------------------


def _apply_worker_data(worker: Worker, data: dict, problems: _Problems, warnings: list[str], *, creating: bool) -> None:
    for name in WORKER_FIELDS:
        if name not in data and not creating:
            continue
        value = data.get(name)
        if name == "full_name":
            value = _text(data, name, problems, required=True, label=_("Nama lengkap"))
        elif name == "sex":
            value = _choice(value, Sex, name, problems)
        elif name in ("birth_date", "started_on", "background_check_on"):
            value = _date(value, name, problems)
        elif name == "psks_category":
            value = _term(value, Vocabulary.PSKS, name, problems)
        elif name == "role":
            value = _choice(value, WorkerRole, name, problems)
        elif name == "works_with_children":
            value = bool(value)
        elif name == "background_check_result":
            value = _choice(value, BackgroundCheckResult, name, problems, required=False)
        else:
            value = _text(data, name, problems)
        setattr(worker, name, value)
    if "nik" in data or creating:
        raw = (data.get("nik") or "").strip()
        if raw:
            check = nik_check(raw, birth_date=worker.birth_date, sex=worker.sex or None)
            for message in check.errors:
                problems.add("nik", message)
            warnings.extend(check.warnings)
            if check.valid:
                worker.nik_encrypted = encrypt(check.normalized)
                worker.nik_hash = keyed_hash(check.normalized)
                worker.nik_masked = mask_identity_number(check.normalized)
        elif data.get("nik") is not None or creating:
            worker.nik_encrypted = worker.nik_hash = worker.nik_masked = ""
    if worker.birth_date and worker.started_on and worker.started_on < worker.birth_date:
        problems.add("started_on", _("Tanggal mulai bertugas tidak mungkin sebelum tanggal lahir."))
    if worker.background_check_result and not worker.background_check_on:
        problems.add("background_check_on", _("Isi tanggal pemeriksaan latar belakang."))
    if worker.background_check_on and not worker.background_check_result:
        problems.add("background_check_result", _("Pilih hasil pemeriksaan latar belakang."))
    if worker.works_with_children and worker.ended_on is None:
        # SNPA: nobody with a record of violence against children may work with them.
        if worker.background_check_result == BackgroundCheckResult.NOT_CLEAR:
            problems.add(
                "background_check_result",
                _("Hasil pemeriksaan menunjukkan ada catatan; orang ini tidak boleh bekerja dengan anak."),
            )
        elif not worker.background_check_result:
            warnings.append(_("Pemeriksaan latar belakang untuk bekerja dengan anak belum dicatat."))
        elif worker.background_check_result == BackgroundCheckResult.PENDING:
            warnings.append(_("Pemeriksaan latar belakang masih diproses; pastikan hasilnya dicatat."))


def _worker_snapshot(worker: Worker) -> dict[str, Any]:
    values = {name: getattr(worker, name) for name in WORKER_FIELDS if name != "psks_category"}
    values["psks_category"] = worker.psks_category.code if worker.psks_category_id else None
    values["nik"] = worker.nik_masked
    values["ended_on"] = worker.ended_on
    return values


@transaction.atomic
def worker_create(*, actor, organisation: Organisation, data: dict, request: HttpRequest | None = None) -> Outcome:
    """Registers a worker (PSKS/TKSM) of an LKS, with the background check for work with children."""
    if not _may_at(actor, Action.PERSON_CREATE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan pekerja di organisasi ini."))
    problems, warnings = _Problems(), []
    worker = Worker(
        organisation=organisation, province_code=organisation.province_code, regency_code=organisation.regency_code
    )
    _apply_worker_data(worker, data, problems, warnings, creating=True)
    problems.raise_if_any()
    worker.save()
    _audit(
        actor=actor,
        action="people.worker.created",
        obj=worker,
        changes={k: [None, v] for k, v in _worker_snapshot(worker).items() if v not in (None, "", False)},
        request=request,
    )
    summary_worker_changed(None, worker)
    return Outcome(obj=worker, warnings=warnings)


@transaction.atomic
def worker_update(
    *, actor, worker: Worker, data: dict, expected_version: int, request: HttpRequest | None = None
) -> Outcome:
    """Changes a worker's record; `nik` follows the same absent/""/digits rule as person_update."""
    _require(actor, Action.PERSON_CHANGE, worker, _("Anda tidak berwenang mengubah data pekerja ini."))
    current = Worker.objects.select_for_update().select_related("psks_category").get(pk=worker.pk)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    before = _worker_snapshot(current)
    summary_before = summary_snapshot_worker(current)
    problems, warnings = _Problems(), []
    _apply_worker_data(current, data, problems, warnings, creating=False)
    problems.raise_if_any()
    after = _worker_snapshot(current)
    changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if not changes:
        return Outcome(obj=current, warnings=warnings)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    _audit(actor=actor, action="people.worker.updated", obj=current, changes=changes, request=request)
    summary_worker_changed(summary_before, current)
    return Outcome(obj=current, warnings=warnings)


@transaction.atomic
def worker_end(*, actor, worker: Worker, ended_on: datetime.date, request: HttpRequest | None = None) -> Worker:
    """Records that a worker stopped serving; the record stays for history and counts."""
    _require(actor, Action.PERSON_CHANGE, worker, _("Anda tidak berwenang mengubah data pekerja ini."))
    current = Worker.objects.select_for_update().select_related("psks_category").get(pk=worker.pk)
    if current.ended_on:
        raise TransitionError(_("Pekerja ini sudah tercatat berhenti bertugas."))
    problems = _Problems()
    day = _date(ended_on, "ended_on", problems, required=True, label=_("Tanggal berhenti"))
    if day and current.started_on and day < current.started_on:
        problems.add("ended_on", _("Tanggal berhenti tidak mungkin sebelum tanggal mulai bertugas."))
    problems.raise_if_any()
    summary_before = summary_snapshot_worker(current)
    current.ended_on = day
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    _audit(actor=actor, action="people.worker.ended", obj=current, changes={"ended_on": [None, day]}, request=request)
    summary_worker_changed(summary_before, current)
    return current


# --- data-subject rights (UU PDP) ----------------------------------------------------------------------------


def _require_subject_rights(actor, person: Person) -> None:
    _require(
        actor, Action.SUBJECT_REQUEST, person, _("Hanya admin provinsi yang dapat menangani permintaan subjek data.")
    )


def _date_or_none(value) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def person_subject_access_export(*, actor, person: Person, request: HttpRequest | None = None) -> dict:
    """Everything held about one person, for an access request (UU PDP Pasal 7). The NIK and KK appear masked,
    as in every export; the subject already knows their own numbers and can ask the LKS to show them."""
    _require_subject_rights(actor, person)
    person = Person.objects.select_related("organisation", "origin_region").get(pk=person.pk)
    placements = []
    for placement in person.placements.select_related("organisation", "ppks_category").prefetch_related(
        "services", "reviews"
    ):
        placements.append(
            {
                "lks": placement.organisation.name,
                "ppks_category": placement.ppks_category.label,
                "setting": placement.get_setting_display(),
                "services": [term.label for term in placement.services.all()],
                "admitted_on": _date_or_none(placement.admitted_on),
                "stage": placement.get_stage_display() if placement.stage else "",
                "next_review_on": _date_or_none(placement.next_review_on),
                "status": placement.get_status_display(),
                "discharged_on": _date_or_none(placement.discharged_on),
                "discharge_reason": placement.get_discharge_reason_display() if placement.discharge_reason else "",
                "discharge_note": placement.discharge_note,
                "reviews": [
                    {
                        "reviewed_on": _date_or_none(review.reviewed_on),
                        "summary": review.summary,
                        "next_review_on": _date_or_none(review.next_review_on),
                    }
                    for review in placement.reviews.all()
                ],
            }
        )
    export = {
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "sex": person.get_sex_display(),
            "birth_date": _date_or_none(person.birth_date),
            "birth_date_estimated": person.birth_date_estimated,
            "birth_place": person.birth_place,
            "nik": person.nik_masked,
            "nik_missing_reason": person.get_nik_missing_reason_display() if person.nik_missing_reason else "",
            "kk": person.kk_masked,
            "kk_missing_reason": person.get_kk_missing_reason_display() if person.kk_missing_reason else "",
            "origin_region": str(person.origin_region) if person.origin_region else "",
            "ppks_categories": [term.label for term in person.ppks_categories.all()],
            "disability_type": person.get_disability_type_display() if person.disability_type else "",
            "mother_name": person.mother_name,
            "father_name": person.father_name,
            "guardian_name": person.guardian_name,
            "guardian_relation": person.guardian_relation,
            "guardian_phone": person.guardian_phone,
            "notes": person.notes,
            "lks": person.organisation.name,
            "is_restricted": person.is_restricted,
            "created_at": person.created_at.isoformat(),
            "updated_at": person.updated_at.isoformat(),
        },
        "placements": placements,
        "consents": [
            {
                "given_by": consent.get_given_by_display(),
                "giver_name": consent.giver_name,
                "given_on": _date_or_none(consent.given_on),
                "legal_basis": consent.get_legal_basis_display(),
                "scope": consent.scope,
                "withdrawn_on": _date_or_none(consent.withdrawn_on),
            }
            for consent in person.consents.all()
        ],
        "incidents": [
            {
                "kind": incident.get_kind_display(),
                "occurred_on": _date_or_none(incident.occurred_on),
                "description": incident.description,
                "reported_at": incident.reported_at.isoformat(),
                "follow_up": incident.follow_up,
            }
            for incident in person.incidents.all()
        ],
        "accesses": [
            {
                "occurred_at": access.occurred_at.isoformat(),
                "actor": access.actor_name,
                "what": access.what,
                "purpose": access.get_purpose_display(),
                "ip_address": access.ip_address or "",
            }
            for access in person.accesses.all()
        ],
        # Whether other records may be the same human, without saying whose (that would be someone else's data).
        "duplicate_checks": DuplicateCandidate.objects.filter(Q(person=person) | Q(other=person)).count(),
    }
    _audit(
        actor=actor,
        action="people.person.subject_access_exported",
        obj=person,
        request=request,
        purpose=AccessPurpose.SUBJECT_REQUEST,
    )
    person_access_record(
        actor=actor, person=person, what="exported", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    return export


@transaction.atomic
def person_restrict(
    *, actor, person: Person, restricted: bool, reason: str, request: HttpRequest | None = None
) -> Person:
    """Restricts (or lifts the restriction of) processing: a restricted person disappears from every list but
    the province administrators' and cannot be changed until lifted (UU PDP Pasal 11)."""
    _require_subject_rights(actor, person)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.erased_at is not None:
        raise TransitionError(_("Data orang ini sudah dihapus."))
    if current.is_restricted == restricted:
        raise TransitionError(
            _("Pemrosesan data orang ini sudah dibatasi.")
            if restricted
            else _("Pemrosesan data orang ini tidak dibatasi.")
        )
    current.is_restricted = restricted
    current.version = F("version") + 1
    current.save(update_fields=["is_restricted", "version", "updated_at"])
    current.refresh_from_db()
    _audit(
        actor=actor,
        action="people.person.restricted" if restricted else "people.person.unrestricted",
        obj=current,
        changes={"is_restricted": [not restricted, restricted]},
        data={"reason": reason.strip()[:300]},
        purpose=AccessPurpose.SUBJECT_REQUEST,
        request=request,
    )
    person_access_record(
        actor=actor, person=current, what="changed", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    return current


def erasure_refusal(person: Person, *, subject_asked: bool, today: datetime.date | None = None) -> str | None:
    """Why a person may not be erased yet, or None. The rule (kept simple, see docs):
    - never while a placement is active (the LKS still serves them);
    - never when an incident is recorded (evidence of abuse must be kept);
    - otherwise after PERSON_RETENTION_YEARS since the last discharge, or earlier when the person (or their
      guardian) asked for it — UU PDP Pasal 8 — since no other legal duty to keep the file applies then."""
    today = today or timezone.localdate()
    if person.placements.filter(status=PlacementStatus.ACTIVE).exists():
        return _("Orang ini masih dilayani; selesaikan penempatannya dahulu.")
    if person.incidents.exists():
        return _("Ada laporan insiden untuk orang ini; laporan kekerasan wajib disimpan.")
    if subject_asked:
        return None
    years = settings.SINERGI.get("PERSON_RETENTION_YEARS", 10)
    last = person.placements.order_by("-discharged_on").values_list("discharged_on", flat=True).first()
    if last is not None and last > add_months(today, -12 * years):
        return _(
            "Masa simpan data belum berakhir (%(years)d tahun sejak keluar terakhir pada %(day)s). "
            "Penghapusan sebelum itu hanya atas permintaan yang bersangkutan."
        ) % {"years": years, "day": last.strftime("%d-%m-%Y")}
    return None


@transaction.atomic
def person_erase(
    *, actor, person: Person, reason: str, subject_asked: bool = False, request: HttpRequest | None = None
) -> Person:
    """Erases a person's identifying data when `erasure_refusal` allows it. Keeps sex, birth year and month
    (as the 1st of the month), PPKS categories, disability type, the kabupaten/kota of origin and the placements
    (without notes), so anonymous counts stay right. Consents and duplicate candidates go; access log stays."""
    _require_subject_rights(actor, person)
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Alasan wajib diisi.")]})
    current = Person.objects.select_for_update().get(pk=person.pk)
    if current.erased_at is not None:
        raise TransitionError(_("Data orang ini sudah dihapus."))
    refusal = erasure_refusal(current, subject_asked=subject_asked)
    if refusal:
        raise ValidationError({"__all__": [refusal]})
    placements = list(current.placements.all())
    snapshots = {p.pk: summary_snapshot(p) for p in placements}
    current.full_name = ""
    current.birth_place = ""
    if current.birth_date:
        current.birth_date = current.birth_date.replace(day=1)
    for kind in ("nik", "kk"):
        for suffix in ("encrypted", "hash", "masked", "missing_reason"):
            setattr(current, f"{kind}_{suffix}", "")
    if current.origin_region_id and current.origin_region.level > RegionLevel.REGENCY:
        current.origin_region_id = current.origin_region_id[:5]
    for name in ("mother_name", "father_name", "guardian_name", "guardian_relation", "guardian_phone", "notes"):
        setattr(current, name, "")
    current.match_key = ""
    current.erased_at = timezone.now()
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    Placement.objects.filter(person=current).update(discharge_note="")
    CarePlanReview.objects.filter(placement__person=current).update(summary="")
    current.consents.all().delete()
    DuplicateCandidate.objects.filter(Q(person=current) | Q(other=current)).delete()
    _audit(
        actor=actor,
        action="people.person.erased",
        obj=current,
        data={"reason": reason.strip()[:300], "subject_asked": subject_asked},
        purpose=AccessPurpose.SUBJECT_REQUEST,
        request=request,
    )
    person_access_record(
        actor=actor, person=current, what="erased", purpose=AccessPurpose.SUBJECT_REQUEST, request=request
    )
    for placement in placements:
        placement.person = current
        summary_placement_changed(snapshots[placement.pk], placement)
    return current
