"""Client (PPKS) pages: list, purpose prompt, detail, full-NIK reveal, admission, reviews due and exports."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action, can, restrict
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for_objects
from sinergi.core.crypto import FieldKeyMissing
from sinergi.core.errors import FRAGMENT_HEADER, ValidationError
from sinergi.core.once import sent_once
from sinergi.core.pagination import paginate
from sinergi.exchange.exports import export_url
from sinergi.exchange.list_filters import list_filter_problem
from sinergi.organisations.selectors import regency_names

from .. import selectors, services
from ..access import person_access_record, session_purpose, session_purpose_set
from ..choices import AccessPurpose, PlacementStatus
from ..filters import REVIEW_SOON_DAYS
from ..forms import AdmitForm, ConsentForm, IncidentForm, PersonForm, PurposeForm, ReviewForm
from ..models import Person, Placement
from ._common import (
    PEOPLE_REGION_LEVELS,
    PersonAreaMixin,
    access_page,
    apply_errors,
    error_text,
    has_role_for,
    organisations_for,
    purpose_redirect,
    require_role,
    versioned_save,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


class PurposeView(LoginRequiredMixin, View):
    """Asks, once per session, why the user opens person-level data; every access is logged with it."""

    def get(self, request: HttpRequest) -> HttpResponse:
        require_role(request.user, Action.PERSON_VIEW)
        form = PurposeForm(initial={"purpose": session_purpose(request)})
        return render(request, "people/purpose.html", {"form": form, "next": self._next(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        require_role(request.user, Action.PERSON_VIEW)
        form = PurposeForm(request.POST)
        if not form.is_valid():
            return render(request, "people/purpose.html", {"form": form, "next": self._next(request)}, status=400)
        session_purpose_set(request, form.cleaned_data["purpose"])
        return redirect(self._next(request))

    def _next(self, request: HttpRequest) -> str:
        target = request.POST.get("next") or request.GET.get("next") or ""
        if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            return target
        return "/people/"


def current_placements(*, actor: "User", people) -> dict[int, Placement]:
    """Each person's active placement (or the latest one), in one scoped query."""
    ids = [p.pk for p in people]
    placements = selectors.placement_list(actor=actor).filter(person_id__in=ids)
    current: dict[int, Placement] = {}
    for placement in placements.order_by("admitted_on", "pk"):
        held = current.get(placement.person_id)
        if held is None or held.status != PlacementStatus.ACTIVE or placement.status == PlacementStatus.ACTIVE:
            current[placement.person_id] = placement
    return current


class PersonListView(PersonAreaMixin, View):
    """Clients in scope, NIK masked, with search and filters; HTMX requests get only the results."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.person_list(actor=request.user, filters=request.GET)
        problem = list_filter_problem(
            filterset=filterset, actor=request.user, action=Action.PERSON_VIEW, levels=PEOPLE_REGION_LEVELS
        )
        queryset = Person.objects.none() if problem else filterset.qs
        review = request.GET.get("review", "")
        page = paginate(request, queryset)  # the filter set narrows by care-plan review too
        placements = current_placements(actor=request.user, people=page.object_list)
        context = {
            "filterset": filterset,
            "filter_problem": problem,
            "page": page,
            "rows": [(person, placements.get(person.pk)) for person in page.object_list],
            "today": timezone.localdate(),
            "can_admit": organisations_for(request.user, Action.PERSON_CREATE).exists(),
            "can_export": has_role_for(request.user, Action.PERSON_EXPORT),
            # The list has one row per client, its download one per stay (what an import reads back): said beside it.
            "note": _(
                "File berisi satu baris per masa layanan di LKS penerima layanan sekarang: yang keluar lalu masuk lagi "
                "tertulis sekali untuk setiap masa layanannya."
            ),
            "can_resolve": has_role_for(request.user, Action.DUPLICATE_RESOLVE),
            "purpose": session_purpose(request),
            "review": review,
            "organisations": organisations_for(request.user, Action.PERSON_VIEW),
        }
        template = "people/list.html#results" if request.htmx else "people/list.html"
        return render(request, template, context)


def detail_context(request: HttpRequest, person: Person, **forms) -> dict:
    """Everything the detail page shows; the forms of its small actions may come back bound, with errors."""
    user = request.user
    placements = list(
        selectors.placement_list(actor=user, filters={"person": person.pk})
        .prefetch_related("services", "reviews")
        .order_by("-admitted_on", "-pk")
    )
    today = timezone.localdate()
    for placement in placements:
        placement.next_stage = selectors.placement_next_stage(placement)
        # One review form per placement (ids kept apart); the one that failed comes back with its errors.
        bound = forms.get("review_form") if forms.get("review_for") == placement.pk else None
        placement.review_form = bound or ReviewForm(auto_id=f"id_review{placement.pk}_%s")
        placement.review_overdue, placement.review_soon = selectors.placement_review_window(placement, today=today)
    accesses = access_page(request, selectors.person_accesses(actor=user, person=person))
    incidents = restrict(person.incidents.all(), actor=user, action=Action.INCIDENT_VIEW)
    consents = list(person.consents.all())
    can_change = can(user, Action.PERSON_CHANGE, person)
    # What changed, from what to what, on the record, its stays (those this user sees) and its consents: for those
    # who may change it, as on a worker's page (the fifty-fourth review found the values kept but shown nowhere).
    history = audit_history(audit_events_for_objects([person, *placements, *consents])[:50]) if can_change else []
    try:
        revisions = selectors.person_revisions(person=person) if can_change else []
    except FieldKeyMissing as error:
        # The server's field key is not the data's (logged by decrypt): the page without its corrections, and why.
        messages.error(request, error_text(error))
        revisions = []
    return {
        "person": person,
        "placements": placements,
        "consents": consents,
        "incidents": list(incidents),
        "accesses": accesses,
        "history": history,
        # The identifying values corrections replaced, to the same readers as the history
        "revisions": revisions,
        "today": today,
        "can_change": can_change,
        "can_edit": services.person_change_refusal(actor=user, person=person) is None,
        "can_full_nik": bool(person.nik_encrypted) and selectors.person_full_nik_allowed(actor=user, person=person),
        "can_subject_request": can(user, Action.SUBJECT_REQUEST, person),
        "regency_names": regency_names([p.regency_code for p in placements]),
        "purpose_label": AccessPurpose(session_purpose(request)).label if session_purpose(request) else "",
        "consent_form": forms.get("consent_form") or ConsentForm(),
        "incident_form": forms.get("incident_form") or IncidentForm(),
    }


class PersonDetailView(PersonAreaMixin, View):
    """One client: identity (NIK masked), placements, reviews, consents, incidents and the access history."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            person = selectors.person_get(actor=request.user, pk=pk)
        except Http404:
            # A record merged into another (an old link, a bookmark) leads to the kept one, for those who may see it.
            kept = selectors.person_merged_into(actor=request.user, pk=pk)
            if kept is None:
                raise
            messages.info(
                request,
                _("Data ini telah digabungkan ke data %(name)s (ID %(id)s).") % {"name": kept.full_name, "id": kept.pk},
            )
            return redirect("people:detail", pk=kept.pk)
        person_access_record(
            actor=request.user, person=person, what="viewed", purpose=session_purpose(request), request=request
        )
        return render(request, "people/detail.html", detail_context(request, person))


@login_required
@require_POST
def person_full_nik(request: HttpRequest, pk: int) -> HttpResponse:
    """The full NIK, for the operator of the person's LKS only, on an explicit action; logged by the selector."""
    if refusal := purpose_redirect(request):
        return refusal
    try:
        person = selectors.person_get(actor=request.user, pk=pk)
    except Http404:
        # The person left the user's sight since the button was offered (restricted, moved, a role ended): said in
        # place of the button as a refusal, without the masked number of someone the user may no longer see.
        return _nik_refused(request, {"person_pk": pk}, status=404)
    try:
        nik = selectors.person_full_nik(actor=request.user, person=person, request=request)
    except PermissionDenied:
        return _nik_refused(request, {"person": person}, status=403)
    # The fragment holds no button: the number is on the page, and a second click would log a second reveal.
    return render(request, "people/_nik.html", {"person": person, "nik": nik})


def _nik_refused(request: HttpRequest, context: dict, *, status: int) -> HttpResponse:
    """A reveal refused after its button was offered, in the button's place: htmx swaps an error answer only when it
    is marked as the target's fragment (sinergi.js)."""
    response = render(request, "people/_nik.html", {**context, "refused": True}, status=status)
    response[FRAGMENT_HEADER] = "1"
    return response


class PersonAdmitView(PersonAreaMixin, View):
    """An LKS operator admits a client: person, first placement and consent in one form, all or nothing."""

    action = Action.PERSON_CREATE

    def _form(self, request: HttpRequest, data=None) -> AdmitForm:
        organisations = organisations_for(request.user, Action.PERSON_CREATE)
        if not organisations.exists():
            raise PermissionDenied
        return AdmitForm(data, organisations=organisations, initial={"organisation": organisations.first()})

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "people/admit.html", {"form": self._form(request)})

    @sent_once
    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            organisation, person_data, placement_data, consent_data = form.split()
            try:
                outcome = services.person_admit(
                    actor=request.user,
                    organisation=organisation,
                    person_data=person_data,
                    placement_data=placement_data,
                    consent_data=consent_data,
                    request=request,
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("Anda tidak berwenang menerima klien di LKS ini."))
            else:
                messages.success(request, _("%(name)s telah diterima.") % {"name": outcome.obj.full_name})
                _outcome_messages(request, outcome)
                return redirect("people:detail", pk=outcome.obj.pk)
        return render(request, "people/admit.html", {"form": form}, status=400)


def _outcome_messages(request: HttpRequest, outcome: services.Outcome) -> None:
    """A write's warnings, and (never saying with whom) that a board will look at a possible duplicate."""
    for warning in outcome.warnings:
        messages.warning(request, warning)
    if outcome.duplicate_candidates:
        messages.info(
            request,
            _(
                "Data ini mirip dengan data yang sudah ada. Pengurus LKKKS kabupaten/kota akan "
                "memeriksanya; pelayanan tetap berjalan."
            ),
        )


class PersonUpdateView(PersonAreaMixin, View):
    """Corrects a client's record (name, birth date, NIK/KK, family...); the service checks everything again, and a
    stale version is refused so two editors never overwrite each other. The LKS, stays and consents change elsewhere."""

    action = Action.PERSON_CHANGE

    def _person(self, request: HttpRequest, pk: int) -> Person:
        person = selectors.person_get(actor=request.user, pk=pk)  # 404 outside the user's scope, as the detail page
        if refusal := services.person_change_refusal(actor=request.user, person=person):
            raise PermissionDenied(refusal)
        return person

    def _render(self, request: HttpRequest, person: Person, form: PersonForm, status: int = 200, **extra):
        context = {"person": person, "form": form, **extra}
        return render(request, "people/person_form.html", context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self._person(request, pk)
        # The form shows the record's personal data: logged as a view of it, with the session's purpose.
        person_access_record(
            actor=request.user, person=person, what="viewed", purpose=session_purpose(request), request=request
        )
        return self._render(request, person, PersonForm(person=person))

    @sent_once  # a retry after a lost answer is shown the first save, not "someone else changed it"
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self._person(request, pk)
        form = PersonForm(request.POST, person=person)
        conflict = False
        if form.is_valid():
            outcome, conflict = versioned_save(
                form,
                lambda data, version: services.person_update(
                    actor=request.user, person=person, data=data, expected_version=version, request=request
                ),
            )
            if outcome is not None:
                if outcome.obj.version == form.cleaned_data.get("version"):
                    messages.info(request, _("Tidak ada isian yang berubah."))
                else:
                    messages.success(request, _("Data penerima layanan diperbarui."))
                _outcome_messages(request, outcome)
                return redirect("people:detail", pk=pk)
        # The stored record (its masked NIK), not what a failed clean left on the object.
        person = selectors.person_get(actor=request.user, pk=pk)
        return self._render(request, person, form, status=409 if conflict else 400, conflict=conflict)


class ReviewsDueView(PersonAreaMixin, View):
    """Care-plan reviews overdue or due within 14 days, for the placements in the user's scope."""

    def get(self, request: HttpRequest) -> HttpResponse:
        placements = selectors.reviews_due(actor=request.user, within_days=REVIEW_SOON_DAYS).select_related(
            "person", "organisation", "ppks_category"
        )
        page = paginate(request, placements.order_by("next_review_on", "pk"), per_page=50)
        context = {"page": page, "today": timezone.localdate(), "within_days": REVIEW_SOON_DAYS}
        return render(request, "people/reviews_due.html", context)


@login_required
def person_export(request: HttpRequest) -> HttpResponse:
    """The client list's old download address (bookmarks, old links): the exchange's export of clients now
    makes the file (streamed CSV, large XLSX in the background, translated, purpose asked, audited)."""
    # The query string goes through untouched: the list's filters (review included) are the export's.
    return redirect(export_url("clients", request.META.get("QUERY_STRING", "")))
