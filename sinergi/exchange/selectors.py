"""Reads of import and export jobs: a job (its file, problems and report hold personal data) is seen only by its
starter; a superuser may also open someone else's export."""

import datetime
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sinergi.accounts.models import Membership
from sinergi.accounts.scope import Action, access_key, action_provinces
from sinergi.accounts.selectors import memberships_inside_provinces_q
from sinergi.audit.selectors import audit_log_allowed
from sinergi.core.errors import PermissionDenied

from .models import (
    EXPORT_FINISHED_STATUSES,
    EXPORT_PENDING,
    FINISHED_STATUSES,
    ExportJob,
    ExportStatus,
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
    from .columns import get_entity

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


# ---------------------------------------------------------------------------------------------- the result page

PROBLEMS_OPEN = 20  # problem rows shown at once; the rest kept for the page are folded
GROUP_ROWS_OPEN = 10  # rows named in a group's line ("baris 2, 3, … dan 1.989 lainnya")
# The names of the languages a job may have run in, as said in a sentence ("dicatat dalam bahasa Inggris").
LANGUAGE_NAMES = {"id": _("bahasa Indonesia"), "en": _("bahasa Inggris")}


@dataclass
class RowGroup:
    """Rows with the same warning (or problems in the same column): how many, and the first rows kept."""

    column: str
    count: int
    rows: list[int]
    message: str = ""

    @property
    def head(self) -> list[int]:
        return self.rows[:GROUP_ROWS_OPEN]

    @property
    def more(self) -> int:
        """Rows not named in the group's line."""
        return self.count - len(self.head)

    @property
    def folded(self) -> bool:
        """Whether the rows kept beyond the first ten are listed in a fold."""
        return len(self.rows) > GROUP_ROWS_OPEN

    @property
    def cut(self) -> bool:
        """Whether some of the group's rows are only in the report."""
        return self.count > len(self.rows)


@dataclass
class ImportJobDisplay:
    """What the result page shows of a finished job, in the viewer's language where it can be said again."""

    message: str = ""
    notices: list[str] = field(default_factory=list)
    problems_open: list[list] = field(default_factory=list)
    problems_folded: list[list] = field(default_factory=list)
    problem_groups: list[RowGroup] = field(default_factory=list)
    warning_count: int = 0
    warning_kinds: int = 0
    warning_groups: list[RowGroup] = field(default_factory=list)
    stored_language: str = ""  # the language of stored messages, named, when not the viewer's
    message_language: str = ""  # the code of the message's language (for `lang`), when stored and not the viewer's
    # The new records a trial or run lists: (row, key, [(column, value as read)]), the cells empty once the upload's
    # retention ended (or for a job made before they were kept).
    creates: list[tuple[Any, str, list]] = field(default_factory=list)

    @property
    def problems_shown(self) -> int:
        return len(self.problems_open) + len(self.problems_folded)


def import_job_display(job: ImportJob) -> ImportJobDisplay:
    """The page's view of a job's stored result: problems cut into the first ones and a fold, warnings grouped by
    message, the job's message said again in the viewer's language when it is one of the known ones, and the
    language of the messages that are stored as text when it is not the viewer's."""
    display = ImportJobDisplay(problems_open=job.problems[:PROBLEMS_OPEN], problems_folded=job.problems[PROBLEMS_OPEN:])
    display.message, said_again = _message_in_viewer_language(job)
    warnings = job.preview.get("warnings") if isinstance(job.preview, dict) else None
    notices = list(job.notices)
    if warnings:
        start, stop = warnings["notices"]
        notices = notices[:start] + notices[stop:]  # their lines are for the terminal; the page has the groups
        display.warning_count = warnings["count"]
        display.warning_kinds = warnings["kinds"]
        display.warning_groups = [
            RowGroup(column=g["column"], count=g["count"], rows=g["rows"], message=g["message"])
            for g in warnings["groups"]
        ]
    display.notices = notices
    # Read here, not in the template: there `item.values` of an item without "values" is the dict's own method.
    url_name = _record_url_name(job.entity)
    display.creates = [
        (
            item.get("row"),
            item.get("key", ""),
            list(item.get("values") or []),
            reverse(url_name, args=[item["id"]]) if url_name and isinstance(item.get("id"), int) else "",
        )
        for item in (job.preview.get("create", []) if isinstance(job.preview, dict) else [])
    ]
    if job.problem_count > PROBLEMS_OPEN:
        display.problem_groups = [
            RowGroup(column=g["column"], count=g["count"], rows=g["rows"])
            for g in job.preview.get("problem_groups", [])
        ]
    stored_text = (display.message and not said_again) or notices or job.problems or display.warning_groups
    if stored_text and _base(job.language) != _base(translation.get_language()):
        display.stored_language = str(LANGUAGE_NAMES.get(_base(job.language), job.language))
        if display.message and not said_again:
            display.message_language = job.language
    return display


def _base(language: str | None) -> str:
    return (language or settings.LANGUAGE_CODE).split("-")[0].lower()


def _message_in_viewer_language(job: ImportJob) -> tuple[str, bool]:
    """The job's message, and whether it could be said in the viewer's language: a message of known words (a
    cancel, a failure, the count of problem rows) is matched in every language and built again; anything else
    (why a file was refused, in its own words) stays as stored."""
    from .services import (
        CANCELLED,
        CANCELLED_BEFORE_START,
        CANCELLED_DRY_RUN,
        CANCELLED_DRY_RUN_BEFORE_START,
        FAILED,
        INTERRUPTED,
        INTERRUPTED_AFTER_SAVE,
    )

    if not job.message:
        return "", True
    known: list[Callable[[], str]] = [
        lambda: str(CANCELLED),
        lambda: str(CANCELLED_DRY_RUN),
        lambda: str(CANCELLED_BEFORE_START),
        lambda: str(CANCELLED_DRY_RUN_BEFORE_START),
        lambda: str(FAILED),
        lambda: str(INTERRUPTED),
        lambda: str(INTERRUPTED_AFTER_SAVE),
        lambda: _refusal_message(job),
    ]
    for build in known:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                matches = build() == job.message
            if matches:
                return build(), True
    return job.message, False


def _refusal_message(job: ImportJob) -> str:
    # The very words of pipeline.run_import's refusal (same msgid, so the same translation): when they change
    # there, this no longer matches and the page shows the stored text, as before.
    return ngettext(
        "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi.",
        "%(rows)s baris bermasalah (%(problems)s masalah). Tidak ada data yang disimpan; perbaiki lalu unggah lagi.",
        job.refused_count,
    ) % {
        "rows": number_format(job.refused_count, force_grouping=True),
        "problems": number_format(job.problem_count, force_grouping=True),
    }


# ---------------------------------------------------------------------------------------------- the export's page


@dataclass
class ExportJobDisplay:
    """What an export's page says of how it ended, in the viewer's language where it is not stored text."""

    message: str = ""  # why it failed, as stored (in the language of its run)
    file_gone: str = ""  # that its file was removed after the retention period
    # The language its file is written in (headers, sheet, labels), named, when not the viewer's: an export asked for
    # in Indonesian and opened after switching to English is still an Indonesian file.
    file_language: str = ""
    message_language: str = ""  # the code of the stored message's language (for `lang`), when not the viewer's


def export_job_display(job: ExportJob, *, retention_days: int) -> ExportJobDisplay:
    """The export's stored message, and that its file was removed, said from its file_purged_at in the viewer's
    language. Rows purged before that was so hold the notice in their message, in the language of the purge: it is
    taken out of the message (in any language), and its number of days kept."""
    from .services import export_erased_message, export_file_gone_message

    lines, days = [], retention_days
    for line in job.message.splitlines():
        stored_days = _stored_gone_days(line)
        if stored_days is None:
            lines.append(line)
        else:
            days = stored_days
    if job.file_purged_for_erasure:
        gone = export_erased_message()
    else:
        gone = export_file_gone_message(days) if job.file_deleted else ""
    message = "\n".join(lines).strip()
    file_language = message_language = ""
    if _base(job.language) != _base(translation.get_language()):
        file_language = str(LANGUAGE_NAMES.get(_base(job.language), job.language))
        message_language = job.language if message else ""
    return ExportJobDisplay(
        message=message, file_gone=gone, file_language=file_language, message_language=message_language
    )


def export_too_large_to_import(job: ExportJob) -> str:
    """What to do with a ready export larger than an import accepts (a national list of clients, say), said before
    its user edits it and is refused at the upload; "" for any other."""
    from .files import limit, megabytes

    if job.report or job.status != ExportStatus.SUCCEEDED or job.file_deleted or not job.file:
        return ""
    try:
        size = job.file.size
    except OSError:  # lost from storage: the page says so already
        return ""
    max_bytes = limit("IMPORT_MAX_BYTES")
    if size <= max_bytes:
        return ""
    # Only an XLSX is written here (a CSV streams from its list), so the advice is to split it, not to repack it.
    return _(
        "File ini %(size)s MB, lebih besar dari yang diterima impor (paling besar %(max)s MB). Untuk mengimpornya "
        "kembali setelah diperbaiki, saring per wilayah dan unduh beberapa file."
    ) % {"size": megabytes(size, 1), "max": megabytes(max_bytes, 0)}


def _stored_gone_days(line: str) -> int | None:
    """The days of a "file removed after N days" notice stored by an earlier purge, or None for another line."""
    from .services import export_file_gone_message

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            before, _marker, after = export_file_gone_message(GONE_MARKER).partition(str(GONE_MARKER))
        match = re.fullmatch(rf"{re.escape(before)}(\d+){re.escape(after)}", line.strip())
        if match:
            return int(match.group(1))
    return None


GONE_MARKER = 987654321  # stands for the days while the notice's words are matched


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


def _record_url_name(entity_key: str) -> str:
    from .columns import get_entity

    try:
        return get_entity(entity_key).record_url_name
    except LookupError:
        return ""


# ---------------------------------------------------------------------------------------------- the queue, for admins

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
