"""Registering and changing an organisation's record: create, update (with the refusals of moving it between
kabupaten/kota) and telling the records that copy its region codes that it moved. Apart from the status steps and
the boards because this is where the record's fields, and their history, change.
"""

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.scope import Action, can, region_allows, region_allows_move
from sinergi.audit.services import audit_record
from sinergi.core.errors import ConflictError, PermissionDenied, ValidationError
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ..choices import OrganisationKind, OrganisationStatus
from ..models import Organisation
from ..numbers import NUMBER_FIELDS
from ..signals import organisation_moved
from .rules import BOARD_ONLY_FIELDS, DERIVED_FIELDS, _derive, _validate

if TYPE_CHECKING:
    from sinergi.accounts.models import User


# Said to a user who may act in the destination but not in the origin (they operate the LKS, or hold a role elsewhere).
MOVE_OUT_REFUSED = gettext_lazy(
    "Anda tidak berwenang memindahkan LKS ini keluar dari %(regency)s; hanya pengurus LKKKS atau admin provinsi "
    "wilayah itu yang dapat memindahkannya."
)


def _snapshot(organisation: Organisation) -> dict[str, Any]:
    """Field values as the history shows them: vocabulary items and regions by their codes, not database ids."""
    values: dict[str, Any] = {}
    for field in organisation._meta.concrete_fields:
        if field.name in {"id", "created_at", "updated_at", "version", "verified_by"}:
            continue
        if field.is_relation:
            related = getattr(organisation, field.name)
            values[field.name] = getattr(related, "code", None) if related is not None else None
        else:
            values[field.name] = getattr(organisation, field.attname)
    if organisation.pk:
        values["service_kinds"] = sorted(organisation.service_kinds.values_list("code", flat=True))
    return values


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that changed; empty values count as unchanged from nothing."""
    empty = (None, "", [])
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (before.get(name) in empty and value in empty)
    }


@transaction.atomic
def organisation_create(
    *, actor: "User", data: dict[str, Any], service_kinds: list[Term] | None = None, request: HttpRequest | None = None
) -> Organisation:
    """Registers a new organisation as a draft; only boards (or admins) of its region may."""
    organisation = Organisation(**{k: v for k, v in data.items() if k not in DERIVED_FIELDS | {"status"}})
    organisation.status = OrganisationStatus.DRAFT
    _validate(organisation, service_kinds, numbers_stored={})
    _derive(organisation)
    if not region_allows(
        actor, Action.CREATE, province_code=organisation.province_code, regency_code=organisation.regency_code
    ):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan organisasi di wilayah ini."))
    organisation.save()
    if service_kinds:
        organisation.service_kinds.set(service_kinds)
    audit_record(
        actor=actor,
        action="organisations.organisation.created",
        obj=organisation,
        changes=_diff({}, _snapshot(organisation)),
        request=request,
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    actor: "User",
    data: dict[str, Any],
    expected_version: int,
    service_kinds: list[Term] | None = None,
    request: HttpRequest | None = None,
) -> Organisation:
    """Changes an organisation's record, refusing if someone else saved it since `expected_version` was read."""
    if not can(actor, Action.CHANGE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mengubah organisasi ini."))
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    may_change_standing = can(actor, Action.VERIFY, current)
    refused = [name for name in data if name in BOARD_ONLY_FIELDS and not may_change_standing]
    if any(data[name] != getattr(current, name) for name in refused):
        raise PermissionDenied(_("Jenis, status, dan akreditasi hanya dapat diubah oleh pengurus LKKKS."))
    if "kind" in data and (data["kind"] == OrganisationKind.LKKKS) != (current.kind == OrganisationKind.LKKKS):
        # A board's terms, officers, members and meetings hang on it being a board: it is not turned into an LKS
        # (nor an LKS into a board) by an edit.
        raise ValidationError({"kind": [_("LKKKS tidak dapat diubah menjadi jenis organisasi lain, dan sebaliknya.")]})
    before = _snapshot(current)
    for name, value in data.items():
        if name in DERIVED_FIELDS | {"status", "version", "id"}:
            continue
        setattr(current, name, value)
    kinds = service_kinds if service_kinds is not None else list(current.service_kinds.all())
    stored = {field: before.get(field) or "" for field in NUMBER_FIELDS} | {"regency_code": current.regency_code}
    _validate(current, kinds, numbers_stored=stored)
    _derive(current)
    # Moving within the same kabupaten/kota (e.g. correcting the desa) is an ordinary edit; moving elsewhere
    # needs a region role over both ends, so a record cannot be pushed out of sight of its own board, nor pulled
    # out of it by a user who operates the LKS and holds a region role elsewhere.
    if current.regency_code != before["regency_code"] and not region_allows_move(
        actor,
        Action.CHANGE,
        origin=(before["province_code"], before["regency_code"]),
        destination=(current.province_code, current.regency_code),
    ):
        if region_allows(actor, Action.CHANGE, province_code=current.province_code, regency_code=current.regency_code):
            origin = Region.objects.filter(code=before["regency_code"]).values_list("name", flat=True).first()
            raise PermissionDenied(MOVE_OUT_REFUSED % {"regency": origin or before["regency_code"]})
        raise PermissionDenied(_("Anda tidak berwenang memindahkan organisasi ke wilayah tersebut."))
    current.version = F("version") + 1
    current.save()
    if service_kinds is not None:
        current.service_kinds.set(service_kinds)
    current.refresh_from_db()
    if (current.province_code, current.regency_code) != (before["province_code"], before["regency_code"]):
        organisation_moved_send(current)
    changes = _diff(before, _snapshot(current))
    if changes:
        audit_record(
            actor=actor, action="organisations.organisation.updated", obj=current, changes=changes, request=request
        )
    return current


def organisation_moved_send(organisation: Organisation) -> list:
    """Tells the records that copy an organisation's codes (clients, workers) that it is now elsewhere; inside the
    caller's transaction, so that they move with it or not at all. Returns the receivers' answers (how many records
    each moved)."""
    return organisation_moved.send(
        sender=Organisation,
        organisation_id=organisation.pk,
        province_code=organisation.province_code,
        regency_code=organisation.regency_code,
    )
