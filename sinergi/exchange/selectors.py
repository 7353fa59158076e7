"""Reads of import and export jobs: a job (its file, problems and report hold personal data) is seen only by its
starter; a superuser may also open someone else's export."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import ExportJob, ImportJob


def import_job_list(*, actor) -> QuerySet[ImportJob]:
    """The imports `actor` started, newest first."""
    if not getattr(actor, "is_authenticated", False):
        return ImportJob.objects.none()
    return ImportJob.objects.filter(created_by=actor).order_by("-created_at", "-id")


def import_job_get(*, actor, pk: int) -> ImportJob:
    """One of the actor's imports, or 404 (also for someone else's: no existence leak)."""
    return get_object_or_404(import_job_list(actor=actor), pk=pk)


def export_job_list(*, actor) -> QuerySet[ExportJob]:
    """The background exports `actor` asked for, newest first."""
    if not getattr(actor, "is_authenticated", False):
        return ExportJob.objects.none()
    return ExportJob.objects.filter(requested_by=actor).order_by("-created_at", "-id")


def export_job_get(*, actor, pk: int) -> ExportJob:
    """One of the actor's exports (any export for a superuser), or 404 (also for someone else's)."""
    if getattr(actor, "is_superuser", False) and getattr(actor, "is_authenticated", False):
        return get_object_or_404(ExportJob, pk=pk)
    return get_object_or_404(export_job_list(actor=actor), pk=pk)
