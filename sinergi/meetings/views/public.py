"""The participant's own pages, reached through the secret token in their invitation (no login).

Every answer is sent `Cache-Control: private, no-store`, to visitors too (PrivateResponsesMiddleware covers only
signed-in users): the page names the invitee, and LKS offices share computers, so the Back button or a proxy must not
keep it. A link ends some days after its meeting was closed (selectors.participant_link_expired).
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import cache_control

from sinergi.core.errors import ValidationError

from .. import selectors, services
from ..choices import Rsvp
from ..links import checkin_path
from ..models import Attendance
from ..qr import qr_svg
from ._common import error_text


def link_expired_page(request: HttpRequest) -> HttpResponse:
    """The answer of a link whose meeting was closed long ago: nothing of the invitee or the meeting."""
    return render(request, "meetings/link_expired.html", status=410)


private = method_decorator(cache_control(private=True, no_store=True), name="dispatch")


@private
class RsvpView(View):
    """The invitation page: meeting, agenda, the participant's answer, and a QR code per day for self check-in."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        participant = selectors.participant_by_token(token)
        if selectors.participant_link_expired(participant):
            return link_expired_page(request)
        meeting = participant.meeting
        days = [
            {
                "day": day,
                "path": checkin_path(participant, day.date),
                # The QR holds the full address so any phone camera opens it.
                "qr": mark_safe(qr_svg(request.build_absolute_uri(checkin_path(participant, day.date)))),  # noqa: S308
            }
            for day in meeting.days.all()
        ]
        context = {
            "participant": participant,
            "meeting": meeting,
            "agenda": meeting.agenda_items.all(),
            "days": days,
            "today": timezone.localdate(),
        }
        return render(request, "meetings/rsvp.html", context)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        participant = selectors.participant_by_token(token)
        if selectors.participant_link_expired(participant):
            return link_expired_page(request)
        try:
            services.participant_rsvp(participant=participant, answer=request.POST.get("answer", ""), request=request)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            if participant.rsvp == Rsvp.ACCEPTED:
                messages.success(request, _("Terima kasih, kehadiran Anda kami catat."))
            else:
                messages.success(request, _("Terima kasih atas pemberitahuannya."))
        return redirect("meetings:rsvp", token=token)


@private
class CheckInView(View):
    """Self check-in from the QR code: the page asks for one tap, so a mail scanner following links checks no one
    in; only on that day; a second scan says the presence is already recorded."""

    def _context(self, request: HttpRequest, token: str, day: str) -> dict:
        participant = selectors.participant_by_token(token)
        meeting_day = selectors.meeting_day_by_date(meeting=participant.meeting, value=day)
        return {
            "participant": participant,
            "meeting": participant.meeting,
            "day": meeting_day,
            "today": timezone.localdate(),
            "attendance": Attendance.objects.filter(participant=participant, day=meeting_day).first(),
        }

    def get(self, request: HttpRequest, token: str, day: str) -> HttpResponse:
        context = self._context(request, token, day)
        if selectors.participant_link_expired(context["participant"]):
            return link_expired_page(request)
        return render(request, "meetings/checkin.html", context)

    def post(self, request: HttpRequest, token: str, day: str) -> HttpResponse:
        context = self._context(request, token, day)
        if selectors.participant_link_expired(context["participant"]):
            return link_expired_page(request)
        try:
            attendance, created = services.attendance_self_check_in(
                participant=context["participant"], day=context["day"], request=request
            )
        except ValidationError as error:
            context["error"] = error_text(error)
            return render(request, "meetings/checkin.html", context, status=400)
        context |= {"attendance": attendance, "just_recorded": created}
        return render(request, "meetings/checkin.html", context)
