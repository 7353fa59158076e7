"""Indicator pages: the signed-in dashboard (exact, within scope) and the public one (small cells suppressed)."""

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View

from sinergi.audit.services import audit_record
from sinergi.core.downloads import DOWNLOAD_FORMATS, csv_delimiter, table_download
from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.vocabularies.models import Term, Vocabulary

from .choices import ServiceSetting, WorkerRole
from .indicators import IndicatorFilters, Indicators, Matrix, Trend


def _bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _messages(error: ValidationError) -> list[str]:
    return [message for messages in error.message_dict.values() for message in messages]


def _download(request: HttpRequest, indicators: Indicators) -> HttpResponse:
    """One table as CSV/XLSX with exactly the page's numbers (suppressed for the public); audited when signed in."""
    file_format = request.GET.get("format", "")
    key = request.GET.get("table", "")
    if file_format not in DOWNLOAD_FORMATS:
        return _bad_request(_("Format unduhan tidak dikenal. Pilih csv atau xlsx."))
    try:
        delimiter = csv_delimiter(request.GET.get("sep"))
    except ValueError as error:
        return _bad_request(str(error))
    if key not in Indicators.TABLES:
        return _bad_request(
            _("Tabel “%(table)s” tidak ada. Pilihan: %(choices)s.")
            % {"table": key, "choices": ", ".join(Indicators.TABLES)}
        )
    try:
        table = indicators.table(key)
    except ValidationError as error:
        return _bad_request(" ".join(_messages(error)))
    rows = table.download_rows()
    if request.user.is_authenticated:
        audit_record(
            actor=request.user,
            action="people.indicators.exported",
            data={
                "table": key,
                "format": file_format,
                "rows": len(rows),
                "area": indicators.area.code or "*",
                "public": indicators.public,
                "scope": indicators.audit_scope,
            },
            request=request,
        )
    return table_download(
        headers=table.headers,
        rows=rows,
        name=indicators.download_name(key),
        file_format=file_format,
        sheet_title=table.title,
        delimiter=delimiter,
        notes=indicators.download_notes(key),
    )


def table_html(table: Matrix | Trend) -> SafeString:
    """The <thead>/<tbody>/<tfoot> of a table, built in Python: a national table has ~2,000 cells, and rendering
    them through template tags alone took most of the page's time budget. Every text is escaped here."""
    separator = formats.get_format("THOUSAND_SEPARATOR") if formats.settings.USE_THOUSAND_SEPARATOR else ""
    hidden = '<td class="num"><span title="{}">*</span></td>'.format(conditional_escape(_("disembunyikan")))

    def cell(value) -> str:
        if value is None:
            return hidden
        if isinstance(value, int):
            return f'<td class="num">{value:,}</td>'.replace(",", separator)
        return f'<td class="num">{conditional_escape(value)}</td>'

    def row(values) -> str:
        return f'<tr><th scope="row">{conditional_escape(values[0])}</th>{"".join(cell(v) for v in values[1:])}</tr>'

    numeric = ' class="num"'
    head = "".join(
        f'<th scope="col"{"" if i == 0 else numeric}>{conditional_escape(h)}</th>' for i, h in enumerate(table.headers)
    )
    body = "".join(row(values) for values in table.table_rows())
    footer = table.footer()
    foot = f"<tfoot>{row(footer)}</tfoot>" if footer else ""
    return mark_safe(f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}")  # noqa: S308 - escaped above


def _chart_data(indicators: Indicators) -> dict[str, Any]:
    """What people-charts.js draws; hidden cells are null, which Chart.js leaves as gaps."""
    clients: Matrix = indicators.clients
    workers: Matrix = indicators.workers
    data = {
        "clients": {
            "labels": [r.label for r in clients.rows],
            "datasets": [{"label": _("Penerima layanan aktif"), "data": [r[-1] for r in clients.table_rows()]}],
        },
        "workers": {
            "labels": [r.label for r in workers.rows],
            "datasets": [{"label": _("Pekerja aktif"), "data": [r[-1] for r in workers.table_rows()]}],
        },
    }
    if indicators.public:
        return data  # the trend and the children table are for signed-in users (Indicators.PUBLIC_TABLES)
    trend: Trend = indicators.trend
    children: Matrix = indicators.children
    return data | {
        "trend": {
            "labels": [m.month.strftime("%Y-%m") for m in trend.months],
            "active": {"label": _("Dilayani di akhir bulan"), "data": [m.active for m in trend.months]},
            "admissions": {"label": pgettext("trend", "Masuk"), "data": [m.admissions for m in trend.months]},
            "discharges": {"label": pgettext("trend", "Keluar"), "data": [m.discharges for m in trend.months]},
        },
        "children": {
            "labels": [r.label for r in children.rows],
            "datasets": [
                {"label": c.label, "data": [children.value(r.code, c.code) for r in children.rows]}
                for c in children.columns
            ],
        },
    }


def _render(request: HttpRequest, *, public: bool) -> HttpResponse:
    try:
        filters = IndicatorFilters.from_query(request.GET)
        indicators = Indicators(actor=request.user, filters=filters, public=public)
    except ValidationError as error:
        return render(
            request, "people/indicators_error.html", {"messages_list": _messages(error), "public": public}, status=400
        )
    except PermissionDenied as error:
        return render(
            request, "people/indicators_error.html", {"messages_list": [str(error)], "public": public}, status=403
        )
    if "format" in request.GET or "table" in request.GET:
        return _download(request, indicators)
    context = {
        "indicators": indicators,
        "filters": filters,
        "public": public,
        "tables": [(table, table_html(table)) for table in map(indicators.table, indicators.tables_shown)],
        "chart_data": _chart_data(indicators),
        "ppks_terms": Term.objects.filter(vocabulary=Vocabulary.PPKS, is_active=True),
        "settings_choices": ServiceSetting.choices,
        "role_choices": WorkerRole.choices,
        "month_value": filters.month.strftime("%Y-%m") if filters.month else "",
    }
    template = "people/indicators.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "indicator-results":
        template = "people/indicators.html#results"
    return render(request, template, context)


class IndicatorDashboardView(LoginRequiredMixin, View):
    """Indicators of clients and workers for a signed-in actor, exact, within their aggregate scope."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return _render(request, public=False)


class PublicIndicatorView(View):
    """Public indicators of clients and workers, any area, with small-cell suppression."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return _render(request, public=True)
