"""Import/export pages and PDF reports: thin translations between HTTP and the exchange services."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_GET, require_POST

from sinergi.accounts.scope import Action, region_scope_codes
from sinergi.audit.services import audit_record
from sinergi.core.deployment import is_national_deployment
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
from sinergi.core.pagination import paginate

from . import exports, report_jobs, selectors, services
from .columns import entities, get_entity
from .files import FileRefused, limit
from .forms import UploadForm
from .models import ImportJob, ReportKind
from .pdf import pdf_response, render_pdf
from .workbook import template_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


def _entity_or_404(key: str):
    try:
        return get_entity(key)
    except LookupError:
        raise Http404 from None


class ExchangeIndexView(LoginRequiredMixin, View):
    """Templates to download, the upload form, exports, and the user's recent imports and exports."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, UploadForm(actor=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = UploadForm(request.POST, request.FILES, actor=request.user)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = services.import_job_create(
                    actor=request.user,
                    entity_key=form.cleaned_data["entity"],
                    file=upload,
                    original_name=upload.name,
                    request=request,
                    upload_key=form.cleaned_data["upload_key"],
                )
            except FileRefused as refused:
                form.add_error("file", refused.message)
                services.import_upload_refused(
                    actor=request.user,
                    entity_key=form.cleaned_data["entity"],
                    original_name=upload.name,
                    size=upload.size,
                    reason=refused.message,
                    request=request,
                )
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                return _to_job_page(request, job)
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
        from sinergi.organisations.reports import report_own_lks, report_regencies

        user = request.user
        province, provinces = _report_page_province(request)
        purpose = _access_purpose(request)
        items = [{"entity": e, "can_import": e.can_import(user), "can_export": e.can_export(user)} for e in entities()]
        for item in items:
            # Personal data: the export buttons first ask why (once per session), then come back here.
            item["asks_purpose"] = item["can_export"] and item["entity"].asks_access_purpose
            item["purpose_first"] = item["asks_purpose"] and not purpose
        context = {
            "form": form,
            "entities": items,
            "purpose_label": _access_purpose_label(purpose),
            "purpose_url": _purpose_prompt_url(reverse("exchange:index") + "#templates-title"),
            "shows_purpose": any(item["asks_purpose"] for item in items),
            # A job left running by a worker that died is ended here too, not only on its own page.
            "jobs": [services.import_job_settle(job=job) for job in selectors.import_job_recent(actor=user)],
            "jobs_total": selectors.import_job_list(actor=user).count(),
            "export_jobs": [exports.export_job_settle(job=job) for job in selectors.export_job_recent(actor=user)],
            "export_jobs_total": selectors.export_job_list(actor=user).count(),
            "regencies": report_regencies(actor=user, area=province),
            "report_scope": _report_scope(user, province.code) if province else None,
            **_report_province_choice(province, provinces),
            "own_lks": report_own_lks(actor=user),
            "max_upload_bytes": form.max_upload_bytes,
            "pdf_sync_lks": report_jobs.pdf_sync_lks(),
            "shows_queue": selectors.job_queue_allowed(user),
        }
        return render(request, "exchange/index.html", context, status=status)


JOBS_PER_PAGE = 25  # the lists of all imports and of all exports


class ImportJobListView(LoginRequiredMixin, View):
    """Every import the user started, newest first, a page at a time: /exchange/ lists only the few newest."""

    def get(self, request: HttpRequest) -> HttpResponse:
        page = paginate(request, selectors.import_job_rows(actor=request.user), per_page=JOBS_PER_PAGE)
        # As on /exchange/: a job left running by a worker that died is ended here too.
        page.object_list = [services.import_job_settle(job=job) for job in page.object_list]
        return render(request, "exchange/import_list.html", {"page": page})


class ExportJobListView(LoginRequiredMixin, View):
    """Every background export and report the user asked for, newest first, a page at a time: /exchange/ lists only
    the few newest (a file made and not yet downloaded stays reachable until the retention period ends)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        page = paginate(request, selectors.export_job_list(actor=request.user), per_page=JOBS_PER_PAGE)
        page.object_list = [exports.export_job_settle(job=job) for job in page.object_list]
        return render(request, "exchange/export_list.html", {"page": page})


class JobQueueView(LoginRequiredMixin, View):
    """The task workers' queue, for province admins and superusers: what runs, what waits and since when, and what
    failed today; the page asks for it again every few seconds (htmx) while anything waits or runs."""

    def get(self, request: HttpRequest) -> HttpResponse:
        queue = selectors.job_queue(actor=request.user)
        # A run left "running" by a worker that died, or a job queued whose task was lost, is ended here too, as on
        # the lists: it would hold its place. In its owner's language, as the message it stores is theirs.
        settled = []
        for row in [*queue.running, *queue.waiting]:
            with translation.override(row.job.language):
                if isinstance(row.job, ImportJob):
                    settled.append(services.import_job_settle(job=row.job))
                else:
                    settled.append(exports.export_job_settle(job=row.job))
        if any(job.status not in ("running", "queued") for job in settled):
            queue = selectors.job_queue(actor=request.user)
        template = "exchange/queue.html#queue" if request.htmx else "exchange/queue.html"
        return render(request, template, {"queue": queue, "failed_hours": selectors.QUEUE_FAILED_HOURS})


UPLOAD_SCRIPT_HEADER = "X-Requested-With"  # sent by exchange/upload.js with the file


@login_required
@require_GET
def import_job_by_key(request: HttpRequest, key: uuid.UUID) -> HttpResponse:
    """Asked by the upload script before it sends a file again ("Coba lagi"): whether its first sending arrived and
    made a job. The answer was lost on the way back, but the file is on the server; sending 1.7 MB again on a slow
    metered link took a minute for nothing (the fifty-third review). 204 with the job's address, or 404."""
    job = selectors.import_job_by_upload_key(actor=request.user, key=key)
    if job is None:
        return HttpResponse(status=404)
    response = HttpResponse(status=204)
    response["Location"] = reverse("exchange:job", kwargs={"pk": job.pk})
    return response


def _to_job_page(request: HttpRequest, job: ImportJob) -> HttpResponse:
    """Where an upload goes next. The upload script is told the job's address (201 Created, Location) and goes there
    itself: a redirect would be followed by its XMLHttpRequest, which cannot be told not to, and the job's page
    fetched twice, once by the request and once by the browser. A form sent without JavaScript is redirected."""
    if request.headers.get(UPLOAD_SCRIPT_HEADER) != "XMLHttpRequest":
        return redirect("exchange:job", pk=job.pk)
    response = HttpResponse(status=201)
    response["Location"] = reverse("exchange:job", kwargs={"pk": job.pk})
    return response


def _access_purpose(request: HttpRequest) -> str:
    """The access purpose chosen in this session for personal data (UU PDP), or "" when not asked yet."""
    from sinergi.people.access import session_purpose

    return session_purpose(request) or ""


def _access_purpose_label(purpose: str) -> str:
    from sinergi.people.choices import AccessPurpose

    return str(AccessPurpose(purpose).label) if purpose else ""


def _purpose_prompt_url(next_url: str) -> str:
    return f"{reverse('people:purpose')}?{urlencode({'next': next_url})}"


def _report_scope(user, area_code: str):
    from sinergi.organisations.reports import report_scope

    return report_scope(actor=user, area_code=area_code)


def _report_page_province(request: HttpRequest):
    """The province whose reports the page offers and the provinces to choose among (`?province=` on a national
    server; see report_page_province)."""
    from sinergi.organisations.reports import report_page_province

    return report_page_province(actor=request.user, requested=request.GET.get("province", ""))


def _report_province_choice(province, provinces: list) -> dict:
    """On a national server, the province in the report links' address, and the provinces a reader of several (or a
    superuser) chooses among; nothing on a province server, whose report has one province."""
    if not is_national_deployment():
        return {"report_province": None, "report_provinces": []}
    return {"report_province": province, "report_provinces": provinces if len(provinces) > 1 else []}


@login_required
def template_download(request: HttpRequest, entity: str) -> HttpResponse:
    """The XLSX import template of an entity (no data in it, so anyone signed in may have it)."""
    spec = _entity_or_404(entity)
    response = HttpResponse(template_bytes(spec), content_type=XLSX_TYPE)
    name = download_filename(_("templat-impor-%(entity)s") % {"entity": spec.download_slug}, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ImportJobView(LoginRequiredMixin, View):
    """One import: progress while it runs (HTMX polls the status part), then counts, preview and problems."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            job = services.import_job_settle(job=selectors.import_job_get(actor=request.user, pk=pk))
        except selectors.ImportAccessChanged:
            if not request.htmx:
                raise
            # The page's poll, as the job ends after its user's roles changed: the whole page is asked for again, and
            # says why (a refused poll left the page standing at "Menunggu" without a word).
            return HttpResponse(headers={"HX-Refresh": "true"})
        context = {"job": job, "entity": _entity_or_404(job.entity), "display": selectors.import_job_display(job)}
        template = "exchange/job.html#status" if request.htmx else "exchange/job.html"
        response = render(request, template, context)
        # Back after "Impor sekarang" must ask again, not show the trial's page with its button from the cache.
        add_never_cache_headers(response)
        return response


def _run_from(request: HttpRequest, job: ImportJob, start) -> HttpResponse:
    """A new run from a stored job (confirmed, or checked again), then its page; a refusal stays on this one."""
    pk = job.pk
    try:
        new = start(job)
    except (TransitionError, PermissionDenied) as error:
        messages.error(request, str(error))
        return redirect("exchange:job", pk=pk)
    except services.FileGone as gone:
        messages.error(request, gone.message)
        return redirect("exchange:job", pk=pk)
    return redirect("exchange:job", pk=new.pk)


@login_required
@require_POST
def import_job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(actor=request.user, pk=pk)
    if (imported := job.confirmed_as()) is not None:
        # A second tap on "Impor sekarang" (on a slow link the page is still the trial's): the import the first
        # tap started, not the trial's page with an error saying it was imported.
        return redirect("exchange:job", pk=imported.pk)
    return _run_from(
        request, job, lambda job: services.import_job_confirm(job=job, actor=request.user, request=request)
    )


@login_required
@require_POST
def import_job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(actor=request.user, pk=pk)
    return _run_from(request, job, lambda job: services.import_job_retry(job=job, actor=request.user, request=request))


@login_required
@require_POST
def import_job_read_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """One sheet of a workbook refused for having records on several, checked as a new trial."""
    job = selectors.import_job_get(actor=request.user, pk=pk)
    sheet = request.POST.get("sheet", "")
    return _run_from(
        request,
        job,
        lambda job: services.import_job_read_sheet(job=job, actor=request.user, sheet=sheet, request=request),
    )


@login_required
@require_POST
def import_job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.import_job_get(actor=request.user, pk=pk, same_access=False)
    try:
        services.import_job_cancel(job=job, actor=request.user, request=request)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        if job.dry_run:
            messages.info(
                request, _("Permintaan pembatalan dikirim: uji coba berhenti. Uji coba tidak menyimpan apa pun.")
            )
        else:
            # Not "nothing will be saved": a run past its last check commits anyway; the page shows how it ended.
            messages.info(
                request,
                _(
                    "Permintaan pembatalan dikirim: impor berhenti tanpa menyimpan apa pun, kecuali bila "
                    "penyimpanannya sudah selesai. Hasil akhirnya tampil di halaman ini."
                ),
            )
    return redirect("exchange:job", pk=pk)


@login_required
def import_job_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report of a run with problems or warnings: the uploaded rows with an error column and a sheet listing
    the problems and/or the warnings (only for the user who imported)."""
    job = selectors.import_job_get(actor=request.user, pk=pk)
    if not job.error_report and not job.files_purged_at:
        raise Http404
    try:
        if not job.error_report:
            raise FileNotFoundError
        handle = job.error_report.open("rb")
    except FileNotFoundError:
        gone = services.import_files_gone_message(services.retention_days() if job.files_purged_at else None)
        with translation.override(job.language):
            erased = services.import_erased_notice() in job.notices
        if erased:  # removed with an erasure, days before the retention: not "N days after the import"
            gone = services.import_erased_notice()
        messages.error(request, gone)
        return redirect("exchange:job", pk=pk)
    services.import_report_downloaded(job=job, actor=request.user, request=request)
    stem = job.original_name.rsplit(".", 1)[0]
    # Named in the language its content was written in (the run's), whichever the page is read in now.
    with translation.override(job.language):
        if job.problem_count:
            name = download_filename(_("laporan-kesalahan-%(name)s") % {"name": stem}, "xlsx")
        elif (job.preview or {}).get("warnings"):
            name = download_filename(_("laporan-peringatan-%(name)s") % {"name": stem}, "xlsx")
        else:
            name = download_filename(_("daftar-perubahan-%(name)s") % {"name": stem}, "xlsx")
    return FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX_TYPE)


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A download link that cannot be served (an edited address, a filter value that is not offered): a page that
    says why, in the interface's language, rather than bare text."""
    return render(request, "errors/bad_request.html", {"message": message}, status=400)


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


# ---------------------------------------------------------------------------------------------- PDF reports


@login_required
def lks_profile_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """An LKS profile on A4, from the data of its detail page. Always rendered here, never by the task worker: one LKS
    is one or two pages (~0.5 s even with 1,300 clients), unlike the reports of report_jobs."""
    from sinergi.organisations.reports import lks_profile

    context = lks_profile(actor=request.user, pk=pk)
    organisation = context["organisation"]
    content = render_pdf("exchange/pdf/lks_profile.html", context)
    # Audited once the file exists: a render that failed (or timed out) handed nothing over.
    audit_record(
        actor=request.user,
        action="organisations.organisation.exported",
        obj=organisation,
        data={"format": "pdf", "report": "profile"},
        request=request,
    )
    return pdf_response(content, name=_("profil-%(name)s") % {"name": organisation.name})


def _report_or_job(request: HttpRequest, *, report: str, area_code: str) -> HttpResponse:
    """A province report or kabupaten/kota summary: the job page when the task worker makes it (past
    SINERGI["PDF_SYNC_LKS"] LKS, or the same report already pending), else the PDF rendered here."""
    try:
        queued = report_jobs.report_job_if_long(actor=request.user, report=report, area_code=area_code, request=request)
    except ValidationError as error:  # too many jobs pending
        return _bad_request(request, " ".join(error.messages))
    if queued is not None:
        job, was_pending = queued
        if was_pending:
            messages.info(
                request,
                _(
                    "Laporan yang sama sedang disusun untuk Anda; ini halamannya. Bila perlu salinan lain, minta lagi "
                    "setelah yang ini selesai."
                ),
            )
        return redirect("exchange:export_job", pk=job.pk)
    document = report_jobs.report_document(actor=request.user, report=report, area_code=area_code)
    content = render_pdf(document.template, document.context)
    # Audited once the file exists: a render that failed (or timed out) handed nothing over.
    data = {"format": "pdf", "report": report, "region": area_code, "scope": document.audit_scope}
    # The areas whose exact client and worker figures it prints (report_aggregate_areas).
    data["aggregates"] = [part.area_code for part in document.context["parts"]]
    audit_record(actor=request.user, action="statistics.report.exported", data=data, request=request)
    return pdf_response(content, name=document.name)


@login_required
def regency_summary_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """A kabupaten/kota summary on A4."""
    return _report_or_job(request, report=ReportKind.REGENCY, area_code=code)


@login_required
def province_report_pdf(request: HttpRequest) -> HttpResponse:
    """The province report: the dashboard's tables and charts on A4, of the deployment's province, or on a national
    server of the province asked for (`?province=35`), else the reader's only one; a reader of several who asked for
    none is shown the provinces they may print."""
    from sinergi.organisations.reports import ProvinceNeeded, report_province

    if region_scope_codes(request.user, Action.EXPORT) == []:
        raise PermissionDenied
    try:
        province = report_province(actor=request.user, requested=request.GET.get("province", ""))
    except ProvinceNeeded as needed:
        return render(request, "exchange/province_choice.html", {"provinces": needed.choices}, status=400)
    return _report_or_job(request, report=ReportKind.PROVINCE, area_code=province)


def _download_slug(entity_key: str) -> str:
    try:
        return get_entity(entity_key).download_slug
    except LookupError:
        return entity_key
