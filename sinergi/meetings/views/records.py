"""Attendance checklist, minutes, the printed attendance list and minutes (PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.audit.services import audit_record
from sinergi.core.dates import shown
from sinergi.core.errors import PermissionDenied, ValidationError

from .. import selectors, services
from ..forms import MinutesForm
from ..models import Meeting, Minutes
from ..pdf import pdf_response, render_pdf
from ._common import attempt, error_text


def _organised(request: HttpRequest, pk: int) -> Meeting:
    """The meeting, for someone who may organise it (404 for anyone else: no existence leak)."""
    meeting = selectors.meeting_get(actor=request.user, pk=pk)
    if not selectors.meeting_access(actor=request.user, meeting=meeting).may_change:
        raise Http404
    return meeting


def _supervised(request: HttpRequest, pk: int) -> Meeting:
    """The meeting, for someone whose scope covers its organiser (organisers and supervisors)."""
    meeting = selectors.meeting_get(actor=request.user, pk=pk)
    if not selectors.meeting_access(actor=request.user, meeting=meeting).may_see_all:
        raise Http404
    return meeting


class AttendanceView(LoginRequiredMixin, View):
    """The organiser's checklist of who is present on one day; self check-ins show as already ticked."""

    def get(self, request: HttpRequest, pk: int, day: str) -> HttpResponse:
        meeting = _supervised(request, pk)
        meeting_day = selectors.meeting_day_by_date(meeting=meeting, value=day)
        days, rows = selectors.attendance_sheet(meeting=meeting)
        index = [d.pk for d in days].index(meeting_day.pk)
        context = {
            "meeting": meeting,
            "day": meeting_day,
            "days": days,
            "rows": [(row.participant, row.present[index]) for row in rows],
            "present_count": sum(1 for row in rows if row.present[index]),
            "may_change": selectors.meeting_access(actor=request.user, meeting=meeting).may_change,
        }
        return render(request, "meetings/attendance.html", context)

    def post(self, request: HttpRequest, pk: int, day: str) -> HttpResponse:
        meeting = _organised(request, pk)
        meeting_day = selectors.meeting_day_by_date(meeting=meeting, value=day)
        try:
            present = [int(v) for v in request.POST.getlist("present")]
        except ValueError:
            messages.error(request, _("Daftar hadir tidak terbaca."))
            return redirect("meetings:attendance", pk=pk, day=day)
        result = attempt(
            request,
            lambda: services.attendance_record(actor=request.user, day=meeting_day, present=present, request=request),
            _("Daftar hadir %(date)s tersimpan.") % {"date": shown(meeting_day.date)},
        )
        if result is not None:
            added, removed = result
            messages.info(request, _("%(a)s ditambahkan, %(r)s dihapus.") % {"a": added, "r": removed})
        return redirect("meetings:attendance", pk=pk, day=day)


class MinutesView(LoginRequiredMixin, View):
    """Writing the minutes (organisers); approving them makes them final."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = _organised(request, pk)
        minutes = Minutes.objects.filter(meeting=meeting).first()
        form = MinutesForm(initial={"text": minutes.text if minutes else _minutes_template(meeting)})
        return render(request, "meetings/minutes.html", {"meeting": meeting, "minutes": minutes, "form": form})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = _organised(request, pk)
        minutes = Minutes.objects.filter(meeting=meeting).first()
        form = MinutesForm(request.POST)
        if form.is_valid():
            try:
                services.minutes_save(actor=request.user, meeting=meeting, text=form.cleaned_data["text"])
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Notulen tersimpan."))
                return redirect("meetings:detail", pk=pk)
        return render(
            request, "meetings/minutes.html", {"meeting": meeting, "minutes": minutes, "form": form}, status=400
        )


def _minutes_template(meeting: Meeting) -> str:
    """A starting text: the agenda as headings, so the secretary fills in rather than starts from nothing."""
    lines = [_("Pembukaan"), ""]
    for item in meeting.agenda_items.all():
        lines += [f"{item.order}. {item.title}", ""]
    lines += [_("Penutup"), ""]
    return "\n".join(lines)


@login_required
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _organised(request, pk)
    attempt(
        request,
        lambda: services.minutes_approve(actor=request.user, meeting=meeting, request=request),
        _("Notulen disahkan."),
    )
    return redirect("meetings:detail", pk=pk)


@login_required
def attendance_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The attendance list: one page per day, with a signature column (organisers and supervisors)."""
    meeting = _supervised(request, pk)
    days, rows = selectors.attendance_sheet(meeting=meeting)
    audit_record(actor=request.user, action="meetings.attendance.printed", obj=meeting, request=request)
    context = {
        "meeting": meeting,
        "sheets": [
            {"day": day, "rows": [(row.participant, row.present[i]) for row in rows]} for i, day in enumerate(days)
        ],
        "generated_at": timezone.localtime(),
    }
    return pdf_response(
        render_pdf("meetings/pdf/attendance.html", context), name=_("daftar-hadir-%(title)s") % {"title": meeting.title}
    )


@login_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes with the days, agenda, attendance counts, decisions and action items."""
    meeting = selectors.meeting_get(actor=request.user, pk=pk)
    access = selectors.meeting_access(actor=request.user, meeting=meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and not minutes.approved and not access.may_see_all:
        minutes = None
    days, rows = selectors.attendance_sheet(meeting=meeting)
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "days": [(day, sum(1 for row in rows if row.present[i])) for i, day in enumerate(days)],
        "participants": len(rows),
        "generated_at": timezone.localtime(),
    }
    return pdf_response(
        render_pdf("meetings/pdf/minutes.html", context), name=_("notulen-%(title)s") % {"title": meeting.title}
    )
