"""What every write shares: the Outcome it returns, problem collection, field validation, scope and audit helpers."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import ScopeFields, can, scope_q
from sinergi.audit.models import AuditEvent
from sinergi.audit.services import audit_record
from sinergi.core.dates import too_early_problem
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.core.phones import phone_problem
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Term

from ..access import person_access_record, purpose_for
from ..models import Person

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor

PHONE_FIELDS = {"phone", "guardian_phone"}
# Text kept with its lines (a text area on the form, read so by an import too); any other is one line.
MULTI_LINE_FIELDS = {"notes", "certifications", "note"}
MAX_LENGTHS = {
    "full_name": 150,
    "birth_place": 100,
    "mother_name": 150,
    "father_name": 150,
    "guardian_name": 150,
    "guardian_relation": 60,
    "job_title": 100,
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


def _may_at(actor: "User", action: str, organisation: Organisation) -> bool:
    """Whether `actor` may perform `action` on rows located at this LKS (same rule as `restrict`)."""
    condition = scope_q(actor, action, ScopeFields(organisation="pk"))
    return condition is not None and Organisation.objects.filter(condition, pk=organisation.pk).exists()


def _require(actor: "User | SystemActor", action: str, obj: Model, message: str) -> None:
    if not can(actor, action, obj):
        raise PermissionDenied(message)


def _refuse_if_restricted(person: Person) -> None:
    if person.erased_at is not None:
        raise PermissionDenied(_("Data orang ini sudah dihapus dan tidak dapat diubah."))
    if person.merged_into_id is not None:
        raise PermissionDenied(_("Data ini sudah digabungkan ke data lain dan tidak dapat diubah."))
    if person.is_restricted:
        raise PermissionDenied(
            _("Pemrosesan data orang ini sedang dibatasi atas permintaannya; data tidak dapat diubah.")
        )


def _audit(
    *,
    actor: "User | SystemActor",
    action: str,
    obj: Model,
    changes: dict | None = None,
    data: dict | None = None,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> AuditEvent:
    # Named by type and id only ("Penerima layanan #12"): str() of these objects would put a person's name into
    # a log that outlives an erasure.
    return audit_record(
        actor=actor,
        action=action,
        obj=obj,
        object_repr=f"{obj._meta.verbose_name} #{obj.pk}",
        changes=changes,
        data=data,
        purpose=purpose,
        request=request,
    )


def _record_change(
    *, actor: "User", person: Person, action: str, obj: Model, changes=None, data=None, request=None
) -> None:
    purpose = purpose_for(request)
    _audit(actor=actor, action=action, obj=obj, changes=changes, data=data, purpose=purpose, request=request)
    person_access_record(actor=actor, person=person, what="changed", purpose=purpose, request=request)


def _text(
    data: dict, name: str, problems: _Problems, *, required: bool = False, label: str = "", stored: str = ""
) -> str:
    """A text field of `data`, checked; `stored`: its value on record (a phone kept as it was is not re-judged)."""
    value = (data.get(name) or "").strip()
    if name not in MULTI_LINE_FIELDS and ("  " in value or not value.isprintable()):
        # As an import reads the cell: a name typed with two spaces would otherwise "change" at each export sent back.
        value = " ".join(value.split())
    if required and not value:
        problems.add(name, _("%(label)s wajib diisi.") % {"label": label})
    limit = MAX_LENGTHS.get(name)
    if limit and len(value) > limit:
        problems.add(name, _("Paling banyak %(limit)d karakter.") % {"limit": limit})
    if name in PHONE_FIELDS and value != stored and (message := phone_problem(value)):
        problems.add(name, message)  # as the import refuses it: a number whose 0 was dropped
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
    elif too_early := too_early_problem(value):
        problems.add(name, too_early)
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
