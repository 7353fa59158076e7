"""What a correction changed: the record's snapshot before and after, the audit's diff without identifying
values, and the revision that keeps those values, encrypted."""

import datetime
import json
from typing import TYPE_CHECKING, Any

from sinergi.core.crypto import decrypt, encrypt
from sinergi.vocabularies.models import Term

from ...models import Person, PersonRevision
from .fields import IDENTIFYING_FIELDS, PERSON_FIELDS

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def _identity_changes(before: dict, person: Person, categories: list[Term] | None) -> tuple[dict, list[str]]:
    """Audit diff with identifying values left out, and the list of every changed field."""
    after = _person_snapshot(person)
    if categories is not None:
        after["ppks_categories"] = sorted(t.code for t in categories)
    else:
        after["ppks_categories"] = before.get("ppks_categories")
    changed = [name for name in after if before.get(name) != after[name]]
    shown = {name: [before.get(name), after[name]] for name in changed if name not in IDENTIFYING_FIELDS}
    return shown, changed


def identifying_values(person: Person) -> dict[str, str]:
    """A person's identifying fields as text (NIK and KK in full, dates ISO): what a revision keeps."""
    values = {}
    for name in IDENTIFYING_FIELDS:
        if name in ("nik", "kk"):
            values[name] = decrypt(getattr(person, f"{name}_encrypted"))
        elif name == "origin_region":
            values[name] = person.origin_region_id or ""
        else:
            value = getattr(person, name)
            values[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return values


def _revision_write(*, actor: "User | SystemActor", person: Person, before: dict[str, str], changed: list[str]) -> None:
    """Keeps, encrypted, the identifying values a correction replaced (PersonRevision): the audit event names the
    fields only."""
    after = identifying_values(person)
    values = {name: [before[name], after[name]] for name in changed if name in IDENTIFYING_FIELDS}
    if values:
        actor_name = actor.get_username() if getattr(actor, "is_authenticated", False) else ""
        PersonRevision.objects.create(
            person=person, actor_name=actor_name, values_encrypted=encrypt(json.dumps(values, sort_keys=True))
        )


def _person_snapshot(person: Person) -> dict[str, Any]:
    values = {name: getattr(person, name) for name in PERSON_FIELDS if name != "origin_region"}
    values["origin_region"] = person.origin_region_id
    values["nik"] = person.nik_hash
    values["kk"] = person.kk_hash
    values["nik_missing_reason"] = person.nik_missing_reason
    values["kk_missing_reason"] = person.kk_missing_reason
    if person.pk:
        values["ppks_categories"] = sorted(person.ppks_categories.values_list("code", flat=True))
    return values
