"""The rules a clients row is checked against that need no entity: the cells a new client needs, a discharge, a
consent (begun, complete, given by whom, withdrawn), and where a row's person stays. Apart from ClientsEntity so
that its plan reads as the steps it takes, with these as the rules each applies."""

import datetime
from typing import Any

from django.utils.translation import gettext as _

from sinergi.core.dates import shown
from sinergi.exchange import values as v
from sinergi.exchange.columns import (
    choose_one,
)
from sinergi.vocabularies.models import Term

from ...choices import (
    ConsentGiver,
    PlacementStatus,
)
from ...services.rules import (
    ADULT_AGE,
    age_on,
)
from ..common import (
    Lks,
    date_problems,
    far_name_warning,
)
from .columns import CONSENT_COLUMNS
from .state import ClientsState

# Differences an import does not write: the stay's category and form of service. (A NIK differs only on a row found
# by its ID, or completing a person stored without one: a correction, checked by person_update.)
CORRECTED_ON_PAGE = {"ppks_category", "setting"}
# Person fields an import may correct, through person_update (with its rules, audit and access log).
PERSON_TEXT_CORRECTED = {
    "full_name", "sex", "birth_date", "birth_date_estimated", "birth_place", "disability_type", "mother_name",
    "father_name", "guardian_name", "guardian_relation", "guardian_phone", "notes",
}  # fmt: skip


def _withdrawn(values: dict[str, Any], person: dict) -> list[tuple[str, str]]:
    """A row's consent that the person withdrew since: not given again (it is on record), and said, lest the file
    go on implying a legal basis that no longer holds."""
    consent = _row_consent(values)
    withdrawn_on = dict(person["withdrawn"]).get(consent) if consent is not None else None
    if withdrawn_on is None:
        return []
    message = _(
        "Persetujuan di baris ini sudah dicabut pada %(date)s dan tidak dicatat lagi. Bila ada persetujuan baru, tulis "
        "Tanggal persetujuan yang baru."
    ) % {"date": shown(withdrawn_on)}
    return [("consent_given_on", message)]


def _restricted_for(state: ClientsState, people: list[dict]) -> list[dict]:
    """Those of `people` whose processing is restricted, when the user may not handle them: a row that would be
    answered with something of theirs (a stored mother's name, "already active here") gets the restricted row's one
    neutral answer instead."""
    return [
        person for person in people if person["is_restricted"] and not state.sees_restricted(person["organisation_id"])
    ]


def _parts_agree(key: tuple, birth: datetime.date | None, mother: str) -> bool:
    """Whether a stored person's birth date and mother's name contradict nothing of a row's _person_key (a part
    either side leaves empty contradicts nothing)."""
    _name, row_birth, row_mother = key
    return (row_birth is None or birth is None or row_birth == birth) and (
        not row_mother or not mother or row_mother == mother
    )


def _stays_at(person: dict, lks: Lks, admitted_on: datetime.date | None) -> bool:
    """Whether a stored person stays at the LKS (active there) or stayed there since the row's admission date."""
    return any(
        p["organisation_id"] == lks.pk and (p["status"] == PlacementStatus.ACTIVE or p["admitted_on"] == admitted_on)
        for p in person["placements"]
    )


def _far_name_problem(
    values: dict[str, Any], existing: tuple | None, state: ClientsState | None = None
) -> list[tuple[str, str]]:
    """A row found by a NIK stored under a name hardly the row's: a warning on a valid row; beside the problems of a
    refused one (given its `state`: the stored name quoted there is logged by a trial), which may come from the
    mistyped NIK (the stored child's admission date, stay, ...)."""
    if existing is None or values.get("id") or not values.get("_nik_hash"):
        return []
    stored = existing[0]["full_name"]
    if not v.names_far_apart(stored, values.get("full_name")):
        return []
    if state is not None:
        state.quoted.add(existing[0]["id"])
    return [("full_name", far_name_warning(values["full_name"], stored))]


def _row_consent(values: dict[str, Any]) -> tuple | None:
    """The row's consent as CONSENT_FIELDS' values, or None when its consent cells are empty (plan() has checked
    that a consent, once begun, is complete)."""
    consent = tuple(values.get(key) for key in CONSENT_COLUMNS)
    return consent if any(consent) else None


def _consent_age_problems(given_by: str, given_on, birth_date, today) -> list[tuple[str, str]]:
    """consents._check_consent's rules that need the birth date: a child's consent comes from a parent or guardian,
    and no consent predates the birth."""
    problems = []
    if given_by == ConsentGiver.SELF and birth_date and age_on(birth_date, given_on or today) < ADULT_AGE:
        problems.append(
            (
                "consent_given_by",
                _("Persetujuan untuk data anak diberikan oleh orang tua atau wali, bukan anak itu sendiri."),
            )
        )
    if given_on and birth_date and given_on < birth_date:
        problems.append(("consent_given_on", _("Tanggal persetujuan tidak mungkin sebelum tanggal lahir.")))
    return problems


def _placement_at(people: list[dict], lks: Lks, admitted_on: datetime.date | None) -> tuple[dict, dict] | None:
    """The person the row refers to and their placement at this LKS with the same admission date, or their active
    one there (None when neither exists: a new stay)."""
    active = during = None
    for person in people:
        for placement in person["placements"]:
            if placement["organisation_id"] != lks.pk:
                continue
            if placement["admitted_on"] == admitted_on:
                return person, placement
            if placement["status"] == PlacementStatus.ACTIVE:
                active = (person, placement)
            elif admitted_on and placement["admitted_on"] < admitted_on < (placement["discharged_on"] or admitted_on):
                # A row admitted while an ended stay here lasted is about that stay (its admission date corrected on
                # the client's page since the list was written): never a second stay of the same time.
                during = (person, placement)
    return active or during


def _new_client_cells(
    values: dict[str, Any],
    birth_date: datetime.date | None,
    admitted_on: datetime.date | None,
    problems: list[tuple[str, str]],
    missing: list[tuple[str, str]],
    today: datetime.date,
) -> tuple[list[Term], Term | None]:
    """The cells a new client needs (in `missing` too: a row with the export's ID may leave them empty) and the
    dates that must exist and not lie ahead; the row's PPKS categories, its main one first, and that main one."""
    if not values.get("full_name"):
        missing.append(("full_name", _("%(label)s wajib diisi.") % {"label": _("Nama lengkap")}))
    if not values.get("sex"):
        missing.append(("sex", choose_one(_("Jenis kelamin"))))
    problems += missing
    date_problems(birth_date, "birth_date", problems, today)
    if admitted_on is None:
        problems.append(("admitted_on", _("%(label)s wajib diisi.") % {"label": _("Tanggal masuk")}))
    date_problems(admitted_on, "admitted_on", problems, today)
    if not values.get("setting"):
        missing.append(("setting", choose_one(_("Bentuk layanan"))))
        problems.append(missing[-1])
    categories = list(values.get("ppks_categories") or [])
    primary = values.get("ppks_category") or (categories[0] if categories else None)
    if primary is None:
        if not values.get("_unreadable", set()) & {"ppks_category", "ppks_categories"}:
            # On the list, which the template asks to fill; the main category may stay empty.
            missing.append(("ppks_categories", _("Pilih paling sedikit satu kategori PPKS.")))
            problems.append(missing[-1])
    elif primary not in categories:
        categories.insert(0, primary)
    return categories, primary


def _discharge_problems(
    discharged_on: datetime.date | None,
    reason: str,
    admitted_on: datetime.date | None,
    problems: list[tuple[str, str]],
    today: datetime.date,
) -> None:
    """A discharge given in part (its date and reason go together), or on a date that does not exist, lies ahead,
    or comes before the admission."""
    if discharged_on is None:
        problems.append(("discharged_on", _("%(label)s wajib diisi.") % {"label": _("Tanggal keluar")}))
    if not reason:
        when = _("Alasan keluar wajib diisi bila Tanggal keluar diisi: pilih salah satu dari daftar.")
        problems.append(("discharge_reason", when))
    date_problems(discharged_on, "discharged_on", problems, today)
    if discharged_on and admitted_on and discharged_on < admitted_on:
        problems.append(("discharged_on", _("Tanggal keluar tidak mungkin sebelum tanggal masuk.")))


def _consent_begun(values: dict[str, Any]) -> bool:
    """Whether the row fills any consent cell (ClientsEntity._consent then asks for all five)."""
    get = values.get
    return bool(
        get("consent_given_by") or get("consent_giver_name") or get("consent_given_on")
        or get("consent_legal_basis") or get("consent_scope")
    )  # fmt: skip


def _categories_listed_whole(values: dict[str, Any]) -> bool:
    """Whether a row's PPKS categories are the person's whole list: a row of an export sent back (found by its ID)
    holds every category, so one deleted there is meant to go; any other file lists what it knows and only adds."""
    return bool(values.get("id")) and bool(values.get("ppks_categories"))
