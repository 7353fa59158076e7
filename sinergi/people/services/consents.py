"""The legal basis for processing a person's data: recording and withdrawing consent."""

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.errors import TransitionError

from ..choices import ConsentGiver, LegalBasis
from ..models import Consent, Person
from ._common import _choice, _date, _Problems, _record_change, _refuse_if_restricted, _require, _text
from .rules import is_child_on

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _check_consent(data: dict, problems: _Problems, *, person: Person) -> Consent:
    """A Consent from form data; a child's consent must come from a parent or guardian (UU PDP Pasal 25)."""
    consent = Consent(person=person)
    consent.given_by = _choice(data.get("given_by"), ConsentGiver, "given_by", problems)
    consent.giver_name = _text(data, "giver_name", problems, required=True, label=_("Nama pemberi persetujuan"))
    consent.given_on = _date(data.get("given_on"), "given_on", problems, required=True, label=_("Tanggal persetujuan"))
    consent.legal_basis = _choice(data.get("legal_basis"), LegalBasis, "legal_basis", problems)
    consent.scope = _text(data, "scope", problems, required=True, label=_("Cakupan persetujuan"))
    on = consent.given_on or timezone.localdate()
    if consent.given_by == ConsentGiver.SELF and is_child_on(person, on):
        problems.add(
            "given_by", _("Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri.")
        )
    if consent.given_on and person.birth_date and consent.given_on < person.birth_date:
        problems.add("given_on", _("Tanggal persetujuan tidak mungkin sebelum tanggal lahir."))
    return consent


@transaction.atomic
def consent_record(*, actor: "User", person: Person, data: dict, request: HttpRequest | None = None) -> Consent:
    """Records the legal basis for processing a person's data (who gave it, when, on which basis, for what)."""
    _require(actor, Action.PERSON_CHANGE, person, _("Anda tidak berwenang mengubah data orang ini."))
    # The record as it is now, held until the consent is written: one merged (or erased) meanwhile is refused, not
    # given a consent no page shows (the forty-third review).
    person = Person.objects.select_for_update().get(pk=person.pk)
    _refuse_if_restricted(person)
    problems = _Problems()
    consent = _check_consent(data, problems, person=person)
    problems.raise_if_any()
    consent.recorded_by = actor
    consent.save()
    _record_change(
        actor=actor,
        person=person,
        action="people.consent.recorded",
        obj=consent,
        data={"person": person.pk, "given_by": consent.given_by, "legal_basis": consent.legal_basis},
        request=request,
    )
    return consent


def _consent_locked(actor: "User", consent: Consent) -> Consent:
    """The consent as stored, held with its person for a change: the actor may change the person, who is not
    restricted. The person, then the consent, as a merge takes them (a merge moving the consent deadlocked with the
    consent and its person locked in one query, the database's order: the forty-third review)."""
    _require(actor, Action.PERSON_CHANGE, consent, _("Anda tidak berwenang mengubah data orang ini."))
    list(Person.objects.select_for_update().filter(pk=consent.person_id).values_list("pk"))
    current = Consent.objects.select_for_update(of=("self",)).select_related("person").get(pk=consent.pk)
    _refuse_if_restricted(current.person)
    return current


def _withdrawal_day(on: Any, consent: Consent, problems: _Problems) -> datetime.date | None:
    """A day of withdrawal, checked: a date, not in the future, not before the consent was given."""
    day = _date(on, "withdrawn_on", problems, required=True, label=_("Tanggal pencabutan"))
    if day and day < consent.given_on:
        problems.add("withdrawn_on", _("Tanggal pencabutan tidak mungkin sebelum tanggal persetujuan."))
    return day


@transaction.atomic
def consent_withdraw(
    *, actor: "User", consent: Consent, on: datetime.date, request: HttpRequest | None = None
) -> Consent:
    """Marks a consent as withdrawn from `on`; the record stays as proof of what held before."""
    current = _consent_locked(actor, consent)
    if current.withdrawn_on:
        raise TransitionError(_("Persetujuan ini sudah dicabut."))
    problems = _Problems()
    day = _withdrawal_day(on, current, problems)
    problems.raise_if_any()
    current.withdrawn_on = day
    current.save(update_fields=["withdrawn_on"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.consent.withdrawn",
        obj=current,
        changes={"withdrawn_on": [None, day]},
        request=request,
    )
    return current


@transaction.atomic
def consent_withdrawal_correct(
    *, actor: "User", consent: Consent, on: datetime.date, note: str, request: HttpRequest | None = None
) -> Consent:
    """Corrects the day a withdrawal was recorded with, by mistake. The withdrawal itself stays (it is final); the
    audit keeps the day before and after and why, as the only trace of what the record said before."""
    current = _consent_locked(actor, consent)
    if not current.withdrawn_on:
        raise TransitionError(_("Persetujuan ini belum dicabut; tidak ada tanggal pencabutan untuk dikoreksi."))
    problems = _Problems()
    day = _withdrawal_day(on, current, problems)
    if day == current.withdrawn_on:
        problems.add("withdrawn_on", _("Tanggal itu sudah tercatat; tidak ada yang dikoreksi."))
    reason = _text({"note": note}, "note", problems, required=True, label=_("Alasan koreksi"))
    problems.raise_if_any()
    before = current.withdrawn_on
    current.withdrawn_on = day
    current.save(update_fields=["withdrawn_on"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.consent.withdrawal_corrected",
        obj=current,
        changes={"withdrawn_on": [before, day]},
        data={"note": reason},
        request=request,
    )
    return current
