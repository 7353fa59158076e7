from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from sinergi.accounts.scope import Action
from sinergi.audit.services import audit_record
from sinergi.core.downloads import DOWNLOAD_FORMATS, csv_delimiter, table_download
from sinergi.organisations.reports import report_scope

from . import selectors
from .tables import DashboardStatistics, PublicStatistics, chart_data

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def home(request: HttpRequest) -> HttpResponse:
    """Signed-in users land on the data-centre dashboard; the public on the public figures."""
    if request.user.is_authenticated:
        return redirect("statistics:dashboard")
    return redirect("statistics:public")


def _wants_download(request: HttpRequest) -> bool:
    return "format" in request.GET or "table" in request.GET


def _download(request: HttpRequest, stats: PublicStatistics) -> HttpResponse:
    """One table of the page as CSV/XLSX, under the same scope as the page; signed-in downloads are audited."""
    file_format = request.GET.get("format", "")
    key = request.GET.get("table", "")
    if file_format not in DOWNLOAD_FORMATS:
        return _bad_request(_("Format unduhan tidak dikenal. Pilih csv atau xlsx."))
    try:
        delimiter = csv_delimiter(request.GET.get("sep"))
    except ValueError as error:
        return _bad_request(str(error))
    if key not in stats.TABLES:
        return _bad_request(
            _("Tabel “%(table)s” tidak ada. Pilihan: %(choices)s.") % {"table": key, "choices": ", ".join(stats.TABLES)}
        )
    table = stats.table(key)
    rows = table.all_rows()
    if request.user.is_authenticated:
        data: dict[str, Any] = {
            "table": key,
            "format": file_format,
            "rows": len(rows),
            "scope": stats.audit_scope,
            "page": request.path,
        }
        if selectors.is_national_deployment():
            # The province of the file (`?province=`, or the one the page opened on): a national reader's scope ("*",
            # or several provinces) does not say which of them the table was.
            data["province"] = stats.province_code
        audit_record(actor=request.user, action="statistics.table.exported", data=data, request=request)
    return table_download(
        headers=table.headers,
        rows=rows,
        name=stats.download_name(key),
        file_format=file_format,
        sheet_title=table.title,
        delimiter=delimiter,
        notes=stats.download_notes(table, page=request.build_absolute_uri(request.path)),
    )


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _page_province(request: HttpRequest, actor: "User | None" = None) -> selectors.ProvinceChoice:
    """The province of the page's province-wide tables: `?province=` on a national server (see page_province)."""
    try:
        return selectors.page_province(actor=actor, requested=request.GET.get("province", ""))
    except LookupError:
        raise Http404 from None


class PublicStatisticsView(View):
    """Public figures of the province: aggregates of active LKS only, no people, no permit details."""

    def get(self, request: HttpRequest) -> HttpResponse:
        province = _page_province(request)
        stats = PublicStatistics(province_code=province.code)
        if _wants_download(request):
            return _download(request, stats)
        return render(request, "statistics/public.html", {**_common_context(stats), "province_choice": province})


# The permits table on the dashboard, the first page after sign-in (often on a phone): the most urgent rows; its
# downloads hold all (a province's whole list made the page a megabyte: the fifty-third review).
DASHBOARD_PERMITS_SHOWN = 20


def _registry_region(province: selectors.ProvinceChoice) -> str | None:
    """The region the dashboard's registry tables and map are limited to, beyond the reader's scope: a national reader
    of several provinces picks one, and the whole page is about it (the registry's tables and the map of every province
    at once would run to hundreds of kabupaten/kota); None for a reader offered no choice."""
    return province.code if province.choices else None


class DashboardView(LoginRequiredMixin, View):
    """The data-centre dashboard after login: the registry's figures over the actor's scope."""

    def get(self, request: HttpRequest) -> HttpResponse:
        province = _page_province(request, request.user)
        within = _registry_region(province) is not None
        if _wants_download(request):
            return _download(
                request,
                DashboardStatistics(
                    actor=request.user, action=Action.EXPORT, province_code=province.code, within_province=within
                ),
            )
        stats = DashboardStatistics(actor=request.user, province_code=province.code, within_province=within)
        context = _common_context(stats)
        context.update(
            awaiting_verification=stats.status.column_total("draft"),
            lks_with_expiring_documents=len({d.organisation_id for d in stats.permits}),
            permits_shown=DASHBOARD_PERMITS_SHOWN,
            map_data=_map_data(request.user, stats, _registry_region(province)),
            # The report link says what the PDF covers: the province, or only the account's LKS or kabupaten/kota.
            report_scope=report_scope(actor=request.user, area_code=stats.province_code),
            report_province=_report_province(request.user, stats.province_code),
            province_choice=province,
        )
        return render(request, "statistics/dashboard.html", context)


def _report_province(actor: "User", code: str) -> str:
    """The province the dashboard's report link names: on a national server the one shown, when the reader may print
    it (else none: the report's own page lists theirs); "" on a province server, whose report has one province."""
    from sinergi.organisations.reports import report_provinces

    if not selectors.is_national_deployment():
        return ""
    return code if code in {area.code for area in report_provinces(actor=actor)} else ""


def _common_context(stats: PublicStatistics) -> dict[str, Any]:
    by_kind_totals = stats.by_kind.column_totals()
    return {
        "tables": stats.tables(),
        "total_active": stats.by_kind.total,
        "kind_totals": [(column.label, by_kind_totals[column.code]) for column in stats.by_kind.columns],
        "regencies_with_board": stats.coverage.covered,
        "regency_count": len(stats.coverage.regencies),
        "regencies_without_board": stats.coverage.uncovered,
        "chart": chart_data(stats.by_kind),
        "figures": stats.figures,
    }


def _map_data(actor: "User", stats: DashboardStatistics, region_prefix: str | None) -> dict[str, Any]:
    """What the dashboard itself says of its map: whether there is one, how many points, how to draw them, and where
    map.js fetches them (MapPointsView) once the map comes into view. The points themselves were hundreds of KB on
    the first page after sign-in for a national admin, on a phone, whether or not the map was looked at (the
    fifty-third review)."""
    points_url = reverse("statistics:map_points")
    return {
        "count": selectors.lks_map_point_count(actor=actor, region_prefix=region_prefix),
        "kinds": {column.code: column.label for column in stats.by_kind.columns},
        "tileUrl": settings.SINERGI.get("MAP_TILE_URL", ""),
        "attribution": settings.SINERGI.get("MAP_TILE_ATTRIBUTION", ""),
        "pointsUrl": f"{points_url}?{urlencode({'province': region_prefix})}" if region_prefix else points_url,
    }


class MapPointsView(LoginRequiredMixin, View):
    """The dashboard map's points (JSON), fetched by map.js: the same scope as the dashboard, `?province=` included."""

    def get(self, request: HttpRequest) -> HttpResponse:
        region_prefix = _registry_region(_page_province(request, request.user))
        return JsonResponse(_map_points(request.user, region_prefix), json_dumps_params={"separators": (",", ":")})


def _map_points(actor: "User", region_prefix: str | None) -> dict[str, Any]:
    data = selectors.lks_map_points(actor=actor, region_prefix=region_prefix)
    return {
        "points": [
            {
                "name": p.name,
                "kind": p.kind,
                "lat": p.latitude,
                "lng": p.longitude,
                "url": reverse("organisations:detail", args=[p.organisation_id]),
            }
            for p in data.points
        ],
        "labels": data.labels,
    }
