"""The PDF reports: an LKS profile (always rendered here), and the kabupaten/kota summary and province report,
rendered here or sent to the task worker when long (report_jobs), each audited once the file exists.

Apart because they render PDFs (`render_pdf`, which the tests replace here) rather than import or export data.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sinergi.accounts.scope import Action, region_scope_codes
from sinergi.audit.services import audit_record
from sinergi.core.errors import ValidationError

from .. import report_jobs
from ..models import ReportKind
from ..pdf import pdf_response, render_pdf
from ._common import _bad_request


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
