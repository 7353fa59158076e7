"""The area reports: a kabupaten/kota summary (`regency_summary`) and the province report (`province_report`),
made of the dashboard's tables with the parts other apps add.

The dashboard's tables (sinergi.statistics) sit later in the app order: they are imported inside the functions,
like a template would, so that this app's import graph stays acyclic.
"""

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, restrict
from sinergi.core.deployment import deployment_province
from sinergi.regions.models import Region, RegionLevel

from ..choices import LKS_KINDS, OrganisationStatus
from ..models import Organisation
from .parts import Table, _accreditation, _area_parts, _cell, _expiry, _fmt, _parts_note
from .scope import Area, _may_see_region, _report_scope, _summary_audit_scope

if TYPE_CHECKING:
    from sinergi.accounts.models import User


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
