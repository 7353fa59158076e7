"""An organisation's status steps: the board verifies a draft, activates it, deactivates it (telling whoever waits
on it). Apart because each step goes through the allowed-transitions table and none changes the record's fields.
"""

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError

from ..choices import ALLOWED_STATUS_TRANSITIONS, OrganisationStatus
from ..models import Organisation
from ..signals import organisation_deactivated
from .records import _diff

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _transition(
    *,
    organisation: Organisation,
    actor: "User",
    target: str,
    permission: str,
    audit_action: str,
    extra: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> Organisation:
    if not can(actor, permission, organisation):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini pada organisasi ini."))
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if target not in ALLOWED_STATUS_TRANSITIONS.get(current.status, set()):
        raise TransitionError(
            _("Status tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.")
            % {"from": current.get_status_display(), "to": OrganisationStatus(target).label}
        )
    before = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    current.status = target
    for name, value in (extra or {}).items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    after = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    audit_record(actor=actor, action=audit_action, obj=current, changes=_diff(before, after), request=request)
    return current


@transaction.atomic
def organisation_verify(
    *, organisation: Organisation, actor: "User", request: HttpRequest | None = None
) -> Organisation:
    """The kabupaten/kota or province board confirms a draft record (documents checked, field visit done)."""
    return _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.VERIFIED,
        permission=Action.VERIFY,
        audit_action="organisations.organisation.verified",
        extra={"verified_at": timezone.now(), "verified_by_id": actor.pk},
        request=request,
    )


@transaction.atomic
def organisation_activate(
    *, organisation: Organisation, actor: "User", request: HttpRequest | None = None
) -> Organisation:
    """A verified organisation starts counting as active (it operates); also reactivates an inactive one."""
    return _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.ACTIVE,
        permission=Action.VERIFY,
        audit_action="organisations.organisation.activated",
        extra={"inactive_reason": ""},
        request=request,
    )


@transaction.atomic
def organisation_deactivate(
    *, organisation: Organisation, actor: "User", reason: str, request: HttpRequest | None = None
) -> Organisation:
    """Marks an organisation as no longer operating; the record and its history stay. Whoever waits on it is told
    (`organisation_deactivated`: the senders of referrals to it not yet answered)."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Alasan penonaktifan wajib diisi.")]})
    current = _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.INACTIVE,
        permission=Action.DEACTIVATE,
        audit_action="organisations.organisation.deactivated",
        extra={"inactive_reason": reason.strip()[:300]},
        request=request,
    )
    organisation_deactivated.send(sender=Organisation, organisation_id=current.pk)
    return current
