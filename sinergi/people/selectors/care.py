"""Reads of the care given: placements (stays) and the care-plan reviews due, a stay's next SNPA stage and
review window, and incidents. Apart from persons because they are about the stays, not the person's record."""

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from sinergi.accounts.scope import Action, restrict

from ..choices import ALLOWED_STAGE_TRANSITIONS, CaseStage, PlacementStatus
from ..filters import REVIEW_SOON_DAYS
from ..models import Incident, Placement
from .persons import _visible_placements

if TYPE_CHECKING:
    from sinergi.accounts.models import User


def placement_list(
    *, actor: "User", filters: dict | None = None, action: str = Action.PERSON_VIEW
) -> QuerySet[Placement]:
    """Placements `actor` may see. Filters (all optional): status, organisation, person, ppks_category (code),
    setting, stage."""
    queryset = _visible_placements(
        Placement.objects.select_related("organisation", "ppks_category"), actor=actor, action=action
    )
    filters = filters or {}
    for key, lookup in (
        ("status", "status"),
        ("organisation", "organisation_id"),
        ("person", "person_id"),
        ("ppks_category", "ppks_category__code"),
        ("setting", "setting"),
        ("stage", "stage"),
    ):
        value = filters.get(key)
        if value not in (None, ""):
            queryset = queryset.filter(**{lookup: value})
    return queryset


def reviews_due(*, actor: "User", within_days: int = 14) -> QuerySet[Placement]:
    """Active placements whose care-plan review is overdue or due within `within_days`, most urgent first."""
    limit = timezone.localdate() + datetime.timedelta(days=within_days)
    return (
        placement_list(actor=actor)
        .filter(status=PlacementStatus.ACTIVE, next_review_on__isnull=False, next_review_on__lte=limit)
        .order_by("next_review_on", "pk")
    )


def incident_list(*, actor: "User") -> QuerySet[Incident]:
    """Incidents the actor may see (LKS, boards, province, Dinas Sosial of the area), newest first. Incidents of
    restricted persons stay visible: the safety of a child outweighs the restriction."""
    return restrict(
        Incident.objects.select_related("organisation", "person").filter(person__erased_at__isnull=True),
        actor=actor,
        action=Action.INCIDENT_VIEW,
    ).order_by("-reported_at", "-pk")


def placement_next_stage(placement: Placement) -> str | None:
    """The SNPA stage a stay's case may be advanced to by hand, or None: termination is set by the discharge."""
    following = ALLOWED_STAGE_TRANSITIONS.get(placement.stage, set()) if placement.stage else set()
    return min((stage for stage in following if stage != CaseStage.TERMINATION), default=None)


def placement_review_window(placement: Placement, *, today: datetime.date) -> tuple[bool, bool]:
    """(overdue, soon): whether the care plan's review date has passed, or comes within REVIEW_SOON_DAYS (the
    reviews-due page's window)."""
    due = placement.next_review_on
    overdue = bool(due and due < today)
    soon = bool(due and not overdue and due <= today + datetime.timedelta(days=REVIEW_SOON_DAYS))
    return overdue, soon
