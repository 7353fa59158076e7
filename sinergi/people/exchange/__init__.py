"""Clients (with their placement) and workers as spreadsheets: the entities the exchange app imports and exports.

Loaded by the exchange app's autodiscovery (`exchange` modules of every app), which registers them.
"""

from sinergi.exchange.columns import register

from .clients import ClientsEntity
from .workers import WorkersEntity

register(ClientsEntity())
register(WorkersEntity())
