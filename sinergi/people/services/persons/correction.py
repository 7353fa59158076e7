"""Correcting a client's record, NIK and KK included, and why a user may not."""

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.core.crypto import decrypt
from sinergi.core.errors import ConflictError, PermissionDenied

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package

from ...access import person_access_record, purpose_for
from ...choices import PlacementStatus
from ...models import Person
from ...nik import nik_check
from .._common import Outcome, _audit, _Problems, _refuse_if_restricted, _require
from ..duplicates import _duplicate_warning, _flag_duplicates, _nik_active_at
from ..rules import age_warnings, check_lks_serves, is_child_on, person_match_key
from .changes import _identity_changes, _person_snapshot, _revision_write, identifying_values
from .fields import _apply_identity, _apply_person_data

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


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
