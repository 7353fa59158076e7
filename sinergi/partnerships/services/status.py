"""An agreement's status steps: activate a signed draft, terminate it with a reason, and the system's expiry of one
past its end date. Apart because each step goes through the allowed-transitions table and none changes the
agreement's fields.
"""

import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.models import User
from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError

from ..choices import ALLOWED_STATUS_TRANSITIONS, AgreementStatus
from ..models import Agreement
from ._common import _diff, _today


def _move(
    *,
    agreement: Agreement,
    actor: "User | None",
    target: str,
    audit_action: str,
    extra: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    system: bool = False,
) -> Agreement:
    """One step along the allowed-transitions table; callers have checked who may take it."""
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if target not in ALLOWED_STATUS_TRANSITIONS.get(current.status, set()):
        raise TransitionError(
            _("Status tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.")
            % {"from": current.get_status_display(), "to": AgreementStatus(target).label}
        )
    before = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    current.status = target
    for name, value in (extra or {}).items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    after = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    audit_record(
        actor=actor,
        action=audit_action,
        obj=current,
        changes=_diff(before, after),
        data={"by": "system"} if system else {},
        request=request,
    )
    return current


@transaction.atomic
def agreement_activate(
    *, agreement: Agreement, actor: "User", request: HttpRequest | None = None, today: datetime.date | None = None
) -> Agreement:
    """A signed draft comes into force; it needs its signing date and a period that has not ended.

    `today` is the day of the step: today unless a past agreement is being recorded as it happened (the demo)."""
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang mengubah status perjanjian ini."))
    problems = []
    if agreement.signed_on is None:
        problems.append(_("Isi tanggal penandatanganan sebelum menyatakan perjanjian berlaku."))
    if agreement.ends_on < (today or _today()):
        problems.append(_("Masa berlaku perjanjian ini sudah lewat."))
    if problems and agreement.status == AgreementStatus.DRAFT:
        raise ValidationError(problems)
    return _move(
        agreement=agreement,
        actor=actor,
        target=AgreementStatus.ACTIVE,
        audit_action="partnerships.agreement.activated",
        request=request,
    )


@transaction.atomic
def agreement_terminate(
    *,
    agreement: Agreement,
    actor: "User",
    reason: str,
    on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Agreement:
    """Ends an agreement before its end date (or cancels a draft), with a reason; the record and documents stay."""
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang mengubah status perjanjian ini."))
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Alasan pengakhiran wajib diisi.")]})
    day = on or _today()
    if day > _today():
        raise ValidationError({"on": [_("Tanggal pengakhiran tidak boleh di masa depan.")]})
    return _move(
        agreement=agreement,
        actor=actor,
        target=AgreementStatus.TERMINATED,
        audit_action="partnerships.agreement.terminated",
        extra={"terminated_on": day, "termination_reason": reason.strip()[:300]},
        request=request,
    )


@transaction.atomic
def agreement_expire(*, agreement: Agreement, today: datetime.date) -> Agreement:
    """The system marks an active agreement whose end date has passed as expired (no user acts; audited as system)."""
    if agreement.ends_on >= today:
        raise TransitionError(_("Perjanjian ini masih dalam masa berlakunya."))
    return _move(
        agreement=agreement,
        actor=None,
        target=AgreementStatus.EXPIRED,
        audit_action="partnerships.agreement.expired",
        system=True,
    )
