"""An object's change history as its page shows it (`audit_history`): every change with its old and new value,
and the event's data in words.

Apart from the audit log (log.py), which says less of each event (field names, not values) about every kind of object.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import AuditEvent
from .labels import DATA_LABELS, action_label, data_renamed
from .resolver import ChangeRow, DetailRow, _actor, _organisation_names, _ppks_labels, _Resolver, _unrecorded

# Checksums and byte counts mean nothing to a reader of the page; they stay in the audit log itself.
HIDDEN_DATA = {"sha256", "size", "email_key"}


@dataclass(frozen=True)
class HistoryEntry:
    """One audit event ready for a template: every part already in words."""

    occurred_at: datetime.datetime
    actor: str
    action: str
    changes: list[ChangeRow] = field(default_factory=list)
    details: list[DetailRow] = field(default_factory=list)


def audit_history(
    events: Iterable[AuditEvent],
    *,
    labels: Mapping[str, Any] | None = None,
    choices: Mapping[str, Iterable[tuple[Any, Any]]] | None = None,
    formatters: Mapping[str, Callable[[Any], str]] | None = None,
    hidden: Iterable[str] = (),
) -> list[HistoryEntry]:
    """The events as display rows. `labels`, `choices` and `formatters` cover keys that are not fields of the
    event's model (an officer's position code in `data`, a list of parties); model fields need nothing. `hidden`
    keys are left out (codes derived from another field that the history already shows in words).

    Related objects are named with one query per related field for the whole list, not one per event.
    """
    events = list(events)
    hidden_keys = set(hidden)
    resolver = _Resolver(events, labels or {}, choices or {}, formatters or {})
    resolver.organisations = _organisation_names(events)
    resolver.terms = _ppks_labels(events)
    return [
        HistoryEntry(
            occurred_at=event.occurred_at,
            actor=_actor(event),
            action=action_label(event.action, event.data),
            changes=[
                resolver.change(event, key, values)
                for key, values in resolver.in_order(event, event.changes or {})
                if key not in hidden_keys
            ],
            details=[
                DetailRow(label=resolver.data_label(key), value=resolver.event_value(event, key, value))
                for key, value in sorted(data_renamed(event.action, event.data).items(), key=_data_order)
                if key not in HIDDEN_DATA
                and key not in hidden_keys
                and value not in (None, "", [])
                # Fields whose values the changes show already, before and after.
                and not (key == "fields" and not _unrecorded(event, value))
            ],
        )
        for event in events
    ]


def _data_order(item: tuple[str, Any]) -> tuple[int, str]:
    # Known keys in DATA_LABELS' order, then the rest by name: jsonb does not keep the order they were written in.
    order = list(DATA_LABELS)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])
