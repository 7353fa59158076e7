"""Referral pages: inbox and outbox, sending from a person's page with the capacity search, the detail with its
timeline and the answer buttons, and what an LKS takes in. Rules live in services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import ACTION_ROLES, Action, active_memberships, can, restrict
from sinergi.core.errors import TransitionError, ValidationError
from sinergi.core.once import sent_once
from sinergi.core.pagination import paginate
from sinergi.core.params import as_id
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation
from sinergi.organisations.selectors import regency_names
from sinergi.people.access import person_access_record, session_purpose
from sinergi.people.choices import AccessPurpose, PlacementStatus
from sinergi.people.models import CarePlanReview, Person
from sinergi.people.selectors import person_get
from sinergi.vocabularies.models import Term, Vocabulary

from . import selectors, services
from .capacity import capacity_search, origin_of
from .choices import ReferralStatus
from .forms import (
    TARGET_LKS,
    TARGET_SERVICE,
    CancelForm,
    CapacityForm,
    CompleteForm,
    DeclineForm,
    IntakeForm,
    ReferralForm,
)
from .models import Referral

BOXES = {"inbox": gettext_lazy("Rujukan masuk"), "outbox": gettext_lazy("Rujukan keluar")}


def _require_role(user) -> None:
    """Referrals carry person-level data: only the roles that may see people (not Dinas Sosial) use these pages."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return
    if not any(m.role in ACTION_ROLES[Action.PERSON_VIEW] for m in active_memberships(user)):
        raise PermissionDenied


def _error_text(error: Exception) -> str:
    texts = getattr(error, "messages", None)
    return " ".join(str(m) for m in texts) if texts else str(error)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, items in error.error_dict.items():
            for item in items:
                message = item.message % (item.params or {}) if item.params else item.message
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _purpose(request: HttpRequest) -> str:
    return session_purpose(request) or AccessPurpose.CASE_REVIEW


def _may_move(request: HttpRequest, person) -> bool:
    """Whether the user may move the person's stay, as a referral to an LKS does when accepted (sending.py)."""
    placement = services.active_placement(person)
    return placement is not None and can(request.user, Action.PERSON_CHANGE, placement)


class ReferralListView(LoginRequiredMixin, View):
    """Inbox (referrals received in the user's scope) or outbox (sent from it); names only where allowed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _require_role(request.user)
        box = request.GET.get("box")
        if box not in BOXES:
            box = "outbox" if not selectors.operated_organisation_ids(request.user) else "inbox"
        queryset = selectors.referral_list(actor=request.user, box=box, filters=request.GET)
        page = paginate(request, queryset)
        levels = selectors.referral_levels(actor=request.user, referrals=page.object_list)
        context = {
            "box": box,
            "boxes": BOXES,
            "page": page,
            "rows": [(r, levels[r.pk]) for r in page.object_list],
            "statuses": ReferralStatus.choices,
            "status": request.GET.get("status", ""),
            "now": timezone.now(),
            "regency_names": regency_names([r.origin_regency_code for r in page.object_list]),
            "waiting": selectors.inbox_waiting_count(actor=request.user),
            "operates_lks": Organisation.objects.filter(
                pk__in=selectors.operated_organisation_ids(request.user), kind__in=LKS_KINDS
            ).exists(),
        }
        template = "referrals/list.html#results" if request.htmx else "referrals/list.html"
        return render(request, template, context)


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


class IntakeView(LoginRequiredMixin, View):
    """Which clients an LKS takes in (sex, ages), for the capacity search: its operator's by default; the province
    admin, its kabupaten/kota board or a superuser name the LKS (?organisation=, linked from the LKS's page), as
    those who may change its record (an LKS without an operator account has no one else to say it)."""

    def _organisation(self, request: HttpRequest) -> Organisation:
        chosen = request.GET.get("organisation") or request.POST.get("organisation")
        if chosen:
            changeable = restrict(
                Organisation.objects.filter(kind__in=LKS_KINDS), actor=request.user, action=Action.CHANGE
            )
            return get_object_or_404(changeable, pk=as_id(chosen))  # 0 for an edited address: not found
        operated = Organisation.objects.filter(
            pk__in=selectors.operated_organisation_ids(request.user), kind__in=LKS_KINDS
        )
        organisation = restrict(operated, actor=request.user, action=Action.CHANGE).order_by("name")
        first = organisation.first()
        if first is None:
            raise PermissionDenied
        return first

    def get(self, request: HttpRequest) -> HttpResponse:
        organisation = self._organisation(request)
        intake = selectors.intake_for(organisation)
        initial = {"sex": intake.sex, "min_age": intake.min_age, "max_age": intake.max_age} if intake else {}
        return render(
            request, "referrals/intake.html", {"organisation": organisation, "form": IntakeForm(initial=initial)}
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        organisation = self._organisation(request)
        form = IntakeForm(request.POST)
        if form.is_valid():
            try:
                services.intake_set(
                    actor=request.user, organisation=organisation, data=form.cleaned_data, request=request
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Ketentuan penerimaan disimpan."))
                return redirect(f"{reverse('referrals:intake')}?organisation={organisation.pk}")
        return render(request, "referrals/intake.html", {"organisation": organisation, "form": form}, status=400)
