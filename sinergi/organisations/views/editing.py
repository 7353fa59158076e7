"""Registering and editing an organisation, and the steps of its standing (verify, activate, deactivate)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from sinergi.accounts.scope import Action, can
from sinergi.core.errors import ConflictError, TransitionError, ValidationError

from .. import selectors, services
from ..choices import OrganisationKind
from ..forms import OrganisationForm, TransitionForm
from ..models import Organisation
from ._common import _apply_errors


def _form_data(form: OrganisationForm) -> tuple[dict, list]:
    data = {name: value for name, value in form.cleaned_data.items() if name not in {"service_kinds", "version"}}
    data = {name: value for name, value in data.items() if not form.fields[name].disabled}
    return data, list(form.cleaned_data.get("service_kinds") or [])


class OrganisationCreateView(LoginRequiredMixin, View):
    """Registers a new organisation (as a draft) for a board member or admin."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not selectors.organisation_may_create_somewhere(actor=request.user):
            raise PermissionDenied
        form = OrganisationForm(initial={"kind": OrganisationKind.LKS})
        return render(request, "organisations/form.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        if not selectors.organisation_may_create_somewhere(actor=request.user):
            raise PermissionDenied
        form = OrganisationForm(request.POST)
        if form.is_valid():
            data, kinds = _form_data(form)
            try:
                organisation = services.organisation_create(
                    actor=request.user, data=data, service_kinds=kinds, request=request
                )
            except ValidationError as error:
                _apply_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Organisasi “%(name)s” tersimpan sebagai draf.") % {"name": organisation})
                return redirect("organisations:detail", pk=organisation.pk)
        return render(request, "organisations/form.html", {"form": form}, status=400)


class OrganisationUpdateView(LoginRequiredMixin, View):
    """Edits an organisation; a stale version is refused so two editors never overwrite each other."""

    def _get(self, request: HttpRequest, pk: int) -> Organisation:
        return selectors.organisation_get(actor=request.user, pk=pk, action=Action.CHANGE)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = self._get(request, pk)
        form = OrganisationForm(instance=organisation, board_fields=can(request.user, Action.VERIFY, organisation))
        return render(request, "organisations/form.html", {"form": form, "organisation": organisation})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = self._get(request, pk)
        # Taken before the form writes the submitted values onto the instance.
        place_before = (organisation.regency_code, organisation.latitude, organisation.longitude)
        board_fields = can(request.user, Action.VERIFY, organisation)
        form = OrganisationForm(request.POST, instance=organisation, board_fields=board_fields)
        conflict = False
        if form.is_valid():
            data, kinds = _form_data(form)
            try:
                updated = services.organisation_update(
                    organisation=organisation,
                    actor=request.user,
                    data=data,
                    expected_version=form.cleaned_data.get("version") or 0,
                    service_kinds=kinds,
                    request=request,
                )
            except ValidationError as error:
                _apply_errors(form, error)
            except (PermissionDenied, ConflictError) as error:
                conflict = isinstance(error, ConflictError)
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Perubahan tersimpan."))
                if _moved_without_new_coordinates(place_before, updated):
                    messages.warning(
                        request,
                        _("Wilayah LKS ini berpindah, tetapi titik koordinatnya tetap. Periksa lintang dan bujurnya."),
                    )
                return redirect("organisations:detail", pk=updated.pk)
        # ModelForm validation wrote the submitted values onto the instance; show the stored record beside it.
        stored = Organisation.objects.get(pk=pk)
        context = {"form": form, "organisation": stored, "conflict": conflict}
        return render(request, "organisations/form.html", context, status=409 if conflict else 400)


@login_required
@require_POST
def organisation_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    """verify / activate / deactivate, each an explicit step by someone with authority over the record."""
    organisation = selectors.organisation_get(actor=request.user, pk=pk)
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        if transition == "verify":
            services.organisation_verify(organisation=organisation, actor=request.user, request=request)
            messages.success(request, _("Organisasi telah diverifikasi."))
        elif transition == "activate":
            services.organisation_activate(organisation=organisation, actor=request.user, request=request)
            messages.success(request, _("Organisasi kini aktif."))
        elif transition == "deactivate":
            services.organisation_deactivate(
                organisation=organisation,
                actor=request.user,
                reason=form.cleaned_data.get("reason", ""),
                request=request,
            )
            messages.success(request, _("Organisasi dinonaktifkan."))
        else:
            return HttpResponse(status=404)
    except (TransitionError, PermissionDenied) as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations:detail", pk=pk)


def _moved_without_new_coordinates(before: tuple, after: Organisation) -> bool:
    """A move to another kabupaten/kota that kept the map point (`before`: regency, latitude, longitude): the
    marker would stay in the old place."""
    regency, latitude, longitude = before
    moved = after.regency_code != regency
    return moved and after.latitude is not None and (after.latitude, after.longitude) == (latitude, longitude)
