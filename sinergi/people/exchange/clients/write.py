"""The write of a clients import: the locks taken before it (LKS and people, in id order), the check that the new
clients are still new, the bulk inserts of people, stays and consents, discharges, corrections and consents recorded
for stored people, and what follows (the access-log lines of the records a result shows, the summaries, the
planner's statistics, admissions committed meanwhile looked at again, the audit's counts). Apart because it is the one
part that writes, under the locks."""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.audit.services import audit_record_many
from sinergi.core.errors import ConflictError, PermissionDenied, ValidationError
from sinergi.exchange.columns import (
    ImportContext,
    RowPlan,
)
from sinergi.exchange.dbwrite import (
    bulk_insert_rows,
    refresh_statistics,
    sqlite_bulk_cache,
)

from ...access import person_access_record_many
from ...choices import (
    AccessPurpose,
    CaseStage,
    PlacementStatus,
)
from ...models import Consent, DuplicateCandidate, Person, PersonAccess, Placement
from ...services.duplicates import admissions_committed
from ...services.rules import (
    REVIEW_INTERVAL_MONTHS,
    add_months,
)
from ..common import (
    access_lines_write,
    encrypt_many,
    lks_lock,
    mask,
    match_name,
    result_shown,
    result_shown_what,
)
from .checks import _parts_agree
from .columns import CONSENT_FIELDS
from .messages import _rows_and_count
from .state import MOTHER_AT, ClientsState, KnownPlacement, NewClient, _state

ANALYZE_AFTER = 10_000  # rows created, after which the planner's statistics are refreshed
RECHECK_CHUNK = 2000  # NIK hashes (or people) per query of _check_still_new


class ClientWrite:
    """Writes a checked file's plans: locks, inserts, discharges, corrections and consents."""

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

    def _insert(self, creates: list[NewClient], ctx: ImportContext, state: ClientsState) -> None:
        niks = iter(encrypt_many([c.nik for c in creates if c.nik]))
        kks = iter(encrypt_many([c.kk for c in creates if c.kk]))
        people = []
        for c in creates:
            name, sex, birth, place, nik_reason, kk_reason, *rest = c.person
            people.append(
                (
                    c.lks.pk, c.lks.province_code, c.lks.regency_code, name, sex, birth, c.birth_estimated, place,
                    next(niks) if c.nik else "", c.nik_hash, mask(c.nik) if c.nik else "", nik_reason,
                    next(kks) if c.kk else "", c.kk_hash, mask(c.kk) if c.kk else "", kk_reason, *rest, c.match_key,
                )
            )  # fmt: skip
        ids = bulk_insert_rows(Person, PERSON_INSERTED, people)
        state.created += len(ids)
        state.created_ids.update(ids)
        del people
        for client, pk in zip(creates, ids, strict=True):
            client.pk = pk
        bulk_insert_rows(
            Person.ppks_categories.through,
            ["person_id", "term_id"],
            [(c.pk, term_pk) for c in creates for term_pk in c.categories],
            with_ids=False,
        )
        placements = []
        # Summary contributions counted per distinct (area, category, setting, months, status), then added once.
        contributions: Counter[tuple] = Counter()
        for c in creates:
            admitted_on, discharged_on = c.admitted_on, c.discharged_on
            active = discharged_on is None
            status = PlacementStatus.ACTIVE if active else PlacementStatus.DISCHARGED
            stage = (CaseStage.REFERRAL if active else CaseStage.TERMINATION) if c.child else ""
            placements.append(
                (
                    c.pk, c.lks.pk, c.lks.province_code, c.lks.regency_code, c.primary.pk, c.setting, admitted_on,
                    stage, add_months(admitted_on, REVIEW_INTERVAL_MONTHS) if c.child and active else None, status,
                    discharged_on, c.reason,
                )
            )  # fmt: skip
            contributions[
                (
                    c.lks.province_code, c.lks.regency_code, c.primary.code, c.setting, admitted_on.replace(day=1),
                    status, discharged_on.replace(day=1) if discharged_on else None,
                )
            ] += 1  # fmt: skip
        for (province, regency, ppks, setting, admitted, status, discharged), count in contributions.items():
            state.delta.add_placement(
                {
                    "province_code": province,
                    "regency_code": regency,
                    "ppks_code": ppks,
                    "setting": setting,
                    "admitted_on": admitted,
                    "status": status,
                    "discharged_on": discharged,
                },
                count,
            )
        bulk_insert_rows(Placement, PLACEMENT_INSERTED, placements, with_ids=False)
        actor = ctx.actor
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        consents = [(c.pk, *c.consent, actor_id) for c in creates if c.consent is not None]
        bulk_insert_rows(Consent, CONSENT_INSERTED, consents, with_ids=False)
        access_lines_write(PersonAccess, "person_id", ctx, [c.pk for c in creates], "created")
        candidates = []
        for c in creates:
            if c.db_duplicates is None and c.file_duplicates is None:
                continue
            others = dict(c.db_duplicates or {})
            for earlier, reason in c.file_duplicates or ():
                others.setdefault(earlier.pk, reason)
            candidates += [
                (c.pk, other, reason, c.lks.province_code, c.lks.regency_code)
                for other, reason in sorted(others.items())
            ]
        bulk_insert_rows(
            DuplicateCandidate,
            ["person_id", "other_id", "reason", "province_code", "regency_code"],
            candidates,
            with_ids=False,
        )
        state.counts["duplicate_candidates"] += len(candidates)

    def _discharge(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        ids = [u.pk for u in updates]
        snapshots = {u.pk: u.snapshot for u in updates}
        # Still active, and still counted as the check counted it: its LKS may have moved meanwhile (its stays with
        # it), or its form, category or admission been corrected on its page; the summaries would then lose the stay
        # from a count it is no longer in (the thirty-ninth review).
        counted = ("province_code", "regency_code", "ppks_code", "setting", "admitted_on")
        still_active = {
            row[0]
            for row in Placement.objects.select_for_update(of=("self",))  # (not the category's term it joins)
            .filter(pk__in=ids, status=PlacementStatus.ACTIVE)
            .values_list("pk", "province_code", "regency_code", "ppks_category__code", "setting", "admitted_on")
            if row[1:] == tuple(snapshots[row[0]][key] for key in counted)
        }
        if len(still_active) != len(ids):
            raise ConflictError(
                _("Sebagian penempatan di file ini diubah orang lain selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        now = timezone.now()
        objects = [
            Placement(
                pk=u.pk,
                status=PlacementStatus.DISCHARGED,
                discharged_on=u.discharged_on,
                discharge_reason=u.reason,
                next_review_on=None,
                stage=u.stage,
                updated_at=now,
            )
            for u in updates
        ]
        Placement.objects.bulk_update(
            objects,
            ["status", "discharged_on", "discharge_reason", "next_review_on", "stage", "updated_at"],
            batch_size=500,
        )
        for u in updates:
            state.delta.add_placement(u.snapshot, -1)
            state.delta.add_placement(
                {**u.snapshot, "status": PlacementStatus.DISCHARGED, "discharged_on": u.discharged_on}, +1
            )
        person_access_record_many(
            actor=ctx.actor,
            persons=[Person(pk=u.person_id) for u in updates],
            what="changed",
            purpose=AccessPurpose.SERVICE,
        )
        # Each stay's own history says it ended, and by which import, as a discharge on its page does (the
        # fifty-fourth review found only the import's count); one insert for all.
        audit_record_many(
            actor=ctx.actor,
            action="people.placement.discharged",
            model=Placement,
            changes_by_pk={
                u.pk: {
                    "status": [PlacementStatus.ACTIVE, PlacementStatus.DISCHARGED],
                    "discharged_on": [None, u.discharged_on],
                    "discharge_reason": ["", u.reason],
                }
                for u in updates
            },
            data=ctx.cache.get("audit_via") or {},
            purpose=AccessPurpose.SERVICE,
        )
        state.counts["discharged"] += len(updates)

    def _correct(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Corrections of people's records, one person_update each: the page's rules, audit event and access log.
        A refusal here (someone changed the record meanwhile) undoes the whole import."""
        from ...services.persons import person_update

        people = Person.objects.in_bulk([u.person_id for u in updates])
        for update in updates:
            try:
                person_update(
                    actor=ctx.actor,
                    person=people[update.person_id],
                    data=update.person_data,
                    expected_version=update.person_version,
                    via=ctx.cache.get("audit_via"),
                )
            except ConflictError as error:
                # (the form's words would tell the user to reload a page)
                raise ConflictError(
                    _("Baris %(row)s: data orang ini diubah selama impor berjalan (lewat formulir atau impor lain). "
                      "Tidak ada yang disimpan; ulangi impor untuk melihat perubahan terbarunya.") % {"row": update.row}
                ) from error  # fmt: skip
            except PermissionDenied as error:
                raise ConflictError(
                    _("Baris %(row)s: Anda tidak lagi berwenang mengubah data orang ini: ia dipindahkan ke LKS lain, "
                      "atau hak Anda berubah, selama impor berjalan. Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row}
                ) from error  # fmt: skip
            except ValidationError as error:
                reason = " ".join(getattr(error, "messages", None) or [str(error)])
                raise ConflictError(
                    _("Baris %(row)s: %(reason)s Tidak ada yang disimpan; ulangi impor.")
                    % {"row": update.row, "reason": reason}
                ) from error
        state.counts["corrected"] += len(updates)

    def _record_consents(self, updates: list[KnownPlacement], ctx: ImportContext, state: ClientsState) -> None:
        """Consents for stored people, as consent_record records them (who recorded it, an access-log line), in
        bulk: the import's own audit event counts them, as it counts the consents of the people it admits."""
        ids = [u.person_id for u in updates]
        # As consent_record: no processing of a record restricted at the person's request (checked again here, under
        # lock, since it may have been restricted while the file was checked).
        # Nor of one erased (at their request) or merged into another record meanwhile: the consent giver's name
        # would be written on a record the administrator was told is erased (the thirty-ninth review).
        held = list(
            Person.objects.select_for_update()
            .filter(pk__in=ids)
            .values_list("pk", "is_restricted", "erased_at", "merged_into_id")
        )
        if any(restricted for _pk, restricted, _erased, _merged in held):
            raise ConflictError(
                _("Pemrosesan data sebagian orang di file ini dibatasi selama impor berjalan. Tidak ada yang disimpan; "
                  "ulangi impor.")
            )  # fmt: skip
        if gone := {pk for pk, _restricted, erased, merged in held if erased or merged}:
            row = next(u.row for u in updates if u.person_id in gone)
            raise ConflictError(
                _("Baris %(row)s: data orang ini dihapus atau digabungkan dengan data lain selama impor berjalan. "
                  "Tidak ada yang disimpan; ulangi impor.") % {"row": row}
            )  # fmt: skip
        actor = ctx.actor
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        bulk_insert_rows(Consent, CONSENT_INSERTED, [(u.person_id, *u.consent, actor_id) for u in updates],
                         with_ids=False)  # fmt: skip
        person_access_record_many(
            actor=actor, persons=[Person(pk=pk) for pk in ids], what="changed", purpose=AccessPurpose.SERVICE
        )
        state.counts["consents"] += len(updates)

    def result_checked(
        self, plans: list[RowPlan], ctx: ImportContext, *, refused: bool, quoting: Sequence[RowPlan] = ()
    ) -> None:
        # Besides common.result_shown's: a warning's transfer date, withdrawn consent or stored name, a stored
        # mother's name a new row's warning quotes. A possible duplicate names nobody (_duplicate_warning).
        quoted = _state(ctx).quoted if "clients" in ctx.cache else set()
        shown = result_shown(
            plans, refused=refused, quoting=quoting, quoted=quoted, record_id=lambda plan: plan.obj.person_id
        )
        access_lines_write(PersonAccess, "person_id", ctx, sorted(shown), result_shown_what(ctx))

    def after_import(self, ctx: ImportContext) -> None:
        if "clients" in ctx.cache:
            # One aggregated upsert per summary table for the whole file.
            state = _state(ctx)
            state.delta.write()
            if state.created >= ANALYZE_AFTER:
                refresh_statistics(Person, Placement, Person.ppks_categories.through, Consent, PersonAccess)
            if state.created_ids:
                # People admitted elsewhere by someone else while this import ran were not seen by its check: looked
                # for again once it has committed, if anyone did (robust: the import stands either way).
                transaction.on_commit(
                    lambda: admissions_committed(
                        actor=ctx.actor, person_ids=state.created_ids, clock_before=state.clock_before
                    ),
                    robust=True,
                )

    def audit_data(self, ctx: ImportContext) -> dict[str, Any]:
        return dict(_state(ctx).counts) if "clients" in ctx.cache else {}


PERSON_INSERTED = [
    "organisation_id", "province_code", "regency_code", "full_name", "sex", "birth_date", "birth_date_estimated",
    "birth_place", "nik_encrypted", "nik_hash", "nik_masked", "nik_missing_reason", "kk_encrypted", "kk_hash",
    "kk_masked", "kk_missing_reason", "origin_region_id", "disability_type", "mother_name", "father_name",
    "guardian_name", "guardian_relation", "guardian_phone", "notes", "match_key",
]  # fmt: skip
PLACEMENT_INSERTED = [
    "person_id", "organisation_id", "province_code", "regency_code", "ppks_category_id", "setting", "admitted_on",
    "stage", "next_review_on", "status", "discharged_on", "discharge_reason",
]  # fmt: skip
CONSENT_INSERTED = ["person_id", *CONSENT_FIELDS, "recorded_by_id"]
