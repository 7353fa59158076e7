"""Reads of clients and workers; every one is scoped through accounts.scope.restrict.

Two rules on top of scope hold everywhere: an erased person is gone from every read, and a restricted person is
visible only to those who handle data-subject requests (province administrators).

Access logging: `person_get` does not log, because views also use it for forms and POST handlers. A view that
shows a person's detail calls `access.person_access_record(what="viewed", purpose=session_purpose(request))`
itself (after asking for the purpose when there is none). Selectors that reveal more than the view asked for —
`person_full_nik`, `duplicate_summary_for` — log by themselves.

Callers use the package (`from sinergi.people import selectors`, `selectors.person_list(...)`); the modules below
are by concept: `persons` (who may see a person — the visibility rules the others share —, one client or the list,
consents, the full NIK, access history, corrections read back), `care` (placements, reviews due, SNPA stages,
incidents), `duplicates` (duplicate candidates and the merge plan), `workers` (PSKS) and `registered` (what apps.py
registers with other apps: the hash key's sample and the LKS profile's section).
"""

from .care import incident_list, placement_list, placement_next_stage, placement_review_window, reviews_due
from .duplicates import (
    MERGE_FILLED,
    MergePlan,
    duplicate_candidates,
    duplicate_merge_default_keep,
    duplicate_merge_plan,
    duplicate_merge_plans,
    duplicate_summary_for,
    merge_fills,
)
from .persons import (
    RevisionChange,
    RevisionRow,
    consent_get,
    handles_subject_requests,
    person_accesses,
    person_base_queryset,
    person_full_nik,
    person_full_nik_allowed,
    person_get,
    person_list,
    person_merged_into,
    person_revisions,
)
from .registered import lks_profile_section, stored_hash_sample
from .workers import worker_accesses, worker_get, worker_list

__all__ = [
    "MERGE_FILLED",
    "MergePlan",
    "RevisionChange",
    "RevisionRow",
    "consent_get",
    "duplicate_candidates",
    "duplicate_merge_default_keep",
    "duplicate_merge_plan",
    "duplicate_merge_plans",
    "duplicate_summary_for",
    "handles_subject_requests",
    "incident_list",
    "lks_profile_section",
    "merge_fills",
    "person_accesses",
    "person_base_queryset",
    "person_full_nik",
    "person_full_nik_allowed",
    "person_get",
    "person_list",
    "person_merged_into",
    "person_revisions",
    "placement_list",
    "placement_next_stage",
    "placement_review_window",
    "reviews_due",
    "stored_hash_sample",
    "worker_accesses",
    "worker_get",
    "worker_list",
]
