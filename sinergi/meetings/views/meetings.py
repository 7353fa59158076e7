"""Meeting list, creation, editing, the detail page and its small forms (agenda, participants, invitations,
decisions, action items, reviews, status)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.core.errors import PermissionDenied, ValidationError
from sinergi.core.pagination import paginate
from sinergi.core.params import posted_id

from .. import selectors, services
from ..choices import MEETING_TRANSITIONS, MeetingStatus
from ..forms import (
    ActionItemForm,
    ActionStatusForm,
    AgendaItemForm,
    DecisionForm,
    InviteOrganisationsForm,
    MeetingForm,
    ParticipantForm,
    ReviewForm,
)
from ..models import ActionItemReview, AgendaItem, Meeting, Minutes, Participant
from ._common import apply_errors, attempt, form_errors


class MeetingListView(LoginRequiredMixin, View):
    """Meetings the user organises, supervises or is concerned by, with filters."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.meeting_list(actor=request.user, filters=request.GET)
        queryset = filterset.qs if filterset.is_valid() else Meeting.objects.none()
        context = {
            "filterset": filterset,
            "page": paginate(request, queryset),
            "may_organise": selectors.may_organise(request.user),
        }
        return render(request, "meetings/list.html", context)


class MeetingCreateView(LoginRequiredMixin, View):
    """A board organises a new meeting (draft)."""

    def _organisers(self, request: HttpRequest):
        organisers = selectors.organiser_choices(actor=request.user)
        if not organisers.exists():
            raise PermissionDenied(_("Anda tidak berwenang menyelenggarakan rapat."))
        return organisers

    def get(self, request: HttpRequest) -> HttpResponse:
        organisers = self._organisers(request)
        form = MeetingForm(organisers=organisers, initial={"organiser": organisers.first()})
        return render(request, "meetings/form.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = MeetingForm(request.POST, organisers=self._organisers(request))
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_create(
                    actor=request.user,
                    organiser=data["organiser"],
                    kind=data["kind"],
                    title=data["title"],
                    days=form.day_specs(),
                    venue=data["venue"],
                    online_link=data["online_link"],
                    description=data["description"],
                    time_zone=data["time_zone"],
                    request=request,
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Rapat “%(title)s” tersimpan sebagai draf.") % {"title": meeting.title})
                return redirect("meetings:detail", pk=meeting.pk)
        return render(request, "meetings/form.html", {"form": form}, status=400)


class MeetingUpdateView(LoginRequiredMixin, View):
    """Changes a meeting's particulars and days (organisers only)."""

    def _meeting(self, request: HttpRequest, pk: int) -> Meeting:
        meeting = selectors.meeting_get(actor=request.user, pk=pk)
        if not selectors.meeting_access(actor=request.user, meeting=meeting).may_change:
            raise Http404
        return meeting

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = self._meeting(request, pk)
        form = MeetingForm(initial=MeetingForm.initial_for(meeting))
        return render(request, "meetings/form.html", {"form": form, "meeting": meeting})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = self._meeting(request, pk)
        form = MeetingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.meeting_update(
                    actor=request.user,
                    meeting=meeting,
                    kind=data["kind"],
                    title=data["title"],
                    days=form.day_specs(),
                    venue=data["venue"],
                    online_link=data["online_link"],
                    description=data["description"],
                    time_zone=data["time_zone"],
                    request=request,
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Perubahan tersimpan."))
                return redirect("meetings:detail", pk=meeting.pk)
        return render(request, "meetings/form.html", {"form": form, "meeting": meeting}, status=400)


class MeetingDetailView(LoginRequiredMixin, View):
    """One meeting: days, agenda, participants, carried action items, decisions, action items, minutes."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = selectors.meeting_get(actor=request.user, pk=pk)
        access = selectors.meeting_access(actor=request.user, meeting=meeting)
        minutes = Minutes.objects.filter(meeting=meeting).first()
        today = timezone.localdate()
        context = {
            "meeting": meeting,
            "access": access,
            # The invitee's page (RSVP, QR check-in) while its link holds; after, the button led to "link expired".
            "invitation_open": access.participant is not None
            and not selectors.participant_link_expired(access.participant),
            "today": today,
            "minutes": minutes if minutes and (minutes.approved or access.may_see_all) else None,
            "participants": selectors.participants_of(meeting=meeting) if access.may_see_all else [],
            "rsvp_counts": _rsvp_counts(meeting) if access.may_see_all else {},
            "reviews": selectors.review_list(meeting=meeting),
            "next_statuses": [MeetingStatus(s) for s in sorted(MEETING_TRANSITIONS.get(meeting.status, set()))],
            "status_form": ActionStatusForm(),
            "overdue_ids": {i.pk for i in meeting.action_items.all() if selectors.is_overdue(i, today)},
        }
        if access.may_change and meeting.status != MeetingStatus.CLOSED:
            context |= {
                "agenda_form": AgendaItemForm(),
                "participant_form": ParticipantForm(meeting=meeting),
                "invite_form": InviteOrganisationsForm(meeting=meeting),
                "decision_form": DecisionForm(),
                "action_form": ActionItemForm(meeting=meeting),
                "review_form": ReviewForm(),
                "uninvited": meeting.participants.filter(invited_at__isnull=True).count(),
            }
        return render(request, "meetings/detail.html", context)


def _rsvp_counts(meeting: Meeting) -> dict[str, int]:
    counts = {"accepted": 0, "declined": 0, "pending": 0}
    for value in meeting.participants.values_list("rsvp", flat=True):
        counts[value] = counts.get(value, 0) + 1
    return counts


@login_required
@require_POST
def meeting_change(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """The detail page's small forms, each one service call; refusals come back as messages."""
    meeting = selectors.meeting_get(actor=request.user, pk=pk)
    user = request.user
    anchor = ""
    if what == "agenda":
        form = AgendaItemForm(request.POST)
        anchor = "agenda"
        if form.is_valid():
            attempt(
                request,
                lambda: services.agenda_item_add(actor=user, meeting=meeting, request=request, **form.cleaned_data),
                _("Acara ditambahkan."),
            )
        else:
            messages.error(request, form_errors(form))
    elif what == "agenda-remove":
        item = get_object_or_404(AgendaItem, meeting=meeting, pk=posted_id(request, "item"))
        anchor = "agenda"
        attempt(
            request, lambda: services.agenda_item_remove(actor=user, item=item, request=request), _("Acara dihapus.")
        )
    elif what == "participant":
        form = ParticipantForm(request.POST, meeting=meeting)
        anchor = "participants"
        if form.is_valid():
            attempt(
                request,
                lambda: services.participant_add(actor=user, meeting=meeting, request=request, **form.cleaned_data),
                _("Peserta ditambahkan."),
            )
        else:
            messages.error(request, form_errors(form))
    elif what == "participant-remove":
        participant = get_object_or_404(Participant, meeting=meeting, pk=posted_id(request, "participant"))
        anchor = "participants"
        attempt(
            request,
            lambda: services.participant_remove(actor=user, participant=participant, request=request),
            _("Peserta dihapus."),
        )
    elif what == "invite-organisations":
        form = InviteOrganisationsForm(request.POST, meeting=meeting)
        anchor = "participants"
        if form.is_valid():
            created = attempt(
                request,
                lambda: services.participants_invite_organisations(
                    actor=user, meeting=meeting, organisations=form.organisations(), request=request
                ),
                _("Organisasi terpilih ditambahkan sebagai peserta."),
            )
            if created is not None:
                messages.info(request, _("%(n)s peserta baru.") % {"n": len(created)})
        else:
            messages.error(request, form_errors(form))
    elif what == "send-invitations":
        anchor = "participants"
        count = attempt(
            request,
            lambda: services.meeting_invitations_send(actor=user, meeting=meeting, request=request),
            _("Undangan terkirim."),
        )
        if count is not None:
            messages.info(request, _("%(n)s peserta diundang.") % {"n": count})
    elif what == "status":
        attempt(
            request,
            lambda: services.meeting_transition(
                actor=user, meeting=meeting, to_status=request.POST.get("status", ""), request=request
            ),
            _("Status rapat diubah."),
        )
    elif what == "decision":
        form = DecisionForm(request.POST)
        anchor = "decisions"
        if form.is_valid():
            attempt(
                request,
                lambda: services.decision_add(
                    actor=user, meeting=meeting, text=form.cleaned_data["text"], request=request
                ),
                _("Keputusan dicatat."),
            )
        else:
            messages.error(request, form_errors(form))
    elif what == "action-item":
        form = ActionItemForm(request.POST, meeting=meeting)
        anchor = "actions"
        if form.is_valid():
            attempt(
                request,
                lambda: services.action_item_create(actor=user, meeting=meeting, request=request, **form.cleaned_data),
                _("Tindak lanjut dicatat."),
            )
        else:
            messages.error(request, form_errors(form))
    elif what == "review":
        review = get_object_or_404(ActionItemReview, meeting=meeting, pk=posted_id(request, "review"))
        form = ReviewForm(request.POST)
        anchor = "reviews"
        if form.is_valid():
            attempt(
                request,
                lambda: services.action_item_review(
                    actor=user,
                    review=review,
                    note=form.cleaned_data["note"],
                    to_status=form.cleaned_data["status"],
                    request=request,
                ),
                _("Tinjauan dicatat."),
            )
        else:
            messages.error(request, form_errors(form))
    else:
        raise Http404
    url = redirect("meetings:detail", pk=meeting.pk).url
    return redirect(f"{url}#{anchor}" if anchor else url)
