"""Exports: an entity's list downloaded (streamed as CSV, built here as XLSX, or sent to the task worker when
long), the background export's page, its cancelling and its file.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.audit.services import audit_record
from sinergi.core.downloads import (
    CONTENT_TYPES,
    CSV,
    DOWNLOAD_FORMATS,
    csv_delimiter,
    csv_stream,
    download_filename,
    filter_slug,
    table_download,
)
from sinergi.core.errors import TransitionError, ValidationError

from .. import exports, selectors, services
from ..columns import get_entity
from ..files import limit
from ._common import PDF_TYPE, XLSX_TYPE, _access_purpose, _bad_request, _entity_or_404, _purpose_prompt_url


@login_required
def export(request: HttpRequest, entity: str) -> HttpResponse:
    """An entity's list with the filters in the query string: CSV streamed (constant memory), XLSX built here,
    or, past SINERGI["EXPORT_XLSX_SYNC_ROWS"] rows, by the task worker (the user is sent to the job's page)."""
    spec = _entity_or_404(entity)
    file_format = request.GET.get("format", CSV)
    if file_format not in DOWNLOAD_FORMATS:
        return _bad_request(request, _("Format unduhan tidak dikenal. Pilih csv atau xlsx."))
    try:
        delimiter = csv_delimiter(request.GET.get("sep"))
    except ValueError as error:
        return _bad_request(request, str(error))
    if not spec.can_export(request.user):
        raise PermissionDenied
    purpose = ""
    if spec.asks_access_purpose:
        purpose = _access_purpose(request)
        if not purpose:
            # Back to the page the button was on (a download from the purpose page would leave the user there).
            back = request.headers.get("referer", "")
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
                back = reverse("exchange:index")
            return redirect(_purpose_prompt_url(back))
    filters = {k: v for k, v in request.GET.lists() if k not in ("format", "sep", "page")}
    filterset = spec.export_filterset(actor=request.user, filters=exports.export_filters(filters))
    if filterset is not None:
        # Only what the list filters by: anything else in the address (a sort order, or a word added to get past
        # "the same export is being made") is no part of the file, its name, its job or its audit event.
        known = set(filterset.filters) | set(filterset.form.fields)
        filters = {name: values for name, values in filters.items() if name in known}
    try:
        queryset = spec.export_queryset(actor=request.user, filters=exports.export_filters(filters), purpose=purpose)
    except ValidationError as error:
        return _bad_request(request, " ".join(error.messages))
    pending = selectors.export_job_pending(
        actor=request.user, entity_key=spec.key, filters=filters, file_format=file_format, purpose=purpose
    )
    if pending is not None:
        # A second click on the same button: the file is already being written (no second count of the rows).
        messages.info(
            request,
            _(
                "Ekspor yang sama (data, format, dan saringan yang sama) sedang disusun untuk Anda; ini halamannya. "
                "Bila perlu salinan lain, minta lagi setelah yang ini selesai."
            ),
        )
        return redirect("exchange:export_job", pk=pending.pk)
    count = spec.export_count(queryset)
    if exports.export_runs_in_background(file_format=file_format, rows=count):
        try:
            job = exports.export_job_create(
                actor=request.user,
                entity_key=spec.key,
                filters=filters,
                file_format=file_format,
                rows=count,
                purpose=purpose,
                request=request,
            )
        except ValidationError as error:
            return _bad_request(request, " ".join(error.messages))
        return redirect("exchange:export_job", pk=job.pk)
    headers = [str(c.header) for c in spec.export_columns()]
    # The filters in the name: two exports of one day with different filters do not get the same file name.
    name = "-".join(filter(None, [f"sinergi-{spec.download_slug}", filter_slug(filters.items())]))
    audit_record(
        actor=request.user,
        action=f"exchange.{spec.key}.exported",
        # All the values of a repeated filter, in the shape of the background export's and export_data's events.
        data={"format": file_format, "rows": count, "filters": exports.audit_filters(filters)},
        purpose=purpose,
        request=request,
    )
    if file_format == CSV:
        chunks = exports.csv_chunks(
            entity=spec, queryset=queryset, actor=request.user, purpose=purpose, delimiter=delimiter
        )
        return csv_stream(chunks=chunks, name=name)
    rows = spec.export_rows(queryset.iterator(chunk_size=2000))
    return table_download(headers=headers, rows=rows, name=name, file_format=file_format, sheet_title=spec.sheet_name)


class ExportJobView(LoginRequiredMixin, View):
    """One background export: progress while the worker writes it (HTMX polls the status part), then the file."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        job = exports.export_job_settle(job=selectors.export_job_get(actor=request.user, pk=pk))
        entity = None if job.report else _entity_or_404(job.entity)
        days = services.retention_days()
        context = {
            "job": job,
            "entity": entity,
            "retention_days": days,
            "display": selectors.export_job_display(job, retention_days=days),
            "import_limit": limit("IMPORT_MAX_ROWS"),
            "too_large_to_import": selectors.export_too_large_to_import(job),
        }
        if entity is not None and not request.htmx:
            filters = exports.export_filters(job.filters)
            context["filters"] = entity.export_filter_summary(actor=request.user, filters=filters)
        template = "exchange/export_job.html#status" if request.htmx else "exchange/export_job.html"
        response = render(request, template, context)
        add_never_cache_headers(response)
        return response


@login_required
@require_POST
def export_job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancels a background export (a queued one at once, a running one at its worker's next check)."""
    job = selectors.export_job_get(actor=request.user, pk=pk)
    try:
        job = exports.export_job_cancel(job=job, actor=request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        if job.is_finished:  # it had not started
            messages.info(request, _("Ekspor dibatalkan."))
        else:
            messages.info(
                request,
                _(
                    "Permintaan pembatalan dikirim: ekspor berhenti pada pemeriksaan berikutnya dan file yang sedang "
                    "disusun dihapus."
                ),
            )
    return redirect("exchange:export_job", pk=pk)


@login_required
def export_job_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The file of a finished background export (only for the user who asked for it, or a superuser)."""
    job = selectors.export_job_get(actor=request.user, pk=pk)
    try:
        handle = exports.export_job_download(job=job, actor=request.user, request=request)
    except TransitionError as error:
        messages.error(request, str(error))
        return redirect("exchange:export_job", pk=pk)
    except services.FileGone as gone:
        messages.error(request, gone.message)
        return redirect("exchange:export_job", pk=pk)
    # Dated by when the rows were read, not when the file is fetched; its filters in the name, as a list download's
    # (a report: named as the request would have named it).
    stem = job.download_name or "-".join(
        filter(None, [f"sinergi-{_download_slug(job.entity)}", filter_slug((job.filters or {}).items())])
    )
    name = download_filename(stem, job.file_format, today=timezone.localdate(job.finished_at or timezone.now()))
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=CONTENT_TYPES.get(job.file_format, PDF_TYPE if job.report else XLSX_TYPE),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download_slug(entity_key: str) -> str:
    try:
        return get_entity(entity_key).download_slug
    except LookupError:
        return entity_key
