"""A client's fields as the writes take them: which fields there are, which identify the person (never in the
audit log), and how input is checked and copied onto a `Person`, NIK and KK as ciphertext, hash and mask."""

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.crypto import encrypt, keyed_hash, mask_identity_number
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term, Vocabulary

from ...choices import DisabilityType, MissingIdReason, Sex
from ...models import Person
from ...nik import kk_check, nik_check
from .._common import _choice, _date, _Problems, _term, _text
from ..rules import implausible_birth_warning, list_mark_problem

PERSON_FIELDS = (
    "full_name",
    "sex",
    "birth_date",
    "birth_date_estimated",
    "birth_place",
    "origin_region",
    "disability_type",
    "mother_name",
    "father_name",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "notes",
)
# Fields whose values never go into the audit log (only the fact that they changed).
IDENTIFYING_FIELDS = {
    "full_name",
    "birth_date",
    "birth_place",
    "origin_region",
    "mother_name",
    "father_name",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "notes",
    "nik",
    "kk",
}


def _apply_identity(
    person: Person, data: dict, problems: _Problems, warnings: list[str], *, creating: bool
) -> tuple[bool, bool]:
    """Sets NIK and KK (ciphertext, hash, mask) from `data`. On update an absent or None key keeps the stored
    number, "" removes it. Returns whether the NIK and the KK changed."""
    changed = {"nik": False, "kk": False}
    for kind, checker in (("nik", nik_check), ("kk", kk_check)):
        reason_key = f"{kind}_missing_reason"
        raw = data.get(kind)
        if raw is not None or creating:
            raw = (raw or "").strip()
            if raw:
                check = (
                    checker(raw, birth_date=person.birth_date, sex=person.sex or None)
                    if kind == "nik"
                    else checker(raw)
                )
                for message in check.errors:
                    problems.add(kind, message)
                warnings.extend(check.warnings)
                if check.valid:
                    digest = keyed_hash(check.normalized)
                    changed[kind] = digest != getattr(person, f"{kind}_hash")
                    setattr(person, f"{kind}_encrypted", encrypt(check.normalized))
                    setattr(person, f"{kind}_hash", digest)
                    setattr(person, f"{kind}_masked", mask_identity_number(check.normalized))
            else:
                changed[kind] = bool(getattr(person, f"{kind}_hash"))
                setattr(person, f"{kind}_encrypted", "")
                setattr(person, f"{kind}_hash", "")
                setattr(person, f"{kind}_masked", "")
        if reason_key in data or creating:
            setattr(
                person, reason_key, _choice(data.get(reason_key), MissingIdReason, reason_key, problems, required=False)
            )
        has_number = bool(getattr(person, f"{kind}_hash")) or bool(problems.errors.get(kind))
        if has_number:
            setattr(person, reason_key, "")  # a number makes the reason moot
        elif not getattr(person, reason_key) and not problems.errors.get(reason_key):
            label = _("NIK") if kind == "nik" else _("nomor KK")
            problems.add(kind, _("Isi %(label)s atau pilih alasannya bila tidak ada.") % {"label": label})
    return changed["nik"], changed["kk"]


def _apply_person_data(
    person: Person, data: dict, problems: _Problems, warnings: list[str], *, creating: bool
) -> list[Term] | None:
    """Copies and checks the person fields present in `data`; returns the PPKS categories when given."""
    for name in PERSON_FIELDS:
        if name not in data and not creating:
            continue
        value = data.get(name)
        if name == "full_name":
            value = _text(data, name, problems, required=True, label=_("Nama lengkap"))
            if marked := list_mark_problem(value, stored=person.full_name or ""):
                problems.add(name, marked)  # as the import refuses it (NameColumn)
        elif name == "sex":
            value = _choice(value, Sex, name, problems)
        elif name == "birth_date":
            value = _date(value, name, problems)
            if implausible := implausible_birth_warning(value, timezone.localdate()):
                warnings.append(implausible)
        elif name == "birth_date_estimated":
            value = bool(value)
        elif name == "disability_type":
            value = _choice(value, DisabilityType, name, problems, required=False)
        elif name == "origin_region":
            if value is not None and not isinstance(value, Region):
                problems.add(name, _("Wilayah tidak dikenal."))
                value = None
        else:
            value = _text(data, name, problems, stored=getattr(person, name) or "")
        setattr(person, name, value)
    categories: list[Term] | None = None
    if "ppks_categories" in data or creating:
        categories = []
        for term in data.get("ppks_categories") or []:
            if _term(term, Vocabulary.PPKS, "ppks_categories", problems) and term not in categories:
                categories.append(term)
    return categories
