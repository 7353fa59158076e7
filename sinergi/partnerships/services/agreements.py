"""Recording and changing an agreement: its fields, its rules (one ValidationError listing every problem), its
history snapshot, create and update (an addendum). Apart from the status steps, the documents and the reminders
because this is where the agreement's own fields change.
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
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import AgreementKind, AgreementStatus, PartyRole
from ..models import Agreement
from ._common import _diff, _today
from .parties import PartyInput, _acts_for_a_party, _check_new_parties, _set_parties

EDITABLE_FIELDS = ("kind", "title", "number", "scope", "starts_on", "ends_on", "signed_on")
FINAL_STATUSES = {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}


def _term_codes(terms) -> list[str]:
    return sorted(t.code for t in terms)


def _snapshot(agreement: Agreement) -> dict[str, Any]:
    """Values as the history shows them: vocabulary items by code, parties as "role: name"."""
    values: dict[str, Any] = {name: getattr(agreement, name) for name in EDITABLE_FIELDS}
    values["status"] = agreement.status
    if agreement.pk:
        values["participation_forms"] = _term_codes(agreement.participation_forms.all())
        values["welfare_pillars"] = _term_codes(agreement.welfare_pillars.all())
        values["parties"] = sorted(
            f"{p.role}: {p.organisation.name}" for p in agreement.parties.select_related("organisation")
        )
    return values


def _validate(
    agreement: Agreement,
    *,
    parties: list[PartyInput],
    participation_forms: list[Term],
    welfare_pillars: list[Term],
    today: datetime.date,
) -> None:
    """The rules of an agreement; raises one ValidationError listing every problem."""
    errors: dict[str, list[str]] = {}

    def problem(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if agreement.kind not in AgreementKind.values:
        problem("kind", _("Pilih jenis perjanjian."))
    if not (agreement.title or "").strip():
        problem("title", _("Judul wajib diisi."))
    if agreement.starts_on is None:
        problem("starts_on", _("Tanggal mulai berlaku wajib diisi."))
    if agreement.ends_on is None:
        problem("ends_on", _("Tanggal berakhir wajib diisi."))
    if agreement.starts_on and agreement.ends_on and agreement.ends_on <= agreement.starts_on:
        problem("ends_on", _("Tanggal berakhir harus sesudah tanggal mulai berlaku."))
    if agreement.signed_on and agreement.signed_on > today:
        problem("signed_on", _("Tanggal penandatanganan tidak boleh di masa depan."))
    if agreement.signed_on and agreement.ends_on and agreement.signed_on > agreement.ends_on:
        problem("signed_on", _("Tanggal penandatanganan harus sebelum tanggal berakhir."))
    if agreement.status == AgreementStatus.ACTIVE and agreement.ends_on and agreement.ends_on < today:
        problem("ends_on", _("Perjanjian yang berlaku tidak dapat diberi tanggal berakhir yang sudah lewat."))
    if any(t.vocabulary != Vocabulary.PARTICIPATION_FORM for t in participation_forms):
        problem("participation_forms", _("Bentuk peran serta harus dari daftar PP 39/2012 Pasal 51."))
    if any(t.vocabulary != Vocabulary.WELFARE_PILLAR for t in welfare_pillars):
        problem("welfare_pillars", _("Pilar harus dari daftar pilar kesejahteraan sosial."))

    roles = [p.role for p in parties]
    ids = [p.organisation.pk for p in parties]
    if any(role not in PartyRole.values for role in roles):
        problem("parties", _("Kedudukan pihak tidak dikenal."))
    if PartyRole.FIRST not in roles or PartyRole.SECOND not in roles:
        problem("parties", _("Perjanjian memerlukan sekurang-kurangnya pihak pertama dan pihak kedua."))
    if len(ids) != len(set(ids)):
        problem("parties", _("Satu organisasi hanya dapat disebut sekali sebagai pihak."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_create(
    *,
    actor: "User",
    data: dict[str, Any],
    parties: list[PartyInput],
    participation_forms: list[Term] | None = None,
    welfare_pillars: list[Term] | None = None,
    request: HttpRequest | None = None,
) -> Agreement:
    """Records a new agreement as a draft; the actor must act for at least one of its parties."""
    agreement = Agreement(**{k: v for k, v in data.items() if k in EDITABLE_FIELDS})
    agreement.status = AgreementStatus.DRAFT
    forms, pillars = list(participation_forms or []), list(welfare_pillars or [])
    _validate(agreement, parties=parties, participation_forms=forms, welfare_pillars=pillars, today=_today())
    if not _acts_for_a_party(actor, {p.organisation.pk for p in parties}):
        raise PermissionDenied(
            _("Anda hanya dapat mencatat perjanjian bila salah satu pihaknya berada dalam wilayah atau lembaga Anda.")
        )
    _check_new_parties(actor, parties, already=set())
    agreement.title = agreement.title.strip()
    agreement.number = (agreement.number or "").strip()
    agreement.created_by = actor if getattr(actor, "is_authenticated", False) else None
    agreement.save()
    agreement.participation_forms.set(forms)
    agreement.welfare_pillars.set(pillars)
    _set_parties(agreement, parties)
    audit_record(
        actor=actor,
        action="partnerships.agreement.created",
        obj=agreement,
        changes=_diff({}, _snapshot(agreement)),
        request=request,
    )
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    actor: "User",
    data: dict[str, Any],
    expected_version: int,
    parties: list[PartyInput] | None = None,
    participation_forms: list[Term] | None = None,
    welfare_pillars: list[Term] | None = None,
    request: HttpRequest | None = None,
) -> Agreement:
    """Changes a draft or active agreement (an addendum); None for parties/forms/pillars leaves them as they are."""
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang mengubah perjanjian ini."))
    current = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    if current.status in FINAL_STATUSES:
        raise TransitionError(
            _("Perjanjian yang sudah %(status)s tidak dapat diubah lagi; buat perjanjian baru untuk pembaruannya.")
            % {"status": current.get_status_display().lower()}
        )
    before = _snapshot(current)
    for name, value in data.items():
        if name in EDITABLE_FIELDS:
            setattr(current, name, value.strip() if isinstance(value, str) else value)
    existing_parties = [
        PartyInput(organisation=p.organisation, role=p.role, signatory=p.signatory)
        for p in current.parties.select_related("organisation")
    ]
    new_parties = existing_parties if parties is None else parties
    forms = list(current.participation_forms.all()) if participation_forms is None else list(participation_forms)
    pillars = list(current.welfare_pillars.all()) if welfare_pillars is None else list(welfare_pillars)
    _validate(current, parties=new_parties, participation_forms=forms, welfare_pillars=pillars, today=_today())
    if not _acts_for_a_party(actor, {p.organisation.pk for p in new_parties}):
        raise PermissionDenied(
            _("Sesudah perubahan ini tidak ada lagi pihak yang berada dalam wilayah atau lembaga Anda.")
        )
    _check_new_parties(actor, new_parties, already={p.organisation.pk for p in existing_parties})
    current.version = F("version") + 1
    current.save()
    if participation_forms is not None:
        current.participation_forms.set(forms)
    if welfare_pillars is not None:
        current.welfare_pillars.set(pillars)
    if parties is not None:
        _set_parties(current, parties)
    current.refresh_from_db()
    changes = _diff(before, _snapshot(current))
    if changes:
        audit_record(
            actor=actor, action="partnerships.agreement.updated", obj=current, changes=changes, request=request
        )
    return current
