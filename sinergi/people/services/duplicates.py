"""Possible duplicates: the same NIK active elsewhere or a close match, flagged for the board, and its decision."""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, restrict
from sinergi.core.errors import PermissionDenied, TransitionError
from sinergi.core.models import HousekeepingRun
from sinergi.organisations.models import Organisation

from ..choices import AccessPurpose, DuplicateReason, DuplicateStatus, PlacementStatus
from ..models import AdmissionClock, DuplicateCandidate, Person, Placement
from ._common import _audit

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def _nik_active_at(nik_hash: str, organisation: Organisation, *, exclude_pk: int | None) -> bool:
    if not nik_hash:
        return False
    placements = Placement.objects.filter(
        person__nik_hash=nik_hash, organisation=organisation, status=PlacementStatus.ACTIVE
    )
    if exclude_pk:
        placements = placements.exclude(person_id=exclude_pk)
    return placements.exists()


def _flag_duplicates(*, actor: "User | SystemActor", person: Person, request: HttpRequest | None) -> int:
    """Records candidates for the board of the person's kabupaten/kota; returns how many new ones were flagged."""
    found: dict[int, str] = {}
    if person.nik_hash:
        # Anyone else with this NIK, served now or before: one NIK is one human, and two records of them are for
        # the board to link (a NIK corrected onto someone discharged long ago included).
        same_nik = (
            Person.objects.current()
            .filter(nik_hash=person.nik_hash)
            .exclude(pk=person.pk)
            .values_list("pk", flat=True)[:50]
        )
        found.update(dict.fromkeys(same_nik, DuplicateReason.SAME_NIK_OTHER_LKS))
    if person.match_key:
        close = (
            Person.objects.current()
            .filter(match_key=person.match_key)
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


# Serialises the sweeps below on PostgreSQL, so that two imports sweeping at once do not record one pair twice, once
# in each direction (SQLite's write transactions are serial already).
SWEEP_LOCK_KEY = 0x53494E4552474931  # "SINERGI1"
SWEEP_CHUNK = 2000


def admission_clock() -> int:
    """The admission clock now (see AdmissionClock)."""
    return AdmissionClock.objects.filter(pk=1).values_list("ticks", flat=True).first() or 0


def admission_clock_advance() -> int:
    """Advances the clock by one, in a transaction of its own, and returns it. Called after an admission commits."""
    with transaction.atomic():
        if not AdmissionClock.objects.filter(pk=1).update(ticks=F("ticks") + 1):
            try:
                with transaction.atomic():
                    AdmissionClock.objects.create(pk=1, ticks=1)
            except IntegrityError:  # created at the same moment by another admission
                AdmissionClock.objects.filter(pk=1).update(ticks=F("ticks") + 1)
        return admission_clock()


def admissions_committed(*, actor: "User | SystemActor", person_ids: Iterable[int], clock_before: int | None) -> int:
    """After the commit of a write that admitted people: advances the clock, then looks again for "same NIK active
    elsewhere" candidates when someone else admitted people since `clock_before` (the clock read before the
    write's check; None: always, for a form's one person, which costs a query). Returns how many it recorded.

    Why this is enough: of two admissions that could not see each other, each advances the clock after its commit
    and reads it after its advance, so at least one of them reads the other's advance, and looks again after the
    other's commit."""
    clock_after = admission_clock_advance()
    if clock_before is not None and clock_after - clock_before <= 1:
        return 0
    return duplicates_flag_missed(actor=actor, person_ids=person_ids)


def duplicates_flag_missed(*, actor: "User | SystemActor", person_ids: Iterable[int]) -> int:
    """Records the "same NIK active elsewhere" candidates that a bulk write could not see, and returns how many.

    An import checks its rows against what is committed when it checks. Two imports of the same people into
    different LKS, running at once, each write before the other commits, so neither sees the other's people (their
    LKS are different, so nothing makes one wait for the other). Run after the import's commit, this looks again:
    whichever of the two commits last finds the other's people, which are committed by then. The rule is the
    import's: anyone else with the NIK, not erased, with an active stay at another LKS; a pair already recorded, in
    either direction, is not recorded again (nor one the board has decided on)."""
    return len(_record_missed(actor=actor, pairs=_missed_pairs(person_ids)))


# Its name among the steps of the hourly run whose last success is kept (core.HousekeepingRun).
BACKSTOP = "people.duplicates_recheck_recent"


def duplicates_recheck_recent(*, hours: int = 48) -> list[int]:
    """The hourly backstop (send_reminders): looks again for everyone registered or changed since its last
    successful run, and in the last `hours` at least, in case a look-again after a commit did not run (its process
    died, or it failed and was only logged). Returns the ids of the candidates it recorded.

    Back to its last success, not a fixed window: after an outage of the hourly run longer than `hours` (a server
    down for a week, often in the same crash that killed a look-again) the pairs written before it would otherwise
    never be flagged. The `hours` stay the least: a write's transaction still open when a run starts is not seen by
    that run, though its rows are dated before it."""
    from sinergi.core.actors import SystemActor

    started = timezone.now()
    since = started - datetime.timedelta(hours=hours)
    last = HousekeepingRun.objects.filter(name=BACKSTOP).values_list("succeeded_at", flat=True).first()
    if last is not None:
        since = min(since, last)
    recent = Person.objects.filter(Q(created_at__gte=since) | Q(updated_at__gte=since))
    recorded = _record_missed(actor=SystemActor(), pairs=_pairs_among(recent))
    HousekeepingRun.objects.update_or_create(name=BACKSTOP, defaults={"succeeded_at": started})
    return recorded


def _missed_pairs(person_ids: Iterable[int]) -> list[tuple[int, int]]:
    ids = sorted(set(person_ids))
    step = SWEEP_CHUNK * 10 if connection.vendor == "postgresql" else SWEEP_CHUNK
    found: list[tuple[int, int]] = []
    for start in range(0, len(ids), step):
        found += _pairs_among(Person.objects.filter(pk__in=ids[start : start + step]))
    return found


def _pairs_among(people) -> list[tuple[int, int]]:
    """(one of `people`, someone else with their NIK, not erased or merged, with an active stay, at another LKS)."""
    someone_else = Person.objects.current().filter(nik_hash=OuterRef("nik_hash")).exclude(pk=OuterRef("pk"))
    # The NIKs of these people that someone else has too: nearly always none, found by the NIK index.
    shared = set(people.current().exclude(nik_hash="").filter(Exists(someone_else)).values_list("nik_hash", flat=True))
    if not shared:
        return []
    holders = Person.objects.current().filter(nik_hash__in=shared)
    active = set(holders.filter(placements__status=PlacementStatus.ACTIVE).values_list("pk", flat=True))
    selected = set(people.filter(nik_hash__in=shared).values_list("pk", flat=True))
    by_hash: dict[str, list[tuple[int, int]]] = {}
    for pk, nik_hash, lks in holders.values_list("pk", "nik_hash", "organisation_id"):
        by_hash.setdefault(nik_hash, []).append((pk, lks))
    return [
        (own, other)
        for same in by_hash.values()
        for own, own_lks in same
        if own in selected
        for other, other_lks in same
        if other in active and other_lks != own_lks
    ]


@transaction.atomic
def _record_missed(*, actor: "User | SystemActor", pairs: list[tuple[int, int]]) -> list[int]:
    if not pairs:
        return []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A form's look-again runs in its web request, whose lock waits are bounded (core.busy): this short
            # wait for another sweep must not lose the candidates.
            cursor.execute("SET LOCAL lock_timeout = 0")
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SWEEP_LOCK_KEY])
    involved = {pk for pair in pairs for pk in pair}
    known = set(
        DuplicateCandidate.objects.filter(person_id__in=involved, other_id__in=involved).values_list(
            "person_id", "other_id"
        )
    )
    people = {
        p.pk: p
        for p in Person.objects.filter(pk__in={mine for mine, _other in pairs}).only(
            "pk", "province_code", "regency_code"
        )
    }
    created: list[int] = []
    for mine, other in sorted(pairs):
        if (mine, other) in known or (other, mine) in known:
            continue
        person = people[mine]
        candidate = DuplicateCandidate.objects.create(
            person_id=mine,
            other_id=other,
            reason=DuplicateReason.SAME_NIK_OTHER_LKS,
            province_code=person.province_code,
            regency_code=person.regency_code,
        )
        known.add((mine, other))
        _audit(
            actor=actor,
            action="people.duplicate.flagged",
            obj=candidate,
            data={"person": mine, "other": other, "reason": DuplicateReason.SAME_NIK_OTHER_LKS, "late": True},
        )
        created.append(candidate.pk)
    return created


def _duplicate_warning() -> str:
    # Deliberately says nothing about where or whom: the operator may not learn another LKS's clients.
    return _(
        "Data ini mungkin sama dengan data lain di Sinergi. Pengurus LKKKS kabupaten/kota akan memeriksanya; "
        "pelayanan tetap dapat berjalan seperti biasa."
    )


@transaction.atomic
def duplicate_resolve(
    *, actor: "User", candidate: DuplicateCandidate, same_person: bool, request: HttpRequest | None = None
) -> DuplicateCandidate:
    """A board decides two different people (dismissed). The same human is one record: duplicate_merge, never a bare
    link (which left the client counted twice), so `same_person=True` is refused."""
    visible = restrict(DuplicateCandidate.objects.filter(pk=candidate.pk), actor=actor, action=Action.DUPLICATE_RESOLVE)
    if not visible.exists():
        raise PermissionDenied(_("Anda tidak berwenang memutuskan kandidat data ganda ini."))
    if same_person:
        raise TransitionError(_("Orang yang sama digabungkan menjadi satu data di halaman penggabungan."))
    current = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    if current.status != DuplicateStatus.OPEN:
        raise TransitionError(_("Kandidat data ganda ini sudah diputuskan."))
    candidate_decided(actor=actor, candidate=current, status=DuplicateStatus.DISMISSED, request=request)
    return current


def candidate_decided(
    *,
    actor: "User | SystemActor",
    candidate: DuplicateCandidate,
    status: str,
    request: HttpRequest | None = None,
    **data,
) -> None:
    """Records a decision on a candidate (`status`, or OPEN to ask again) and its audit event ("resolved", or
    "reopened"): dismissed here, linked by a merge (services.merges), opened again by the upgrade's sweep."""
    before = candidate.status
    decided = status != DuplicateStatus.OPEN
    candidate.status = status
    candidate.resolved_at = timezone.now() if decided else None
    candidate.resolved_by = actor if decided and getattr(actor, "is_authenticated", False) else None
    candidate.save(update_fields=["status", "resolved_at", "resolved_by"])
    _audit(
        actor=actor,
        action="people.duplicate.resolved" if decided else "people.duplicate.reopened",
        obj=candidate,
        changes={"status": [before, status]},
        data={"person": candidate.person_id, "other": candidate.other_id, **data},
        purpose=AccessPurpose.DUPLICATE if decided else "",
        request=request,
    )


def duplicates_sweep_all(*, actor: "SystemActor") -> tuple[int, int]:
    """Looks for possible duplicates among everyone stored, as the form looks for one person's (_flag_duplicates:
    the same NIK, served now or before, or a close match), and records those not recorded yet, in either direction,
    nor decided; and opens again the pairs a board linked as the same person before links became merges, whose two
    records both remain, for the board to merge. Returns (recorded, opened again). For an upgrade: records stored
    before a rule widened (the same NIK of someone discharged, 2026-12-03) or before their match key was recomputed
    (non-Latin names) were never looked at again. Only people sharing a NIK hash or a match key with someone are
    visited, found by two grouped queries."""
    reopened = _links_reopened(actor)
    current = Person.objects.current()
    shared_niks = (
        current.exclude(nik_hash="").values("nik_hash").annotate(n=Count("pk")).filter(n__gt=1).values("nik_hash")
    )
    shared_keys = (
        current.exclude(match_key="").values("match_key").annotate(n=Count("pk")).filter(n__gt=1).values("match_key")
    )
    visited = current.filter(Q(nik_hash__in=shared_niks) | Q(match_key__in=shared_keys)).order_by("pk")
    created = 0
    for person in visited.iterator(chunk_size=SWEEP_CHUNK):
        with transaction.atomic():
            created += _flag_duplicates(actor=actor, person=person, request=None)
    return created, reopened


@transaction.atomic
def _links_reopened(actor: "SystemActor") -> int:
    current = Person.objects.current()
    linked = DuplicateCandidate.objects.select_for_update().filter(
        status=DuplicateStatus.LINKED, person__in=current, other__in=current
    )
    reopened = 0
    for candidate in linked.order_by("pk"):
        candidate_decided(actor=actor, candidate=candidate, status=DuplicateStatus.OPEN)
        reopened += 1
    return reopened
