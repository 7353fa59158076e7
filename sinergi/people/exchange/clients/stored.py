"""The stored people a clients import compares its rows with: the fields loaded, and the queries that load people
with their placements, categories and consents (compact records, their repeating values kept once). Apart because
the import's state, its row checks and its writes all read these records, and only this module reads the tables."""

from sys import intern
from typing import Any

from ...models import Consent, Person, Placement
from ..common import (
    StoredRecord,
    match_name,
    record_type,
    stored_records,
)
from .columns import CONSENT_FIELDS

PERSON_COMPARED = (
    "full_name", "sex", "birth_date", "birth_date_estimated", "birth_place", "nik_hash", "nik_missing_reason",
    "kk_hash", "kk_missing_reason", "origin_region_id", "disability_type", "mother_name", "father_name",
    "guardian_name", "guardian_relation", "guardian_phone", "notes",
)  # fmt: skip
PLACEMENT_LOADED = (
    "id", "person_id", "organisation_id", "ppks_category__code", "setting", "admitted_on", "status", "discharged_on",
    "discharge_reason", "stage", "province_code", "regency_code",
)  # fmt: skip

PERSON_SHARED = (
    "birth_date", "birth_place", "nik_missing_reason", "kk_missing_reason", "origin_region_id", "disability_type",
    "guardian_relation",
)  # fmt: skip
PLACEMENT_SHARED = (
    "ppks_category__code", "setting", "admitted_on", "status", "discharged_on", "discharge_reason", "stage",
    "province_code", "regency_code",
)  # fmt: skip


def _load_people(queryset, *extra: str) -> list[StoredRecord]:
    """Stored people with their placements, category codes and consents, newest first (four queries, whatever the
    count)."""
    fields = ("id", "organisation_id", "is_restricted", "match_key", "version", *PERSON_COMPARED, *extra)
    person_type = record_type("StoredPerson", (*fields, "placements", "categories", "consents", "withdrawn"))
    shared: dict = {}
    share = shared.setdefault
    people = list(stored_records(person_type, fields, queryset.values_list(*fields), PERSON_SHARED, share))
    if not people:
        return []
    by_id = {p.id: p for p in people}
    for person in people:
        person.placements, person.categories, person.consents, person.withdrawn = [], set(), (), ()
    placement_type = record_type("StoredPlacement", PLACEMENT_LOADED)
    placements = Placement.objects.filter(person_id__in=list(by_id)).values_list(*PLACEMENT_LOADED)
    for placement in stored_records(placement_type, PLACEMENT_LOADED, placements, PLACEMENT_SHARED, share):
        by_id[placement.person_id].placements.append(placement)
    through = Person.ppks_categories.through
    for person_id, code in through.objects.filter(person_id__in=list(by_id)).values_list("person_id", "term__code"):
        by_id[person_id].categories.add(code)
    for person in people:  # read only from here on: one frozen set per combination of categories
        person.categories = share(frozenset(person.categories), frozenset(person.categories))
    consents = Consent.objects.filter(person_id__in=list(by_id)).order_by("-given_on", "-pk")
    for person_id, given_by, giver_name, given_on, legal_basis, scope, withdrawn_on in consents.values_list(
        "person_id", *CONSENT_FIELDS, "withdrawn_on"
    ):
        # Codes and scopes repeat over thousands of people: one string each (a re-import may hold 100,000 people).
        consent = (intern(given_by), giver_name, given_on, intern(legal_basis), intern(scope))
        by_id[person_id].consents += (consent,)
        if withdrawn_on is not None:
            by_id[person_id].withdrawn += ((consent, withdrawn_on),)
    return people


def _merged_ids_followed(rows: list[dict[str, Any]]) -> None:
    """Rows whose export ID names a record a board merged into another name that one: the file was exported before
    the merge, and its rows are about the person the kept record is (services.duplicate_merge keeps it one step)."""
    ids = {values["id"] for values in rows if values.get("id")}
    if not ids:
        return
    kept = dict(Person.objects.filter(pk__in=ids, merged_into__isnull=False).values_list("pk", "merged_into"))
    for values in rows:
        if values.get("id") in kept:
            values["id"] = kept[values["id"]]


def _keys_at(lks_pk: int) -> tuple[dict[tuple, list[int]], dict[str, list[tuple[int, Any, str]]]]:
    """Every stored person at an LKS by _person_key, and by name with their birth date and mother's name (ids only:
    an LKS may hold thousands, rows name a few)."""
    index: dict[tuple, list[int]] = {}
    names: dict[str, list[tuple[int, Any, str]]] = {}
    stored = Person.objects.current().filter(organisation_id=lks_pk)
    for pk, name, birth, mother in stored.values_list("pk", "full_name", "birth_date", "mother_name"):
        key = (match_name(name or ""), birth, match_name(mother or ""))
        if key[0]:  # a name of punctuation only never matches anyone
            index.setdefault(key, []).append(pk)
            names.setdefault(key[0], []).append((pk, birth, key[2]))
    return index, names


def _snapshot_of(placement: dict) -> dict[str, Any]:
    return {
        "province_code": placement["province_code"],
        "regency_code": placement["regency_code"],
        "ppks_code": placement["ppks_category__code"],
        "setting": placement["setting"],
        "admitted_on": placement["admitted_on"],
        "status": placement["status"],
        "discharged_on": placement["discharged_on"],
    }
