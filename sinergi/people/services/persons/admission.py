"""Registering a client at an LKS: the person, the first placement and the consent."""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.dates import shown
from sinergi.core.errors import PermissionDenied
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package

from ...access import person_access_record, purpose_for
from ...choices import CaseStage
from ...models import Person, Placement
from .._common import Outcome, _audit, _may_at, _Problems
from ..consents import _check_consent
from ..duplicates import _duplicate_warning, _flag_duplicates, _nik_active_at, admissions_committed
from ..placements import _apply_placement_data
from ..rules import (
    REVIEW_INTERVAL_MONTHS,
    add_months,
    age_warnings,
    check_lks_serves,
    is_child_on,
    lks_closed_reason,
    person_match_key,
)
from .fields import _apply_identity, _apply_person_data

if TYPE_CHECKING:
    from sinergi.accounts.models import User


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
            % {"erased": shown(timezone.localtime(erased_on).date())}
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
