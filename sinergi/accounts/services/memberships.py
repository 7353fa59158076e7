"""Roles (memberships): the rules binding each role to a region or an LKS and the actor's right to grant it
(`membership_validate`), and giving and taking away a role, each audited.

Apart from the users (users.py), which call the validation when they create an account with its first role.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.regions.models import Region

from ..models import ORGANISATION_ROLES, REGION_ROLES, Membership, Role, User
from ..scope import Action, active_memberships, managed_provinces, restrict
from ._common import ROLE_REGION_LEVELS, TWO_FACTOR_ROLES, _require_manageable
from .signins import _api_token_drop


def membership_validate(
    *, actor: "User | None", role: str, region: Region | None, organisation: Organisation | None
) -> None:
    """Raises unless this role may be bound to this region/organisation and `actor` may grant it there.

    `actor=None` is the system (a management command): the binding rules apply, the scope check does not.
    """
    if role not in Role.values:
        raise ValidationError({"role": _("Peran tidak dikenal.")})
    if role in REGION_ROLES:
        if region is None or organisation is not None:
            raise ValidationError({"region": _("Peran ini harus dikaitkan dengan wilayah, bukan organisasi.")})
        if region.level not in ROLE_REGION_LEVELS[role]:
            messages = {
                Role.PROVINCE_ADMIN: _("Admin provinsi harus dikaitkan dengan provinsi."),
                Role.REGENCY_BOARD: _("Pengurus LKKKS kabupaten/kota harus dikaitkan dengan kabupaten/kota."),
                Role.DINSOS_VIEWER: _("Dinas Sosial harus dikaitkan dengan provinsi atau kabupaten/kota."),
            }
            raise ValidationError({"region": messages[role]})
    elif role in ORGANISATION_ROLES:
        if organisation is None or region is not None:
            raise ValidationError({"organisation": _("Operator LKS harus dikaitkan dengan satu LKS.")})
        if organisation.kind not in LKS_KINDS:
            raise ValidationError({"organisation": _("Operator LKS hanya dapat dikaitkan dengan LKS atau LKS asing.")})
    if actor is None:
        return
    provinces = managed_provinces(actor)
    if provinces is None:
        return
    if not provinces:
        raise PermissionDenied(_("Anda tidak berwenang memberikan peran."))
    if region is not None:
        if region.province_code not in provinces:
            raise PermissionDenied(_("Wilayah %(region)s di luar kewenangan Anda.") % {"region": region})
        if role == Role.PROVINCE_ADMIN:
            # A province admin may appoint a peer for a region they administer, never above it.
            own = [m.region for m in active_memberships(actor) if m.role == Role.PROVINCE_ADMIN and m.region]
            if not any(region.code == r.code or region.code.startswith(f"{r.code}.") for r in own):
                raise PermissionDenied(_("Anda tidak dapat memberikan peran admin di atas tingkat Anda."))
    if organisation is not None:
        visible = restrict(Organisation.objects.filter(pk=organisation.pk), actor=actor, action=Action.VIEW)
        if not visible.filter(province_code__in=provinces).exists():
            raise PermissionDenied(
                _("Organisasi %(organisation)s di luar kewenangan Anda.") % {"organisation": organisation}
            )


def membership_add(
    *,
    actor: "User",
    user: User,
    role: str,
    region: Region | None = None,
    organisation: Organisation | None = None,
    request: HttpRequest | None = None,
) -> Membership:
    """Grants `user` one more role, within `actor`'s scope and the binding rules."""
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengubah peran Anda sendiri."))
    membership_validate(actor=actor, role=role, region=region, organisation=organisation)
    if Membership.objects.filter(user=user, role=role, region=region, organisation=organisation).exists():
        raise ValidationError({"role": _("Pengguna ini sudah memiliki peran tersebut.")})
    with transaction.atomic():
        membership = Membership.objects.create(user=user, role=role, region=region, organisation=organisation)
        _membership_audit(actor=actor, membership=membership, action="accounts.membership.added", request=request)
        if role in TWO_FACTOR_ROLES:
            # A token issued without a code would carry the new role's reach with a password alone.
            _api_token_drop(user=user, actor=actor, reason="two_factor_role", request=request)
    return membership


def membership_remove(*, actor: "User", membership: Membership, request: HttpRequest | None = None) -> None:
    """Takes a role away from a user; their last role cannot go (deactivate the user instead)."""
    user = membership.user
    _require_manageable(actor=actor, user=user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Anda tidak dapat mengubah peran Anda sendiri."))
    if not Membership.objects.filter(user=user).exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("Pengguna harus tetap memiliki paling sedikit satu peran. Nonaktifkan pengguna bila tidak lagi bertugas.")
        )
    with transaction.atomic():
        _membership_audit(actor=actor, membership=membership, action="accounts.membership.removed", request=request)
        membership.delete()


def _membership_audit(
    *, actor: "User | None", membership: Membership, action: str, request: HttpRequest | None = None
) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=membership.user,
        data={
            "membership_id": membership.pk,
            "role": membership.role,
            "region": membership.region_id,
            "organisation": membership.organisation_id,
        },
        request=request,
    )
