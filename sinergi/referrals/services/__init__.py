"""Writes about referrals: send, accept, decline, complete, cancel, escalate when unanswered; and what an LKS takes
in. Each write checks who acts for which end, follows ALLOWED_TRANSITIONS, dates the step (ReferralEvent), audits it
and notifies the other end — in one transaction (e-mails go out after commit).

Privacy: audit rows, notifications and e-mails name a referral by number and category, never the person.
Callers use the package (`from sinergi.referrals import services`); the modules below are by concept.
"""

from ._common import active_placement, acts_for, client_age, response_hours
from .intake import intake_set
from .reminders import referrals_reminders
from .sending import referral_received_notify, referral_send
from .transitions import referral_accept, referral_cancel, referral_complete, referral_decline

__all__ = [
    "acts_for",
    "active_placement",
    "client_age",
    "intake_set",
    "referral_accept",
    "referral_cancel",
    "referral_complete",
    "referral_decline",
    "referral_received_notify",
    "referral_send",
    "referrals_reminders",
    "response_hours",
]
