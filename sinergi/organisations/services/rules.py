"""The registry's rules for one record: what is refused (`organisation_validate`, also what an import holds each row
to), what services derive before saving (`organisation_derive`: region codes, expiry dates, one-line text), and the
warning on a latitude across the equator. Apart because the form, the API and the spreadsheet import all share it,
and it writes nothing.
"""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.dates import too_early_problem
from sinergi.core.errors import ValidationError
from sinergi.core.phones import phone_problem
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from ..choices import LKS_KINDS, OrganisationKind, OrganisationStatus
from ..models import DATE_FIELDS, Organisation
from ..numbers import NUMBER_FIELDS, number_holder, number_key

if TYPE_CHECKING:
    pass


# Fields an LKS operator may not change on their own record: identity and standing are the boards' to confirm.
BOARD_ONLY_FIELDS = {"kind", "status", "accreditation_grade", "accredited_on", "accreditation_certificate_number"}
# Fields services derive; never taken from input.
DERIVED_FIELDS = {"province_code", "regency_code", "district_code", "village_code", "accreditation_expires_on"}
# The most people an LKS can hold: more is a typing slip (an extra zero), refused by the form and the import alike.
MAX_CAPACITY = 100_000


def capacity_problem(capacity: int | None) -> str:
    """Why a capacity is refused ("" when it is not); the import's cell check says the same words."""
    if capacity is not None and capacity > MAX_CAPACITY:
        return _("Nilai paling besar %(max)s.") % {"max": MAX_CAPACITY}
    return ""


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def accreditation_expiry(*, grade: Term | None, accredited_on: datetime.date | None) -> datetime.date | None:
    """Accreditation expires after the grade's validity (A 5 years, B 3, C 2 — kept on the vocabulary item)."""
    if grade is None or accredited_on is None:
        return None
    years = grade.attributes.get("validity_years")
    return add_years(accredited_on, int(years)) if years else None


# The text fields kept on one line, as an import reads their cells (runs of spaces, tabs and line breaks made one
# space): the form stores them so too, or each export sent back would "change" them. The address keeps its lines.
ONE_LINE_FIELDS = ("name", "notary_name", "head_name", "deed_number", "kemenkumham_number", "npwp")


def _derive(organisation: Organisation) -> None:
    for field in ONE_LINE_FIELDS:
        value = getattr(organisation, field)
        if value.__class__ is str and ("  " in value or not value.isprintable() or value != value.strip()):
            setattr(organisation, field, " ".join(value.split()))
    region: Region | None = organisation.region
    code = region.code if region else ""
    organisation.province_code = code[:2]
    organisation.regency_code = code[:5] if len(code) >= 5 else ""
    organisation.district_code = code[:8] if len(code) >= 8 else ""
    organisation.village_code = code if len(code) == 13 else ""
    organisation.accreditation_expires_on = accreditation_expiry(
        grade=organisation.accreditation_grade, accredited_on=organisation.accredited_on
    )
    validity = settings.SINERGI
    if organisation.permit_issued_on and not organisation.permit_expires_on:
        organisation.permit_expires_on = add_years(organisation.permit_issued_on, validity["PERMIT_VALIDITY_YEARS"])
    if organisation.registration_issued_on and not organisation.registration_expires_on:
        organisation.registration_expires_on = add_years(
            organisation.registration_issued_on, validity["REGISTRATION_VALIDITY_YEARS"]
        )


def _validate(
    organisation: Organisation, service_kinds: list[Term] | None, numbers_stored: dict[str, str] | None = None
) -> None:
    """Rules the model cannot express alone; raises one ValidationError listing every problem. `numbers_stored`:
    the record's numbers as stored ({} for a new one), to refuse one that another organisation holds; None when the
    caller checks that itself (the import compares every row's numbers with the whole registry at once)."""
    errors: dict[str, list[str]] = {}

    def problem(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    is_lks = organisation.kind in LKS_KINDS
    stored = getattr(organisation, "stored_phones", {})
    for field in ("phone", "head_phone"):
        value = getattr(organisation, field)
        if value != stored.get(field) and (message := phone_problem(value)):
            problem(field, message)  # as the import refuses it: a number whose 0 was dropped
    if not organisation.name.strip():
        problem("name", _("Nama wajib diisi."))
    if organisation.region is None:
        problem("region", _("Wilayah wajib diisi (sebaiknya sampai desa/kelurahan)."))
    elif organisation.kind == OrganisationKind.LKKKS and organisation.region.level > 2:
        problem("region", _("LKKKS berkedudukan di provinsi atau kabupaten/kota, bukan di kecamatan atau desa."))
    elif organisation.kind == OrganisationKind.LKKKS and (board := _board_of(organisation.region_id, organisation.pk)):
        # One board per province and per kabupaten/kota: a second would split its members and its figures.
        problem("region", _("%(region)s sudah mempunyai LKKKS: %(board)s.") % {
            "region": organisation.region.name, "board": board.name,
        })  # fmt: skip
    elif organisation.kind != OrganisationKind.LKKKS and organisation.region.level < 2:
        problem("region", _("Pilih wilayah sampai kabupaten/kota atau lebih rinci."))
    if is_lks and organisation.primary_service_kind is None:
        problem("primary_service_kind", _("LKS harus mempunyai jenis layanan utama."))
    if not is_lks and (organisation.primary_service_kind is not None or service_kinds):
        problem("primary_service_kind", _("Jenis layanan hanya untuk LKS."))
    for start, end, field in (
        ("permit_issued_on", "permit_expires_on", "permit_expires_on"),
        ("registration_issued_on", "registration_expires_on", "registration_expires_on"),
    ):
        began, ends = getattr(organisation, start), getattr(organisation, end)
        if began and ends and ends <= began:
            problem(field, _("Tanggal berlaku sampai harus sesudah tanggal terbit."))
    today = timezone.localdate()
    for field in ("deed_date", "kemenkumham_date", "permit_issued_on", "registration_issued_on", "accredited_on"):
        value = getattr(organisation, field)
        if value and value > today:
            problem(field, _("Tanggal tidak boleh di masa depan."))
    for field in DATE_FIELDS:
        if too_early := too_early_problem(getattr(organisation, field)):
            problem(field, too_early)
    if organisation.accreditation_grade and not organisation.accredited_on:
        problem("accredited_on", _("Tanggal akreditasi wajib diisi bila ada peringkat akreditasi."))
    if organisation.accredited_on and not organisation.accreditation_grade:
        problem("accreditation_grade", _("Pilih peringkat akreditasi untuk tanggal akreditasi ini."))
    if (organisation.latitude is None) != (organisation.longitude is None):
        problem("latitude", _("Isi lintang dan bujur bersama-sama."))
    if organisation.latitude is not None and not -11.5 <= float(organisation.latitude) <= 6.5:
        problem("latitude", _("Lintang di luar wilayah Indonesia (antara -11,5 dan 6,5)."))
    if organisation.longitude is not None and not 94.5 <= float(organisation.longitude) <= 141.5:
        problem("longitude", _("Bujur di luar wilayah Indonesia (antara 94,5 dan 141,5)."))
    if message := capacity_problem(organisation.capacity):
        problem("capacity", message)
    npwp_digits = "".join(ch for ch in organisation.npwp if ch.isdigit())
    if organisation.npwp and len(npwp_digits) not in (15, 16):
        problem("npwp", _("NPWP terdiri atas 15 atau 16 angka."))
    if numbers_stored is not None:
        for field in NUMBER_FIELDS:
            number = getattr(organisation, field)
            regency = (organisation.region_id or "")[:5]  # derived after the rules (_derive)
            # Unchanged, in the same kabupaten/kota (also a pair recorded before this rule: editing one must stay
            # possible). Moved to another kabupaten/kota, its number may be another LKS's there: each office issues
            # its own, and a list of that kabupaten/kota would no longer import (the forty-second review).
            moved = regency != numbers_stored.get("regency_code", regency)
            if not number or (number_key(number) == number_key(numbers_stored.get(field) or "") and not moved):
                continue
            if holder := number_holder(field, number, other_than=organisation.pk, regency_code=regency):
                problem(
                    field,
                    _(
                        "Nomor ini sudah tercatat untuk %(name)s (ID %(id)s). Satu nomor hanya untuk satu LKS, "
                        "karena spreadsheet mengenali LKS dari nomornya: periksa ketikannya."
                    )
                    % {"name": holder.name, "id": holder.pk},
                )
    if errors:
        raise ValidationError(errors)


# Provinces wholly on one side of the equator (Kemendagri codes). A latitude on the other side is nearly always a
# minus sign left out (3.3194 for -3.3194 in Banjarmasin), which the range check cannot see.
PROVINCES_SOUTH = {"16", "17", "18", "19", "31", "32", "33", "34", "35", "36", "51", "52", "53", "63", "73", "74", "76"}
PROVINCES_NORTH = {"11", "71", "75"}


def latitude_side_warning(organisation: Organisation) -> str:
    """A warning when the latitude lies on the other side of the equator from the LKS's province, else ""."""
    latitude, province = organisation.latitude, organisation.province_code
    if latitude is None or not province:
        return ""
    if (province in PROVINCES_SOUTH and latitude > 0) or (province in PROVINCES_NORTH and latitude < 0):
        return _(
            "Lintang %(latitude)s berada di sisi khatulistiwa yang lain dari provinsi LKS ini. Periksa tanda minus."
        ) % {"latitude": _coordinate_text(latitude)}
    return ""


def _coordinate_text(value) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _board_of(region_code: str, other_than: int | None) -> Organisation | None:
    """The LKKKS board (not deactivated) seated in this province or kabupaten/kota, other than `other_than`."""
    boards = Organisation.objects.filter(kind=OrganisationKind.LKKKS, region_id=region_code).exclude(
        status=OrganisationStatus.INACTIVE
    )
    return boards.exclude(pk=other_than).first() if other_than else boards.first()


def organisation_validate(*, organisation: Organisation, service_kinds: list[Term] | None) -> None:
    """The registry's rules for one unsaved record (raises one ValidationError listing every problem).

    Spreadsheet imports call this, so that a row is held to exactly the rules of the form and the API."""
    _validate(organisation, service_kinds)


def organisation_derive(*, organisation: Organisation) -> None:
    """Fills the fields the services derive (region codes, expiry dates), as create/update do before saving."""
    _derive(organisation)
