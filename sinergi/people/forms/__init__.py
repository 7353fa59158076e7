"""Forms of the people pages: they only shape input; the rules live in the services, which check everything again.

`clients` holds a client's record (admission, correction, purpose, restriction and erasure), `care` the care once
admitted (consents, withdrawals, reviews, leaving, stays corrected, incidents), `workers` a worker's record and end,
and `fields` the widgets and field helpers they share.
"""

from .care import (
    ConsentForm,
    DischargeForm,
    IncidentForm,
    PlacementCorrectionForm,
    ReviewForm,
    WithdrawalCorrectionForm,
    WithdrawalForm,
)
from .clients import AdmitForm, PersonFieldsForm, PersonForm, PurposeForm, ReasonForm
from .workers import WorkerEndForm, WorkerForm

__all__ = [
    "AdmitForm",
    "ConsentForm",
    "DischargeForm",
    "IncidentForm",
    "PersonFieldsForm",
    "PersonForm",
    "PlacementCorrectionForm",
    "PurposeForm",
    "ReasonForm",
    "ReviewForm",
    "WithdrawalCorrectionForm",
    "WithdrawalForm",
    "WorkerEndForm",
    "WorkerForm",
]
