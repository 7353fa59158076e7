"""The audit log page (province admins and superusers): a thin translation between HTTP and the selector."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View, defaults

from sinergi.core.downloads import csv_delimiter, csv_stream
from sinergi.core.pagination import paginate

from .display import audit_log_entries
from .exports import audit_log_csv, audit_log_export_record
from .models import AuditEvent
from .selectors import audit_event_list, audit_log_allowed
from .services import audit_record

PER_PAGE = 50


class AuditLogView(LoginRequiredMixin, View):
    """Who did what, when, from where and why, newest first; HTMX requests get only the results."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated and not audit_log_allowed(request.user):
            raise PermissionDenied(_("Hanya admin provinsi yang boleh membaca log audit."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = audit_event_list(actor=request.user, filters=request.GET)
        # An invalid filter (a date that is no date) shows nothing rather than everything unfiltered.
        page = paginate(request, filterset.qs if filterset.is_valid() else AuditEvent.objects.none(), per_page=PER_PAGE)
        context = {
            "filterset": filterset,
            "page": page,
            "entries": audit_log_entries(page.object_list, reader=request.user),
        }
        template = "audit/log.html#results" if request.htmx else "audit/log.html"
        return render(request, template, context)


class AuditLogExportView(AuditLogView):
    """The filtered log as CSV (`sep=semicolon` for Excel set to Indonesian), recorded as `audit.log.exported`."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = audit_event_list(actor=request.user, filters=request.GET)
        try:
            delimiter = csv_delimiter(request.GET.get("sep"))
        except ValueError as error:
            return HttpResponseBadRequest(str(error))
        if not filterset.is_valid():
            return HttpResponseBadRequest(" ".join(str(e) for errors in filterset.errors.values() for e in errors))
        events = filterset.qs
        audit_log_export_record(actor=request.user, filterset=filterset, rows=events.count(), request=request)
        return csv_stream(chunks=audit_log_csv(events, delimiter=delimiter), name="log-audit")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 403 (the branded 403.html), after recording the refusal of a signed-in user: someone opening pages
    outside their role, or the ids of another area, is seen in the audit log. The path only, never its query (a
    search may be a child's name)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        audit_record(
            actor=user,
            action="access.refused",
            request=request,
            # Not "reason" (free text the log hides): the refusal's own words, which name no one.
            data={"page": f"{request.method} {request.path[:200]}", "refusal": str(exception)[:300]},
        )
    return defaults.permission_denied(request, exception)
