"""Signals other apps listen to, so that this app need not know them.

`person_erased`: a client's identifying data is being erased (`person_erase`). Sent inside the erasing transaction,
before the records are scrubbed, with `person_ids` (the record and the records merged into it) and `identifiers`
(their full names, NIKs and KK numbers as they were): what other apps keep of the person outside the people tables
goes with the record (exchange: the import and export files and lists that hold them).
"""

from django.dispatch import Signal

person_erased = Signal()
