"""A board's "same person" carried out: the second record of one human is retired into the record the board keeps.

Two records of one client count them twice in every statistic (the summaries count stays), and the LKS's next
import finds one of them missing from its list. The merge leaves one record holding everything both held: stays,
care-plan reviews, consents, incidents, referrals, the access log and open candidates; a stay recorded on both
records at the same LKS and time is one stay, kept once. The retired record stays as it was otherwise (its fields
and the audit events naming it still mean something), found by nobody any more.
"""

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, restrict
from sinergi.core.errors import PermissionDenied, TransitionError, ValidationError

from ..access import person_access_record
from ..choices import AccessPurpose, DuplicateStatus, PlacementStatus
from ..models import CarePlanReview, Consent, DuplicateCandidate, Incident, Person, PersonAccess, Placement
from ..selectors import MERGE_FILLED, MergePlan, duplicate_merge_plan
from ..summaries import SummaryDelta, summary_snapshot
from ._common import _audit
from .duplicates import candidate_decided
from .rules import person_match_key

if TYPE_CHECKING:
    from sinergi.accounts.models import User


@transaction.atomic
def duplicate_merge(
    *, actor: "User", candidate: DuplicateCandidate, keep: Person, request: HttpRequest | None = None
) -> Person:
    """The board decides the candidate's two records are one human and keeps `keep`: the other one is retired into
    it (see the module docstring). Refused, with nothing changed, when the two disagree on NIK, birth date or sex, or
    either is erased or merged already. Returns the kept record."""
    visible = restrict(DuplicateCandidate.objects.filter(pk=candidate.pk), actor=actor, action=Action.DUPLICATE_RESOLVE)
    if not visible.exists():
        raise PermissionDenied(_("Anda tidak berwenang memutuskan kandidat data ganda ini."))
    pair = DuplicateCandidate.objects.filter(pk=candidate.pk).values_list("person_id", "other_id").get()
    if keep.pk not in pair:
        raise ValidationError({"keep": [_("Pilih salah satu dari kedua data kandidat ini.")]})
    retired_id = pair[1] if keep.pk == pair[0] else pair[0]
    # Both records and their stays locked first, in id order, then the candidates: a discharge, correction or import
    # touching either waits for the merge (and then finds the stay gone or moved), and two merges sharing a record
    # wait for each other at the records, before either holds a candidate the other's repointing needs.
    people = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=[keep.pk, retired_id]).order_by("pk")}
    list(Placement.objects.select_for_update().filter(person_id__in=people).order_by("pk").values_list("pk"))
    current = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    if current.status != DuplicateStatus.OPEN:
        raise TransitionError(_("Kandidat data ganda ini sudah diputuskan."))
    if (current.person_id, current.other_id) != pair:
        # Another merge, waited for above, repointed it to the record it kept: decided on the fresh page.
        raise TransitionError(_("Kandidat data ganda ini berubah karena penggabungan lain. Muat ulang halamannya."))
    kept, retired = people[keep.pk], people[retired_id]
    plan = duplicate_merge_plan(kept=kept, retired=retired)
    if plan.problems:
        raise ValidationError(plan.problems)

    categories_added = _categories_added(plan)
    _fill(kept, retired, plan)
    doubles = _remove_doubles(plan)
    moved_ids = [stay.pk for stay in plan.moved]
    Placement.objects.filter(pk__in=moved_ids).update(person=kept, updated_at=timezone.now())
    for model in (Consent, Incident, PersonAccess):
        # Incidents cannot be deleted, and their queryset refuses a bulk delete only: a bulk update is allowed.
        model.objects.filter(person=retired).update(person=kept)
    # Referrals by their reverse relation: the referrals app comes after this one and is not imported here.
    retired.referrals.update(person=kept)
    closed = _repoint_candidates(actor=actor, current=current, kept=kept, retired=retired)
    # Records merged into the retired one earlier now lead to the kept one directly: an export ID is one step away.
    Person.objects.filter(merged_into=retired).update(merged_into=kept)
    _locate(kept)
    kept.version = F("version") + 1
    kept.save()
    kept.refresh_from_db()

    retired.merged_into = kept
    retired.merged_at = timezone.now()
    # Found by no NIK lookup and no close-match check again; what it said stays readable for the record.
    retired.nik_hash = ""
    retired.match_key = ""
    retired.version = F("version") + 1
    retired.save(update_fields=["merged_into", "merged_at", "nik_hash", "match_key", "version", "updated_at"])

    # The decision as duplicate_resolve records it (readers of "resolved" events see every decision), then what the
    # merge did.
    candidate_decided(actor=actor, candidate=current, status=DuplicateStatus.LINKED, request=request, merged=True)
    _audit(
        actor=actor,
        action="people.duplicate.merged",
        obj=current,
        # Ids, dates and codes only: the audit log outlives an erasure, so no name or NIK.
        data={
            "kept": kept.pk,
            "retired": retired.pk,
            "stays_moved": moved_ids,
            "stays_removed": doubles,
            "filled": plan.filled + (["ppks_categories"] if categories_added else []),
            "candidates_closed": closed,
        },
        purpose=AccessPurpose.DUPLICATE,
        request=request,
    )
    for person in (kept, retired):
        person_access_record(
            actor=actor, person=person, what="changed", purpose=AccessPurpose.DUPLICATE, request=request
        )
    return kept


def _fill(kept: Person, retired: Person, plan: MergePlan) -> None:
    """The kept record's own values win; its empty fields take the retired record's, group by group."""
    for group in plan.filled:
        if group == "notes":
            kept.notes = f"{kept.notes.rstrip()}\n\n{retired.notes.strip()}" if kept.notes.strip() else retired.notes
            continue
        for name in MERGE_FILLED[group]:
            setattr(kept, name, getattr(retired, name))
    # Categories are a set: the kept record is every category either was registered under.
    kept.ppks_categories.add(*retired.ppks_categories.all())
    kept.is_restricted = kept.is_restricted or retired.is_restricted  # a restriction asked for is never lifted
    kept.match_key = person_match_key(
        full_name=kept.full_name, birth_date=kept.birth_date, mother_name=kept.mother_name
    )


def _categories_added(plan: MergePlan) -> bool:
    kept_ids = set(plan.kept.ppks_categories.values_list("pk", flat=True))
    return not set(plan.retired.ppks_categories.values_list("pk", flat=True)) <= kept_ids


def _remove_doubles(plan: MergePlan) -> list[dict]:
    """Removes the retired record's copies of the kept record's stays, as though never recorded: their reviews,
    services and referrals go to the stay they repeat, and their counts leave the summaries. Returns what the audit
    event keeps of each."""
    delta = SummaryDelta()
    removed = []
    for double, kept_stay in plan.doubles:
        CarePlanReview.objects.filter(placement=double).update(placement=kept_stay)
        kept_stay.services.add(*double.services.all())
        double.referrals_out.update(from_placement=kept_stay)
        double.referrals_in.update(new_placement=kept_stay)
        delta.add_placement(summary_snapshot(double), -1)
        removed.append(
            {
                "id": double.pk,
                "lks": double.organisation_id,
                "admitted_on": double.admitted_on.isoformat(),
                "discharged_on": double.discharged_on.isoformat() if double.discharged_on else None,
                "ppks_category": double.ppks_category.code,
                "setting": double.setting,
                "same_as": kept_stay.pk,
            }
        )
        double.delete()
    delta.write()
    return removed


def _repoint_candidates(*, actor: "User", current: DuplicateCandidate, kept: Person, retired: Person) -> list[int]:
    """Candidates naming the retired record name the kept one instead (decided ones too, so that a decision is not
    asked again); an open one that would pair the kept record with itself, or repeat a pair already recorded, is
    closed (that pair is decided there). Returns the closed ids."""
    involving = DuplicateCandidate.objects.select_for_update().filter(Q(person=retired) | Q(other=retired))
    closed = []
    for candidate in involving.exclude(pk=current.pk).order_by("pk"):
        one = kept.pk if candidate.person_id == retired.pk else candidate.person_id
        other = kept.pk if candidate.other_id == retired.pk else candidate.other_id
        recorded = DuplicateCandidate.objects.filter(
            Q(person_id=one, other_id=other) | Q(person_id=other, other_id=one)
        )
        if candidate.status != DuplicateStatus.OPEN:
            # A decision about the retired record holds for the kept one ("Orang berbeda" is not asked again), unless
            # the kept record has its own about the same person.
            if one != other and not recorded.exists():
                candidate.person_id, candidate.other_id = one, other
                candidate.save(update_fields=["person", "other"])
            continue
        if one == other or recorded.exists():
            candidate.status = DuplicateStatus.CLOSED
            candidate.resolved_at = timezone.now()
            candidate.resolved_by = actor
            candidate.save(update_fields=["status", "resolved_at", "resolved_by"])
            closed.append(candidate.pk)
        else:
            candidate.person_id, candidate.other_id = one, other
            candidate.save(update_fields=["person", "other"])
    return closed


def _locate(kept: Person) -> None:
    """The kept record is located at the LKS of its latest active stay (where it is served now), as a transfer
    locates it; with none active, where it already is."""
    latest = (
        Placement.objects.filter(person=kept, status=PlacementStatus.ACTIVE)
        .select_related("organisation")
        .order_by("-admitted_on", "-pk")
        .first()
    )
    if latest is not None:
        kept.organisation = latest.organisation
        kept.province_code, kept.regency_code = latest.province_code, latest.regency_code
