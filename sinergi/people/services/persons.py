"""Registering a client (person, first placement, consent) and correcting the record, NIK and KK included."""

import datetime
import json
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.core.crypto import decrypt, encrypt, keyed_hash, mask_identity_number
from sinergi.core.errors import ConflictError, PermissionDenied
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

from ..access import person_access_record, purpose_for
from ..choices import CaseStage, DisabilityType, MissingIdReason, PlacementStatus, Sex
from ..models import Person, PersonRevision, Placement
from ..nik import kk_check, nik_check
from ._common import Outcome, _audit, _choice, _date, _may_at, _Problems, _refuse_if_restricted, _require, _term, _text
from .consents import _check_consent
from .duplicates import _duplicate_warning, _flag_duplicates, _nik_active_at, admissions_committed
from .placements import _apply_placement_data
from .rules import (
    REVIEW_INTERVAL_MONTHS,
    add_months,
    age_warnings,
    check_lks_serves,
    implausible_birth_warning,
    is_child_on,
    lks_closed_reason,
    person_match_key,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

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
            if implausible := implausible_birth_warning(value, timezone.localdate()):
                warnings.append(implausible)
        elif name == "birth_date_estimated":
            value = bool(value)
        elif name == "disability_type":
            value = _choice(value, DisabilityType, name, problems, required=False)
        elif name == "origin_region":
            if value is not None and not isinstance(value, Region):
                problems.add(name, _("Wilayah tidak dikenal."))
                value = None
        else:
            value = _text(data, name, problems, stored=getattr(person, name) or "")
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


def identifying_values(person: Person) -> dict[str, str]:
    """A person's identifying fields as text (NIK and KK in full, dates ISO): what a revision keeps."""
    values = {}
    for name in IDENTIFYING_FIELDS:
        if name in ("nik", "kk"):
            values[name] = decrypt(getattr(person, f"{name}_encrypted"))
        elif name == "origin_region":
            values[name] = person.origin_region_id or ""
        else:
            value = getattr(person, name)
            values[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return values


def _revision_write(*, actor: "User | SystemActor", person: Person, before: dict[str, str], changed: list[str]) -> None:
    """Keeps, encrypted, the identifying values a correction replaced (PersonRevision): the audit event names the
    fields only."""
    after = identifying_values(person)
    values = {name: [before[name], after[name]] for name in changed if name in IDENTIFYING_FIELDS}
    if values:
        actor_name = actor.get_username() if getattr(actor, "is_authenticated", False) else ""
        PersonRevision.objects.create(
            person=person, actor_name=actor_name, values_encrypted=encrypt(json.dumps(values, sort_keys=True))
        )


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


def _erased_stay_alike(person: Person, placement: Placement) -> datetime.datetime | None:
    """When a person erased (UU PDP) had a stay at this LKS that agrees with this admission in all the erased record
    keeps (the admission date, sex, birth month and category), when they were erased; None otherwise."""
    if person.birth_date is None or placement.admitted_on is None or placement.ppks_category is None:
        return None
    return (
        Placement.objects.filter(
            organisation=placement.organisation,
            admitted_on=placement.admitted_on,
            ppks_category=placement.ppks_category,
            person__erased_at__isnull=False,
            person__sex=person.sex,
            person__birth_date=person.birth_date.replace(day=1),
        )
        .values_list("person__erased_at", flat=True)
        .first()
    )


@transaction.atomic
def person_admit(
    *,
    actor: "User",
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
    elif closed := lks_closed_reason(organisation.status, whom="clients"):
        problems.add("__all__", closed)
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
    if erased_on := _erased_stay_alike(person, placement):
        # The page an import's refusal of such a row points to: admitted, as the operator says who this is, but
        # told, in case it is the erased person after all (no NIK of an erased record is kept to tell them apart).
        warnings.append(
            _(
                "Data seorang penerima layanan yang masuk ke LKS ini pada tanggal yang sama, dengan jenis kelamin, "
                "bulan lahir dan kategori yang sama, telah dihapus dari Sinergi pada %(erased)s (UU PDP). Pastikan ini "
                "orang lain; bila orang yang sama, beri tahu admin provinsi agar datanya dihapus lagi."
            )
            % {"erased": timezone.localtime(erased_on).strftime("%d-%m-%Y")}
        )

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
        warnings.append(_duplicate_warning())
    if person.nik_hash:
        # An import admitting this NIK elsewhere at this moment is invisible until it commits: looked for again.
        transaction.on_commit(
            lambda: admissions_committed(actor=actor, person_ids=[person.pk], clock_before=None), robust=True
        )
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
    package.summary_placement_added(placement)
    return Outcome(obj=person, warnings=warnings, duplicate_candidates=duplicates)


def person_change_refusal(*, actor: "User", person: Person) -> str | None:
    """Why `actor` may not correct this person's record (the page says it instead of showing the form), or None.
    The same refusals `person_update` raises before reading any input: scope, and an erased, merged or restricted
    record."""
    if not can(actor, Action.PERSON_CHANGE, person):
        return _("Anda tidak berwenang mengubah data orang ini.")
    try:
        _refuse_if_restricted(person)
    except PermissionDenied as error:
        return str(error)
    return None


@transaction.atomic
def person_update(
    *,
    actor: "User | SystemActor",
    person: Person,
    data: dict,
    expected_version: int,
    request: HttpRequest | None = None,
    via: dict | None = None,
) -> Outcome:
    """Corrects a person's record (same keys as person_admit's person_data). `via`: facts for the audit event on
    where the change came from (an import's job), so that it is not taken for an edit on the page.

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
    before_values = identifying_values(current)
    placements = list(current.placements.select_related("organisation", "ppks_category"))
    snapshots = {p.pk: package.summary_snapshot(p) for p in placements}
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
        warnings.append(_duplicate_warning())
    purpose = purpose_for(request)
    _audit(
        actor=actor,
        action="people.person.updated",
        obj=current,
        changes=shown,
        data={"fields": changed, **(via or {})},
        purpose=purpose,
        request=request,
    )
    _revision_write(actor=actor, person=current, before=before_values, changed=changed)
    person_access_record(actor=actor, person=current, what="changed", purpose=purpose, request=request)
    if "birth_date" in changed:
        # Summaries may count children separately, so an age correction can move a placement between cells.
        for placement in placements:
            placement.person = current
            package.summary_placement_changed(snapshots[placement.pk], placement)
    return Outcome(obj=current, warnings=warnings, duplicate_candidates=duplicates)
