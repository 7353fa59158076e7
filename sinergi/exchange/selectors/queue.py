"""The workers' queue for admins: the imports, exports and reports waiting, running or lately failed, of the
users in the admin's province(s), without their files or rows. Apart because only admins see it, for every user's
jobs."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from sinergi.accounts.models import Membership
from sinergi.accounts.scope import Action, action_provinces
from sinergi.accounts.selectors import memberships_inside_provinces_q
from sinergi.audit.selectors import audit_log_allowed
from sinergi.core.errors import PermissionDenied

from ..models import ExportJob, ImportJob
from .jobs import LIST_DEFERRED

if TYPE_CHECKING:
    from sinergi.accounts.models import User

QUEUE_FAILED_HOURS = 24  # how far back the queue page lists runs that failed


@dataclass
class QueueRow:
    """One import, export or report as the queue page shows it to an admin: who and what, never the file's name
    (it may name a child) nor its rows."""

    job: ImportJob | ExportJob
    kind: str  # "Impor", "Uji coba impor", "Ekspor", "Laporan PDF"
    user: str
    what: str
    detail: str  # an upload's size, or an export's format
    doing: str  # what a running job is doing, or why it waits

    @property
    def since(self):
        return self.job.started_at or self.job.created_at if self.job.status == "running" else self.job.created_at


@dataclass
class JobQueue:
    running: list[QueueRow]
    waiting: list[QueueRow]
    failed: list[QueueRow]
    others: int  # jobs waiting or running of users outside the admin's province(s): counted, not shown
    others_running: int = 0  # ... of them running: the workers are alive, busy with jobs the admin does not see

    @property
    def workers_idle(self) -> bool:
        """Jobs wait longer than a job's page is patient (QUEUE_PATIENCE) and none runs, anyone's: the workers may be
        down. Not merely "something waits": a worker picks a new job up within seconds, and the page would cry
        wolf; nor while a job of another province or of the command line runs, which a national server's workers
        share."""
        return not self.running and not self.others_running and any(row.job.waiting_long for row in self.waiting)


def job_queue_allowed(actor: "User") -> bool:
    """Who may see the workers' queue: those who read the audit log (province admins, superusers), as it says who
    imported or exported what."""
    return audit_log_allowed(actor)


def job_queue(*, actor: "User") -> JobQueue:
    """The imports, exports and reports waiting for or running on the task workers, oldest first, and those that failed
    in the last QUEUE_FAILED_HOURS: a superuser's of everyone (the command line's too), a province admin's of the users
    who hold a role in their province(s) (the rest only counted, since they share the workers). Nothing of a job's file
    or rows: what `manage.py exchange_jobs` tells a server admin, for an admin without a shell."""
    if not job_queue_allowed(actor):
        raise PermissionDenied(_("Hanya admin provinsi yang boleh melihat antrean proses latar."))
    provinces = action_provinces(actor, Action.AUDIT_LOG)

    def visible(jobs: QuerySet, user_field: str) -> QuerySet:
        if provinces is None:
            return jobs
        inside = Membership.objects.filter(
            memberships_inside_provinces_q(provinces), user=OuterRef(user_field), is_active=True
        )
        return jobs.filter(Exists(inside), **{f"{user_field.removesuffix('_id')}__is_superuser": False})

    pending = ("queued", "running")
    since = timezone.now() - datetime.timedelta(hours=QUEUE_FAILED_HOURS)
    imports = visible(ImportJob.objects.defer(*LIST_DEFERRED), "created_by_id")
    exports = visible(ExportJob.objects.select_related("region"), "requested_by_id")
    rows = [_import_queue_row(job) for job in imports.filter(status__in=pending)]
    rows += [_export_queue_row(job) for job in exports.filter(status__in=pending)]
    failed = [_import_queue_row(job) for job in imports.filter(status="failed", finished_at__gte=since)]
    failed += [_export_queue_row(job) for job in exports.filter(status="failed", finished_at__gte=since)]
    every = ImportJob.objects.filter(status__in=pending).count() + ExportJob.objects.filter(status__in=pending).count()
    # Running lately, anyone's (a run left "running" by a worker that died hours ago says nothing of the workers now).
    lately = Q(status="running", started_at__gte=timezone.now() - datetime.timedelta(hours=6))
    running_everywhere = ImportJob.objects.filter(lately).count() + ExportJob.objects.filter(lately).count()
    rows.sort(key=lambda row: (row.job.created_at, row.kind))
    running = [row for row in rows if row.job.status == "running"]
    return JobQueue(
        running=running,
        waiting=[row for row in rows if row.job.status == "queued"],
        failed=sorted(failed, key=lambda row: row.job.finished_at, reverse=True),
        others=every - len(rows),
        others_running=max(0, running_everywhere - len(running)),
    )


def _import_queue_row(job: ImportJob) -> QueueRow:
    doing = job.get_phase_display() if job.status == "running" else ""
    if job.waiting_for_lock:
        doing = _("Menunggu data yang sedang dipakai proses lain")
    return QueueRow(
        job=job,
        kind=str(_("Uji coba impor") if job.dry_run else _("Impor")),
        user=job.created_by_name or "manage.py",
        what=str(job.entity_label),
        detail=f"{number_format(job.file_size / 1048576, 1)} MB",
        doing=str(doing),
    )


def _export_queue_row(job: ExportJob) -> QueueRow:
    return QueueRow(
        job=job,
        kind=str(_("Laporan PDF") if job.report else _("Ekspor")),
        user=job.requested_by_name or "manage.py",
        what=str(job.entity_label),
        detail=job.file_format.upper(),
        doing="",
    )
