"""Writes to the organisation registry. Each function checks scope, validates, audits, and says why it refuses."""

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.scope import Action, can, region_allows, region_allows_move
from sinergi.audit.services import audit_record
from sinergi.core.dates import too_early_problem
from sinergi.core.errors import ConflictError, PermissionDenied, TransitionError, ValidationError
from sinergi.core.phones import phone_problem
from sinergi.regions.models import Region
from sinergi.vocabularies.models import Term

from .choices import ALLOWED_STATUS_TRANSITIONS, LKS_KINDS, OrganisationKind, OrganisationStatus
from .models import DATE_FIELDS, BoardMembership, BoardOfficer, BoardTerm, Organisation
from .numbers import NUMBER_FIELDS, number_holder, number_key
from .signals import organisation_deactivated, organisation_moved

if TYPE_CHECKING:
    from sinergi.accounts.models import User

# Fields an LKS operator may not change on their own record: identity and standing are the boards' to confirm.
BOARD_ONLY_FIELDS = {"kind", "status", "accreditation_grade", "accredited_on", "accreditation_certificate_number"}
# Fields services derive; never taken from input.
DERIVED_FIELDS = {"province_code", "regency_code", "district_code", "village_code", "accreditation_expires_on"}
# The most people an LKS can hold: more is a typing slip (an extra zero), refused by the form and the import alike.
MAX_CAPACITY = 100_000

# Said to a user who may act in the destination but not in the origin (they operate the LKS, or hold a role elsewhere).
MOVE_OUT_REFUSED = gettext_lazy(
    "Anda tidak berwenang memindahkan LKS ini keluar dari %(regency)s; hanya pengurus LKKKS atau admin provinsi "
    "wilayah itu yang dapat memindahkannya."
)


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


def _snapshot(organisation: Organisation) -> dict[str, Any]:
    """Field values as the history shows them: vocabulary items and regions by their codes, not database ids."""
    values: dict[str, Any] = {}
    for field in organisation._meta.concrete_fields:
        if field.name in {"id", "created_at", "updated_at", "version", "verified_by"}:
            continue
        if field.is_relation:
            related = getattr(organisation, field.name)
            values[field.name] = getattr(related, "code", None) if related is not None else None
        else:
            values[field.name] = getattr(organisation, field.attname)
    if organisation.pk:
        values["service_kinds"] = sorted(organisation.service_kinds.values_list("code", flat=True))
    return values


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that changed; empty values count as unchanged from nothing."""
    empty = (None, "", [])
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value and not (before.get(name) in empty and value in empty)
    }


@transaction.atomic
def organisation_create(
    *, actor: "User", data: dict[str, Any], service_kinds: list[Term] | None = None, request: HttpRequest | None = None
) -> Organisation:
    """Registers a new organisation as a draft; only boards (or admins) of its region may."""
    organisation = Organisation(**{k: v for k, v in data.items() if k not in DERIVED_FIELDS | {"status"}})
    organisation.status = OrganisationStatus.DRAFT
    _validate(organisation, service_kinds, numbers_stored={})
    _derive(organisation)
    if not region_allows(
        actor, Action.CREATE, province_code=organisation.province_code, regency_code=organisation.regency_code
    ):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan organisasi di wilayah ini."))
    organisation.save()
    if service_kinds:
        organisation.service_kinds.set(service_kinds)
    audit_record(
        actor=actor,
        action="organisations.organisation.created",
        obj=organisation,
        changes=_diff({}, _snapshot(organisation)),
        request=request,
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    actor: "User",
    data: dict[str, Any],
    expected_version: int,
    service_kinds: list[Term] | None = None,
    request: HttpRequest | None = None,
) -> Organisation:
    """Changes an organisation's record, refusing if someone else saved it since `expected_version` was read."""
    if not can(actor, Action.CHANGE, organisation):
        raise PermissionDenied(_("Anda tidak berwenang mengubah organisasi ini."))
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if current.version != expected_version:
        raise ConflictError(
            _("Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.")
        )
    may_change_standing = can(actor, Action.VERIFY, current)
    refused = [name for name in data if name in BOARD_ONLY_FIELDS and not may_change_standing]
    if any(data[name] != getattr(current, name) for name in refused):
        raise PermissionDenied(_("Jenis, status, dan akreditasi hanya dapat diubah oleh pengurus LKKKS."))
    if "kind" in data and (data["kind"] == OrganisationKind.LKKKS) != (current.kind == OrganisationKind.LKKKS):
        # A board's terms, officers, members and meetings hang on it being a board: it is not turned into an LKS
        # (nor an LKS into a board) by an edit.
        raise ValidationError({"kind": [_("LKKKS tidak dapat diubah menjadi jenis organisasi lain, dan sebaliknya.")]})
    before = _snapshot(current)
    for name, value in data.items():
        if name in DERIVED_FIELDS | {"status", "version", "id"}:
            continue
        setattr(current, name, value)
    kinds = service_kinds if service_kinds is not None else list(current.service_kinds.all())
    stored = {field: before.get(field) or "" for field in NUMBER_FIELDS} | {"regency_code": current.regency_code}
    _validate(current, kinds, numbers_stored=stored)
    _derive(current)
    # Moving within the same kabupaten/kota (e.g. correcting the desa) is an ordinary edit; moving elsewhere
    # needs a region role over both ends, so a record cannot be pushed out of sight of its own board, nor pulled
    # out of it by a user who operates the LKS and holds a region role elsewhere.
    if current.regency_code != before["regency_code"] and not region_allows_move(
        actor,
        Action.CHANGE,
        origin=(before["province_code"], before["regency_code"]),
        destination=(current.province_code, current.regency_code),
    ):
        if region_allows(actor, Action.CHANGE, province_code=current.province_code, regency_code=current.regency_code):
            origin = Region.objects.filter(code=before["regency_code"]).values_list("name", flat=True).first()
            raise PermissionDenied(MOVE_OUT_REFUSED % {"regency": origin or before["regency_code"]})
        raise PermissionDenied(_("Anda tidak berwenang memindahkan organisasi ke wilayah tersebut."))
    current.version = F("version") + 1
    current.save()
    if service_kinds is not None:
        current.service_kinds.set(service_kinds)
    current.refresh_from_db()
    if (current.province_code, current.regency_code) != (before["province_code"], before["regency_code"]):
        organisation_moved_send(current)
    changes = _diff(before, _snapshot(current))
    if changes:
        audit_record(
            actor=actor, action="organisations.organisation.updated", obj=current, changes=changes, request=request
        )
    return current


def organisation_moved_send(organisation: Organisation) -> list:
    """Tells the records that copy an organisation's codes (clients, workers) that it is now elsewhere; inside the
    caller's transaction, so that they move with it or not at all. Returns the receivers' answers (how many records
    each moved)."""
    return organisation_moved.send(
        sender=Organisation,
        organisation_id=organisation.pk,
        province_code=organisation.province_code,
        regency_code=organisation.regency_code,
    )


def _transition(
    *,
    organisation: Organisation,
    actor: "User",
    target: str,
    permission: str,
    audit_action: str,
    extra: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> Organisation:
    if not can(actor, permission, organisation):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini pada organisasi ini."))
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if target not in ALLOWED_STATUS_TRANSITIONS.get(current.status, set()):
        raise TransitionError(
            _("Status tidak dapat diubah dari “%(from)s” menjadi “%(to)s”.")
            % {"from": current.get_status_display(), "to": OrganisationStatus(target).label}
        )
    before = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    current.status = target
    for name, value in (extra or {}).items():
        setattr(current, name, value)
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    after = {"status": current.status, **{k: getattr(current, k) for k in (extra or {})}}
    audit_record(actor=actor, action=audit_action, obj=current, changes=_diff(before, after), request=request)
    return current


@transaction.atomic
def organisation_verify(
    *, organisation: Organisation, actor: "User", request: HttpRequest | None = None
) -> Organisation:
    """The kabupaten/kota or province board confirms a draft record (documents checked, field visit done)."""
    return _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.VERIFIED,
        permission=Action.VERIFY,
        audit_action="organisations.organisation.verified",
        extra={"verified_at": timezone.now(), "verified_by_id": actor.pk},
        request=request,
    )


@transaction.atomic
def organisation_activate(
    *, organisation: Organisation, actor: "User", request: HttpRequest | None = None
) -> Organisation:
    """A verified organisation starts counting as active (it operates); also reactivates an inactive one."""
    return _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.ACTIVE,
        permission=Action.VERIFY,
        audit_action="organisations.organisation.activated",
        extra={"inactive_reason": ""},
        request=request,
    )


@transaction.atomic
def organisation_deactivate(
    *, organisation: Organisation, actor: "User", reason: str, request: HttpRequest | None = None
) -> Organisation:
    """Marks an organisation as no longer operating; the record and its history stay. Whoever waits on it is told
    (`organisation_deactivated`: the senders of referrals to it not yet answered)."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Alasan penonaktifan wajib diisi.")]})
    current = _transition(
        organisation=organisation,
        actor=actor,
        target=OrganisationStatus.INACTIVE,
        permission=Action.DEACTIVATE,
        audit_action="organisations.organisation.deactivated",
        extra={"inactive_reason": reason.strip()[:300]},
        request=request,
    )
    organisation_deactivated.send(sender=Organisation, organisation_id=current.pk)
    return current


def _require_board_change(actor: "User", board: Organisation) -> None:
    if board.kind != OrganisationKind.LKKKS:
        raise ValidationError(_("Organisasi ini bukan LKKKS."))
    if not can(actor, Action.VERIFY, board):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kepengurusan LKKKS ini."))


@transaction.atomic
def board_term_create(
    *,
    board: Organisation,
    actor: "User",
    starts_on: datetime.date,
    ends_on: datetime.date,
    inaugurated_on: datetime.date | None = None,
    decree_number: str = "",
) -> BoardTerm:
    """Opens a term of office (masa bakti) of an LKKKS board."""
    _require_board_change(actor, board)
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": [_("Akhir masa bakti harus sesudah awalnya.")]})
    overlapping = board.terms.filter(starts_on__lt=ends_on, ends_on__gt=starts_on)
    if overlapping.exists():
        raise ValidationError({"starts_on": [_("Masa bakti ini bertumpang tindih dengan masa bakti lain.")]})
    term = BoardTerm.objects.create(
        board=board, starts_on=starts_on, ends_on=ends_on, inaugurated_on=inaugurated_on, decree_number=decree_number
    )
    audit_record(
        actor=actor,
        action="organisations.board_term.created",
        obj=board,
        data={"term": str(term), "decree_number": decree_number},
    )
    return term


@transaction.atomic
def board_officer_add(
    *, term: BoardTerm, actor: "User", name: str, position: str, position_detail: str = ""
) -> BoardOfficer:
    """Adds an officer (ketua, sekretaris, ...) to a board's term."""
    _require_board_change(actor, term.board)
    if not name.strip():
        raise ValidationError({"name": [_("Nama pengurus wajib diisi.")]})
    officer = BoardOfficer.objects.create(
        term=term, name=name.strip(), position=position, position_detail=position_detail
    )
    audit_record(
        actor=actor,
        action="organisations.board_officer.added",
        obj=term.board,
        data={"officer": name.strip(), "position": position, "term": str(term)},
    )
    return officer


@transaction.atomic
def board_officer_remove(*, officer: BoardOfficer, actor: "User") -> None:
    _require_board_change(actor, officer.term.board)
    audit_record(
        actor=actor,
        action="organisations.board_officer.removed",
        obj=officer.term.board,
        data={"officer": officer.name, "position": officer.position, "term": str(officer.term)},
    )
    officer.delete()


@transaction.atomic
def board_member_add(
    *, board: Organisation, member: Organisation, actor: "User", joined_on: datetime.date | None = None
) -> BoardMembership:
    """Records that an organisation in the board's region has joined the LKKKS."""
    _require_board_change(actor, board)
    if member.kind == OrganisationKind.LKKKS:
        raise ValidationError(_("Sebuah LKKKS tidak dapat menjadi anggota LKKKS lain; tingkatannya otonom."))
    region_prefix = board.regency_code or board.province_code
    if not (member.regency_code or member.province_code).startswith(region_prefix):
        raise ValidationError(_("Anggota harus berkedudukan di wilayah LKKKS ini."))
    link, created = BoardMembership.objects.get_or_create(
        board=board, member=member, defaults={"joined_on": joined_on or timezone.localdate()}
    )
    if not created and link.ended_on:
        link.ended_on = None
        link.save(update_fields=["ended_on"])
    audit_record(actor=actor, action="organisations.board_member.added", obj=board, data={"member": member.name})
    return link


@transaction.atomic
def board_member_end(*, link: BoardMembership, actor: "User", ended_on: datetime.date | None = None) -> BoardMembership:
    _require_board_change(actor, link.board)
    link.ended_on = ended_on or timezone.localdate()
    link.save(update_fields=["ended_on"])
    audit_record(
        actor=actor, action="organisations.board_member.ended", obj=link.board, data={"member": str(link.member)}
    )
    return link
