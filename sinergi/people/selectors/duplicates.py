"""Reads for the boards that decide duplicate candidates: the candidates, the two records side by side (logged),
and the merge plan (what merging one record into the other moves, removes, fills, and what stops it), which
services.duplicate_merge carries out. Apart because it is one board's task with rules of its own."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, restrict
from sinergi.core.dates import shown
from sinergi.core.errors import PermissionDenied

from ..access import person_access_record
from ..choices import AccessPurpose, DuplicateStatus, PlacementStatus
from ..models import DuplicateCandidate, Person, Placement

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def duplicate_candidates(*, actor: "User", status: str | None = DuplicateStatus.OPEN) -> QuerySet[DuplicateCandidate]:
    """Candidates the actor's board decides (kabupaten/kota of the record that triggered them); all when
    status is None."""
    queryset = restrict(
        DuplicateCandidate.objects.select_related("person", "other"), actor=actor, action=Action.DUPLICATE_RESOLVE
    )
    return queryset.filter(status=status) if status else queryset


def _duplicate_side(person: Person) -> dict:
    active = person.placements.filter(status=PlacementStatus.ACTIVE).select_related("organisation").first()
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "sex": person.get_sex_display(),
        "birth_date": person.birth_date,
        "birth_place": person.birth_place,
        "nik_masked": person.nik_masked,
        "mother_name": person.mother_name,
        "lks": person.organisation.name,
        "regency_code": person.regency_code,
        "active": active is not None,
        "admitted_on": active.admitted_on if active else None,
        "ppks_categories": [term.label for term in person.ppks_categories.all()],
    }


def duplicate_summary_for(*, actor: "User", candidate: DuplicateCandidate, request: HttpRequest | None = None) -> dict:
    """What a board may see to decide: both records side by side, NIK masked. Logged for both persons with the
    purpose "duplicate"."""
    visible = duplicate_candidates(actor=actor, status=None).filter(pk=candidate.pk)
    if not visible.exists():
        raise PermissionDenied(_("Anda tidak berwenang memeriksa kandidat data ganda ini."))
    candidate = DuplicateCandidate.objects.select_related("person__organisation", "other__organisation").get(
        pk=candidate.pk
    )
    summary = {
        "id": candidate.pk,
        "reason": candidate.get_reason_display(),
        "status": candidate.status,
        "created_at": candidate.created_at,
        "person": _duplicate_side(candidate.person),
        "other": _duplicate_side(candidate.other),
    }
    for person in (candidate.person, candidate.other):
        person_access_record(
            actor=actor, person=person, what="viewed_duplicate", purpose=AccessPurpose.DUPLICATE, request=request
        )
    return summary


@dataclass(frozen=True)
class MergePlan:
    """What merging `retired` into `kept` does: the board's page shows it, services.duplicate_merge carries it out.

    `moved`: the retired record's stays that go over to the kept record as they are. `doubles`: (a stay of the
    retired record, the kept record's stay it repeats) — at the same LKS, overlapping in time: one stay recorded
    twice, removed. `filled`: names of the kept record's empty fields the retired one fills. `problems`: why the
    two cannot be merged yet (then nothing is done)."""

    kept: Person
    retired: Person
    moved: list[Placement]
    doubles: list[tuple[Placement, Placement]]
    filled: list[str]
    problems: list[str]


# The kept record's empty fields the retired one fills, in groups taken whole: a NIK with its hash, masked form and
# (cleared) missing reason; a guardian's name with their relation and phone, never one guardian's name with another's
# phone. The group's name is what the audit event lists.
MERGE_FILLED = {
    "nik": ("nik_encrypted", "nik_hash", "nik_masked", "nik_missing_reason"),
    "kk": ("kk_encrypted", "kk_hash", "kk_masked", "kk_missing_reason"),
    "birth_date": ("birth_date", "birth_date_estimated"),
    "birth_place": ("birth_place",),
    "origin_region": ("origin_region_id",),
    "disability_type": ("disability_type",),
    "mother_name": ("mother_name",),
    "father_name": ("father_name",),
    "guardian": ("guardian_name", "guardian_relation", "guardian_phone"),
}
# The field whose emptiness on the kept record (and presence on the retired one) decides each group.
_MERGE_DECIDED_BY = {"nik": "nik_hash", "kk": "kk_hash", "birth_date": "birth_date"}


def merge_fills(kept: Person, retired: Person) -> list[str]:
    """The groups of MERGE_FILLED the retired record fills on the kept one (and "notes" when it adds notes)."""
    filled = []
    for group, fields in MERGE_FILLED.items():
        decided_by = _MERGE_DECIDED_BY.get(group)
        names = (decided_by,) if decided_by else fields
        if not any(getattr(kept, name) for name in names) and any(getattr(retired, name) for name in names):
            filled.append(group)
    if retired.notes.strip() and retired.notes.strip() not in kept.notes:
        filled.append("notes")
    return filled


def _stay_end(stay: Placement) -> datetime.date:
    if stay.discharged_on:
        return stay.discharged_on
    # Discharged without a date: counted as leaving in its admission month (summaries), so it lasted no longer.
    return stay.admitted_on if stay.status == PlacementStatus.DISCHARGED else datetime.date.max


def _same_stay(one: Placement, other: Placement) -> bool:
    """At the same LKS and overlapping in time: one stay recorded twice (when both are active, or both ended; see
    duplicate_merge_plan for one of each)."""
    return (
        one.organisation_id == other.organisation_id
        and one.admitted_on <= _stay_end(other)
        and other.admitted_on <= _stay_end(one)
    )


def duplicate_merge_plan(*, kept: Person, retired: Person) -> MergePlan:
    """What merging `retired` into `kept` would do, and what stops it (no scope check: see duplicate_merge_plans)."""
    problems = []
    if kept.erased_at is not None or retired.erased_at is not None:
        problems.append(_("Salah satu data sudah dihapus; data yang dihapus tidak dapat digabungkan."))
    if kept.merged_into_id is not None or retired.merged_into_id is not None:
        problems.append(_("Salah satu data sudah digabungkan ke data lain."))
    if kept.nik_hash and retired.nik_hash and kept.nik_hash != retired.nik_hash:
        problems.append(
            _(
                "Kedua data memiliki NIK berbeda (%(kept)s dan %(retired)s): perbaiki NIK yang salah dulu, lalu "
                "gabungkan."
            )
            % {"kept": kept.nik_masked, "retired": retired.nik_masked}
        )
    if kept.birth_date and retired.birth_date and kept.birth_date != retired.birth_date:
        problems.append(
            _(
                "Kedua data memiliki tanggal lahir berbeda (%(kept)s dan %(retired)s): minta LKS memperbaiki tanggal "
                "lahir yang salah dulu, lalu gabungkan."
            )
            % {"kept": shown(kept.birth_date), "retired": shown(retired.birth_date)}
        )
    if kept.sex != retired.sex:
        problems.append(
            _("Kedua data memiliki jenis kelamin berbeda: minta LKS memperbaiki yang salah dulu, lalu gabungkan.")
        )
    stays = Placement.objects.select_related("organisation", "ppks_category").order_by("admitted_on", "pk")
    kept_stays = list(stays.filter(person=kept))
    moved, doubles = [], []
    for stay in stays.filter(person=retired):
        repeated = next((own for own in kept_stays if _same_stay(stay, own)), None)
        if repeated is None:
            moved.append(stay)
        elif (stay.status == PlacementStatus.ACTIVE) == (repeated.status == PlacementStatus.ACTIVE):
            doubles.append((stay, repeated))
        else:
            # One still served, one ended, over the same days: which is right is for the LKS to say, not a merge
            # to guess (removing the active one would leave the child served nowhere).
            active, ended = (stay, repeated) if stay.status == PlacementStatus.ACTIVE else (repeated, stay)
            problems.append(
                _(
                    "Di %(lks)s, satu data masih dilayani sejak %(admitted)s, sedangkan data lainnya sudah keluar "
                    "pada %(left)s, pada hari-hari yang sama. Minta LKS memperbaiki penempatan yang salah dulu "
                    "(Perbaiki data penempatan, atau catat keluarnya), lalu gabungkan."
                )
                % {
                    "lks": stay.organisation.name,
                    "admitted": shown(active.admitted_on),
                    "left": shown(ended.discharged_on or ended.admitted_on),
                }
            )
    serving = {
        s.organisation_id: s.organisation.name for s in [*kept_stays, *moved] if s.status == PlacementStatus.ACTIVE
    }
    if len(serving) > 1:
        # A client is located at one LKS, which is who sees and lists them: one record served at two would be cut off
        # from one of them. A child is in one home at a time; the other stay ends first (or is a referral).
        problems.append(
            _(
                "Kedua data masih dilayani aktif di LKS yang berbeda (%(lks)s). Minta salah satu LKS mencatat "
                "keluarnya atau merujuknya dulu, lalu gabungkan."
            )
            % {"lks": ", ".join(sorted(serving.values()))}
        )
    nik_hash = kept.nik_hash or retired.nik_hash
    if len(serving) == 1 and nik_hash:
        # The kept record will carry this NIK at that LKS (its own, or the retired one's taken over): one NIK is
        # served once at an LKS, as admissions, imports and transfers keep it (the thirty-seventh review found a
        # merge putting it on a second record there, the child counted twice).
        ((lks_pk, lks_name),) = serving.items()
        others = Placement.objects.filter(
            organisation_id=lks_pk, status=PlacementStatus.ACTIVE, person__nik_hash=nik_hash
        ).exclude(person_id__in=[kept.pk, retired.pk])
        if others.exists():
            problems.append(
                _(
                    "Setelah digabungkan, data ini memakai NIK %(nik)s, yang sudah terdaftar aktif di %(lks)s pada "
                    "data lain. Gabungkan dulu data itu dengan salah satu dari keduanya (kandidat data ganda dengan "
                    "NIK yang sama), lalu gabungkan yang ini."
                )
                % {"nik": kept.nik_masked or retired.nik_masked, "lks": lks_name}
            )
    return MergePlan(
        kept=kept,
        retired=retired,
        moved=moved,
        doubles=doubles,
        filled=merge_fills(kept, retired),
        problems=problems,
    )


def duplicate_merge_default_keep(candidate: DuplicateCandidate) -> Person:
    """The record a board is offered to keep: the one with a NIK, else the one registered first."""
    one, other = candidate.person, candidate.other
    if bool(one.nik_hash) != bool(other.nik_hash):
        return one if one.nik_hash else other
    return min(one, other, key=lambda person: (person.created_at, person.pk))


def duplicate_merge_plans(*, actor: "User", candidate: DuplicateCandidate) -> dict[int, MergePlan]:
    """For a candidate the actor decides: the plan for keeping each of its two records, by the kept record's id."""
    if not duplicate_candidates(actor=actor, status=None).filter(pk=candidate.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang memeriksa kandidat data ganda ini."))
    one, other = candidate.person, candidate.other
    return {
        one.pk: duplicate_merge_plan(kept=one, retired=other),
        other.pk: duplicate_merge_plan(kept=other, retired=one),
    }
