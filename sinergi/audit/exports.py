"""The audit log as a CSV file, for an investigation to attach to its report: the lines the page shows, with the same
filters, in the same words; the export is itself audited, with its filters."""

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.downloads import csv_lines

from .display import audit_log_entries
from .filters import AuditEventFilterSet
from .models import AuditEvent
from .services import audit_record

if TYPE_CHECKING:
    from sinergi.accounts.models import User

EXPORTED = "audit.log.exported"
CHUNK = 500  # events turned into lines at a time: two queries each (LKS and PPKS names), memory kept small


def audit_log_headers() -> list[str]:
    return [
        _("Waktu"),
        _("Pelaku"),
        _("Tindakan"),
        _("Kode tindakan"),
        _("Jenis objek"),
        _("Objek"),
        _("Nomor objek"),
        _("Tujuan"),
        _("Alamat IP"),
        _("Keterangan"),
    ]


def audit_log_filters(filterset: AuditEventFilterSet) -> dict[str, str]:
    """The filters a (valid) filter set applied, as text, for the export's own event."""
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else str(value)
        for name, value in filterset.form.cleaned_data.items()
        if value not in (None, "")
    }


def audit_log_export_record(
    *, actor: "User", filterset: AuditEventFilterSet, rows: int, request: HttpRequest | None = None
) -> AuditEvent:
    """Records the export before the file is made: who took which part of the log (its filters) and how many lines."""
    return audit_record(
        actor=actor,
        action=EXPORTED,
        data={"format": "csv", "rows": rows, "filters": audit_log_filters(filterset)},
        request=request,
    )


def audit_log_csv(events: QuerySet[AuditEvent], *, delimiter: str = ",") -> Iterator[bytes]:
    """The events as CSV lines (header first), newest first, made a few hundred at a time while they are sent."""
    return csv_lines(audit_log_headers(), _rows(events.iterator(chunk_size=CHUNK)), delimiter=delimiter)


def _rows(events: Iterable[AuditEvent]) -> Iterator[list[Any]]:
    batch: list[AuditEvent] = []
    for event in events:
        batch.append(event)
        if len(batch) >= CHUNK:
            yield from _lines(batch)
            batch = []
    if batch:
        yield from _lines(batch)


def _lines(batch: list[AuditEvent]) -> Iterator[list[Any]]:
    for event, entry in zip(batch, audit_log_entries(batch), strict=True):
        yield [
            # Sortable, to the second, on the reader's clock and naming it (evidence is compared across sources).
            timezone.localtime(entry.occurred_at).strftime("%Y-%m-%d %H:%M:%S %Z"),
            entry.actor,
            entry.action,
            entry.code,
            entry.object_type,
            entry.object_repr,
            event.object_id,
            entry.purpose,
            entry.ip_address,
            "; ".join(f"{detail.label}: {detail.value}" for detail in entry.details),
        ]
