"""Imports: the template to fill in, the upload's job page (progress, preview, problems), confirming, checking
again, reading one sheet, cancelling, and the report of a run's problems.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_GET, require_POST

from sinergi.core.downloads import (
    download_filename,
)
from sinergi.core.errors import TransitionError

from .. import selectors, services
from ..models import ImportJob
from ..workbook import template_bytes
from ._common import XLSX_TYPE, _entity_or_404

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
