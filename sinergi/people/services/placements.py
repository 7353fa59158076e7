"""A client's stay at an LKS: SNPA stages, care-plan reviews, discharge and transfer to another LKS."""

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action
from sinergi.core.dates import shown
from sinergi.core.errors import TransitionError
from sinergi.organisations.choices import LKS_KINDS, OrganisationStatus
from sinergi.organisations.models import Organisation

# Summary updates are called through the package rather than imported by name, so replacing
# `services.summary_*` (as tests do) reaches every caller, as it did when services was one module.
from sinergi.people import services as package
from sinergi.vocabularies.models import Term, Vocabulary

from ..choices import ALLOWED_STAGE_TRANSITIONS, CaseStage, DischargeReason, PlacementStatus, ServiceSetting
from ..models import CarePlanReview, Person, Placement
from ._common import _choice, _date, _Problems, _record_change, _refuse_if_restricted, _require, _term, _text
from .duplicates import _nik_active_at
from .rules import REVIEW_INTERVAL_MONTHS, add_months, check_lks_serves, is_child_on

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def _apply_placement_data(placement: Placement, data: dict, problems: _Problems) -> list[Term]:
    placement.ppks_category = _term(data.get("ppks_category"), Vocabulary.PPKS, "ppks_category", problems)
    placement.setting = _choice(data.get("setting"), ServiceSetting, "setting", problems)
    placement.admitted_on = _date(
        data.get("admitted_on"), "admitted_on", problems, required=True, label=_("Tanggal masuk")
    )
    services = []
    for term in data.get("services") or []:
        if _term(term, Vocabulary.WELFARE_PILLAR, "services", problems):
            services.append(term)
    return services


def _locked_placement(actor: "User", placement: Placement) -> Placement:
    _require(actor, Action.PERSON_CHANGE, placement, _("Anda tidak berwenang mengubah penempatan ini."))
    # The LKS, then the person, then the stay: the order of an import (lks_lock, its people, their stays) and of a
    # merge (people, stays). Taken in one SELECT … FOR UPDATE through the joins, the three rows were locked in the
    # scan's order, and an import correcting the person deadlocked with a correction of the stay (the forty-first
    # review).
    list(Organisation.objects.select_for_update().filter(pk=placement.organisation_id).values_list("pk"))
    list(Person.objects.select_for_update().filter(pk=placement.person_id).values_list("pk"))
    current = (
        Placement.objects.select_for_update(of=("self",)).select_related("person", "organisation").get(pk=placement.pk)
    )
    _refuse_if_restricted(current.person)
    return current


@transaction.atomic
def placement_advance_stage(
    *, actor: "User", placement: Placement, stage: str, request: HttpRequest | None = None
) -> Placement:
    """Moves a child's case to the next SNPA stage, only along ALLOWED_STAGE_TRANSITIONS."""
    current = _locked_placement(actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai; tahapnya tidak dapat diubah."))
    if not current.stage:
        raise TransitionError(_("Tahap kasus SNPA hanya berlaku untuk anak."))
    if stage not in CaseStage.values or stage not in ALLOWED_STAGE_TRANSITIONS.get(current.stage, set()):
        label = CaseStage(stage).label if stage in CaseStage.values else stage
        raise TransitionError(
            _("Tahap tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.")
            % {"from": current.get_stage_display(), "to": label}
        )
    before = current.stage
    current.stage = stage
    current.save(update_fields=["stage", "updated_at"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.stage_changed",
        obj=current,
        changes={"stage": [before, stage]},
        request=request,
    )
    return current


@transaction.atomic
def care_plan_review_record(
    *, actor: "User", placement: Placement, reviewed_on: datetime.date, summary: str, request: HttpRequest | None = None
) -> CarePlanReview:
    """Records a care-plan review; the next one falls due six months later (SNPA)."""
    current = _locked_placement(actor, placement)
    problems = _Problems()
    if current.status != PlacementStatus.ACTIVE:
        problems.add("__all__", _("Penempatan ini sudah selesai; tinjauan tidak dapat dicatat."))
    day = _date(reviewed_on, "reviewed_on", problems, required=True, label=_("Tanggal tinjauan"))
    if day and day < current.admitted_on:
        problems.add("reviewed_on", _("Tanggal tinjauan tidak mungkin sebelum tanggal masuk."))
    text = (summary or "").strip()
    if not text:
        problems.add("summary", _("Ringkasan tinjauan wajib diisi."))
    problems.raise_if_any()
    next_on = add_months(day, REVIEW_INTERVAL_MONTHS)
    review = CarePlanReview.objects.create(
        placement=current, reviewed_on=day, summary=text, next_review_on=next_on, reviewed_by=actor
    )
    before = current.next_review_on
    current.next_review_on = next_on
    current.save(update_fields=["next_review_on", "updated_at"])
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.reviewed",
        obj=current,
        changes={"next_review_on": [before, next_on]},
        data={"review": review.pk, "reviewed_on": day},
        request=request,
    )
    return review


@transaction.atomic
def placement_discharge(
    *,
    actor: "User",
    placement: Placement,
    discharged_on: datetime.date,
    reason: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Placement:
    """Ends a placement; a child's case moves to terminasi. The person stays located at this (last) LKS."""
    current = _locked_placement(actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai."))
    problems = _Problems()
    day = _date(discharged_on, "discharged_on", problems, required=True, label=_("Tanggal keluar"))
    if day and day < current.admitted_on:
        problems.add("discharged_on", _("Tanggal keluar tidak mungkin sebelum tanggal masuk."))
    reason = _choice(reason, DischargeReason, "discharge_reason", problems)
    note = _text({"note": note}, "note", problems)
    problems.raise_if_any()
    current.status = PlacementStatus.DISCHARGED
    current.discharged_on = day
    current.discharge_reason = reason
    current.discharge_note = note
    current.next_review_on = None
    if current.stage:
        current.stage = CaseStage.TERMINATION
    current.save()
    _record_change(
        actor=actor,
        person=current.person,
        action="people.placement.discharged",
        obj=current,
        changes={"status": [PlacementStatus.ACTIVE, current.status]},
        data={"discharged_on": day, "reason": reason},
        request=request,
    )
    package.summary_placement_discharged(current)
    return current


# What a correction may change: what the stay was recorded with, not what happened during it (stage, reviews).
CORRECTED_FIELDS = ("admitted_on", "ppks_category", "setting", "discharged_on", "discharge_reason")


@transaction.atomic
def placement_correct(
    *, actor: "User", placement: Placement, data: dict, request: HttpRequest | None = None
) -> Placement:
    """Corrects what a stay was recorded with by mistake: its admission date, main PPKS category and form of service,
    and for an ended stay its leaving date and reason — under the rules of admission and discharge. The summary
    counts move with it (an admission or a discharge to its right month), as an import cannot do: it matches a stay
    by its admission date and leaves such corrections to this page.

    The two ends of a transfer are not corrected here: the day one stay ended by a referral is the day the next one
    began, at the other LKS."""
    current = _locked_placement(actor, placement)
    person = current.person
    problems = _Problems()
    before = package.summary_snapshot(current)
    old = {name: getattr(current, name) for name in CORRECTED_FIELDS}
    category = _term(data.get("ppks_category"), Vocabulary.PPKS, "ppks_category", problems)
    setting = _choice(data.get("setting"), ServiceSetting, "setting", problems)
    admitted_on = _date(data.get("admitted_on"), "admitted_on", problems, required=True, label=_("Tanggal masuk"))
    if admitted_on and person.birth_date and admitted_on < person.birth_date:
        problems.add("admitted_on", _("Tanggal masuk tidak mungkin sebelum tanggal lahir."))
    transferred_in = (
        Placement.objects.filter(
            person=person, discharge_reason=DischargeReason.TRANSFERRED, discharged_on=current.admitted_on
        )
        .exclude(pk=current.pk)
        .exists()
    )
    if transferred_in and admitted_on != current.admitted_on:
        problems.add(
            "admitted_on",
            _("Penempatan ini dimulai dengan rujukan dari LKS lain pada %(date)s; tanggal masuknya tidak dapat diubah.")
            % {"date": shown(current.admitted_on)},
        )
    if admitted_on and admitted_on != current.admitted_on:
        if current.reviews.filter(reviewed_on__lt=admitted_on).exists():
            problems.add("admitted_on", _("Sudah ada tinjauan rencana pengasuhan sebelum tanggal ini."))
        if (
            Placement.objects.filter(person=person, organisation_id=current.organisation_id, admitted_on=admitted_on)
            .exclude(pk=current.pk)
            .exists()
        ):
            problems.add(
                "admitted_on", _("Orang ini sudah punya penempatan lain di LKS ini yang masuk pada tanggal itu.")
            )
    discharged_on, reason = current.discharged_on, current.discharge_reason
    if current.status == PlacementStatus.DISCHARGED:
        # (a form that does not offer them leaves them as stored)
        given_on = data.get("discharged_on", current.discharged_on)
        given_reason = data.get("discharge_reason", current.discharge_reason)
        if current.discharge_reason == DischargeReason.TRANSFERRED:
            if (given_on, given_reason) != (current.discharged_on, current.discharge_reason):
                problems.add(
                    "discharged_on",
                    _("Penempatan ini berakhir karena dirujuk ke LKS lain; tanggal dan alasan keluarnya tidak dapat "
                      "diubah."),
                )  # fmt: skip
        else:
            discharged_on = _date(given_on, "discharged_on", problems, required=True, label=_("Tanggal keluar"))
            reason = _choice(given_reason, DischargeReason, "discharge_reason", problems)
            if reason == DischargeReason.TRANSFERRED:
                problems.add(
                    "discharge_reason",
                    _("Rujukan ke LKS lain dicatat lewat Rujukan, yang juga memulai penempatan di LKS tujuan."),
                )
        if discharged_on and admitted_on and discharged_on < admitted_on:
            problems.add("discharged_on", _("Tanggal keluar tidak mungkin sebelum tanggal masuk."))
    child = bool(admitted_on) and is_child_on(person, admitted_on)
    check_lks_serves(
        problems, organisation=current.organisation, category=category, child=child, field_name="ppks_category"
    )
    problems.raise_if_any()
    new = {
        "admitted_on": admitted_on,
        "ppks_category": category,
        "setting": setting,
        "discharged_on": discharged_on,
        "discharge_reason": reason,
    }
    changed = {name: [old[name], value] for name, value in new.items() if value != old[name]}
    if not changed:
        return current
    for name, value in new.items():
        setattr(current, name, value)
    active = current.status == PlacementStatus.ACTIVE
    if child and not current.stage:
        # Admitted as a child after all: the SNPA case and its six-monthly care-plan reviews apply, as on admission.
        changed["stage"] = [current.stage, CaseStage.REFERRAL if active else CaseStage.TERMINATION]
        current.stage = changed["stage"][1]
    elif not child and current.stage:
        # Admitted as an adult after all: no child's case.
        changed["stage"], current.stage = [current.stage, ""], ""
    dates_moved = "admitted_on" in changed or "stage" in changed
    if dates_moved and active and current.stage and not current.reviews.exists():
        # The first care-plan review falls due six months after admission: after the corrected one.
        current.next_review_on = add_months(admitted_on, REVIEW_INTERVAL_MONTHS)
    elif not current.stage:
        current.next_review_on = None
    current.save()
    if category not in person.ppks_categories.all():
        # The category a person is served under stays among their categories (as on admission).
        person.ppks_categories.add(category)
    if "ppks_category" in changed:
        changed["ppks_category"] = [old["ppks_category"].code, category.code]
    _record_change(
        actor=actor,
        person=person,
        action="people.placement.corrected",
        obj=current,
        changes=changed,
        request=request,
    )
    package.summary_placement_changed(before, current)
    return current


@transaction.atomic
def placement_transfer(
    *,
    actor: "User",
    placement: Placement,
    to_organisation: Organisation,
    on: datetime.date,
    request: HttpRequest | None = None,
    authorised_by=None,
) -> Placement:
    """Moves a client to another LKS: the current placement ends as "transferred", a new one starts there, and
    the person is located at the new LKS from now on (so the old LKS no longer sees them).

    `authorised_by`: the user whose authority over the current placement allows the move, when that is not the
    actor — e.g. the sender of an accepted referral, while the receiving LKS (the actor) takes the client on.
    """
    # Both LKS as they are now, held until the move is written (as person_admit holds its LKS), in id order: the
    # destination given was read when the form was shown, and an LKS moved to another kabupaten/kota meanwhile would
    # have its old codes written on the client, for good (the thirty-seventh review); and two transfers crossing
    # between two LKS, or a transfer and an import writing at both (lks_lock, id order), would otherwise each hold
    # one LKS and wait for the other (the stay's lock below holds its LKS too): a deadlock (the thirty-ninth review).
    held = {
        lks.pk: lks
        for lks in Organisation.objects.select_for_update()
        .filter(pk__in={placement.organisation_id, to_organisation.pk})
        .order_by("pk")
    }
    current = _locked_placement(authorised_by or actor, placement)
    if current.status != PlacementStatus.ACTIVE:
        raise TransitionError(_("Penempatan ini sudah selesai; tidak dapat dipindahkan."))
    to_organisation = held[to_organisation.pk]
    problems = _Problems()
    day = _date(on, "on", problems, required=True, label=_("Tanggal pindah"))
    if day and day < current.admitted_on:
        problems.add("on", _("Tanggal pindah tidak mungkin sebelum tanggal masuk."))
    if to_organisation.pk == current.organisation_id:
        problems.add("to_organisation", _("Pilih LKS lain sebagai tujuan."))
    elif to_organisation.kind not in LKS_KINDS or to_organisation.status != OrganisationStatus.ACTIVE:
        problems.add("to_organisation", _("Tujuan harus LKS yang masih aktif."))
    else:
        child = bool(day) and is_child_on(current.person, day)
        check_lks_serves(
            problems,
            organisation=to_organisation,
            category=current.ppks_category,
            child=child,
            field_name="to_organisation",
        )
        if _nik_active_at(current.person.nik_hash, to_organisation, exclude_pk=current.person_id):
            problems.add("to_organisation", _("NIK orang ini sudah terdaftar aktif di LKS tujuan."))
    problems.raise_if_any()
    person = current.person
    current.status = PlacementStatus.DISCHARGED
    current.discharged_on = day
    current.discharge_reason = DischargeReason.TRANSFERRED
    current.discharge_note = to_organisation.name[:300]
    current.next_review_on = None
    if current.stage:
        current.stage = CaseStage.TERMINATION
    current.save()
    child = is_child_on(person, day)
    moved = Placement.objects.create(
        person=person,
        organisation=to_organisation,
        province_code=to_organisation.province_code,
        regency_code=to_organisation.regency_code,
        ppks_category=current.ppks_category,
        setting=current.setting,
        admitted_on=day,
        stage=CaseStage.REFERRAL if child else "",
        next_review_on=add_months(day, REVIEW_INTERVAL_MONTHS) if child else None,
    )
    moved.services.set(current.services.all())
    person.organisation = to_organisation
    person.province_code = to_organisation.province_code
    person.regency_code = to_organisation.regency_code
    person.version = F("version") + 1
    person.save(update_fields=["organisation", "province_code", "regency_code", "version", "updated_at"])
    person.refresh_from_db()
    _record_change(
        actor=actor,
        person=person,
        action="people.placement.transferred",
        obj=current,
        data={
            "from": current.organisation_id,
            "to": to_organisation.pk,
            "new_placement": moved.pk,
            "on": day,
            "authorised_by": authorised_by.get_username() if authorised_by is not None else "",
        },
        request=request,
    )
    package.summary_placement_discharged(current)
    package.summary_placement_added(moved)
    return moved
