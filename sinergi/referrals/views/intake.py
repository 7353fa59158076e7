"""Which clients an LKS takes in (sex, ages), as the capacity search reads it."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from sinergi.accounts.scope import Action, restrict
from sinergi.core.errors import ValidationError
from sinergi.core.params import as_id
from sinergi.organisations.choices import LKS_KINDS
from sinergi.organisations.models import Organisation

from .. import selectors, services
from ..forms import IntakeForm
from ._common import _apply_errors


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
