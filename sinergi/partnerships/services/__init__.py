"""Writes to partnerships. Each function checks scope, validates, audits, and says why it refuses.

Who may do what (documented in docs of issue 5, decided here):
- see an agreement: users of any party organisation (LKS operators), the kabupaten/kota boards and province admins
  whose region contains any party, and Dinas Sosial viewers of that region (scope action VIEW through the parties);
- create one: whoever may change at least one of its party organisations in the registry — the province admin, the
  kabupaten/kota board of a party's kabupaten/kota, or an operator of a party LKS (scope action CHANGE);
- change, activate, terminate it or add/remove documents: the same people, through the same parties (CHANGE on the
  agreement); an edit may not leave the editor with no party in their scope (no handing an agreement to strangers).
Counterparties may be any organisation the actor can see plus any active organisation of the actor's province (the
public directory already shows active LKS; partners and boards are public bodies).

Callers use the package (`from sinergi.partnerships import services`, `services.agreement_create(...)`); the
modules below are by concept: `parties` (who may act for which party, the candidates, `PartyInput`), `agreements`
(the rules, create, update), `status` (activate, terminate, expire), `documents` (upload, delete), `reminders`
(the hourly expiry and reminders, and who hears about an agreement) and `_common` (the history diff, today).
"""

from .agreements import EDITABLE_FIELDS, FINAL_STATUSES, agreement_create, agreement_update
from .documents import document_delete, document_upload
from .parties import PartyInput, actor_provinces, may_create_agreements, party_candidates
from .reminders import agreement_recipients, partnerships_reminders
from .status import agreement_activate, agreement_expire, agreement_terminate

__all__ = [
    "EDITABLE_FIELDS",
    "FINAL_STATUSES",
    "PartyInput",
    "actor_provinces",
    "agreement_activate",
    "agreement_create",
    "agreement_expire",
    "agreement_recipients",
    "agreement_terminate",
    "agreement_update",
    "document_delete",
    "document_upload",
    "may_create_agreements",
    "partnerships_reminders",
    "party_candidates",
]
