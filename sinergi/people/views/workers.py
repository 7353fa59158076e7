"""Workforce (PSKS/TKSM) pages: list, detail, register and edit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from sinergi.accounts.scope import Action, can
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.core.errors import TransitionError, ValidationError
from sinergi.core.once import sent_once
from sinergi.core.pagination import paginate
from sinergi.exchange.columns import get_entity
from sinergi.exchange.list_filters import list_filter_problem

from .. import selectors, services
from ..access import session_purpose, worker_access_record
from ..choices import AccessPurpose
from ..forms import WorkerEndForm, WorkerForm
from ..models import Worker
from ._common import (
    PEOPLE_REGION_LEVELS,
    PersonAreaMixin,
    access_page,
    apply_errors,
    error_text,
    organisations_for,
    versioned_save,
)


class WorkerAreaMixin(PersonAreaMixin):
    """Workforce pages: a worker's NIK, birth date and background check are personal data as a client's are, so the
    same roles, the same purpose asked once per session, and every view of one worker logged with it."""


def _worker(request: HttpRequest, pk: int) -> Worker:
    return selectors.worker_get(actor=request.user, pk=pk)


class WorkerListView(WorkerAreaMixin, View):
    """Workers in scope with search and filters; HTMX requests get only the results."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.worker_list(actor=request.user, filters=request.GET)
        problem = list_filter_problem(
            filterset=filterset, actor=request.user, action=Action.PERSON_VIEW, levels=PEOPLE_REGION_LEVELS
        )
        queryset = Worker.objects.none() if problem else filterset.qs
        page = paginate(request, queryset.select_related("organisation", "psks_category"))
        context = {
            "filterset": filterset,
            "filter_problem": problem,
            "page": page,
            "can_create": organisations_for(request.user, Action.PERSON_CREATE).exists(),
            # Downloads go through the exchange's export of workers, with this list's filters.
            "can_export": get_entity("workers").can_export(request.user),
        }
        template = "people/workers.html#results" if request.htmx else "people/workers.html"
        return render(request, template, context)


class WorkerDetailView(WorkerAreaMixin, View):
    """One worker: role, LKS, certifications and (for work with children) the background check's date and result."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        worker = _worker(request, pk)
        purpose = session_purpose(request)
        worker_access_record(actor=request.user, worker=worker, what="viewed", purpose=purpose, request=request)
        context = {
            "worker": worker,
            "can_change": can(request.user, Action.PERSON_CHANGE, worker),
            "history": (
                audit_history(audit_events_for(obj=worker)[:50])
                if can(request.user, Action.PERSON_CHANGE, worker)
                else []
            ),
            "accesses": access_page(request, selectors.worker_accesses(actor=request.user, worker=worker)),
            "purpose_label": AccessPurpose(purpose).label,
            "end_form": WorkerEndForm(),
        }
        return render(request, "people/worker_detail.html", context)


class WorkerEndView(WorkerAreaMixin, View):
    """Records that a worker stopped serving at the LKS; the record stays for history and the counts."""

    action = Action.PERSON_CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        worker = _worker(request, pk)
        form = WorkerEndForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Isi tanggal berhenti bertugas."))
        else:
            try:
                services.worker_end(
                    actor=request.user, worker=worker, ended_on=form.cleaned_data["ended_on"], request=request
                )
            except (ValidationError, PermissionDenied, TransitionError) as error:
                messages.error(request, error_text(error) or _("Anda tidak berwenang mengubah data pekerja ini."))
            else:
                messages.success(request, _("Pekerja tercatat berhenti bertugas."))
        return redirect("people:worker_detail", pk=worker.pk)


class WorkerCreateView(WorkerAreaMixin, View):
    """Registers a worker at an LKS the user may change."""

    def _form(self, request: HttpRequest, data=None) -> WorkerForm:
        organisations = organisations_for(request.user, Action.PERSON_CREATE)
        if not organisations.exists():
            raise PermissionDenied
        return WorkerForm(data, organisations=organisations, initial={"organisation": organisations.first()})

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "people/worker_form.html", {"form": self._form(request)})

    @sent_once
    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            try:
                outcome = services.worker_create(
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.data_for_service(),
                    request=request,
                )
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("Anda tidak berwenang mendaftarkan pekerja di LKS ini."))
            else:
                messages.success(request, _("Pekerja “%(name)s” terdaftar.") % {"name": outcome.obj.full_name})
                for warning in outcome.warnings:
                    messages.warning(request, warning)
                return redirect("people:worker_detail", pk=outcome.obj.pk)
        return render(request, "people/worker_form.html", {"form": form}, status=400)


class WorkerUpdateView(WorkerAreaMixin, View):
    """Edits a worker; a stale version is refused so two editors never overwrite each other."""

    def _get(self, request: HttpRequest, pk: int) -> Worker:
        worker = _worker(request, pk)
        if not can(request.user, Action.PERSON_CHANGE, worker):
            raise PermissionDenied
        return worker

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        worker = self._get(request, pk)
        return render(request, "people/worker_form.html", {"form": WorkerForm(worker=worker), "worker": worker})

    @sent_once  # a retry after a lost answer is shown the first save, not "someone else changed it"
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        worker = self._get(request, pk)
        form = WorkerForm(request.POST, worker=worker)
        conflict = False
        if form.is_valid():
            outcome, conflict = versioned_save(
                form,
                lambda data, version: services.worker_update(
                    actor=request.user, worker=worker, data=data, expected_version=version, request=request
                ),
            )
            if outcome is not None:
                messages.success(request, _("Perubahan tersimpan."))
                for warning in outcome.warnings:
                    messages.warning(request, warning)
                return redirect("people:worker_detail", pk=pk)
        context = {"form": form, "worker": Worker.objects.get(pk=pk), "conflict": conflict}
        return render(request, "people/worker_form.html", context, status=409 if conflict else 400)
