"""PDF reports too long to lay out inside a request, made by the task worker as large list exports are (exports/).

WeasyPrint takes ~0.6-1 s a page: a province report over 4,000 LKS (29 pages) took 16-29 s and a summary of 587 LKS
12-21 s, so that two at once were killed by the web worker's timeout while every web worker was busy. A province report
or kabupaten/kota summary over more than SINERGI["PDF_SYNC_LKS"] LKS is therefore an `ExportJob` (file_format "pdf",
entity REPORT_ENTITY, its kind in `report`, its area in `region`) with what a background list export guarantees: audited
when asked and at the download, one job for the same report asked again while it is pending, counted among the user's
pending jobs, rendered in the requester's language with the requester's scope of the moment it runs, its file kept 0600
and handed over only while the requester's access is unchanged, purged after the retention days, and ended by settle
when its worker dies.

The LKS profile is always rendered in the request: one LKS is one or two pages (~0.5 s even with 1,300 clients).
"""

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from sinergi.accounts.scope import access_key
from sinergi.audit.services import audit_record
from sinergi.core.deployment import is_national_deployment
from sinergi.core.errors import PermissionDenied
from sinergi.core.storage import storage_refused
from sinergi.organisations.reports import (
    report_aggregate_areas,
    report_audit_scope,
    report_covered_lks,
    report_may_print,
)

from . import exports
from .models import REPORT_ENTITY, ExportJob, ExportStatus, ReportKind
from .pdf import render_pdf
from .selectors import report_job_pending, report_request_key
from .services import STORAGE_REFUSED

if TYPE_CHECKING:
    from sinergi.accounts.models import User

logger = logging.getLogger(__name__)
DEFAULT_PDF_SYNC_LKS = 300
PDF = "pdf"
REPORT_TEMPLATE = "exchange/pdf/summary.html"


@dataclass
class ReportDocument:
    """A report gathered and ready to lay out: its template's data, the downloaded file's name (without the date) and
    what its audit event says of its reach."""

    context: dict[str, Any]
    name: str
    audit_scope: list[str]
    template: str = REPORT_TEMPLATE


def report_document(*, actor: "User", report: str, area_code: str) -> ReportDocument:
    """The province report or a kabupaten/kota summary gathered with the actor's export scope, charts drawn: the same
    in the request and in the worker. Raises Http404 for a kabupaten/kota outside the scope."""
    from sinergi.organisations.reports import province_report, regency_summary

    from .pdf import bar_chart_svg

    if report == ReportKind.REGENCY:
        context = regency_summary(actor=actor, regency_code=area_code)
        _draw_part_charts(context)
        chart = context["chart"]
        chart_title = _("LKS aktif per kecamatan dan jenis layanan")
        context["chart_title"] = chart_title
        context["chart_svg"] = (
            bar_chart_svg(labels=chart["labels"], series=chart["series"], title=chart_title) if chart["labels"] else ""
        )
        # A summary over part of the kabupaten/kota (an operator's LKS) is named by its title, as the province report.
        whole = context["whole"]
        name = _("ringkasan-lks-%(name)s") % {"name": context["regency"].name} if whole else context["title"]
        return ReportDocument(context=context, name=name, audit_scope=context["audit_scope"])
    context = province_report(actor=actor, province_code=area_code)
    _draw_part_charts(context)
    context["charts"] = [
        {"title": c["title"], "svg": bar_chart_svg(labels=c["labels"], series=c["series"], title=c["title"])}
        for c in context["charts"]
        if c["labels"]
    ]
    # A report over part of the province is named by its title ("Laporan LKS dalam cakupan …"), not "provinsi"; on a
    # national server the province's name tells two provinces' files apart.
    if context["province_part"] is not None:
        name = context["title"]
    elif is_national_deployment():
        name = _("laporan-lks-%(province)s") % {"province": context["province"].name}
    else:
        name = _("laporan-lks-provinsi")
    return ReportDocument(context=context, name=name, audit_scope=context["audit_scope"])


def _draw_part_charts(context: dict[str, Any]) -> None:
    """The chart of each part other apps add (the people app's monthly served), drawn as the report's own."""
    from .pdf import bar_chart_svg

    for part in context["parts"]:
        chart = part.chart
        part.chart_svg = (
            bar_chart_svg(labels=chart["labels"], series=chart["series"], title=chart["title"])
            if chart and chart["labels"]
            else ""
        )


def pdf_sync_lks() -> int:
    """The most LKS a report may cover and still be rendered in the request (SINERGI["PDF_SYNC_LKS"])."""
    return int(settings.SINERGI.get("PDF_SYNC_LKS", DEFAULT_PDF_SYNC_LKS))


def report_runs_in_background(*, lks: int) -> bool:
    """Whether a report covering `lks` LKS is rendered by the task worker rather than in the request."""
    return lks > pdf_sync_lks()


def report_job_if_long(
    *, actor: "User", report: str, area_code: str, request: HttpRequest | None = None
) -> tuple[ExportJob, bool] | None:
    """The job of a report that the task worker makes, and whether it was already pending (the same report asked
    again while it is being made: no second render); None when the report is to be rendered in the request — short
    enough, or refused there as it always was (a kabupaten/kota outside the scope is not found)."""
    if not report_may_print(actor=actor, report=report, area_code=area_code):
        return None
    if (pending := report_job_pending(actor=actor, report=report, area_code=area_code)) is not None:
        return pending, True
    lks = report_covered_lks(actor=actor, area_code=area_code)
    if not report_runs_in_background(lks=lks):
        return None
    return report_job_create(actor=actor, report=report, area_code=area_code, lks=lks, request=request), False


def report_job_create(
    *, actor: "User", report: str, area_code: str, lks: int, request: HttpRequest | None = None
) -> ExportJob:
    """Queues a report for the task worker and audits it as the report's export (the download is audited again).
    The same report (kind and area) asked again by the same user while the first is queued or running is that first
    one: nothing new is made, queued or audited."""
    if not report_may_print(actor=actor, report=report, area_code=area_code):
        raise PermissionDenied(_("Anda tidak berwenang mencetak laporan ini."))

    def make() -> ExportJob:
        job = ExportJob.objects.create(
            token=secrets.token_hex(16),
            entity=REPORT_ENTITY,
            report=report,
            region_id=area_code,
            file_format=PDF,
            language=translation.get_language() or "id",
            requested_by=actor,
            requested_by_name=actor.get_username(),
            rows_total=lks,
            request_key=report_request_key(report=report, area_code=area_code),
            access_key=access_key(actor),
        )
        scope = report_audit_scope(actor=actor, report=report, area_code=area_code)
        aggregates = report_aggregate_areas(actor=actor, area_code=area_code)
        audit_record(
            actor=actor,
            action="statistics.report.exported",
            obj=job,
            data={**_audit_report(job), "scope": scope, "aggregates": aggregates, "lks_count": lks, "job": job.pk},
            request=request,
        )
        return job

    def pending() -> ExportJob | None:
        return report_job_pending(actor=actor, report=report, area_code=area_code)

    return exports.job_create_once(actor=actor, pending=pending, make=make)


def _audit_report(job: ExportJob) -> dict[str, Any]:
    """The report an audit event names, in the shape of the request's own event: its kind and its province or
    kabupaten/kota. The number of LKS it covers goes under "lks_count" ("lks" before the seventy-seventh review, which
    the log still reads as a count on these events: elsewhere "lks" is an LKS's id)."""
    return {"format": PDF, "report": job.report, "region": job.region_id}


def report_job_render(job: ExportJob) -> ExportJob:
    """Gathers and lays out a queued report with the requester as the actor (their scope today, in their language),
    and stores the PDF. Called by exports.export_job_run, which holds the job's runner lock: a worker that dies here
    leaves it to export_job_settle. A cancel cannot stop WeasyPrint halfway: it is honoured before the layout and by
    throwing the file away after it."""
    actor = job.requested_by
    with translation.override(job.language):
        try:
            if not report_may_print(actor=actor, report=job.report, area_code=job.region_id or ""):
                return exports._finish(
                    job,
                    ExportStatus.FAILED,
                    message=_("Laporan gagal: Anda tidak lagi berwenang mencetak laporan ini."),
                )
            document = report_document(actor=actor, report=job.report, area_code=job.region_id or "")
            if exports._stop_asked(job.pk):
                return exports._finish(job, ExportStatus.CANCELLED)
            content = render_pdf(document.template, document.context)
            job.file.save(f"{job.token}.{PDF}", ContentFile(content), save=False)
        except Exception as error:
            logger.exception("Report job %s failed", job.pk)
            job.file.delete(save=False)
            return exports._finish(
                job,
                ExportStatus.FAILED,
                message=str(STORAGE_REFUSED)
                if storage_refused(error)
                else _(
                    "Laporan gagal disusun karena kesalahan tak terduga. Coba lagi; bila berulang, laporkan ke admin."
                ),
            )
    if exports._stop_asked(job.pk):
        job.file.delete(save=False)
        return exports._finish(job, ExportStatus.CANCELLED)
    job.download_name = str(document.name)[:200]
    job.rows_total = job.rows_done = report_covered_lks(actor=actor, area_code=job.region_id or "")
    return exports._finish(job, ExportStatus.SUCCEEDED, also=("download_name",))


def report_job_downloaded(*, job: ExportJob, actor: "User", request: HttpRequest | None = None) -> None:
    """Audits the handing over of a report's file, as the request's own rendering is audited."""
    audit_record(
        actor=actor,
        action="statistics.report.downloaded",
        obj=job,
        data={**_audit_report(job), "lks_count": job.rows_done, "job": job.pk},
        request=request,
    )


def report_job_may_download(*, job: ExportJob, actor: "User") -> bool:
    """Whether `actor` may still print the report the job holds (the list export's can_export, for a report)."""
    return report_may_print(actor=actor, report=job.report, area_code=job.region_id or "")


__all__ = [
    "report_document",
    "report_job_create",
    "report_job_downloaded",
    "report_job_if_long",
    "report_job_may_download",
    "report_job_render",
    "report_runs_in_background",
]
