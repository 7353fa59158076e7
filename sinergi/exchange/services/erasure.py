"""An erased person's traces in import and export jobs, removed with the erasure instead of by the retention:
the jobs that may hold them (erasure_candidates), those whose file name or lists quote them (import_jobs_quoting),
and the purge of their files and lists with the person's names taken out of what the rows keep
(jobs_purge_for_erasure). Called by the people app's erasure."""

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast, Concat
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sinergi.core.downloads import FREE_TEXT_FILTERS

from ..models import FINISHED_STATUSES, ExportJob, ExportStatus, ImportJob
from ._common import _numbers_masked, file_type
from .retention import _delete_stored, _import_files_emptied, retention_days


def import_erased_notice() -> str:
    return _(
        "File unggahan dan laporan impor ini dihapus lebih awal, bersama daftar data yang dibuat dan diubah beserta "
        "isiannya, karena memuat data orang yang datanya dihapus (hak subjek data); jumlahnya tetap tercatat. Unggah "
        "file lagi bila masih diperlukan."
    )


def export_erased_message() -> str:
    return _(
        "File ekspor ini dihapus lebih awal karena memuat data orang yang datanya dihapus (hak subjek data). "
        "Buat ekspor baru bila masih diperlukan."
    )


@dataclass(frozen=True)
class JobWindow:
    """When a job ran and as whom: an access-log line written by that actor in that time was written by its run."""

    pk: int
    actor_id: int | None
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None

    def wrote(self, actor_id: int | None, at: datetime.datetime) -> bool:
        if self.started_at is None or self.finished_at is None or actor_id != self.actor_id:
            return False
        # A second either side: the lines take the time of their write, the job its own reading of the clock.
        return self.started_at - _CLOCK_SLACK <= at <= self.finished_at + _CLOCK_SLACK


_CLOCK_SLACK = datetime.timedelta(seconds=1)


def erasure_candidates(entity: str, *, now: datetime.datetime) -> tuple[list[JobWindow], list[JobWindow]]:
    """The finished import and export jobs of `entity` whose files are still stored: the only ones an erasure can
    still reach early (older ones were, or are about to be, purged by the retention)."""
    since = now - datetime.timedelta(days=retention_days()) - datetime.timedelta(days=2)
    imports = ImportJob.objects.filter(
        entity=entity, status__in=FINISHED_STATUSES, files_purged_at__isnull=True, finished_at__gte=since
    )
    exports = ExportJob.objects.filter(
        entity=entity, report="", status=ExportStatus.SUCCEEDED, file_purged_at__isnull=True, finished_at__gte=since
    ).exclude(file="")
    return (
        [JobWindow(*row) for row in imports.values_list("pk", "created_by_id", "started_at", "finished_at")],
        [JobWindow(*row) for row in exports.values_list("pk", "requested_by_id", "started_at", "finished_at")],
    )


class _Quotes:
    """Where a text names the erased person: a name of several words or a number as a whole word anywhere (in any
    case, with any spacing); a name of one word only as a whole value or between quotation marks (“Siti”): as a
    word of a text it would find every Siti Aminah and every mother called Siti in the server's files, and purge
    and redact them too. Applied to each string of a job's data in turn, never to the data written as JSON, where
    a line break is the two characters "\\n" (a person "Nani" would be found in "…:\\nAni…", and its redaction would
    leave an escape JSON cannot read, aborting the erasure) and a name could span two strings."""

    def __init__(self, identifiers: list[str]) -> None:
        words, single = set(), set()
        for text in identifiers:
            text = " ".join(text.split())
            if len(text) < 3:
                continue
            (words if " " in text or text.isdigit() else single).add(text)

        def alternatives(found: set[str]) -> str:
            return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(found, key=len, reverse=True))

        parts = [rf"(?<!\w)(?:{alternatives(words)})(?!\w)"] if words else []
        if single:
            parts.append(rf"(?<=[“\"'‘])(?:{alternatives(single)})(?=[”\"'’])")
        self.anywhere = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        self.whole = re.compile(rf"\s*(?:{alternatives(single)})\s*", re.IGNORECASE) if single else None
        # A quick look at a job's data written as JSON first: most jobs do not hold any word of the person, and
        # are then not read string by string (hundreds of jobs of 200 records each).
        firsts = {word.split()[0] for word in words | single}
        firsts |= {json.dumps(word, ensure_ascii=False)[1:-1] for word in firsts}  # a quote or backslash escaped
        self.maybe = re.compile("|".join(map(re.escape, sorted(firsts))), re.IGNORECASE) if firsts else None
        # For the database's look: of each name or number, the runs of three ASCII letters or digits and more of its
        # words (SQLite stores JSON with the other letters escaped, and compares only ASCII letters in any case),
        # all of which a text naming it holds; none to look for when a name has no such run (every job is read).
        runs = [[run for run in re.findall(r"[A-Za-z0-9]+", word) if len(run) >= 3] for word in words | single]
        self.runs = runs if all(runs) else []

    def __bool__(self) -> bool:
        return self.maybe is not None

    def in_text(self, text: str) -> bool:
        return bool(
            (self.whole is not None and self.whole.fullmatch(text))
            or (self.anywhere is not None and self.anywhere.search(text))
        )

    def in_file_name(self, name: str) -> bool:
        """A file named after the person however the words are joined: "data_bunga_auditia_uji.xlsx",
        "nik-6371….csv" (an underscore is part of a word for a regular expression)."""
        return self.in_text(re.sub(r"[\s_.+-]+", " ", Path(name).stem)) or self.in_text(name)

    def in_data(self, value) -> bool:
        if not self or not self.maybe.search(json.dumps(value, ensure_ascii=False)):
            return False
        return any(self.in_text(text) for text in _strings(value))

    def redacted(self, value):
        """`value` (a text, or JSON data) with the person's names and numbers replaced by "***"; the keys, which
        are the program's own words, and everything else as it was."""
        if isinstance(value, str):
            if self.whole is not None and self.whole.fullmatch(value):
                return "***"
            return self.anywhere.sub("***", value) if self.anywhere is not None else value
        if isinstance(value, dict):
            return {key: self.redacted(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.redacted(item) for item in value]
        return value


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def import_jobs_quoting(pks: list[int], identifiers: list[str]) -> list[int]:
    """Of the import jobs `pks`, those whose file name or stored lists (records as read, changes, problems, notices)
    name the person: a refused file or a trial quotes them before any access to a stored record is logged."""
    quotes = _Quotes(identifiers)
    if not quotes:
        return []
    # The database reads the stored lists for the words of the person first: the jobs without them (nearly all) are
    # not sent over and decoded, which took seconds for a few hundred jobs of 200 records each. PostgreSQL casts a
    # job's lists to text anew for every condition that names them (the casts were most of the time): there, one
    # expression of them all is tested once, with one pattern (all of a name's words; each name an alternative).
    # SQLite keeps JSON as text, and compares it with LIKE far faster than with a pattern (a call into Python).
    texts = {f"{name}_text": Cast(name, TextField()) for name in ("preview", "problems", "notices", "sheet_choices")}
    jobs = ImportJob.objects.annotate(lists_text=Concat(*texts.values()), **texts)
    maybe = Q(pk__isnull=False)
    if quotes.runs and connection.vendor == "postgresql":
        pattern = "|".join("^" + "".join(f"(?=.*{run})" for run in runs) for runs in quotes.runs)
        maybe = Q(original_name__iregex=pattern) | Q(sheet__iregex=pattern) | Q(lists_text__iregex=pattern)
    elif quotes.runs:
        maybe = Q()
        for runs in quotes.runs:
            for field in ("original_name", "sheet", *texts):
                maybe |= Q.create([(f"{field}__icontains", run) for run in runs])  # all of them in one field
    quoting = []
    for start in range(0, len(pks), 100):  # previews of up to 200 records each: a hundred jobs at a time
        chunk = jobs.filter(maybe, pk__in=pks[start : start + 100]).order_by("pk")
        for pk, name, sheet, preview, problems, notices, sheets in chunk.values_list(
            "pk", "original_name", "sheet", "preview", "problems", "notices", "sheet_choices"
        ):
            if quotes.in_file_name(name) or quotes.in_data([sheet, preview, problems, notices, sheets]):
                quoting.append(pk)
    return quoting


def jobs_purge_for_erasure(
    *, import_pks: list[int], export_pks: list[int], identifiers: list[str], now: datetime.datetime | None = None
) -> tuple[list[int], list[int]]:
    """Removes at once, inside the erasing transaction, what the retention would have removed within its days: the
    uploads, reports and lists of the finished import jobs `import_pks` (with any finished job sharing their upload:
    a trial and the import it made) and the files of the exports `export_pks`. Their rows stay, with their counts;
    the person's names and numbers are taken out of what the rows still say (the file and sheet names, the
    problems' messages, the notices). An upload that a queued or running job still names stays for it (it is about
    to read it): that job, untouched, is purged by the retention once it has finished, and the upload with it. The
    files are deleted once the erasure commits; one the storage refuses is logged, and, named by no job any more,
    removed by the purge's sweep of unnamed files. Returns the import and export jobs purged."""
    now = now or timezone.now()
    quotes = _Quotes(identifiers)
    finished = Q(status__in=FINISHED_STATUSES, files_purged_at__isnull=True)
    jobs = ImportJob.objects.filter(finished, pk__in=import_pks)
    uploads = list(jobs.exclude(file="").values_list("file", flat=True))
    jobs = ImportJob.objects.filter(finished & (Q(pk__in=import_pks) | Q(file__in=uploads)))
    names: list[str] = []
    purged_imports = []
    for job in jobs.select_for_update().order_by("pk"):
        names += [name for name in (job.file.name, job.error_report.name) if name]
        original = job.original_name
        if quotes.in_file_name(original):
            original = f"{job.entity} #{job.pk}{file_type(original)}"
        with translation.override(job.language):
            notice = import_erased_notice()
        ImportJob.objects.filter(pk=job.pk).update(
            **_import_files_emptied(
                now=now,
                notice=notice,
                original_name=original,
                notices=job.notices,
                preview=job.preview,
                problems=job.problems,
                redacted=quotes.redacted,
            ),
            # people name sheets after a child as they do files; the job list shows the sheet beside the file
            sheet=_numbers_masked(quotes.redacted(job.sheet)),
            sheet_choices=quotes.redacted(job.sheet_choices),
        )
        purged_imports.append(job.pk)
    # A job not finished yet (a confirmed import waiting for the worker) reads the upload it shares: kept for it.
    still_read = set(
        ImportJob.objects.filter(file__in=names).exclude(status__in=FINISHED_STATUSES).values_list("file", flat=True)
    )
    names = [name for name in names if name not in still_read]
    exports = ExportJob.objects.filter(pk__in=export_pks, file_purged_at__isnull=True).exclude(file="")
    purged_exports = []
    for export in exports.select_for_update().order_by("pk"):
        names.append(export.file.name)
        kept = {name: values for name, values in export.filters.items() if name not in FREE_TEXT_FILTERS}
        ExportJob.objects.filter(pk=export.pk).update(
            file="", file_purged_at=now, file_purged_for_erasure=True, filters=kept
        )
        purged_exports.append(export.pk)
    if names:
        storage = ImportJob._meta.get_field("file").storage
        # Robust: the erasure has committed by then; a storage failing otherwise than with an OSError (which
        # _delete_stored logs) must not answer it with a server error. The sweep of unnamed files removes the rest.
        transaction.on_commit(lambda: _delete_stored_each(storage, names), robust=True)
    return purged_imports, purged_exports


def _delete_stored_each(storage, names: list[str]) -> None:
    for name in names:
        _delete_stored(storage, [name])  # logs a refusal; the next name is still tried
