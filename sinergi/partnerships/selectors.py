"""Reads of partnerships; every one is scoped through accounts.scope.restrict."""

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from sinergi.accounts.scope import Action, restrict
from sinergi.organisations.models import Organisation

from .choices import AgreementStatus
from .filters import AgreementFilterSet, agreements_with_party, party_region_q
from .models import Agreement, AgreementDocument, AgreementParty
from .network import Network, network_layout, network_pairs

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def agreements_visible(*, actor: "User", action: str = Action.VIEW) -> QuerySet[Agreement]:
    """Agreements the actor may perform `action` on, each once (the scope joins through the parties)."""
    return Agreement.objects.filter(pk__in=restrict(Agreement.objects.all(), actor=actor, action=action).values("pk"))


def agreement_base_queryset(queryset: QuerySet[Agreement] | None = None) -> QuerySet[Agreement]:
    parties = AgreementParty.objects.select_related("organisation").order_by("role", "organisation__name")
    return (queryset if queryset is not None else Agreement.objects.all()).prefetch_related(
        Prefetch("parties", queryset=parties), "participation_forms", "welfare_pillars"
    )


def agreement_list(*, actor: "User", filters: dict | None = None, action: str = Action.VIEW) -> AgreementFilterSet:
    """The agreements `actor` may see, filtered; returns the bound filter set (its .qs is the result)."""
    queryset = agreement_base_queryset(agreements_visible(actor=actor, action=action)).order_by("-starts_on", "-pk")
    return AgreementFilterSet(filters or {}, queryset=queryset)


def agreement_get(*, actor: "User", pk: int, action: str = Action.VIEW) -> Agreement:
    """One agreement, or 404 when it does not exist *or* the actor may not see it (no existence leak)."""
    return get_object_or_404(agreement_base_queryset(agreements_visible(actor=actor, action=action)), pk=pk)


def agreements_for_organisation(*, actor: "User", organisation: Organisation) -> list[Agreement]:
    """The agreements an organisation is party to, as far as the actor may see them, newest first."""
    queryset = agreements_visible(actor=actor).filter(
        pk__in=AgreementParty.objects.filter(organisation=organisation).values("agreement_id")
    )
    return list(agreement_base_queryset(queryset).order_by("-starts_on", "-pk"))


def document_get(*, actor: "User", pk: int) -> AgreementDocument:
    """One document of an agreement the actor may see, or 404."""
    visible = agreements_visible(actor=actor)
    return get_object_or_404(AgreementDocument.objects.select_related("agreement").filter(agreement__in=visible), pk=pk)


def visible_organisation_ids(*, actor: "User", ids) -> set[int]:
    """Which of these organisations the actor may open in the registry (others are shown by name only)."""
    return set(
        restrict(Organisation.objects.filter(pk__in=set(ids)), actor=actor, action=Action.VIEW).values_list(
            "pk", flat=True
        )
    )


def agreement_network(*, actor: "User", kind: str = "", region: str = "", include_ended: bool = False) -> Network:
    """Who works with whom among the agreements the actor may see (active ones, or also ended ones)."""
    statuses = [AgreementStatus.ACTIVE]
    if include_ended:
        statuses += [AgreementStatus.EXPIRED, AgreementStatus.TERMINATED]
    queryset = agreements_visible(actor=actor).filter(status__in=statuses)
    if region:
        condition = party_region_q(region)
        queryset = queryset.filter(condition) if condition is not None else queryset.none()
    if kind:
        queryset = queryset.filter(agreements_with_party(Q(organisation__kind=kind)))
    agreements = agreement_base_queryset(queryset).order_by("pk")
    return network_layout(network_pairs(agreements, kind=kind, region=region))
