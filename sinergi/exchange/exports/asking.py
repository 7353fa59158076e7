"""An export asked for: streamed as CSV from the request (`csv_chunks`), or, past the limit for an XLSX file,
made a job for the task worker (`export_job_create`, `job_create_once`, queued by `_enqueue`), with its
filters, its address and its audit event."""

import secrets
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sinergi.accounts.scope import access_key
from sinergi.audit.services import audit_record
from sinergi.core.downloads import DOWNLOAD_FORMATS, FREE_TEXT_FILTERS, XLSX, csv_header_line, csv_lines
from sinergi.core.errors import PermissionDenied, ValidationError

from ..columns import Entity, get_entity
from ..models import ExportJob, export_request_key
from ..selectors import export_job_pending
from ..services import TOO_MANY_PENDING, too_many_pending

if TYPE_CHECKING:
    from sinergi.accounts.models import User
    from sinergi.core.actors import SystemActor


DEFAULT_XLSX_SYNC_ROWS = 5000


def csv_chunks(
    *, entity: Entity, queryset, actor: "User | SystemActor", purpose: str = "", delimiter: str = ","
) -> Iterator[bytes]:
    """An entity's list as CSV bytes (header first): made by the database when the entity offers that for the
    database in use (PostgreSQL's COPY), else row by row through export_rows — the portable path, which the tests
    hold the fast one to."""
    headers = [str(column.header) for column in entity.export_columns()]
    body = entity.export_csv_chunks(queryset=queryset, actor=actor, purpose=purpose, delimiter=delimiter)
    if body is None:
        yield from csv_lines(headers, entity.export_rows(queryset.iterator(chunk_size=2000)), delimiter=delimiter)
        return
    yield csv_header_line(headers, delimiter=delimiter)
    yield from body


def export_runs_in_background(*, file_format: str, rows: int) -> bool:
    """Whether an export of `rows` rows goes to the task worker: XLSX past the limit (CSV streams, never)."""
    limit = int(settings.SINERGI.get("EXPORT_XLSX_SYNC_ROWS", DEFAULT_XLSX_SYNC_ROWS))
    return file_format == XLSX and rows > limit


def export_filters(filters: dict[str, list[str]]) -> QueryDict:
    """A list's filters (name -> values, as stored on a job) as the QueryDict its filter set reads."""
    data = QueryDict(mutable=True)
    for key, values in filters.items():
        data.setlist(key, list(values))
    return data


def export_url(entity_key: str, query_string: str = "") -> str:
    """The address of an entity's export with a list's query string (its filters, and the format) as it came."""
    path = reverse("exchange:export", args=[entity_key])
    return f"{path}?{query_string}" if query_string else path


def export_job_create(
    *,
    actor: "User",
    entity_key: str,
    filters: dict[str, list[str]],
    file_format: str,
    rows: int,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> ExportJob:
    """Queues an export for the task worker and audits it as the export (the download is audited again).
    `purpose`: the access purpose, for an entity that asks for one (see Entity.asks_access_purpose).

    The same export (data, format, filters, purpose) asked for again by the same user while the first one is queued
    or running is that first one: nothing new is made, queued or audited (see export_job_pending). A second copy
    may be asked for once the first has finished."""
    entity = get_entity(entity_key)
    if not entity.can_export(actor):
        raise PermissionDenied(_("Anda tidak berwenang mengekspor data %(entity)s.") % {"entity": entity.label})
    if file_format not in DOWNLOAD_FORMATS:
        raise ValidationError(_("Format unduhan tidak dikenal. Pilih csv atau xlsx."))
    asked = {"entity_key": entity.key, "filters": filters, "file_format": file_format, "purpose": purpose}

    def make() -> ExportJob:
        job = ExportJob.objects.create(
            token=secrets.token_hex(16),
            entity=entity.key,
            filters={key: list(values) for key, values in filters.items()},
            file_format=file_format,
            language=translation.get_language() or "id",
            requested_by=actor,
            requested_by_name=actor.get_username(),
            rows_total=rows,
            purpose=purpose,
            request_key=export_request_key(**asked),
            access_key=access_key(actor),
        )
        audit_record(
            actor=actor,
            action=f"exchange.{entity.key}.exported",
            obj=job,
            data={"format": file_format, "rows": rows, "filters": audit_filters(job.filters), "job": job.pk},
            purpose=purpose,
            request=request,
        )
        return job

    return job_create_once(actor=actor, pending=lambda: export_job_pending(actor=actor, **asked), make=make)


def job_create_once(
    *, actor: "User", pending: Callable[[], ExportJob | None], make: Callable[[], ExportJob]
) -> ExportJob:
    """The job `make` creates and audits (a list export or a report), queued for the task worker, unless `pending`
    finds the same one of the user's still waiting or running: that one, with nothing new made, queued or audited.
    Refused past the user's limit of pending jobs."""
    if (found := pending()) is not None:
        return found
    if too_many_pending(ExportJob.objects.filter(requested_by=actor)):
        raise ValidationError(str(TOO_MANY_PENDING))
    try:
        with transaction.atomic():
            job = make()
            _enqueue(job)
    except IntegrityError:
        # The same request at the same moment (a double click): the unique constraint let the other one in.
        found = pending()
        if found is None:
            raise
        return found
    return job


def audit_filters(filters: dict[str, list[str]]) -> dict[str, Any]:
    """A list's filters as an export's audit event records them (in the request, in the worker, from export_data):
    one value as is, repeated values as a list; words searched for (which may be a person's name) as "*" only: the
    audit log names people by number (each exported person has an access-log line)."""
    return {
        key: "*" if key in FREE_TEXT_FILTERS else values[0] if len(values) == 1 else values
        for key, values in filters.items()
    }


def _enqueue(job: ExportJob) -> None:
    from ..tasks import run_export_job

    def send() -> None:
        result = run_export_job.enqueue(job.pk)
        ExportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    # The worker must never see a job whose row is not committed yet.
    transaction.on_commit(send)
