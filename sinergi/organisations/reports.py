"""Data of the printed (PDF) reports on the registry: an LKS profile, a kabupaten/kota summary and the province
report. Each reads through the scoped selectors with the EXPORT action, so a report never shows more than the
reader may export. Rendering is the exchange app's (sinergi.exchange.pdf); this module only gathers facts.

The summary and province reports reuse the dashboard's tables (sinergi.statistics), which sits later in the app
order; it is imported inside the functions, like a template would, so that this app's import graph stays acyclic.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, region_scope_codes, restrict
from sinergi.core.dates import shown
from sinergi.core.deployment import deployment_province, is_national_deployment
from sinergi.regions.models import Region, RegionLevel

from . import selectors
from .choices import LKS_KINDS, OrganisationStatus
from .models import BoardMembership, Organisation

if TYPE_CHECKING:
    from sinergi.accounts.models import User

# A "word" longer than this is a URL, an e-mail address or the like, not an Indonesian word (the longest in the
# tables, e.g. "Penyalahgunaan", have 14 letters): only such cells may wrap anywhere.
LONG_WORD = 20
# Above this many columns a table gets smaller type so that it fits the width of A4.
WIDE_TABLE_COLUMNS = 7


@dataclass
class Table:
    """A table of a printed report (footer = totals row)."""

    title: str
    headers: list[str]
    rows: list[list[Any]]
    footer: list[Any] | None = None
    empty_text: str = ""

    @property
    def wide(self) -> bool:
        return len(self.headers) > WIDE_TABLE_COLUMNS

    @property
    def html_rows(self) -> list[list[tuple[Any, str]]]:
        """Rows as (value, CSS class) pairs: numbers right-aligned, long unbreakable strings allowed to wrap."""
        return [[(cell, _cell_class(cell)) for cell in row] for row in self.rows]

    @property
    def html_footer(self) -> list[tuple[Any, str]]:
        return [(cell, _cell_class(cell)) for cell in self.footer] if self.footer else []


def _cell_class(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "num"
    # Wrapping anywhere is kept to cells that need it: elsewhere it would let the table squeeze a column below its
    # longest word and split dates and names mid-word, while a URL that cannot break would push the table off A4.
    if isinstance(value, str) and any(len(word) > LONG_WORD for word in value.split()):
        return "wrap-anywhere"
    return ""


def _accreditation(o: Organisation, *, short: bool = False) -> str:
    """The grade, marked when its period has ended (as the counts file it under "Kedaluwarsa")."""
    if not o.accreditation_grade:
        return "—" if short else str(_("Belum terakreditasi"))
    grade = o.accreditation_grade.code if short else o.accreditation_grade.label
    if o.accreditation_has_ended:
        return _("%(grade)s (kedaluwarsa)") % {"grade": grade}
    return str(grade)


def _fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return shown(value)  # these reports are PDFs, read in the reader's language
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    return str(value)


def _expiry(expires_on, today) -> str:
    """A permit's end date, marked when it has passed (as the accreditation column marks an expired grade)."""
    if expires_on and expires_on < today:
        return _("%(date)s (kedaluwarsa)") % {"date": _fmt(expires_on)}
    return _fmt(expires_on)


# Sections other apps add to an LKS profile (the people app: clients and workers now), each a function of the LKS
# giving (title, [(label, value)]) or None; registered from their AppConfig.ready, since this app comes first.
PROFILE_SECTIONS: list[Callable[[Any], tuple[str, list[tuple[str, Any]]] | None]] = []


def register_profile_section(section: Callable[[Any], tuple[str, list[tuple[str, Any]]] | None]) -> None:
    if section not in PROFILE_SECTIONS:
        PROFILE_SECTIONS.append(section)


@dataclass
class ReportPart:
    """A part another app adds to the province report or a kabupaten/kota summary, about an area it names itself
    (the people app: clients and workers of the areas the reader may see aggregates for). `chart`: labels and
    series for a bar chart, drawn by the exchange app as the report's own charts are."""

    title: str
    note: str
    kpis: list[tuple[str, Any]]
    tables: list[Table]
    area_code: str = ""  # the area its figures are of, named in the report's audit event
    chart: dict[str, Any] | None = None
    chart_svg: str = ""  # the chart drawn, set by the exchange app before rendering
    # Printed under the chart: the figures it draws (a chart alone cannot be read to the unit).
    chart_tables: list[Table] = field(default_factory=list)


# Parts other apps add to the area reports, registered from their AppConfig.ready (this app comes first): for each,
# a function (actor=, area_code=) giving the parts for that province or kabupaten/kota, and one giving only the
# codes of the areas those parts are of, which the audit of a report made later names without gathering it twice.
AREA_PARTS: list[tuple[Callable[..., list[ReportPart]], Callable[..., list[str]]]] = []


def register_area_part(parts: Callable[..., list[ReportPart]], areas: Callable[..., list[str]]) -> None:
    if (parts, areas) not in AREA_PARTS:
        AREA_PARTS.append((parts, areas))


def _area_parts(actor: "User", area_code: str) -> list[ReportPart]:
    return [found for parts, _areas in AREA_PARTS for found in parts(actor=actor, area_code=area_code)]


def _parts_note(parts: list[ReportPart]) -> str:
    """For a report over part of its area: the parts that count a whole area of their own say so, lest the scope
    note above them ("Angka hanya mencakup …") be read as covering them too."""
    if not parts:
        return ""
    titles = ", ".join(f"“{part.title}”" for part in parts)
    return " " + _("Bagian %(parts)s memuat angka gabungan seluruh wilayah yang disebut judulnya.") % {"parts": titles}


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


@dataclass
class ReportScope:
    """What a report's scoped figures cover: the whole area it is named after, or only `parts` of it (the
    kabupaten/kota and LKS of the printing account's memberships), which the report must then name."""

    whole: bool
    parts: list[str]
    # Every part is an organisation of the account (an LKS operator's), not a region (a kabupaten/kota board's).
    of_organisations: bool = False

    @property
    def text(self) -> str:
        return ", ".join(self.parts)


def report_scope(*, actor: "User", area_code: str) -> ReportScope:
    """What a report on `area_code` printed by `actor` covers: what its link must say ("Laporan LKS Anda"), since
    the report's own title says it only once it is open."""
    return _report_scope(actor, area_code)


def _report_scope(actor: "User | None", area_code: str) -> ReportScope:
    """How much of the region `area_code` the actor's EXPORT scope covers. A printout leaves the screen that showed
    whose account it was, so a report over part of an area has to say which part."""
    if actor is not None and getattr(actor, "is_superuser", False) and actor.is_active:
        return ReportScope(whole=True, parts=[])
    allowed = ACTION_ROLES[Action.EXPORT]
    memberships = [m for m in active_memberships(actor) if m.role in allowed]
    if any(m.region_id and area_code.startswith(m.region_id) for m in memberships):
        return ReportScope(whole=True, parts=[])
    located = [
        (m.region.name, m.region_id)
        if m.region_id
        else (m.organisation.name, m.organisation.regency_code or m.organisation.province_code or "")
        for m in memberships
        if m.region_id or m.organisation_id
    ]
    # Memberships elsewhere add nothing to this area's figures; named only when nothing inside it is left to name.
    inside = [name for name, code in located if code.startswith(area_code)]
    of_organisations = bool(memberships) and all(m.organisation_id and not m.region_id for m in memberships)
    return ReportScope(
        whole=False, parts=sorted(set(inside or [name for name, _code in located])), of_organisations=of_organisations
    )


def _summary_audit_scope(scope: ReportScope, regency_code: str) -> list[str]:
    """What the audit log keeps of a kabupaten/kota summary's reach: the kabupaten/kota, or the LKS or areas of the
    account."""
    return [regency_code] if scope.whole else scope.parts


def _may_see_region(actor: "User", code: str) -> bool:
    codes = region_scope_codes(actor, Action.EXPORT)
    return codes is None or any(code.startswith(c) or c.startswith(code) for c in codes)


def regency_summary(*, actor: "User", regency_code: str) -> dict[str, Any]:
    """One kabupaten/kota: LKS by kecamatan and kind, status and accreditation counts, documents ending soon, and
    the list of LKS — as far as the actor may export."""
    from sinergi.statistics import selectors as statistics

    regency = Region.objects.filter(code=regency_code, level=RegionLevel.REGENCY).first()
    if regency is None or not _may_see_region(actor, regency_code):
        raise Http404
    scoped = restrict(Organisation.objects.all(), actor=actor, action=Action.EXPORT).filter(
        regency_code=regency_code, kind__in=LKS_KINDS
    )
    active = scoped.filter(status=OrganisationStatus.ACTIVE)
    kinds = statistics.lks_kind_columns()
    districts = list(Region.objects.filter(parent_id=regency_code).order_by("code").values_list("code", "name"))
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for district, kind, n in (
        active.order_by().values_list("district_code", "primary_service_kind__code").annotate(n=Count("pk"))
    ):
        cells[(district or "", kind or statistics.OTHER_KIND)] += n
    rows = [
        [name, *(cells[(code, k.code)] for k in kinds), sum(cells[(code, k.code)] for k in kinds)]
        for code, name in districts
    ]
    unplaced = [cells[("", k.code)] for k in kinds]
    if any(unplaced):
        rows.append([_("Tanpa kecamatan"), *unplaced, sum(unplaced)])
    totals = [sum(r[i + 1] for r in rows) for i in range(len(kinds))]
    by_district = Table(
        title=_("LKS aktif menurut kecamatan dan jenis layanan utama"),
        headers=[_("Kecamatan"), *(k.label for k in kinds), _("Jumlah")],
        rows=[r for r in rows if r[-1]],
        footer=[_("Jumlah"), *totals, sum(totals)],
        empty_text=_("Belum ada LKS aktif."),
    )
    status_counts = dict(scoped.order_by().values_list("status").annotate(n=Count("pk")))
    status_table = Table(
        title=_("LKS menurut status"),
        headers=[_("Status"), _("Jumlah")],
        rows=[[label, status_counts.get(value, 0)] for value, label in OrganisationStatus.choices],
        footer=[_("Jumlah"), sum(status_counts.values())],
    )
    grade_counts = dict(
        statistics.with_accreditation_now(active).order_by().values_list("accreditation_now").annotate(n=Count("pk"))
    )
    grades = statistics.accreditation_columns()
    accreditation_table = Table(
        title=_("Akreditasi LKS aktif"),
        headers=[_("Peringkat"), _("Jumlah")],
        rows=[[g.label, grade_counts.get(g.code or None, 0)] for g in grades],
        footer=[_("Jumlah"), sum(grade_counts.values())],
    )
    today = timezone.localdate()
    within_days = statistics.permit_expiry_warning_days()  # the dashboard's and the province report's window
    documents = statistics.lks_permits_expiring(
        actor=actor, action=Action.EXPORT, within_days=within_days, region_prefix=regency_code
    )
    expiring_table = Table(
        title=_("Izin operasional dan tanda daftar yang berakhir atau segera berakhir"),
        headers=[_("LKS"), _("Dokumen"), _("Berlaku sampai"), _("Sisa hari")],
        rows=[[d.organisation_name, d.document, _fmt(d.expires_on), d.days_left] for d in documents],
        empty_text=_("Tidak ada."),
    )
    listing = (
        scoped.exclude(status=OrganisationStatus.INACTIVE)
        .select_related("primary_service_kind", "accreditation_grade")
        .order_by("district_code", "name")
    )
    district_names = dict(districts)
    lks_table = Table(
        title=_("Daftar LKS (selain yang nonaktif)"),
        headers=[_("Nama"), _("Jenis layanan"), _("Kecamatan"), _("Status"), _("Akreditasi"), _("Izin s.d.")],
        rows=[
            [
                o.name,
                o.primary_service_kind.label if o.primary_service_kind else "",
                district_names.get(o.district_code, ""),
                o.get_status_display(),
                _accreditation(o, short=True),
                _expiry(o.permit_expires_on, today),
            ]
            for o in listing
        ],
        empty_text=_("Tidak ada LKS."),
    )
    chart_rows = [r for r in rows if r[-1]]
    scope = _report_scope(actor, regency_code)
    parts = _area_parts(actor, regency_code)
    if scope.whole:
        title = _("Ringkasan LKS %(regency)s") % {"regency": regency.name}
        scope_note = _("Semua angka mencakup seluruh %(area)s.") % {"area": regency.name}
    else:
        title = _("Ringkasan LKS %(regency)s dalam cakupan %(scope)s") % {"regency": regency.name, "scope": scope.text}
        scope_note = _("Angka hanya mencakup %(scope)s (cakupan akun pencetak), bukan seluruh %(area)s.") % {
            "scope": scope.text,
            "area": regency.name,
        } + _parts_note(parts)
    return {
        "title": title,
        "scope_note": scope_note,
        "regency": regency,
        "generated_at": timezone.localtime(),
        "kpis": [
            (_("LKS aktif"), sum(totals)),
            (_("Menunggu verifikasi"), status_counts.get(OrganisationStatus.DRAFT, 0)),
            (_("Terakreditasi"), _accredited_now(grade_counts)),
            (_("Dokumen berakhir ≤ %(days)s hari") % {"days": within_days}, len(documents)),
        ],
        "chart": {
            "labels": [r[0] for r in chart_rows],
            "series": [(k.label, [r[i + 1] for r in chart_rows]) for i, k in enumerate(kinds)],
        },
        "tables": [by_district, status_table, accreditation_table, expiring_table, lks_table],
        "parts": parts,
        "whole": scope.whole,
        "audit_scope": _summary_audit_scope(scope, regency_code),
    }


def _accredited_now(grade_counts: dict[str | None, int]) -> int:
    """Active LKS whose accreditation is in force: a grade whose period has ended is counted under "Kedaluwarsa"
    in the table beside it, so it must not count as accredited here (the KPI would exceed the table's grades)."""
    from sinergi.statistics.selectors import EXPIRED_ACCREDITATION

    return sum(n for code, n in grade_counts.items() if code and code != EXPIRED_ACCREDITATION)


def province_report(*, actor: "User", province_code: str | None = None) -> dict[str, Any]:
    """The dashboard's tables (same numbers, same scope) for a province, with bar charts: the deployment's, or on a
    national server the one asked for (`report_province` says which the reader may print).

    The registry tables count what the reader may export; the LKKKS coverage and the official figures beside the
    registry's province-wide count are public facts about the whole province. For a reader whose scope is the whole
    province that is one scope; for anyone else the report is titled with their scope and the province-wide tables
    stand apart under a heading that says so, so that "1 LKS aktif" and "154" are never read as the same thing."""
    from sinergi.statistics.tables import DashboardStatistics

    stats = DashboardStatistics(
        actor=actor, action=Action.EXPORT, province_code=province_code or deployment_province(), within_province=True
    )
    tables = stats.tables()
    province = Region.objects.filter(code=stats.province_code).first()
    province_name = province.name if province else stats.province_code
    scope = _report_scope(actor, stats.province_code)
    by_kind = stats.by_kind
    accreditation = stats.accreditation
    coverage = stats.coverage
    covered = f"{coverage.covered}/{len(coverage.regencies)}"

    def chart(crosstab) -> dict[str, Any]:
        rows = [r for r in crosstab.rows if crosstab.row_total(r.code)]
        return {
            "labels": [r.name for r in rows],
            "series": [(c.label, [crosstab.count(r.code, c.code) for r in rows]) for c in crosstab.columns],
        }

    def printed(keys: list[str]) -> list[Table]:
        return [
            Table(
                title=tables[key].title,
                headers=[str(h) for h in tables[key].headers],
                rows=[[_cell(c) for c in row] for row in tables[key].rows],
                footer=[_cell(c) for c in tables[key].footer] if tables[key].footer else None,
                empty_text=tables[key].empty_text,
            )
            for key in keys
            if key in tables
        ]

    parts = _area_parts(actor, stats.province_code)
    scoped_keys = ["by_kind", "accreditation", "status", "permits"]
    province_keys = ["boards", "official"]
    kpis = [
        (_("LKS aktif"), by_kind.total),
        (_("Menunggu verifikasi"), stats.status.column_total(OrganisationStatus.DRAFT)),
    ]
    if scope.whole:
        title = _("Laporan LKS %(province)s") % {"province": province_name}
        scope_note = _("Semua angka mencakup seluruh %(area)s.") % {"area": province_name}
        kpis.append((_("Kabupaten/kota ber-LKKKS"), covered))
        report_tables, province_part = printed(scoped_keys + province_keys), None
    else:
        title = _("Laporan LKS dalam cakupan %(scope)s") % {"scope": scope.text}
        scope_note = _(
            "Angka hanya mencakup %(scope)s (cakupan akun pencetak), kecuali bagian terakhir, "
            "“Angka se-provinsi %(province)s”."
        ) % {"scope": scope.text, "province": province_name} + _parts_note(parts)
        report_tables = printed(scoped_keys)
        province_part = {
            "title": _("Angka se-provinsi %(province)s") % {"province": province_name},
            "note": _(
                "Angka publik untuk seluruh provinsi, bukan hanya cakupan akun pencetak: %(covered)s "
                "kabupaten/kota ber-LKKKS; hitungan registri di samping angka resmi adalah semua LKS aktif "
                "di provinsi."
            )
            % {"covered": covered},
            "tables": printed(province_keys),
        }
    return {
        "title": title,
        "scope_note": scope_note,
        "generated_at": timezone.localtime(),
        "kpis": kpis,
        "charts": [
            {"title": _("LKS aktif menurut jenis per kabupaten/kota"), **chart(by_kind)},
            {"title": _("Akreditasi LKS aktif per kabupaten/kota"), **chart(accreditation)},
        ],
        "tables": report_tables,
        "parts": parts,
        "province_part": province_part,
        "audit_scope": stats.audit_scope,
        "province": Area(stats.province_code, province_name),
    }


def _cell(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return _fmt(value if not hasattr(value, "text") else value.text)


# ---------------------------------------------------------------------------------------------- before gathering

# The reports whose length grows with the LKS they list (province: the documents ending; kabupaten/kota: the list of
# LKS too), by the kind the exchange app's report jobs name them with.
PROVINCE = "province"
REGENCY = "regency"


@dataclass(frozen=True)
class Area:
    """A province or kabupaten/kota a report is about: its code and name."""

    code: str
    name: str


class ProvinceNeeded(Exception):
    """A national server's province report asked for without a province by a reader who may print several: the
    provinces (`choices`) to pick from."""

    def __init__(self, choices: list[Area]) -> None:
        super().__init__("province needed")
        self.choices = choices


def report_provinces(*, actor: "User | None") -> list[Area]:
    """The provinces whose report `actor` may print: on a province server the deployment's (to anyone with some export
    scope, whose report then keeps to it); on a national server every province to a superuser, to anyone else the
    provinces their export scope lies in."""
    codes = region_scope_codes(actor, Action.EXPORT)
    if actor is None or not getattr(actor, "is_active", False) or codes == []:
        return []
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE, is_current=True)
    if not is_national_deployment():
        provinces = provinces.filter(code=deployment_province())
    elif codes is not None:
        provinces = provinces.filter(code__in={code[:2] for code in codes})
    return [Area(code, name) for code, name in provinces.order_by("code").values_list("code", "name")]


def report_province(*, actor: "User", requested: str = "") -> str:
    """The province a province report asked for with `requested` ("" when none was) is about. On a province server
    the deployment's, and another code is not found; on a national server the one asked for, if the reader may print
    it (else not found), or without one the reader's only province. Raises Http404, or ProvinceNeeded when a national
    reader of several provinces asked for none."""
    if not is_national_deployment():
        if requested and requested != deployment_province():
            raise Http404
        return deployment_province()
    choices = report_provinces(actor=actor)
    if requested:
        if requested not in {area.code for area in choices}:
            raise Http404
        return requested
    if len(choices) == 1:
        return choices[0].code
    if not choices:
        raise Http404
    raise ProvinceNeeded(choices)


def report_page_province(*, actor: "User", requested: str = "") -> tuple[Area | None, list[Area]]:
    """The province whose reports a page offers `actor`, and the provinces it may choose among: the deployment's and
    none on a province server; on a national server the one chosen (`requested`, when the reader may print it) or the
    reader's only one, with every province they may print (the province None while a reader of several has not
    chosen, nor for a reader who may print none)."""
    if not is_national_deployment():
        region = Region.objects.filter(code=deployment_province()).values_list("code", "name").first()
        return (Area(*region) if region else Area(deployment_province(), deployment_province())), []
    choices = report_provinces(actor=actor)
    chosen = [area for area in choices if area.code == requested] if requested else []
    if chosen:
        return chosen[0], choices
    return (choices[0] if len(choices) == 1 else None), choices


def report_own_lks(*, actor: "User") -> list[Organisation]:
    """The LKS a user works at (an operator's), whose profile PDF the reports page offers first: their province and
    kabupaten/kota reports hold their own LKS only."""
    allowed = ACTION_ROLES[Action.EXPORT]
    found = {
        m.organisation.pk: m.organisation
        for m in active_memberships(actor)
        if m.organisation_id and not m.region_id and m.role in allowed
    }
    return sorted(found.values(), key=lambda organisation: organisation.name)


def report_regencies(*, actor: "User", area: Area | None) -> list[Region]:
    """The kabupaten/kota whose summary the user may print (those of their export scope; on a national server those of
    the province `area`), each with what its summary covers (`.report_scope`): the whole kabupaten/kota, or only the
    user's LKS in it, as its link must say. None before a national reader has chosen a province: not every
    kabupaten/kota of the country."""
    if area is None:
        return []
    codes = region_scope_codes(actor, Action.EXPORT)
    regencies = Region.objects.filter(level=RegionLevel.REGENCY).order_by("code")
    if codes is None or is_national_deployment():
        regencies = regencies.filter(code__startswith=f"{area.code}.")
    if codes is None:
        found = list(regencies)
    else:
        condition = Q(pk__in=[c[:5] for c in codes if len(c) >= 5])
        for province in (c for c in codes if len(c) == 2):
            condition |= Q(parent_id=province)
        found = list(regencies.filter(condition))
    for regency in found:
        regency.report_scope = report_scope(actor=actor, area_code=regency.code)
    return found


def report_may_print(*, actor: "User | None", report: str, area_code: str) -> bool:
    """Whether `actor` may print the province report of the province `area_code` or the summary of the kabupaten/kota
    `area_code`: what the gathering itself checks (a summary outside the scope is not found, a province report is of
    a province the reader may print), asked before anything is gathered — by a request that sends the report to the
    worker, by the worker when it runs, and by the download of the file."""
    if actor is None or not getattr(actor, "is_active", False):
        return False
    if report == REGENCY:
        exists = Region.objects.filter(code=area_code, level=RegionLevel.REGENCY).exists()
        return exists and _may_see_region(actor, area_code)
    return report == PROVINCE and area_code in {area.code for area in report_provinces(actor=actor)}


def report_covered_lks(*, actor: "User", area_code: str) -> int:
    """The LKS of the province or kabupaten/kota `area_code` within the actor's export scope: what a report's length
    (and the time WeasyPrint takes to lay it out) grows with."""
    scoped = restrict(Organisation.objects.all(), actor=actor, action=Action.EXPORT).filter(kind__in=LKS_KINDS)
    area = {"province_code": area_code} if len(area_code) == 2 else {"regency_code": area_code}
    return scoped.filter(**area).count()


def report_aggregate_areas(*, actor: "User", area_code: str) -> list[str]:
    """The areas whose aggregate figures (clients and workers, exact) a report on `area_code` prints for `actor`: what
    its audit event names beside the LKS scope, as a download of the same figures from the indicators page is
    audited with its area."""
    return [code for _parts, areas in AREA_PARTS for code in areas(actor=actor, area_code=area_code)]


def report_audit_scope(*, actor: "User", report: str, area_code: str) -> list[str]:
    """What the audit log keeps of a report's reach, as the gathered report says it (its "audit_scope"): for a
    summary the kabupaten/kota, or the LKS or areas of the account; for the province report the export scope."""
    if report == REGENCY:
        return _summary_audit_scope(_report_scope(actor, area_code), area_code)
    from sinergi.statistics.tables import DashboardStatistics

    return DashboardStatistics(
        actor=actor, action=Action.EXPORT, province_code=area_code, within_province=True
    ).audit_scope
