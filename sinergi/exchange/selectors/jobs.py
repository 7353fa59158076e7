"""Which import, export and report jobs a user sees: their own (a superuser may also open someone else's
export), the recent ones /exchange/ lists, one job (an import only while its user may still import that kind of data)
and the same request still waiting. The scope of every page of the app; the other modules build on these lists."""

import uuid
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.scope import access_key
from sinergi.core.errors import PermissionDenied

from ..models import (
    EXPORT_FINISHED_STATUSES,
    EXPORT_PENDING,
    FINISHED_STATUSES,
    ExportJob,
    ImportJob,
    export_request_key,
)

if TYPE_CHECKING:
    from sinergi.accounts.models import User


RECENT_IMPORTS = 5  # the imports /exchange/ lists, before its exports and reports; the rest are on their own list
RECENT_EXPORTS = 10  # the background exports and reports /exchange/ lists; the rest are on their own list
RECENT_JOBS_MOST = 20  # either list, jobs under way included: never more than the page listed before it was shortened


def import_job_list(*, actor: "User") -> QuerySet[ImportJob]:
    """The imports `actor` started, newest first."""
    if not getattr(actor, "is_authenticated", False):
        return ImportJob.objects.none()
    return ImportJob.objects.filter(created_by=actor).order_by("-created_at", "-id")


# What a list of imports never shows: a job's preview, problems and notices are read on its own page only (a user
# with thousands of jobs would have them all read and sorted for a page of 25).
LIST_DEFERRED = ("preview", "problems", "notices", "sheet_choices", "absent_person_ids")


def import_job_rows(*, actor: "User") -> QuerySet[ImportJob]:
    """import_job_list as a list of imports shows it."""
    return import_job_list(actor=actor).defer(*LIST_DEFERRED)


def import_job_recent(*, actor: "User", count: int = RECENT_IMPORTS) -> list[ImportJob]:
    """The `count` newest of the imports `actor` started and any older one still waiting or running, newest first: a
    job under way stays in sight (its page a tap away) however many finished after it."""
    jobs = import_job_rows(actor=actor)
    newest = jobs.values("pk")[:count]
    return list(jobs.filter(Q(pk__in=newest) | ~Q(status__in=FINISHED_STATUSES))[:RECENT_JOBS_MOST])


def import_job_by_upload_key(*, actor: "User", key: uuid.UUID) -> ImportJob | None:
    """The job an upload form's one-time key made, for its own user; None when that upload never arrived."""
    return ImportJob.objects.filter(created_by=actor, upload_key=key).order_by("-pk").first()


def import_job_get(*, actor: "User", pk: int, same_access: bool = True) -> ImportJob:
    """One of the actor's imports, or 404 (also for someone else's: no existence leak), while the actor may still
    import that kind of data: a job's problems and report hold the file's rows, its NIKs too, and a role that ended
    ends the access to them. Once it has ended, a role changed since (an operator moved to another LKS, a board
    member to another kabupaten/kota) ends it too, said so (ImportAccessChanged): its pages showed what was stored
    at the old LKS. While it waits or runs, its page shows its progress only, and it may be cancelled; so may it be
    whatever the roles with `same_access` False (cancelling one's own import reveals nothing)."""
    from ..columns import get_entity

    job = get_object_or_404(import_job_list(actor=actor), pk=pk)
    try:
        allowed = get_entity(job.entity).can_import(actor)
    except LookupError:
        allowed = False
    if not allowed:
        raise Http404
    # (A job made before the key was kept has none: shown as before, while its user may import. Such jobs are gone
    # with the retention period's end.)
    if same_access and job.is_finished and job.access_key and job.access_key != access_key(actor):
        raise ImportAccessChanged(IMPORT_ACCESS_CHANGED)
    return job


class ImportAccessChanged(PermissionDenied):
    """An import whose user's roles changed since it ran: its page and report are no longer shown."""


IMPORT_ACCESS_CHANGED = _(
    "Peran atau wilayah Anda berubah sejak impor ini diminta, jadi hasilnya (baris file dan data yang tersimpan "
    "menurut hak akses yang lama) tidak ditampilkan lagi. Unggah file itu lagi bila perlu."
)


def export_job_list(*, actor: "User") -> QuerySet[ExportJob]:
    """The background exports `actor` asked for, newest first."""
    if not getattr(actor, "is_authenticated", False):
        return ExportJob.objects.none()
    # The region names a report job in the list (ExportJob.entity_label).
    return ExportJob.objects.filter(requested_by=actor).select_related("region").order_by("-created_at", "-id")


def export_job_recent(*, actor: "User", count: int = RECENT_EXPORTS) -> list[ExportJob]:
    """The `count` newest of the background exports `actor` asked for and any older one still waiting or running,
    newest first: a file still being made stays a tap away however many were asked for after it."""
    jobs = export_job_list(actor=actor)
    newest = jobs.values("pk")[:count]
    return list(jobs.filter(Q(pk__in=newest) | ~Q(status__in=EXPORT_FINISHED_STATUSES))[:RECENT_JOBS_MOST])


def export_job_get(*, actor: "User", pk: int) -> ExportJob:
    """One of the actor's exports (any export for a superuser), or 404 (also for someone else's)."""
    if getattr(actor, "is_superuser", False) and getattr(actor, "is_authenticated", False):
        return get_object_or_404(ExportJob, pk=pk)
    return get_object_or_404(export_job_list(actor=actor), pk=pk)


def export_job_pending(
    *, actor: "User", entity_key: str, filters: dict[str, list[str]], file_format: str, purpose: str = ""
) -> ExportJob | None:
    """The export of the same data, format, filters and purpose that `actor` asked for and that is still queued or
    running (and not being cancelled), or None."""
    if not getattr(actor, "is_authenticated", False):
        return None
    key = export_request_key(entity_key=entity_key, file_format=file_format, filters=filters, purpose=purpose)
    return export_job_list(actor=actor).filter(EXPORT_PENDING, request_key=key).first()


def report_request_key(*, report: str, area_code: str) -> str:
    """What a report job asks for, as one value (see export_request_key): its kind and area. The scope is not part of
    it: a report asked again by the same user is the same report, rendered with their scope of the moment it runs."""
    return export_request_key(
        entity_key=f"report-{report}", file_format="pdf", filters={"region": [area_code]}, purpose=""
    )


def report_job_pending(*, actor: "User", report: str, area_code: str) -> ExportJob | None:
    """The same report (kind and area) that `actor` asked for and that is still queued or running (and not being
    cancelled), or None."""
    if not getattr(actor, "is_authenticated", False):
        return None
    key = report_request_key(report=report, area_code=area_code)
    return export_job_list(actor=actor).filter(EXPORT_PENDING, request_key=key).first()
