"""Care actions posted from a client's detail page: SNPA stage, care-plan review, discharge, consent, incident."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action
from sinergi.core.errors import ConflictError, TransitionError, ValidationError
from sinergi.core.once import sent_once
from sinergi.core.pagination import paginate

from .. import selectors, services
from ..forms import (
    ConsentForm,
    DischargeForm,
    IncidentForm,
    PlacementCorrectionForm,
    ReviewForm,
    WithdrawalCorrectionForm,
    WithdrawalForm,
)
from ..models import Person, Placement
from ._common import PersonAreaMixin, apply_errors, error_text, purpose_redirect, require_role
from .clients import detail_context

# Forms posted from the detail page; on error the page is shown again with the form's messages in place.


def _detail_again(request: HttpRequest, person: Person, **forms) -> HttpResponse:
    messages.error(request, _("Data belum tersimpan. Periksa isian yang ditandai."))
    return render(request, "people/detail.html", detail_context(request, person, **forms), status=400)


def _placement(request: HttpRequest, pk: int, action: str = Action.PERSON_VIEW) -> Placement:
    return get_object_or_404(
        selectors.placement_list(actor=request.user, action=action).select_related("person"), pk=pk
    )


@login_required
@require_POST
def placement_stage(request: HttpRequest, pk: int) -> HttpResponse:
    """Moves a child's case one SNPA stage forward."""
    if refusal := purpose_redirect(request):
        return refusal
    placement = _placement(request, pk)
    try:
        services.placement_advance_stage(
            actor=request.user, placement=placement, stage=request.POST.get("stage", ""), request=request
        )
    except (ValidationError, PermissionDenied, TransitionError, ConflictError) as error:
        _refusal_message(request, error)
    else:
        messages.success(request, _("Tahap kasus diperbarui."))
    return redirect("people:detail", pk=placement.person_id)


def _refusal_message(request: HttpRequest, error: Exception) -> None:
    messages.error(request, error_text(error) or _("Anda tidak berwenang melakukan tindakan ini."))


@login_required
@require_POST
def placement_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Records a care-plan review; the next one falls due six months later."""
    if refusal := purpose_redirect(request):
        return refusal
    placement = _placement(request, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            review = services.care_plan_review_record(actor=request.user, placement=placement, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            _refusal_message(request, error)
            return redirect("people:detail", pk=placement.person_id)
        else:
            messages.success(
                request, _("Tinjauan tercatat. Tinjauan berikutnya: %(date)s.") % {"date": _d(review.next_review_on)}
            )
            return redirect("people:detail", pk=placement.person_id)
    return _detail_again(request, placement.person, review_form=form, review_for=placement.pk)


def _d(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else "—"


class PlacementDischargeView(PersonAreaMixin, View):
    """Ends a placement with a date and a reason (and the case stage becomes terminasi)."""

    action = Action.PERSON_CHANGE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        placement = _placement(request, pk, self.action)
        return render(request, "people/discharge.html", {"placement": placement, "form": DischargeForm()})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        placement = _placement(request, pk, self.action)
        form = DischargeForm(request.POST)
        if form.is_valid():
            try:
                services.placement_discharge(
                    actor=request.user,
                    placement=placement,
                    discharged_on=form.cleaned_data["discharged_on"],
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    request=request,
                )
            except ValidationError as error:
                apply_errors(form, error, aliases={"discharge_reason": "reason"})
            except (PermissionDenied, TransitionError) as error:
                form.add_error(None, str(error) or _("Anda tidak berwenang mengakhiri penempatan ini."))
            else:
                messages.success(request, _("Penempatan diakhiri."))
                return redirect("people:detail", pk=placement.person_id)
        placement = _placement(request, pk, self.action)  # the stored record, not what a failed clean left on it
        return render(request, "people/discharge.html", {"placement": placement, "form": form}, status=400)


class PlacementCorrectView(PersonAreaMixin, View):
    """Corrects what a stay was recorded with (admission date, main category, form of service, and an ended stay's
    leaving date and reason): what an import refuses to change, since it matches a stay by its admission date."""

    action = Action.PERSON_CHANGE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        placement = _placement(request, pk, self.action)
        form = PlacementCorrectionForm(placement=placement)
        return render(request, "people/placement_correct.html", {"placement": placement, "form": form})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        placement = _placement(request, pk, self.action)
        form = PlacementCorrectionForm(request.POST, placement=placement)
        if form.is_valid():
            try:
                services.placement_correct(
                    actor=request.user, placement=placement, data=form.cleaned_data, request=request
                )
            except ValidationError as error:
                apply_errors(form, error)
            except (PermissionDenied, TransitionError) as error:
                form.add_error(None, str(error) or _("Anda tidak berwenang mengubah penempatan ini."))
            else:
                messages.success(request, _("Data penempatan diperbaiki."))
                return redirect("people:detail", pk=placement.person_id)
        placement = _placement(request, pk, self.action)  # the stored record, not what a failed clean left on it
        return render(request, "people/placement_correct.html", {"placement": placement, "form": form}, status=400)


@login_required
@require_POST
@sent_once
def person_consent(request: HttpRequest, pk: int) -> HttpResponse:
    """Records a further consent (or other legal basis) for a person."""
    if refusal := purpose_redirect(request):
        return refusal
    person = selectors.person_get(actor=request.user, pk=pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.consent_record(actor=request.user, person=person, data=form.cleaned_data, request=request)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            _refusal_message(request, error)
            return redirect("people:detail", pk=pk)
        else:
            messages.success(request, _("Persetujuan tercatat."))
            return redirect("people:detail", pk=pk)
    return _detail_again(request, person, consent_form=form)


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Records that a consent was withdrawn; the record stays, marked, as proof of what held before."""
    if refusal := purpose_redirect(request):
        return refusal
    consent = selectors.consent_get(actor=request.user, pk=pk)
    form = WithdrawalForm(request.POST)
    if form.is_valid():
        try:
            services.consent_withdraw(
                actor=request.user, consent=consent, on=form.cleaned_data["withdrawn_on"], request=request
            )
        except (ValidationError, PermissionDenied, TransitionError) as error:
            _refusal_message(request, error)
        else:
            messages.success(request, _("Pencabutan persetujuan tercatat."))
    else:
        messages.error(request, _("Isi tanggal pencabutan dan centang “Pencabutan tidak dapat dibatalkan”."))
    return redirect(f"{reverse('people:detail', args=[consent.person_id])}#consents")


@login_required
@require_POST
def consent_withdrawal_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Corrects the day a withdrawal was recorded with; the withdrawal stays, the audit keeps the old day and why."""
    if refusal := purpose_redirect(request):
        return refusal
    consent = selectors.consent_get(actor=request.user, pk=pk)
    form = WithdrawalCorrectionForm(request.POST)
    if form.is_valid():
        try:
            services.consent_withdrawal_correct(
                actor=request.user,
                consent=consent,
                on=form.cleaned_data["withdrawn_on"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except (ValidationError, PermissionDenied, TransitionError) as error:
            _refusal_message(request, error)
        else:
            messages.success(request, _("Tanggal pencabutan persetujuan dikoreksi."))
    else:
        messages.error(request, _("Isi tanggal pencabutan yang benar dan alasan koreksinya."))
    return redirect(f"{reverse('people:detail', args=[consent.person_id])}#consents")


@login_required
@require_POST
@sent_once
def person_incident(request: HttpRequest, pk: int) -> HttpResponse:
    """Reports a suspicion of abuse or violence; Dinas Sosial of the kabupaten/kota is notified at once."""
    if refusal := purpose_redirect(request):
        return refusal
    person = selectors.person_get(actor=request.user, pk=pk)
    form = IncidentForm(request.POST)
    if form.is_valid():
        try:
            services.incident_report(actor=request.user, person=person, data=form.cleaned_data, request=request)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            _refusal_message(request, error)
            return redirect("people:detail", pk=pk)
        else:
            messages.success(request, _("Laporan insiden tercatat dan Dinas Sosial telah diberi tahu."))
            return redirect("people:detail", pk=pk)
    return _detail_again(request, person, incident_form=form)


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    """Reports of suspected abuse in the user's area: what Dinas Sosial is notified of, and follows up."""
    require_role(request.user, Action.INCIDENT_VIEW)
    page = paginate(request, selectors.incident_list(actor=request.user), per_page=30)
    return render(request, "people/incidents.html", {"page": page})
