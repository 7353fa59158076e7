"""An LKS profile: the facts of its detail page, grouped as on the page, for one organisation the reader may
export.

Apart from the area reports (areas.py): it is about one organisation, not a region's tables.
"""

from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action

from .. import selectors
from ..choices import LKS_KINDS
from ..models import BoardMembership
from .parts import PROFILE_SECTIONS, _accreditation, _fmt

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def lks_profile(*, actor: "User", pk: int) -> dict[str, Any]:
    """The facts of the detail page, grouped as on the page (404 outside the actor's export scope)."""
    o = selectors.organisation_get(actor=actor, pk=pk, action=Action.EXPORT)
    regency = selectors.regency_names([o.regency_code]).get(o.regency_code, "")
    region = f"{o.region.name} ({o.region.code})" if o.region else ""
    kinds = ", ".join(k.label for k in o.service_kinds.all())
    sections = [
        (
            _("Identitas"),
            [
                (_("Jenis organisasi"), o.get_kind_display()),
                (_("Jenis layanan utama"), o.primary_service_kind.label if o.primary_service_kind else ""),
                (_("Jenis layanan lain"), kinds),
                (_("Bentuk layanan"), o.get_care_setting_display()),
                (_("Kapasitas"), o.capacity),
                (_("Pimpinan"), " ".join(filter(None, [o.head_name, f"({o.head_phone})" if o.head_phone else ""]))),
            ],
        ),
        (
            _("Alamat dan kontak"),
            [
                (_("Alamat"), o.address),
                (_("Wilayah"), region),
                (_("Kabupaten/kota"), regency),
                (_("Koordinat"), f"{o.latitude}, {o.longitude}" if o.latitude is not None else ""),
                (_("Telepon"), o.phone),
                (_("Surel"), o.email),
                (_("Situs web"), o.website),
            ],
        ),
        (
            _("Badan hukum"),
            [
                (_("Bentuk"), o.get_legal_form_display()),
                # Only a yes is recorded (the field's default is no): as on the LKS page, "no" is not claimed.
                (_("Berbadan hukum"), _("Ya") if o.has_legal_entity else _("Tidak tercatat")),
                (_("Akta notaris"), _numbered_document(o.deed_number, o.deed_date)),
                (_("Notaris"), o.notary_name),
                (_("SK Kemenkumham"), _numbered_document(o.kemenkumham_number, o.kemenkumham_date)),
                (_("NPWP"), o.npwp),
            ],
        ),
        (
            _("Perizinan dan akreditasi"),
            [
                (_("Nomor izin operasional"), o.permit_number),
                (_("Penerbit izin"), o.permit_issuer),
                (_("Izin berlaku"), _period(o.permit_issued_on, o.permit_expires_on)),
                (_("Nomor tanda daftar"), o.registration_number),
                (_("Penerbit tanda daftar"), o.registration_issuer),
                (_("Tanda daftar berlaku"), _period(o.registration_issued_on, o.registration_expires_on)),
                (_("Akreditasi"), _accreditation(o)),
                (_("Akreditasi berlaku"), _period(o.accredited_on, o.accreditation_expires_on)),
                (_("Nomor sertifikat akreditasi"), o.accreditation_certificate_number),
            ],
        ),
    ]
    is_lks = o.kind in LKS_KINDS
    if is_lks:
        # After the identity, as the first thing an LKS's report is read for: whom it serves now, with whom.
        sections[1:1] = [found for section in PROFILE_SECTIONS if (found := section(o)) is not None]
    if not is_lks:
        # An LKKKS board or another partner: what only an LKS has (its services, capacity, LKKKS membership) is
        # left out rather than printed empty.
        lks_only = {_("Jenis layanan utama"), _("Jenis layanan lain"), _("Bentuk layanan"), _("Kapasitas")}
        sections = [(title, [fact for fact in facts if fact[0] not in lks_only]) for title, facts in sections]
    boards = BoardMembership.objects.filter(member=o, ended_on__isnull=True).select_related("board")
    return {
        "organisation": o,
        "sections": [(title, [(label, _fmt(value)) for label, value in facts]) for title, facts in sections],
        "is_lks": is_lks,
        "boards": [link.board.name for link in boards],
        "generated_at": timezone.localtime(),
        "title": o.name,
    }


def _numbered_document(number: str, issued_on) -> str:
    """A deed or decree as "No. 12/2015, tanggal 17-08-2015": number and date side by side read as one number."""
    if number and issued_on:
        return _("No. %(number)s, tanggal %(date)s") % {"number": number, "date": _fmt(issued_on)}
    if number:
        return _("No. %(number)s") % {"number": number}
    if issued_on:
        return _("Tanggal %(date)s") % {"date": _fmt(issued_on)}
    return ""


def _period(start, end) -> str:
    if not start and not end:
        return ""
    return f"{_fmt(start)} – {_fmt(end)}"
