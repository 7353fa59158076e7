"""The people part of the printed area reports (the province report and a kabupaten/kota summary): the clients
(PPKS) served and the workers (PSKS) active in the areas the reader may see aggregates for — the figures of the
indicators page, read from the same summary tables, never from a person's row.

The LKS tables of a report count what the reader may export (an operator: their own LKS); these figures are the
indicators page's, whose scope is a whole kabupaten/kota or province. Each part therefore names its area itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.formats import date_format, localize
from django.utils.translation import gettext as _

from sinergi.organisations.reports import ReportPart, Table

from .choices import ServiceSetting

if TYPE_CHECKING:
    from sinergi.accounts.models import User

    from .indicators.areas import Area
    from .indicators.tables import Matrix, Trend

# The indicators package (and with it numpy and HiGHS, ~25 MB) is imported when a report is printed, not when
# Django starts: this module is registered from the app's ready(), and every process, imports included, starts it.


def people_part_areas(*, actor: User, area_code: str) -> list[str]:
    """The areas of the report's province or kabupaten/kota `area_code` whose aggregates `actor` may see, one part
    each: the area itself when the indicators scope holds it, else the kabupaten/kota of that scope inside it (a
    kabupaten/kota board's province report). None when the actor sees no aggregate there."""
    from .indicators import area_allowed, area_get, indicator_scope

    scope = indicator_scope(actor)
    if area_allowed(area_get(area_code), scope):
        return [area_code]
    return sorted({code for code in scope or [] if code.startswith(area_code + ".")})


def area_people_parts(*, actor: User, area_code: str) -> list[ReportPart]:
    """The parts of people_part_areas, their figures gathered."""
    from .indicators import area_get

    return [_area_part(actor, area_get(code)) for code in people_part_areas(actor=actor, area_code=area_code)]


def _area_part(actor: User, area: Area) -> ReportPart:
    from .indicators import IndicatorFilters, Indicators, clients_by_category

    figures = Indicators(actor=actor, filters=IndicatorFilters(region=area.code))
    clients, children, workers, trend = figures.clients, figures.children, figures.workers, figures.trend
    by_setting = {setting: clients_by_category(area=area, setting=setting) for setting in ServiceSetting.values}
    tables = []
    if len(area.code) == 2:
        tables.append(_by_regency(clients, children, workers))
    tables += [_by_ppks(clients, by_setting), _by_psks(workers)]
    months = trend.months
    return ReportPart(
        title=_("Penerima layanan dan pekerja sosial: %(area)s") % {"area": area.name},
        note=_(
            "Angka gabungan seluruh LKS di %(area)s, sama dengan halaman Indikator. Angka kecil tidak disembunyikan: "
            "bagian ini untuk kalangan terbatas, bukan untuk diumumkan."
        )
        % {"area": area.name},
        kpis=[
            (_("Penerima layanan aktif"), clients.total or 0),
            (_("Anak dalam pengasuhan"), children.total or 0),
            (
                _("Masuk / keluar %(n)s bulan terakhir") % {"n": len(months)},
                f"{localize(sum(m.admissions or 0 for m in months))} / "
                f"{localize(sum(m.discharges or 0 for m in months))}",
            ),
            (_("Pekerja sosial (PSKS) aktif"), workers.total or 0),
        ],
        tables=tables,
        area_code=area.code,
        chart={
            "title": _("Penerima layanan aktif di akhir bulan"),
            "labels": [_month_label(m.month) for m in months],
            "series": [(_("Dilayani di akhir bulan"), [m.active or 0 for m in months])],
        },
        chart_tables=[_trend_table(trend)],
    )


def _by_regency(clients: Matrix, children: Matrix, workers: Matrix) -> Table:
    """Per kabupaten/kota of a province: the success measure's two sides side by side, where they are."""
    from .indicators.tables import TOTAL

    residential, community = ServiceSetting.RESIDENTIAL, ServiceSetting.COMMUNITY
    # Every kabupaten/kota of the province, also one without anyone; and any other area a table counts in (a code
    # no longer current), so that the rows add up to the tables' totals.
    regencies: dict[str, str] = {}
    for area in [*clients.columns, *children.rows, *workers.columns]:
        regencies.setdefault(area.code, area.label)
    rows = [
        [
            label,
            clients.value(TOTAL, code) or 0,
            children.value(code, residential) or 0,
            children.value(code, community) or 0,
            workers.value(TOTAL, code) or 0,
        ]
        for code, label in regencies.items()
    ]
    return Table(
        title=_("Penerima layanan dan PSKS aktif per kabupaten/kota"),
        headers=[
            _("Kabupaten/Kota"),
            _("Penerima layanan aktif"),
            _("Anak, dalam panti"),
            _("Anak, berbasis keluarga"),
            _("PSKS aktif"),
        ],
        rows=rows,
        footer=[_("Jumlah"), *(sum(row[i] for row in rows) for i in range(1, 5))],
    )


def _by_ppks(clients: Matrix, by_setting: dict[str, Matrix]) -> Table:
    from .indicators.tables import TOTAL

    rows: list[list[Any]] = []
    for category in clients.rows:
        total = clients.value(category.code, TOTAL) or 0
        if total:
            per_setting = [by_setting[s].value(category.code, TOTAL) or 0 for s in ServiceSetting.values]
            rows.append([category.label, *per_setting, total])
    return Table(
        title=_("Penerima layanan aktif menurut kategori PPKS"),
        headers=[_("Kategori PPKS"), *(str(label) for label in ServiceSetting.labels), _("Jumlah")],
        rows=rows,
        footer=[_("Jumlah"), *(sum(row[i] for row in rows) for i in range(1, len(ServiceSetting.values) + 2))],
        empty_text=_("Belum ada penerima layanan aktif."),
    )


def _by_psks(workers: Matrix) -> Table:
    from .indicators.tables import TOTAL

    rows = [[category.label, count] for category in workers.rows if (count := workers.value(category.code, TOTAL) or 0)]
    return Table(
        title=_("Pekerja sosial (PSKS) aktif menurut kategori"),
        headers=[_("Kategori PSKS"), _("Jumlah")],
        rows=rows,
        footer=[_("Jumlah"), sum(row[1] for row in rows)],
        empty_text=_("Belum ada PSKS aktif."),
    )


def _trend_table(trend: Trend) -> Table:
    rows = [[_month_label(m.month), *row[1:]] for m, row in zip(trend.months, trend.table_rows(), strict=True)]
    return Table(title=trend.title, headers=[str(h) for h in trend.headers], rows=rows)


def _month_label(month) -> str:
    """A month as a reader of the report says it ("Jan 2025"; "Agu 2025" in Indonesian), not as a file keeps it
    ("2025-01", which the indicators page's download keeps)."""
    return date_format(month, "M Y")
