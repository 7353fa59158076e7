"""Referral pages: inbox and outbox, sending from a person's page with the capacity search, the detail with its
timeline and the answer buttons, and what an LKS takes in. Rules live in services and selectors.

`urls.py` uses the package (`views.ReferralListView`, `views.capacity`, …); the modules below are by concept:
`boxes` the inbox and outbox, `sending` the referral form and the capacity search, `detail` one referral and its
answers (accept, decline, complete, cancel), `intake` what an LKS takes in, and `_common` what they share.
"""

from .boxes import ReferralListView
from .detail import ReferralDetailView, referral_accept, referral_cancel, referral_complete, referral_decline
from .intake import IntakeView
from .sending import ReferralCreateView, capacity

__all__ = [
    "IntakeView",
    "ReferralCreateView",
    "ReferralDetailView",
    "ReferralListView",
    "capacity",
    "referral_accept",
    "referral_cancel",
    "referral_complete",
    "referral_decline",
]
