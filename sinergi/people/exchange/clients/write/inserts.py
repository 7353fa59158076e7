"""The new clients of a file written in bulk: their people, stays and consents, and the possible duplicates
found among them."""

from collections import Counter

from sinergi.exchange.columns import ImportContext
from sinergi.exchange.dbwrite import bulk_insert_rows

from ....choices import CaseStage, PlacementStatus
from ....models import Consent, DuplicateCandidate, Person, PersonAccess, Placement
from ....services.rules import REVIEW_INTERVAL_MONTHS, add_months
from ...common import access_lines_write, encrypt_many, mask
from ..columns import CONSENT_FIELDS
from ..state import ClientsState, NewClient


class ClientWriteInsert:
    """Inserts the new clients, their stays and consents in bulk."""

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
