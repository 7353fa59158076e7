"""A clients row about a stay already stored: its plan (_plan_existing), the stay's changes (a discharge, categories
kept), the differences from the stored record and the corrections they make through person_update's rules, with
their refusals and warnings. Apart because correcting a record is the longest set of rules a row meets.

ClientPlanExisting, the mixin ClientsEntity is made of, is itself made of two by concept, each in its own module,
holding the old class's methods in their order: `stay` (ClientPlanExistingStay: _plan_existing, the warnings of its
corrections, the stay's discharge and categories kept) and `corrections` (ClientPlanExistingCorrections: the
differences from the stored record, the corrections they make, their refusals).

A test that patches a module-level name patches it where it is looked up (`clients.plan_existing.stay.age_warnings`),
not here; a method, on ClientsEntity.
"""

from .corrections import ClientPlanExistingCorrections
from .stay import ClientPlanExistingStay


class ClientPlanExisting(ClientPlanExistingStay, ClientPlanExistingCorrections):
    """The plan of a row about a stored stay: its discharge, and the corrections its differing cells make."""


__all__ = ["ClientPlanExisting"]
