"""People pages (clients, care, rights, workforce): thin translations between HTTP and the services/selectors."""

from .care import (
    PlacementCorrectView,
    PlacementDischargeView,
    consent_withdraw,
    consent_withdrawal_correct,
    incident_list,
    person_consent,
    person_incident,
    placement_review,
    placement_stage,
)
from .clients import (
    PersonAdmitView,
    PersonDetailView,
    PersonListView,
    PersonUpdateView,
    PurposeView,
    ReviewsDueView,
    person_export,
    person_full_nik,
)
from .rights import (
    DuplicateListView,
    DuplicateMergeView,
    SubjectRequestView,
    duplicate_resolve,
    person_erase,
    person_restrict,
)
from .workers import WorkerCreateView, WorkerDetailView, WorkerEndView, WorkerListView, WorkerUpdateView

__all__ = [
    "DuplicateListView",
    "DuplicateMergeView",
    "PersonAdmitView",
    "PersonDetailView",
    "PersonListView",
    "PersonUpdateView",
    "PlacementCorrectView",
    "PlacementDischargeView",
    "PurposeView",
    "ReviewsDueView",
    "WorkerEndView",
    "consent_withdraw",
    "consent_withdrawal_correct",
    "SubjectRequestView",
    "WorkerCreateView",
    "WorkerDetailView",
    "WorkerListView",
    "WorkerUpdateView",
    "duplicate_resolve",
    "incident_list",
    "person_consent",
    "person_erase",
    "person_export",
    "person_full_nik",
    "person_incident",
    "person_restrict",
    "placement_review",
    "placement_stage",
]
