"""The change history as a reader sees it: actions in words, fields by their labels, values as the pages show them.

Audit events keep codes (action names, field names, choice values, ids, UTC timestamps) so that they stay exact and
independent of the language; this package translates them at display time, for whichever model the event is about.

Callers use the package (`from sinergi.audit.display import audit_history`); the modules below are by concept:
- `labels`: the words of action codes, data keys, coded values and purposes, the registries the apps add to, and
  `action_label`;
- `resolver`: values in words for one list of events (fields by their labels, related objects by name, dates),
  shared by the two below;
- `history`: an object's change history for its page (`audit_history`);
- `log`: the audit log's lines (`audit_log_entries`) and the links to the objects' pages (`object_pages`).
"""

from .history import HIDDEN_DATA, HistoryEntry, audit_history
from .labels import (
    ACTION_DATA_CHOICES,
    ACTION_LABELS,
    DATA_CHOICES,
    DATA_LABELS,
    DATA_VALUES,
    NUMBERED_KEYS,
    ORGANISATION_KEYS,
    PURPOSE_LABELS,
    REASON_SHOWN,
    SUBJECT_ACCESS,
    SUBJECT_ACCESS_LABELS,
    VERB_LABELS,
    action_label,
    register_action_labels,
    register_data_choices,
    register_purpose_labels,
)
from .log import (
    LOG_DATA_LABELS,
    LOG_HIDDEN_DATA,
    OBJECT_PAGES,
    REFUSAL_UNSAID,
    SEARCHED,
    LogEntry,
    audit_log_entries,
    object_pages,
)
from .resolver import EMPTY, UNRECORDED, ChangeRow, DetailRow

__all__ = [
    "ACTION_DATA_CHOICES",
    "ACTION_LABELS",
    "DATA_CHOICES",
    "DATA_LABELS",
    "DATA_VALUES",
    "EMPTY",
    "HIDDEN_DATA",
    "LOG_DATA_LABELS",
    "LOG_HIDDEN_DATA",
    "NUMBERED_KEYS",
    "OBJECT_PAGES",
    "ORGANISATION_KEYS",
    "PURPOSE_LABELS",
    "REASON_SHOWN",
    "REFUSAL_UNSAID",
    "SEARCHED",
    "SUBJECT_ACCESS",
    "SUBJECT_ACCESS_LABELS",
    "UNRECORDED",
    "VERB_LABELS",
    "ChangeRow",
    "DetailRow",
    "HistoryEntry",
    "LogEntry",
    "action_label",
    "audit_history",
    "audit_log_entries",
    "object_pages",
    "register_action_labels",
    "register_data_choices",
    "register_purpose_labels",
]
