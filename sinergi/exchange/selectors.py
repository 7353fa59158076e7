"""Reads of import jobs: a job (its file, problems and report hold personal data) is seen only by its starter."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import ImportJob


def import_job_list(*, actor) -> QuerySet[ImportJob]:
    """The imports `actor` started, newest first."""
    if not getattr(actor, "is_authenticated", False):
        return ImportJob.objects.none()
    return ImportJob.objects.filter(created_by=actor).order_by("-created_at", "-id")


def import_job_get(*, actor, pk: int) -> ImportJob:
    """One of the actor's imports, or 404 (also for someone else's: no existence leak)."""
    return get_object_or_404(import_job_list(actor=actor), pk=pk)
