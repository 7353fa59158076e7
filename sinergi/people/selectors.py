"""Reads of clients and workers; every one is scoped through accounts.scope.restrict.

Two rules on top of scope hold everywhere: an erased person is gone from every read, and a restricted person is
visible only to those who handle data-subject requests (province administrators).

Access logging: `person_get` does not log, because views also use it for forms and POST handlers. A view that
shows a person's detail calls `access.person_access_record(what="viewed", purpose=session_purpose(request))`
itself (after asking for the purpose when there is none). Selectors that reveal more than the view asked for —
`person_full_nik`, `duplicate_summary_for` — log by themselves.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, restrict, roles_of
from sinergi.core.crypto import decrypt
from sinergi.core.errors import PermissionDenied
from sinergi.core.params import as_id
from sinergi.vocabularies.models import Term

from .access import person_access_record, purpose_for
from .choices import ALLOWED_STAGE_TRANSITIONS, AccessPurpose, CaseStage, DuplicateStatus, PlacementStatus, WorkerRole
from .filters import REVIEW_SOON_DAYS, PersonFilterSet, WorkerFilterSet
from .models import Consent, DuplicateCandidate, Incident, Person, PersonAccess, Placement, Worker, WorkerAccess
from .services.rules import match_key_text

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def handles_subject_requests(actor: "User | SystemActor | None") -> bool:
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return True
    return bool(roles_of(actor) & ACTION_ROLES[Action.SUBJECT_REQUEST])


def _visible_people(queryset: QuerySet[Person], *, actor: "User | SystemActor", action: str) -> QuerySet[Person]:
    """`queryset` restricted to `actor`, without erased or merged people, and without restricted ones unless the
    actor handles subject requests for them."""
    queryset = restrict(queryset.current(), actor=actor, action=action)
    if not handles_subject_requests(actor):
        return queryset.filter(is_restricted=False)
    administered = restrict(Person.objects.filter(is_restricted=True), actor=actor, action=Action.SUBJECT_REQUEST)
    return queryset.filter(Q(is_restricted=False) | Q(pk__in=administered.values("pk")))


def _visible_placements(queryset: QuerySet[Placement], *, actor: "User", action: str) -> QuerySet[Placement]:
    queryset = restrict(queryset.filter(person__erased_at__isnull=True), actor=actor, action=action)
    if not handles_subject_requests(actor):
        return queryset.filter(person__is_restricted=False)
    administered = restrict(Person.objects.filter(is_restricted=True), actor=actor, action=Action.SUBJECT_REQUEST)
    return queryset.filter(Q(person__is_restricted=False) | Q(person_id__in=administered.values("pk")))


def person_base_queryset() -> QuerySet[Person]:
    return Person.objects.select_related("organisation", "origin_region").prefetch_related("ppks_categories")


def person_list(
    *, actor: "User | SystemActor", filters: dict | None = None, action: str = Action.PERSON_VIEW
) -> PersonFilterSet:
    """Clients `actor` may see, filtered; returns the bound filter set (its .qs is the result)."""
    queryset = _visible_people(person_base_queryset(), actor=actor, action=action).order_by("full_name", "pk")
    placements = restrict(Placement.objects.all(), actor=actor, action=action)
    return PersonFilterSet(filters or {}, queryset=queryset, placements=placements)


def person_get(*, actor: "User", pk, action: str = Action.PERSON_VIEW) -> Person:
    """One client, or 404 when it does not exist, is outside scope, erased, or restricted (no existence leak).
    Does not log: the view records the access (see the module docstring)."""
    if not (pk := as_id(pk)):  # an address edited by hand ("/clients/abc/") is a record that does not exist
        raise Http404
    return get_object_or_404(_visible_people(person_base_queryset(), actor=actor, action=action), pk=pk)


def consent_get(*, actor: "User", pk) -> Consent:
    """One consent record of a client `actor` may see (404 otherwise, as the client's page)."""
    consent = get_object_or_404(Consent.objects.select_related("person"), pk=pk)
    person_get(actor=actor, pk=consent.person_id)
    return consent


def person_merged_into(*, actor: "User", pk) -> Person | None:
    """The record a merged record was merged into, when `actor` may see that one; else None (the caller's 404)."""
    kept_id = Person.objects.filter(pk=pk, merged_into__isnull=False).values_list("merged_into", flat=True).first()
    if kept_id is None:
        return None
    return _visible_people(Person.objects.all(), actor=actor, action=Action.PERSON_VIEW).filter(pk=kept_id).first()


def person_full_nik_allowed(*, actor: "User", person: Person) -> bool:
    """Whether `actor` may be shown this person's full NIK: the LKS operator of the person's own LKS only
    (docs/privacy.md). A superuser, who may do everything else, is no exception unless they hold that role there:
    running the server is no reason to read a child's number."""
    if getattr(actor, "is_superuser", False):
        return any(
            membership.role in ACTION_ROLES[Action.PERSON_FULL_NIK]
            and membership.organisation_id == person.organisation_id
            for membership in active_memberships(actor)
        )
    return _visible_people(Person.objects.filter(pk=person.pk), actor=actor, action=Action.PERSON_FULL_NIK).exists()


def person_full_nik(*, actor: "User", person: Person, request: HttpRequest | None = None) -> str:
    """The full NIK, only for the LKS operator of the person's LKS on an explicit "show" action; logged."""
    if not person_full_nik_allowed(actor=actor, person=person):
        raise PermissionDenied(_("Anda tidak berwenang melihat NIK lengkap orang ini."))
    nik = decrypt(Person.objects.values_list("nik_encrypted", flat=True).get(pk=person.pk))
    if nik:
        person_access_record(
            actor=actor, person=person, what="viewed_full_nik", purpose=purpose_for(request), request=request
        )
    return nik


def placement_list(
    *, actor: "User", filters: dict | None = None, action: str = Action.PERSON_VIEW
) -> QuerySet[Placement]:
    """Placements `actor` may see. Filters (all optional): status, organisation, person, ppks_category (code),
    setting, stage."""
    queryset = _visible_placements(
        Placement.objects.select_related("organisation", "ppks_category"), actor=actor, action=action
    )
    filters = filters or {}
    for key, lookup in (
        ("status", "status"),
        ("organisation", "organisation_id"),
        ("person", "person_id"),
        ("ppks_category", "ppks_category__code"),
        ("setting", "setting"),
        ("stage", "stage"),
    ):
        value = filters.get(key)
        if value not in (None, ""):
            queryset = queryset.filter(**{lookup: value})
    return queryset


def reviews_due(*, actor: "User", within_days: int = 14) -> QuerySet[Placement]:
    """Active placements whose care-plan review is overdue or due within `within_days`, most urgent first."""
    limit = timezone.localdate() + datetime.timedelta(days=within_days)
    return (
        placement_list(actor=actor)
        .filter(status=PlacementStatus.ACTIVE, next_review_on__isnull=False, next_review_on__lte=limit)
        .order_by("next_review_on", "pk")
    )


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
            % {"kept": kept.birth_date.strftime("%d-%m-%Y"), "retired": retired.birth_date.strftime("%d-%m-%Y")}
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
                    "admitted": active.admitted_on.strftime("%d-%m-%Y"),
                    "left": (ended.discharged_on or ended.admitted_on).strftime("%d-%m-%Y"),
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


def incident_list(*, actor: "User") -> QuerySet[Incident]:
    """Incidents the actor may see (LKS, boards, province, Dinas Sosial of the area), newest first. Incidents of
    restricted persons stay visible: the safety of a child outweighs the restriction."""
    return restrict(
        Incident.objects.select_related("organisation", "person").filter(person__erased_at__isnull=True),
        actor=actor,
        action=Action.INCIDENT_VIEW,
    ).order_by("-reported_at", "-pk")


def worker_list(
    *, actor: "User | SystemActor", filters: dict | None = None, action: str = Action.PERSON_VIEW
) -> WorkerFilterSet:
    """Workers `actor` may see, filtered; returns the bound filter set."""
    queryset = restrict(
        Worker.objects.select_related("organisation", "psks_category"), actor=actor, action=action
    ).order_by("full_name", "pk")
    return WorkerFilterSet(filters or {}, queryset=queryset)


def worker_get(*, actor: "User", pk, action: str = Action.PERSON_VIEW) -> Worker:
    """One worker, or 404 outside scope."""
    return get_object_or_404(worker_list(actor=actor, action=action).qs, pk=pk)


def person_accesses(*, actor: "User", person: Person) -> QuerySet[PersonAccess]:
    """A person's access history, for those allowed to see the person; empty for everyone else."""
    if not _visible_people(Person.objects.filter(pk=person.pk), actor=actor, action=Action.PERSON_VIEW).exists():
        return PersonAccess.objects.none()
    return PersonAccess.objects.filter(person=person).order_by("-occurred_at", "-pk")


def worker_accesses(*, actor: "User", worker: Worker) -> QuerySet[WorkerAccess]:
    """A worker's access history, for those allowed to see the worker; empty for everyone else."""
    if not worker_list(actor=actor).qs.filter(pk=worker.pk).exists():
        return WorkerAccess.objects.none()
    return WorkerAccess.objects.filter(worker=worker).order_by("-occurred_at", "-pk")


def stored_hash_sample() -> tuple[str, str] | None:
    """A value stored with its keyed hash, for crypto.hash_key_verify to compare the hash key with before it records
    its fingerprint: the NIK of the latest client (else worker) stored with one, else the latest client's match key
    (people without NIK have one too). None when nothing is stored. When the field keys do not open the NIK
    (sinergi.E003 says so), the match key is compared instead: a None there would record the hash key in use
    unverified (the fifty-sixth review)."""
    for model in (Person, Worker):
        stored = model.objects.exclude(nik_hash="").exclude(nik_encrypted="").order_by("-pk")
        if row := stored.values_list("nik_encrypted", "nik_hash").first():
            try:
                return decrypt(row[0]), row[1]
            except ValueError:
                break
    keyed = Person.objects.exclude(match_key="").order_by("-pk")
    if person := keyed.values("full_name", "birth_date", "mother_name", "match_key").first():
        return match_key_text(
            full_name=person["full_name"], birth_date=person["birth_date"], mother_name=person["mother_name"]
        ), person["match_key"]
    return None


def lks_profile_section(organisation) -> tuple[str, list[tuple[str, Any]]]:
    """An LKS profile's figures of its people now: clients in care by PPKS category, how full it is, and workers
    serving by role (counts only: no one is named). Registered with organisations.reports by this app."""
    today = timezone.localdate()
    active = Placement.objects.filter(organisation=organisation, status=PlacementStatus.ACTIVE)
    per_category = dict(
        active.order_by().values("ppks_category").annotate(n=Count("pk")).values_list("ppks_category", "n")
    )
    labels = {term.pk: term.label for term in Term.objects.filter(pk__in=per_category)}
    in_care = sum(per_category.values())
    categories = ", ".join(
        f"{labels[pk]} {number_format(count, force_grouping=True)}"
        for pk, count in sorted(per_category.items(), key=lambda item: (-item[1], labels[item[0]]))
    )
    serving = Worker.objects.filter(organisation=organisation).exclude(ended_on__isnull=False, ended_on__lte=today)
    per_role = dict(serving.order_by().values("role").annotate(n=Count("pk")).values_list("role", "n"))
    role_counts = sorted(
        ((str(WorkerRole(role).label), count) for role, count in per_role.items()), key=lambda rc: (-rc[1], rc[0])
    )
    roles = ", ".join(f"{label} {count}" for label, count in role_counts)  # most first, as the categories
    capacity = organisation.capacity
    # Numbers as the rest of the report prints them (1.300, not 1300).
    filled = (
        _("%(in_care)s dari %(capacity)s (%(percent)s%%)")
        % {
            "in_care": number_format(in_care, force_grouping=True),
            "capacity": number_format(capacity, force_grouping=True),
            "percent": number_format(round(100 * in_care / capacity), force_grouping=True),
        }
        if capacity
        else ""
    )
    if capacity and in_care > capacity:
        filled = _("%(filled)s, melebihi kapasitas") % {"filled": filled}
    shown = number_format(in_care, force_grouping=True)
    serving_count = number_format(sum(per_role.values()), force_grouping=True)
    facts = [
        (_("Penerima layanan aktif"), f"{shown} ({categories})" if categories else shown),
        (_("Kapasitas terisi"), filled),
        # Every role counts (volunteers and board officers too): "workers", not "social workers".
        (_("Pekerja yang bertugas"), f"{serving_count} ({roles})" if roles else serving_count),
    ]
    return _("Layanan saat ini (%(date)s)") % {"date": today.strftime("%d-%m-%Y")}, facts


def placement_next_stage(placement: Placement) -> str | None:
    """The SNPA stage a stay's case may be advanced to by hand, or None: termination is set by the discharge."""
    following = ALLOWED_STAGE_TRANSITIONS.get(placement.stage, set()) if placement.stage else set()
    return min((stage for stage in following if stage != CaseStage.TERMINATION), default=None)


def placement_review_window(placement: Placement, *, today: datetime.date) -> tuple[bool, bool]:
    """(overdue, soon): whether the care plan's review date has passed, or comes within REVIEW_SOON_DAYS (the
    reviews-due page's window)."""
    due = placement.next_review_on
    overdue = bool(due and due < today)
    soon = bool(due and not overdue and due <= today + datetime.timedelta(days=REVIEW_SOON_DAYS))
    return overdue, soon


@dataclass(frozen=True)
class RevisionChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RevisionRow:
    """One correction of a client's identifying fields, read back: when, by whom, each field before and after."""

    changed_at: datetime.datetime
    actor_name: str
    changes: list[RevisionChange]


def person_revisions(*, person: Person) -> list[RevisionRow]:
    """The values corrections replaced in a person's identifying fields (PersonRevision), newest first, NIK and KK
    masked as everywhere else. Callers check that the reader may change the record (or is answering the person's
    own access request)."""
    import json

    from sinergi.core.crypto import mask_identity_number

    from .models import PersonRevision

    labels = {"nik": "NIK", "kk": _("Nomor KK")}
    rows = []
    for revision in PersonRevision.objects.filter(person=person).order_by("-changed_at", "-id"):
        values = json.loads(decrypt(revision.values_encrypted))
        changes = []
        for name in sorted(values):
            before, after = values[name]
            if name in ("nik", "kk"):
                before, after = mask_identity_number(before), mask_identity_number(after)
            label = labels.get(name) or str(Person._meta.get_field(name).verbose_name)
            changes.append(RevisionChange(label=label, before=before or "—", after=after or "—"))
        rows.append(RevisionRow(changed_at=revision.changed_at, actor_name=revision.actor_name, changes=changes))
    return rows
