"""Clients (with their placement) and workers as spreadsheets: the entities the exchange app imports and exports.

Loaded by the exchange app's autodiscovery (`exchange` modules of every app), which registers them.
"""

from sinergi.exchange.columns import register

from ..signals import person_erased
from .clients import ClientsEntity
from .erasure import erased_person_jobs_purge
from .workers import WorkersEntity

register(ClientsEntity())
register(WorkersEntity())
# An erased client's imports and exports go with them, not at the end of the retention.
person_erased.connect(erased_person_jobs_purge, dispatch_uid="people.exchange.erased_person_jobs_purge")
