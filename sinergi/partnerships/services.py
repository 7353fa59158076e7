"""Writes to partnerships. Each function checks scope, validates, audits, and says why it refuses.

Who may do what (documented in docs of issue 5, decided here):
- see an agreement: users of any party organisation (LKS operators), the kabupaten/kota boards and province admins
  whose region contains any party, and Dinas Sosial viewers of that region (scope action VIEW through the parties);
- create one: whoever may change at least one of its party organisations in the registry — the province admin, the
  kabupaten/kota board of a party's kabupaten/kota, or an operator of a party LKS (scope action CHANGE);
- change, activate, terminate it or add/remove documents: the same people, through the same parties (CHANGE on the
  agreement); an edit may not leave the editor with no party in their scope (no handing an agreement to strangers).
Counterparties may be any organisation the actor can see plus any active organisation of the actor's province (the
public directory already shows active LKS; partners and boards are public bodies).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.models import Role, User
from sinergi.accounts.scope import Action, active_memberships, can, restrict
from sinergi.accounts.zones import user_provinces
from sinergi.audit.services import audit_record
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.notifications.services import local_date, notify, translated, users_holding
from sinergi.organisations.choices import OrganisationStatus
from sinergi.organisations.models import Organisation
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import ALLOWED_STATUS_TRANSITIONS, REMINDER_THRESHOLDS, AgreementKind, AgreementStatus, PartyRole
from .documents import document_check
from .models import Agreement, AgreementDocument, AgreementParty

EDITABLE_FIELDS = ("kind", "title", "number", "scope", "starts_on", "ends_on", "signed_on")
FINAL_STATUSES = {AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}


@dataclass(frozen=True)
class PartyInput:
    """One party as a form or the API gives it: which organisation, in which role, signed by whom."""

    organisation: Organisation
    role: str
    signatory: str = ""


def actor_provinces(actor: "User | None") -> set[str] | None:
    """Provinces the actor works in (from region or organisation memberships); None for a superuser (all)."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return None
    return user_provinces(actor)


def may_create_agreements(actor: "User | None") -> bool:
    """Whether the actor holds any role that may act for a party (the create page and party search need one)."""
    from sinergi.accounts.scope import ACTION_ROLES

    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return True
    return any(m.role in ACTION_ROLES[Action.CHANGE] for m in active_memberships(actor))


def party_candidates(*, actor: "User") -> QuerySet[Organisation]:
    """Organisations the actor may name as a party: those they can see, and active ones of their province(s)."""
    if not may_create_agreements(actor):
        return Organisation.objects.none()
    provinces = actor_provinces(actor)
    if provinces is None:
        return Organisation.objects.exclude(status=OrganisationStatus.INACTIVE)
    visible = restrict(Organisation.objects.all(), actor=actor, action=Action.VIEW).values("pk")
    return Organisation.objects.filter(
        Q(pk__in=visible) | Q(status=OrganisationStatus.ACTIVE, province_code__in=provinces)
    ).exclude(status=OrganisationStatus.INACTIVE)


def _acts_for_a_party(actor: "User", organisation_ids: set[int]) -> bool:
    # The same rule as changing the organisation itself in the registry (Action.CHANGE on Organisation).
    return restrict(Organisation.objects.filter(pk__in=organisation_ids), actor=actor, action=Action.CHANGE).exists()


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


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    empty = (None, "", [])
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (before.get(name) in empty and value in empty)
    }


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


def _set_parties(agreement: Agreement, parties: list[PartyInput]) -> None:
    keep = {p.organisation.pk: p for p in parties}
    agreement.parties.exclude(organisation_id__in=keep).delete()
    existing = {p.organisation_id: p for p in agreement.parties.all()}
    for organisation_id, party in keep.items():
        row = existing.get(organisation_id)
        if row is None:
            AgreementParty.objects.create(
                agreement=agreement,
                organisation=party.organisation,
                role=party.role,
                signatory=party.signatory.strip()[:150],
            )
        elif (row.role, row.signatory) != (party.role, party.signatory.strip()[:150]):
            row.role, row.signatory = party.role, party.signatory.strip()[:150]
            row.save(update_fields=["role", "signatory"])


def _check_new_parties(actor: "User", parties: list[PartyInput], *, already: set[int]) -> None:
    new_ids = {p.organisation.pk for p in parties} - already
    if not new_ids:
        return
    allowed = set(party_candidates(actor=actor).filter(pk__in=new_ids).values_list("pk", flat=True))
    refused = sorted(new_ids - allowed)
    if refused:
        # Ids, not names: the actor may not be allowed to know what these organisations are.
        raise ValidationError(
            {
                "parties": [
                    _("Organisasi dengan id %(ids)s tidak ada atau tidak dapat Anda pilih sebagai pihak.")
                    % {"ids": ", ".join(str(pk) for pk in refused)}
                ]
            }
        )


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


@transaction.atomic
def document_upload(
    *, agreement: Agreement, actor: "User", upload: UploadedFile, title: str = "", request: HttpRequest | None = None
) -> AgreementDocument:
    """Stores a PDF or image (checked by content, at most 10 MB) under MEDIA_ROOT/agreements/<id>/."""
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang menambah dokumen pada perjanjian ini."))
    checked = document_check(upload)
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = AgreementDocument(
        agreement=agreement,
        title=(title or "").strip()[:200] or original or _("Dokumen"),
        original_name=original,
        content_kind=checked.kind,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save("upload", upload, save=False)
    try:
        document.save()
        audit_record(
            actor=actor,
            action="partnerships.document.uploaded",
            obj=agreement,
            data={"document": document.title, "kind": checked.kind, "size": checked.size, "sha256": checked.sha256},
            request=request,
        )
    except Exception:
        # The row is rolled back with the transaction; the file written a moment ago must not stay behind alone.
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def document_delete(*, document: AgreementDocument, actor: "User", request: HttpRequest | None = None) -> None:
    """Removes a document (e.g. uploaded to the wrong agreement); the file goes once the removal is committed."""
    agreement = document.agreement
    if not can(actor, Action.CHANGE, agreement):
        raise PermissionDenied(_("Anda tidak berwenang menghapus dokumen perjanjian ini."))
    name, storage = document.file.name, document.file.storage
    audit_record(
        actor=actor,
        action="partnerships.document.deleted",
        obj=agreement,
        data={"document": document.title, "sha256": document.sha256},
        request=request,
    )
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


def agreement_recipients(agreement: Agreement) -> list[User]:
    """Who hears about an agreement: operators of each party organisation and the boards/admins of its region."""
    users: dict[int, User] = {}
    for party in agreement.parties.select_related("organisation"):
        organisation = party.organisation
        for user in users_holding(roles=[Role.LKS_OPERATOR], organisation_id=organisation.pk):
            users[user.pk] = user
        region = organisation.regency_code or organisation.province_code
        for user in users_holding(roles=[Role.REGENCY_BOARD, Role.PROVINCE_ADMIN], region_code=region):
            users[user.pk] = user
    return list(users.values())


def partnerships_reminders(*, today: datetime.date) -> int:
    """Expires agreements past their end date and reminds parties and boards 90, 30 and 7 days before the end.

    Each threshold is sent once per agreement and end date (an addendum that moves the end date starts again);
    returns the number of notifications created. Called by `manage.py send_reminders`."""
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for agreement in Agreement.objects.filter(status=AgreementStatus.ACTIVE, ends_on__lt=today).order_by("pk"):
            try:
                agreement = agreement_expire(agreement=agreement, today=today)
            except TransitionError:
                # No longer active when locked: another run (or a user) ended it since the list was read, and that
                # run told the parties. Raising would skip the other agreements' reminders until the next hour.
                continue
            created += len(
                notify(
                    recipients=agreement_recipients(agreement),
                    kind="partnerships.agreement_expired",
                    title=translated(_lazy("Perjanjian kerja sama berakhir: %(title)s"), title=agreement.title),
                    body=translated(
                        _lazy("Masa berlaku perjanjian “%(title)s” berakhir pada %(date)s."),
                        title=agreement.title,
                        date=local_date(agreement.ends_on),
                    ),
                    link=reverse("partnerships:detail", args=[agreement.pk]),
                    dedup_key=f"partnerships.agreement.{agreement.pk}.expired",
                )
            )
        horizon = today + datetime.timedelta(days=max(REMINDER_THRESHOLDS))
        expiring = Agreement.objects.filter(
            status=AgreementStatus.ACTIVE, ends_on__gte=today, ends_on__lte=horizon
        ).order_by("ends_on", "pk")
        for agreement in expiring:
            days_left = (agreement.ends_on - today).days
            threshold = min(t for t in REMINDER_THRESHOLDS if days_left <= t)
            created += len(
                notify(
                    recipients=agreement_recipients(agreement),
                    kind="partnerships.agreement_expiring",
                    title=translated(
                        _lazy("Perjanjian kerja sama berakhir dalam %(days)s hari: %(title)s"),
                        days=days_left,
                        title=agreement.title,
                    ),
                    body=translated(
                        _lazy(
                            "Perjanjian “%(title)s” berlaku sampai %(date)s. Siapkan perpanjangan atau pengakhirannya."
                        ),
                        title=agreement.title,
                        date=local_date(agreement.ends_on),
                    ),
                    link=reverse("partnerships:detail", args=[agreement.pk]),
                    dedup_key=f"partnerships.agreement.{agreement.pk}.ends.{agreement.ends_on.isoformat()}.{threshold}",
                )
            )
    return created


def _today() -> datetime.date:
    return timezone.localdate()
