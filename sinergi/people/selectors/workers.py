"""Reads of workers (PSKS): the list, one worker and their access history. Apart from persons because workers
are not clients: no erasure or restriction rules, scope only."""

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sinergi.accounts.scope import Action, restrict

from ..filters import WorkerFilterSet
from ..models import Worker, WorkerAccess

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


def worker_list(
    *, actor: "User | SystemActor", filters: dict | None = None, action: str = Action.PERSON_VIEW
) -> WorkerFilterSet:
    """Workers `actor` may see, filtered; returns the bound filter set."""
    queryset = restrict(
        Worker.objects.select_related("organisation", "psks_category"), actor=actor, action=action
    ).order_by("full_name", "pk")
    return WorkerFilterSet(filters or {}, queryset=queryset)


def worker_get(*, actor: "User", pk, action: str = Action.PERSON_VIEW) -> Worker:
    """One worker, or 404 outside scope."""
    return get_object_or_404(worker_list(actor=actor, action=action).qs, pk=pk)


def worker_accesses(*, actor: "User", worker: Worker) -> QuerySet[WorkerAccess]:
    """A worker's access history, for those allowed to see the worker; empty for everyone else."""
    if not worker_list(actor=actor).qs.filter(pk=worker.pk).exists():
        return WorkerAccess.objects.none()
    return WorkerAccess.objects.filter(worker=worker).order_by("-occurred_at", "-pk")
