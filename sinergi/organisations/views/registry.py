"""The registry list (with what its LKS download holds, and the old download address) and one organisation's page."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from sinergi.accounts.scope import Action, can
from sinergi.audit.display import audit_history
from sinergi.audit.selectors import audit_events_for
from sinergi.core.pagination import paginate
from sinergi.exchange.columns import get_entity
from sinergi.exchange.exports import export_url
from sinergi.exchange.list_filters import list_filter_problem
from sinergi.regions.models import Region, RegionLevel

from .. import selectors
from ..choices import LKS_KINDS, OrganisationKind
from ..forms import TransitionForm
from ..models import BoardMembership, Organisation
from ._common import HISTORY_CHOICES, HISTORY_HIDDEN, HISTORY_LABELS


class OrganisationListView(LoginRequiredMixin, View):
    """The registry list with search, filters, pagination; HTMX requests get only the results."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filterset = selectors.organisation_list(actor=request.user, filters=request.GET)
        problem = list_filter_problem(filterset=filterset, actor=request.user, action=Action.VIEW)
        queryset = Organisation.objects.none() if problem else filterset.qs
        page = paginate(request, queryset)
        can_export = get_entity("lks").can_export(request.user)
        context = {
            "filterset": filterset,
            "filter_problem": problem,
            "page": page,
            "regency_names": selectors.regency_names(o.regency_code for o in page.object_list),
            "regencies": Region.objects.filter(
                level=RegionLevel.REGENCY, code__in=selectors.organisation_regencies_visible(actor=request.user)
            ),
            "kind_choices": OrganisationKind.choices,
            "can_create": selectors.organisation_may_create_somewhere(actor=request.user),
            # Downloads go through the exchange's export of LKS, with this list's filters.
            "can_export": can_export,
            "export_no_lks": _filters_out_every_lks(request.GET.getlist("kind")),
        }
        if can_export and not problem:
            context.update(_download_counts(request, listed=page.paginator.count, queryset=queryset))
        template = "organisations/list.html#results" if request.htmx else "organisations/list.html"
        return render(request, template, context)


class OrganisationDetailView(LoginRequiredMixin, View):
    """One organisation with its standing, board links and change history."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = selectors.organisation_get(actor=request.user, pk=pk)
        user = request.user
        context = {
            "organisation": organisation,
            "history": (
                audit_history(
                    audit_events_for(obj=organisation)[:100],
                    labels=HISTORY_LABELS,
                    choices=HISTORY_CHOICES,
                    hidden=HISTORY_HIDDEN,
                )
                if can(user, Action.VIEW_AUDIT, organisation)
                else []
            ),
            "can_change": can(user, Action.CHANGE, organisation),
            "can_verify": can(user, Action.VERIFY, organisation),
            "can_deactivate": can(user, Action.DEACTIVATE, organisation),
            "boards": BoardMembership.objects.filter(member=organisation).select_related("board"),
            "regency_names": selectors.regency_names([organisation.regency_code]),
            "transition_form": TransitionForm(),
        }
        return render(request, "organisations/detail.html", context)


@login_required
def organisation_export(request: HttpRequest) -> HttpResponse:
    """The registry list's old download address (bookmarks, old links): the exchange's export of LKS now makes the
    file (streamed CSV, large XLSX in the background, the import template's columns, audited)."""
    # The query string goes through untouched: the list's filters are the export's.
    return redirect(export_url("lks", request.META.get("QUERY_STRING", "")))


def _download_counts(request: HttpRequest, *, listed: int, queryset) -> dict[str, int]:
    """How many rows the LKS download holds (counted by the export itself, so the button's number is the file's) and
    how many of the rows listed it leaves out: the organisations that are not LKS, and LKS outside the account's
    export scope. The list and the file must never differ without the page saying why."""
    entity = get_entity("lks")
    in_file = entity.export_count(entity.export_queryset(actor=request.user, filters=request.GET))
    lks_listed = queryset.filter(kind__in=LKS_KINDS).count()
    return {
        "export_rows": in_file,
        "export_not_lks": listed - lks_listed,
        "export_out_of_scope": max(lks_listed - in_file, 0),
    }


def _filters_out_every_lks(kinds: list[str]) -> bool:
    """Whether the list's kind filter leaves no LKS (only boards, NGOs, ...): the LKS download would be empty."""
    chosen = {kind for kind in kinds if kind}
    return bool(chosen) and not chosen & set(LKS_KINDS)
