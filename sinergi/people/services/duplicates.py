"""Possible duplicates: the same NIK active elsewhere or a close match, flagged for the board, and its decision."""

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, restrict
from sinergi.core.errors import PermissionDenied, TransitionError
from sinergi.organisations.models import Organisation

from ..choices import AccessPurpose, DuplicateReason, DuplicateStatus, PlacementStatus
from ..models import DuplicateCandidate, Person, Placement
from ._common import _audit


def _nik_active_at(nik_hash: str, organisation: Organisation, *, exclude_pk: int | None) -> bool:
    if not nik_hash:
        return False
    placements = Placement.objects.filter(
        person__nik_hash=nik_hash, organisation=organisation, status=PlacementStatus.ACTIVE
    )
    if exclude_pk:
        placements = placements.exclude(person_id=exclude_pk)
    return placements.exists()


def _flag_duplicates(*, actor, person: Person, request: HttpRequest | None) -> int:
    """Records candidates for the board of the person's kabupaten/kota; returns how many new ones were flagged."""
    found: dict[int, str] = {}
    if person.nik_hash:
        # Anyone else with this NIK, served now or before: one NIK is one human, and two records of them are for
        # the board to link (a NIK corrected onto someone discharged long ago included).
        same_nik = (
            Person.objects.filter(nik_hash=person.nik_hash, erased_at__isnull=True)
            .exclude(pk=person.pk)
            .values_list("pk", flat=True)[:50]
        )
        found.update(dict.fromkeys(same_nik, DuplicateReason.SAME_NIK_OTHER_LKS))
    if person.match_key:
        close = (
            Person.objects.filter(match_key=person.match_key, erased_at__isnull=True)
            .exclude(pk=person.pk)
            .values_list("pk", flat=True)[:50]
        )
        for other_id in close:
            found.setdefault(other_id, DuplicateReason.CLOSE_MATCH)
    if not found:
        return 0
    already = set(
        DuplicateCandidate.objects.filter(
            Q(person=person, other_id__in=found) | Q(other=person, person_id__in=found)
        ).values_list("person_id", "other_id")
    )
    known = {pk for pair in already for pk in pair} - {person.pk}
    created = 0
    for other_id, reason in sorted(found.items()):
        if other_id in known:
            continue
        candidate = DuplicateCandidate.objects.create(
            person=person,
            other_id=other_id,
            reason=reason,
            province_code=person.province_code,
            regency_code=person.regency_code,
        )
        _audit(
            actor=actor,
            action="people.duplicate.flagged",
            obj=candidate,
            data={"person": person.pk, "other": other_id, "reason": reason},
            request=request,
        )
        created += 1
    return created


def _duplicate_warning(count: int) -> str:
    # Deliberately says nothing about where or whom: the operator may not learn another LKS's clients.
    return _(
        "Data ini mungkin sama dengan data lain di Sinergi. Pengurus LKKKS kabupaten/kota akan memeriksanya; "
        "pelayanan tetap dapat berjalan seperti biasa."
    )


@transaction.atomic
def duplicate_resolve(
    *, actor, candidate: DuplicateCandidate, same_person: bool, request: HttpRequest | None = None
) -> DuplicateCandidate:
    """A board decides: the same human (linked) or two different people (dismissed)."""
    visible = restrict(DuplicateCandidate.objects.filter(pk=candidate.pk), actor=actor, action=Action.DUPLICATE_RESOLVE)
    if not visible.exists():
        raise PermissionDenied(_("Anda tidak berwenang memutuskan kandidat data ganda ini."))
    current = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    if current.status != DuplicateStatus.OPEN:
        raise TransitionError(_("Kandidat data ganda ini sudah diputuskan."))
    current.status = DuplicateStatus.LINKED if same_person else DuplicateStatus.DISMISSED
    current.resolved_at = timezone.now()
    current.resolved_by = actor
    current.save(update_fields=["status", "resolved_at", "resolved_by"])
    _audit(
        actor=actor,
        action="people.duplicate.resolved",
        obj=current,
        changes={"status": [DuplicateStatus.OPEN, current.status]},
        data={"person": current.person_id, "other": current.other_id},
        purpose=AccessPurpose.DUPLICATE,
        request=request,
    )
    return current
