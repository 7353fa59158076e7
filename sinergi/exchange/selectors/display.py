"""What a finished job's page says: an import's problems cut and folded, its warnings grouped, its message
said again in the viewer's language when it is made of known words; an export's message, its removed file and its
language. Apart from jobs because it reads a job already found, it does not decide who sees it."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import ExportJob, ExportStatus, ImportJob

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
    # A trial's preview is stored text too: its cells read as labels and dates in the run's language ("Female",
    # "2024-01-02"), which a reader in the other language should know were not written for them.
    updates = job.preview.get("update") if isinstance(job.preview, dict) else None
    stored_text = (
        (display.message and not said_again)
        or notices
        or job.problems
        or display.warning_groups
        or display.creates
        or updates
    )
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
    from ..services import (
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
    from ..services import export_erased_message, export_file_gone_message

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
    from ..files import limit, megabytes

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
    from ..services import export_file_gone_message

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            before, _marker, after = export_file_gone_message(GONE_MARKER).partition(str(GONE_MARKER))
        match = re.fullmatch(rf"{re.escape(before)}(\d+){re.escape(after)}", line.strip())
        if match:
            return int(match.group(1))
    return None


GONE_MARKER = 987654321  # stands for the days while the notice's words are matched


def _record_url_name(entity_key: str) -> str:
    from ..columns import get_entity

    try:
        return get_entity(entity_key).record_url_name
    except LookupError:
        return ""
