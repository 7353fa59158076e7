"""Which stored worker a row is about: by the name (titles and degrees aside) with the birth date, by the stint a
worker who left and came back is in, and whether a match was by the name alone. Plain functions over the state's
index, apart from the entity so that the rules of a match read in one place.
"""

from typing import Any

from django.utils.translation import gettext as _

from sinergi.exchange import values as v

from ..common import match_name


def _name_key(values: dict[str, Any]) -> tuple | None:
    """The normalised name (titles and degrees aside) + birth date, or None when nothing of the name is left to
    compare (a name of punctuation only): an empty name must never make two people one."""
    name = match_name(values.get("full_name") or "")
    return ("name", name, values.get("birth_date")) if name else None


def _named(index: dict[tuple, list[dict]], values: dict[str, Any]) -> list[dict]:
    """The stored workers of the LKS (`index`) a row without NIK may be about by its name: those of its birth date;
    failing them, those still serving whose birth date is unknown on one side (the row's or the record's). Assumption:
    at one LKS (tens of workers) one serving worker of a name is one person unless two birth dates say otherwise; a
    worker who stopped is matched by the birth date, or by the start date of the stint that ended (a newcomer of the
    name is not a former worker). Two of the
    name make the row ambiguous, and it is refused rather than guessed; a match by name alone is said (_name_only)."""
    name = match_name(values.get("full_name") or "")
    if not name:
        return []
    named = index.get(("named", name), [])
    birth = values.get("birth_date")
    if birth is not None and (same_birth := [w for w in named if w["birth_date"] == birth]):
        return same_birth
    undated = [w for w in named if birth is None or w["birth_date"] is None]
    if serving := [w for w in undated if w["ended_on"] is None]:
        return serving
    # ... or one who stopped, by the same start date: the same stint, in a list not updated since they left (the
    # start date of a newcomer of the name is their own).
    started = values.get("started_on")
    return [w for w in undated if started is not None and w["started_on"] == started]


def _stints_the_row_may_be(workers: list[dict] | None, values: dict[str, Any]) -> list[dict] | None:
    """Drops the stored stints a row cannot be about. A worker who left and came back is registered anew, a new
    stint of the same person, as the form registers them: matched to the old stint, the row was refused as ending
    before it started, with no way to record the return. So:
    - a stint of a name close to the row's that ended before the row's start date is an earlier stint (one of a
      name far from it stays matched, and is refused as another person's NIK);
    - without a start date, of a person's stints apart in time, the row is about the one of its end date, or else
      the one still serving (a staff list without "Mulai bertugas" after a return)."""
    if not workers:
        return workers
    started, ended, name = values.get("started_on"), values.get("ended_on"), values.get("full_name")
    if started is not None:
        earlier = [
            w
            for w in workers
            if w["ended_on"] is not None and w["ended_on"] < started and not v.names_far_apart(w["full_name"], name)
        ]
        left = [w for w in workers if w not in earlier]
        if len(left) > 1 and len(same_start := [w for w in left if w["started_on"] == started]) == 1:
            return same_start  # the stint the row's start date names (a list of both stints of a return)
        return left or None
    if len(workers) > 1 and all(_stints_apart(a, b) for a in workers for b in workers if a is not b):
        meant = [w for w in workers if w["ended_on"] == ended]  # its own end date, or none: the one serving
        if len(meant) == 1:
            return meant
    return workers


def _stints_apart(one: dict, other: dict) -> bool:
    """Whether two stored workers are two stints of one person (one ended before the other started): they may hold
    one NIK."""

    def before(first: dict, second: dict) -> bool:
        return (
            first["ended_on"] is not None
            and second["started_on"] is not None
            and first["ended_on"] < second["started_on"]
        )

    return before(one, other) or before(other, one)


def _name_only(values: dict[str, Any], existing: dict) -> bool:
    """Whether a row was matched to a stored worker by the name alone (no ID, no NIK, no birth date on both)."""
    return not (values.get("id") or values.get("_nik_hash")) and (
        values.get("birth_date") is None or existing["birth_date"] is None
    )


def _births_agree(first: Any, second: Any) -> bool:
    return first is None or second is None or first == second


def _id_disagrees_message(values: dict[str, Any], stored: dict) -> str:
    return _(
        "ID %(id)s adalah pekerja “%(stored)s”, tetapi nama, tanggal lahir dan NIK di baris ini berbeda. Bila kolom "
        "ID di file ini nomor urut Anda sendiri, ubah judulnya (mis. “No”)."
    ) % {"id": values["id"], "stored": stored["full_name"]}
