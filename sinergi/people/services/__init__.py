"""Writes about clients (PPKS) and workers (PSKS): each function checks scope, validates everything at once,
writes, audits, logs the access to personal data and keeps the summary tables current — in one transaction.

Privacy rules that hold throughout:
- NIK and KK are stored only as ciphertext, keyed hash and masked form; never in plain text, never in an audit
  event. Audit events about a person name it by id ("Penerima layanan #12"), not by name, because the audit log
  outlives an erasure.
- A duplicate candidate is never explained to the operator who triggered it: they learn only that a board will
  check, never which LKS or which person matched.

Callers use the package (`from sinergi.people import services`, `services.person_admit(...)`); the modules
below are by concept. The summary updates are re-exported here and called through the package, so replacing
`services.summary_*` reaches every write.
"""

from ..summaries import (
    summary_placement_added,
    summary_placement_changed,
    summary_placement_discharged,
    summary_snapshot,
    summary_snapshot_worker,
    summary_worker_changed,
)
from ._common import MAX_LENGTHS, Outcome
from .consents import consent_record, consent_withdraw, consent_withdrawal_correct
from .duplicates import duplicate_resolve
from .incidents import incident_recipients, incident_report
from .merges import duplicate_merge
from .persons import IDENTIFYING_FIELDS, PERSON_FIELDS, person_admit, person_change_refusal, person_update
from .placements import (
    care_plan_review_record,
    placement_advance_stage,
    placement_correct,
    placement_discharge,
    placement_transfer,
)
from .reminders import people_reminders
from .rights import erasure_refusal, person_erase, person_restrict, person_subject_access_export
from .rules import (
    ADULT_AGE,
    KIND_ELDERLY,
    KIND_SERVES_ALL,
    REVIEW_INTERVAL_MONTHS,
    add_months,
    age_on,
    age_warnings,
    check_lks_serves,
    is_child_on,
    lks_kind_codes,
    normalize_name,
    person_match_key,
)
from .workers import WORKER_FIELDS, worker_create, worker_end, worker_update

__all__ = [
    "ADULT_AGE",
    "IDENTIFYING_FIELDS",
    "KIND_ELDERLY",
    "KIND_SERVES_ALL",
    "MAX_LENGTHS",
    "PERSON_FIELDS",
    "REVIEW_INTERVAL_MONTHS",
    "WORKER_FIELDS",
    "Outcome",
    "people_reminders",
    "add_months",
    "age_on",
    "age_warnings",
    "care_plan_review_record",
    "check_lks_serves",
    "consent_record",
    "consent_withdraw",
    "consent_withdrawal_correct",
    "duplicate_merge",
    "duplicate_resolve",
    "erasure_refusal",
    "incident_recipients",
    "incident_report",
    "is_child_on",
    "lks_kind_codes",
    "normalize_name",
    "person_admit",
    "person_change_refusal",
    "person_erase",
    "person_match_key",
    "person_restrict",
    "person_subject_access_export",
    "person_update",
    "placement_advance_stage",
    "placement_correct",
    "placement_discharge",
    "placement_transfer",
    "summary_placement_added",
    "summary_placement_changed",
    "summary_placement_discharged",
    "summary_snapshot",
    "summary_snapshot_worker",
    "summary_worker_changed",
    "worker_create",
    "worker_end",
    "worker_update",
]
