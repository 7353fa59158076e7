"""The audit log's lines (`audit_log_entries`): what was done and its key facts (an import's counts, an export's
filters), the names of the fields a change touched but not their values, and a link to the object's page when its
reader may open it (`object_pages`).

Apart from the history (history.py) because it says less of each event, for every kind of object, on one page.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from sinergi.accounts.scope import Action, restrict
from sinergi.core.downloads import FREE_TEXT_FILTERS

from ..models import AuditEvent
from .history import HIDDEN_DATA
from .labels import (
    ACTION_DATA_CHOICES,
    DATA_LABELS,
    DATA_VALUES,
    PURPOSE_LABELS,
    REASON_SHOWN,
    action_label,
    data_renamed,
)
from .resolver import (
    UNRECORDED,
    DetailRow,
    _actor,
    _has_field,
    _organisation_names,
    _ppks_labels,
    _Resolver,
    _unrecorded,
)

# The audit log's facts of an import or an export, first and in this order; other data follows by name.
LOG_DATA_LABELS: dict[str, Any] = {
    "file": _lazy("Berkas"),
    "file_type": _lazy("Jenis berkas"),
    "entity": _lazy("Data"),
    "format": _lazy("Format"),
    "dry_run": _lazy("Uji coba"),
    "rows": _lazy("Jumlah baris"),
    "created": _lazy("Dibuat"),
    "updated": _lazy("Diubah"),
    "unchanged": _lazy("Tidak berubah"),
    "refused_rows": _lazy("Baris ditolak"),
    "problems": _lazy("Jumlah masalah"),
    "warnings": _lazy("Peringatan"),
    "filters": _lazy("Saringan"),
    "report": _lazy("Laporan"),
    "region": _lazy("Wilayah"),
    "via": _lazy("Melalui"),
    "page": DATA_LABELS["page"],
    "refusal": _lazy("Alasan penolakan"),
    "consents": _lazy("Persetujuan yang dicatat"),
    "corrected": _lazy("Penempatan diperbaiki"),
    "discharged": _lazy("Penempatan diakhiri"),
    "duplicate_candidates": _lazy("Kemungkinan data ganda"),
}
# The job is the event's object already; timings and checksums are for the people running the server.
# Free text ("reason" of a restriction or an erasure) may name a person: on the object's own page only, for those who
# may see it (the log names people by number).
# A "reason" is shown when it is a code (a discharge's, a duplicate's) or a restriction's or an erasure's ground
# (REASON_SHOWN); other free text stays out.
LOG_HIDDEN_DATA = HIDDEN_DATA | {"job", "seconds"}
_LOG_COUNTS = {
    "rows",
    "lks_count",
    "created",
    "updated",
    "unchanged",
    "refused_rows",
    "problems",
    "warnings",
    "consents",
    "corrected",
    "discharged",
    "duplicate_candidates",
}
# A refusal recorded without words: a bare PermissionDenied, which every view raises for a page outside the user's
# roles (records outside their area answer 404, unrecorded), and which the 403 page itself reads so.
REFUSAL_UNSAID = _lazy("halaman di luar peran pengguna")


SEARCHED = _lazy("(kata pencarian)")


@dataclass(frozen=True)
class LogEntry:
    """One line of the audit log, every part in words but the code of the action, kept for searching."""

    occurred_at: datetime.datetime
    actor: str
    action: str
    code: str
    object_type: str
    object_repr: str
    purpose: str
    ip_address: str
    details: list[DetailRow] = field(default_factory=list)
    # The object's own page, when it has one and the reader may open it; else empty.
    url: str = ""


# The types of object whose page a log row links to: the page's URL name and the action its reader needs.
OBJECT_PAGES: dict[str, tuple[str, str]] = {
    "people.person": ("people:detail", Action.PERSON_VIEW),
    "people.worker": ("people:worker_detail", Action.PERSON_VIEW),
    "organisations.organisation": ("organisations:detail", Action.VIEW),
    "referrals.referral": ("referrals:detail", Action.PERSON_VIEW),
    "partnerships.agreement": ("partnerships:detail", Action.VIEW),
    "meetings.meeting": ("meetings:detail", Action.VIEW),
}


def object_pages(events: Iterable[AuditEvent], reader: Any) -> dict[tuple[str, str], str]:
    """{(object type, id): URL} of the events' objects that have a page `reader` may open: still stored (a client
    not erased) and in the reader's scope. One query per type of object on the list."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.object_type in OBJECT_PAGES and event.object_id.isdigit():
            wanted[event.object_type].add(int(event.object_id))
    urls: dict[tuple[str, str], str] = {}
    for label, ids in wanted.items():
        url_name, action = OBJECT_PAGES[label]
        model = apps.get_model(label)
        rows = model._default_manager.filter(pk__in=ids)
        if _has_field(model, "erased_at"):
            rows = rows.filter(erased_at__isnull=True)
        try:
            rows = restrict(rows, actor=reader, action=action)
        except LookupError:  # a type without a registered scope: no link rather than a guess
            continue
        for pk in rows.values_list("pk", flat=True):
            urls[(label, str(pk))] = reverse(url_name, args=[pk])
    return urls


def audit_log_entries(events: Iterable[AuditEvent], *, reader: Any = None) -> list[LogEntry]:
    """The events as lines of the audit log: what was done and its key facts (an import's counts and file, an
    export's format, rows and filters), and the names of the fields a change touched, not their values: those
    are on the object's own page, for those who may see it. Costs no query beyond the events (with their actor) but
    one for the LKS and one for the PPKS categories their data names by id or code, for the whole page. With a
    `reader`, each line links to its object's page when the reader may open it (object_pages)."""
    events = list(events)
    pages = object_pages(events, reader) if reader is not None else {}
    resolver = _Resolver([], LOG_DATA_LABELS, {}, dict.fromkeys(_LOG_COUNTS, _count) | {"filters": _filters})
    resolver.organisations = _organisation_names(events)
    resolver.terms = _ppks_labels(events)
    # Changed fields go by their model's labels, not by the names of the data's keys.
    by_field = _Resolver([], {}, {}, {})
    entries = []
    for event in events:
        model = resolver._model(event)
        data = {
            key: value
            for key, value in data_renamed(event.action, event.data).items()
            if key not in LOG_HIDDEN_DATA
            and key != "fields"  # said with the changes below
            and not (key == "reason" and not _reason_shown(event.action))
            and value not in (None, "", [], {})
            and not (key == "dry_run" and not value)
        }
        if event.action == "access.refused" and not (event.data or {}).get("refusal"):
            data["refusal"] = REFUSAL_UNSAID
        details = [
            DetailRow(label=resolver.data_label(key), value=resolver.event_value(event, key, value))
            for key, value in sorted(data.items(), key=_log_order)
        ]
        changed = [
            by_field._label(key, by_field._field(model, key)[0])
            for key, _values in by_field.in_order(event, event.changes or {})
        ]
        # Identifying fields are recorded by name only (no old or new value): said, so that the list of the
        # others does not read as if they had not changed.
        changed += [f"{name} ({UNRECORDED})" for name in by_field.field_names(event, "fields", _unrecorded(event))]
        if changed:
            details.append(DetailRow(label=_("Yang diubah"), value=", ".join(changed)))
        entries.append(
            LogEntry(
                occurred_at=event.occurred_at,
                actor=_actor(event),
                action=action_label(event.action, event.data),
                code=event.action,
                object_type=capfirst(str(model._meta.verbose_name)) if model else "",
                object_repr=_object_words(event, model),
                purpose=str(PURPOSE_LABELS.get(event.purpose, event.purpose)),
                ip_address=event.ip_address or "",
                details=details,
                url=pages.get((event.object_type, event.object_id), ""),
            )
        )
    return entries


def _object_words(event: AuditEvent, model: type[models.Model] | None) -> str:
    """An event's object as the log shows it after its type. A label made of the type and the number
    ("penerima layanan (PPKS) #2999", as services name people) was written in its writer's language: the number alone
    follows the type, which is shown in the reader's. A name (an LKS's, a meeting's title) is kept."""
    if model is not None and event.object_id and event.object_repr.endswith(f"#{event.object_id}"):
        return f"#{event.object_id}"
    if event.object_type == "exchange.exportjob":
        return _export_job_words(event.object_repr)
    return event.object_repr


def _export_job_words(kept: str) -> str:
    """An export job as its events keep it (ExportJob.__str__: "clients xlsx", "report regency 63.71 pdf") in the
    reader's words, "penerima layanan XLSX", "Ringkasan kabupaten/kota 63.71 PDF": the codes are English words, which
    an Indonesian page showed as they were."""
    parts = kept.split()
    if len(parts) == 2:
        entity, file_format = parts
        return f"{DATA_VALUES.get(('entity', entity), entity)} {file_format.upper()}"
    if len(parts) == 4 and parts[0] == "report":
        _report, kind, region, file_format = parts
        kinds = ACTION_DATA_CHOICES.get(("statistics.report.exported", "report"), {})
        return f"{kinds.get(kind, kind)} {region} {file_format.upper()}"
    return kept


def _reason_shown(action: str) -> bool:
    return action in REASON_SHOWN or (action, "reason") in ACTION_DATA_CHOICES


def _count(value: Any) -> str:
    return (
        number_format(value, force_grouping=True)
        if isinstance(value, int) and not isinstance(value, bool)
        else str(value)
    )


def _filters(value: Any) -> str:
    """An export's filters as its event records them ({"kind": "lksa", "status": ["active", "draft"]})."""
    if not isinstance(value, dict):
        return str(value)
    # Words searched for may be a person's name: that there was a search is said, not what it was (events written
    # before exports.audit_filters left the words out may still hold them).
    return "; ".join(
        f"{key}: {SEARCHED}" if key in FREE_TEXT_FILTERS else f"{key}: {_listed(item)}"
        for key, item in sorted(value.items())
    )


def _listed(item: Any) -> str:
    return ", ".join(map(str, item)) if isinstance(item, list) else str(item)


def _log_order(item: tuple[str, Any]) -> tuple[int, str]:
    order = list(LOG_DATA_LABELS)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])
