"""Registering a client (person, first placement, consent) and correcting the record, NIK and KK included.

`admission` holds `person_admit`, `correction` `person_update` and `person_change_refusal`, `fields` the person's
fields and how input is checked onto a record (NIK and KK included), and `changes` what a correction changed (the
audit's diff, the revision of identifying values). A test that replaces a name these functions look up (such as
`_flag_duplicates`) patches the module that uses it, `admission` or `correction`.
"""

from .admission import person_admit
from .correction import person_change_refusal, person_update
from .fields import IDENTIFYING_FIELDS, PERSON_FIELDS

__all__ = ["IDENTIFYING_FIELDS", "PERSON_FIELDS", "person_admit", "person_change_refusal", "person_update"]
