"""The exchange page (/exchange/: templates, the upload form, exports, reports and the user's recent jobs), the
lists of all imports and exports, and the task workers' queue.

Apart from the pages of one import, export or report, which these pages link to.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views import View

from sinergi.core.deployment import is_national_deployment
from sinergi.core.pagination import paginate

from .. import exports, report_jobs, selectors, services
from ..columns import entities
from ..files import FileRefused
from ..forms import UploadForm
from ..models import ImportJob
from ._common import _access_purpose, _access_purpose_label, _purpose_prompt_url
from .importing import _to_job_page


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
