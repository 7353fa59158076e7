"""Sending a referral from a person's page, and the capacity search that proposes LKS with free places."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from sinergi.accounts.scope import Action, can
from sinergi.core.errors import ValidationError
from sinergi.core.once import sent_once
from sinergi.core.params import as_id
from sinergi.organisations.models import Organisation
from sinergi.people.access import person_access_record
from sinergi.people.models import Person
from sinergi.people.selectors import person_get
from sinergi.vocabularies.models import Term, Vocabulary

from .. import selectors, services
from ..capacity import capacity_search, origin_of
from ..forms import TARGET_LKS, TARGET_SERVICE, CapacityForm, ReferralForm
from ._common import _apply_errors, _error_text, _purpose, _require_role


def _may_move(request: HttpRequest, person) -> bool:
    """Whether the user may move the person's stay, as a referral to an LKS does when accepted (sending.py)."""
    placement = services.active_placement(person)
    return placement is not None and can(request.user, Action.PERSON_CHANGE, placement)


def _capacity_rows(*, person: Person, organisation: Organisation | None, category, today):
    age = services.client_age(person, today)
    origin = origin_of(organisation, fallback_region_code=person.origin_region_id or "")
    exclude = {person.organisation_id} | ({organisation.pk} if organisation else set())
    return capacity_search(ppks_category=category, age=age, sex=person.sex, origin=origin, exclude_ids=exclude)


class ReferralCreateView(LoginRequiredMixin, View):
    """Refers one person: the capacity search proposes LKS with free places, nearest first."""

    def _setup(self, request: HttpRequest, person_pk: int):
        _require_role(request.user)
        person = person_get(actor=request.user, pk=person_pk)
        organisations = selectors.sending_organisations(actor=request.user)
        if not organisations.exists():
            raise PermissionDenied
        return person, organisations

    def _context(self, request, person, form, organisations) -> dict:
        placement = services.active_placement(person)
        # After a refused POST the search follows the category the user chose.
        category = form.cleaned_data.get("ppks_category") if form.is_bound and hasattr(form, "cleaned_data") else None
        category = category or (placement.ppks_category if placement else person.ppks_categories.first())
        sender = organisations.filter(pk=person.organisation_id).first() or organisations.first()
        today = timezone.localdate()
        rows = _capacity_rows(person=person, organisation=sender, category=category, today=today) if category else []
        chosen = form.data.get("to_organisation") if form.is_bound else None
        return {
            "person": person,
            "placement": placement,
            "form": form,
            "rows": rows,
            "chosen": str(chosen or ""),
            "searched": category is not None,
            "category": category,
            "sender": sender,
            "age": services.client_age(person, today),
        }

    def get(self, request: HttpRequest, person_pk: int) -> HttpResponse:
        person, organisations = self._setup(request, person_pk)
        placement = services.active_placement(person)
        sender = organisations.filter(pk=person.organisation_id).first() or organisations.first()
        may_move = _may_move(request, person)
        initial = {
            "from_organisation": sender,
            "ppks_category": placement.ppks_category if placement else person.ppks_categories.first(),
            # A board cannot move a placement (only the LKS serving the person can): it refers to services.
            "target": TARGET_LKS if sender.is_lks and may_move else TARGET_SERVICE,
        }
        form = ReferralForm(person=person, organisations=organisations, initial=initial, may_move=may_move)
        person_access_record(
            actor=request.user, person=person, what="referral_form", purpose=_purpose(request), request=request
        )
        return render(request, "referrals/create.html", self._context(request, person, form, organisations))

    @sent_once
    def post(self, request: HttpRequest, person_pk: int) -> HttpResponse:
        person, organisations = self._setup(request, person_pk)
        form = ReferralForm(
            request.POST, person=person, organisations=organisations, may_move=_may_move(request, person)
        )
        if form.is_valid():
            data = form.service_data()
            try:
                referral = services.referral_send(
                    actor=request.user,
                    person=person,
                    from_organisation=data.pop("from_organisation"),
                    data=data,
                    request=request,
                )
            except ValidationError as error:
                _apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, _error_text(error))
            else:
                messages.success(
                    request,
                    _("Rujukan #%(number)s telah dikirim ke %(target)s.")
                    % {"number": referral.pk, "target": referral.target_label},
                )
                return redirect("referrals:detail", referral.pk)
        context = self._context(request, person, form, organisations)
        return render(request, "referrals/create.html", context, status=400)


def _capacity_params(request: HttpRequest):
    """The search's parameters; from the referral form, its own field names (category id, sender) are accepted."""
    params = request.GET.copy()
    category = params.get("ppks_category", "")
    if not params.get("ppks") and (category_id := as_id(category)):
        term = Term.objects.filter(vocabulary=Vocabulary.PPKS, pk=category_id).first()
        params["ppks"] = term.code if term else category
    if not params.get("near") and params.get("from_organisation"):
        params["near"] = params["from_organisation"]
    return params


@login_required
def capacity(request: HttpRequest) -> HttpResponse:
    """The capacity search: a page of its own, or (htmx) the results inside the referral form."""
    _require_role(request.user)
    form = CapacityForm(_capacity_params(request) or None)
    rows, person = [], None
    if person_pk := request.GET.get("person"):
        try:
            person = person_get(actor=request.user, pk=int(person_pk))
        except (ValueError, Http404):
            person = None
    if form.is_valid():
        data = form.cleaned_data
        # Without an explicit origin, an LKS operator searches from their own LKS.
        near = data.get("near") or selectors.own_lks_for_search(request.user)
        exclude = {near.pk} if near else set()
        if person is not None:
            exclude.add(person.organisation_id)
        origin = origin_of(near, fallback_region_code=(person.origin_region_id or "") if person else "")
        rows = capacity_search(
            ppks_category=data["ppks"],
            age=data.get("age"),
            sex=data.get("sex") or None,
            origin=origin,
            exclude_ids=exclude,
        )
    context = {
        "search_form": form,
        "searched": form.is_bound and form.is_valid(),
        "rows": rows,
        "selectable": request.GET.get("select") == "1",
        "chosen": request.GET.get("to_organisation", ""),
    }
    if request.htmx:
        return render(request, "referrals/_capacity_results.html", context)
    return render(request, "referrals/capacity.html", context)
