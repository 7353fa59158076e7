"""One referral (its summary, shared data and timeline) and the answers to it: accept, decline, complete,
cancel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.core.errors import TransitionError, ValidationError
from sinergi.organisations.selectors import regency_names
from sinergi.people.access import person_access_record
from sinergi.people.choices import PlacementStatus
from sinergi.people.models import CarePlanReview

from .. import selectors, services
from ..choices import ReferralStatus
from ..forms import CancelForm, CompleteForm, DeclineForm
from ..models import Referral
from ._common import _apply_errors, _error_text, _purpose, _require_role


def _timeline(referral: Referral):
    return list(referral.events.all())


def detail_context(request: HttpRequest, referral: Referral, **forms) -> dict:
    user = request.user
    level = selectors.referral_level(actor=user, referral=referral)
    roles = selectors.referral_role(actor=user, referral=referral)
    person = referral.person
    shows_person = level != selectors.SUMMARY
    reviews = []
    placement = referral.from_placement
    if shows_person and (level == selectors.FULL or referral.share_care_plan) and placement:
        reviews = list(CarePlanReview.objects.filter(placement=placement).order_by("-reviewed_on")[:10])
    status = referral.status
    return {
        "referral": referral,
        "level": level,
        "full": level == selectors.FULL,
        "shows_person": shows_person,
        "person": person if shows_person else None,
        "categories": list(person.ppks_categories.all()) if shows_person else [],
        "reviews": reviews,
        "events": _timeline(referral),
        "origin_name": regency_names([referral.origin_regency_code]).get(referral.origin_regency_code, ""),
        "overdue": status == ReferralStatus.SENT and referral.due_at < timezone.now(),
        "can_answer": "receiver" in roles and status == ReferralStatus.SENT,
        "can_complete": "receiver" in roles and status == ReferralStatus.ACCEPTED,
        "can_cancel": "sender" in roles and status == ReferralStatus.SENT,
        "decline_form": forms.get("decline_form") or DeclineForm(),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
        "complete_form": forms.get("complete_form") or CompleteForm(),
        "placement_active": bool(placement and placement.status == PlacementStatus.ACTIVE),
    }


class ReferralDetailView(LoginRequiredMixin, View):
    """One referral: the summary for everyone in scope, the shared data for those allowed, and its timeline."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        _require_role(request.user)
        referral = selectors.referral_get(actor=request.user, pk=pk)
        context = detail_context(request, referral)
        if context["shows_person"]:
            person_access_record(
                actor=request.user,
                person=referral.person,
                what="referral_viewed",
                purpose=_purpose(request),
                request=request,
            )
        return render(request, "referrals/detail.html", context)


def _act(request: HttpRequest, pk: int, call, *, form_class=None, form_name: str = "", done: str) -> HttpResponse:
    _require_role(request.user)
    referral = selectors.referral_get(actor=request.user, pk=pk)
    form = None
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            return render(
                request, "referrals/detail.html", detail_context(request, referral, **{form_name: form}), status=400
            )
    try:
        call(referral, form.cleaned_data if form else {})
    except ValidationError as error:
        if form is not None:
            _apply_errors(form, error)
            return render(
                request, "referrals/detail.html", detail_context(request, referral, **{form_name: form}), status=400
            )
        messages.error(request, _error_text(error))
    except (PermissionDenied, TransitionError) as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, done)
    return redirect("referrals:detail", pk)


@login_required
@require_POST
def referral_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """The receiving LKS accepts (the placement moves to it)."""
    return _act(
        request,
        pk,
        lambda r, _data: services.referral_accept(actor=request.user, referral=r, request=request),
        done=_("Rujukan diterima."),
    )


@login_required
@require_POST
def referral_decline(request: HttpRequest, pk: int) -> HttpResponse:
    """The receiving LKS declines, with a reason."""
    return _act(
        request,
        pk,
        lambda r, data: services.referral_decline(
            actor=request.user, referral=r, reason=data["reason"], request=request
        ),
        form_class=DeclineForm,
        form_name="decline_form",
        done=_("Rujukan ditolak."),
    )


@login_required
@require_POST
def referral_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """The receiver records that the referral is done."""
    return _act(
        request,
        pk,
        lambda r, data: services.referral_complete(
            actor=request.user, referral=r, note=data.get("note", ""), request=request
        ),
        form_class=CompleteForm,
        form_name="complete_form",
        done=_("Rujukan dinyatakan selesai."),
    )


@login_required
@require_POST
def referral_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """The sender withdraws an unanswered referral."""
    return _act(
        request,
        pk,
        lambda r, data: services.referral_cancel(
            actor=request.user, referral=r, reason=data["reason"], request=request
        ),
        form_class=CancelForm,
        form_name="cancel_form",
        done=_("Rujukan dibatalkan."),
    )
