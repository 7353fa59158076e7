"""Which clients an LKS takes in (sex, ages), for the capacity search."""

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, can
from sinergi.audit.services import audit_record
from sinergi.core.errors import PermissionDenied
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation

from ..choices import (
    IntakeSex,
)
from ..models import Intake
from ._common import (
    MAX_AGE,
    _Problems,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@transaction.atomic
def intake_set(*, actor: "User", organisation: Organisation, data: dict, request: HttpRequest | None = None) -> Intake:
    """Records which clients an LKS takes in by sex and age (used by the capacity search)."""
    if organisation.kind not in LKS_KINDS or not can(actor, Action.CHANGE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mengubah ketentuan penerimaan LKS ini."))
    problems = _Problems()
    sex = data.get("sex") or ""
    if sex not in IntakeSex.values:
        problems.add("sex", _("Pilihan tidak dikenal."))
    ages = {}
    for name in ("min_age", "max_age"):
        value = data.get(name)
        if value in (None, ""):
            ages[name] = None
        elif not isinstance(value, int) or value < 0 or value > MAX_AGE:
            problems.add(name, _("Usia harus antara 0 dan %(max)d tahun.") % {"max": MAX_AGE})
            ages[name] = None
        else:
            ages[name] = value
    if ages.get("min_age") is not None and ages.get("max_age") is not None and ages["min_age"] > ages["max_age"]:
        problems.add("max_age", _("Usia maksimal tidak boleh lebih kecil dari usia minimal."))
    problems.raise_if_any()
    intake, _created = Intake.objects.select_for_update().get_or_create(organisation=organisation)
    before = {"sex": intake.sex, "min_age": intake.min_age, "max_age": intake.max_age}
    intake.sex, intake.min_age, intake.max_age = sex, ages["min_age"], ages["max_age"]
    intake.save()
    after = {"sex": intake.sex, "min_age": intake.min_age, "max_age": intake.max_age}
    audit_record(
        actor=actor,
        action="referrals.intake.changed",
        obj=organisation,
        changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
        request=request,
    )
    return intake
