"""The write's start (before_write, save) and what it does before it writes: the locks on the LKS and people the
file writes at, in id order, and the check that the new clients are still new (nobody admitted them meanwhile)."""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.core.errors import ConflictError
from sinergi.exchange.columns import ImportContext, RowPlan
from sinergi.exchange.dbwrite import sqlite_bulk_cache

from ....choices import PlacementStatus
from ....models import Person, Placement
from ...common import lks_lock, match_name
from ..checks import _parts_agree
from ..messages import _rows_and_count
from ..state import MOTHER_AT, ClientsState, KnownPlacement, NewClient, _state

RECHECK_CHUNK = 2000  # NIK hashes (or people) per query of _check_still_new


class ClientWriteSave:
    """The write's start: locks, then the new clients checked as still new, then the writes in order."""

    # ------------------------------------------------------------------ import: writing
    def before_write(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        # Every LKS and person the whole file writes at, before its first batch: taken batch by batch, a later batch
        # took an LKS of a lower id after a higher one, and a transfer between the two (id order) deadlocked with
        # the import (the forty-third review). (A file written while it is checked, on PostgreSQL, locks per batch.)
        self._lock_written(plans, _state(ctx))

    def save(self, plans: list[RowPlan], ctx: ImportContext) -> None:
        state = _state(ctx)
        creates: list[NewClient] = [p.obj for p in plans if p.action == "create"]
        updates: list[KnownPlacement] = [p.obj for p in plans if p.action == "update"]
        self._lock_written(plans, state)
        if creates:
            # What others admitted at these LKS since this batch was checked (the LKS are locked now).
            self._check_still_new(state, creates)
            self._insert(creates, ctx, state)
        discharges = [u for u in updates if u.discharged_on is not None]
        if discharges:
            self._discharge(discharges, ctx, state)
        corrections = [u for u in updates if u.person_data]
        if corrections:
            self._correct(corrections, ctx, state)
        consents = [u for u in updates if u.consent is not None]
        if consents:
            self._record_consents(consents, ctx, state)

    @staticmethod
    def _lock_written(plans: list[RowPlan], state: ClientsState) -> None:
        """Locks the LKS and people these plans write at that this import does not hold yet (every import and form
        takes LKS, then people, then stays, each in id order)."""
        updates: list[KnownPlacement] = [p.obj for p in plans if p.action == "update"]
        if state.locked is None:
            state.locked = set()
            sqlite_bulk_cache()
        admitting = {p.obj.lks.pk for p in plans if p.action == "create"} - state.locked
        # Every LKS written at, its stays to discharge included, before anything there is written: a move of the LKS
        # (which locks it, then its records) then waits for this import or refuses it, never deadlocks.
        lks_ids = admitting | ({u.lks_id for u in updates} - state.locked)
        if lks_ids:
            # As person_admit: admissions per LKS are serialised, so nobody registers the same NIK there until this
            # import ends.
            lks_lock(lks_ids, state.lks, admitting=admitting)
            state.locked |= lks_ids
        touched = {u.person_id for u in updates if u.discharged_on is not None or u.person_data or u.consent}
        if touched := sorted(touched - state.people_locked):
            # The people changed, in id order, before their stays: the order of a merge of duplicates, which
            # otherwise held a person whose stay this import held, each waiting for the other (the thirty-ninth
            # review).
            list(Person.objects.select_for_update().filter(pk__in=touched).order_by("pk").values_list("pk"))
            state.people_locked.update(touched)

    def _check_still_new(self, state: ClientsState, creates: list[NewClient]) -> None:
        """Someone else admitted a NIK that these new clients have, at the same LKS, since their rows were checked:
        the file's check is out of date. By NIK, not by id: ids are taken from the sequence when written, not when
        committed, so an import that committed late has ids below those of admissions committed before it."""
        self._check_still_new_without_nik(state, [c for c in creates if not c.nik_hash])
        wanted: dict[str, list[NewClient]] = {}
        for client in creates:
            if client.nik_hash:
                wanted.setdefault(client.nik_hash, []).append(client)
        hashes = list(wanted)
        # Who has these NIKs (by the NIK index: nearly always nobody but this import's own), then where they stay.
        others: dict[int, str] = {}
        for start in range(0, len(hashes), RECHECK_CHUNK):
            found = Person.objects.filter(nik_hash__in=hashes[start : start + RECHECK_CHUNK])
            others.update((pk, nik_hash) for pk, nik_hash in found.values_list("pk", "nik_hash"))
        for pk in state.created_ids.intersection(others):
            del others[pk]  # this import's own (a readmitted client's earlier row)
        people, lks_ids = list(others), {client.lks.pk for client in creates}
        clashes: list[int] = []  # every row of the batch, not only the first: the user sees how much changed
        for start in range(0, len(people), RECHECK_CHUNK):
            admitted = Placement.objects.filter(
                person_id__in=people[start : start + RECHECK_CHUNK],
                organisation_id__in=lks_ids,
                status=PlacementStatus.ACTIVE,
            ).values_list("person_id", "organisation_id")
            for person_id, organisation_id in admitted:
                clashes += [c.row for c in wanted[others[person_id]] if c.lks.pk == organisation_id]
        if clashes:
            message = (
                _(
                    "Baris %(rows)s: NIK ini didaftarkan di LKS yang sama selama impor berjalan (lewat formulir atau "
                    "impor lain). Tidak ada yang disimpan; ulangi impor."
                )
                if len(clashes) == 1
                else _(
                    "%(count)s baris (%(rows)s): NIK-nya didaftarkan di LKS yang sama selama impor berjalan (lewat "
                    "formulir atau impor lain). Tidak ada yang disimpan; ulangi impor."
                )
            )
            raise ConflictError(message % _rows_and_count(clashes))

    @staticmethod
    def _check_still_new_without_nik(state: ClientsState, creates: list[NewClient]) -> None:
        """The same for new clients without NIK, found as the check found them: by name, birth date and mother's
        name (a part either side leaves empty contradicts nothing) among the people at their LKS. Two imports of one
        list, checked at once, would otherwise both create everyone, and the file would never import again. The
        people at each LKS when its rows were checked (state.keys_at) are known; those added since are read once per
        LKS, as it is locked now: nobody else admits there until this import ends."""
        clashes: list[int] = []
        for client in creates:
            lks_pk = client.lks.pk
            if lks_pk not in state.added_since:
                known = {pk for pks in state.keys_at.get(lks_pk, {}).values() for pk in pks}
                active = Placement.objects.filter(organisation_id=lks_pk, status=PlacementStatus.ACTIVE)
                since = set(active.values_list("person_id", flat=True)) - known - state.created_ids
                added: dict[str, list[tuple[Any, str]]] = {}
                stored = Person.objects.current().filter(pk__in=since)
                for name, birth, mother in stored.values_list("full_name", "birth_date", "mother_name"):
                    added.setdefault(match_name(name or ""), []).append((birth, match_name(mother or "")))
                state.added_since[lks_pk] = added
            if added := state.added_since[lks_pk]:
                key = (match_name(client.person[0]), client.person[2], match_name(client.person[MOTHER_AT]))
                # A name of punctuation only never matches anyone (_keys_at)
                if key[0] and any(_parts_agree(key, *other) for other in added.get(key[0], ())):
                    clashes.append(client.row)
        if clashes:
            message = (
                _(
                    "Baris %(rows)s: penerima layanan dengan nama ini didaftarkan di LKS yang sama selama impor "
                    "berjalan (lewat formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk melihat "
                    "apa yang kini sudah tercatat."
                )
                if len(clashes) == 1
                else _(
                    "%(count)s baris (%(rows)s): penerima layanan dengan nama itu didaftarkan di LKS yang sama selama "
                    "impor berjalan (lewat formulir atau impor lain). Tidak ada yang disimpan; ulangi impor untuk "
                    "melihat apa yang kini sudah tercatat."
                )
            )
            raise ConflictError(message % _rows_and_count(clashes))
