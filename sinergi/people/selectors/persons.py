"""Reads of clients: who may see a person at all (scope, erased, merged, restricted), one client or the list,
a consent, the full NIK (logged), the access history and the corrections read back. The visibility rules live here
and the sibling modules take them from here."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, restrict, roles_of
from sinergi.core.crypto import decrypt
from sinergi.core.errors import PermissionDenied
from sinergi.core.params import as_id

from ..access import person_access_record, purpose_for
from ..filters import PersonFilterSet
from ..models import Consent, Person, PersonAccess, Placement

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


def person_accesses(*, actor: "User", person: Person) -> QuerySet[PersonAccess]:
    """A person's access history, for those allowed to see the person; empty for everyone else."""
    if not _visible_people(Person.objects.filter(pk=person.pk), actor=actor, action=Action.PERSON_VIEW).exists():
        return PersonAccess.objects.none()
    return PersonAccess.objects.filter(person=person).order_by("-occurred_at", "-pk")


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

    from ..models import PersonRevision

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
